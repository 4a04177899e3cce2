// Resolution of symbolic field and method references (JVMS 5.4.3.2-5.4.3.4), cached per constant-pool
// entry. Errors carry HotSpot's messages.
import type { RtClass, RtField, RtMethod } from '../runtime/class-model.js';
import { JavaThrowable } from '../runtime/errors.js';
import type { Vm } from '../runtime/vm.js';
import { memberRef } from '../interpreter/exception-messages.js';

function refOf(vm: Vm, cls: RtClass, index: number): { owner: RtClass; name: string; descriptor: string; kind: string } {
  const e = cls.cp(index);
  if (e === undefined || (e.kind !== 'Fieldref' && e.kind !== 'Methodref' && e.kind !== 'InterfaceMethodref')) {
    throw new JavaThrowable('java/lang/VerifyError', `Bad member reference ${index} in ${cls.name}`);
  }
  const owner = vm.resolveClassName(cls, e.classIndex);
  const sym = memberRef(cls.file?.constantPool, index);
  if (sym === undefined) throw new JavaThrowable('java/lang/VerifyError', `Bad member reference ${index} in ${cls.name}`);
  return { owner, name: sym.name, descriptor: sym.descriptor, kind: e.kind };
}

export function resolveField(vm: Vm, cls: RtClass, index: number): RtField {
  const cached = cls.cpResolved[index] as RtField | undefined;
  if (cached !== undefined) return cached;
  const { owner, name, descriptor } = refOf(vm, cls, index);
  const f = lookupField(owner, name, descriptor);
  if (f === undefined) throw new JavaThrowable('java/lang/NoSuchFieldError', name);
  cls.cpResolved[index] = f;
  return f;
}

function lookupField(c: RtClass, name: string, descriptor: string): RtField | undefined {
  const own = c.findField(name, descriptor);
  if (own) return own;
  for (const i of c.interfaces) {
    const f = lookupField(i, name, descriptor);
    if (f) return f;
  }
  return c.superClass ? lookupField(c.superClass, name, descriptor) : undefined;
}

export function resolveMethod(vm: Vm, cls: RtClass, index: number): RtMethod {
  const cached = cls.cpResolved[index] as RtMethod | undefined;
  if (cached !== undefined) return cached;
  const { owner, name, descriptor, kind } = refOf(vm, cls, index);
  let m: RtMethod | undefined;
  if (kind === 'InterfaceMethodref') {
    if (!owner.isInterface) {
      throw new JavaThrowable('java/lang/IncompatibleClassChangeError', `Found class ${owner.javaName}, but interface was expected`);
    }
    m = owner.findMethod(name, descriptor) ?? vm.objectClass.findMethod(name, descriptor) ?? lookupInterfaces(owner, name, descriptor);
  } else {
    if (owner.isInterface) {
      throw new JavaThrowable('java/lang/IncompatibleClassChangeError', `Found interface ${owner.javaName}, but class was expected`);
    }
    for (let c: RtClass | null = owner; c !== null && m === undefined; c = c.superClass) m = c.findMethod(name, descriptor);
    m ??= lookupInterfaces(owner, name, descriptor);
  }
  if (m === undefined) {
    const probe = { cls: owner, name, descriptor } as RtMethod;
    throw new JavaThrowable('java/lang/NoSuchMethodError', `'${vm.prettyMethod(probe)}'`);
  }
  cls.cpResolved[index] = m;
  return m;
}

/** A maximally specific superinterface method: a non-abstract one wins over abstract ones. */
function lookupInterfaces(c: RtClass, name: string, descriptor: string): RtMethod | undefined {
  let found: RtMethod | undefined;
  for (const i of c.allInterfaces) {
    const m = i.findMethod(name, descriptor);
    if (m === undefined || m.isStatic || m.isPrivate) continue;
    if (found === undefined || (found.isAbstract && !m.isAbstract)) found = m;
  }
  return found;
}
