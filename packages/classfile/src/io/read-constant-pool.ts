// Reads constant_pool (JVMS 4.4) and then checks every reference inside it, as HotSpot's
// ClassFileParser does: entries may refer forward, so the checks run once all entries are read.
import Long from 'long';
import { ClassFormatError } from '../errors.js';
import type { ConstantPoolEntries, CpEntry, CpKind } from '../model.js';
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

// The `what` strings are constants: building a message per entry would cost more than reading it.
function readEntry(r: ByteReader, index: number, majorVersion: number): CpEntry {
  const at = r.pos;
  const tag = r.u1('constant pool tag');
  const since = firstVersionWithTag(tag);
  if (since === undefined) throw new ClassFormatError(`Unknown constant tag ${tag} in constant pool entry #${index}`, at);
  if (majorVersion < since) {
    throw new ClassFormatError(
      `Class file version ${majorVersion} does not support constant tag ${tag} (needs ${since} or later) in entry #${index}`,
      at,
    );
  }
  switch (tag) {
    case 1: {
      const length = r.u2('Utf8 constant length');
      r.need(length, 'Utf8 constant');
      const start = r.pos;
      r.pos += length;
      return { kind: 'Utf8', value: decodeModifiedUtf8(r.bytes, start, start + length) };
    }
    case 3:
      return { kind: 'Integer', value: r.s4('Integer constant') };
    case 4: {
      const bits = r.s4('Float constant');
      f32.setInt32(0, bits);
      const value = f32.getFloat32(0);
      return Number.isNaN(value) ? { kind: 'Float', value, nanBits: bits } : { kind: 'Float', value };
    }
    case 5: {
      r.need(8, 'Long constant');
      const high = r.s4('Long constant');
      return { kind: 'Long', value: Long.fromBits(r.s4('Long constant'), high) };
    }
    case 6: {
      r.need(8, 'Double constant');
      const high = r.s4('Double constant');
      const low = r.s4('Double constant');
      f32.setInt32(0, high);
      f32.setInt32(4, low);
      const value = f32.getFloat64(0);
      return Number.isNaN(value) ? { kind: 'Double', value, nanBits: Long.fromBits(low, high) } : { kind: 'Double', value };
    }
    case 7:
      return { kind: 'Class', nameIndex: r.u2('Class constant') };
    case 8:
      return { kind: 'String', stringIndex: r.u2('String constant') };
    case 9:
    case 10:
    case 11: {
      const kind = tag === 9 ? 'Fieldref' : tag === 10 ? 'Methodref' : 'InterfaceMethodref';
      r.need(4, 'member reference constant');
      const classIndex = r.u2('member reference constant');
      return { kind, classIndex, nameAndTypeIndex: r.u2('member reference constant') };
    }
    case 12: {
      r.need(4, 'NameAndType constant');
      const nameIndex = r.u2('NameAndType constant');
      return { kind: 'NameAndType', nameIndex, descriptorIndex: r.u2('NameAndType constant') };
    }
    case 15: {
      r.need(3, 'MethodHandle constant');
      const referenceKind = r.u1('MethodHandle constant');
      return { kind: 'MethodHandle', referenceKind, referenceIndex: r.u2('MethodHandle constant') };
    }
    case 16:
      return { kind: 'MethodType', descriptorIndex: r.u2('MethodType constant') };
    case 17:
    case 18: {
      const kind = tag === 17 ? 'Dynamic' : 'InvokeDynamic';
      r.need(4, 'dynamic constant');
      const bootstrapMethodAttrIndex = r.u2('dynamic constant');
      return { kind, bootstrapMethodAttrIndex, nameAndTypeIndex: r.u2('dynamic constant') };
    }
    case 19:
      return { kind: 'Module', nameIndex: r.u2('Module constant') };
    case 20:
      return { kind: 'Package', nameIndex: r.u2('Package constant') };
    default:
      throw new ClassFormatError(`Unknown constant tag ${tag} in constant pool entry #${index}`, at);
  }
}

/**
 * Checks that `pool[index]` is a `kind`. The common, valid case costs one comparison; the message is
 * built only when the check fails.
 */
function ref(pool: ConstantPoolEntries, index: number, kind: CpKind, entry: number, field: string, at: number): void {
  if (index === 0 || pool[index]?.kind !== kind) cpEntryOf(pool, index, kind, `${field} of ${pool[entry]?.kind} entry #${entry}`, at);
}

function checkEntry(pool: ConstantPoolEntries, i: number, at: number, majorVersion: number): void {
  const entry = pool[i];
  if (entry === undefined) return;
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
      ref(pool, entry.nameIndex, 'Utf8', i, 'name_index', at);
      return;
    case 'String':
      ref(pool, entry.stringIndex, 'Utf8', i, 'string_index', at);
      return;
    case 'Fieldref':
    case 'Methodref':
    case 'InterfaceMethodref':
      ref(pool, entry.classIndex, 'Class', i, 'class_index', at);
      ref(pool, entry.nameAndTypeIndex, 'NameAndType', i, 'name_and_type_index', at);
      return;
    case 'NameAndType':
      ref(pool, entry.nameIndex, 'Utf8', i, 'name_index', at);
      ref(pool, entry.descriptorIndex, 'Utf8', i, 'descriptor_index', at);
      return;
    case 'MethodHandle':
      checkMethodHandle(pool, i, entry.referenceKind, entry.referenceIndex, at, majorVersion);
      return;
    case 'MethodType':
      ref(pool, entry.descriptorIndex, 'Utf8', i, 'descriptor_index', at);
      return;
    case 'Dynamic':
    case 'InvokeDynamic':
      ref(pool, entry.nameAndTypeIndex, 'NameAndType', i, 'name_and_type_index', at);
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
