// 64-bit two's-complement arithmetic on the operand stack, where a long is two slots: the low 32 bits at
// the lower slot and the high 32 bits above it, each stored as a signed int32 (as the JVM's two slots).
// The binary operations read the operands at [sp-4, sp-3] and [sp-2, sp-1] and leave the result at
// [sp-4, sp-3]; the caller then lowers sp by 2. Division goes through BigInt: it is rare on hot paths.

const TWO_32 = 4294967296;

export function ladd(s: Float64Array, sp: number): void {
  const alo = s[sp - 4]!;
  const blo = s[sp - 2]!;
  const lo = (alo >>> 0) + (blo >>> 0);
  s[sp - 4] = lo | 0;
  s[sp - 3] = (s[sp - 3]! + s[sp - 1]! + (lo > 0xffffffff ? 1 : 0)) | 0;
}

export function lsub(s: Float64Array, sp: number): void {
  const alo = s[sp - 4]! >>> 0;
  const blo = s[sp - 2]! >>> 0;
  s[sp - 4] = (alo - blo) | 0;
  s[sp - 3] = (s[sp - 3]! - s[sp - 1]! - (alo < blo ? 1 : 0)) | 0;
}

/** High 32 bits of the unsigned 64-bit product of two uint32 values. */
function mulHighUnsigned(a: number, b: number): number {
  const a0 = a & 0xffff;
  const a1 = a >>> 16;
  const b0 = b & 0xffff;
  const b1 = b >>> 16;
  const t = a0 * b0;
  const m1 = a1 * b0 + (t >>> 16);
  const m2 = a0 * b1 + (m1 & 0xffff);
  return (a1 * b1 + Math.floor(m1 / 65536) + Math.floor(m2 / 65536)) | 0;
}

export function lmul(s: Float64Array, sp: number): void {
  const alo = s[sp - 4]! | 0;
  const ahi = s[sp - 3]! | 0;
  const blo = s[sp - 2]! | 0;
  const bhi = s[sp - 1]! | 0;
  s[sp - 4] = Math.imul(alo, blo);
  s[sp - 3] = (Math.imul(ahi, blo) + Math.imul(alo, bhi) + mulHighUnsigned(alo >>> 0, blo >>> 0)) | 0;
}

export function toBigInt(lo: number, hi: number): bigint {
  return (BigInt(hi | 0) << 32n) | BigInt(lo >>> 0);
}

export function storeBigInt(s: Float64Array, at: number, v: bigint): void {
  const w = BigInt.asIntN(64, v);
  s[at] = Number(BigInt.asIntN(32, w));
  s[at + 1] = Number(BigInt.asIntN(32, w >> 32n));
}

/** ldiv; the caller has checked the divisor is not zero. */
export function ldiv(s: Float64Array, sp: number): void {
  if (!divideBySmall(s, sp, false)) {
    storeBigInt(s, sp - 4, toBigInt(s[sp - 4]!, s[sp - 3]!) / toBigInt(s[sp - 2]!, s[sp - 1]!));
  }
}

export function lrem(s: Float64Array, sp: number): void {
  if (!divideBySmall(s, sp, true)) {
    storeBigInt(s, sp - 4, toBigInt(s[sp - 4]!, s[sp - 3]!) % toBigInt(s[sp - 2]!, s[sp - 1]!));
  }
}

/**
 * Division by a divisor whose magnitude fits in 32 bits, without BigInt: long division of the
 * dividend's magnitude in 32- and 16-bit steps, each exact in double arithmetic. Returns false (doing
 * nothing) for larger divisors.
 */
function divideBySmall(s: Float64Array, sp: number, remainder: boolean): boolean {
  let alo = s[sp - 4]! | 0;
  let ahi = s[sp - 3]! | 0;
  let blo = s[sp - 2]! | 0;
  let bhi = s[sp - 1]! | 0;
  const aNegative = ahi < 0;
  const bNegative = bhi < 0;
  if (aNegative) {
    alo = -alo | 0;
    ahi = (~ahi + (alo === 0 ? 1 : 0)) | 0;
  }
  if (bNegative) {
    blo = -blo | 0;
    bhi = (~bhi + (blo === 0 ? 1 : 0)) | 0;
  }
  if (bhi !== 0) return false;
  const d = blo >>> 0;
  const high = ahi >>> 0;
  const low = alo >>> 0;
  const qHigh = Math.floor(high / d);
  let r = high - qHigh * d;
  let t = r * 65536 + (low >>> 16);
  const q1 = Math.floor(t / d);
  r = t - q1 * d;
  t = r * 65536 + (low & 0xffff);
  const q2 = Math.floor(t / d);
  r = t - q2 * d;
  let lo: number;
  let hi: number;
  let negate: boolean;
  if (remainder) {
    lo = r | 0;
    hi = 0;
    negate = aNegative;
  } else {
    lo = (q1 * 65536 + q2) | 0;
    hi = qHigh | 0;
    negate = aNegative !== bNegative;
  }
  if (negate) {
    lo = -lo | 0;
    hi = (~hi + (lo === 0 ? 1 : 0)) | 0;
  }
  s[sp - 4] = lo;
  s[sp - 3] = hi;
  return true;
}

