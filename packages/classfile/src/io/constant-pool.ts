// Typed access to the constant pool and to the names a class file refers to through it. Every accessor
// checks the index and the entry's kind and throws ClassFormatError otherwise, so callers (the VM's
// loader and resolver, the disassembler) never see an undefined entry or the wrong variant.
import { ClassFormatError } from '../errors.js';
import type {
  Attribute,
  AttributeKind,
  ClassFile,
  ConstantPoolEntries,
  CpEntry,
  CpKind,
  MemberInfo,
} from '../model.js';

export type CpEntryOf<K extends CpKind> = Extract<CpEntry, { kind: K }>;
export type MemberRefKind = 'Fieldref' | 'Methodref' | 'InterfaceMethodref';

export interface NameAndType {
  name: string;
  descriptor: string;
}

export interface MemberRef extends NameAndType {
  kind: MemberRefKind;
  /** Internal name of the class or interface the member is looked up in ("java/lang/String"). */
  className: string;
}

export interface MethodHandleRef {
  /** JVMS table 5.4.3.5-A: 1 getField ... 9 invokeInterface. */
  referenceKind: number;
  member: MemberRef;
}

/** A Dynamic or InvokeDynamic entry with its name and descriptor resolved. */
export interface DynamicRef extends NameAndType {
  kind: 'Dynamic' | 'InvokeDynamic';
  bootstrapMethodAttrIndex: number;
}

const MEMBER_REF_KINDS: readonly MemberRefKind[] = ['Fieldref', 'Methodref', 'InterfaceMethodref'];

/**
 * The entry at `index`, which must be one of `kinds`. `what` names the referring field for the error
 * message and `offset` is where the index was read, when known.
 */
export function cpEntryOfKinds<K extends CpKind>(
  pool: ConstantPoolEntries,
  index: number,
  kinds: readonly K[],
  what: string,
  offset?: number,
): CpEntryOf<K> {
  const entry = cpEntry(pool, index, what, offset);
  if (!(kinds as readonly CpKind[]).includes(entry.kind)) {
    throw new ClassFormatError(
      `${what} must refer to ${kindList(kinds)}, but constant pool entry #${index} is ${article(entry.kind)}`,
      offset,
    );
  }
  return entry as CpEntryOf<K>;
}

export function cpEntryOf<K extends CpKind>(
  pool: ConstantPoolEntries,
  index: number,
  kind: K,
  what: string,
  offset?: number,
): CpEntryOf<K> {
  // The valid case is the hot one (the reader checks every index it reads), so it allocates nothing.
  const entry = pool[index];
  if (entry?.kind === kind) return entry as CpEntryOf<K>;
  return cpEntryOfKinds(pool, index, [kind], what, offset);
}

/** The entry at `index`, of any kind; throws for index 0, an index past the end or an unused slot. */
export function cpEntry(pool: ConstantPoolEntries, index: number, what = 'Constant pool reference', offset?: number): CpEntry {
  const entry = Number.isInteger(index) && index > 0 ? pool[index] : undefined;
  if (entry === undefined) {
    const why =
      !Number.isInteger(index) || index <= 0 || index >= pool.length
        ? `is out of range (the pool has entries 1 to ${pool.length - 1})`
        : 'is the unused slot after a Long or Double';
    throw new ClassFormatError(`${what}: constant pool index ${index} ${why}`, offset);
  }
  return entry;
}

export function cpUtf8(pool: ConstantPoolEntries, index: number): string {
  return cpEntryOf(pool, index, 'Utf8', 'Utf8 reference').value;
}

/** The internal name of a Class entry ("java/lang/String", or "[I" for an array class). */
export function cpClassName(pool: ConstantPoolEntries, index: number): string {
  const cls = cpEntryOf(pool, index, 'Class', 'Class reference');
  return cpEntryOf(pool, cls.nameIndex, 'Utf8', `Name of Class entry #${index}`).value;
}

export function cpString(pool: ConstantPoolEntries, index: number): string {
  const s = cpEntryOf(pool, index, 'String', 'String reference');
  return cpEntryOf(pool, s.stringIndex, 'Utf8', `Value of String entry #${index}`).value;
}

