// Assembles a whole ClassFile over one constant pool: the compiler adds fields and methods, fills each
// method's CodeBuilder, and calls build(); writeClassFile turns the result into bytes.
import Long from 'long';
import { ACC_ABSTRACT, ACC_NATIVE, ACC_STATIC } from '../access-flags.js';
import type { Attribute, ClassFile, MemberInfo } from '../model.js';
import { BytecodeError } from './bytecode-error.js';
import { CodeBuilder } from './code-builder.js';
import { ConstantPoolBuilder } from './constant-pool-builder.js';
import { parseFieldDescriptor, parseMethodDescriptor } from './descriptors.js';

/** Class version 49.0 (Java 5): HotSpot verifies it by type inference, so no StackMapTable is needed. */
export const DEFAULT_MAJOR_VERSION = 49;

export interface ClassSpec {
  /** Internal name, "com/example/Hello". */
  readonly name: string;
  readonly accessFlags: number;
  /** Internal name of the superclass; null only for java/lang/Object. Default java/lang/Object. */
  readonly superName?: string | null;
  readonly interfaces?: readonly string[];
  readonly majorVersion?: number;
  readonly minorVersion?: number;
  /** The SourceFile attribute ("Hello.oak"), when given. */
  readonly sourceFile?: string;
}

/**
 * A field's ConstantValue (JVMS 4.7.2): a number for int-like, float and double fields (by the field's
 * descriptor), a Long (or number) for long fields, a string for String fields.
 */
export type ConstantValue = number | Long | string;

interface PendingMethod {
  readonly accessFlags: number;
  readonly name: string;
  readonly descriptor: string;
  readonly code: CodeBuilder | undefined;
  readonly exceptions: readonly string[];
}

export class ClassBuilder {
  readonly pool: ConstantPoolBuilder;
  private readonly fields: MemberInfo[] = [];
  private readonly methods: PendingMethod[] = [];
  private readonly memberKeys = new Set<string>();
  private readonly extraAttributes: Attribute[] = [];

  constructor(
    readonly spec: ClassSpec,
    pool: ConstantPoolBuilder = new ConstantPoolBuilder(),
  ) {
    this.pool = pool;
  }

  /** Adds a field, with a ConstantValue attribute when `constantValue` is given. */
  field(accessFlags: number, name: string, descriptor: string, constantValue?: ConstantValue): this {
    const type = parseFieldDescriptor(descriptor);
    const attributes: Attribute[] = [];
    if (constantValue !== undefined) {
      const valueIndex = this.constantValueIndex(type.kind === 'base' ? type.char : descriptor, constantValue, name);
      attributes.push({ kind: 'ConstantValue', nameIndex: this.pool.utf8('ConstantValue'), valueIndex });
    }
    this.claim('field', name, descriptor);
    this.fields.push({ accessFlags, nameIndex: this.pool.utf8(name), descriptorIndex: this.pool.utf8(descriptor), attributes });
    return this;
  }

  /**
   * Adds a method with code and returns the builder to emit it through. Its parameters take the first
   * local slots (after `this` unless ACC_STATIC). `exceptions` fills the Exceptions attribute.
   */
  method(accessFlags: number, name: string, descriptor: string, exceptions: readonly string[] = []): CodeBuilder {
    if ((accessFlags & (ACC_ABSTRACT | ACC_NATIVE)) !== 0) {
      throw new BytecodeError(`method ${name}${descriptor} is abstract or native and has no code; use methodWithoutCode`);
    }
    const code = new CodeBuilder(this.pool, { descriptor, isStatic: (accessFlags & ACC_STATIC) !== 0 });
    this.addMethod({ accessFlags, name, descriptor, code, exceptions });
    return code;
  }

