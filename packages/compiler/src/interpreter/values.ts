// The guest values of the tree-walking interpreter. Primitives are JavaScript values (int, short, byte,
// char, float and double as numbers, long as a 64-bit bigint, boolean as a boolean); references are
// host objects whose class is a runtime class. Guest memory is JavaScript's heap: the interpreter is the
// classic "host objects as guest objects" design of AST interpreters, unlike the VM's managed heap.
import type { RtClass } from './runtime-class.js';

/** Storage of an array's elements: typed arrays give Java's wrap-around on store for free. */
export type ArrayData =
  | Int8Array
  | Int16Array
  | Uint16Array
  | Int32Array
  | BigInt64Array
  | Float32Array
  | Float64Array
  | boolean[]
  | (JRef | null)[];

export class JObject {
  /** 0 until the identity hash is asked for. */
  hash = 0;
  /** Monitor entry count (one thread, so only the count matters for IllegalMonitorStateException). */
  locks = 0;
  /** For java/lang/Class mirrors: the class they stand for. */
  mirrorOf: RtClass | null = null;
  constructor(
    readonly cls: RtClass,
    readonly fields: Value[],
  ) {}
}

export class JArray {
  hash = 0;
  locks = 0;
  constructor(
    readonly cls: RtClass,
    readonly data: ArrayData,
  ) {}
}

export type JRef = JObject | JArray;
export type Value = number | bigint | boolean | JRef | null;

/** A guest exception travelling through host frames. Not an Error: no host stack trace is captured. */
export class JavaThrow {
  constructor(readonly exception: JObject) {}
}

/** System.exit / Runtime.halt: ends the run without running finally blocks, as the JVM does. */
export class ExitSignal {
  constructor(readonly status: number) {}
}

/** A program feature the interpreter leaves out (threads); the run ends with a clear message. */
export class Unsupported {
  constructor(readonly message: string) {}
}
