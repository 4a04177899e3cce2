// Double.toString and Float.toString exactly as JDK 17 prints them: the one implementation the
// disassembler (constants), the compiler (folding constant string concatenation) and the runtimes share.
// JDK 17 formats with the classic FloatingDecimal algorithm (Steele & White digit generation with a
// symmetric half-ulp stopping test), which is not always the shortest decimal: 1.0E23 prints as
// 9.999999999999999E22 and Float.MIN_NORMAL as 1.17549435E-38. This reproduces its observable behaviour:
// the exact integer path for whole numbers below 2^63, the estimated decimal exponent, the int, long and
// big-number arithmetic paths (including the int/long wrap-around the JDK's stopping test is subject to,
// and the big-number path's >= where the others use >), and the final round-half-even of the last digit.
// Checked against values HotSpot printed (packages/compiler/test/semantics/java-number-format.test.ts).

const N_5_BITS = [0, 3, 5, 7, 10, 12, 14, 17, 19, 21, 24, 26, 28, 31, 33, 35, 38, 40, 42, 45, 47, 49, 52, 54, 56, 59, 61];
/** insignificantDigitsForPow2(p) = number of decimal digits of 2^p minus one, for small p. */
const INSIGNIFICANT_FOR_POW2 = [
  0, 0, 0, 0, 1, 1, 1, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 5, 5, 5, 6, 6, 6, 6, 7, 7, 7, 8, 8, 8, 9, 9, 9, 9, 10, 10, 10, 11, 11,
  11, 12, 12, 12, 12, 13, 13, 13, 14, 14, 14, 15, 15, 15, 15, 16, 16, 16, 17, 17, 17, 18, 18, 18, 19,
];
const MIN_SMALL_BIN_EXP = -21;
const MAX_SMALL_BIN_EXP = 62;
const EXP_SHIFT = 52;

const scratch = new DataView(new ArrayBuffer(8));

/** Decimal digits (no leading/trailing zeros) and the exponent e with value = 0.DIGITS x 10^e. */
interface Decimal {
  digits: string;
  decExponent: number;
}

function pow5(n: number): bigint {
  return 5n ** BigInt(n);
}

function trailingZeros(x: bigint): number {
  let n = 0;
  while ((x & 1n) === 0n) {
    x >>= 1n;
    n++;
  }
  return n;
}

function estimateDecExp(fractBits: bigint, binExp: number): number {
  scratch.setBigUint64(0, 0x3ff0000000000000n | (fractBits & 0xfffffffffffffn));
  const d2 = scratch.getFloat64(0);
  const d = (d2 - 1.5) * 0.289529654 + 0.176091259 + binExp * 0.301029995663981;
  const e = Math.floor(d);
  return e === 0 ? 0 : e;
}

function exactLongDigits(value: bigint, insignificant: number): Decimal {
  let v = value;
  if (insignificant !== 0) {
    const pow10 = 10n ** BigInt(insignificant);
    const residue = v % pow10;
    v /= pow10;
    if (residue >= pow10 >> 1n) v++;
  }
  const text = v.toString();
  return { digits: text.replace(/0+$/, ''), decExponent: insignificant + text.length };
}

type Width = 32 | 64 | 0;

function wrap(width: Width, x: bigint): bigint {
  return width === 0 ? x : BigInt.asIntN(width, x);
}

