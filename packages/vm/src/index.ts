// @oakvm/vm: the OakVM runtime. The embedding API: create a Vm over a Platform, then launch a main class.
export { Vm, DEFAULT_MAX_HEAP, DEFAULT_STACK, type VmOptions, type CallOutcome } from './runtime/vm.js';
export { launch } from './runtime/launcher.js';
export type { Platform, TimerHandle } from './platform/platform.js';
export { NativeRegistry, type NativeFn, type NativeContext, type JValue, type NativeResult } from './natives/registry.js';
export { JavaThrowable, JavaThrowRef, VmInternalError, EXIT_INTERNAL_ERROR } from './runtime/errors.js';
export { RtClass, RtMethod, RtField } from './runtime/class-model.js';
export { ClassLoaders, type VerifyHook } from './loader/class-loader.js';
export { MemorySource, ImageSource, ClassPathSource, type ClassSource } from './loader/class-source.js';
export { enumerateRoots } from './gc/roots.js';
export { parseSize } from './heap/heap.js';
export { javaDoubleToString, javaFloatToString } from '@oakvm/classfile';
