// The native-method registry (DESIGN 9). A native is keyed by its class, name and descriptor
// (`java/lang/Math.sqrt(D)D`) and receives its arguments as host values: int, short, char, byte, boolean,
// float, double and references (heap addresses, 0 for null) as numbers, long as bigint. It returns the
// result the same way (booleans may be returned as true/false), or a Promise of it: then only the calling
// green thread waits. Throwing JavaThrowable raises that Java exception in the caller.
import type { JThread } from '../threads/thread.js';
import type { Vm } from '../runtime/vm.js';

export type JValue = number | bigint;
export type NativeResult = JValue | boolean | undefined | void;

export interface NativeContext {
  readonly vm: Vm;
  /** The calling green thread. */
  readonly thread: JThread;
}

export type NativeFn = (ctx: NativeContext, args: readonly JValue[]) => NativeResult | Promise<NativeResult>;

export class NativeRegistry {
  private readonly fns = new Map<string, NativeFn>();
  private readonly doubleFns = new Map<string, (x: number, y: number) => number>();

  /**
   * Registers a native of descriptor (D)D or (DD)D as a pure double function, which the interpreter
   * calls without boxing its arguments.
   */
  registerDouble(key: string, fn: (x: number, y: number) => number): void {
    this.doubleFns.set(key, fn);
    this.fns.set(key, (_c, args) => fn(Number(args[0]), Number(args[1] ?? 0)));
  }

  lookupDouble(key: string): ((x: number, y: number) => number) | undefined {
    return this.doubleFns.get(key);
  }

  /** Registers `fn` under `key` (`pkg/Class.name(descriptor)`), replacing an earlier binding. */
  register(key: string, fn: NativeFn): void {
    this.fns.set(key, fn);
  }

  /** Registers several natives of one class: `{ 'sqrt(D)D': fn, ... }`. */
  registerClass(className: string, fns: Readonly<Record<string, NativeFn>>): void {
    for (const [sig, fn] of Object.entries(fns)) this.register(`${className}.${sig}`, fn);
  }

  lookup(key: string): NativeFn | undefined {
    return this.fns.get(key);
  }

  keys(): IterableIterator<string> {
    return this.fns.keys();
  }
}