/** FloatingDecimal's digit generation for a value (fractBits with its high bit at 52) x 2^(binExp-52). */
function generate(binExp: number, fractBitsIn: bigint, nSignificantBits: number): Decimal {
  let fractBits = fractBitsIn;
  const tailZeros = trailingZeros(fractBits);
  const nFractBits = EXP_SHIFT + 1 - tailZeros;
  const nTinyBits = Math.max(0, nFractBits - binExp - 1);
  if (binExp <= MAX_SMALL_BIN_EXP && binExp >= MIN_SMALL_BIN_EXP && nTinyBits === 0) {
    // A whole number below 2^63: its exact digits, less those below the value's precision.
    const p2 = binExp - nSignificantBits - 1;
    const insignificant = binExp > nSignificantBits && p2 > 1 ? (INSIGNIFICANT_FOR_POW2[p2] ?? 0) : 0;
    const whole = binExp >= EXP_SHIFT ? fractBits << BigInt(binExp - EXP_SHIFT) : fractBits >> BigInt(EXP_SHIFT - binExp);
    return exactLongDigits(whole, insignificant);
  }
  let decExp = estimateDecExp(fractBits, binExp);
  const B5 = Math.max(0, -decExp);
  let B2 = B5 + nTinyBits + binExp;
  const S5 = Math.max(0, decExp);
  let S2 = S5 + nTinyBits;
  const M5 = B5;
  let M2 = B2 - nSignificantBits;
  fractBits >>= BigInt(tailZeros);
  B2 -= nFractBits - 1;
  const common = Math.min(B2, S2);
  B2 -= common;
  S2 -= common;
  M2 -= common;
  // An exact power of two has a closer neighbour below; the JDK halves the margin for it.
  if (nFractBits === 1) M2 -= 1;
  if (M2 < 0) {
    B2 -= M2;
    S2 -= M2;
    M2 = 0;
  }
  const bBits = nFractBits + B2 + (B5 < N_5_BITS.length ? (N_5_BITS[B5] as number) : B5 * 3);
  const tenSBits = S2 + 1 + (S5 + 1 < N_5_BITS.length ? (N_5_BITS[S5 + 1] as number) : (S5 + 1) * 3);
  const width: Width = bBits < 32 && tenSBits < 32 ? 32 : bBits < 64 && tenSBits < 64 ? 64 : 0;
  const w = (x: bigint): bigint => wrap(width, x);

  let b = w(w(w(fractBits) * pow5(B5)) << BigInt(B2));
  const s = w(pow5(S5) << BigInt(S2));
  let m = w(pow5(M5) << BigInt(M2));
  const tens = w(s * 10n);
  const digits: number[] = [];
  const isHigh = (): boolean => (width === 0 ? b + m >= tens : w(b + m) > tens);

  let q = Number(b / s);
  b = w(10n * (b % s));
  m = w(m * 10n);
  let low = b < m;
  let high = isHigh();
  if (q === 0 && !high) decExp--;
  else digits.push(q);
  // E-form always shows a fraction digit, so it needs at least two digits.
  if (decExp < -3 || decExp >= 8) {
    high = false;
    low = false;
  }
  while (!low && !high) {
    q = Number(b / s);
    b = w(10n * (b % s));
    m = w(m * 10n);
    if (width === 0 || m > 0n) {
      low = b < m;
      high = isHigh();
    } else {
      // The JDK's int/long margin overflowed: it stops here.
      low = true;
      high = true;
    }
    digits.push(q);
  }
  let lowDigitDifference: bigint;
  if (width === 0) lowDigitDifference = high && low ? BigInt(Math.sign(Number((b << 1n) - tens))) : 0n;
  else lowDigitDifference = w(w(b << 1n) - tens);
  let decExponent = decExp + 1;
  if (high) {
    const last = digits[digits.length - 1] as number;
    const up = !low || lowDigitDifference > 0n || (lowDigitDifference === 0n && (last & 1) !== 0);
    if (up) {
      let i = digits.length - 1;
      while (i > 0 && digits[i] === 9) {
        digits[i] = 0;
        i--;
      }
      if (digits[i] === 9) {
        digits[0] = 1;
        decExponent++;
      } else digits[i] = (digits[i] as number) + 1;
    }
  }
  let text = digits.join('');
  text = text.replace(/0+$/, '');
  return { digits: text === '' ? '0' : text, decExponent };
}

function layOut(negative: boolean, { digits, decExponent }: Decimal): string {
  const sign = negative ? '-' : '';
  if (decExponent > 0 && decExponent < 8) {
    const intPart = digits.slice(0, decExponent).padEnd(decExponent, '0');
    const frac = digits.slice(decExponent);
    return `${sign}${intPart}.${frac === '' ? '0' : frac}`;
  }
  if (decExponent <= 0 && decExponent > -3) return `${sign}0.${'0'.repeat(-decExponent)}${digits}`;
  const frac = digits.slice(1);
  return `${sign}${digits[0]}.${frac === '' ? '0' : frac}E${decExponent - 1}`;
}

export function javaDoubleToString(value: number): string {
  if (Number.isNaN(value)) return 'NaN';
  if (value === Infinity) return 'Infinity';
  if (value === -Infinity) return '-Infinity';
  if (value === 0) return Object.is(value, -0) ? '-0.0' : '0.0';
  scratch.setFloat64(0, value);
  const bits = scratch.getBigUint64(0);
  const negative = bits >> 63n !== 0n;
  let binExp = Number((bits >> 52n) & 0x7ffn);
  let fractBits = bits & 0xfffffffffffffn;
  let nSignificantBits: number;
  if (binExp === 0) {
    const leadingZeros = 64 - fractBits.toString(2).length;
    const shift = leadingZeros - (63 - EXP_SHIFT);
    fractBits <<= BigInt(shift);
    binExp = 1 - shift;
    nSignificantBits = 64 - leadingZeros;
  } else {
    fractBits |= 1n << 52n;
    nSignificantBits = EXP_SHIFT + 1;
  }
  return layOut(negative, generate(binExp - 1023, fractBits, nSignificantBits));
}

export function javaFloatToString(value: number): string {
  const f = Math.fround(value);
  if (Number.isNaN(f)) return 'NaN';
  if (f === Infinity) return 'Infinity';
  if (f === -Infinity) return '-Infinity';
  if (f === 0) return Object.is(f, -0) ? '-0.0' : '0.0';
  scratch.setFloat32(0, f);
  const bits = scratch.getUint32(0);
  const negative = bits >>> 31 !== 0;
  let binExp = (bits >>> 23) & 0xff;
  let fractBits = bits & 0x7fffff;
  let nSignificantBits: number;
  if (binExp === 0) {
    const leadingZeros = Math.clz32(fractBits);
    const shift = leadingZeros - (31 - 23);
    fractBits <<= shift;
    binExp = 1 - shift;
    nSignificantBits = 32 - leadingZeros;
  } else {
    fractBits |= 1 << 23;
    nSignificantBits = 24;
  }
  return layOut(negative, generate(binExp - 127, BigInt(fractBits) << 29n, nSignificantBits));
}
