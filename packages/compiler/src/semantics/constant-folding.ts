// Folding of compile-time constant expressions (JLS 15.29) with Java's exact arithmetic: int wraps at 32
// bits, long is 64-bit two's complement (bigint), float rounds through Math.fround, shifts mask their
// count, integer division by zero is not a constant (it throws at run time), and string conversion of
// float and double is Java's.
import { javaDoubleToString, javaFloatToString } from '@oakvm/classfile';
import type { BinaryOperator, UnaryOperator } from '../syntax/ast.js';
import type { ConstantValue } from './symbols.js';
import { Types, type PrimitiveName, type Type } from './types.js';

export type ConstantKind = ConstantValue['kind'];

export function constantType(c: ConstantValue): Type {
  return c.kind === 'string' ? Types.string : Types[c.kind];
}

/** The constant as the integral or floating value arithmetic uses (booleans and strings excluded). */
function numericValue(c: ConstantValue): number | bigint {
  switch (c.kind) {
    case 'int':
    case 'byte':
    case 'short':
    case 'char':
    case 'float':
    case 'double':
      return c.value;
    case 'long':
      return c.value;
    case 'boolean':
    case 'string':
      throw new Error(`internal compiler error: ${c.kind} constant used as a number`);
  }
}

const TWO_63 = 2 ** 63;

function toInt32(v: number | bigint): number {
  if (typeof v === 'bigint') return Number(BigInt.asIntN(32, v));
  if (Number.isNaN(v)) return 0;
  if (v >= 2147483647) return 2147483647;
  if (v <= -2147483648) return -2147483648;
  return Math.trunc(v) | 0;
}

function toInt64(v: number | bigint): bigint {
  if (typeof v === 'bigint') return BigInt.asIntN(64, v);
  if (Number.isNaN(v)) return 0n;
  if (v >= TWO_63) return 0x7fffffffffffffffn;
  if (v <= -TWO_63) return -0x8000000000000000n;
  return BigInt(Math.trunc(v));
}

/** long to float with one rounding (round half to even at 24 bits), as the JVM's l2f does. */
function longToFloat(v: bigint): number {
  const negative = v < 0n;
  let magnitude = negative ? -v : v;
  const bits = magnitude.toString(2).length;
  if (bits > 24) {
    const drop = BigInt(bits - 24);
    const kept = magnitude >> drop;
    const rest = magnitude - (kept << drop);
    const half = 1n << (drop - 1n);
    let rounded = kept;
    if (rest > half || (rest === half && (kept & 1n) === 1n)) rounded += 1n;
    magnitude = rounded << drop;
  }
  const result = Math.fround(Number(magnitude));
  return negative ? -result : result;
}

function toFloat(v: number | bigint): number {
  return typeof v === 'bigint' ? longToFloat(v) : Math.fround(v);
}

function toDouble(v: number | bigint): number {
  return typeof v === 'bigint' ? Number(v) : v;
}

/** Casting conversion of a constant to a primitive type or String (JLS 5.1.2, 5.1.3). */
export function convertConstant(c: ConstantValue, to: PrimitiveName | 'string'): ConstantValue | undefined {
  if (to === 'string') return c.kind === 'string' ? c : undefined;
  if (c.kind === 'string') return undefined;
  if (to === 'boolean' || c.kind === 'boolean') return to === 'boolean' && c.kind === 'boolean' ? c : undefined;
  const v = numericValue(c);
  switch (to) {
    case 'int':
      return { kind: 'int', value: toInt32(v) };
    case 'long':
      return { kind: 'long', value: toInt64(v) };
    case 'float':
      return { kind: 'float', value: toFloat(v) };
    case 'double':
      return { kind: 'double', value: toDouble(v) };
    case 'byte':
      return { kind: 'byte', value: (toInt32(v) << 24) >> 24 };
    case 'short':
      return { kind: 'short', value: (toInt32(v) << 16) >> 16 };
    case 'char':
      return { kind: 'char', value: toInt32(v) & 0xffff };
  }
}

/** String conversion (JLS 5.1.11) of a constant, as `"" + c` produces it. */
export function constantToJavaString(c: ConstantValue): string {
  switch (c.kind) {
    case 'int':
    case 'byte':
    case 'short':
      return String(c.value);
    case 'long':
      return c.value.toString();
    case 'char':
      return String.fromCharCode(c.value);
    case 'boolean':
      return c.value ? 'true' : 'false';
    case 'float':
      return javaFloatToString(c.value);
    case 'double':
      return javaDoubleToString(c.value);
    case 'string':
      return c.value;
  }
}

/** Folds a unary operator done in `opType` (the promoted type); undefined when it is not foldable. */
export function foldUnary(operator: UnaryOperator, operand: ConstantValue, opType: Type): ConstantValue | undefined {
  if (operator === '!') return operand.kind === 'boolean' ? { kind: 'boolean', value: !operand.value } : undefined;
  if (opType.kind !== 'primitive') return undefined;
  const promoted = convertConstant(operand, opType.name);
  if (promoted === undefined) return undefined;
  switch (operator) {
    case '+':
      return promoted;
    case '-':
      switch (promoted.kind) {
        case 'int':
          return { kind: 'int', value: -promoted.value | 0 };
        case 'long':
          return { kind: 'long', value: BigInt.asIntN(64, -promoted.value) };
        case 'float':
          return { kind: 'float', value: Math.fround(-promoted.value) };
        case 'double':
          return { kind: 'double', value: -promoted.value };
        default:
          return undefined;
      }
    case '~':
      if (promoted.kind === 'int') return { kind: 'int', value: ~promoted.value };
      if (promoted.kind === 'long') return { kind: 'long', value: BigInt.asIntN(64, ~promoted.value) };
      return undefined;
  }
}

