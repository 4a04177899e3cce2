// The virtual machine instance: the heap, the loaders, the native registry, the threads and the
// operations the interpreter and the natives share (allocation, strings, class mirrors, type tests,
// class initialisation, raising and unwinding exceptions, native calls).
import { Heap } from '../heap/heap.js';
import { ARRAY_LENGTH, arrayWords, type ElementKind } from '../heap/layout.js';
import { ClassLoaders, NEWARRAY_KINDS } from '../loader/class-loader.js';
import { ChainedSource, ClassPathSource, ImageSource, MemorySource, type ClassSource } from '../loader/class-source.js';
import { NativeRegistry, type JValue, type NativeContext, type NativeResult } from '../natives/registry.js';
import type { Platform } from '../platform/platform.js';
import { Frame, FRAME_CALLBACK, FRAME_CLINIT, FRAME_NORMAL, FRAME_THROW_ON_RETURN, type FrameCallback } from '../threads/frame.js';
import { Monitors } from '../threads/monitors.js';
import { Scheduler } from '../threads/scheduler.js';
import { JThread } from '../threads/thread.js';
import { toBigInt, storeBigInt } from '../interpreter/long-math.js';
import { helpfulMessages, printType, splitDescriptor } from '../interpreter/exception-messages.js';
import type { RtClass, RtField, RtMethod } from './class-model.js';
import { JavaThrowable, JavaThrowRef, ReexecuteAfterFrames, VmInternalError } from './errors.js';
import { Handles, PersistentHandles } from '../gc/handles.js';
import { createVerifyHook, ReferenceMapTable } from '../verifier/vm-hook.js';
import { ensureInitialized, markInitialized, markErroneous } from './initialization.js';
import { registerCoreNatives } from '../natives/index.js';

export interface VmOptions {
  platform: Platform;
  /** Application class path: directories searched in order. */
  classPath?: readonly string[];
  /** Extra application classes already in memory (by internal name), searched before the class path. */
  classes?: ReadonlyMap<string, Uint8Array>;
  /** Replaces the platform's runtime image as the bootstrap class source (tests). */
  bootClasses?: ClassSource;
  /** -Xmx in bytes. */
  maxHeapBytes?: number;
  /** -Xss in bytes. */
  stackBytes?: number;
  verboseGc?: boolean;
  /**
   * JDK 17's helpful NullPointerException messages (-XX:+ShowCodeDetailsInExceptionMessages, on by
   * default as in JDK 17).
   */
  helpfulNullPointerMessages?: boolean;
  /**
   * Verify application classes before linking (JVMS 4.10, the verifier in src/verifier). Default true,
   * as HotSpot verifies every class not loaded by the bootstrap loader.
   */
  verify?: boolean;
}

export const DEFAULT_MAX_HEAP = 256 * 1024 * 1024;
export const DEFAULT_STACK = 512 * 1024;

/** Outcome of a call made by the VM on behalf of host code. */
export interface CallOutcome {
  /** Result slots (low word first for long; the double itself for double). */
  value: number;
  valueHigh: number;
  /** The exception the call ended with, or 0. */
  exception: number;
}

export class Vm {
  readonly platform: Platform;
  readonly heap: Heap;
  readonly loaders: ClassLoaders;
  readonly classes: RtClass[];
  readonly natives = new NativeRegistry();
  readonly monitors: Monitors;
  readonly scheduler: Scheduler;
  readonly handles = new Handles();
  readonly persistentHandles = new PersistentHandles();
  /** Reference maps of verified methods (the verifier fills it; the collector reads it). */
  readonly referenceMaps = new ReferenceMapTable();
  readonly stackBytes: number;
  readonly verboseGc: boolean;
  readonly helpfulNullPointerMessages: boolean;
  /** The string table: ldc strings and String.intern share it. */
  readonly interned = new Map<string, number>();
  readonly threads: JThread[] = [];
  /** Set by Runtime.halt0: the exit status. */
  halted: number | undefined;
  private nextThreadId = 1;
  private readonly nativeCtx: { vm: Vm; thread: JThread | undefined };

