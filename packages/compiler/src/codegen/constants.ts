// Pushing compile-time constants: a constant expression is emitted as its folded value, converted at
// compile time to the type the context wants (javac never emits i2l or i2d for a constant).
import { Op } from '@oakvm/classfile';
import type { ConstantValue } from '../semantics/symbols.js';
import type { Type } from '../semantics/types.js';
import type { Emitter } from './emitter.js';
import { assertNever, internalError } from './internal-error.js';
import { jvmKind } from './jvm-types.js';

/** A constant as a JavaScript value of its JVM kind. */
type Raw = { kind: 'int' | 'float' | 'double'; value: number } | { kind: 'long'; value: bigint } | { kind: 'string'; value: string };

function raw(c: ConstantValue): Raw {
  switch (c.kind) {
    case 'int':
    case 'char':
    case 'byte':
    case 'short':
      return { kind: 'int', value: c.value };
    case 'boolean':
      return { kind: 'int', value: c.value ? 1 : 0 };
    case 'long':
      return { kind: 'long', value: c.value };
    case 'float':
      return { kind: 'float', value: c.value };
    case 'double':
      return { kind: 'double', value: c.value };
    case 'string':
      return { kind: 'string', value: c.value };
    default:
      return assertNever(c, 'constant');
  }
}

export function pushConstant(emitter: Emitter, constant: ConstantValue, target: Type): void {
  const value = raw(constant);
  if (value.kind === 'string') {
    emitter.stringConstant(value.value);
    return;
  }
  const kind = jvmKind(target);
  switch (kind) {
    case 'int':
      emitter.intConstant(narrowToTarget(toInt(value), target));
      return;
    case 'long':
      emitter.longConstant(toLong(value));
      return;
    case 'float':
      emitter.floatConstant(toFloat(value));
      return;
    case 'double':
      emitter.doubleConstant(toDouble(value));
      return;
    case 'ref':
      throw internalError(`a ${constant.kind} constant where a reference is wanted`);
  }
}

/** aconst_null. */
export function pushNull(emitter: Emitter): void {
  emitter.op(Op.aconst_null);
}

function narrowToTarget(value: number, target: Type): number {
  if (target.kind !== 'primitive') return value;
  switch (target.name) {
    case 'byte':
      return (value << 24) >> 24;
    case 'short':
      return (value << 16) >> 16;
    case 'char':
      return value & 0xffff;
    case 'boolean':
    case 'int':
    case 'long':
    case 'float':
    case 'double':
      return value;
  }
}

function toInt(v: Exclude<Raw, { kind: 'string' }>): number {
  switch (v.kind) {
    case 'int':
      return v.value | 0;
    case 'long':
      return Number(BigInt.asIntN(32, v.value));
    case 'float':
    case 'double':
      return floatingToInt(v.value);
  }
}

function toLong(v: Exclude<Raw, { kind: 'string' }>): bigint {
  switch (v.kind) {
    case 'int':
      return BigInt(v.value);
    case 'long':
      return v.value;
    case 'float':
    case 'double':
      return floatingToLong(v.value);
  }
}

function toFloat(v: Exclude<Raw, { kind: 'string' }>): number {
  return v.kind === 'long' ? longToFloat(v.value) : Math.fround(v.value);
}

function toDouble(v: Exclude<Raw, { kind: 'string' }>): number {
  return v.kind === 'long' ? Number(v.value) : v.value;
}

/** JLS 5.1.3: NaN to 0, out-of-range values saturate. */
function floatingToInt(v: number): number {
  if (Number.isNaN(v)) return 0;
  if (v >= 2147483647) return 2147483647;
  if (v <= -2147483648) return -2147483648;
  return Math.trunc(v) | 0;
}

function floatingToLong(v: number): bigint {
  if (Number.isNaN(v)) return 0n;
  if (v >= 9223372036854775807) return 9223372036854775807n;
  if (v <= -9223372036854775808) return -9223372036854775808n;
  return BigInt(Math.trunc(v));
}

/**
 * Rounds a long to the nearest float in one step. Going through a double first could round twice, so
 * large values are first cut to 53 bits with a sticky bit, which the float rounding then treats right.
 */
function longToFloat(v: bigint): number {
  const negative = v < 0n;
  let magnitude = negative ? -v : v;
  let scale = 1;
  if (magnitude > 1n << 53n) {
    let sticky = 0n;
    while (magnitude >= 1n << 53n) {
      sticky |= magnitude & 1n;
      magnitude >>= 1n;
      scale *= 2;
    }
    magnitude |= sticky;
  }
  const result = Math.fround(Number(magnitude) * scale);
  return negative ? -result : result;
}
