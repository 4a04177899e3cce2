// Natives of java.lang.System and java.lang.Runtime.
import { ARRAY_DATA, ELEMENT_BYTES, type ElementKind } from '../heap/layout.js';
import type { RtClass } from '../runtime/class-model.js';
import { JavaThrowable } from '../runtime/errors.js';
import type { Vm } from '../runtime/vm.js';
import type { NativeRegistry } from './registry.js';

/** How HotSpot names an array type in arraycopy messages: `int[]`, `object array[]`. */
function arrayTypeName(c: RtClass): string {
  const k = c.componentType!;
  return k.isPrimitive ? `${k.name}[]` : 'object array[]';
}

export function arraycopy(vm: Vm, src: number, srcPos: number, dst: number, dstPos: number, length: number): void {
  if (src === 0 || dst === 0) throw new JavaThrowable('java/lang/NullPointerException', null);
  const sc = vm.classOf(src);
  const dc = vm.classOf(dst);
  if (!sc.isArray) throw new JavaThrowable('java/lang/ArrayStoreException', `arraycopy: source type ${sc.javaName} is not an array`);
  if (!dc.isArray) throw new JavaThrowable('java/lang/ArrayStoreException', `arraycopy: destination type ${dc.javaName} is not an array`);
  const sk = sc.elementKind!;
  const dk = dc.elementKind!;
  if (sk !== dk) {
    throw new JavaThrowable('java/lang/ArrayStoreException', `arraycopy: type mismatch: can not copy ${arrayTypeName(sc)} into ${arrayTypeName(dc)}`);
  }
  const sLen = vm.arrayLength(src);
  const dLen = vm.arrayLength(dst);
  const bounds = (what: string, pos: number, len: number, arrLen: number, c: RtClass): JavaThrowable => {
    const t = arrayTypeName(c);
    if (pos < 0) return new JavaThrowable('java/lang/ArrayIndexOutOfBoundsException', `arraycopy: ${what} index ${pos} out of bounds for ${t.replace('[]', `[${arrLen}]`)}`);
    if (len < 0) return new JavaThrowable('java/lang/ArrayIndexOutOfBoundsException', `arraycopy: length ${len} is negative`);
    return new JavaThrowable('java/lang/ArrayIndexOutOfBoundsException', `arraycopy: last ${what} index ${pos + len} out of bounds for ${t.replace('[]', `[${arrLen}]`)}`);
  };
  if (length < 0) throw bounds('source', srcPos, length, sLen, sc);
  if (srcPos < 0 || srcPos + length > sLen) throw bounds('source', srcPos, length, sLen, sc);
  if (dstPos < 0 || dstPos + length > dLen) throw bounds('destination', dstPos, length, dLen, dc);
  if (length === 0) return;
  const size = ELEMENT_BYTES[sk as ElementKind];
  const u8 = vm.heap.u8;
  const sByte = (src + ARRAY_DATA) * 4 + srcPos * size;
  const dByte = (dst + ARRAY_DATA) * 4 + dstPos * size;
  if (sk !== 'L' || vm.isAssignable(sc.componentType!, dc.componentType!)) {
    // copyWithin behaves as if through a temporary buffer, as arraycopy requires for overlapping ranges.
    u8.copyWithin(dByte, sByte, sByte + length * size);
    return;
  }
  // Reference arrays of unrelated element types: check each element, stopping at the first bad one.
  const i32 = vm.heap.i32;
  const target = dc.componentType!;
  for (let i = 0; i < length; i++) {
    const v = i32[src + ARRAY_DATA + srcPos + i]!;
    if (v !== 0 && !vm.isAssignable(vm.classOf(v), target)) {
      throw new JavaThrowable(
        'java/lang/ArrayStoreException',
        `arraycopy: element type mismatch: can not cast one of the elements of ${sc.componentType!.javaName}[] to the type of the destination array, ${target.javaName}`,
      );
    }
    i32[dst + ARRAY_DATA + dstPos + i] = v;
  }
}

export function registerSystemNatives(r: NativeRegistry): void {
  r.registerClass('java/lang/System', {
    'arraycopy(Ljava/lang/Object;ILjava/lang/Object;II)V': ({ vm }, [src, sp, dst, dp, len]) =>
      arraycopy(vm, Number(src), Number(sp), Number(dst), Number(dp), Number(len)),
    'currentTimeMillis()J': ({ vm }) => BigInt(Math.floor(vm.platform.currentTimeMillis())),
    'nanoTime()J': ({ vm }) => BigInt(Math.floor(vm.platform.nanoTime())),
    'identityHashCode(Ljava/lang/Object;)I': ({ vm }, [o]) => (Number(o) === 0 ? 0 : vm.heap.identityHash(Number(o))),
  });
  r.registerClass('java/lang/Runtime', {
    'halt0(I)V': ({ vm }, [status]) => {
      vm.halted = Number(status);
      for (const t of vm.threads) t.status = 'terminated';
    },
    'gc()V': () => undefined,
    'freeMemory()J': ({ vm }) => BigInt(vm.heap.limitWords * 4 - vm.heap.usedBytes),
    'totalMemory()J': ({ vm }) => BigInt(vm.heap.limitWords * 4),
    'maxMemory()J': ({ vm }) => BigInt(vm.heap.limitWords * 4),
    'availableProcessors()I': () => 1,
  });
}