  // Well-known classes and offsets, resolved at start-up.
  readonly objectClass: RtClass;
  readonly stringClass: RtClass;
  readonly booleanArrayClass: RtClass;
  readonly charArrayClass: RtClass;
  private readonly stringValue: number;
  private readonly stringHash: number;

  constructor(options: VmOptions) {
    this.platform = options.platform;
    this.heap = new Heap(options.maxHeapBytes ?? DEFAULT_MAX_HEAP);
    this.stackBytes = options.stackBytes ?? DEFAULT_STACK;
    this.verboseGc = options.verboseGc ?? false;
    this.helpfulNullPointerMessages = options.helpfulNullPointerMessages ?? true;
    helpfulMessages.enabled = this.helpfulNullPointerMessages;
    const boot = options.bootClasses ?? ImageSource.of(this.platform);
    const app: ClassSource[] = [];
    if (options.classes) app.push(new MemorySource(options.classes));
    app.push(new ClassPathSource(this.platform, options.classPath ?? ['.']));
    this.loaders = new ClassLoaders(boot, new ChainedSource(app));
    this.classes = this.loaders.classes;
    if (options.verify ?? true) this.loaders.verify = createVerifyHook({ maps: this.referenceMaps });
    this.monitors = new Monitors(this.heap);
    this.scheduler = new Scheduler(this);
    this.monitors.onWake = () => this.scheduler.wake();
    this.nativeCtx = { vm: this, thread: undefined };
    registerCoreNatives(this.natives);
    try {
      this.objectClass = this.loaders.load('java/lang/Object', 'bootstrap');
      this.stringClass = this.loaders.load('java/lang/String', 'bootstrap');
    } catch (e) {
      if (e instanceof JavaThrowable) {
        throw new VmInternalError(`cannot load the class library (${e.message}); is the runtime image built?`);
      }
      throw e;
    }
    this.booleanArrayClass = this.loaders.arrayOf(this.loaders.primitives.get('Z')!);
    this.charArrayClass = this.loaders.arrayOf(this.loaders.primitives.get('C')!);
    this.stringValue = this.requireField(this.stringClass, 'value', '[C').offset;
    this.stringHash = this.requireField(this.stringClass, 'hash', 'I').offset;
  }

  requireField(cls: RtClass, name: string, descriptor: string): RtField {
    const f = cls.findField(name, descriptor);
    if (f === undefined) throw new VmInternalError(`the class library lacks ${cls.name}.${name}:${descriptor}`);
    return f;
  }

  /** Loads a class through the bootstrap loader, failing with an internal error when it is missing. */
  bootClass(name: string): RtClass {
    try {
      return this.loaders.load(name, 'bootstrap');
    } catch (e) {
      if (e instanceof JavaThrowable) throw new VmInternalError(`the class library lacks ${name} (${e.message})`);
      throw e;
    }
  }

  // ---------------------------------------------------------------- allocation

  private outOfMemory(): never {
    throw new JavaThrowable('java/lang/OutOfMemoryError', 'Java heap space');
  }

  /** A new zeroed instance of `cls` (which the caller has initialised). */
  newObject(cls: RtClass): number {
    const ref = this.heap.allocate(cls.instanceWords, cls.id);
    if (ref === 0) this.outOfMemory();
    return ref;
  }

  /** A new array of class `arrayClass` (`[I`, `[Ljava/lang/String;`, ...). */
  newArray(arrayClass: RtClass, length: number): number {
    if (length < 0) throw new JavaThrowable('java/lang/NegativeArraySizeException', String(length));
    const kind = arrayClass.elementKind as ElementKind;
    if (length > 0x7fffffff - 8) throw new JavaThrowable('java/lang/OutOfMemoryError', 'Requested array size exceeds VM limit');
    const words = arrayWords(kind, length);
    const ref = this.heap.allocate(words, arrayClass.id);
    if (ref === 0) this.outOfMemory();
    this.heap.i32[ref + ARRAY_LENGTH] = length;
    return ref;
  }

  newPrimitiveArray(atype: number, length: number): number {
    const kind = NEWARRAY_KINDS[atype];
    if (kind === undefined) throw new JavaThrowable('java/lang/VerifyError', `Bad newarray type ${atype}`);
    return this.newArray(this.primitiveArrayClass(kind), length);
  }

