// Natives of java.lang.Throwable: recording and decoding stack traces. A backtrace is an int[] of
// (method id, bytecode index) pairs, innermost frame first.
import { ARRAY_DATA } from '../heap/layout.js';
import type { Vm } from '../runtime/vm.js';
import type { JThread } from '../threads/thread.js';
import type { RtMethod } from '../runtime/class-model.js';
import type { NativeRegistry } from './registry.js';

/** HotSpot's MaxJavaStackTraceDepth. */
const MAX_DEPTH = 1024;

export function fillInStackTrace(vm: Vm, thread: JThread, throwable: number): void {
  const pairs: number[] = [];
  let d = thread.depth - 1;
  while (d >= 0 && thread.frames[d]!.method.name === 'fillInStackTrace') d--;
  let nativeTop: RtMethod | undefined;
  while (d >= 0) {
    const f = thread.frames[d]!;
    if (f.method.name !== '<init>' || thread.slots[f.base] !== throwable) break;
    nativeTop ??= f.nativeTop;
    d--;
  }
  // An exception a native raised starts at the native, which has no frame of its own (pc -1).
  if (nativeTop !== undefined) pairs.push(nativeTop.id, -1);
  for (; d >= 0 && pairs.length < MAX_DEPTH * 2; d--) {
    const f = thread.frames[d]!;
    pairs.push(f.method.id, f.pc);
  }
  const h = vm.handles.push(throwable);
  const arr = vm.newArray(vm.primitiveArrayClass('I'), pairs.length);
  vm.heap.i32.set(pairs, arr + ARRAY_DATA);
  const self = vm.handles.get(h);
  vm.handles.pop(h);
  const field = vm.requireField(vm.bootClass('java/lang/Throwable'), 'backtrace', 'Ljava/lang/Object;');
  vm.heap.i32[self + field.offset] = arr;
}

export function decodeStackTrace(vm: Vm, throwable: number): number {
  const throwableCls = vm.bootClass('java/lang/Throwable');
  const steCls = vm.bootClass('java/lang/StackTraceElement');
  const bt = vm.heap.i32[throwable + vm.requireField(throwableCls, 'backtrace', 'Ljava/lang/Object;').offset]!;
  const n = bt === 0 ? 0 : vm.arrayLength(bt) / 2;
  const frames: { id: number; pc: number }[] = [];
  for (let i = 0; i < n; i++) frames.push({ id: vm.heap.i32[bt + ARRAY_DATA + 2 * i]!, pc: vm.heap.i32[bt + ARRAY_DATA + 2 * i + 1]! });
  const arr = vm.newArray(vm.arrayClassOf(steCls), n);
  const h = vm.handles.push(arr);
  const off = (name: string): number => vm.requireField(steCls, name, name === 'lineNumber' ? 'I' : 'Ljava/lang/String;').offset;
  const [declaring, method, file, line, module] = ['declaringClass', 'methodName', 'fileName', 'lineNumber', 'moduleName'].map(off) as [number, number, number, number, number];
  frames.forEach(({ id, pc }, i) => {
    const m = vm.loaders.methods[id]!;
    const ste = vm.newObject(steCls);
    const sh = vm.handles.push(ste);
    const strings: [number, string | undefined][] = [
      [declaring, m.cls.javaName],
      [method, m.name],
      [file, m.cls.sourceFile],
      [module, m.cls.loader === 'bootstrap' ? 'java.base' : undefined],
    ];
    for (const [offset, text] of strings) {
      const ref = text === undefined ? 0 : vm.intern(text);
      vm.heap.i32[vm.handles.get(sh) + offset] = ref;
    }
    vm.heap.i32[vm.handles.get(sh) + line] = m.isNative ? -2 : m.lineAt(pc);
    vm.heap.i32[vm.handles.get(h) + ARRAY_DATA + i] = vm.handles.get(sh);
    vm.handles.pop(sh);
  });
  const result = vm.handles.get(h);
  vm.handles.pop(h);
  return result;
}

export function registerThrowableNatives(r: NativeRegistry): void {
  r.registerClass('java/lang/Throwable', {
    'fillInStackTrace0()V': ({ vm, thread }, [self]) => fillInStackTrace(vm, thread, Number(self)),
    'getStackTrace0()[Ljava/lang/StackTraceElement;': ({ vm }, [self]) => decodeStackTrace(vm, Number(self)),
  });
}
