// Writes the model back to class-file bytes (JVMS 4.1). The writer emits exactly what the model says, so a
// model read from a file gives back that file byte for byte. It checks only what it must to produce a
// well-formed file (field ranges, pool slot layout, stack-map frame encodings) and reports violations as
// ClassFormatError; whether the indexes make sense is the reader's and verifier's business.
import Long from 'long';
import { ClassFormatError } from '../errors.js';
import { type Attribute, CP_TAG, type ClassFile, type ConstantPoolEntries, type CpEntry, type MemberInfo } from '../model.js';
import { assertNever } from './assert-never.js';
import { ByteWriter } from './byte-writer.js';
import { writeStackMapFrames } from './write-stack-map.js';

const MAGIC = 0xcafebabe;

export function writeClassFile(cf: ClassFile): Uint8Array {
  const w = new ByteWriter(estimateSize(cf));
  w.u4(MAGIC, 'magic');
  w.u2(cf.minorVersion, 'minor_version');
  w.u2(cf.majorVersion, 'major_version');
  writeConstantPool(w, cf.constantPool);
  w.u2(cf.accessFlags, 'access_flags');
  w.u2(cf.thisClass, 'this_class');
  w.u2(cf.superClass, 'super_class');
  w.u2(cf.interfaces.length, 'interfaces_count');
  for (const i of cf.interfaces) w.u2(i, 'interface index');
  writeMembers(w, cf.fields, 'field');
  writeMembers(w, cf.methods, 'method');
  writeAttributes(w, cf.attributes);
  return w.result();
}

function writeConstantPool(w: ByteWriter, pool: ConstantPoolEntries): void {
  w.u2(pool.length, 'constant_pool_count');
  if (pool.length === 0) throw new ClassFormatError('Cannot write a constant pool without its unused slot 0');
  for (let i = 1; i < pool.length; i++) {
    const entry = pool[i];
    if (entry === undefined) throw new ClassFormatError(`Cannot write constant pool: slot ${i} is empty but does not follow a Long or Double`);
    try {
      writeEntry(w, entry);
    } catch (error) {
      if (error instanceof ClassFormatError) throw new ClassFormatError(`${error.detail} (constant pool entry #${i})`);
      throw error;
    }
    if (entry.kind === 'Long' || entry.kind === 'Double') {
      if (i + 1 >= pool.length || pool[i + 1] !== undefined) {
        throw new ClassFormatError(`Cannot write constant pool: ${entry.kind} entry #${i} must be followed by an unused slot`);
      }
      i++;
    }
  }
}

function writeEntry(w: ByteWriter, e: CpEntry): void {
  // Messages name the pool slot; they are built here only when a check has already failed.
  const what = e.kind;
  w.u1(CP_TAG[e.kind], what);
  switch (e.kind) {
    case 'Utf8':
      w.utf8(e.value, what);
      return;
    case 'Integer':
      w.s4(e.value, what);
      return;
    case 'Float':
      if (Number.isNaN(e.value) && e.nanBits !== undefined && isFloatNaNBits(e.nanBits)) w.s4(e.nanBits, what);
      else w.f4(e.value);
      return;
    case 'Long':
      writeLong(w, e.value, what);
      return;
    case 'Double':
      if (Number.isNaN(e.value) && e.nanBits !== undefined && isDoubleNaNBits(e.nanBits)) writeLong(w, e.nanBits, what);
      else w.f8(e.value);
      return;
    case 'Class':
    case 'Module':
    case 'Package':
      w.u2(e.nameIndex, what);
      return;
    case 'String':
      w.u2(e.stringIndex, what);
      return;
    case 'Fieldref':
    case 'Methodref':
    case 'InterfaceMethodref':
      w.u2(e.classIndex, what);
      w.u2(e.nameAndTypeIndex, what);
      return;
    case 'NameAndType':
      w.u2(e.nameIndex, what);
      w.u2(e.descriptorIndex, what);
      return;
    case 'MethodHandle':
      w.u1(e.referenceKind, what);
      w.u2(e.referenceIndex, what);
      return;
    case 'MethodType':
      w.u2(e.descriptorIndex, what);
      return;
    case 'Dynamic':
    case 'InvokeDynamic':
      w.u2(e.bootstrapMethodAttrIndex, what);
      w.u2(e.nameAndTypeIndex, what);
      return;
    default:
      assertNever(e);
  }
}

function writeLong(w: ByteWriter, v: Long, what: string): void {
  if (!Long.isLong(v)) throw new ClassFormatError(`Cannot write ${what}: the value is not a Long`);
  w.s4(v.high, what);
  w.s4(v.low, what);
}

function isFloatNaNBits(bits: number): boolean {
  return (bits & 0x7f800000) === 0x7f800000 && (bits & 0x007fffff) !== 0;
}

function isDoubleNaNBits(bits: Long): boolean {
  return Long.isLong(bits) && (bits.high & 0x7ff00000) === 0x7ff00000 && ((bits.high & 0x000fffff) !== 0 || bits.low !== 0);
}

