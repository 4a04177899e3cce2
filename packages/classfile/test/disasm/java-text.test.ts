// The formatting rules javap inherits from Java: Float/Double.toString, constant escapes, name quoting.
import Long from 'long';
import { describe, expect, it } from 'vitest';
import {
  checkName,
  escapeUtf8Value,
  javaCharLiteral,
  javaDoubleToString,
  javaFloatToString,
  javaStringLiteral,
} from '@oakvm/classfile';

function floatFromBits(bits: number): number {
  const view = new DataView(new ArrayBuffer(4));
  view.setInt32(0, bits);
  return view.getFloat32(0);
}

function doubleFromBits(bits: bigint): number {
  const view = new DataView(new ArrayBuffer(8));
  view.setBigUint64(0, bits);
  return view.getFloat64(0);
}

describe('javaDoubleToString (Double.toString)', () => {
  it.each([
    [0, '0.0'],
    [-0, '-0.0'],
    [1, '1.0'],
    [-2.5, '-2.5'],
    [0.001, '0.001'],
    [0.0001, '1.0E-4'],
    [1234567.0, '1234567.0'],
    [1e7, '1.0E7'],
    [12345678.9, '1.23456789E7'],
    [0.1, '0.1'],
    [1 / 3, '0.3333333333333333'],
    [Math.PI, '3.141592653589793'],
    [Number.MAX_VALUE, '1.7976931348623157E308'],
    [Number.MIN_VALUE, '4.9E-324'],
    [2.2250738585072014e-308, '2.2250738585072014E-308'],
    [NaN, 'NaN'],
    [Infinity, 'Infinity'],
    [-Infinity, '-Infinity'],
    [100, '100.0'],
    [1e21, '1.0E21'],
    [doubleFromBits(0xc3cb6ad2d2bfeab5n), '-3.9512463783203579E18'],
    [9007199254740993, '9.007199254740992E15'],
    // JDK 17's FloatingDecimal is not always shortest.
    [1e23, '9.999999999999999E22'],
    [2 ** -24, '5.9604644775390625E-8'],
  ])('%s prints as %s', (value, text) => {
    expect(javaDoubleToString(value)).toBe(text);
  });
});

describe('javaFloatToString (Float.toString)', () => {
  it.each([
    [Math.fround(0.1), '0.1'],
    [Math.fround(3.14), '3.14'],
    [Math.fround(1e10), '1.0E10'],
    [Math.fround(3.4028235e38), '3.4028235E38'],
    [1.401298464324817e-45, '1.4E-45'],
    [Math.fround(-0.5), '-0.5'],
    [Math.fround(16777216), '1.6777216E7'],
    [Math.fround(1234567), '1234567.0'],
    [-0, '-0.0'],
    [NaN, 'NaN'],
    // Whole numbers take FloatingDecimal's exact path, which keeps digits the shortest form drops.
    [floatFromBits(1583910553), '4.18937487E18'],
    [floatFromBits(-573906649), '-1.82737609E18'],
    // Exactly halfway between two shortest decimals: the even last digit wins.
    [floatFromBits(1243827197), '2675455.2'],
    [Math.fround(19800.8125), '19800.812'],
    [floatFromBits(0x00800000), '1.17549435E-38'],
  ])('%s prints as %s', (value, text) => {
    expect(javaFloatToString(value)).toBe(text);
  });
});

describe('constant escapes', () => {
  it('escapes string constants as javap -constants shows them', () => {
    expect(javaStringLiteral('a"b\\c\n\t\r\b\f\'')).toBe('"a\\"b\\\\c\\n\\t\\r\\b\\f\'"');
    expect(javaStringLiteral('caf\u00e9 \u0000 \u007f')).toBe('"caf\\u00e9 \\u0000 \\u007f"');
  });

  it('escapes char constants, quoting the single quote', () => {
    expect(javaCharLiteral(0x41)).toBe("'A'");
    expect(javaCharLiteral(0x27)).toBe("'\\''");
    expect(javaCharLiteral(0x22)).toBe("'\"'");
    expect(javaCharLiteral(0x0a)).toBe("'\\n'");
    expect(javaCharLiteral(0x263a)).toBe("'\\u263a'");
  });

  it('escapes Utf8 values as the constant pool listing shows them: controls only', () => {
    expect(escapeUtf8Value('a\u0000b\u0001\u007f\u0080\u00df\u4e2d')).toBe('a\\u0000b\\u0001\\u007f\\u0080\u00df\u4e2d');
    expect(escapeUtf8Value('tab\there "q" \'s\' \\')).toBe('tab\\there \\"q\\" \\\'s\\\' \\\\');
  });

  it('prints longs with Long.toString', () => {
    expect(Long.MIN_VALUE.toString()).toBe('-9223372036854775808');
  });
});

describe('checkName (quoting of names that are not binary names)', () => {
  it.each([
    ['java/lang/String', 'java/lang/String'],
    ['Outer$Inner', 'Outer$Inner'],
    ['caf\u00e9', 'caf\u00e9'],
    ['<init>', '"<init>"'],
    ['[I', '"[I"'],
    ['[Ljava/lang/String;', '"[Ljava/lang/String;"'],
    ['module-info', '"module-info"'],
    ['', '""'],
    ['a//b', '"a//b"'],
    ['1abc', '"1abc"'],
    ['we"ird\n', '"we\\"ird\\n"'],
  ])('%j is shown as %s', (name, shown) => {
    expect(checkName(name)).toBe(shown);
  });
});
