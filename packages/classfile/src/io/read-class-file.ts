// Parses a class file (JVMS 4.1) into the model, checking what HotSpot's ClassFileParser checks about the
// file's structure: magic, version, constant-pool indexes and kinds, attribute lengths, trailing bytes.
// Checks that need more than the file (access-flag combinations, descriptor grammar, Code presence
// against ACC_ABSTRACT/ACC_NATIVE) are left to the VM's loader and verifier.
import { ClassFormatError } from '../errors.js';
import { ACC_STATIC } from '../access-flags.js';
import type { ClassFile, ConstantPoolEntries, CpKind, MemberInfo } from '../model.js';
import { ByteReader } from './byte-reader.js';
import { cpEntryOf, findAttribute } from './constant-pool.js';
import { type FileContext, readAttributes } from './read-attributes.js';
import { readConstantPool } from './read-constant-pool.js';
import { checkVersion } from './versions.js';

const MAGIC = 0xcafebabe;

/**
 * Reads a class file. Throws ClassFormatError (or its subclass UnsupportedClassVersionError) for any
 * malformed input, and no other exception.
 */
export function readClassFile(bytes: Uint8Array): ClassFile {
  let r: ByteReader | undefined;
  try {
    r = new ByteReader(bytes);
    return parse(r);
  } catch (e) {
    if (e instanceof ClassFormatError) throw e;
    // A fault in this reader (or input that is not a byte array at all) must still reach callers as the
    // one documented error type; the fuzz tests fail on any error carrying this prefix, so a reader bug
    // is found rather than hidden.
    const fault = new ClassFormatError(`Malformed class file (reader fault: ${String(e)})`, r?.pos);
    fault.cause = e;
    throw fault;
  }
}

function parse(r: ByteReader): ClassFile {
  const magic = r.u4('magic');
  if (magic !== MAGIC) {
    throw new ClassFormatError(`Incompatible magic value 0x${magic.toString(16).padStart(8, '0')} (expected 0xcafebabe)`, 0);
  }
  const minorVersion = r.u2('minor_version');
  const majorVersion = r.u2('major_version');
  checkVersion(majorVersion, minorVersion, 4);
  const { pool, offsets } = readConstantPool(r, majorVersion);
  const accessFlags = r.u2('access_flags');
  const thisAt = r.pos;
  const thisClass = r.u2('this_class');
  cpEntryOf(pool, thisClass, 'Class', 'this_class', thisAt);
  const superAt = r.pos;
  const superClass = r.u2('super_class');
  if (superClass !== 0) cpEntryOf(pool, superClass, 'Class', 'super_class', superAt);
  const interfaceCount = r.u2('interfaces_count');
  r.needItems(interfaceCount, 2, 'interfaces');
  const interfaces: number[] = [];
  for (let i = 0; i < interfaceCount; i++) {
    const at = r.pos;
    const index = r.u2('interface index');
    cpEntryOf(pool, index, 'Class', `interfaces[${i}]`, at);
    interfaces.push(index);
  }
  const fields = readMembers(r, { pool, majorVersion }, 'field');
  const methods = readMembers(r, { pool, majorVersion }, 'method');
  const attributes = readAttributes(r, 'class', { pool, majorVersion });
  if (r.pos !== r.bytes.length) {
    throw new ClassFormatError(`Extra bytes at the end of class file (${r.bytes.length - r.pos} after the last attribute)`, r.pos);
  }
  const cf: ClassFile = {
    minorVersion,
    majorVersion,
    constantPool: pool,
    accessFlags,
    thisClass,
    superClass,
    interfaces,
    fields,
    methods,
    attributes,
  };
  checkBootstrapReferences(cf, offsets);
  return cf;
}

