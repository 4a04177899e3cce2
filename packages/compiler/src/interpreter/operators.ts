// Java's primitive conversions (JLS 5.1) and binary operators on the interpreter's value representation:
// int-like values are numbers kept in int32 range, long is a bigint kept in 64-bit range, float is a
// Math.fround'ed number.
import type { BinaryOperator } from '../syntax/ast.js';
import type { PrimitiveName, Type } from '../semantics/types.js';
import { InternalError } from './internal-error.js';
import type { Value } from './values.js';

export type Convert = (v: Value) => Value;

const MAX_LONG = (1n << 63n) - 1n;
const MIN_LONG = -(1n << 63n);

/** JVM d2i / f2i: NaN is 0, out-of-range values saturate. */
export function toInt(d: number): number {
  if (d !== d) return 0;
  if (d >= 2147483647) return 2147483647;
  if (d <= -2147483648) return -2147483648;
  return Math.trunc(d) | 0;
}

/** JVM d2l / f2l. */
export function toLong(d: number): bigint {
  if (d !== d) return 0n;
  if (d >= 9223372036854775807) return MAX_LONG;
  if (d <= -9223372036854775808) return MIN_LONG;
  return BigInt(Math.trunc(d));
}

type Kind = 'int' | 'long' | 'float' | 'double' | 'byte' | 'short' | 'char' | 'boolean';

function kindOf(t: PrimitiveName): Kind {
  return t;
}

/** The conversion from one primitive type to another, or null when none is needed. */
export function primitiveConversion(from: PrimitiveName, to: PrimitiveName): Convert | null {
  if (from === to) return null;
  const f = kindOf(from);
  const intLike = f === 'int' || f === 'byte' || f === 'short' || f === 'char';
  const fp = f === 'float' || f === 'double';
  switch (kindOf(to)) {
    case 'boolean':
      return null;
    case 'int':
      if (intLike) return null;
      if (f === 'long') return (v) => Number(BigInt.asIntN(32, v as bigint));
      return (v) => toInt(v as number);
    case 'long':
      if (intLike) return (v) => BigInt(v as number);
      return (v) => toLong(v as number);
    case 'float':
      if (f === 'long') return (v) => Math.fround(Number(v as bigint));
      if (f === 'double') return (v) => Math.fround(v as number);
      return intLike && f !== 'int' ? null : (v) => Math.fround(v as number);
    case 'double':
      if (f === 'long') return (v) => Number(v as bigint);
      return null;
    case 'byte':
      if (f === 'long') return (v) => Number(BigInt.asIntN(8, v as bigint));
      if (fp) return (v) => (toInt(v as number) << 24) >> 24;
      return f === 'byte' ? null : (v) => ((v as number) << 24) >> 24;
    case 'short':
      if (f === 'long') return (v) => Number(BigInt.asIntN(16, v as bigint));
      if (fp) return (v) => (toInt(v as number) << 16) >> 16;
      return f === 'byte' ? null : (v) => ((v as number) << 16) >> 16;
    case 'char':
      if (f === 'long') return (v) => Number(BigInt.asUintN(16, v as bigint));
      if (fp) return (v) => toInt(v as number) & 0xffff;
      return (v) => (v as number) & 0xffff;
  }
}

/** The conversion between any two types (identity for references). */
export function conversion(from: Type, to: Type): Convert | null {
  if (from.kind === 'primitive' && to.kind === 'primitive') return primitiveConversion(from.name, to.name);
  return null;
}

export interface ArithmeticFaults {
  divideByZero(): never;
}

/** `a op b` with both operands already converted to `type` (for shifts, `b` is an int distance). */
export function binaryOperation(op: BinaryOperator, type: PrimitiveName, faults: ArithmeticFaults): (a: Value, b: Value) => Value {
  if (type === 'long') return longOperation(op, faults);
  if (type === 'float' || type === 'double') return floatingOperation(op, type === 'float');
  if (type === 'boolean') return booleanOperation(op);
  return intOperation(op, faults);
}

