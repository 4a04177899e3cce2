// Hand-built classes for the verifier tests. Methods the code builder can assemble are emitted through
// it; methods it refuses to build (it checks stack depths and falling off the end itself) are given as
// raw bytes, written with `asm`, and put in place of a trivial body after the class is built.
import {
  ACC_PUBLIC,
  ACC_STATIC,
  ClassBuilder,
  Op,
  type ClassFile,
  type CodeAttribute,
  type CodeBuilder,
  type ConstantPoolBuilder,
  type ExceptionTableEntry,
  type OpName,
} from '@oakvm/classfile';
import { verifyClass, type VerifiedClass } from '../../../src/verifier/index.js';
import { imageClasses, layeredHierarchy } from './class-sources.js';

export const TEST_CLASS = 'demo/Subject';

interface CommonMethod {
  readonly name?: string;
  readonly descriptor: string;
  /** Default: public static. */
  readonly flags?: number;
}

/** A method assembled by the code builder. */
export interface BuiltMethod extends CommonMethod {
  readonly emit: (code: CodeBuilder) => void;
}

/** A method given as bytes; `maxLocals` defaults to the parameters' slots. */
export interface RawMethod extends CommonMethod {
  readonly bytes: (pool: ConstantPoolBuilder) => number[];
  readonly maxStack: number;
  readonly maxLocals?: number;
  readonly handlers?: (pool: ConstantPoolBuilder) => ExceptionTableEntry[];
}

export type TestMethod = BuiltMethod | RawMethod;

export interface TestClass {
  readonly name?: string;
  readonly superName?: string;
  readonly fields?: readonly { readonly name: string; readonly descriptor: string; readonly flags?: number }[];
  readonly methods: readonly TestMethod[];
}

export function buildClass(spec: TestClass): ClassFile {
  const cb = new ClassBuilder({ name: spec.name ?? TEST_CLASS, accessFlags: ACC_PUBLIC | 0x20, superName: spec.superName ?? 'java/lang/Object' });
  for (const f of spec.fields ?? []) cb.field(f.flags ?? ACC_PUBLIC, f.name, f.descriptor);
  const raw = new Map<number, RawMethod>();
  spec.methods.forEach((m, i) => {
    const code = cb.method(m.flags ?? ACC_PUBLIC | ACC_STATIC, m.name ?? `m${i}`, m.descriptor);
    if ('emit' in m) {
      m.emit(code);
    } else {
      raw.set(i, m);
      code.emit(Op.return);
    }
  });
  // Raw bodies add their pool entries before build() takes the pool.
  const bodies = new Map([...raw].map(([i, m]) => [i, { bytes: m.bytes(cb.pool), handlers: m.handlers?.(cb.pool) ?? [] }]));
  const cf = cb.build();
  for (const [i, m] of raw) {
    const info = cf.methods[i]!;
    const code = info.attributes.find((a): a is CodeAttribute => a.kind === 'Code')!;
    const body = bodies.get(i)!;
    info.attributes[info.attributes.indexOf(code)] = {
      ...code,
      code: Uint8Array.from(body.bytes),
      maxStack: m.maxStack,
      maxLocals: m.maxLocals ?? code.maxLocals,
      exceptionTable: body.handlers,
    };
  }
  return cf;
}

/** Instruction bytes: opcode names become their codes, numbers stay bytes. */
export function asm(...parts: (OpName | number)[]): number[] {
  return parts.map((p) => (typeof p === 'number' ? p & 0xff : Op[p]));
}

/** A u2 operand as two bytes. */
export function u2(value: number): [number, number] {
  return [(value >> 8) & 0xff, value & 0xff];
}

let hierarchy: ReturnType<typeof layeredHierarchy> | undefined;

/** The class library and the JDK signatures: what hand-built classes refer to. */
export function libraryHierarchy(): ReturnType<typeof layeredHierarchy> {
  hierarchy ??= layeredHierarchy(imageClasses('jdk-symbols'), imageClasses('classlib'));
  return hierarchy;
}

export function verify(spec: TestClass): VerifiedClass {
  return verifyClass(buildClass(spec), libraryHierarchy());
}

/** The VerifyError a class gives, or undefined when it verifies. */
export function verifyErrorOf(spec: TestClass): unknown {
  try {
    verify(spec);
    return undefined;
  } catch (e) {
    return e;
  }
}
