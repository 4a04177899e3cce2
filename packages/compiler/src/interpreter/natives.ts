// The interpreter's own implementation of the class library's natives (docs/classlib.md lists them),
// keyed like the VM's registry: "java/lang/Math.sqrt(D)D". They behave as the VM's do: same messages,
// same output bytes.
import { javaDoubleToString, javaFloatToString } from '@oakvm/classfile';
import type { PrimitiveName } from '../semantics/types.js';
import type { Interpreter } from './interpreter.js';
import { newArrayData } from './interpreter.js';
import type { Native, RtClass } from './runtime-class.js';
import { ExitSignal, JArray, JObject, Unsupported, type JRef, type Value } from './values.js';

const scratch = new DataView(new ArrayBuffer(8));
/** HotSpot's MaxJavaStackTraceDepth. */
const MAX_TRACE = 1024;

export function bindNatives(vm: Interpreter): (key: string) => Native | null {
  const table = new Map<string, Native>();
  const def = (cls: string, entries: Record<string, Native>): void => {
    for (const [k, fn] of Object.entries(entries)) table.set(`${cls}.${k}`, fn);
  };
  const num = (v: Value): number => v as number;
  const math1: Record<string, (x: number) => number> = {
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
  const math2: Record<string, (x: number, y: number) => number> = {
    atan2: Math.atan2,
    pow: javaPow,
    hypot: Math.hypot,
    IEEEremainder: ieeeRemainder,
  };
  for (const cls of ['java/lang/Math', 'java/lang/StrictMath']) {
    for (const [name, fn] of Object.entries(math1)) table.set(`${cls}.${name}(D)D`, (_s, a) => fn(num(a[0] as Value)));
    for (const [name, fn] of Object.entries(math2)) table.set(`${cls}.${name}(DD)D`, (_s, a) => fn(num(a[0] as Value), num(a[1] as Value)));
  }

  def('java/lang/Object', {
    'getClass()Ljava/lang/Class;': (self) => vm.mirror((self as JRef).cls),
    'hashCode()I': (self) => vm.identityHash(self as JRef),
    'clone()Ljava/lang/Object;': (self) => {
      const o = self as JRef;
      if (o instanceof JArray) {
        const d = o.data;
        return new JArray(o.cls, Array.isArray(d) ? d.slice() : (d.slice() as typeof d));
      }
      if (!o.cls.supertypes.has(vm.classNamed('java/lang/Cloneable'))) vm.throwNew('java/lang/CloneNotSupportedException', o.cls.javaName);
      return new JObject(o.cls, o.fields.slice());
    },
    'notify()V': (self) => ownerCheck(vm, self as JRef),
    'notifyAll()V': (self) => ownerCheck(vm, self as JRef),
    'wait(J)V': (self, a) => {
      const ms = a[0] as bigint;
      if (ms < 0n) vm.throwNew('java/lang/IllegalArgumentException', 'timeout value is negative');
      ownerCheck(vm, self as JRef);
      if (ms === 0n) throw new Unsupported('wait() with no other thread to notify would wait forever (threads are not supported)');
      // No other thread can notify: the wait ends by its timeout.
      sleep(Number(ms));
      return null;
    },
  });

  def('java/lang/System', {
    'arraycopy(Ljava/lang/Object;ILjava/lang/Object;II)V': (_s, a) => {
      arraycopy(vm, a[0] as JRef | null, num(a[1] as Value), a[2] as JRef | null, num(a[3] as Value), num(a[4] as Value));
      return null;
    },
    'currentTimeMillis()J': () => BigInt(Date.now()),
    'nanoTime()J': () => BigInt(Math.round(performance.now() * 1e6)),
    'identityHashCode(Ljava/lang/Object;)I': (_s, a) => (a[0] === null ? 0 : vm.identityHash(a[0] as JRef)),
  });

  def('java/lang/Runtime', {
    'halt0(I)V': (_s, a) => {
      throw new ExitSignal(num(a[0] as Value));
    },
    'gc()V': () => null,
    'freeMemory()J': () => 64n << 20n,
    'totalMemory()J': () => 128n << 20n,
    'maxMemory()J': () => 256n << 20n,
    'availableProcessors()I': () => 1,
  });

  def('java/lang/String', {
    'intern()Ljava/lang/String;': (self) => vm.intern(vm.jsString(self as JObject)),
  });

  def('java/lang/Float', {
    'floatToRawIntBits(F)I': (_s, a) => {
      scratch.setFloat32(0, num(a[0] as Value));
      return scratch.getInt32(0);
    },
    'intBitsToFloat(I)F': (_s, a) => {
      scratch.setInt32(0, num(a[0] as Value));
      return scratch.getFloat32(0);
    },
    'toString(F)Ljava/lang/String;': (_s, a) => vm.str(javaFloatToString(num(a[0] as Value))),
    'parseFloat0(Ljava/lang/String;)F': (_s, a) => Math.fround(parseJavaDouble(vm.jsString(a[0] as JObject))),
  });
  def('java/lang/Double', {
    'doubleToRawLongBits(D)J': (_s, a) => {
      scratch.setFloat64(0, num(a[0] as Value));
      return scratch.getBigInt64(0);
    },
    'longBitsToDouble(J)D': (_s, a) => {
      scratch.setBigInt64(0, a[0] as bigint);
      return scratch.getFloat64(0);
    },
    'toString(D)Ljava/lang/String;': (_s, a) => vm.str(javaDoubleToString(num(a[0] as Value))),
    'parseDouble0(Ljava/lang/String;)D': (_s, a) => parseJavaDouble(vm.jsString(a[0] as JObject)),
  });

  const classOfMirror = (self: JRef | null): RtClass => (self as JObject).mirrorOf as RtClass;
  def('java/lang/Class', {
    'initClassName()Ljava/lang/String;': (self) => vm.str(classOfMirror(self).javaName),
    'isArray()Z': (self) => classOfMirror(self).isArray,
    'isInterface()Z': (self) => classOfMirror(self).isInterface,
    'isPrimitive()Z': (self) => classOfMirror(self).primitive !== null,
    'getSuperclass()Ljava/lang/Class;': (self) => {
      const c = classOfMirror(self);
      if (c.isInterface || c.primitive !== null || c.superclass === null) return null;
      return vm.mirror(c.superclass);
    },
    'getComponentType()Ljava/lang/Class;': (self) => {
      const c = classOfMirror(self).component;
      return c === null ? null : vm.mirror(c);
    },
    'isInstance(Ljava/lang/Object;)Z': (self, a) => {
      const o = a[0] as JRef | null;
      return o !== null && vm.isAssignable(o.cls, classOfMirror(self));
    },
    'isAssignableFrom(Ljava/lang/Class;)Z': (self, a) => {
      const other = a[0] as JObject | null;
      if (other === null) vm.nullPointer();
      return vm.isAssignable(classOfMirror(other), classOfMirror(self));
    },
    'getModifiers()I': (self) => {
      const c = classOfMirror(self);
      if (c.primitive !== null || c.isArray) return 0x0411;
      return (c.sym?.accessFlags ?? 0) & 0x0611;
    },
    'forName0(Ljava/lang/String;)Ljava/lang/Class;': (_s, a) => {
      const name = vm.jsString(a[0] as JObject);
      const internal = name.replace(/\./g, '/');
      const dims = internal.length - internal.replace(/^\[+/, '').length;
      const elem = internal.slice(dims);
      let exists: boolean;
      if (dims > 0 && /^[ZBSCIJFD]$/.test(elem)) exists = true;
      else {
        const element = dims === 0 ? elem : /^L[^;]+;$/.test(elem) ? elem.slice(1, -1) : '';
        exists = element !== '' && !name.includes('/') && vm.hasClass(element);
      }
      const cls = exists ? vm.classNamed(internal) : undefined;
      if (cls === undefined) return vm.throwNew('java/lang/ClassNotFoundException', name);
      vm.initialize(cls);
      return vm.mirror(cls);
    },
    'getPrimitiveClass(Ljava/lang/String;)Ljava/lang/Class;': (_s, a) => vm.mirror(vm.primitiveClass(vm.jsString(a[0] as JObject) as PrimitiveName | 'void')),
  });

  def('java/lang/Thread', {
    'currentThread()Ljava/lang/Thread;': () => vm.mainThread,
    'yield()V': () => null,
    'sleep0(J)V': (_s, a) => {
      sleep(Number(a[0] as bigint));
      return null;
    },
    'start0()V': () => {
      throw new Unsupported('the program started a thread, and the tree-walking interpreter does not support threads');
    },
    'interrupt0()V': () => null,
  });

  let backtrace = -1;
  const backtraceSlot = (): number => (backtrace >= 0 ? backtrace : (backtrace = vm.instanceSlot(vm.classNamed('java/lang/Throwable'), 'backtrace')));
  def('java/lang/Throwable', {
    'fillInStackTrace0()V': (self) => {
      const frames = vm.frames;
      let i = vm.depth - 1;
      while (i >= 0 && (frames[i]?.method.sym.name === 'fillInStackTrace' || frames[i]?.method.sym.name === 'fillInStackTrace0')) i--;
      while (i >= 0 && frames[i]?.method.sym.name === '<init>' && frames[i]?.self === self) i--;
      const trace: number[] = [];
      for (; i >= 0 && trace.length < 2 * MAX_TRACE; i--) {
        const fr = frames[i];
        if (fr !== undefined) trace.push(fr.method.id, fr.line);
      }
      (self as JObject).fields[backtraceSlot()] = new JArray(vm.arrayOf(vm.primitiveClass('int')), Int32Array.from(trace));
      return null;
    },
    'getStackTrace0()[Ljava/lang/StackTraceElement;': (self) => {
      const steCls = vm.classNamed('java/lang/StackTraceElement');
      vm.initialize(steCls);
      const bt = (self as JObject).fields[backtraceSlot()] as JArray | null;
      const data = bt === null ? new Int32Array(0) : (bt.data as Int32Array);
      const out = vm.newArray(vm.arrayOf(steCls), data.length / 2);
      const slot = (n: string): number => vm.instanceSlot(steCls, n);
      const [declaring, method, file, line, module] = ['declaringClass', 'methodName', 'fileName', 'lineNumber', 'moduleName'].map(slot) as [number, number, number, number, number];
      for (let k = 0; k < data.length; k += 2) {
        const m = vm.methods[data[k] as number];
        if (m === undefined) continue;
        const e = vm.allocate(steCls);
        e.fields[declaring] = vm.str(m.cls.javaName);
        e.fields[method] = vm.str(m.sym.name);
        const src = vm.sourceFileOf(m.cls);
        e.fields[file] = src === null ? null : vm.str(src);
        e.fields[line] = m.native !== null ? -2 : (data[k + 1] as number) || -1;
        e.fields[module] = m.cls.fromLibrary ? vm.str('java.base') : null;
        (out.data as (JRef | null)[])[k / 2] = e;
      }
      return out;
    },
  });

  def('java/lang/reflect/Array', {
    'newArray(Ljava/lang/Class;I)Ljava/lang/Object;': (_s, a) => {
      const component = classOfMirror(a[0] as JObject);
      return new JArray(vm.arrayOf(component), newArrayData(component, num(a[1] as Value)));
    },
  });

  def('java/io/FileOutputStream', {
    'writeBytes(I[BII)V': (_s, a) => {
      const fd = num(a[0] as Value);
      const bytes = (a[1] as JArray).data as Int8Array;
      const off = num(a[2] as Value);
      const len = num(a[3] as Value);
      const chunk = new Uint8Array(bytes.buffer, bytes.byteOffset + off, len).slice();
      if (fd === 1) vm.writeStdout(chunk);
      else if (fd === 2) vm.writeStderr(chunk);
      else vm.throwNew('java/io/IOException', 'Bad file descriptor');
      return null;
    },
  });
  def('java/io/FileInputStream', {
    'readBytes(I[BII)I': (_s, a) => {
      const fd = num(a[0] as Value);
      if (fd !== 0) vm.throwNew('java/io/IOException', 'Bad file descriptor');
      const bytes = (a[1] as JArray).data as Int8Array;
      const off = num(a[2] as Value);
      const got = vm.io.readStdin(num(a[3] as Value));
      if (got.length === 0) return -1;
      new Uint8Array(bytes.buffer, bytes.byteOffset + off, got.length).set(got);
      return got.length;
    },
  });

  return (key) => table.get(key) ?? null;
}

/** Blocks the (only) thread for `ms` milliseconds without spinning. */
function sleep(ms: number): void {
  if (ms > 0) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

function ownerCheck(vm: Interpreter, o: JRef): null {
  if (o.locks === 0) vm.throwNew('java/lang/IllegalMonitorStateException', 'current thread is not owner');
  return null;
}

/** Math.rint: round half to even, keeping the sign of zero. */
function rint(x: number): number {
  if (!Number.isFinite(x) || Math.abs(x) >= 2 ** 52) return x;
  const r = Math.round(x);
  const result = r - x === 0.5 && r % 2 !== 0 ? r - 1 : r;
  return result === 0 ? (x < 0 || Object.is(x, -0) ? -0 : 0) : result;
}

/** Java's pow differs from JavaScript's only in pow(±1, ±Infinity) and pow(x, NaN) with x = 1. */
function javaPow(x: number, y: number): number {
  if (Number.isNaN(y)) return NaN;
  return Math.pow(x, y);
}

function ieeeRemainder(x: number, y: number): number {
  if (Number.isNaN(x) || Number.isNaN(y) || !Number.isFinite(x) || y === 0) return NaN;
  if (!Number.isFinite(y)) return x;
  const q = rint(x / y);
  const r = x - q * y;
  return r === 0 ? (x < 0 ? -0 : 0) : r;
}

/** Java's floating-point literal grammar, already validated by Oak code. */
function parseJavaDouble(text: string): number {
  let t = text.trim();
  if (/[fFdD]$/.test(t) && !/^[+-]?(NaN|Infinity)$/.test(t)) t = t.slice(0, -1);
  const hex = /^([+-]?)0[xX]([0-9a-fA-F]*)(?:\.([0-9a-fA-F]*))?[pP]([+-]?\d+)$/.exec(t);
  if (hex) {
    const [, sign = '', intPart = '', frac = '', exp = '0'] = hex;
    const digits = (intPart + frac).replace(/^0+/, '') || '0';
    let m = BigInt(`0x${digits}`);
    let e = Number(exp) - 4 * frac.length;
    while (m >= 1n << 64n) {
      m = (m >> 1n) | (m & 1n);
      e++;
    }
    const v = e < -1074 ? Number(m) * 2 ** -1074 * 2 ** (e + 1074) : Number(m) * 2 ** Math.min(1024, e);
    return sign === '-' ? -v : v;
  }
  return Number(t);
}

function arrayTypeName(c: RtClass): string {
  const k = c.component as RtClass;
  return k.primitive !== null ? `${k.primitive}[]` : 'object array[]';
}

function arraycopy(vm: Interpreter, src: JRef | null, srcPos: number, dst: JRef | null, dstPos: number, length: number): void {
  if (src === null || dst === null) vm.nullPointer();
  if (!(src instanceof JArray)) vm.throwNew('java/lang/ArrayStoreException', `arraycopy: source type ${src.cls.javaName} is not an array`);
  if (!(dst instanceof JArray)) vm.throwNew('java/lang/ArrayStoreException', `arraycopy: destination type ${dst.cls.javaName} is not an array`);
  const sk = (src.cls.component as RtClass).primitive;
  const dk = (dst.cls.component as RtClass).primitive;
  if (sk !== dk) {
    vm.throwNew('java/lang/ArrayStoreException', `arraycopy: type mismatch: can not copy ${arrayTypeName(src.cls)} into ${arrayTypeName(dst.cls)}`);
  }
  const sLen = src.data.length;
  const dLen = dst.data.length;
  const bounds = (what: string, pos: number, arrLen: number, c: RtClass): never => {
    const t = arrayTypeName(c).replace('[]', `[${arrLen}]`);
    if (pos < 0) return vm.throwNew('java/lang/ArrayIndexOutOfBoundsException', `arraycopy: ${what} index ${pos} out of bounds for ${t}`);
    if (length < 0) return vm.throwNew('java/lang/ArrayIndexOutOfBoundsException', `arraycopy: length ${length} is negative`);
    return vm.throwNew('java/lang/ArrayIndexOutOfBoundsException', `arraycopy: last ${what} index ${pos + length} out of bounds for ${t}`);
  };
  if (length < 0) bounds('source', srcPos, sLen, src.cls);
  if (srcPos < 0 || srcPos + length > sLen) bounds('source', srcPos, sLen, src.cls);
  if (dstPos < 0 || dstPos + length > dLen) bounds('destination', dstPos, dLen, dst.cls);
  if (length === 0) return;
  if (sk !== null && !Array.isArray(src.data)) {
    const s = src.data as Int32Array;
    const d = dst.data as Int32Array;
    if (s === d) d.copyWithin(dstPos, srcPos, srcPos + length);
    else d.set(s.subarray(srcPos, srcPos + length), dstPos);
    return;
  }
  const s = src.data as (JRef | null)[];
  const d = dst.data as (JRef | null)[];
  if (sk !== null) {
    d.splice(dstPos, length, ...s.slice(srcPos, srcPos + length));
    return;
  }
  const target = dst.cls.component as RtClass;
  if (vm.isAssignable(src.cls.component as RtClass, target)) {
    if (s === d) d.copyWithin(dstPos, srcPos, srcPos + length);
    else for (let i = 0; i < length; i++) d[dstPos + i] = s[srcPos + i] as JRef | null;
    return;
  }
  for (let i = 0; i < length; i++) {
    const v = s[srcPos + i] as JRef | null;
    if (v !== null && !vm.isAssignable(v.cls, target)) {
      vm.throwNew(
        'java/lang/ArrayStoreException',
        `arraycopy: element type mismatch: can not cast one of the elements of ${(src.cls.component as RtClass).javaName}[] to the type of the destination array, ${target.javaName}`,
      );
    }
    d[dstPos + i] = v;
  }
}