/**
 * Folds a binary operator. `opType` is the type the operation is done in: the binary-promoted type for
 * arithmetic, comparison and bitwise operators, the promoted left operand for shifts, boolean for logical
 * operators and String for concatenation. Undefined when the result is not a constant.
 */
export function foldBinary(
  operator: BinaryOperator,
  left: ConstantValue,
  right: ConstantValue,
  opType: Type,
): ConstantValue | undefined {
  if (opType.kind === 'class' && opType.name === 'java/lang/String') {
    if (operator !== '+') return undefined;
    return { kind: 'string', value: constantToJavaString(left) + constantToJavaString(right) };
  }
  if (opType.kind !== 'primitive') return undefined;
  if (opType.name === 'boolean') return foldBoolean(operator, left, right);
  if (operator === '<<' || operator === '>>' || operator === '>>>') return foldShift(operator, left, right, opType.name);
  const a = convertConstant(left, opType.name);
  const b = convertConstant(right, opType.name);
  if (a === undefined || b === undefined) return undefined;
  if (a.kind === 'long' && b.kind === 'long') return foldLong(operator, a.value, b.value);
  if (a.kind === 'int' && b.kind === 'int') return foldInt(operator, a.value, b.value);
  if ((a.kind === 'float' || a.kind === 'double') && (b.kind === 'float' || b.kind === 'double')) {
    return foldFloating(operator, a.value, b.value, a.kind === 'float');
  }
  return undefined;
}

function foldBoolean(operator: BinaryOperator, left: ConstantValue, right: ConstantValue): ConstantValue | undefined {
  if (left.kind !== 'boolean' || right.kind !== 'boolean') return undefined;
  const a = left.value;
  const b = right.value;
  switch (operator) {
    case '&&':
    case '&':
      return { kind: 'boolean', value: a && b };
    case '||':
    case '|':
      return { kind: 'boolean', value: a || b };
    case '^':
    case '!=':
      return { kind: 'boolean', value: a !== b };
    case '==':
      return { kind: 'boolean', value: a === b };
    default:
      return undefined;
  }
}

function comparison(operator: BinaryOperator, a: number | bigint, b: number | bigint): ConstantValue | undefined {
  switch (operator) {
    case '==':
      return { kind: 'boolean', value: a === b };
    case '!=':
      return { kind: 'boolean', value: a !== b };
    case '<':
      return { kind: 'boolean', value: a < b };
    case '>':
      return { kind: 'boolean', value: a > b };
    case '<=':
      return { kind: 'boolean', value: a <= b };
    case '>=':
      return { kind: 'boolean', value: a >= b };
    default:
      return undefined;
  }
}

function foldInt(operator: BinaryOperator, a: number, b: number): ConstantValue | undefined {
  const int = (value: number): ConstantValue => ({ kind: 'int', value: value | 0 });
  switch (operator) {
    case '+':
      return int(a + b);
    case '-':
      return int(a - b);
    case '*':
      return int(Math.imul(a, b));
    case '/':
      return b === 0 ? undefined : int(Math.trunc(a / b));
    case '%':
      return b === 0 ? undefined : int(a % b);
    case '&':
      return int(a & b);
    case '|':
      return int(a | b);
    case '^':
      return int(a ^ b);
    default:
      return comparison(operator, a, b);
  }
}

function foldLong(operator: BinaryOperator, a: bigint, b: bigint): ConstantValue | undefined {
  const long = (value: bigint): ConstantValue => ({ kind: 'long', value: BigInt.asIntN(64, value) });
  switch (operator) {
    case '+':
      return long(a + b);
    case '-':
      return long(a - b);
    case '*':
      return long(a * b);
    case '/':
      return b === 0n ? undefined : long(a / b);
    case '%':
      return b === 0n ? undefined : long(a % b);
    case '&':
      return long(a & b);
    case '|':
      return long(a | b);
    case '^':
      return long(a ^ b);
    default:
      return comparison(operator, a, b);
  }
}

function foldFloating(operator: BinaryOperator, a: number, b: number, isFloat: boolean): ConstantValue | undefined {
  const result = (value: number): ConstantValue =>
    isFloat ? { kind: 'float', value: Math.fround(value) } : { kind: 'double', value };
  switch (operator) {
    case '+':
      return result(a + b);
    case '-':
      return result(a - b);
    case '*':
      return result(a * b);
    case '/':
      return result(a / b);
    case '%':
      return result(a % b);
    default:
      return comparison(operator, a, b);
  }
}

function foldShift(
  operator: '<<' | '>>' | '>>>',
  left: ConstantValue,
  right: ConstantValue,
  opType: PrimitiveName,
): ConstantValue | undefined {
  const count = convertConstant(right, 'long');
  const value = convertConstant(left, opType);
  if (count?.kind !== 'long' || value === undefined) return undefined;
  if (value.kind === 'int') {
    const n = Number(count.value & 31n);
    const r = operator === '<<' ? value.value << n : operator === '>>' ? value.value >> n : value.value >>> n;
    return { kind: 'int', value: r | 0 };
  }
  if (value.kind === 'long') {
    const n = count.value & 63n;
    const v = value.value;
    const r = operator === '<<' ? v << n : operator === '>>' ? v >> n : BigInt.asUintN(64, v) >> n;
    return { kind: 'long', value: BigInt.asIntN(64, r) };
  }
  return undefined;
}