  primitiveArrayClass(kind: ElementKind): RtClass {
    return this.loaders.arrayOf(this.loaders.primitives.get(kind)!);
  }

  arrayClassOf(component: RtClass): RtClass {
    return this.loaders.arrayOf(component);
  }

  classOf(ref: number): RtClass {
    return this.classes[this.heap.i32[ref]!]!;
  }

  arrayLength(ref: number): number {
    return this.heap.i32[ref + ARRAY_LENGTH]!;
  }

  // ---------------------------------------------------------------- strings

  /** A new java.lang.String holding `text`. */
  newString(text: string): number {
    const chars = this.newArray(this.charArrayClass, text.length);
    const u16 = this.heap.u16;
    const at = (chars + 4) * 2;
    for (let i = 0; i < text.length; i++) u16[at + i] = text.charCodeAt(i);
    const h = this.handles.push(chars);
    const str = this.newObject(this.stringClass);
    this.heap.i32[str + this.stringValue] = this.handles.get(h);
    this.handles.pop(h);
    return str;
  }

  /** The JavaScript string of a java.lang.String reference. */
  jsString(ref: number): string {
    if (ref === 0) return 'null';
    const chars = this.heap.i32[ref + this.stringValue]!;
    if (chars === 0) return '';
    return this.charsToString(chars, 0, this.arrayLength(chars));
  }

  charsToString(chars: number, offset: number, count: number): string {
    const start = (chars + 4) * 2 + offset;
    let out = '';
    // Chunks keep String.fromCharCode's argument list short.
    for (let i = 0; i < count; i += 4096) {
      out += String.fromCharCode(...this.heap.u16.subarray(start + i, start + Math.min(count, i + 4096)));
    }
    return out;
  }

  /** The canonical String for `text` (ldc and String.intern). */
  intern(text: string): number {
    const known = this.interned.get(text);
    if (known !== undefined) return known;
    const ref = this.newString(text);
    this.interned.set(text, ref);
    return ref;
  }

  stringHashOffset(): number {
    return this.stringHash;
  }

  // ---------------------------------------------------------------- mirrors and types

  /** The java.lang.Class object of `cls`, created on first request. */
  mirrorOf(cls: RtClass): number {
    if (cls.mirror !== 0) return cls.mirror;
    const classClass = this.bootClass('java/lang/Class');
    const ref = this.newObject(classClass);
    // The mirror names its class by id (not by a host-side map keyed by address, which a moving
    // collector would invalidate).
    this.heap.i32[ref + this.requireField(classClass, 'classId', 'I').offset] = cls.id;
    cls.mirror = ref;
    return ref;
  }

  /** The class a java.lang.Class object stands for. */
  classOfMirror(ref: number): RtClass {
    const classClass = this.bootClass('java/lang/Class');
    const c = this.classes[this.heap.i32[ref + this.requireField(classClass, 'classId', 'I').offset]!];
    if (c === undefined || c.mirror !== ref) throw new VmInternalError(`not a class mirror: ${ref}`);
    return c;
  }

  /** JVMS assignment compatibility of reference types (checkcast, instanceof, aastore). */
  isAssignable(from: RtClass, to: RtClass): boolean {
    if (from === to) return true;
    if (to.isInterface) {
      if (from.isArray) return to.name === 'java/lang/Cloneable' || to.name === 'java/io/Serializable';
      return from.allInterfaces.has(to);
    }
    if (to.isArray) {
      if (!from.isArray) return false;
      const fc = from.componentType!;
      const tc = to.componentType!;
      if (fc.isPrimitive || tc.isPrimitive) return fc === tc;
      return this.isAssignable(fc, tc);
    }
    if (from.isArray) return to === this.objectClass;
    return from.display[to.depth] === to;
  }

