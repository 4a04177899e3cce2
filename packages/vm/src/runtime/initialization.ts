// Class initialisation (JVMS 5.5) without host recursion: when an instruction needs an uninitialised
// class, `ensureInitialized` pushes a frame running its <clinit> (superclass first, by re-executing the
// instruction after each step) and the interpreter re-executes the instruction when that frame returns.
import { FRAME_CLINIT } from '../threads/frame.js';
import type { JThread } from '../threads/thread.js';
import type { RtClass } from './class-model.js';
import { JavaThrowable } from './errors.js';
import type { Vm } from './vm.js';

/**
 * True when `cls` may be used now (initialised, or being initialised by this very thread). Otherwise
 * pushes initialisation frames or blocks the thread, and returns false: the caller re-executes its
 * instruction when the thread next runs.
 */
export function ensureInitialized(vm: Vm, thread: JThread, cls: RtClass): boolean {
  switch (cls.state) {
    case 'initialized':
      return true;
    case 'initializing':
      if (cls.initThread === thread) return true;
      thread.status = 'waiting';
      vm.scheduler.waitForInit(thread, cls);
      return false;
    case 'erroneous':
      throw new JavaThrowable('java/lang/NoClassDefFoundError', `Could not initialize class ${cls.javaName}`, 0, () =>
        vm.initFailureCause(cls),
      );
    case 'loaded':
    case 'linked':
      break;
  }
  const sup = cls.superClass;
  if (sup !== null && sup.state !== 'initialized') {
    if (!ensureInitialized(vm, thread, sup)) return false;
  }
  const clinit = cls.isArray ? undefined : cls.findMethod('<clinit>', '()V');
  if (clinit !== undefined && thread.wouldOverflow(clinit, thread.freeSlot())) {
    throw new JavaThrowable('java/lang/StackOverflowError', null);
  }
  cls.state = 'initializing';
  cls.initThread = thread;
  setConstantValues(vm, cls);
  if (clinit === undefined) {
    markInitialized(vm, cls);
    return true;
  }
  const f = vm.pushCall(thread, clinit, [], FRAME_CLINIT);
  f.initClass = cls;
  return false;
}

/** Static fields with a ConstantValue attribute get their value before <clinit> runs (JVMS 5.5 step 6). */
function setConstantValues(vm: Vm, cls: RtClass): void {
  for (const f of cls.fields) {
    if (!f.isStatic || f.constantValueIndex === 0) continue;
    const e = cls.cp(f.constantValueIndex);
    const st = cls.statics;
    switch (e?.kind) {
      case 'Integer':
      case 'Float':
      case 'Double':
        st[f.offset] = e.value;
        break;
      case 'Long':
        st[f.offset] = e.value.low;
        st[f.offset + 1] = e.value.high;
        break;
      case 'String': {
        const u = cls.cp(e.stringIndex);
        if (u?.kind === 'Utf8') st[f.offset] = vm.intern(u.value);
        break;
      }
      default:
        break;
    }
  }
}

export function markInitialized(vm: Vm, cls: RtClass): void {
  cls.state = 'initialized';
  cls.initThread = undefined;
  vm.scheduler.initFinished(cls);
}

export function markErroneous(vm: Vm, cls: RtClass, cause: RtClass): void {
  cls.state = 'erroneous';
  cls.initThread = undefined;
  cls.initError = cause.name;
  vm.scheduler.initFinished(cls);
}
