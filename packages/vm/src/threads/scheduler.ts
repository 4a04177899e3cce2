// The green-thread scheduler (DESIGN 6): runs runnable threads round-robin, each for a budget of
// interpreter work, and returns to the host event loop regularly so timers and I/O make progress
// (through Platform.yieldToHost, not setTimeout(0) and its 4 ms clamp).
import { interpret } from '../interpreter/interpreter.js';
import type { RtClass } from '../runtime/class-model.js';
import type { Vm } from '../runtime/vm.js';
import type { JThread } from './thread.js';

/** Interpreter work units (calls and backward branches) per time slice. */
export const SLICE_BUDGET = 20_000;
/** How long the VM may keep the host's event loop waiting. */
const MAX_HOST_PAUSE_MS = 20;

interface DepthWatcher {
  thread: JThread;
  depth: number;
  done: () => void;
}

export class Scheduler {
  /** Async natives in flight (their threads will wake). */
  pendingAsync = 0;
  private cursor = 0;
  private wakeResolve: (() => void) | undefined;
  private watchers: DepthWatcher[] = [];
  private readonly initWaiters = new Map<RtClass, JThread[]>();
  private failure: { error: unknown } | undefined;

  constructor(private readonly vm: Vm) {}

  /** Something may have become runnable: resume the loop if it is idle. */
  wake(): void {
    const r = this.wakeResolve;
    this.wakeResolve = undefined;
    r?.();
  }

  /** Reports an internal error found outside the loop (in a promise callback); the loop rethrows it. */
  fail(error: unknown): void {
    this.failure = { error };
    this.wake();
  }

  /** Calls `done` once `thread` is back at `depth` frames (a host call or initialisation finished). */
  watchDepth(thread: JThread, depth: number, done: () => void): void {
    this.watchers.push({ thread, depth, done });
  }

  waitForInit(thread: JThread, cls: RtClass): void {
    const list = this.initWaiters.get(cls) ?? [];
    list.push(thread);
    this.initWaiters.set(cls, list);
  }

  initFinished(cls: RtClass): void {
    const list = this.initWaiters.get(cls);
    if (list === undefined) return;
    this.initWaiters.delete(cls);
    for (const t of list) if (t.status === 'waiting') t.status = 'runnable';
    this.wake();
  }

  private checkWatchers(): void {
    if (this.watchers.length === 0) return;
    const fired: DepthWatcher[] = [];
    this.watchers = this.watchers.filter((w) => {
      if (w.thread.depth > w.depth) return true;
      fired.push(w);
      return false;
    });
    for (const w of fired) w.done();
  }

  private next(): JThread | undefined {
    const ts = this.vm.threads;
    for (let i = 0; i < ts.length; i++) {
      const t = ts[(this.cursor + i) % ts.length]!;
      if (t.status === 'runnable' && t.depth > 0) {
        this.cursor = (this.cursor + i + 1) % ts.length;
        return t;
      }
    }
    return undefined;
  }

  /** Runs threads until `done()` holds, the VM halts, or nothing can ever run again. */
  async run(done: () => boolean): Promise<void> {
    let lastYield = Date.now();
    let idleRounds = 0;
    for (;;) {
      if (this.failure) throw this.failure.error;
      this.checkWatchers();
      if (this.vm.halted !== undefined || done()) return;
      const t = this.next();
      if (t === undefined) {
        // Let host-side continuations (promise callbacks of VM calls) run, then look again; give up only
        // when nothing is running, nothing is pending and repeated host turns changed nothing.
        const pending = this.pendingAsync > 0;
        await new Promise<void>((resolve) => {
          this.wakeResolve = resolve;
          if (!pending) this.vm.platform.yieldToHost(resolve);
        });
        this.wakeResolve = undefined;
        idleRounds = pending ? 0 : idleRounds + 1;
        if (idleRounds > 3) return;
        continue;
      }
      idleRounds = 0;
      interpret(this.vm, t, SLICE_BUDGET);
      // Host continuations waiting on a finished call run at the next microtask checkpoint.
      await null;
      const now = Date.now();
      if (now - lastYield > MAX_HOST_PAUSE_MS) {
        await new Promise<void>((resolve) => this.vm.platform.yieldToHost(resolve));
        lastYield = Date.now();
      }
    }
  }
}
