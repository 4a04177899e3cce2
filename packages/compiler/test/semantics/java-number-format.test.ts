// Java's Double.toString / Float.toString layout and digit choice.
import { describe, expect, it } from 'vitest';
import { javaDoubleToString, javaFloatToString } from '../../src/semantics/java-number-format.js';

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
