// Java's Double.toString and Float.toString exactly as JDK 17 prints them (JLS 5.1.11 string
// conversion). The checker uses them when it folds string concatenation of constants; the interpreter
// and the VM's natives use the same functions so that every part of OakVM prints numbers as HotSpot does.
//
// This is the algorithm of JDK 17's jdk.internal.math.FloatingDecimal (BinaryToASCIIBuffer.dtoa, after
// Steele & White): it stops generating digits once the remaining value is within half an ulp, which is
// usually, but not always, the shortest representation (JDK 19 changed to the shortest; JDK 17 did not),
// with its three arithmetic tiers (int, long, big integer) reproduced including their wrap-around.

const EXP_SHIFT = 52;
const MAX_SMALL_BIN_EXP = 62;
const MIN_SMALL_BIN_EXP = -21;
const LONG_5_POW: readonly bigint[] = Array.from({ length: 27 }, (_, i) => 5n ** BigInt(i));
const N_5_BITS: readonly number[] = LONG_5_POW.map((p) => (p === 1n ? 0 : p.toString(2).length));

/** Java's Double.toString(d). */
export function javaDoubleToString(value: number): string {
  if (Number.isNaN(value)) return 'NaN';
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, value);
  const bits = view.getBigUint64(0);
  const negative = bits >> 63n === 1n;
  let fractBits = bits & ((1n << 52n) - 1n);
  let binExp = Number((bits >> 52n) & 0x7ffn);
  if (binExp === 0x7ff) return negative ? '-Infinity' : 'Infinity';
  let nSignificantBits: number;
  if (binExp === 0) {
    if (fractBits === 0n) return negative ? '-0.0' : '0.0';
    const leadingZeros = 64 - fractBits.toString(2).length;
    const shift = leadingZeros - (63 - EXP_SHIFT);
    fractBits <<= BigInt(shift);
    binExp = 1 - shift;
    nSignificantBits = 64 - leadingZeros;
  } else {
    fractBits |= 1n << 52n;
    nSignificantBits = EXP_SHIFT + 1;
  }
  binExp -= 1023;
  return (negative ? '-' : '') + dtoa(binExp, fractBits, nSignificantBits);
}

/** Java's Float.toString(f); `value` is rounded to float first. */
export function javaFloatToString(value: number): string {
  const f = Math.fround(value);
  if (Number.isNaN(f)) return 'NaN';
  const view = new DataView(new ArrayBuffer(4));
  view.setFloat32(0, f);
  const bits = view.getUint32(0);
  const negative = bits >>> 31 === 1;
  let fractBits = bits & 0x7fffff;
  let binExp = (bits >>> 23) & 0xff;
  if (binExp === 0xff) return negative ? '-Infinity' : 'Infinity';
  let nSignificantBits: number;
  if (binExp === 0) {
    if (fractBits === 0) return negative ? '-0.0' : '0.0';
    const leadingZeros = Math.clz32(fractBits);
    const shift = leadingZeros - (31 - 23);
    fractBits <<= shift;
    binExp = 1 - shift;
    nSignificantBits = 32 - leadingZeros;
  } else {
    fractBits |= 1 << 23;
    nSignificantBits = 24;
  }
  binExp -= 127;
  return (negative ? '-' : '') + dtoa(binExp, BigInt(fractBits) << BigInt(EXP_SHIFT - 23), nSignificantBits);
}

/** The decimal digits and the exponent of the first one (value = 0.d1d2... * 10^decExponent). */
interface Digits {
  digits: number[];
  decExponent: number;
}

function trailingZeros(x: bigint): number {
  let n = 0;
  while ((x & 1n) === 0n) {
    x >>= 1n;
    n++;
  }
  return n;
}