/** Shifts the long at [at, at+1] by `n & 63`. */
export function lshl(s: Float64Array, at: number, count: number): void {
  const n = count & 63;
  const lo = s[at]! | 0;
  const hi = s[at + 1]! | 0;
  if (n === 0) return;
  if (n < 32) {
    s[at] = lo << n;
    s[at + 1] = (hi << n) | (lo >>> (32 - n));
  } else {
    s[at] = 0;
    s[at + 1] = lo << (n - 32);
  }
}

export function lshr(s: Float64Array, at: number, count: number): void {
  const n = count & 63;
  const lo = s[at]! | 0;
  const hi = s[at + 1]! | 0;
  if (n === 0) return;
  if (n < 32) {
    s[at] = (lo >>> n) | (hi << (32 - n));
    s[at + 1] = hi >> n;
  } else {
    s[at] = hi >> (n - 32);
    s[at + 1] = hi >> 31;
  }
}

export function lushr(s: Float64Array, at: number, count: number): void {
  const n = count & 63;
  const lo = s[at]! | 0;
  const hi = s[at + 1]! | 0;
  if (n === 0) return;
  if (n < 32) {
    s[at] = ((lo >>> n) | (hi << (32 - n))) | 0;
    s[at + 1] = (hi >>> n) | 0;
  } else {
    s[at] = (hi >>> (n - 32)) | 0;
    s[at + 1] = 0;
  }
}

export function lneg(s: Float64Array, at: number): void {
  const lo = s[at]! | 0;
  s[at] = -lo | 0;
  s[at + 1] = (~(s[at + 1]! | 0) + (lo === 0 ? 1 : 0)) | 0;
}

/** lcmp of the longs at [sp-4, sp-3] and [sp-2, sp-1]: -1, 0 or 1. */
export function lcmp(s: Float64Array, sp: number): number {
  const ahi = s[sp - 3]! | 0;
  const bhi = s[sp - 1]! | 0;
  if (ahi !== bhi) return ahi < bhi ? -1 : 1;
  const alo = s[sp - 4]! >>> 0;
  const blo = s[sp - 2]! >>> 0;
  return alo === blo ? 0 : alo < blo ? -1 : 1;
}

export function longToDouble(lo: number, hi: number): number {
  return (hi | 0) * TWO_32 + (lo >>> 0);
}

/** long to float with a single rounding (going through double would round twice). */
export function longToFloat(lo: number, hi: number): number {
  const d = longToDouble(lo, hi);
  if (Math.abs(d) < 2 ** 53) return Math.fround(d);
  let v = toBigInt(lo, hi);
  const negative = v < 0n;
  if (negative) v = -v;
  // Keep 53 significant bits, folding the discarded ones into the lowest (a sticky bit far below float
  // precision), so the value converts to double exactly and the one rounding happens in Math.fround.
  let shift = 0n;
  while (v >> (53n + shift) !== 0n) shift++;
  const kept = v >> shift;
  const sticky = (v & ((1n << shift) - 1n)) !== 0n ? 1n : 0n;
  const approx = Number(kept | sticky) * 2 ** Number(shift);
  return Math.fround(negative ? -approx : approx);
}

/** d2l / f2l: NaN gives 0, out-of-range values saturate. Writes the halves at [at, at+1]. */
export function storeDoubleAsLong(s: Float64Array, at: number, d: number): void {
  if (d !== d) {
    s[at] = 0;
    s[at + 1] = 0;
  } else if (d >= 9223372036854775807) {
    s[at] = -1;
    s[at + 1] = 0x7fffffff;
  } else if (d <= -9223372036854775808) {
    s[at] = 0;
    s[at + 1] = -2147483648;
  } else {
    const t = Math.trunc(d);
    const hi = Math.floor(t / TWO_32);
    s[at] = (t - hi * TWO_32) | 0;
    s[at + 1] = hi | 0;
  }
}

/** d2i / f2i: NaN gives 0, out-of-range values saturate. */
export function doubleToInt(d: number): number {
  if (d !== d) return 0;
  if (d >= 2147483647) return 2147483647;
  if (d <= -2147483648) return -2147483648;
  return d | 0;
}
