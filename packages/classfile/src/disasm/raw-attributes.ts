// Decoders for the attributes the class-file model keeps as raw bytes but javap prints in structured
// form: annotations of every kind, AnnotationDefault, MethodParameters, Record, PermittedSubclasses, the
// module attributes and SourceDebugExtension. Each throws ClassFormatError (with the offset inside the
// attribute) when the bytes do not match the structure, and the caller then dumps the attribute as
// javap does for one it cannot read.
import { ClassFormatError } from '../errors.js';
import { ByteReader } from '../io/byte-reader.js';
import { readStackMapFrames } from '../io/read-stack-map.js';
import type { Attribute, ConstantPoolEntries } from '../model.js';

export type ElementValue =
  | { tag: 'B' | 'C' | 'D' | 'F' | 'I' | 'J' | 'S' | 'Z' | 's'; constIndex: number }
  | { tag: 'e'; typeNameIndex: number; constNameIndex: number }
  | { tag: 'c'; classInfoIndex: number }
  | { tag: '@'; annotation: Annotation }
  | { tag: '['; values: ElementValue[] };

export interface Annotation {
  typeIndex: number;
  pairs: { nameIndex: number; value: ElementValue }[];
}

export interface TypePathEntry {
  kind: number;
  argumentIndex: number;
}

export interface TypeAnnotation {
  targetType: number;
  /** The target_info fields that the target type has, by javap's names. */
  target: TypeAnnotationTarget;
  path: TypePathEntry[];
  annotation: Annotation;
}

export type TypeAnnotationTarget =
  | { kind: 'typeParameter'; index: number }
  | { kind: 'supertype'; index: number }
  | { kind: 'typeParameterBound'; index: number; boundIndex: number }
  | { kind: 'empty' }
  | { kind: 'formalParameter'; index: number }
  | { kind: 'throws'; index: number }
  | { kind: 'localVar'; table: { startPc: number; length: number; index: number }[] }
  | { kind: 'catch'; exceptionTableIndex: number }
  | { kind: 'offset'; offset: number }
  | { kind: 'typeArgument'; offset: number; argumentIndex: number };

export interface RawAttributeInfo {
  nameIndex: number;
  info: Uint8Array;
}

export interface RecordComponent {
  nameIndex: number;
  descriptorIndex: number;
  attributes: RawAttributeInfo[];
}

/** Module and requires flags (JVMS 4.7.25), which reuse bits the other flag sets give other meanings. */
export const ACC_OPEN = 0x0020;
export const ACC_TRANSITIVE = 0x0020;
export const ACC_STATIC_PHASE = 0x0040;

export interface ModuleAttribute {
  nameIndex: number;
  flags: number;
  versionIndex: number;
  requires: { index: number; flags: number; versionIndex: number }[];
  exports: { index: number; flags: number; to: number[] }[];
  opens: { index: number; flags: number; to: number[] }[];
  uses: number[];
  provides: { index: number; with: number[] }[];
}

/** A reader over one attribute's bytes; offsets in its errors are relative to the attribute's info. */
function reader(info: Uint8Array, name: string): ByteReader {
  const r = new ByteReader(info);
  r.scope = name;
  return r;
}

/** Runs `decode` and checks that it consumed the attribute exactly. */
function whole<T>(info: Uint8Array, name: string, decode: (r: ByteReader) => T): T {
  const r = reader(info, name);
  const value = decode(r);
  if (r.pos !== info.length) {
    throw new ClassFormatError(`${name} attribute has ${info.length - r.pos} bytes after its content`, r.pos);
  }
  return value;
}

function list<T>(r: ByteReader, count: number, minSize: number, what: string, item: () => T): T[] {
  r.needItems(count, minSize, what);
  const out: T[] = [];
  for (let i = 0; i < count; i++) out.push(item());
  return out;
}

function u2List(r: ByteReader, what: string): number[] {
  return list(r, r.u2(`${what} count`), 2, what, () => r.u2(what));
}

function readElementValue(r: ByteReader, depth: number): ElementValue {
  // Nesting is bounded by the attribute's length, but a cap keeps recursion far from the JS stack limit.
  if (depth > 256) throw new ClassFormatError('annotation element values nested more than 256 deep', r.pos);
  const tag = String.fromCharCode(r.u1('element_value tag'));
  switch (tag) {
    case 'B':
    case 'C':
    case 'D':
    case 'F':
    case 'I':
    case 'J':
    case 'S':
    case 'Z':
    case 's':
      return { tag, constIndex: r.u2('const_value_index') };
    case 'e':
      return { tag, typeNameIndex: r.u2('type_name_index'), constNameIndex: r.u2('const_name_index') };
    case 'c':
      return { tag, classInfoIndex: r.u2('class_info_index') };
    case '@':
      return { tag, annotation: readAnnotation(r, depth + 1) };
    case '[':
      return { tag, values: list(r, r.u2('num_values'), 3, 'element values', () => readElementValue(r, depth + 1)) };
    default:
      throw new ClassFormatError(`unknown element_value tag '${tag}'`, r.pos - 1);
  }
}

