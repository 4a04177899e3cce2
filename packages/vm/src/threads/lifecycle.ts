// The life cycle of guest threads (docs/classlib.md "Thread life cycle"): the main thread and threads
// started by Thread.start run their entry, report an uncaught exception through
// Thread.dispatchUncaughtException, run Thread.exit, then end.
import type { RtClass } from '../runtime/class-model.js';
import { VmInternalError } from '../runtime/errors.js';
import type { Vm } from '../runtime/vm.js';
import type { JThread } from './thread.js';

function threadMethod(vm: Vm, name: string, descriptor: string): ReturnType<RtClass['findMethod']> {
  return vm.bootClass('java/lang/Thread').findMethod(name, descriptor);
}

/** Reports `exception` through Thread.dispatchUncaughtException (or prints it directly if the library lacks it). */
export async function reportUncaught(vm: Vm, t: JThread, exception: number): Promise<void> {
  const dispatch = threadMethod(vm, 'dispatchUncaughtException', '(Ljava/lang/Throwable;)V');
  if (dispatch !== undefined && t.javaThread !== 0) {
    const out = await vm.call(t, dispatch, [t.javaThread, exception]);
    if (out.exception === 0) return;
  }
  const cls = vm.classOf(exception);
  const msgField = cls.display.map((c) => c.findField('detailMessage', 'Ljava/lang/String;')).find((f) => f !== undefined);
  const msg = msgField ? vm.heap.i32[exception + msgField.offset]! : 0;
  const text = `Exception in thread "${t.name}" ${cls.javaName}${msg !== 0 ? `: ${vm.jsString(msg)}` : ''}\n`;
  vm.platform.writeStderr(new TextEncoder().encode(text));
}

/** Ends a thread: Thread.exit() (wakes joiners), then the green thread terminates. */
export async function endThread(vm: Vm, t: JThread): Promise<void> {
  const exit = threadMethod(vm, 'exit', '()V');
  if (exit !== undefined && t.javaThread !== 0) await vm.call(t, exit, [t.javaThread]);
  t.status = 'terminated';
}

/** Thread.start0: a new green thread running the Thread object's run(). */
export function startGuestThread(vm: Vm, threadObj: number): JThread {
  const threadCls = vm.bootClass('java/lang/Thread');
  const nameField = threadCls.findField('name', 'Ljava/lang/String;');
  const nameRef = nameField ? vm.heap.i32[threadObj + nameField.offset]! : 0;
  const t = vm.createThread(nameRef === 0 ? `Thread-${vm.threads.length}` : vm.jsString(nameRef));
  t.javaThread = threadObj;
  const body = async (): Promise<void> => {
    const rc = vm.classOf(t.javaThread);
    const at = rc.vtableIndex.get('run()V');
    const run = at === undefined ? undefined : rc.vtable[at];
    if (run === undefined) throw new VmInternalError(`${rc.name} has no run()V`);
    const out = await vm.call(t, run, [t.javaThread]);
    if (out.exception !== 0) await reportUncaught(vm, t, out.exception);
    await endThread(vm, t);
  };
  body().catch((e: unknown) => vm.scheduler.fail(e));
  return t;
}

/** True when the thread's Thread object says it is a daemon. */
export function isDaemon(vm: Vm, t: JThread): boolean {
  if (t.javaThread === 0) return false;
  const f = vm.bootClass('java/lang/Thread').findField('daemon', 'Z');
  return f !== undefined && vm.heap.i32[t.javaThread + f.offset] !== 0;
}
