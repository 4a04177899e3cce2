// Every native the class library declares (docs/classlib.md), registered in one place.
import { registerClassNatives } from './java-lang-class.js';
import { registerFloatDoubleNatives } from './java-lang-float-double.js';
import { registerIoNatives } from './java-io.js';
import { registerMathNatives } from './java-lang-math.js';
import { registerObjectNatives } from './java-lang-object.js';
import { registerSystemNatives } from './java-lang-system.js';
import { registerThreadNatives } from './java-lang-thread.js';
import { registerThrowableNatives } from './java-lang-throwable.js';
import type { NativeRegistry } from './registry.js';

export function registerCoreNatives(r: NativeRegistry): void {
  registerObjectNatives(r);
  registerSystemNatives(r);
  registerMathNatives(r);
  registerFloatDoubleNatives(r);
  registerClassNatives(r);
  registerThreadNatives(r);
  registerThrowableNatives(r);
  registerIoNatives(r);
  r.registerClass('java/lang/String', {
    'intern()Ljava/lang/String;': ({ vm }, [self]) => {
      const text = vm.jsString(Number(self));
      const known = vm.interned.get(text);
      if (known !== undefined) return known;
      vm.interned.set(text, Number(self));
      return Number(self);
    },
  });
}
