// Builds a constant pool, giving each distinct constant one entry (as javac does), so a class that
// prints "hi" a hundred times has one String entry.
import type Long from 'long';
import { modifiedUtf8Length } from '../io/mutf8.js';
import type { ConstantPoolEntries, CpEntry } from '../model.js';
import { BytecodeError } from './bytecode-error.js';

/** JVMS 4.1: constant_pool_count is a u2, so the highest usable index is 65534. */
const MAX_POOL_COUNT = 0xffff;

/** Reference kinds of a MethodHandle entry (JVMS table 5.4.3.5-A). */
export const REF_getField = 1;
export const REF_getStatic = 2;
export const REF_putField = 3;
export const REF_putStatic = 4;
export const REF_invokeVirtual = 5;
export const REF_invokeStatic = 6;
export const REF_invokeSpecial = 7;
export const REF_newInvokeSpecial = 8;
export const REF_invokeInterface = 9;

const scratch = new DataView(new ArrayBuffer(8));

/** Floats and doubles are told apart by bit pattern, so 0.0 and -0.0 (and NaNs) get their own entries. */
function floatBits(value: number): number {
  scratch.setFloat32(0, value);
  return scratch.getUint32(0);
}

function doubleBits(value: number): string {
  scratch.setFloat64(0, value);
  return `${scratch.getUint32(0)}:${scratch.getUint32(4)}`;
}

/** A two-level memo: first key, then second key, to an index (no key strings to build per lookup). */
type Memo2 = Map<string, Map<string, number>>;

function recall2(memo: Memo2, a: string, b: string): number | undefined {
  return memo.get(a)?.get(b);
}

function remember2(memo: Memo2, a: string, b: string, index: number): number {
  let inner = memo.get(a);
  if (inner === undefined) {
    inner = new Map();
    memo.set(a, inner);
  }
  inner.set(b, index);
  return index;
}

export class ConstantPoolBuilder {
  private readonly pool: (CpEntry | undefined)[] = [undefined];
  private readonly indexByKey = new Map<string, number>();
  // Memos in front of `add` for the entries code generation asks for again and again, keyed by what the
  // caller passes. Entries are never removed or changed, so a remembered index stays the one `add`
  // would give; a hit skips the nested Utf8/Class/NameAndType lookups, their key strings and entry objects.
  private readonly utf8Memo = new Map<string, number>();
  private readonly classMemo = new Map<string, number>();
  private readonly stringMemo = new Map<string, number>();
  private readonly nameAndTypeMemo: Memo2 = new Map();
  /** Owner, then name, then descriptor; one memo per reference kind. */
  private readonly refMemos: Record<'Fieldref' | 'Methodref' | 'InterfaceMethodref', Map<string, Memo2>> = {
    Fieldref: new Map(),
    Methodref: new Map(),
    InterfaceMethodref: new Map(),
  };

  /** Whether the pool started from existing entries, which only `indexByKey` knows. */
  private readonly seeded: boolean;

  /**
   * Starts empty, or from an existing pool (for example one just read) whose entries keep their indexes
   * and are reused when asked for again.
   */
  constructor(initial?: ConstantPoolEntries) {
    this.seeded = initial !== undefined;
    if (initial === undefined) return;
    for (let i = 1; i < initial.length; i++) {
      const entry = initial[i];
      this.pool.push(entry);
      if (entry === undefined) continue;
      const key = keyOf(entry);
      if (!this.indexByKey.has(key)) this.indexByKey.set(key, i);
    }
  }

  /** constant_pool_count: one more than the highest index. */
  get count(): number {
    return this.pool.length;
  }

  /** The entry at an index, or undefined for 0, the slot after a Long or Double, and out-of-range indexes. */
  entry(index: number): CpEntry | undefined {
    return this.pool[index];
  }

  /** A copy of the pool in the model's layout, ready for a ClassFile. */
  entries(): ConstantPoolEntries {
    return this.pool.slice();
  }

  utf8(value: string): number {
    const known = this.utf8Memo.get(value);
    if (known !== undefined) return known;
    const length = modifiedUtf8Length(value);
    if (length > 0xffff) throw new BytecodeError(`string of ${length} bytes in modified UTF-8 exceeds the 65535 a Utf8 entry holds`);
    const index = this.add({ kind: 'Utf8', value });
    this.utf8Memo.set(value, index);
    return index;
  }

  /** An Integer entry; `value` is taken as a Java int (wrapped to 32 bits). */
  integer(value: number): number {
    return this.add({ kind: 'Integer', value: value | 0 });
  }

  /** A Float entry; `value` is rounded to float precision. */
  float(value: number): number {
    return this.add({ kind: 'Float', value: Math.fround(value) });
  }

  long(value: Long): number {
    return this.add({ kind: 'Long', value });
  }

  double(value: number): number {
    return this.add({ kind: 'Double', value });
  }

  /** A Class entry for an internal name ("java/lang/String") or an array descriptor ("[I"). */
  class(internalName: string): number {
    const known = this.classMemo.get(internalName);
    if (known !== undefined) return known;
    const index = this.add({ kind: 'Class', nameIndex: this.utf8(internalName) });
    this.classMemo.set(internalName, index);
    return index;
  }

  string(value: string): number {
    const known = this.stringMemo.get(value);
    if (known !== undefined) return known;
    const index = this.add({ kind: 'String', stringIndex: this.utf8(value) });
    this.stringMemo.set(value, index);
    return index;
  }

