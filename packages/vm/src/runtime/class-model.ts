// The VM's own view of loaded classes, fields and methods: what the class file says, plus what linking
// computes (field offsets, vtables, interface maps) and what execution caches (resolved constant-pool
// entries). Class files are parsed once into these objects; the interpreter never looks at a ClassFile.
import type { ClassFile, CodeAttribute, CpEntry } from '@oakvm/classfile';
import type { ElementKind } from '../heap/layout.js';
import type { NativeFn } from '../natives/registry.js';

/** JVMS 5.5 initialisation states, plus the linking steps before them. */
export type ClassState = 'loaded' | 'linked' | 'initializing' | 'initialized' | 'erroneous';

/** Which loader defined a class; the bootstrap loader serves the runtime image. */
export type DefiningLoader = 'bootstrap' | 'app';

export interface ExceptionHandler {
  startPc: number;
  endPc: number;
  handlerPc: number;
  /** Constant-pool index of the caught class, or 0 for catch-all. */
  catchType: number;
}

export class RtField {
  /** Word offset within the object for instance fields; slot index in `cls.statics` for static ones. */
  offset = -1;
  constructor(
    readonly cls: RtClass,
    readonly name: string,
    readonly descriptor: string,
    readonly flags: number,
    /** Index of the ConstantValue attribute's entry, or 0. */
    readonly constantValueIndex: number,
  ) {}

  get isStatic(): boolean {
    return (this.flags & 0x0008) !== 0;
  }

  /** The descriptor's first character: the field's storage kind. */
  get kind(): string {
    return this.descriptor[0]!;
  }
}

export class RtMethod {
  /** Index in the VM's method table (stack-trace backtraces store it). */
  id = -1;
  /** Index in the declaring hierarchy's vtable, or -1 for static, private and constructor methods. */
  vindex = -1;
  /** Host function bound to a native method, resolved on first call. */
  native: NativeFn | undefined;
  /**
   * For natives registered as pure double functions (Math.sqrt and friends): called straight on the
   * slot values, without building an argument array.
   */
  doubleFn: ((x: number, y: number) => number) | undefined;
  /** `name + descriptor`, the key of overriding and interface dispatch. */
  readonly key: string;
  /** Slots the arguments take on the operand stack, receiver included. */
  readonly argSlots: number;
  /** Slots of the result: 0, 1 or 2. */
  readonly returnSlots: number;
  /** Descriptor characters of the parameters (L and [ both as 'L'), for natives. */
  readonly paramKinds: string;
  readonly returnKind: string;

  constructor(
    readonly cls: RtClass,
    readonly name: string,
    readonly descriptor: string,
    readonly flags: number,
    readonly maxStack: number,
    readonly maxLocals: number,
    readonly handlers: readonly ExceptionHandler[],
    /**
     * The class file's Code attribute (absent for native and abstract methods): its bytecode is copied into
     * `code`, its line table decoded only when a stack trace needs a line.
     */
    private readonly codeAttribute: CodeAttribute | undefined,
  ) {
    this.key = name + descriptor;
    const { params, ret } = parseMethodDescriptorKinds(descriptor);
    this.paramKinds = params;
    this.returnKind = ret;
    let slots = this.isStatic ? 0 : 1;
    for (const k of params) slots += k === 'J' || k === 'D' ? 2 : 1;
    this.argSlots = slots;
    this.returnSlots = ret === 'V' ? 0 : ret === 'J' || ret === 'D' ? 2 : 1;
    this.code = privateCode(codeAttribute?.code);
  }

  get isStatic(): boolean {
    return (this.flags & 0x0008) !== 0;
  }
  get isNative(): boolean {
    return (this.flags & 0x0100) !== 0;
  }
  get isAbstract(): boolean {
    return (this.flags & 0x0400) !== 0;
  }
  get isPrivate(): boolean {
    return (this.flags & 0x0002) !== 0;
  }
  get isSynchronized(): boolean {
    return (this.flags & 0x0020) !== 0;
  }

  /**
   * A private copy of the bytecode: the interpreter rewrites instructions into quick forms in place. Made
   * at load time as a plain field: copying lazily on first execution saved under a millisecond of
   * start-up but cost about 5% on call-heavy programs (a check or an extra opcode on every invocation).
   */
  readonly code: Uint8Array;
  private lineTable: Int32Array | undefined;

  /** Pairs (start pc, line) sorted by pc, from the LineNumberTable attributes, built on first use. */
  get lines(): Int32Array {
    if (this.lineTable === undefined) {
      const pairs: [number, number][] = [];
      for (const a of this.codeAttribute?.attributes ?? []) {
        if (a.kind === 'LineNumberTable') for (const e of a.entries) pairs.push([e.startPc, e.lineNumber]);
      }
      pairs.sort((a, b) => a[0] - b[0]);
      this.lineTable = Int32Array.from(pairs.flat());
    }
    return this.lineTable;
  }

  /** The source line of the instruction at `pc`, or -1 when there is no line table. */
  lineAt(pc: number): number {
    const lines = this.lines;
    let line = -1;
    for (let i = 0; i < lines.length; i += 2) {
      if (lines[i]! <= pc) line = lines[i + 1]!;
      else break;
    }
    return line;
  }

  toString(): string {
    return `${this.cls.name}.${this.name}${this.descriptor}`;
  }
}

/**
 * A private, padded copy of `bytecode`: trailing zero bytes keep operand reads of a truncated last
 * instruction inside the array, and the first of them is an illegal opcode that a method running off its
 * end meets (VerifyError).
 */
function privateCode(bytecode: Uint8Array | undefined): Uint8Array {
  if (bytecode === undefined) return new Uint8Array(0);
  const copy = new Uint8Array(bytecode.length + 8);
  copy.set(bytecode);
  copy[bytecode.length] = 0xff;
  return copy;
}