  /** ClassCastException with JDK 17's message. */
  classCastError(from: RtClass, to: RtClass): JavaThrowable {
    const where = (c: RtClass): string =>
      this.elementLoader(c) === 'bootstrap' ? "module java.base of loader 'bootstrap'" : "unnamed module of loader 'app'";
    const a = from.javaName;
    const b = to.javaName;
    const detail =
      where(from) === where(to) ? `${a} and ${b} are in ${where(from)}` : `${a} is in ${where(from)}; ${b} is in ${where(to)}`;
    return new JavaThrowable('java/lang/ClassCastException', `class ${a} cannot be cast to class ${b} (${detail})`);
  }

  private elementLoader(c: RtClass): string {
    let e = c;
    while (e.componentType) e = e.componentType;
    return e.loader;
  }

  /** `int Foo.bar(long, java.lang.String)` as HotSpot prints methods in linkage errors. */
  prettyMethod(m: RtMethod): string {
    const { params, ret } = splitDescriptor(m.descriptor);
    const full = (d: string): string => printType(d).replace(/^(Object|String)(\[\]|$)/, 'java.lang.$1$2');
    return `${full(ret)} ${m.cls.javaName}.${m.name}(${params.map(full).join(', ')})`;
  }

  receiverClassName(thread: JThread, base: number): string {
    const r = thread.slots[base]!;
    return r === 0 ? 'null' : this.classOf(r).javaName;
  }

  // ---------------------------------------------------------------- threads and calls

  createThread(name: string): JThread {
    const t = new JThread(this.nextThreadId++, name, this.stackBytes);
    this.threads.push(t);
    return t;
  }

  /**
   * Calls `method` on `thread` on behalf of host code: pushes a frame whose result goes to the returned
   * promise, and lets the scheduler run it. `args` are slot values (a long takes two).
   */
  call(thread: JThread, method: RtMethod, args: readonly number[]): Promise<CallOutcome> {
    return new Promise((resolve) => {
      const callback: FrameCallback = {
        onReturn: (value, valueHigh) => resolve({ value, valueHigh, exception: 0 }),
        onThrow: (exception) => {
          resolve({ value: 0, valueHigh: 0, exception });
          return true;
        },
      };
      try {
        this.pushCall(thread, method, args, FRAME_CALLBACK).callback = callback;
      } catch (e) {
        resolve({ value: 0, valueHigh: 0, exception: this.hostError(thread, e) });
      }
      this.scheduler.wake();
    });
  }

  /** Turns a JavaThrowable raised outside the interpreter into a thrown guest object for host callers. */
  private hostError(thread: JThread, e: unknown): number {
    if (e instanceof JavaThrowRef) return e.ref;
    throw e;
  }

  /** Pushes a frame for `method` with `args` above the thread's current top. */
  pushCall(thread: JThread, method: RtMethod, args: readonly number[], kind: number): Frame {
    const base = thread.freeSlot();
    if (thread.wouldOverflow(method, base)) throw new JavaThrowable('java/lang/StackOverflowError', null);
    for (let i = 0; i < args.length; i++) thread.slots[base + i] = args[i]!;
    if (method.isNative) throw new VmInternalError(`host call of native method ${method.toString()}`);
    const f = thread.pushFrame(method, base, kind);
    if (method.isSynchronized) f.pendingLock = method.isStatic ? this.mirrorOf(method.cls) : args[0]!;
    return f;
  }

  /**
   * Runs class initialisation of `cls` for host code (the launcher, Class.forName): resolves to 0 once
   * initialised, or to the exception initialisation ended with.
   */
  async initialize(thread: JThread, cls: RtClass): Promise<number> {
    for (let guard = 0; guard < 10_000; guard++) {
      if (cls.state === 'initialized') return 0;
      const depth = thread.depth;
      const outcome = await this.runGuarded(thread, depth, () => ensureInitialized(this, thread, cls));
      if (outcome !== 0) return outcome;
    }
    throw new VmInternalError(`initialisation of ${cls.name} does not finish`);
  }

  /**
   * Performs `action` (which may push frames or raise) on `thread` and runs the thread until it is back
   * at `depth`. Resolves to the exception that reached that depth, or 0.
   */
  private runGuarded(thread: JThread, depth: number, action: () => unknown): Promise<number> {
    return new Promise((resolve) => {
      thread.uncaught = 0;
      try {
        action();
      } catch (e) {
        this.raise(thread, e);
      }
      this.scheduler.watchDepth(thread, depth, () => {
        const ex = thread.uncaught;
        thread.uncaught = 0;
        resolve(ex);
      });
      this.scheduler.wake();
    });
  }

