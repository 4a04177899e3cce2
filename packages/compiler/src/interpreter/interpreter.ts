// The interpreter's runtime: classes linked from checked symbols, class initialisation (JLS 12.4), calls
// with a depth limit that turns runaway recursion into StackOverflowError, guest exceptions, strings and
// the output streams. Method bodies are compiled to closures on their first call (statement-compiler.ts).
import { ACC_ABSTRACT, ACC_INTERFACE, ACC_NATIVE, ACC_PRIVATE, ACC_STATIC, ACC_SYNCHRONIZED } from '@oakvm/classfile';
import type { ClassSymbol, FieldSymbol, MethodSymbol } from '../semantics/symbols.js';
import type { PrimitiveName, Type } from '../semantics/types.js';
import type { ClassDecl } from '../syntax/ast.js';
import { InternalError } from './internal-error.js';
import { bindNatives } from './natives.js';
import type { CheckedProgram } from './program.js';
import { Completion, Frame, InitState, RtClass, RtMethod, type FieldSlot, type Native } from './runtime-class.js';
import { StatementCompiler } from './statement-compiler.js';
import { JArray, JavaThrow, JObject, type ArrayData, type JRef, type Value } from './values.js';

export interface InterpreterIo {
  writeStdout(bytes: Uint8Array): void;
  writeStderr(bytes: Uint8Array): void;
  /** Up to `max` bytes of standard input; an empty array at end of input. */
  readStdin(max: number): Uint8Array;
}

export interface InterpreterOptions {
  /** Guest call depth at which StackOverflowError is thrown (well below the host stack's limit). */
  readonly maxDepth?: number;
}

/** Default guest call depth limit; the CLI runs on a larger host stack and raises it. */
export const DEFAULT_MAX_DEPTH = 1000;
/** Extra depth allowed while a StackOverflowError is being constructed. */
const OVERFLOW_RESERVE = 60;

const PRIMITIVE_DESCRIPTORS: Readonly<Record<PrimitiveName | 'void', string>> = {
  boolean: 'Z',
  byte: 'B',
  short: 'S',
  char: 'C',
  int: 'I',
  long: 'J',
  float: 'F',
  double: 'D',
  void: 'V',
};

export class Interpreter {
  readonly classes = new Map<string, RtClass>();
  readonly methods: RtMethod[] = [];
  private readonly symbols = new Map<string, ClassSymbol>();
  private readonly librarySymbols = new Set<ClassSymbol>();
  private readonly fileOf = new Map<ClassDecl, string>();
  private readonly fieldSlots = new Map<FieldSymbol, FieldSlot>();
  private readonly methodsBySym = new Map<MethodSymbol, RtMethod>();
  private readonly sigIds = new Map<string, number>();
  private readonly interned = new Map<string, JObject>();
  private readonly primitives = new Map<string, RtClass>();
  private readonly compiler: StatementCompiler;
  readonly frames: Frame[] = [];
  depth = 0;
  private maxDepth: number;
  private readonly normalMaxDepth: number;
  private nextHash = 0x2545f491;
  /** The main thread's java.lang.Thread object, once created. */
  mainThread: JObject | null = null;
  objectClass!: RtClass;
  stringClass!: RtClass;
  private stringValueSlot = 0;
  private stdoutBuffer: Uint8Array[] = [];
  private stdoutBytes = 0;
  private natives: ((key: string) => Native | null) | undefined;

  constructor(
    private readonly program: CheckedProgram,
    readonly io: InterpreterIo,
    options: InterpreterOptions = {},
  ) {
    for (const cls of program.library.classes) {
      this.symbols.set(cls.name, cls);
      this.librarySymbols.add(cls);
    }
    for (const [decl, file] of program.library.fileOf) this.fileOf.set(decl, file);
    for (const cls of program.classes) this.symbols.set(cls.name, cls);
    for (const [decl, file] of program.fileOf) this.fileOf.set(decl, file);
    this.normalMaxDepth = options.maxDepth ?? DEFAULT_MAX_DEPTH;
    this.maxDepth = this.normalMaxDepth;
    this.compiler = new StatementCompiler(this);
    this.objectClass = this.classNamed('java/lang/Object');
    this.stringClass = this.classNamed('java/lang/String');
    this.stringValueSlot = this.instanceSlot(this.stringClass, 'value');
  }

  // ----- classes ---------------------------------------------------------------------------------------

