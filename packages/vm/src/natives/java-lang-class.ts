// Natives of java.lang.Class and java.lang.reflect.Array.
import { JavaThrowable, ReexecuteAfterFrames } from '../runtime/errors.js';
import { ensureInitialized } from '../runtime/initialization.js';
import type { RtClass } from '../runtime/class-model.js';
import type { Vm } from '../runtime/vm.js';
import type { NativeRegistry } from './registry.js';

const PRIMITIVE_NAMES: Record<string, string> = {
  boolean: 'Z',
  byte: 'B',
  char: 'C',
  short: 'S',
  int: 'I',
  long: 'J',
  float: 'F',
  double: 'D',
  void: 'V',
};

function mirror(vm: Vm, ref: number): RtClass {
  if (ref === 0) throw new JavaThrowable('java/lang/NullPointerException', null);
  return vm.classOfMirror(ref);
}

export function registerClassNatives(r: NativeRegistry): void {
  r.registerClass('java/lang/Class', {
    'initClassName()Ljava/lang/String;': ({ vm }, [self]) => vm.intern(mirror(vm, Number(self)).javaName),
    'isArray()Z': ({ vm }, [self]) => mirror(vm, Number(self)).isArray,
    'isInterface()Z': ({ vm }, [self]) => mirror(vm, Number(self)).isInterface,
    'isPrimitive()Z': ({ vm }, [self]) => mirror(vm, Number(self)).isPrimitive,
    'getSuperclass()Ljava/lang/Class;': ({ vm }, [self]) => {
      const c = mirror(vm, Number(self));
      if (c.isInterface || c.isPrimitive || c.superClass === null) return 0;
      return vm.mirrorOf(c.superClass);
    },
    'getComponentType()Ljava/lang/Class;': ({ vm }, [self]) => {
      const c = mirror(vm, Number(self));
      return c.componentType ? vm.mirrorOf(c.componentType) : 0;
    },
    'isInstance(Ljava/lang/Object;)Z': ({ vm }, [self, o]) => {
      const c = mirror(vm, Number(self));
      return Number(o) !== 0 && vm.isAssignable(vm.classOf(Number(o)), c);
    },
    'isAssignableFrom(Ljava/lang/Class;)Z': ({ vm }, [self, other]) => {
      const c = mirror(vm, Number(self));
      const o = mirror(vm, Number(other));
      if (c.isPrimitive || o.isPrimitive) return c === o;
      return vm.isAssignable(o, c);
    },
    'getModifiers()I': ({ vm }, [self]) => {
      const c = mirror(vm, Number(self));
      // Java reports modifiers without ACC_SUPER, and arrays as public/final/abstract like their element.
      return c.flags & ~0x0020 & 0xffff;
    },
    'forName0(Ljava/lang/String;)Ljava/lang/Class;': ({ vm, thread }, [name]) => {
      const text = vm.jsString(Number(name));
      const internal = text.replace(/\./g, '/');
      let c: RtClass | undefined;
      try {
        c = text.includes('/') ? undefined : vm.loaders.tryLoad(internal, 'app');
      } catch (e) {
        if (e instanceof JavaThrowable && e.className === 'java/lang/NoClassDefFoundError') c = undefined;
        else throw e;
      }
      if (c === undefined) throw new JavaThrowable('java/lang/ClassNotFoundException', text);
      if (!ensureInitialized(vm, thread, c)) throw new ReexecuteAfterFrames();
      return vm.mirrorOf(c);
    },
    'getPrimitiveClass(Ljava/lang/String;)Ljava/lang/Class;': ({ vm }, [name]) => {
      const kind = PRIMITIVE_NAMES[vm.jsString(Number(name))];
      const c = kind === undefined ? undefined : vm.loaders.primitives.get(kind);
      if (c === undefined) throw new JavaThrowable('java/lang/IllegalArgumentException', vm.jsString(Number(name)));
      return vm.mirrorOf(c);
    },
  });
  r.registerClass('java/lang/reflect/Array', {
    'newArray(Ljava/lang/Class;I)Ljava/lang/Object;': ({ vm }, [component, length]) =>
      vm.newArray(vm.arrayClassOf(mirror(vm, Number(component))), Number(length)),
  });
}