  /** Calls a native method: arguments from the caller's operand stack, result back onto it. */
  callNative(thread: JThread, caller: Frame, m: RtMethod, base: number): void {
    const s = thread.slots;
    const direct = m.doubleFn;
    if (direct !== undefined) {
      s[base] = direct(s[base]!, s[base + 2]!);
      caller.sp = base + 2;
      caller.pc = caller.nextPc;
      return;
    }
    let fn = m.native;
    if (fn === undefined) {
      const key = `${m.cls.name}.${m.name}${m.descriptor}`;
      fn = this.natives.lookup(key);
      if (fn === undefined) throw new JavaThrowable('java/lang/UnsatisfiedLinkError', `'${this.prettyMethod(m)}'`);
      m.native = fn;
      if (m.isStatic && (m.descriptor === '(D)D' || m.descriptor === '(DD)D')) m.doubleFn = this.natives.lookupDouble(key);
    }
    const args: JValue[] = [];
    let p = base;
    if (!m.isStatic) args.push(s[p++]!);
    const kinds = m.paramKinds;
    for (let i = 0; i < kinds.length; i++) {
      const k = kinds.charCodeAt(i);
      if (k === 74 /* J */) {
        args.push(toBigInt(s[p]!, s[p + 1]!));
        p += 2;
      } else if (k === 68 /* D */) {
        args.push(s[p]!);
        p += 2;
      } else args.push(s[p++]!);
    }
    this.nativeCtx.thread = thread;
    let result: ReturnType<typeof fn>;
    try {
      result = fn(this.nativeCtx as NativeContext, args);
    } catch (e) {
      thread.faultingNative = m;
      throw e;
    }
    if (result instanceof Promise) {
      thread.status = 'blocked';
      this.scheduler.pendingAsync++;
      result.then(
        (v) => {
          this.scheduler.pendingAsync--;
          this.storeResult(s, base, m, v);
          caller.sp = base + m.returnSlots;
          caller.pc = caller.nextPc;
          if (thread.status === 'blocked') thread.status = 'runnable';
          this.scheduler.wake();
        },
        (e: unknown) => {
          this.scheduler.pendingAsync--;
          if (thread.status === 'blocked') thread.status = 'runnable';
          thread.faultingNative = m;
          try {
            this.raise(thread, e);
          } catch (internal) {
            this.scheduler.fail(internal);
          }
          this.scheduler.wake();
        },
      );
      return;
    }
    this.storeResult(s, base, m, result);
    caller.sp = base + m.returnSlots;
    caller.pc = caller.nextPc;
  }

  private storeResult(s: Float64Array, at: number, m: RtMethod, v: NativeResult): void {
    switch (m.returnKind) {
      case 'V':
        return;
      case 'J':
        storeBigInt(s, at, typeof v === 'bigint' ? v : BigInt(Math.trunc(Number(v ?? 0))));
        return;
      case 'D':
        s[at] = Number(v ?? 0);
        return;
      case 'F':
        s[at] = Math.fround(Number(v ?? 0));
        return;
      case 'Z':
        s[at] = v === true ? 1 : v === false ? 0 : Number(v ?? 0) & 1;
        return;
      default:
        s[at] = Number(v ?? 0) | 0;
    }
  }

  // ---------------------------------------------------------------- frames and exceptions