  classNamed(name: string): RtClass {
    const known = this.classes.get(name);
    if (known !== undefined) return known;
    if (name.startsWith('[')) return this.arrayOf(this.classForDescriptor(name.slice(1)));
    const sym = this.symbols.get(name) ?? this.loadLibraryClass(name);
    if (sym === undefined) throw new InternalError(`no class ${name}`);
    return this.link(sym);
  }

  /** A library class no checked code named (Class.forName): check it now. */
  private loadLibraryClass(name: string): ClassSymbol | undefined {
    const library = this.program.library;
    const known = library.classes.length;
    library.need([name.slice(name.lastIndexOf('/') + 1)]);
    for (const cls of library.classes.slice(known)) {
      this.symbols.set(cls.name, cls);
      this.librarySymbols.add(cls);
    }
    for (const [decl, file] of library.fileOf) this.fileOf.set(decl, file);
    return this.symbols.get(name);
  }

  /** Whether a class of that internal name exists (loading library classes on demand). */
  hasClass(name: string): boolean {
    return this.classes.has(name) || this.symbols.has(name) || this.loadLibraryClass(name) !== undefined;
  }

  sourceFileOf(cls: RtClass): string | null {
    const decl = cls.sym?.decl;
    return decl === undefined ? null : (this.fileOf.get(decl) ?? null);
  }

  private classForDescriptor(d: string): RtClass {
    if (d.startsWith('L')) return this.classNamed(d.slice(1, -1));
    if (d.startsWith('[')) return this.classNamed(d);
    const names: Record<string, PrimitiveName> = { Z: 'boolean', B: 'byte', S: 'short', C: 'char', I: 'int', J: 'long', F: 'float', D: 'double' };
    const p = names[d];
    if (p === undefined) throw new InternalError(`bad descriptor ${d}`);
    return this.primitiveClass(p);
  }

  primitiveClass(name: PrimitiveName | 'void'): RtClass {
    let c = this.primitives.get(name);
    if (c === undefined) {
      c = new RtClass(PRIMITIVE_DESCRIPTORS[name], name, null, false, null, name, true);
      c.state = InitState.Done;
      this.primitives.set(name, c);
    }
    return c;
  }

  classForType(t: Type): RtClass {
    switch (t.kind) {
      case 'primitive':
        return this.primitiveClass(t.name);
      case 'class':
        return this.classNamed(t.name);
      case 'array':
        return this.arrayOf(this.classForType(t.element));
      case 'void':
        return this.primitiveClass('void');
      case 'null':
      case 'error':
        throw new InternalError(`no class for the ${t.kind} type`);
    }
  }

