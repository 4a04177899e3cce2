// Natives of java.lang.Math and java.lang.StrictMath (the same host functions serve both).
import type { NativeRegistry } from './registry.js';

/** Math.rint: round half to even, keeping the sign of zero. */
function rint(x: number): number {
  if (!Number.isFinite(x) || x === 0) return x;
  const r = Math.round(x);
  const adjusted = Math.abs(x - Math.trunc(x)) === 0.5 && r % 2 !== 0 ? r - 1 : r;
  return adjusted === 0 ? (x < 0 ? -0 : 0) : adjusted;
}

/** IEEE 754 remainder: x - n*y with n the integer nearest x/y (ties to even). */
function ieeeRemainder(x: number, y: number): number {
  if (Number.isNaN(x) || Number.isNaN(y) || !Number.isFinite(x) || y === 0) return NaN;
  if (!Number.isFinite(y)) return x;
  const fmod = x % y;
  const ay = Math.abs(y);
  let r = fmod;
  if (Math.abs(r) * 2 > ay || (Math.abs(r) * 2 === ay && ((x - r) / y) % 2 !== 0)) r -= Math.sign(r) * ay;
  return r === 0 ? (x < 0 ? -0 : 0) : r;
}

function pow(x: number, y: number): number {
  // Java: pow(±1, ±Infinity) and pow(1, NaN)? Java gives NaN for 1^NaN and NaN for (±1)^(±Infinity), where JavaScript differs.
  if (Number.isNaN(y)) return NaN;
  if ((x === 1 || x === -1) && !Number.isFinite(y)) return NaN;
  return Math.pow(x, y);
}

const UNARY: Record<string, (x: number) => number> = {
  sin: Math.sin,
  cos: Math.cos,
  tan: Math.tan,
  asin: Math.asin,
  acos: Math.acos,
  atan: Math.atan,
  exp: Math.exp,
  log: Math.log,
  log10: Math.log10,
  sqrt: Math.sqrt,
  cbrt: Math.cbrt,
  sinh: Math.sinh,
  cosh: Math.cosh,
  tanh: Math.tanh,
  expm1: Math.expm1,
  log1p: Math.log1p,
  floor: Math.floor,
  ceil: Math.ceil,
  rint,
};

const BINARY: Record<string, (x: number, y: number) => number> = {
  atan2: Math.atan2,
  pow,
  hypot: Math.hypot,
  IEEEremainder: ieeeRemainder,
};

export function registerMathNatives(r: NativeRegistry): void {
  for (const cls of ['java/lang/Math', 'java/lang/StrictMath']) {
    for (const [name, f] of Object.entries(UNARY)) r.registerDouble(`${cls}.${name}(D)D`, (x) => f(x));
    for (const [name, f] of Object.entries(BINARY)) r.registerDouble(`${cls}.${name}(DD)D`, f);
  }
}