function readAnnotation(r: ByteReader, depth = 0): Annotation {
  const typeIndex = r.u2('type_index');
  const pairs = list(r, r.u2('num_element_value_pairs'), 5, 'element-value pairs', () => ({
    nameIndex: r.u2('element_name_index'),
    value: readElementValue(r, depth),
  }));
  return { typeIndex, pairs };
}

export function decodeAnnotations(info: Uint8Array, name: string): Annotation[] {
  return whole(info, name, (r) => list(r, r.u2('num_annotations'), 4, 'annotations', () => readAnnotation(r)));
}

export function decodeParameterAnnotations(info: Uint8Array, name: string): Annotation[][] {
  return whole(info, name, (r) =>
    list(r, r.u1('num_parameters'), 2, 'parameters', () => list(r, r.u2('num_annotations'), 4, 'annotations', () => readAnnotation(r))),
  );
}

export function decodeAnnotationDefault(info: Uint8Array): ElementValue {
  return whole(info, 'AnnotationDefault', (r) => readElementValue(r, 0));
}

function readTarget(r: ByteReader, targetType: number): TypeAnnotationTarget {
  switch (targetType) {
    case 0x00:
    case 0x01:
      return { kind: 'typeParameter', index: r.u1('type_parameter_index') };
    case 0x10:
      return { kind: 'supertype', index: r.u2('supertype_index') };
    case 0x11:
    case 0x12:
      return { kind: 'typeParameterBound', index: r.u1('type_parameter_index'), boundIndex: r.u1('bound_index') };
    case 0x13:
    case 0x14:
    case 0x15:
      return { kind: 'empty' };
    case 0x16:
      return { kind: 'formalParameter', index: r.u1('formal_parameter_index') };
    case 0x17:
      return { kind: 'throws', index: r.u2('throws_type_index') };
    case 0x40:
    case 0x41:
      return {
        kind: 'localVar',
        table: list(r, r.u2('table_length'), 6, 'local variable ranges', () => ({
          startPc: r.u2('start_pc'),
          length: r.u2('length'),
          index: r.u2('index'),
        })),
      };
    case 0x42:
      return { kind: 'catch', exceptionTableIndex: r.u2('exception_table_index') };
    case 0x43:
    case 0x44:
    case 0x45:
    case 0x46:
      return { kind: 'offset', offset: r.u2('offset') };
    case 0x47:
    case 0x48:
    case 0x49:
    case 0x4a:
    case 0x4b:
      return { kind: 'typeArgument', offset: r.u2('offset'), argumentIndex: r.u1('type_argument_index') };
    default:
      throw new ClassFormatError(`unknown type annotation target type 0x${targetType.toString(16)}`, r.pos - 1);
  }
}

export function decodeTypeAnnotations(info: Uint8Array, name: string): TypeAnnotation[] {
  return whole(info, name, (r) =>
    list(r, r.u2('num_annotations'), 5, 'type annotations', () => {
      const targetType = r.u1('target_type');
      const target = readTarget(r, targetType);
      const path = list(r, r.u1('path_length'), 2, 'type path entries', () => ({
        kind: r.u1('type_path_kind'),
        argumentIndex: r.u1('type_argument_index'),
      }));
      return { targetType, target, path, annotation: readAnnotation(r) };
    }),
  );
}

export function decodeMethodParameters(info: Uint8Array): { nameIndex: number; flags: number }[] {
  return whole(info, 'MethodParameters', (r) =>
    list(r, r.u1('parameters_count'), 4, 'parameters', () => ({ nameIndex: r.u2('name_index'), flags: r.u2('access_flags') })),
  );
}

function readRawAttributes(r: ByteReader): RawAttributeInfo[] {
  return list(r, r.u2('attributes_count'), 6, 'attributes', () => {
    const nameIndex = r.u2('attribute_name_index');
    const length = r.u4('attribute_length');
    return { nameIndex, info: r.copy(length, 'attribute info') };
  });
}

export function decodeRecord(info: Uint8Array): RecordComponent[] {
  return whole(info, 'Record', (r) =>
    list(r, r.u2('components_count'), 6, 'record components', () => ({
      nameIndex: r.u2('name_index'),
      descriptorIndex: r.u2('descriptor_index'),
      attributes: readRawAttributes(r),
    })),
  );
}

/** PermittedSubclasses, ModulePackages: a u2 count then that many u2 indexes. */
export function decodeIndexList(info: Uint8Array, name: string): number[] {
  return whole(info, name, (r) => u2List(r, 'indexes'));
}

/** Signature, ModuleMainClass, ModuleTarget and the like: a single u2 index. */
export function decodeSingleIndex(info: Uint8Array, name: string): number {
  return whole(info, name, (r) => r.u2('index'));
}

