// Reads constant_pool (JVMS 4.4) and then checks every reference inside it, as HotSpot's
// ClassFileParser does: entries may refer forward, so the checks run once all entries are read.
import Long from 'long';
import { ClassFormatError } from '../errors.js';
import type { ConstantPoolEntries, CpEntry } from '../model.js';
import type { ByteReader } from './byte-reader.js';
import { assertNever } from './assert-never.js';
import { type CpEntryOf, type MemberRefKind, cpEntryOf, cpEntryOfKinds } from './constant-pool.js';
import { decodeModifiedUtf8 } from './mutf8.js';
import { firstVersionWithTag } from './versions.js';

export interface ReadPool {
  pool: ConstantPoolEntries;
  /** File offset of each entry's tag byte, for error messages. */
  offsets: number[];
}

/** Reference kinds of MethodHandle entries (JVMS table 5.4.3.5-A). */
const REF_GET_FIELD = 1;
const REF_PUT_STATIC = 4;
const REF_INVOKE_VIRTUAL = 5;
const REF_INVOKE_STATIC = 6;
const REF_INVOKE_SPECIAL = 7;
const REF_NEW_INVOKE_SPECIAL = 8;
const REF_INVOKE_INTERFACE = 9;

const f32 = new DataView(new ArrayBuffer(8));

export function readConstantPool(r: ByteReader, majorVersion: number): ReadPool {
  const countOffset = r.pos;
  const count = r.u2('constant_pool_count');
  if (count === 0) throw new ClassFormatError('Illegal constant pool size 0', countOffset);
  // Every entry takes at least three bytes, so a count the file cannot hold fails here, before any work.
  r.needItems(count - 1, 3, 'constant pool entries');
  const pool: ConstantPoolEntries = new Array<CpEntry | undefined>(count).fill(undefined);
  const offsets = new Array<number>(count).fill(0);
  for (let i = 1; i < count; i++) {
    const at = r.pos;
    offsets[i] = at;
    const entry = readEntry(r, i, majorVersion);
    pool[i] = entry;
    if (entry.kind === 'Long' || entry.kind === 'Double') {
      if (i + 1 >= count) {
        throw new ClassFormatError(`${entry.kind} entry #${i} is the last pool entry but takes two slots`, at);
      }
      offsets[++i] = at;
    }
  }
  for (let i = 1; i < count; i++) checkEntry(pool, i, offsets[i]!, majorVersion);
  return { pool, offsets };
}

function readEntry(r: ByteReader, index: number, majorVersion: number): CpEntry {
  const at = r.pos;
  const tag = r.u1(`tag of constant pool entry #${index}`);
  const since = firstVersionWithTag(tag);
  if (since === undefined) throw new ClassFormatError(`Unknown constant tag ${tag} in constant pool entry #${index}`, at);
  if (majorVersion < since) {
    throw new ClassFormatError(
      `Class file version ${majorVersion} does not support constant tag ${tag} (needs ${since} or later) in entry #${index}`,
      at,
    );
  }
  const what = `constant pool entry #${index}`;
  switch (tag) {
    case 1: {
      const length = r.u2(`length of Utf8 ${what}`);
      r.need(length, `Utf8 ${what}`);
      const start = r.pos;
      r.pos += length;
      return { kind: 'Utf8', value: decodeModifiedUtf8(r.bytes, start, start + length) };
    }
    case 3:
      return { kind: 'Integer', value: r.s4(`Integer ${what}`) };
    case 4: {
      const bits = r.s4(`Float ${what}`);
      f32.setInt32(0, bits);
      const value = f32.getFloat32(0);
      return Number.isNaN(value) ? { kind: 'Float', value, nanBits: bits } : { kind: 'Float', value };
    }
    case 5: {
      const high = r.s4(`Long ${what}`);
      return { kind: 'Long', value: Long.fromBits(r.s4(`Long ${what}`), high) };
    }
    case 6: {
      const high = r.s4(`Double ${what}`);
      const low = r.s4(`Double ${what}`);
      f32.setInt32(0, high);
      f32.setInt32(4, low);
      const value = f32.getFloat64(0);
      return Number.isNaN(value) ? { kind: 'Double', value, nanBits: Long.fromBits(low, high) } : { kind: 'Double', value };
    }
    case 7:
      return { kind: 'Class', nameIndex: r.u2(`Class ${what}`) };
    case 8:
      return { kind: 'String', stringIndex: r.u2(`String ${what}`) };
    case 9:
    case 10:
    case 11: {
      const kind = tag === 9 ? 'Fieldref' : tag === 10 ? 'Methodref' : 'InterfaceMethodref';
      const classIndex = r.u2(`${kind} ${what}`);
      return { kind, classIndex, nameAndTypeIndex: r.u2(`${kind} ${what}`) };
    }
    case 12: {
      const nameIndex = r.u2(`NameAndType ${what}`);
      return { kind: 'NameAndType', nameIndex, descriptorIndex: r.u2(`NameAndType ${what}`) };
    }
    case 15: {
      const referenceKind = r.u1(`MethodHandle ${what}`);
      return { kind: 'MethodHandle', referenceKind, referenceIndex: r.u2(`MethodHandle ${what}`) };
    }
    case 16:
      return { kind: 'MethodType', descriptorIndex: r.u2(`MethodType ${what}`) };
    case 17:
    case 18: {
      const kind = tag === 17 ? 'Dynamic' : 'InvokeDynamic';
      const bootstrapMethodAttrIndex = r.u2(`${kind} ${what}`);
      return { kind, bootstrapMethodAttrIndex, nameAndTypeIndex: r.u2(`${kind} ${what}`) };
    }
    case 19:
      return { kind: 'Module', nameIndex: r.u2(`Module ${what}`) };
    case 20:
      return { kind: 'Package', nameIndex: r.u2(`Package ${what}`) };
    default:
      throw new ClassFormatError(`Unknown constant tag ${tag} in constant pool entry #${index}`, at);
  }
}

