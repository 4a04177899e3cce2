// How Oak types map onto the JVM's computational types: which typed instruction family a value uses, how
// many slots it takes, and the conversion instructions between primitive types (JVMS 2.11.1, 2.11.4).
import { Op, type OpCode } from '@oakvm/classfile';
import type { PrimitiveName, Type } from '../semantics/types.js';
import { internalError } from './internal-error.js';

/** The JVM's computational categories: int covers boolean, byte, short, char and int. */
export type JvmKind = 'int' | 'long' | 'float' | 'double' | 'ref';

export function jvmKind(type: Type): JvmKind {
  switch (type.kind) {
    case 'primitive':
      return primitiveKind(type.name);
    case 'class':
    case 'array':
    case 'null':
      return 'ref';
    case 'void':
    case 'error':
      throw internalError(`no JVM kind for the ${type.kind} type`);
  }
}

export function primitiveKind(name: PrimitiveName): JvmKind {
  switch (name) {
    case 'boolean':
    case 'byte':
    case 'short':
    case 'char':
    case 'int':
      return 'int';
    case 'long':
      return 'long';
    case 'float':
      return 'float';
    case 'double':
      return 'double';
  }
}

export function isReference(type: Type): boolean {
  return type.kind === 'class' || type.kind === 'array' || type.kind === 'null';
}

/** Slots a value of the type takes in locals and on the operand stack. */
export function slotSize(type: Type): 0 | 1 | 2 {
  if (type.kind === 'void') return 0;
  const kind = jvmKind(type);
  return kind === 'long' || kind === 'double' ? 2 : 1;
}

const offsets: { readonly [K in JvmKind]: number } = { int: 0, long: 1, float: 2, double: 3, ref: 4 };

/** iload, lload, fload, dload or aload. */
export function loadOp(type: Type): OpCode {
  return (Op.iload + offsets[jvmKind(type)]) as OpCode;
}

export function storeOp(type: Type): OpCode {
  return (Op.istore + offsets[jvmKind(type)]) as OpCode;
}

export function returnOp(type: Type): OpCode {
  if (type.kind === 'void') return Op.return;
  return (Op.ireturn + offsets[jvmKind(type)]) as OpCode;
}

/** The array load for an element type: baload serves both byte and boolean arrays, as in javac. */
export function arrayLoadOp(element: Type): OpCode {
  if (element.kind === 'primitive') {
    switch (element.name) {
      case 'boolean':
      case 'byte':
        return Op.baload;
      case 'char':
        return Op.caload;
      case 'short':
        return Op.saload;
      case 'int':
        return Op.iaload;
      case 'long':
        return Op.laload;
      case 'float':
        return Op.faload;
      case 'double':
        return Op.daload;
    }
  }
  return Op.aaload;
}

export function arrayStoreOp(element: Type): OpCode {
  return (arrayLoadOp(element) - Op.iaload + Op.iastore) as OpCode;
}

const NEWARRAY_CODES: { readonly [N in PrimitiveName]: number } = {
  boolean: 4,
  char: 5,
  float: 6,
  double: 7,
  byte: 8,
  short: 9,
  int: 10,
  long: 11,
};

/** The `newarray` type code (JVMS table 6.5.newarray-A). */
export function newarrayCode(name: PrimitiveName): number {
  return NEWARRAY_CODES[name];
}

/** The typed arithmetic instruction: `base` is the int form (iadd, isub, ...), the others follow it. */
export function arithmeticOp(base: OpCode, kind: JvmKind): OpCode {
  if (kind === 'ref') throw internalError('arithmetic on a reference');
  return (base + offsets[kind]) as OpCode;
}

/** The primitive conversion instructions from one type to another, in order (JLS 5.1.2, 5.1.3). */
export function conversionOps(from: PrimitiveName, to: PrimitiveName): OpCode[] {
  if (from === to) return [];
  const source = primitiveKind(from);
  const ops: OpCode[] = [];
  const widened = widenTo(source, to);
  if (widened !== undefined) ops.push(widened);
  // Any value converted to byte, short or char is narrowed from int, even byte to short, as javac's
  // Item.coerce does (a widening that needs no instruction, but the bytecode matches javac's).
  const small = narrowFromInt(to);
  if (small !== undefined) ops.push(small);
  return ops;
}

const WIDENINGS: Partial<Record<JvmKind, Partial<Record<JvmKind, OpCode>>>> = {
  int: { long: Op.i2l, float: Op.i2f, double: Op.i2d },
  long: { int: Op.l2i, float: Op.l2f, double: Op.l2d },
  float: { int: Op.f2i, long: Op.f2l, double: Op.f2d },
  double: { int: Op.d2i, long: Op.d2l, float: Op.d2f },
};

/** The conversion into `to`'s computational kind, if the kinds differ. */
function widenTo(source: JvmKind, to: PrimitiveName): OpCode | undefined {
  const target = primitiveKind(to);
  if (source === target) return undefined;
  const op = WIDENINGS[source]?.[target];
  if (op === undefined) throw internalError(`no conversion from ${source} to ${to}`);
  return op;
}

function narrowFromInt(to: PrimitiveName): OpCode | undefined {
  switch (to) {
    case 'byte':
      return Op.i2b;
    case 'char':
      return Op.i2c;
    case 'short':
      return Op.i2s;
    case 'boolean':
    case 'int':
    case 'long':
    case 'float':
    case 'double':
      return undefined;
  }
}
