// Java monitors. An object's lock word (header word 2) is 0 while nobody has ever contended for or held
// it, otherwise an index into this table. A monitor records its owner, recursion count, the threads
// waiting to enter and the wait set (Object.wait). Green threads block here instead of spinning.
import { HDR_LOCK } from '../heap/layout.js';
import type { Heap } from '../heap/heap.js';
import { JavaThrowable } from '../runtime/errors.js';
import type { JThread } from './thread.js';

export class Monitor {
  owner: JThread | undefined;
  count = 0;
  readonly entryQueue: JThread[] = [];
  readonly waitSet: JThread[] = [];
  /** Threads back from Object.wait that want the monitor again: called, in order, as it becomes free. */
  readonly reacquirers: (() => void)[] = [];
  constructor(readonly obj: number) {}
}

export class Monitors {
  private readonly table: (Monitor | undefined)[] = [undefined];
  private readonly free: number[] = [];
  /** Called when a blocked thread becomes runnable again. */
  onWake: (t: JThread) => void = () => {};

  constructor(private readonly heap: Heap) {}

  private monitorOf(obj: number, create: boolean): Monitor | undefined {
    const word = this.heap.i32[obj + HDR_LOCK]!;
    if (word !== 0) return this.table[word];
    if (!create) return undefined;
    const m = new Monitor(obj);
    const index = this.free.pop() ?? this.table.length;
    this.table[index] = m;
    this.heap.i32[obj + HDR_LOCK] = index;
    return m;
  }

  /** The monitor has just become free: hand it to a returning waiter, or wake one blocked thread. */
  private handOver(m: Monitor): void {
    const again = m.reacquirers.shift();
    if (again !== undefined) {
      again();
      return;
    }
    const next = m.entryQueue.shift();
    if (next !== undefined) {
      next.status = 'runnable';
      this.onWake(next);
    }
  }

  private release(obj: number, m: Monitor): void {
    if (m.owner === undefined && m.entryQueue.length === 0 && m.waitSet.length === 0 && m.reacquirers.length === 0) {
      const index = this.heap.i32[obj + HDR_LOCK]!;
      this.table[index] = undefined;
      this.free.push(index);
      this.heap.i32[obj + HDR_LOCK] = 0;
    }
  }

  /**
   * Enters the monitor of `obj`. Returns false when another thread owns it: the thread is then blocked
   * and queued, and the caller must re-execute the entering instruction once the thread runs again.
   */
  enter(thread: JThread, obj: number): boolean {
    const m = this.monitorOf(obj, true)!;
    if (m.owner === undefined) {
      m.owner = thread;
      m.count = 1;
      return true;
    }
    if (m.owner === thread) {
      m.count++;
      return true;
    }
    thread.status = 'blocked';
    m.entryQueue.push(thread);
    return false;
  }

  exit(thread: JThread, obj: number): void {
    const m = this.monitorOf(obj, false);
    if (m === undefined || m.owner !== thread) {
      throw new JavaThrowable('java/lang/IllegalMonitorStateException', 'current thread is not owner');
    }
    if (--m.count > 0) return;
    m.owner = undefined;
    this.handOver(m);
    this.release(obj, m);
  }

  /** True when `thread` holds the monitor of `obj`. */
  owns(thread: JThread, obj: number): boolean {
    return this.monitorOf(obj, false)?.owner === thread;
  }

  /** Releases the monitor completely for Object.wait; returns the recursion count to restore later. */
  releaseForWait(thread: JThread, obj: number): number {
    const m = this.monitorOf(obj, false);
    if (m === undefined || m.owner !== thread) {
      throw new JavaThrowable('java/lang/IllegalMonitorStateException', 'current thread is not owner');
    }
    const count = m.count;
    m.owner = undefined;
    m.count = 0;
    m.waitSet.push(thread);
    this.handOver(m);
    return count;
  }

  /**
   * Re-acquires the monitor after a wait with the saved recursion count, calling `acquired` once the
   * thread owns it again (at once if it is free, else when its owner releases it).
   */
  reacquire(thread: JThread, obj: number, count: number, acquired: () => void): void {
    const m = this.monitorOf(obj, true)!;
    const w = m.waitSet.indexOf(thread);
    if (w >= 0) m.waitSet.splice(w, 1);
    const take = (): void => {
      m.owner = thread;
      m.count = count;
      acquired();
    };
    if (m.owner === undefined) take();
    else m.reacquirers.push(take);
  }

  /** Removes and returns waiters of `obj`'s wait set (one, or all). */
  notify(thread: JThread, obj: number, all: boolean): JThread[] {
    const m = this.monitorOf(obj, false);
    if (m === undefined || m.owner !== thread) {
      throw new JavaThrowable('java/lang/IllegalMonitorStateException', 'current thread is not owner');
    }
    return all ? m.waitSet.splice(0) : m.waitSet.splice(0, 1);
  }

  /** Objects whose monitors are in use (the collector treats monitor objects as live). */
  *lockedObjects(): Iterable<number> {
    for (const m of this.table) if (m !== undefined) yield m.obj;
  }
}