  /** Adds an abstract or native method, which has no Code attribute. */
  methodWithoutCode(accessFlags: number, name: string, descriptor: string, exceptions: readonly string[] = []): this {
    if ((accessFlags & (ACC_ABSTRACT | ACC_NATIVE)) === 0) {
      throw new BytecodeError(`method ${name}${descriptor} without code must be abstract or native`);
    }
    this.addMethod({ accessFlags, name, descriptor, code: undefined, exceptions });
    return this;
  }

  /** Adds a class-level attribute built elsewhere (InnerClasses, BootstrapMethods...) over this pool. */
  attribute(attribute: Attribute): this {
    this.extraAttributes.push(attribute);
    return this;
  }

  /** Builds every method's code and returns the class. A class builder builds once. */
  build(): ClassFile {
    const spec = this.spec;
    const thisClass = this.pool.class(spec.name);
    const superName = spec.superName === undefined ? 'java/lang/Object' : spec.superName;
    const superClass = superName === null ? 0 : this.pool.class(superName);
    const interfaces = (spec.interfaces ?? []).map((i) => this.pool.class(i));
    const methods: MemberInfo[] = this.methods.map((m) => {
      const attributes: Attribute[] = [];
      if (m.code !== undefined) attributes.push(m.code.build());
      if (m.exceptions.length > 0) {
        attributes.push({
          kind: 'Exceptions',
          nameIndex: this.pool.utf8('Exceptions'),
          exceptionIndexes: m.exceptions.map((e) => this.pool.class(e)),
        });
      }
      return { accessFlags: m.accessFlags, nameIndex: this.pool.utf8(m.name), descriptorIndex: this.pool.utf8(m.descriptor), attributes };
    });
    const attributes: Attribute[] = [];
    if (spec.sourceFile !== undefined) {
      attributes.push({ kind: 'SourceFile', nameIndex: this.pool.utf8('SourceFile'), sourceFileIndex: this.pool.utf8(spec.sourceFile) });
    }
    attributes.push(...this.extraAttributes);
    return {
      minorVersion: spec.minorVersion ?? 0,
      majorVersion: spec.majorVersion ?? DEFAULT_MAJOR_VERSION,
      // Taken last: building the code and attributes above adds entries.
      constantPool: this.pool.entries(),
      accessFlags: spec.accessFlags,
      thisClass,
      superClass,
      interfaces,
      fields: this.fields,
      methods,
      attributes,
    };
  }

  private addMethod(method: PendingMethod): void {
    parseMethodDescriptor(method.descriptor);
    this.claim('method', method.name, method.descriptor);
    this.methods.push(method);
  }

  /** JVMS 4.5/4.6: no two fields, nor two methods, may share name and descriptor. */
  private claim(what: 'field' | 'method', name: string, descriptor: string): void {
    const key = `${what} ${name} ${descriptor}`;
    if (this.memberKeys.has(key)) throw new BytecodeError(`duplicate ${what} ${name} ${descriptor} in ${this.spec.name}`);
    this.memberKeys.add(key);
  }

  private constantValueIndex(type: string, value: ConstantValue, field: string): number {
    const mismatch = (): BytecodeError => new BytecodeError(`constant value ${String(value)} does not suit field ${field} of type ${type}`);
    switch (type) {
      case 'I':
      case 'S':
      case 'C':
      case 'B':
      case 'Z':
        if (typeof value !== 'number' || !Number.isInteger(value)) throw mismatch();
        return this.pool.integer(value);
      case 'F':
        if (typeof value !== 'number') throw mismatch();
        return this.pool.float(value);
      case 'D':
        if (typeof value !== 'number') throw mismatch();
        return this.pool.double(value);
      case 'J':
        if (typeof value === 'string' || (typeof value === 'number' && !Number.isSafeInteger(value))) throw mismatch();
        return this.pool.long(typeof value === 'number' ? Long.fromNumber(value) : value.toSigned());
      case 'Ljava/lang/String;':
        if (typeof value !== 'string') throw mismatch();
        return this.pool.string(value);
      default:
        throw mismatch();
    }
  }
}