function writeMembers(w: ByteWriter, members: readonly MemberInfo[], owner: 'field' | 'method'): void {
  w.u2(members.length, owner === 'field' ? 'fields_count' : 'methods_count');
  for (let mi = 0; mi < members.length; mi++) {
    const m = members[mi];
    w.u2(m.accessFlags, owner === 'field' ? 'access_flags of field' : 'access_flags of method');
    w.u2(m.nameIndex, owner === 'field' ? 'name_index of field' : 'name_index of method');
    w.u2(m.descriptorIndex, owner === 'field' ? 'descriptor_index of field' : 'descriptor_index of method');
    writeAttributes(w, m.attributes);
  }
}

// The loops over members, attributes and table entries are index loops: before V8 optimises them, a
// for-of allocates an iterator result per element, and a compiler writes these for every method.
export function writeAttributes(w: ByteWriter, attributes: readonly Attribute[]): void {
  w.u2(attributes.length, 'attributes_count');
  for (let ai = 0; ai < attributes.length; ai++) {
    const a = attributes[ai];
    w.u2(a.nameIndex, 'attribute_name_index');
    const lengthAt = w.pos;
    w.u4(0, 'attribute_length');
    writeAttributeBody(w, a);
    w.patchU4(lengthAt, w.pos - lengthAt - 4, 'attribute_length');
  }
}

function writeAttributeBody(w: ByteWriter, a: Attribute): void {
  switch (a.kind) {
    case 'Code': {
      w.u2(a.maxStack, 'max_stack');
      w.u2(a.maxLocals, 'max_locals');
      w.u4(a.code.length, 'code_length');
      w.bytes(a.code);
      w.u2(a.exceptionTable.length, 'exception_table_length');
      for (let ei = 0; ei < a.exceptionTable.length; ei++) {
        const e = a.exceptionTable[ei];
        w.u2(e.startPc, 'start_pc');
        w.u2(e.endPc, 'end_pc');
        w.u2(e.handlerPc, 'handler_pc');
        w.u2(e.catchType, 'catch_type');
      }
      writeAttributes(w, a.attributes);
      return;
    }
    case 'ConstantValue':
      w.u2(a.valueIndex, 'constantvalue_index');
      return;
    case 'Exceptions':
      writeU2List(w, a.exceptionIndexes, 'exception index');
      return;
    case 'LineNumberTable':
      w.u2(a.entries.length, 'line_number_table_length');
      for (let ei = 0; ei < a.entries.length; ei++) {
        const e = a.entries[ei];
        w.u2(e.startPc, 'start_pc');
        w.u2(e.lineNumber, 'line_number');
      }
      return;
    case 'LocalVariableTable':
      w.u2(a.entries.length, 'local_variable_table_length');
      for (let ei = 0; ei < a.entries.length; ei++) {
        const e = a.entries[ei];
        writeLocal(w, e.startPc, e.length, e.nameIndex, e.descriptorIndex, e.index);
      }
      return;
    case 'LocalVariableTypeTable':
      w.u2(a.entries.length, 'local_variable_type_table_length');
      for (const e of a.entries) writeLocal(w, e.startPc, e.length, e.nameIndex, e.signatureIndex, e.index);
      return;
    case 'SourceFile':
      w.u2(a.sourceFileIndex, 'sourcefile_index');
      return;
    case 'InnerClasses':
      w.u2(a.classes.length, 'number_of_classes');
      for (const c of a.classes) {
        w.u2(c.innerClassInfoIndex, 'inner_class_info_index');
        w.u2(c.outerClassInfoIndex, 'outer_class_info_index');
        w.u2(c.innerNameIndex, 'inner_name_index');
        w.u2(c.innerClassAccessFlags, 'inner_class_access_flags');
      }
      return;
    case 'EnclosingMethod':
      w.u2(a.classIndex, 'class_index');
      w.u2(a.methodIndex, 'method_index');
      return;
    case 'Signature':
      w.u2(a.signatureIndex, 'signature_index');
      return;
    case 'StackMapTable':
      writeStackMapFrames(w, a.frames);
      return;
    case 'BootstrapMethods':
      w.u2(a.methods.length, 'num_bootstrap_methods');
      for (const m of a.methods) {
        w.u2(m.methodRef, 'bootstrap_method_ref');
        writeU2List(w, m.arguments, 'bootstrap argument');
      }
      return;
    case 'NestHost':
      w.u2(a.hostClassIndex, 'host_class_index');
      return;
    case 'NestMembers':
      writeU2List(w, a.classes, 'nest member');
      return;
    case 'Raw':
      w.bytes(a.info);
      return;
    default:
      assertNever(a);
  }
}

function writeU2List(w: ByteWriter, items: readonly number[], what: string): void {
  w.u2(items.length, what);
  for (const i of items) w.u2(i, what);
}

function writeLocal(w: ByteWriter, startPc: number, length: number, nameIndex: number, typeIndex: number, index: number): void {
  w.u2(startPc, 'start_pc');
  w.u2(length, 'length');
  w.u2(nameIndex, 'name_index');
  w.u2(typeIndex, 'descriptor_index');
  w.u2(index, 'index');
}

/** A first buffer size that usually fits, so most writes never grow the buffer. */
function estimateSize(cf: ClassFile): number {
  let size = 1024 + cf.constantPool.length * 16;
  for (let mi = 0; mi < cf.methods.length; mi++) {
    const m = cf.methods[mi];
    for (let ai = 0; ai < m.attributes.length; ai++) {
      const a = m.attributes[ai];
      if (a.kind === 'Code') size += a.code.length * 2 + 64;
    }
  }
  return size;
}