  nameAndType(name: string, descriptor: string): number {
    const known = recall2(this.nameAndTypeMemo, name, descriptor);
    if (known !== undefined) return known;
    const index = this.add({ kind: 'NameAndType', nameIndex: this.utf8(name), descriptorIndex: this.utf8(descriptor) });
    return remember2(this.nameAndTypeMemo, name, descriptor, index);
  }

  fieldRef(owner: string, name: string, descriptor: string): number {
    return this.memberRef('Fieldref', owner, name, descriptor);
  }

  methodRef(owner: string, name: string, descriptor: string): number {
    return this.memberRef('Methodref', owner, name, descriptor);
  }

  interfaceMethodRef(owner: string, name: string, descriptor: string): number {
    return this.memberRef('InterfaceMethodref', owner, name, descriptor);
  }

  private memberRef(kind: 'Fieldref' | 'Methodref' | 'InterfaceMethodref', owner: string, name: string, descriptor: string): number {
    const byOwner = this.refMemos[kind];
    let byName = byOwner.get(owner);
    const known = byName === undefined ? undefined : recall2(byName, name, descriptor);
    if (known !== undefined) return known;
    const index = this.add({ kind, classIndex: this.class(owner), nameAndTypeIndex: this.nameAndType(name, descriptor) });
    if (byName === undefined) {
      byName = new Map();
      byOwner.set(owner, byName);
    }
    return remember2(byName, name, descriptor, index);
  }

  /** A MethodHandle entry; `referenceIndex` is the Fieldref/Methodref/InterfaceMethodref it refers to. */
  methodHandle(referenceKind: number, referenceIndex: number): number {
    if (!Number.isInteger(referenceKind) || referenceKind < REF_getField || referenceKind > REF_invokeInterface) {
      throw new BytecodeError(`method handle reference kind ${referenceKind} is not 1..9`);
    }
    this.checkIndex(referenceIndex);
    return this.add({ kind: 'MethodHandle', referenceKind, referenceIndex });
  }

  methodType(descriptor: string): number {
    return this.add({ kind: 'MethodType', descriptorIndex: this.utf8(descriptor) });
  }

  /** An InvokeDynamic entry; `bootstrapMethodAttrIndex` indexes the class's BootstrapMethods attribute. */
  invokeDynamic(bootstrapMethodAttrIndex: number, name: string, descriptor: string): number {
    if (!Number.isInteger(bootstrapMethodAttrIndex) || bootstrapMethodAttrIndex < 0 || bootstrapMethodAttrIndex > 0xffff) {
      throw new BytecodeError(`bootstrap method index ${bootstrapMethodAttrIndex} is not a u2`);
    }
    return this.add({ kind: 'InvokeDynamic', bootstrapMethodAttrIndex, nameAndTypeIndex: this.nameAndType(name, descriptor) });
  }

  private checkIndex(index: number): void {
    if (this.pool[index] === undefined) throw new BytecodeError(`constant-pool index ${index} has no entry`);
  }

  private add(entry: CpEntry): number {
    // The memos in front of add already tell apart the entries of their kinds, unless entries came from
    // an existing pool: then only keys find those. (A key string per entry was most of add's cost.)
    const key = this.seeded || !MEMOISED[entry.kind] ? keyOf(entry) : undefined;
    if (key !== undefined) {
      const existing = this.indexByKey.get(key);
      if (existing !== undefined) return existing;
    }
    const wide = entry.kind === 'Long' || entry.kind === 'Double';
    const index = this.pool.length;
    if (index + (wide ? 2 : 1) > MAX_POOL_COUNT) {
      throw new BytecodeError(`constant pool too large: more than ${MAX_POOL_COUNT} entries (adding ${entry.kind})`);
    }
    this.pool.push(entry);
    // JVMS 4.4.5: a Long or Double takes two indexes; the second is never used.
    if (wide) this.pool.push(undefined);
    if (key !== undefined) this.indexByKey.set(key, index);
    return index;
  }
}

/** The kinds whose every entry is added through a memo keyed by what the entry holds. */
const MEMOISED: { readonly [K in CpEntry['kind']]: boolean } = {
  Utf8: true,
  Integer: false,
  Float: false,
  Long: false,
  Double: false,
  Class: true,
  String: true,
  Fieldref: true,
  Methodref: true,
  InterfaceMethodref: true,
  NameAndType: true,
  MethodHandle: false,
  MethodType: false,
  Dynamic: false,
  InvokeDynamic: false,
  Module: false,
  Package: false,
};

function keyOf(entry: CpEntry): string {
  switch (entry.kind) {
    case 'Utf8':
      return `U${entry.value}`;
    case 'Integer':
      return `I${entry.value}`;
    case 'Float':
      return `F${floatBits(entry.value)}`;
    case 'Long':
      return `J${entry.value.high}:${entry.value.low}`;
    case 'Double':
      return `D${doubleBits(entry.value)}`;
    case 'Class':
      return `C${entry.nameIndex}`;
    case 'String':
      return `S${entry.stringIndex}`;
    case 'Fieldref':
    case 'Methodref':
    case 'InterfaceMethodref':
      return `${entry.kind}${entry.classIndex}:${entry.nameAndTypeIndex}`;
    case 'NameAndType':
      return `N${entry.nameIndex}:${entry.descriptorIndex}`;
    case 'MethodHandle':
      return `H${entry.referenceKind}:${entry.referenceIndex}`;
    case 'MethodType':
      return `T${entry.descriptorIndex}`;
    case 'Dynamic':
    case 'InvokeDynamic':
      return `${entry.kind}${entry.bootstrapMethodAttrIndex}:${entry.nameAndTypeIndex}`;
    case 'Module':
    case 'Package':
      return `${entry.kind}${entry.nameIndex}`;
  }
}
