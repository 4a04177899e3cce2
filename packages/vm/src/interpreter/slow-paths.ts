// The first execution of an instruction that refers to the constant pool: resolve the reference, check
// what the JVMS requires, initialise the class where the instruction is an active use, and rewrite the
// instruction into its quick form (quick-opcodes.ts) so later executions skip all of this.
import { resolveField, resolveMethod } from '../linker/resolution.js';
import { InterfaceSite, VirtualSite, type RtClass, type RtMethod } from '../runtime/class-model.js';
import { JavaThrowable } from '../runtime/errors.js';
import { ensureInitialized } from '../runtime/initialization.js';
import type { Vm } from '../runtime/vm.js';
import type { JThread } from '../threads/thread.js';
import * as Q from './quick-opcodes.js';

function u2(code: Uint8Array, pc: number): number {
  return (code[pc + 1]! << 8) | code[pc + 2]!;
}

/** True when the class may be used by this thread now; quickening is allowed only once it is fully initialised. */
function initialised(vm: Vm, thread: JThread, c: RtClass): boolean | 'pushed' {
  if (c.state === 'initialized') return true;
  if (!ensureInitialized(vm, thread, c)) return 'pushed';
  return isInitialized(c);
}

function isInitialized(c: RtClass): boolean {
  return c.state === 'initialized';
}

/**
 * Resolves the instruction at `pc` and rewrites it to its quick form. Returns true when frames were
 * pushed (class initialisation) and the interpreter must reload; the instruction then runs again.
 */
