// HotSpot's messages for exceptions the interpreter raises itself.
import type { ConstantPoolEntries } from '@oakvm/classfile';
import type { RtMethod } from '../runtime/class-model.js';
import { JavaThrowable } from '../runtime/errors.js';
import { describeNullSource } from './null-source.js';

/**
 * Whether NullPointerExceptions get JDK 17's helpful messages (-XX:[+-]ShowCodeDetailsInExceptionMessages).
 * Process-wide, as the flag is for a JVM process; the Vm sets it from its options.
 */
export const helpfulMessages = { enabled: true };

export function arrayIndexError(index: number, length: number): JavaThrowable {
  return new JavaThrowable('java/lang/ArrayIndexOutOfBoundsException', `Index ${index} out of bounds for length ${length}`);
}

/**
 * A NullPointerException with JDK 17's helpful message: what the instruction at `pc` could not do, and
 * (where the value's origin can be found) which expression was null. `action` is given by array and
 * monitor instructions; field and invoke instructions describe themselves from the constant pool.
 */
export function nullPointer(method: RtMethod, pc: number, action: string | null): JavaThrowable {
  if (!helpfulMessages.enabled) return new JavaThrowable('java/lang/NullPointerException', null);
  let what = action ?? describeMemberAction(method, pc);
  const source = describeNullSource(method, pc);
  if (source !== undefined) what += ` because ${source} is null`;
  return new JavaThrowable('java/lang/NullPointerException', what);
}

function describeMemberAction(method: RtMethod, pc: number): string {
  const code = method.code;
  const op = code[pc]!;
  const idx = (code[pc + 1]! << 8) | code[pc + 2]!;
  const ref = memberRef(method.cls.file?.constantPool, idx);
  if (ref === undefined) return 'Cannot complete the operation';
  if (isGetField(op)) return `Cannot read field "${ref.name}"`;
  if (isPutField(op)) return `Cannot assign field "${ref.name}"`;
  return `Cannot invoke "${printMethod(ref.owner, ref.name, ref.descriptor)}"`;
}

function isGetField(op: number): boolean {
  return op === 0xb4 || (op >= 203 && op <= 206);
}

function isPutField(op: number): boolean {
  return op === 0xb5 || (op >= 207 && op <= 214);
}

export interface SymbolicRef {
  owner: string;
  name: string;
  descriptor: string;
}

/** The class, name and descriptor a Fieldref/Methodref/InterfaceMethodref entry names. */
export function memberRef(pool: ConstantPoolEntries | undefined, index: number): SymbolicRef | undefined {
  const e = pool?.[index];
  if (pool === undefined || e === undefined) return undefined;
  if (e.kind !== 'Fieldref' && e.kind !== 'Methodref' && e.kind !== 'InterfaceMethodref') return undefined;
  const c = pool[e.classIndex];
  const nt = pool[e.nameAndTypeIndex];
  if (c?.kind !== 'Class' || nt?.kind !== 'NameAndType') return undefined;
  const owner = pool[c.nameIndex];
  const name = pool[nt.nameIndex];
  const desc = pool[nt.descriptorIndex];
  if (owner?.kind !== 'Utf8' || name?.kind !== 'Utf8' || desc?.kind !== 'Utf8') return undefined;
  return { owner: owner.value, name: name.value, descriptor: desc.value };
}

/** HotSpot's way of naming a class in these messages: java.lang.Object and java.lang.String lose their package. */
export function printClassName(internal: string): string {
  const name = internal.replace(/\//g, '.');
  return name === 'java.lang.Object' || name === 'java.lang.String' ? name.slice(10) : name;
}

/** A field descriptor as Java source spells the type: `int`, `String[]`, `java.util.List`. */
export function printType(descriptor: string): string {
  let dims = 0;
  while (descriptor[dims] === '[') dims++;
  const base = descriptor.slice(dims);
  const names: Record<string, string> = {
    Z: 'boolean',
    B: 'byte',
    C: 'char',
    S: 'short',
    I: 'int',
    J: 'long',
    F: 'float',
    D: 'double',
    V: 'void',
  };
  const name = base[0] === 'L' ? printClassName(base.slice(1, -1)) : (names[base] ?? base);
  return name + '[]'.repeat(dims);
}

/** Splits a method descriptor into its parameter descriptors and return descriptor. */
export function splitDescriptor(descriptor: string): { params: string[]; ret: string } {
  const params: string[] = [];
  let i = 1;
  while (i < descriptor.length && descriptor[i] !== ')') {
    const start = i;
    while (descriptor[i] === '[') i++;
    if (descriptor[i] === 'L') i = descriptor.indexOf(';', i);
    if (i < 0) break;
    i++;
    params.push(descriptor.slice(start, i));
  }
  return { params, ret: descriptor.slice(i + 1) };
}

/** `String.length()`, `java.io.PrintStream.println(int)`. */
export function printMethod(owner: string, name: string, descriptor: string): string {
  const { params } = splitDescriptor(descriptor);
  return `${printClassName(owner)}.${name}(${params.map(printType).join(', ')})`;
}