function intOperation(op: BinaryOperator, faults: ArithmeticFaults): (a: Value, b: Value) => Value {
  type N = number;
  switch (op) {
    case '+':
      return (a, b) => ((a as N) + (b as N)) | 0;
    case '-':
      return (a, b) => ((a as N) - (b as N)) | 0;
    case '*':
      return (a, b) => Math.imul(a as N, b as N);
    case '/':
      return (a, b) => (b === 0 ? faults.divideByZero() : ((a as N) / (b as N)) | 0);
    case '%':
      return (a, b) => (b === 0 ? faults.divideByZero() : ((a as N) % (b as N)) | 0);
    case '&':
      return (a, b) => (a as N) & (b as N);
    case '|':
      return (a, b) => (a as N) | (b as N);
    case '^':
      return (a, b) => (a as N) ^ (b as N);
    case '<<':
      return (a, b) => (a as N) << (b as N);
    case '>>':
      return (a, b) => (a as N) >> (b as N);
    case '>>>':
      return (a, b) => ((a as N) >>> (b as N)) | 0;
    default:
      return comparison(op);
  }
}

function longOperation(op: BinaryOperator, faults: ArithmeticFaults): (a: Value, b: Value) => Value {
  type B = bigint;
  const wrap = (x: bigint): bigint => BigInt.asIntN(64, x);
  switch (op) {
    case '+':
      return (a, b) => wrap((a as B) + (b as B));
    case '-':
      return (a, b) => wrap((a as B) - (b as B));
    case '*':
      return (a, b) => wrap((a as B) * (b as B));
    case '/':
      return (a, b) => (b === 0n ? faults.divideByZero() : wrap((a as B) / (b as B)));
    case '%':
      return (a, b) => (b === 0n ? faults.divideByZero() : (a as B) % (b as B));
    case '&':
      return (a, b) => (a as B) & (b as B);
    case '|':
      return (a, b) => (a as B) | (b as B);
    case '^':
      return (a, b) => (a as B) ^ (b as B);
    case '<<':
      return (a, b) => wrap((a as B) << BigInt((b as number) & 63));
    case '>>':
      return (a, b) => (a as B) >> BigInt((b as number) & 63);
    case '>>>':
      return (a, b) => wrap(BigInt.asUintN(64, a as B) >> BigInt((b as number) & 63));
    default:
      return comparison(op);
  }
}

function floatingOperation(op: BinaryOperator, isFloat: boolean): (a: Value, b: Value) => Value {
  type N = number;
  const r = isFloat ? Math.fround : (x: number): number => x;
  switch (op) {
    case '+':
      return isFloat ? (a, b) => Math.fround((a as N) + (b as N)) : (a, b) => (a as N) + (b as N);
    case '-':
      return isFloat ? (a, b) => Math.fround((a as N) - (b as N)) : (a, b) => (a as N) - (b as N);
    case '*':
      return isFloat ? (a, b) => Math.fround((a as N) * (b as N)) : (a, b) => (a as N) * (b as N);
    case '/':
      return isFloat ? (a, b) => Math.fround((a as N) / (b as N)) : (a, b) => (a as N) / (b as N);
    case '%':
      return (a, b) => r((a as N) % (b as N));
    default:
      return comparison(op);
  }
}

function booleanOperation(op: BinaryOperator): (a: Value, b: Value) => Value {
  switch (op) {
    case '&':
    case '&&':
      return (a, b) => a === true && b === true;
    case '|':
    case '||':
      return (a, b) => a === true || b === true;
    case '^':
    case '!=':
      return (a, b) => a !== b;
    case '==':
      return (a, b) => a === b;
    default:
      throw new InternalError(`operator ${op} on booleans`);
  }
}

function comparison(op: BinaryOperator): (a: Value, b: Value) => Value {
  type N = number;
  switch (op) {
    case '==':
      return (a, b) => a === b;
    case '!=':
      return (a, b) => a !== b;
    case '<':
      return (a, b) => (a as N) < (b as N);
    case '<=':
      return (a, b) => (a as N) <= (b as N);
    case '>':
      return (a, b) => (a as N) > (b as N);
    case '>=':
      return (a, b) => (a as N) >= (b as N);
    default:
      throw new InternalError(`operator ${op} has no numeric form`);
  }
}