export function quicken(vm: Vm, thread: JThread, m: RtMethod, pc: number): boolean {
  const code = m.code;
  const cls = m.cls;
  const op = code[pc]!;
  const idx = u2(code, pc);
  switch (op) {
    case 0xb4: // getfield
    case 0xb5: { // putfield
      const f = resolveField(vm, cls, idx);
      if (f.isStatic) {
        throw new JavaThrowable('java/lang/IncompatibleClassChangeError', `Expected non-static field ${f.cls.javaName}.${f.name}`);
      }
      cls.cpIndex[idx] = f.offset;
      const k = f.kind;
      code[pc] =
        op === 0xb4
          ? k === 'F' ? Q.Q_GETFIELD_F : k === 'J' ? Q.Q_GETFIELD_J : k === 'D' ? Q.Q_GETFIELD_D : Q.Q_GETFIELD_I
          : k === 'F' ? Q.Q_PUTFIELD_F : k === 'J' ? Q.Q_PUTFIELD_J : k === 'D' ? Q.Q_PUTFIELD_D
          : k === 'B' ? Q.Q_PUTFIELD_B : k === 'C' ? Q.Q_PUTFIELD_C : k === 'S' ? Q.Q_PUTFIELD_S
          : k === 'Z' ? Q.Q_PUTFIELD_Z : Q.Q_PUTFIELD_I;
      return false;
    }
    case 0xb2: // getstatic
    case 0xb3: { // putstatic
      const f = resolveField(vm, cls, idx);
      if (!f.isStatic) {
        throw new JavaThrowable('java/lang/IncompatibleClassChangeError', `Expected static field ${f.cls.javaName}.${f.name}`);
      }
      const ready = initialised(vm, thread, f.cls);
      if (ready === 'pushed') return true;
      cls.cpCache[idx] = f.cls.statics;
      cls.cpIndex[idx] = f.offset;
      const k = f.kind;
      const wide = k === 'J' || k === 'D';
      const quick =
        op === 0xb2
          ? wide ? Q.Q_GETSTATIC_2 : Q.Q_GETSTATIC_1
          : wide ? Q.Q_PUTSTATIC_2 : k === 'B' ? Q.Q_PUTSTATIC_B : k === 'C' ? Q.Q_PUTSTATIC_C
          : k === 'S' ? Q.Q_PUTSTATIC_S : k === 'Z' ? Q.Q_PUTSTATIC_Z : Q.Q_PUTSTATIC_1;
      // While <clinit> of the holder runs on this thread, quickening is still right for this thread;
      // other green threads wait for initialisation in ensureInitialized before reaching here.
      code[pc] = quick;
      return false;
    }
    case 0xb8: { // invokestatic
      const target = resolveMethod(vm, cls, idx);
      if (!target.isStatic) {
        throw new JavaThrowable('java/lang/IncompatibleClassChangeError', `Expecting a static method ${vm.prettyMethod(target)}`);
      }
      const ready = initialised(vm, thread, target.cls);
      if (ready === 'pushed') return true;
      cls.cpCache[idx] = target;
      code[pc] = Q.Q_INVOKESTATIC;
      return false;
    }
    case 0xb7: { // invokespecial
      const resolved = resolveMethod(vm, cls, idx);
      if (resolved.isStatic) {
        throw new JavaThrowable('java/lang/IncompatibleClassChangeError', `Expecting non-static method ${vm.prettyMethod(resolved)}`);
      }
      let target = resolved;
      // invokespecial of a superclass method (super.m()) selects from the current class's superclass.
      const sup = cls.superClass;
      if (resolved.name !== '<init>' && !resolved.isPrivate && !resolved.cls.isInterface && sup !== null &&
          (cls.flags & 0x0020) !== 0 && resolved.cls !== cls && vm.isAssignable(cls, resolved.cls)) {
        const at = sup.vtableIndex.get(resolved.key);
        if (at !== undefined) target = sup.vtable[at]!;
      }
      if (target.isAbstract) {
        throw new JavaThrowable('java/lang/AbstractMethodError', `'${vm.prettyMethod(target)}'`);
      }
      cls.cpCache[idx] = target;
      code[pc] = Q.Q_INVOKESPECIAL;
      return false;
    }
    case 0xb6: { // invokevirtual
      const resolved = resolveMethod(vm, cls, idx);
      if (resolved.isStatic) {
        throw new JavaThrowable('java/lang/IncompatibleClassChangeError', `Expecting non-static method ${vm.prettyMethod(resolved)}`);
      }
      const isFinal = resolved.isPrivate || (resolved.flags & 0x0010) !== 0 || (resolved.cls.flags & 0x0010) !== 0;
      if (isFinal && !resolved.isAbstract) {
        cls.cpVirtual[idx] = resolved;
        code[pc] = Q.Q_INVOKEFINAL;
        return false;
      }
      const owner = vm.resolveClassName(cls, memberClassIndex(cls, idx));
      const vindex = owner.vtableIndex.get(resolved.key);
      if (vindex === undefined) throw new JavaThrowable('java/lang/AbstractMethodError', `'${vm.prettyMethod(resolved)}'`);
      cls.cpVirtual[idx] = new VirtualSite(vindex, resolved.argSlots);
      code[pc] = Q.Q_INVOKEVIRTUAL;
      return false;
    }
    case 0xb9: { // invokeinterface
      const resolved = resolveMethod(vm, cls, idx);
      if (resolved.isStatic) {
        throw new JavaThrowable('java/lang/IncompatibleClassChangeError', `Expecting non-static method ${vm.prettyMethod(resolved)}`);
      }
      cls.cpVirtual[idx] = new InterfaceSite(resolved, resolved.key, resolved.argSlots);
      code[pc] = Q.Q_INVOKEINTERFACE;
      return false;
    }
    case 0xbb: { // new
      const c = vm.resolveClassName(cls, idx);
      if (c.isInterface || c.isAbstract) throw new JavaThrowable('java/lang/InstantiationError', c.javaName);
      const ready = initialised(vm, thread, c);
      if (ready === 'pushed') return true;
      cls.cpCache[idx] = c;
      code[pc] = Q.Q_NEW;
      return false;
    }
    case 0xbd: // anewarray
    case 0xc0: // checkcast
    case 0xc1: { // instanceof
      cls.cpCache[idx] = vm.resolveClassName(cls, idx);
      code[pc] = op === 0xbd ? Q.Q_ANEWARRAY : op === 0xc0 ? Q.Q_CHECKCAST : Q.Q_INSTANCEOF;
      return false;
    }
    default:
      throw new JavaThrowable('java/lang/VerifyError', `cannot quicken opcode ${op}`);
  }
}

function memberClassIndex(cls: RtClass, index: number): number {
  const e = cls.cp(index);
  if (e?.kind === 'Methodref' || e?.kind === 'InterfaceMethodref' || e?.kind === 'Fieldref') return e.classIndex;
  throw new JavaThrowable('java/lang/VerifyError', `Bad member reference ${index} in ${cls.name}`);
}