export function decodeModule(info: Uint8Array): ModuleAttribute {
  return whole(info, 'Module', (r) => {
    const nameIndex = r.u2('module_name_index');
    const flags = r.u2('module_flags');
    const versionIndex = r.u2('module_version_index');
    const requires = list(r, r.u2('requires_count'), 6, 'requires', () => ({
      index: r.u2('requires_index'),
      flags: r.u2('requires_flags'),
      versionIndex: r.u2('requires_version_index'),
    }));
    const exportsOrOpens = (what: string): { index: number; flags: number; to: number[] }[] =>
      list(r, r.u2(`${what}_count`), 6, what, () => ({ index: r.u2(`${what}_index`), flags: r.u2(`${what}_flags`), to: u2List(r, `${what}_to`) }));
    const exports = exportsOrOpens('exports');
    const opens = exportsOrOpens('opens');
    const uses = u2List(r, 'uses');
    const provides = list(r, r.u2('provides_count'), 4, 'provides', () => ({ index: r.u2('provides_index'), with: u2List(r, 'provides_with') }));
    return { nameIndex, flags, versionIndex, requires, exports, opens, uses, provides };
  });
}

export function decodeModuleResolution(info: Uint8Array): number {
  return whole(info, 'ModuleResolution', (r) => r.u2('resolution_flags'));
}

export function decodeModuleHashes(info: Uint8Array): { algorithmIndex: number; hashes: { moduleIndex: number; hash: Uint8Array }[] } {
  return whole(info, 'ModuleHashes', (r) => {
    const algorithmIndex = r.u2('algorithm_index');
    const hashes = list(r, r.u2('hashes_table_length'), 4, 'hashes', () => {
      const moduleIndex = r.u2('module_name_index');
      return { moduleIndex, hash: r.copy(r.u2('hash_length'), 'hash') };
    });
    return { algorithmIndex, hashes };
  });
}

/**
 * An attribute the model normally decodes, found as raw bytes because it stands where or in a class
 * version where the JVMS does not define it (javap decodes it by name all the same). Undefined for
 * other names; Code is left raw, as its nested structure has no meaning out of place.
 */
export function decodeModelAttribute(
  name: string,
  nameIndex: number,
  info: Uint8Array,
  pool: ConstantPoolEntries,
  codeLength: number,
): Attribute | undefined {
  switch (name) {
    case 'ConstantValue':
      return { kind: name, nameIndex, valueIndex: decodeSingleIndex(info, name) };
    case 'SourceFile':
      return { kind: name, nameIndex, sourceFileIndex: decodeSingleIndex(info, name) };
    case 'Signature':
      return { kind: name, nameIndex, signatureIndex: decodeSingleIndex(info, name) };
    case 'NestHost':
      return { kind: name, nameIndex, hostClassIndex: decodeSingleIndex(info, name) };
    case 'NestMembers':
      return { kind: name, nameIndex, classes: decodeIndexList(info, name) };
    case 'Exceptions':
      return { kind: name, nameIndex, exceptionIndexes: decodeIndexList(info, name) };
    case 'EnclosingMethod':
      return whole(info, name, (r) => ({ kind: name, nameIndex, classIndex: r.u2('class_index'), methodIndex: r.u2('method_index') }));
    case 'LineNumberTable':
      return whole(info, name, (r) => ({
        kind: name,
        nameIndex,
        entries: list(r, r.u2('line_number_table_length'), 4, 'line numbers', () => ({ startPc: r.u2('start_pc'), lineNumber: r.u2('line_number') })),
      }));
    case 'LocalVariableTable':
      return whole(info, name, (r) => ({
        kind: name,
        nameIndex,
        entries: list(r, r.u2('local_variable_table_length'), 10, 'local variables', () => ({
          startPc: r.u2('start_pc'),
          length: r.u2('length'),
          nameIndex: r.u2('name_index'),
          descriptorIndex: r.u2('descriptor_index'),
          index: r.u2('index'),
        })),
      }));
    case 'LocalVariableTypeTable':
      return whole(info, name, (r) => ({
        kind: name,
        nameIndex,
        entries: list(r, r.u2('local_variable_type_table_length'), 10, 'local variables', () => ({
          startPc: r.u2('start_pc'),
          length: r.u2('length'),
          nameIndex: r.u2('name_index'),
          signatureIndex: r.u2('signature_index'),
          index: r.u2('index'),
        })),
      }));
    case 'InnerClasses':
      return whole(info, name, (r) => ({
        kind: name,
        nameIndex,
        classes: list(r, r.u2('number_of_classes'), 8, 'inner classes', () => ({
          innerClassInfoIndex: r.u2('inner_class_info_index'),
          outerClassInfoIndex: r.u2('outer_class_info_index'),
          innerNameIndex: r.u2('inner_name_index'),
          innerClassAccessFlags: r.u2('inner_class_access_flags'),
        })),
      }));
    case 'BootstrapMethods':
      return whole(info, name, (r) => ({
        kind: name,
        nameIndex,
        methods: list(r, r.u2('num_bootstrap_methods'), 4, 'bootstrap methods', () => ({
          methodRef: r.u2('bootstrap_method_ref'),
          arguments: u2List(r, 'bootstrap_arguments'),
        })),
      }));
    case 'StackMapTable':
      return whole(info, name, (r) => ({ kind: name, nameIndex, frames: readStackMapFrames(r, pool, codeLength) }));
    default:
      return undefined;
  }
}