function dtoa(binExp: number, fractBitsIn: bigint, nSignificantBits: number): string {
  let fractBits = fractBitsIn;
  const tailZeros = trailingZeros(fractBits);
  const nFractBits = EXP_SHIFT + 1 - tailZeros;
  const nTinyBits = Math.max(0, nFractBits - binExp - 1);
  if (binExp <= MAX_SMALL_BIN_EXP && binExp >= MIN_SMALL_BIN_EXP && nTinyBits < LONG_5_POW.length) {
    if (nFractBits + (N_5_BITS[nTinyBits] as number) < 64 && nTinyBits === 0) {
      const insignificant = binExp > nSignificantBits ? insignificantDigitsForPow2(binExp - nSignificantBits - 1) : 0;
      fractBits = binExp >= EXP_SHIFT ? fractBits << BigInt(binExp - EXP_SHIFT) : fractBits >> BigInt(EXP_SHIFT - binExp);
      return layOut(developLongDigits(0, fractBits, insignificant));
    }
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
  const common2 = Math.min(B2, S2);
  B2 -= common2;
  S2 -= common2;
  M2 -= common2;
  // At a power of two the next smaller double is only half as far away.
  if (nFractBits === 1) M2 -= 1;
  if (M2 < 0) {
    B2 -= M2;
    S2 -= M2;
    M2 = 0;
  }
  const digits: number[] = [];
  let low: boolean;
  let high: boolean;
  let lowDigitDifference: bigint;
  const bBits = nFractBits + B2 + (B5 < N_5_BITS.length ? (N_5_BITS[B5] as number) : B5 * 3);
  const tenSBits = S2 + 1 + (S5 + 1 < N_5_BITS.length ? (N_5_BITS[S5 + 1] as number) : (S5 + 1) * 3);
  // E-form output needs at least two digits ("d.d"), so the first digit never ends the loop there.
  const eForm = (): boolean => decExp < -3 || decExp >= 8;
  if (bBits < 64 && tenSBits < 64) {
    // Java does these in int when everything fits in 31 bits, else in long, with wrap-around.
    const wrap = bBits < 32 && tenSBits < 32 ? (x: bigint): bigint => BigInt.asIntN(32, x) : (x: bigint): bigint => BigInt.asIntN(64, x);
    let b = wrap(wrap(fractBits * (LONG_5_POW[B5] as bigint)) << BigInt(B2));
    const s = wrap((LONG_5_POW[S5] as bigint) << BigInt(S2));
    let m = wrap((LONG_5_POW[M5] as bigint) << BigInt(M2));
    const tens = wrap(s * 10n);
    let q = Number(b / s);
    b = wrap(10n * (b % s));
    m = wrap(m * 10n);
    low = b < m;
    high = wrap(b + m) > tens;
    if (q === 0 && !high) decExp--;
    else digits.push(q);
    if (eForm()) high = low = false;
    while (!low && !high) {
      q = Number(b / s);
      b = wrap(10n * (b % s));
      m = wrap(m * 10n);
      if (m > 0n) {
        low = b < m;
        high = wrap(b + m) > tens;
      } else {
        // m overflowed: it is certainly larger than b.
        low = true;
        high = true;
      }
      digits.push(q);
    }
    lowDigitDifference = wrap(wrap(b << 1n) - tens);
  } else {
    const s = 5n ** BigInt(S5) * 2n ** BigInt(S2);
    let b = fractBits * 5n ** BigInt(B5) * 2n ** BigInt(B2);
    let m = 5n ** BigInt(M5 + 1) * 2n ** BigInt(M2 + 1);
    const tenS = 5n ** BigInt(S5 + 1) * 2n ** BigInt(S2 + 1);
    let q = Number(b / s);
    b = (b % s) * 10n;
    low = b < m;
    high = b + m >= tenS;
    if (q === 0 && !high) decExp--;
    else digits.push(q);
    if (eForm()) high = low = false;
    while (!low && !high) {
      q = Number(b / s);
      b = (b % s) * 10n;
      m *= 10n;
      low = b < m;
      high = b + m >= tenS;
      digits.push(q);
    }
    lowDigitDifference = high && low ? (b << 1n) - tenS : 0n;
  }
  const result: Digits = { digits, decExponent: decExp + 1 };
  if (high) {
    if (low) {
      if (lowDigitDifference === 0n) {
        if (((digits[digits.length - 1] as number) & 1) !== 0) roundUp(result);
      } else if (lowDigitDifference > 0n) {
        roundUp(result);
      }
    } else {
      roundUp(result);
    }
  }
  return layOut(result);
}

/** floor(log10(d)) estimated from the binary exponent, as FloatingDecimal.estimateDecExp computes it. */
function estimateDecExp(fractBits: bigint, binExp: number): number {
  const view = new DataView(new ArrayBuffer(8));
  view.setBigUint64(0, (0x3ffn << 52n) | (fractBits & ((1n << 52n) - 1n)));
  const d2 = view.getFloat64(0);
  const d = (d2 - 1.5) * 0.289529654 + 0.176091259 + binExp * 0.301029995663981;
  return Math.floor(d);
}

function insignificantDigitsForPow2(p2: number): number {
  // floor(p2 * log10(2)) for the table's range (the number of decimal digits of 2^p2, minus one).
  return p2 > 1 && p2 < 64 ? (2n ** BigInt(p2)).toString().length - 1 : 0;
}

function developLongDigits(decExponentIn: number, value: bigint, insignificant: number): Digits {
  let decExponent = decExponentIn;
  let lvalue = value;
  if (insignificant !== 0) {
    const pow10 = 10n ** BigInt(insignificant);
    const residue = lvalue % pow10;
    lvalue /= pow10;
    decExponent += insignificant;
    if (residue >= pow10 >> 1n) lvalue++;
  }
  const text = lvalue.toString();
  const trimmed = text.replace(/0+$/, '');
  decExponent += text.length - trimmed.length;
  const digits = [...trimmed].map((c) => c.charCodeAt(0) - 48);
  return { digits, decExponent: decExponent + digits.length };
}

function roundUp(d: Digits): void {
  let i = d.digits.length - 1;
  let q = d.digits[i] as number;
  if (q === 9) {
    while (q === 9 && i > 0) {
      d.digits[i] = 0;
      q = d.digits[--i] as number;
    }
    if (q === 9) {
      d.decExponent += 1;
      d.digits[0] = 1;
      return;
    }
  }
  d.digits[i] = q + 1;
}

/** FloatingDecimal.getChars in compatible format: plain for 10^-3 <= |v| < 10^7, else d.dddE±n. */
function layOut({ digits, decExponent }: Digits): string {
  const all = digits.join('');
  const n = digits.length;
  if (decExponent > 0 && decExponent < 8) {
    const intLength = Math.min(n, decExponent);
    let text = all.slice(0, intLength);
    if (intLength < decExponent) return `${text}${'0'.repeat(decExponent - intLength)}.0`;
    text += '.';
    return intLength < n ? text + all.slice(intLength) : `${text}0`;
  }
  if (decExponent <= 0 && decExponent > -3) return `0.${'0'.repeat(-decExponent)}${all}`;
  return `${all[0] ?? '0'}.${n > 1 ? all.slice(1) : '0'}E${decExponent - 1}`;
}