  /** Pops frame `f` (the top) that is returning with result slots (lo, hi), running its continuation. */
  finishFrame(thread: JThread, f: Frame, lo: number, hi: number): void {
    if (f.lockRef !== 0) this.monitors.exit(thread, f.lockRef);
    thread.depth--;
    const c = thread.top;
    switch (f.kind) {
      case FRAME_NORMAL: {
        if (c === undefined) return;
        const n = f.method.returnSlots;
        if (n > 0) thread.slots[f.base] = lo;
        if (n > 1) thread.slots[f.base + 1] = hi;
        c.sp = f.base + n;
        c.pc = c.nextPc;
        return;
      }
      case FRAME_CLINIT:
        markInitialized(this, f.initClass!);
        return;
      case FRAME_THROW_ON_RETURN:
        this.heap.leaveReserve();
        thread.inOverflow = false;
        if (f.attachCause !== 0) this.setThrowableField(f.aux, 'cause', 'Ljava/lang/Throwable;', f.attachCause);
        this.throwRef(thread, f.aux);
        return;
      case FRAME_CALLBACK:
        f.callback!.onReturn(lo, hi);
        return;
      default:
        throw new VmInternalError(`bad frame kind ${f.kind}`);
    }
  }

  /** Converts a host-side error into a guest exception on `thread`; internal errors propagate. */
  raise(thread: JThread, e: unknown): void {
    if (e instanceof JavaThrowable) {
      this.throwNew(thread, e.className, e.detail, e.causeRef, e.attachCause);
      return;
    }
    // Only an exception the native itself creates starts its trace at the native.
    thread.faultingNative = undefined;
    if (e instanceof JavaThrowRef) this.throwRef(thread, e.ref);
    else if (e instanceof ReexecuteAfterFrames) return;
    else if (e instanceof RangeError && /call stack/i.test(e.message)) {
      throw new VmInternalError('host stack exhausted');
    } else throw e;
  }

  /**
   * Builds and throws a new exception of class `className`: allocates it and pushes its constructor in a
   * frame that throws the object when it returns (so fillInStackTrace sees the faulting frame on top).
   */
  throwNew(thread: JThread, className: string, detail: string | null, cause = 0, attachCause?: () => number): void {
    if (className === 'java/lang/OutOfMemoryError') this.heap.enterReserve();
    if (className === 'java/lang/StackOverflowError') thread.inOverflow = true;
    const cls = this.bootClass(className);
    const causeHandle = this.handles.push(cause);
    const ex = this.newObject(cls);
    const exHandle = this.handles.push(ex);
    const arg = cause !== 0 ? this.handles.get(causeHandle) : detail === null ? 0 : this.newString(detail);
    const desc = cause !== 0 ? '(Ljava/lang/Throwable;)V' : detail === null ? '()V' : '(Ljava/lang/String;)V';
    const ctor = cls.findMethod('<init>', desc) ?? cls.findMethod('<init>', '(Ljava/lang/String;)V');
    const exRef = this.handles.get(exHandle);
    this.handles.pop(causeHandle);
    if (ctor === undefined) throw new VmInternalError(`${className} has no constructor ${desc}`);
    const args = ctor.descriptor === '()V' ? [exRef] : [exRef, arg];
    const f = this.pushCall(thread, ctor, args, FRAME_THROW_ON_RETURN);
    f.aux = exRef;
    f.nativeTop = thread.faultingNative;
    thread.faultingNative = undefined;
    if (attachCause !== undefined) f.attachCause = attachCause();
    // Exception classes normally have no static initialiser of their own; if one is pending it runs first.
    if (cls.state !== 'initialized') {
      try {
        ensureInitialized(this, thread, cls);
      } catch (e) {
        throw new VmInternalError(`cannot initialise ${className}: ${String(e)}`);
      }
    }
  }

  /** Throws guest exception `ex` on `thread`: finds a handler, unwinding frames as needed. */
  throwRef(thread: JThread, ex: number): void {
    const exCls = this.classOf(ex);
    const s = thread.slots;
    while (thread.depth > 0) {
      const f = thread.frames[thread.depth - 1]!;
      const handler = this.findHandler(f.method, f.pc, exCls);
      if (handler >= 0) {
        f.sp = f.base + f.method.maxLocals;
        s[f.sp++] = ex;
        f.pc = handler;
        return;
      }
      if (f.lockRef !== 0 && this.monitors.owns(thread, f.lockRef)) this.monitors.exit(thread, f.lockRef);
      thread.depth--;
      switch (f.kind) {
        case FRAME_NORMAL:
        case FRAME_THROW_ON_RETURN:
          continue;
        case FRAME_CLINIT: {
          const cls = f.initClass!;
          cls.initFailure = this.describeInitFailure(thread, ex);
          markErroneous(this, cls, exCls);
          if (!this.isAssignable(exCls, this.bootClass('java/lang/Error'))) {
            this.throwNew(thread, 'java/lang/ExceptionInInitializerError', null, ex);
            return;
          }
          continue;
        }
        case FRAME_CALLBACK:
          f.callback!.onThrow(ex);
          return;
        default:
          throw new VmInternalError(`bad frame kind ${f.kind}`);
      }
    }
    thread.uncaught = ex;
  }