function checkEntry(pool: ConstantPoolEntries, i: number, at: number, majorVersion: number): void {
  const entry = pool[i];
  if (entry === undefined) return;
  const what = (field: string): string => `${field} of ${entry.kind} entry #${i}`;
  switch (entry.kind) {
    case 'Utf8':
    case 'Integer':
    case 'Float':
    case 'Long':
    case 'Double':
      return;
    case 'Class':
    case 'Module':
    case 'Package':
      cpEntryOf(pool, entry.nameIndex, 'Utf8', what('name_index'), at);
      return;
    case 'String':
      cpEntryOf(pool, entry.stringIndex, 'Utf8', what('string_index'), at);
      return;
    case 'Fieldref':
    case 'Methodref':
    case 'InterfaceMethodref':
      cpEntryOf(pool, entry.classIndex, 'Class', what('class_index'), at);
      cpEntryOf(pool, entry.nameAndTypeIndex, 'NameAndType', what('name_and_type_index'), at);
      return;
    case 'NameAndType':
      cpEntryOf(pool, entry.nameIndex, 'Utf8', what('name_index'), at);
      cpEntryOf(pool, entry.descriptorIndex, 'Utf8', what('descriptor_index'), at);
      return;
    case 'MethodHandle':
      checkMethodHandle(pool, i, entry.referenceKind, entry.referenceIndex, at, majorVersion);
      return;
    case 'MethodType':
      cpEntryOf(pool, entry.descriptorIndex, 'Utf8', what('descriptor_index'), at);
      return;
    case 'Dynamic':
    case 'InvokeDynamic':
      cpEntryOf(pool, entry.nameAndTypeIndex, 'NameAndType', what('name_and_type_index'), at);
      return;
    default:
      assertNever(entry);
  }
}

function checkMethodHandle(
  pool: ConstantPoolEntries,
  i: number,
  refKind: number,
  refIndex: number,
  at: number,
  majorVersion: number,
): void {
  const what = `reference_index of MethodHandle entry #${i} (reference kind ${refKind})`;
  let ref: CpEntryOf<MemberRefKind>;
  if (refKind >= REF_GET_FIELD && refKind <= REF_PUT_STATIC) {
    ref = cpEntryOf(pool, refIndex, 'Fieldref', what, at);
  } else if (refKind === REF_INVOKE_VIRTUAL || refKind === REF_NEW_INVOKE_SPECIAL) {
    ref = cpEntryOf(pool, refIndex, 'Methodref', what, at);
  } else if (refKind === REF_INVOKE_STATIC || refKind === REF_INVOKE_SPECIAL) {
    // Interface static and private methods (Java 8) made these legal on interfaces from version 52.
    ref =
      majorVersion >= 52
        ? cpEntryOfKinds(pool, refIndex, ['Methodref', 'InterfaceMethodref'], what, at)
        : cpEntryOf(pool, refIndex, 'Methodref', what, at);
  } else if (refKind === REF_INVOKE_INTERFACE) {
    ref = cpEntryOf(pool, refIndex, 'InterfaceMethodref', what, at);
  } else {
    throw new ClassFormatError(`Bad method handle kind ${refKind} in MethodHandle entry #${i}`, at);
  }
  if (refKind < REF_INVOKE_VIRTUAL) return;
  // The name checks HotSpot makes: only newInvokeSpecial may (and must) name a constructor.
  const nat = cpEntryOf(pool, ref.nameAndTypeIndex, 'NameAndType', `name_and_type_index of entry #${refIndex}`, at);
  const name = cpEntryOf(pool, nat.nameIndex, 'Utf8', `name_index of NameAndType entry #${ref.nameAndTypeIndex}`, at).value;
  if (refKind === REF_NEW_INVOKE_SPECIAL ? name !== '<init>' : name === '<init>' || name === '<clinit>') {
    throw new ClassFormatError(`Bad method name ${name} for reference kind ${refKind} in MethodHandle entry #${i}`, at);
  }
}
