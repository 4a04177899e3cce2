// Natives of java.lang.Object.
import { ARRAY_LENGTH, HDR_HASH, HDR_LOCK } from '../heap/layout.js';
import { JavaThrowable } from '../runtime/errors.js';
import type { NativeRegistry } from './registry.js';
import { waitOn } from './threading.js';

export function registerObjectNatives(r: NativeRegistry): void {
  r.registerClass('java/lang/Object', {
    'getClass()Ljava/lang/Class;': ({ vm }, [self]) => vm.mirrorOf(vm.classOf(Number(self))),
    'hashCode()I': ({ vm }, [self]) => vm.heap.identityHash(Number(self)),
    'clone()Ljava/lang/Object;': ({ vm }, [self]) => {
      const ref = Number(self);
      const cls = vm.classOf(ref);
      if (!cls.isArray && !vm.isAssignable(cls, vm.bootClass('java/lang/Cloneable'))) {
        throw new JavaThrowable('java/lang/CloneNotSupportedException', cls.javaName);
      }
      const words = cls.isArray ? arrayWordsOf(vm.heap.i32, ref, cls.elementKind!) : cls.instanceWords;
      const h = vm.handles.push(ref);
      const copy = vm.heap.allocate(words, cls.id);
      if (copy === 0) throw new JavaThrowable('java/lang/OutOfMemoryError', 'Java heap space');
      const src = vm.handles.get(h);
      vm.handles.pop(h);
      vm.heap.i32.copyWithin(copy + 3, src + 3, src + words);
      vm.heap.i32[copy + HDR_HASH] = 0;
      vm.heap.i32[copy + HDR_LOCK] = 0;
      return copy;
    },
    'notify()V': ({ vm, thread }, [self]) => {
      for (const t of vm.monitors.notify(thread, Number(self), false)) t.wakeAction?.();
    },
    'notifyAll()V': ({ vm, thread }, [self]) => {
      for (const t of vm.monitors.notify(thread, Number(self), true)) t.wakeAction?.();
    },
    'wait(J)V': (ctx, [self, ms]) => waitOn(ctx, Number(self), Number(ms)),
  });
}

function arrayWordsOf(i32: Int32Array, ref: number, kind: string): number {
  const length = i32[ref + ARRAY_LENGTH]!;
  const bytes = kind === 'J' || kind === 'D' ? 8 : kind === 'B' || kind === 'Z' ? 1 : kind === 'C' || kind === 'S' ? 2 : 4;
  return (4 + Math.ceil((length * bytes) / 4) + 1) & ~1;
}