  private throwableField(name: string, descriptor: string): RtField {
    return this.requireField(this.bootClass('java/lang/Throwable'), name, descriptor);
  }

  private setThrowableField(ex: number, name: string, descriptor: string, value: number): void {
    this.heap.i32[ex + this.throwableField(name, descriptor).offset] = value;
  }

  /** HotSpot's record of a failed <clinit>: "Exception X: msg [in thread "T"]" and the backtrace. */
  private describeInitFailure(thread: JThread, ex: number): { message: string; backtrace: number } {
    const msg = this.heap.i32[ex + this.throwableField('detailMessage', 'Ljava/lang/String;').offset]!;
    const text = `${this.classOf(ex).javaName}${msg === 0 ? '' : `: ${this.jsString(msg)}`}`;
    const backtrace = this.heap.i32[ex + this.throwableField('backtrace', 'Ljava/lang/Object;').offset]!;
    return { message: `Exception ${text} [in thread "${thread.name}"]`, backtrace };
  }

  /**
   * The ExceptionInInitializerError JDK 17 attaches to "Could not initialize class" errors: built
   * without running a constructor, so its stack trace is the original failure's.
   */
  initFailureCause(cls: RtClass): number {
    const failure = cls.initFailure;
    if (failure === undefined) return 0;
    const eiie = this.newObject(this.bootClass('java/lang/ExceptionInInitializerError'));
    const h = this.handles.push(eiie);
    const message = this.newString(failure.message);
    const ref = this.handles.get(h);
    this.handles.pop(h);
    this.setThrowableField(ref, 'detailMessage', 'Ljava/lang/String;', message);
    this.setThrowableField(ref, 'backtrace', 'Ljava/lang/Object;', failure.backtrace);
    this.setThrowableField(ref, 'cause', 'Ljava/lang/Throwable;', 0);
    return ref;
  }

  /** The handler pc in `m` for an exception of `exCls` thrown at `pc`, or -1. */
  private findHandler(m: RtMethod, pc: number, exCls: RtClass): number {
    for (const h of m.handlers) {
      if (pc < h.startPc || pc >= h.endPc) continue;
      if (h.catchType === 0) return h.handlerPc;
      let catchCls = m.cls.cpResolved[h.catchType] as RtClass | undefined;
      if (catchCls === undefined) {
        try {
          catchCls = this.resolveClassName(m.cls, h.catchType);
        } catch {
          // HotSpot would raise the resolution error; a catch clause naming a missing class simply cannot match.
          continue;
        }
      }
      if (this.isAssignable(exCls, catchCls)) return h.handlerPc;
    }
    return -1;
  }

  /** Resolves the Class entry `index` of `cls`'s constant pool (JVMS 5.4.3.1), caching it. */
  resolveClassName(cls: RtClass, index: number): RtClass {
    const cached = cls.cpResolved[index] as RtClass | undefined;
    if (cached !== undefined) return cached;
    const e = cls.cp(index);
    if (e?.kind !== 'Class') throw new JavaThrowable('java/lang/VerifyError', `Bad class index ${index} in ${cls.name}`);
    const n = cls.cp(e.nameIndex);
    if (n?.kind !== 'Utf8') throw new JavaThrowable('java/lang/VerifyError', `Bad class name index in ${cls.name}`);
    const resolved = this.loaders.load(n.value, cls.loader);
    cls.cpResolved[index] = resolved;
    return resolved;
  }

  /** Every thread that has not terminated. */
  liveThreads(): JThread[] {
    return this.threads.filter((t) => t.status !== 'terminated');
  }
}
