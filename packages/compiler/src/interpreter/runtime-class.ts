// Runtime classes and methods: what the interpreter resolves once per class (field slots, the method
// table indexed by signature number, the supertype set) so that running code never looks a name up.
import type { ClassSymbol, FieldSymbol, MethodSymbol } from '../semantics/symbols.js';
import type { PrimitiveName } from '../semantics/types.js';
import type { JObject, JRef, Value } from './values.js';

export const enum InitState {
  Uninitialized,
  InProgress,
  Done,
  Erroneous,
}

/** How a statement ended: normally, by break or continue (to `Frame.target`), or by return. */
export const enum Completion {
  Normal = 0,
  Break = 1,
  Continue = 2,
  Return = 3,
}

export type Native = (self: JRef | null, args: Value[]) => Value;

export class RtMethod {
  /** Compiled lazily on first call: the closure tree of the body. */
  body: ((f: Frame) => Completion) | null = null;
  native: Native | null = null;
  /** The frame that stands for a native method in stack traces. */
  nativeFrame: Frame | null = null;
  constructor(
    public id: number,
    readonly sym: MethodSymbol,
    readonly cls: RtClass,
    readonly isStatic: boolean,
    readonly isSynchronized: boolean,
    /** Index into every class's method table (the same for all overriders). */
    readonly sigId: number,
    /** Size of the locals array: the checker's localCount. */
    readonly localCount: number,
  ) {}
}

export class RtClass {
  superclass: RtClass | null = null;
  interfaces: RtClass[] = [];
  /** Every class and interface this one is assignable to, itself included. */
  readonly supertypes = new Set<RtClass>();
  /** Method table indexed by signature number; inherited entries copied down. */
  vtable: (RtMethod | undefined)[] = [];
  /** Default values of the instance fields, in slot order (superclass fields first). */
  fieldDefaults: Value[] = [];
  statics: Value[] = [];
  state = InitState.Uninitialized;
  mirror: JObject | null = null;
  arrayClass: RtClass | null = null;
  /** Methods declared here, by JVM name and descriptor (for linking calls the VM makes by name). */
  readonly declared = new Map<string, RtMethod>();
  readonly instanceSlots = new Map<string, number>();
  constructor(
    /** Internal name: "java/lang/String", "[I". */
    readonly name: string,
    /** The name Class.getName() gives: "java.lang.String", "[I", "int". */
    readonly javaName: string,
    readonly sym: ClassSymbol | null,
    readonly isInterface: boolean,
    readonly component: RtClass | null,
    readonly primitive: PrimitiveName | 'void' | null,
    /** From the class library (module java.base, bootstrap loader) rather than the program. */
    readonly fromLibrary: boolean,
  ) {}

  get isArray(): boolean {
    return this.component !== null;
  }
}

/** Where a field lives: a slot of the instance array or of its class's statics. */
export interface FieldSlot {
  readonly cls: RtClass;
  readonly slot: number;
  readonly isStatic: boolean;
  readonly sym: FieldSymbol;
}

/** One activation: the locals array indexed by LocalSymbol.index, the receiver and the current line. */
export class Frame {
  line = 0;
  /** The value of a `return`. */
  ret: Value = null;
  /** The statement a pending break or continue leaves. */
  target: object | null = null;
  constructor(
    readonly method: RtMethod,
    readonly self: JRef | null,
    readonly locals: Value[],
  ) {}
}
