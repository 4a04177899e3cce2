// Constant folding with Java's exact arithmetic, and string conversion of folded constants.
import { describe, expect, it } from 'vitest';
import { constantToJavaString, convertConstant, foldBinary, foldUnary } from '../../src/semantics/constant-folding.js';
import type { ConstantValue } from '../../src/semantics/symbols.js';
import { Types } from '../../src/semantics/types.js';

const int = (value: number): ConstantValue => ({ kind: 'int', value });
const long = (value: bigint): ConstantValue => ({ kind: 'long', value });
const float = (value: number): ConstantValue => ({ kind: 'float', value: Math.fround(value) });
const double = (value: number): ConstantValue => ({ kind: 'double', value });
const char = (c: string): ConstantValue => ({ kind: 'char', value: c.charCodeAt(0) });
const str = (value: string): ConstantValue => ({ kind: 'string', value });

describe('int arithmetic', () => {
  it('wraps on overflow', () => {
    expect(foldBinary('+', int(2147483647), int(1), Types.int)).toEqual(int(-2147483648));
    expect(foldBinary('*', int(65536), int(65536), Types.int)).toEqual(int(0));
    expect(foldBinary('*', int(123456789), int(987654321), Types.int)).toEqual(int(-67153019));
    expect(foldUnary('-', int(-2147483648), Types.int)).toEqual(int(-2147483648));
  });
  it('divides toward zero, MIN / -1 wraps, remainder takes the dividend sign', () => {
    expect(foldBinary('/', int(-7), int(2), Types.int)).toEqual(int(-3));
    expect(foldBinary('/', int(-2147483648), int(-1), Types.int)).toEqual(int(-2147483648));
    expect(foldBinary('%', int(-7), int(2), Types.int)).toEqual(int(-1));
    expect(foldBinary('%', int(7), int(-2), Types.int)).toEqual(int(1));
  });
  it('leaves division by zero unfolded (it throws at run time)', () => {
    expect(foldBinary('/', int(1), int(0), Types.int)).toBeUndefined();
    expect(foldBinary('%', long(1n), long(0n), Types.long)).toBeUndefined();
  });
  it('masks shift counts', () => {
    expect(foldBinary('<<', int(1), int(33), Types.int)).toEqual(int(2));
    expect(foldBinary('>>', int(-16), int(2), Types.int)).toEqual(int(-4));
    expect(foldBinary('>>>', int(-1), int(28), Types.int)).toEqual(int(15));
    expect(foldBinary('<<', int(1), long(32n), Types.int)).toEqual(int(1));
  });
  it('does char arithmetic in int', () => {
    expect(foldBinary('+', char('a'), int(1), Types.int)).toEqual(int(98));
    expect(foldBinary('+', char('a'), char('b'), Types.int)).toEqual(int(195));
  });
});

describe('long arithmetic', () => {
  it('wraps at 64 bits', () => {
    expect(foldBinary('+', long(0x7fffffffffffffffn), long(1n), Types.long)).toEqual(long(-0x8000000000000000n));
    expect(foldBinary('*', long(0x100000000n), long(0x100000000n), Types.long)).toEqual(long(0n));
  });
  it('promotes int operands', () => {
    expect(foldBinary('*', int(2147483647), long(2n), Types.long)).toEqual(long(4294967294n));
  });
  it('shifts with a 6-bit count, >>> is unsigned', () => {
    expect(foldBinary('<<', long(1n), int(65), Types.long)).toEqual(long(2n));
    expect(foldBinary('>>>', long(-1n), int(60), Types.long)).toEqual(long(15n));
    expect(foldBinary('>>', long(-1n), int(63), Types.long)).toEqual(long(-1n));
  });
  it('compares', () => {
    expect(foldBinary('<', long(-1n), long(0n), Types.long)).toEqual({ kind: 'boolean', value: true });
  });
});

describe('floating point', () => {
  it('rounds float results to single precision', () => {
    expect(foldBinary('+', float(0.1), float(0.2), Types.float)).toEqual(float(Math.fround(Math.fround(0.1) + Math.fround(0.2))));
    expect(foldBinary('/', float(1), float(3), Types.float)).toEqual({ kind: 'float', value: Math.fround(1 / 3) });
  });
  it('follows IEEE 754 for division by zero and NaN comparisons', () => {
    expect(foldBinary('/', double(1), double(0), Types.double)).toEqual(double(Infinity));
    expect(foldBinary('==', double(NaN), double(NaN), Types.double)).toEqual({ kind: 'boolean', value: false });
    expect(foldBinary('%', double(5.5), double(2), Types.double)).toEqual(double(1.5));
  });
  it('converts long to float with one rounding', () => {
    // 2^60 + 2^36 + 1 is above the halfway point between two floats; rounding through double first would tie.
    const v = (1n << 60n) + (1n << 36n) + 1n;
    expect(convertConstant(long(v), 'float')).toEqual({ kind: 'float', value: 2 ** 60 + 2 ** 37 });
  });
});

describe('casts of constants', () => {
  it('narrows as the JVM does', () => {
    expect(convertConstant(int(300), 'byte')).toEqual({ kind: 'byte', value: 44 });
    expect(convertConstant(int(-1), 'char')).toEqual({ kind: 'char', value: 65535 });
    expect(convertConstant(int(40000), 'short')).toEqual({ kind: 'short', value: -25536 });
    expect(convertConstant(long(0x123456789n), 'int')).toEqual(int(0x23456789));
  });
  it('saturates floating to integral conversions, NaN becomes 0', () => {
    expect(convertConstant(double(1e20), 'int')).toEqual(int(2147483647));
    expect(convertConstant(double(-1e20), 'long')).toEqual(long(-0x8000000000000000n));
    expect(convertConstant(double(NaN), 'int')).toEqual(int(0));
    expect(convertConstant(double(-2.9), 'int')).toEqual(int(-2));
    expect(convertConstant(double(1e10), 'char')).toEqual({ kind: 'char', value: 65535 });
  });
});

describe('string concatenation of constants', () => {
  const concat = (a: ConstantValue, b: ConstantValue): string | undefined => {
    const r = foldBinary('+', a, b, Types.string);
    return r?.kind === 'string' ? r.value : undefined;
  };
  it('formats numbers as Java does', () => {
    expect(concat(str(''), double(1e10))).toBe('1.0E10');
    expect(concat(str(''), double(1e-5))).toBe('1.0E-5');
    expect(concat(str(''), double(100))).toBe('100.0');
    expect(concat(str(''), double(NaN))).toBe('NaN');
    expect(concat(str(''), double(-Infinity))).toBe('-Infinity');
    expect(concat(str(''), double(-0))).toBe('-0.0');
    expect(concat(str(''), float(1.1))).toBe('1.1');
    expect(concat(str(''), long(-9223372036854775808n))).toBe('-9223372036854775808');
  });
  it('converts chars and booleans', () => {
    expect(concat(str('x'), char('A'))).toBe('xA');
    expect(concat({ kind: 'boolean', value: true }, str('!'))).toBe('true!');
    expect(constantToJavaString({ kind: 'byte', value: -5 })).toBe('-5');
  });
});