export function cpNameAndType(pool: ConstantPoolEntries, index: number): NameAndType {
  const nat = cpEntryOf(pool, index, 'NameAndType', 'NameAndType reference');
  return {
    name: cpEntryOf(pool, nat.nameIndex, 'Utf8', `Name of NameAndType entry #${index}`).value,
    descriptor: cpEntryOf(pool, nat.descriptorIndex, 'Utf8', `Descriptor of NameAndType entry #${index}`).value,
  };
}

/** A Fieldref, Methodref or InterfaceMethodref with its class, name and descriptor resolved to strings. */
export function cpMemberRef(pool: ConstantPoolEntries, index: number): MemberRef {
  const ref = cpEntryOfKinds(pool, index, MEMBER_REF_KINDS, 'Member reference');
  return {
    kind: ref.kind,
    className: cpClassName(pool, ref.classIndex),
    ...cpNameAndType(pool, ref.nameAndTypeIndex),
  };
}

export function cpMethodHandle(pool: ConstantPoolEntries, index: number): MethodHandleRef {
  const mh = cpEntryOf(pool, index, 'MethodHandle', 'MethodHandle reference');
  return { referenceKind: mh.referenceKind, member: cpMemberRef(pool, mh.referenceIndex) };
}

/** The method descriptor of a MethodType entry. */
export function cpMethodType(pool: ConstantPoolEntries, index: number): string {
  const mt = cpEntryOf(pool, index, 'MethodType', 'MethodType reference');
  return cpEntryOf(pool, mt.descriptorIndex, 'Utf8', `Descriptor of MethodType entry #${index}`).value;
}

export function cpDynamic(pool: ConstantPoolEntries, index: number): DynamicRef {
  const d = cpEntryOfKinds(pool, index, ['Dynamic', 'InvokeDynamic'], 'Dynamic reference');
  return { kind: d.kind, bootstrapMethodAttrIndex: d.bootstrapMethodAttrIndex, ...cpNameAndType(pool, d.nameAndTypeIndex) };
}

/** The internal name of the class this file defines. */
export function className(cf: ClassFile): string {
  return cpClassName(cf.constantPool, cf.thisClass);
}

/** The internal name of the superclass, or undefined when super_class is 0 (java/lang/Object, module-info). */
export function superClassName(cf: ClassFile): string | undefined {
  return cf.superClass === 0 ? undefined : cpClassName(cf.constantPool, cf.superClass);
}

export function interfaceNames(cf: ClassFile): string[] {
  return cf.interfaces.map((i) => cpClassName(cf.constantPool, i));
}

export function memberName(cf: ClassFile, m: MemberInfo): string {
  return cpUtf8(cf.constantPool, m.nameIndex);
}

export function memberDescriptor(cf: ClassFile, m: MemberInfo): string {
  return cpUtf8(cf.constantPool, m.descriptorIndex);
}

/** The name an attribute is written under ("Code", "RuntimeVisibleAnnotations", ...). */
export function attributeName(cf: ClassFile, attr: Attribute): string {
  return cpUtf8(cf.constantPool, attr.nameIndex);
}

/** The first attribute of the given kind, or undefined. */
export function findAttribute<K extends AttributeKind>(
  attrs: readonly Attribute[],
  kind: K,
): Extract<Attribute, { kind: K }> | undefined {
  for (const a of attrs) {
    if (a.kind === kind) return a as Extract<Attribute, { kind: K }>;
  }
  return undefined;
}

/** The first attribute kept as raw bytes under `name` (annotations, Deprecated, Record, ...), or undefined. */
export function findRawAttribute(
  cf: ClassFile,
  attrs: readonly Attribute[],
  name: string,
): Extract<Attribute, { kind: 'Raw' }> | undefined {
  for (const a of attrs) {
    if (a.kind === 'Raw' && cf.constantPool[a.nameIndex]?.kind === 'Utf8' && attributeName(cf, a) === name) return a;
  }
  return undefined;
}

function kindList(kinds: readonly string[]): string {
  const named = kinds.map(article);
  return named.length === 1 ? named[0]! : `${named.slice(0, -1).join(', ')} or ${named[named.length - 1]}`;
}

/** Of the kind names only Integer, InterfaceMethodref and InvokeDynamic are read with a vowel sound. */
function article(kind: string): string {
  return kind.startsWith('I') ? `an ${kind}` : `a ${kind}`;
}
