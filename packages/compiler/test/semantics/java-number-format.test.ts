// Java's Double.toString / Float.toString (the shared @oakvm/classfile implementation) as JDK 17 prints them.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { javaDoubleToString, javaFloatToString } from '@oakvm/classfile';

describe('javaDoubleToString', () => {
  it.each([
    [0, '0.0'],
    [-0, '-0.0'],
    [1, '1.0'],
    [100, '100.0'],
    [0.001, '0.001'],
    [0.0001, '1.0E-4'],
    [1e-5, '1.0E-5'],
    [9999999, '9999999.0'],
    [1e7, '1.0E7'],
    [1e10, '1.0E10'],
    [123456789.125, '1.23456789125E8'],
    [0.1 + 0.2, '0.30000000000000004'],
    [1 / 3, '0.3333333333333333'],
    [-1.5e-300, '-1.5E-300'],
    [Number.MAX_VALUE, '1.7976931348623157E308'],
    [Number.MIN_VALUE, '4.9E-324'],
    [2.2250738585072014e-308, '2.2250738585072014E-308'],
    [NaN, 'NaN'],
    [Infinity, 'Infinity'],
    [-Infinity, '-Infinity'],
  ])('%d prints as %s', (value, text) => {
    expect(javaDoubleToString(value)).toBe(text);
  });
});

describe('javaFloatToString', () => {
  it.each([
    [1.1, '1.1'],
    [0.1, '0.1'],
    [100, '100.0'],
    [1e10, '1.0E10'],
    [3.4028235e38, '3.4028235E38'],
    [1.4e-45, '1.4E-45'],
    [1 / 3, '0.33333334'],
    [16777216, '1.6777216E7'],
    [-0.001, '-0.001'],
  ])('%d prints as %s', (value, text) => {
    expect(javaFloatToString(Math.fround(value))).toBe(text);
  });
});

describe('JDK 17 digit choice', () => {
  it('keeps the digits JDK 17 prints where they are not the shortest', () => {
    expect(javaDoubleToString(2.82879384806159e17)).toBe('2.82879384806159008E17');
    expect(javaDoubleToString(1e23)).toBe('9.999999999999999E22');
    expect(javaFloatToString(Math.fround(4.81327983e17))).toBe('4.81327983E17');
  });

  it('matches HotSpot on a seeded sample (fixtures/jdk17-number-strings.txt, from regen-number-strings.mjs)', () => {
    const path = fileURLToPath(new URL('./fixtures/jdk17-number-strings.txt', import.meta.url));
    const view = new DataView(new ArrayBuffer(8));
    const mismatches: string[] = [];
    const lines = readFileSync(path, 'utf8').trim().split('\n');
    for (const line of lines) {
      const [key = '', expected = ''] = line.split(' ');
      let actual: string;
      if (key.startsWith('F')) {
        view.setUint32(0, Number.parseInt(key.slice(1), 16));
        actual = javaFloatToString(view.getFloat32(0));
      } else {
        view.setBigUint64(0, BigInt(`0x${key.slice(1)}`));
        actual = javaDoubleToString(view.getFloat64(0));
      }
      if (actual !== expected) mismatches.push(`${key}: expected ${expected}, got ${actual}`);
    }
    expect(lines.length).toBeGreaterThan(3000);
    expect(mismatches).toEqual([]);
  });
});