export class RtClass {
  superClass: RtClass | null = null;
  interfaces: RtClass[] = [];
  fields: RtField[] = [];
  methods: RtMethod[] = [];
  state: ClassState = 'loaded';
  /** The thread running <clinit> while state is 'initializing'. */
  initThread: unknown = undefined;
  /** Java class name of the error that made initialisation fail, for NoClassDefFoundError. */
  initError: string | undefined;
  /**
   * What JDK 17 keeps of a failed initialisation to report as the cause of later NoClassDefFoundErrors
   * (JDK-8048190): the message "Exception X: msg [in thread "T"]" and the original exception's backtrace.
   */
  initFailure: { message: string; backtrace: number } | undefined;
  /** Instance size in words, header included, even. */
  instanceWords = 0;
  /** Word offsets of reference fields in instances (the collector's object map). */
  refFieldOffsets: number[] = [];
  /** Static field storage: one slot per field, two for long (low word, high word). */
  statics: Float64Array = new Float64Array(0);
  /** Slots of `statics` that hold references (roots). */
  staticRefSlots: number[] = [];
  vtable: RtMethod[] = [];
  /** Symbolic references resolved on first use (RtClass, RtField, RtMethod), by constant-pool index. */
  cpResolved: unknown[];
  /**
   * What quickened instructions read, by constant-pool index: static storage (Float64Array), the method
   * of invokestatic/invokespecial, the class of new/checkcast/instanceof/anewarray, ldc values.
   */
  cpCache: unknown[];
  /** invokevirtual and invokeinterface call sites (VirtualSite, RtMethod for final targets, InterfaceSite). */
  cpVirtual: unknown[];
  /** Field word offsets and static slots of quickened field instructions. */
  cpIndex: Int32Array;
  /** Every virtual method's vtable index by key, including inherited and interface (miranda) methods. */
  vtableIndex: Map<string, number> = new Map();
  /** Where instance fields end (unrounded), so a subclass can pack its first int field there. */
  fieldEnd = 3;
  /** Depth in the class hierarchy (Object is 0). */
  depth = 0;
  /** Superclass chain from java/lang/Object (depth 0) down to this class, for constant-time subclass tests. */
  display: RtClass[] = [];
  /** Every interface this class implements, directly or by inheritance. */
  allInterfaces: Set<RtClass> = new Set();
  /** The java.lang.Class object, created on demand. */
  mirror = 0;
  /** The class of arrays of this class, created on demand. */
  arrayClass: RtClass | undefined;
  sourceFile: string | undefined;

  constructor(
    /** Index in the VM's class table; object headers store it. */
    readonly id: number,
    /** Internal name: `java/lang/String`, `[I`, `[Ljava/lang/Object;`. */
    readonly name: string,
    readonly loader: DefiningLoader,
    readonly flags: number,
    readonly file: ClassFile | undefined,
    /** For arrays: the element class (a primitive pseudo-class for primitive arrays). */
    readonly componentType: RtClass | undefined,
    /** For arrays: how elements are stored. For primitive pseudo-classes: their descriptor. */
    readonly elementKind: ElementKind | 'V' | undefined,
  ) {
    const n = file ? file.constantPool.length : 0;
    this.cpResolved = new Array<unknown>(n);
    this.cpCache = new Array<unknown>(n);
    this.cpVirtual = new Array<unknown>(n);
    this.cpIndex = new Int32Array(n);
  }

  get isInterface(): boolean {
    return (this.flags & 0x0200) !== 0;
  }
  get isAbstract(): boolean {
    return (this.flags & 0x0400) !== 0;
  }
  get isArray(): boolean {
    return this.name.charCodeAt(0) === 0x5b;
  }
  get isPrimitive(): boolean {
    return this.componentType === undefined && this.elementKind !== undefined && !this.isArray;
  }
  /** The Java name (`java.lang.String`, `[I`, `[Ljava.lang.String;`). */
  get javaName(): string {
    return this.name.replace(/\//g, '.');
  }

  cp(index: number): CpEntry | undefined {
    return this.file?.constantPool[index];
  }

  findField(name: string, descriptor?: string): RtField | undefined {
    return this.fields.find((f) => f.name === name && (descriptor === undefined || f.descriptor === descriptor));
  }

  findMethod(name: string, descriptor: string): RtMethod | undefined {
    return this.methods.find((m) => m.name === name && m.descriptor === descriptor);
  }
}

/** A quickened invokevirtual: the vtable slot to call and how many argument slots to skip to the receiver. */
export class VirtualSite {
  constructor(
    readonly vindex: number,
    readonly argSlots: number,
  ) {}
}

/** A quickened invokeinterface with a one-entry inline cache of the last receiver class and its target. */
export class InterfaceSite {
  lastClass: RtClass | undefined;
  lastTarget: RtMethod | undefined;
  constructor(
    readonly method: RtMethod,
    readonly key: string,
    readonly argSlots: number,
  ) {}
}

/** Splits a method descriptor into one kind character per parameter and the return kind. */
export function parseMethodDescriptorKinds(descriptor: string): { params: string; ret: string } {
  let params = '';
  let i = 1;
  while (i < descriptor.length && descriptor[i] !== ')') {
    let c = descriptor[i]!;
    if (c === '[') {
      while (descriptor[i] === '[') i++;
      if (descriptor[i] === 'L') i = descriptor.indexOf(';', i);
      c = 'L';
    } else if (c === 'L') {
      i = descriptor.indexOf(';', i);
      if (i < 0) break;
    }
    params += c;
    i++;
  }
  const r = descriptor[i + 1] ?? 'V';
  return { params, ret: r === '[' ? 'L' : r };
}