  arrayOf(component: RtClass): RtClass {
    if (component.arrayClass !== null) return component.arrayClass;
    const elem = component.primitive !== null ? component.name : component.isArray ? component.name : `L${component.name};`;
    const name = `[${elem}`;
    const c = new RtClass(name, name.replace(/\//g, '.'), null, false, component, null, component.fromLibrary);
    c.superclass = this.objectClass;
    c.interfaces = [this.classNamed('java/lang/Cloneable'), this.classNamed('java/io/Serializable')];
    c.supertypes.add(c);
    for (const s of [this.objectClass, ...c.interfaces]) c.supertypes.add(s);
    c.vtable = this.objectClass.vtable;
    c.state = InitState.Done;
    component.arrayClass = c;
    this.classes.set(name, c);
    return c;
  }

  private link(sym: ClassSymbol): RtClass {
    const isInterface = (sym.accessFlags & ACC_INTERFACE) !== 0;
    const cls = new RtClass(sym.name, sym.name.replace(/\//g, '.'), sym, isInterface, null, null, this.librarySymbols.has(sym));
    this.classes.set(sym.name, cls);
    cls.supertypes.add(cls);
    if (sym.superName !== null) {
      const sup = this.classNamed(sym.superName);
      cls.superclass = sup;
      for (const s of sup.supertypes) cls.supertypes.add(s);
      cls.vtable = sup.vtable.slice();
      cls.fieldDefaults = sup.fieldDefaults.slice();
      for (const [n, s] of sup.instanceSlots) cls.instanceSlots.set(n, s);
    }
    for (const i of sym.interfaces) {
      const iface = this.classNamed(i);
      cls.interfaces.push(iface);
      for (const s of iface.supertypes) cls.supertypes.add(s);
    }
    for (const f of sym.fields) {
      const isStatic = (f.accessFlags & ACC_STATIC) !== 0;
      const store = isStatic ? cls.statics : cls.fieldDefaults;
      const slot = store.length;
      store.push(isStatic && f.constantValue !== undefined ? this.constantValue(f.constantValue) : defaultValue(f.type));
      if (!isStatic) cls.instanceSlots.set(f.name, slot);
      this.fieldSlots.set(f, { cls, slot, isStatic, sym: f });
    }
    const natives = (this.natives ??= bindNatives(this));
    for (const m of sym.methods) {
      const flags = m.accessFlags;
      const isStatic = (flags & ACC_STATIC) !== 0;
      const key = m.name + m.descriptor;
      const rt = new RtMethod(this.methods.length, m, cls, isStatic, (flags & ACC_SYNCHRONIZED) !== 0, this.sigId(key), localCount(m));
      this.methods.push(rt);
      this.methodsBySym.set(m, rt);
      cls.declared.set(key, rt);
      if ((flags & ACC_NATIVE) !== 0) rt.native = natives(`${sym.name}.${key}`);
      const virtual = !isStatic && (flags & ACC_PRIVATE) === 0 && m.name !== '<init>';
      if (virtual && ((flags & ACC_ABSTRACT) === 0 || cls.vtable[rt.sigId] === undefined)) cls.vtable[rt.sigId] = rt;
    }
    return cls;
  }

  private sigId(key: string): number {
    let id = this.sigIds.get(key);
    if (id === undefined) {
      id = this.sigIds.size;
      this.sigIds.set(key, id);
    }
    return id;
  }

  /** Gives an initialiser's pseudo-method an id, so stack traces can name it. */
  registerSynthetic(m: RtMethod): void {
    m.id = this.methods.length;
    this.methods.push(m);
  }

  fieldSlot(f: FieldSymbol): FieldSlot {
    let slot = this.fieldSlots.get(f);
    if (slot === undefined) {
      this.classNamed(f.owner.name);
      slot = this.fieldSlots.get(f);
      if (slot === undefined) throw new InternalError(`field ${f.owner.name}.${f.name} not linked`);
    }
    return slot;
  }

  method(m: MethodSymbol): RtMethod {
    let rt = this.methodsBySym.get(m);
    if (rt === undefined) {
      // Symbols the checker makes for calls on array types (clone) belong to no linked class: find the
      // method by name and descriptor as the JVM resolves a method reference.
      const owner = this.classNamed(m.owner.name);
      rt = this.methodsBySym.get(m) ?? this.declaredMethod(owner, m.name, m.descriptor);
      if (rt === undefined) throw new InternalError(`method ${m.owner.name}.${m.name}${m.descriptor} not linked`);
      this.methodsBySym.set(m, rt);
    }
    return rt;
  }

  /** A method the runtime calls by name (constructors of exceptions, Thread.exit, ...). */
  declaredMethod(cls: RtClass, name: string, descriptor: string): RtMethod | undefined {
    for (let c: RtClass | null = cls; c !== null; c = c.superclass) {
      const m = c.declared.get(name + descriptor);
      if (m !== undefined) return m;
    }
    return undefined;
  }

  instanceSlot(cls: RtClass, name: string): number {
    const slot = cls.instanceSlots.get(name);
    if (slot === undefined) throw new InternalError(`${cls.name} has no field ${name}`);
    return slot;
  }

  isAssignable(from: RtClass, to: RtClass): boolean {
    if (from === to) return true;
    if (to.component !== null) {
      if (from.component === null) return false;
      if (from.component.primitive !== null || to.component.primitive !== null) return from.component === to.component;
      return this.isAssignable(from.component, to.component);
    }
    return from.supertypes.has(to);
  }

  // ----- initialisation -------------------------------------------------------------------------------

  /** JLS 12.4.2 for one thread: superclass first, then static initialisers in textual order. */
  initialize(cls: RtClass): void {
    if (cls.state === InitState.Done || cls.state === InitState.InProgress) return;
    if (cls.state === InitState.Erroneous) this.throwNew('java/lang/NoClassDefFoundError', `Could not initialize class ${cls.javaName}`);
    cls.state = InitState.InProgress;
    try {
      if (cls.superclass !== null && !cls.isInterface) this.initialize(cls.superclass);
      const clinit = this.compiler.staticInitializer(cls);
      if (clinit !== null) this.runFrame(clinit.method, null, clinit.localCount, clinit.body);
    } catch (e) {
      cls.state = InitState.Erroneous;
      if (e instanceof JavaThrow && !this.isAssignable(e.exception.cls, this.classNamed('java/lang/Error'))) {
        const eiie = this.classNamed('java/lang/ExceptionInInitializerError');
        throw new JavaThrow(this.construct(eiie, '(Ljava/lang/Throwable;)V', [e.exception]));
      }
      throw e;
    }
    cls.state = InitState.Done;
  }

  // ----- calls -----------------------------------------------------------------------------------------

  /** Calls `m` with its locals array already holding the arguments (slots 0..n-1). */
  invoke(m: RtMethod, self: JRef | null, locals: Value[]): Value {
    const native = m.native;
    if (native !== null) {
      // Natives get a frame too, so stack traces show them as HotSpot does ("Native Method"). It holds no
      // state, so one frame object per native method serves every call.
      this.frames[this.depth++] = m.nativeFrame ??= new Frame(m, null, []);
      try {
        return native(self, locals);
      } finally {
        this.depth--;
      }
    }
    let body = m.body;
    if (body === null) {
      if ((m.sym.accessFlags & ACC_NATIVE) !== 0) {
        this.throwNew('java/lang/UnsatisfiedLinkError', `'${m.sym.name}${m.sym.descriptor}' in ${m.cls.javaName}`);
      }
      body = this.compiler.methodBody(m);
      m.body = body;
    }
    if (this.depth >= this.maxDepth) this.stackOverflow();
    const frame = new Frame(m, self, locals);
    this.frames[this.depth++] = frame;
    if (m.isSynchronized) {
      const lock: JRef | null = m.isStatic ? this.mirror(m.cls) : self;
      if (lock !== null) lock.locks++;
      try {
        body(frame);
      } finally {
        if (lock !== null) lock.locks--;
        this.depth--;
      }
      return frame.ret;
    }
    try {
      body(frame);
    } finally {
      this.depth--;
    }
    return frame.ret;
  }

  /** Runs a code fragment (an initialiser) in its own frame. */
  runFrame(m: RtMethod, self: JRef | null, localCount: number, body: (f: Frame) => Completion): void {
    if (this.depth >= this.maxDepth) this.stackOverflow();
    const frame = new Frame(m, self, new Array<Value>(localCount).fill(null));
    this.frames[this.depth++] = frame;
    try {
      body(frame);
    } finally {
      this.depth--;
    }
  }

  private stackOverflow(): never {
    if (this.maxDepth !== this.normalMaxDepth) throw new InternalError('stack overflow while building StackOverflowError');
    this.maxDepth = this.normalMaxDepth + OVERFLOW_RESERVE;
    try {
      this.throwNew('java/lang/StackOverflowError', null);
    } finally {
      this.maxDepth = this.normalMaxDepth;
    }
  }

  /** Allocates an instance of `cls` (already initialised) with default field values. */
  allocate(cls: RtClass): JObject {
    return new JObject(cls, cls.fieldDefaults.slice());
  }

  /** `new C(args)` for the runtime's own use. */
  construct(cls: RtClass, descriptor: string, args: Value[]): JObject {
    this.initialize(cls);
    const ctor = this.declaredMethod(cls, '<init>', descriptor);
    if (ctor === undefined || ctor.cls !== cls) throw new InternalError(`${cls.name} has no constructor ${descriptor}`);
    const obj = this.allocate(cls);
    const locals = new Array<Value>(Math.max(ctor.localCount, args.length)).fill(null);
    args.forEach((a, i) => (locals[i] = a));
    this.invoke(ctor, obj, locals);
    return obj;
  }

  /** Creates and throws an exception the runtime raises itself (HotSpot's messages). */
  throwNew(className: string, message: string | null): never {
    const cls = this.classNamed(className);
    const ex = message === null ? this.construct(cls, '()V', []) : this.construct(cls, '(Ljava/lang/String;)V', [this.str(message)]);
    throw new JavaThrow(ex);
  }

  nullPointer(): never {
    this.throwNew('java/lang/NullPointerException', null);
  }

  indexOutOfBounds(index: number, length: number): never {
    this.throwNew('java/lang/ArrayIndexOutOfBoundsException', `Index ${index} out of bounds for length ${length}`);
  }

  classCast(from: RtClass, to: RtClass): never {
    const where = (c: RtClass): string => (elementClass(c).fromLibrary ? "module java.base of loader 'bootstrap'" : "unnamed module of loader 'app'");
    const a = from.javaName;
    const b = to.javaName;
    const detail = where(from) === where(to) ? `${a} and ${b} are in ${where(from)}` : `${a} is in ${where(from)}; ${b} is in ${where(to)}`;
    this.throwNew('java/lang/ClassCastException', `class ${a} cannot be cast to class ${b} (${detail})`);
  }

  // ----- objects, arrays, strings ---------------------------------------------------------------------

  identityHash(o: JRef): number {
    if (o.hash === 0) {
      // xorshift32: deterministic, never 0, spread like HotSpot's (which the corpus never prints).
      let x = this.nextHash;
      x ^= x << 13;
      x ^= x >>> 17;
      x ^= x << 5;
      this.nextHash = x | 0;
      o.hash = (x & 0x7fffffff) || 1;
    }
    return o.hash;
  }

  mirror(cls: RtClass): JObject {
    if (cls.mirror === null) {
      const classCls = this.classNamed('java/lang/Class');
      const m = this.allocate(classCls);
      m.mirrorOf = cls;
      cls.mirror = m;
    }
    return cls.mirror;
  }

  newArray(arrayCls: RtClass, length: number): JArray {
    if (length < 0) this.throwNew('java/lang/NegativeArraySizeException', String(length));
    return new JArray(arrayCls, newArrayData(arrayCls.component as RtClass, length));
  }

  /** A new guest String holding `text` (not interned). */
  str(text: string): JObject {
    const chars = new Uint16Array(text.length);
    for (let i = 0; i < text.length; i++) chars[i] = text.charCodeAt(i);
    const s = new JObject(this.stringClass, this.stringClass.fieldDefaults.slice());
    s.fields[this.stringValueSlot] = new JArray(this.arrayOf(this.primitiveClass('char')), chars);
    return s;
  }

  /** The canonical instance of a string (literals, constants and String.intern). */
  intern(text: string): JObject {
    let s = this.interned.get(text);
    if (s === undefined) {
      s = this.str(text);
      this.interned.set(text, s);
    }
    return s;
  }

  /** The host text of a guest String. */
  jsString(s: JObject): string {
    const value = s.fields[this.stringValueSlot] as JArray;
    const chars = value.data as Uint16Array;
    let out = '';
    for (let i = 0; i < chars.length; i += 8192) out += String.fromCharCode(...chars.subarray(i, i + 8192));
    return out;
  }

  constantValue(c: { kind: string; value: unknown }): Value {
    if (c.kind === 'string') return this.intern(c.value as string);
    return c.value as Value;
  }

  // ----- output ----------------------------------------------------------------------------------------

  writeStdout(bytes: Uint8Array): void {
    this.stdoutBuffer.push(bytes);
    this.stdoutBytes += bytes.length;
    if (this.stdoutBytes > 1 << 16) this.flush();
  }

  writeStderr(bytes: Uint8Array): void {
    this.flush();
    this.io.writeStderr(bytes);
  }

  flush(): void {
    if (this.stdoutBuffer.length === 0) return;
    const all = new Uint8Array(this.stdoutBytes);
    let at = 0;
    for (const b of this.stdoutBuffer) {
      all.set(b, at);
      at += b.length;
    }
    this.stdoutBuffer = [];
    this.stdoutBytes = 0;
    this.io.writeStdout(all);
  }
}

function localCount(m: MethodSymbol): number {
  return Math.max(m.decl?.localCount ?? 0, m.params.length);
}

function elementClass(c: RtClass): RtClass {
  let e = c;
  while (e.component !== null) e = e.component;
  return e;
}

export function defaultValue(t: Type): Value {
  if (t.kind !== 'primitive') return null;
  switch (t.name) {
    case 'boolean':
      return false;
    case 'long':
      return 0n;
    default:
      return 0;
  }
}

export function newArrayData(component: RtClass, length: number): ArrayData {
  switch (component.primitive) {
    case 'byte':
      return new Int8Array(length);
    case 'short':
      return new Int16Array(length);
    case 'char':
      return new Uint16Array(length);
    case 'int':
      return new Int32Array(length);
    case 'long':
      return new BigInt64Array(length);
    case 'float':
      return new Float32Array(length);
    case 'double':
      return new Float64Array(length);
    case 'boolean':
      return new Array<boolean>(length).fill(false);
    case 'void':
      throw new InternalError('array of void');
    case null:
      return new Array<JRef | null>(length).fill(null);
  }
}