function readMembers(r: ByteReader, file: FileContext, owner: 'field' | 'method'): MemberInfo[] {
  const { pool } = file;
  const count = r.u2(owner === 'field' ? 'fields_count' : 'methods_count');
  // access_flags, name_index, descriptor_index and attributes_count: eight bytes per member at least.
  r.needItems(count, 8, `${owner}s`);
  const members: MemberInfo[] = [];
  const seen = new Set<string>();
  for (let i = 0; i < count; i++) {
    const memberAt = r.pos;
    const accessFlags = r.u2('access_flags');
    const nameAt = r.pos;
    const nameIndex = r.u2('name_index');
    if (pool[nameIndex]?.kind !== 'Utf8') cpEntryOf(pool, nameIndex, 'Utf8', `name_index of ${owner} ${i}`, nameAt);
    const descriptorAt = r.pos;
    const descriptorIndex = r.u2('descriptor_index');
    if (pool[descriptorIndex]?.kind !== 'Utf8') {
      cpEntryOf(pool, descriptorIndex, 'Utf8', `descriptor_index of ${owner} ${i}`, descriptorAt);
    }
    const member: MemberInfo = { accessFlags, nameIndex, descriptorIndex, attributes: readAttributes(r, owner, file) };
    // Name and descriptor are Utf8 entries (checked above), and equal strings may sit in different entries.
    const name = (pool[nameIndex] as { value: string }).value;
    const descriptor = (pool[descriptorIndex] as { value: string }).value;
    const key = `${name}:${descriptor}`;
    if (seen.has(key)) throw new ClassFormatError(`Duplicate ${owner} name "${name}" with signature "${descriptor}"`, memberAt);
    seen.add(key);
    if (owner === 'field' && (accessFlags & ACC_STATIC) !== 0) checkConstantValueType(pool, member, descriptor, memberAt);
    members.push(member);
  }
  return members;
}

/** The pool kind a static field's ConstantValue must have, by the field's descriptor (JVMS 4.7.2). */
const CONSTANT_KIND_FOR_DESCRIPTOR: ReadonlyMap<string, CpKind> = new Map<string, CpKind>([
  ['J', 'Long'],
  ['F', 'Float'],
  ['D', 'Double'],
  ['I', 'Integer'],
  ['S', 'Integer'],
  ['C', 'Integer'],
  ['B', 'Integer'],
  ['Z', 'Integer'],
  ['Ljava/lang/String;', 'String'],
]);

/** HotSpot checks this for static fields only; it ignores ConstantValue on instance fields. */
function checkConstantValueType(pool: ConstantPoolEntries, field: MemberInfo, descriptor: string, at: number): void {
  const cv = findAttribute(field.attributes, 'ConstantValue');
  if (cv === undefined) return;
  const actual = pool[cv.valueIndex]?.kind;
  const expected = CONSTANT_KIND_FOR_DESCRIPTOR.get(descriptor);
  if (actual !== expected) {
    throw new ClassFormatError(
      `Inconsistent constant value type: a ${actual} ConstantValue for a static field of type ${descriptor}`,
      at,
    );
  }
}

/** Dynamic and InvokeDynamic entries index the BootstrapMethods attribute, which must exist and be long enough. */
function checkBootstrapReferences(cf: ClassFile, offsets: readonly number[]): void {
  const bootstrap = findAttribute(cf.attributes, 'BootstrapMethods');
  const available = bootstrap?.methods.length ?? 0;
  cf.constantPool.forEach((entry, i) => {
    if (entry === undefined || (entry.kind !== 'Dynamic' && entry.kind !== 'InvokeDynamic')) return;
    if (bootstrap === undefined) {
      throw new ClassFormatError(`Missing BootstrapMethods attribute for ${entry.kind} entry #${i}`, offsets[i]);
    }
    if (entry.bootstrapMethodAttrIndex >= available) {
      throw new ClassFormatError(
        `${entry.kind} entry #${i} names bootstrap method ${entry.bootstrapMethodAttrIndex}, but there are only ${available}`,
        offsets[i],
      );
    }
  });
}
