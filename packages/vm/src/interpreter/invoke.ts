// Calling a resolved method from the interpreter: push a frame for bytecode, call the host function for a
// native. The caller has saved its pc (the invoke's) and nextPc; the arguments are the top
// `callee.argSlots` slots of its operand stack and become the callee's first locals without copying.
import type { RtMethod } from '../runtime/class-model.js';
import { JavaThrowable } from '../runtime/errors.js';
import type { Vm } from '../runtime/vm.js';
import type { Frame } from '../threads/frame.js';
import type { JThread } from '../threads/thread.js';

export function invokeMethod(vm: Vm, thread: JThread, caller: Frame, callee: RtMethod, sp: number): void {
  const base = sp - callee.argSlots;
  caller.sp = sp;
  if (callee.isNative) {
    vm.callNative(thread, caller, callee, base);
    return;
  }
  if (callee.isAbstract) {
    throw new JavaThrowable('java/lang/AbstractMethodError', `Receiver class ${vm.receiverClassName(thread, base)} does not define or inherit an implementation of the resolved method 'abstract ${vm.prettyMethod(callee)}' of ${callee.cls.isInterface ? 'interface' : 'abstract class'} ${callee.cls.javaName}.`);
  }
  if (thread.wouldOverflow(callee, base)) {
    throw new JavaThrowable('java/lang/StackOverflowError', null);
  }
  let lock = 0;
  if (callee.isSynchronized) {
    lock = callee.isStatic ? vm.mirrorOf(callee.cls) : thread.slots[base]!;
    if (!vm.monitors.enter(thread, lock)) return;
  }
  caller.sp = base;
  const f = thread.pushFrame(callee, base);
  f.lockRef = lock;
}