/** invokeinterface selection (JVMS 5.4.6) with a one-entry inline cache per call site. */
export function selectInterfaceMethod(vm: Vm, receiver: RtClass, site: InterfaceSite): RtMethod {
  if (site.lastClass === receiver) return site.lastTarget!;
  const at = receiver.vtableIndex.get(site.key);
  const target = at === undefined ? undefined : receiver.vtable[at];
  if (target === undefined || (!receiver.allInterfaces.has(site.method.cls) && site.method.cls !== vm.objectClass && site.method.cls.isInterface)) {
    throw new JavaThrowable(
      'java/lang/IncompatibleClassChangeError',
      `Class ${receiver.javaName} does not implement the requested interface ${site.method.cls.javaName}`,
    );
  }
  if (target.isAbstract) {
    throw new JavaThrowable(
      'java/lang/AbstractMethodError',
      `Receiver class ${receiver.javaName} does not define or inherit an implementation of the resolved method 'abstract ${vm.prettyMethod(site.method)}' of interface ${site.method.cls.javaName}.`,
    );
  }
  site.lastClass = receiver;
  site.lastTarget = target;
  return target;
}

/** ldc, ldc_w, ldc2_w: pushes the constant and returns the new sp. */
export function ldc(vm: Vm, thread: JThread, m: RtMethod, pc: number, sp: number): number {
  const code = m.code;
  const cls = m.cls;
  const op = code[pc]!;
  const idx = op === 0x12 ? code[pc + 1]! : u2(code, pc);
  const e = cls.cp(idx);
  const s = thread.slots;
  let value: number;
  switch (e?.kind) {
    case 'Integer':
    case 'Float':
      value = e.value;
      break;
    case 'String': {
      const u = cls.cp(e.stringIndex);
      value = vm.intern(u?.kind === 'Utf8' ? u.value : '');
      break;
    }
    case 'Class':
      value = vm.mirrorOf(vm.resolveClassName(cls, idx));
      break;
    case 'Long':
      cls.cpCache[idx] = e.value.low;
      cls.cpIndex[idx] = e.value.high;
      code[pc] = Q.Q_LDC2_W;
      s[sp] = e.value.low;
      s[sp + 1] = e.value.high;
      return sp + 2;
    case 'Double':
      cls.cpCache[idx] = e.value;
      code[pc] = Q.Q_LDC2_W;
      s[sp] = e.value;
      return sp + 2;
    default:
      throw new JavaThrowable('java/lang/VerifyError', `ldc of an unsupported constant (${e?.kind ?? 'none'}) in ${cls.name}`);
  }
  if (op !== 0x14) {
    cls.cpCache[idx] = value;
    code[pc] = op === 0x12 ? Q.Q_LDC : Q.Q_LDC_W;
  }
  s[sp] = value;
  return sp + 1;
}

/** multianewarray: returns the new sp. */
export function multiANewArray(vm: Vm, thread: JThread, m: RtMethod, pc: number, sp: number): number {
  const code = m.code;
  const arrayClass = vm.resolveClassName(m.cls, u2(code, pc));
  const dims = code[pc + 3]!;
  const s = thread.slots;
  const counts: number[] = [];
  for (let i = 0; i < dims; i++) counts.push(s[sp - dims + i]!);
  for (const c of counts) if (c < 0) throw new JavaThrowable('java/lang/NegativeArraySizeException', String(c));
  const ref = build(vm, arrayClass, counts, 0);
  sp -= dims;
  s[sp] = ref;
  return sp + 1;
}

function build(vm: Vm, arrayClass: RtClass, counts: number[], level: number): number {
  const n = counts[level]!;
  const arr = vm.newArray(arrayClass, n);
  if (level + 1 < counts.length && arrayClass.componentType?.isArray) {
    const h = vm.handles.push(arr);
    for (let i = 0; i < n; i++) {
      const child = build(vm, arrayClass.componentType, counts, level + 1);
      vm.heap.i32[vm.handles.get(h) + 4 + i] = child;
    }
    const result = vm.handles.get(h);
    vm.handles.pop(h);
    return result;
  }
  return arr;
}
