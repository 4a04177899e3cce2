// Natives of java.lang.Float and java.lang.Double: bit conversions, formatting and parsing.
import { JavaThrowable } from '../runtime/errors.js';
import { javaDoubleToString, javaFloatToString } from '@oakvm/classfile';
import type { NativeRegistry } from './registry.js';

const buf = new ArrayBuffer(8);
const f64 = new Float64Array(buf);
const f32 = new Float32Array(buf);
const i32 = new Int32Array(buf);
const i64 = new BigInt64Array(buf);

/** Parses Java's floating-point literal grammar (already validated by Oak code) to a double. */
export function parseJavaDouble(text: string): number {
  let t = text.trim();
  if (/[fFdD]$/.test(t) && !/^[+-]?(NaN|Infinity)$/.test(t)) t = t.slice(0, -1);
  const hex = /^([+-]?)0[xX]([0-9a-fA-F]*)(?:\.([0-9a-fA-F]*))?[pP]([+-]?\d+)$/.exec(t);
  if (hex) {
    const [, sign = '', intPart = '', frac = '', exp = '0'] = hex;
    const digits = (intPart + frac).replace(/^0+/, '') || '0';
    const mantissa = BigInt(`0x${digits}`);
    let e = Number(exp) - 4 * frac.length;
    let m = mantissa;
    // Keep the mantissa within double range before scaling; the sticky bit preserves rounding.
    while (m >= 1n << 64n) {
      const sticky = m & 1n;
      m = (m >> 1n) | sticky;
      e++;
    }
    const v = Number(m) * 2 ** Math.max(-1074, Math.min(1024, e));
    const scaled = e < -1074 ? Number(m) * 2 ** -1074 * 2 ** (e + 1074) : v;
    return sign === '-' ? -scaled : scaled;
  }
  const v = Number(t);
  if (Number.isNaN(v) && !/NaN/.test(t)) throw new JavaThrowable('java/lang/NumberFormatException', `For input string: "${text}"`);
  return v;
}

export function registerFloatDoubleNatives(r: NativeRegistry): void {
  r.registerClass('java/lang/Float', {
    'floatToRawIntBits(F)I': (_c, [x]) => {
      f32[0] = Number(x);
      return i32[0]!;
    },
    'intBitsToFloat(I)F': (_c, [bits]) => {
      i32[0] = Number(bits);
      return f32[0]!;
    },
    'toString(F)Ljava/lang/String;': ({ vm }, [x]) => vm.newString(javaFloatToString(Number(x))),
    'parseFloat0(Ljava/lang/String;)F': ({ vm }, [s]) => Math.fround(parseJavaDouble(vm.jsString(Number(s)))),
  });
  r.registerClass('java/lang/Double', {
    'doubleToRawLongBits(D)J': (_c, [x]) => {
      f64[0] = Number(x);
      return i64[0]!;
    },
    'longBitsToDouble(J)D': (_c, [bits]) => {
      i64[0] = BigInt.asIntN(64, BigInt(bits));
      return f64[0]!;
    },
    'toString(D)Ljava/lang/String;': ({ vm }, [x]) => vm.newString(javaDoubleToString(Number(x))),
    'parseDouble0(Ljava/lang/String;)D': ({ vm }, [s]) => parseJavaDouble(vm.jsString(Number(s))),
  });
}
