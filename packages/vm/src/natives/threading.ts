// Natives that block a green thread: Object.wait, Thread.sleep, Thread.start. Blocking is a Promise
// returned to the native bridge; only the calling thread waits.
import { JavaThrowable } from '../runtime/errors.js';
import type { JThread } from '../threads/thread.js';
import type { NativeContext } from './registry.js';

/** Reads and clears the Thread object's `interrupted` field; false when the thread has no object yet. */
export function takeInterrupt(ctx: NativeContext, t: JThread): boolean {
  const { vm } = ctx;
  if (t.javaThread === 0) return false;
  const f = vm.requireField(vm.bootClass('java/lang/Thread'), 'interrupted', 'Z');
  const set = vm.heap.i32[t.javaThread + f.offset] !== 0;
  if (set) vm.heap.i32[t.javaThread + f.offset] = 0;
  return set;
}

export function waitOn(ctx: NativeContext, obj: number, ms: number): Promise<void> | void {
  const { vm, thread } = ctx;
  if (ms < 0) throw new JavaThrowable('java/lang/IllegalArgumentException', 'timeout value is negative');
  if (!vm.monitors.owns(thread, obj)) {
    throw new JavaThrowable('java/lang/IllegalMonitorStateException', 'current thread is not owner');
  }
  if (takeInterrupt(ctx, thread)) throw new JavaThrowable('java/lang/InterruptedException', null);
  const count = vm.monitors.releaseForWait(thread, obj);
  const h = vm.persistentHandles.add(obj);
  return new Promise<void>((resolve, reject) => {
    let timer: { cancel(): void } | undefined;
    const finish = (interrupted: boolean): void => {
      thread.wakeAction = undefined;
      timer?.cancel();
      thread.interruptAction = undefined;
      const target = vm.persistentHandles.get(h);
      vm.persistentHandles.free(h);
      // Re-acquiring may have to wait for the notifier to leave its synchronized block.
      vm.monitors.reacquire(thread, target, count, () => {
        if (interrupted) {
          takeInterrupt(ctx, thread);
          reject(new JavaThrowable('java/lang/InterruptedException', null));
        } else resolve();
      });
    };
    thread.wakeAction = () => finish(false);
    thread.interruptAction = () => finish(true);
    if (ms > 0) timer = vm.platform.setTimer(ms, () => finish(false));
  });
}

export function sleep(ctx: NativeContext, ms: number): Promise<void> {
  const { vm, thread } = ctx;
  if (takeInterrupt(ctx, thread)) throw new JavaThrowable('java/lang/InterruptedException', 'sleep interrupted');
  return new Promise<void>((resolve, reject) => {
    const timer = vm.platform.setTimer(ms, () => {
      thread.interruptAction = undefined;
      resolve();
    });
    thread.interruptAction = () => {
      timer.cancel();
      thread.interruptAction = undefined;
      takeInterrupt(ctx, thread);
      reject(new JavaThrowable('java/lang/InterruptedException', 'sleep interrupted'));
    };
  });
}
