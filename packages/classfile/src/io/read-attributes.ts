// Reads attribute tables (JVMS 4.7). An attribute is decoded only where the JVMS defines it (Code on a
// method, ConstantValue on a field, LineNumberTable inside Code, ...), as HotSpot does; anywhere else,
// and for every name this package does not model, it is kept raw so the bytes survive a round trip.
import { ClassFormatError } from '../errors.js';
import type {
  Attribute,
  AttributeKind,
  BootstrapMethod,
  CodeAttribute,
  ConstantPoolEntries,
  CpKind,
  ExceptionTableEntry,
  InnerClassEntry,
  LineNumberEntry,
  LocalVariableEntry,
  LocalVariableTypeEntry,
} from '../model.js';
import type { ByteReader } from './byte-reader.js';
import { cpEntryOf, cpEntryOfKinds } from './constant-pool.js';
import { readStackMapFrames } from './read-stack-map.js';

/** What an attribute table belongs to. */
export type AttributeOwner = 'class' | 'field' | 'method' | 'code';

/** What every attribute table of one file is read against. */
export interface FileContext {
  pool: ConstantPoolEntries;
  majorVersion: number;
}

interface Context extends FileContext {
  /** code_length of the Code attribute whose nested attributes are being read; 0 elsewhere. */
  codeLength: number;
}

type Decoder = (r: ByteReader, nameIndex: number, cx: Context) => Attribute;

/** Constant kinds a ConstantValue may name (JVMS table 4.7.2-A). */
const CONSTANT_VALUE_KINDS = ['Integer', 'Float', 'Long', 'Double', 'String'] as const;
/** Loadable constant kinds a bootstrap argument may name (JVMS 4.4, table 4.4-C). */
const LOADABLE_KINDS = ['Integer', 'Float', 'Long', 'Double', 'Class', 'String', 'MethodHandle', 'MethodType', 'Dynamic'] as const;
/** Code may be at most 65535 bytes long (JVMS 4.7.3, 4.11). */
const MAX_CODE_LENGTH = 0xffff;

export function readAttributes(r: ByteReader, owner: AttributeOwner, file: FileContext, codeLength = 0): Attribute[] {
  const { pool, majorVersion } = file;
  const count = r.u2('attributes_count');
  // attribute_name_index and attribute_length take six bytes even when the attribute is empty.
  r.needItems(count, 6, 'attributes');
  const decoders = DECODERS[owner];
  const attributes: Attribute[] = [];
  let seen: Set<AttributeKind> | undefined;
  for (let i = 0; i < count; i++) {
    const at = r.pos;
    const nameIndex = r.u2('attribute_name_index');
    const name = cpEntryOf(pool, nameIndex, 'Utf8', 'attribute_name_index', at).value;
    const length = r.u4('attribute_length');
    if (length > r.remaining) r.need(length, `${name} attribute`);
    const start = r.pos;
    const end = start + length;
    const decode = decoders.get(name);
    if (decode === undefined || majorVersion < (ATTRIBUTE_SINCE.get(name) ?? 0)) {
      attributes.push({ kind: 'Raw', nameIndex, info: r.copy(length, 'attribute') });
      continue;
    }
    const outerLimit = r.limit;
    const outerScope = r.scope;
    r.limit = end;
    r.scope = name;
    const attr = decode(r, nameIndex, { pool, majorVersion, codeLength });
    if (r.pos !== end) {
      throw new ClassFormatError(
        `${name} attribute length ${length} does not match its content (${r.pos - start} bytes)`,
        at,
      );
    }
    r.limit = outerLimit;
    r.scope = outerScope;
    if (UNIQUE.has(attr.kind)) {
      seen ??= new Set();
      if (seen.has(attr.kind)) throw new ClassFormatError(`Multiple ${name} attributes in ${owner}`, at);
      seen.add(attr.kind);
    }
    attributes.push(attr);
  }
  if (seen !== undefined && seen.has('NestHost') && seen.has('NestMembers')) {
    throw new ClassFormatError('Conflicting NestHost and NestMembers attributes');
  }
  return attributes;
}

/**
 * Attributes HotSpot recognizes only from a class-file version on (the version that introduced them); in
 * older files it skips them as unknown, so they are kept raw here too.
 */
const ATTRIBUTE_SINCE: ReadonlyMap<string, number> = new Map([
  ['Signature', 49],
  ['EnclosingMethod', 49],
  ['LocalVariableTypeTable', 49],
  ['StackMapTable', 50],
  ['BootstrapMethods', 51],
  ['NestHost', 55],
  ['NestMembers', 55],
]);

/** Kinds HotSpot allows at most once per attribute table; tables of line numbers and locals may repeat. */
const UNIQUE: ReadonlySet<AttributeKind> = new Set<AttributeKind>([
  'Code',
  'ConstantValue',
  'Exceptions',
  'SourceFile',
  'InnerClasses',
  'EnclosingMethod',
  'Signature',
  'StackMapTable',
  'BootstrapMethods',
  'NestHost',
  'NestMembers',
]);

function readCode(r: ByteReader, nameIndex: number, cx: Context): CodeAttribute {
  const maxStack = r.u2('max_stack');
  const maxLocals = r.u2('max_locals');
  const lengthAt = r.pos;
  const codeLength = r.u4('code_length');
  if (codeLength === 0 || codeLength > MAX_CODE_LENGTH) {
    throw new ClassFormatError(`Invalid method Code length ${codeLength}`, lengthAt);
  }
  const code = r.copy(codeLength, 'code');
  const tableLength = r.u2('exception_table_length');
  r.needItems(tableLength, 8, 'exception table entries');
  const exceptionTable: ExceptionTableEntry[] = [];
  for (let i = 0; i < tableLength; i++) {
    const at = r.pos;
    const startPc = r.u2('start_pc');
    const endPc = r.u2('end_pc');
    const handlerPc = r.u2('handler_pc');
    const catchAt = r.pos;
    const catchType = r.u2('catch_type');
    if (!(startPc < endPc && endPc <= codeLength)) {
      throw new ClassFormatError(`Illegal exception table range [${startPc}, ${endPc}) in code of length ${codeLength}`, at);
    }
    if (handlerPc >= codeLength) {
      throw new ClassFormatError(`Illegal exception table handler ${handlerPc} in code of length ${codeLength}`, at + 4);
    }
    if (catchType !== 0) cpEntryOf(cx.pool, catchType, 'Class', 'catch_type', catchAt);
    exceptionTable.push({ startPc, endPc, handlerPc, catchType });
  }
  const attributes = readAttributes(r, 'code', cx, codeLength);
  return { kind: 'Code', nameIndex, maxStack, maxLocals, code, exceptionTable, attributes };
}

function readU2Index(r: ByteReader, cx: Context, kind: CpKind, what: string): number {
  const at = r.pos;
  const index = r.u2(what);
  cpEntryOf(cx.pool, index, kind, what, at);
  return index;
}

/** A u2 index that is either 0 or refers to an entry of `kind`. */
function readOptionalIndex(r: ByteReader, cx: Context, kind: CpKind, what: string): number {
  const at = r.pos;
  const index = r.u2(what);
  if (index !== 0) cpEntryOf(cx.pool, index, kind, what, at);
  return index;
}

function readClassList(r: ByteReader, cx: Context, what: string): number[] {
  const count = r.u2(`number of ${what}`);
  r.needItems(count, 2, what);
  const out: number[] = [];
  for (let i = 0; i < count; i++) out.push(readU2Index(r, cx, 'Class', what));
  return out;
}

function checkPc(pc: number, length: number, codeLength: number, what: string, at: number): void {
  if (pc >= codeLength) throw new ClassFormatError(`Invalid start_pc ${pc} in ${what} (code length ${codeLength})`, at);
  if (pc + length > codeLength) {
    throw new ClassFormatError(`Invalid length ${length} in ${what}: start_pc ${pc} plus length passes code length ${codeLength}`, at);
  }
}

function readLineNumbers(r: ByteReader, cx: Context): LineNumberEntry[] {
  const count = r.u2('line_number_table_length');
  r.needItems(count, 4, 'line number entries');
  const entries: LineNumberEntry[] = [];
  for (let i = 0; i < count; i++) {
    const at = r.pos;
    const startPc = r.u2('start_pc');
    if (startPc >= cx.codeLength) {
      throw new ClassFormatError(`Invalid pc ${startPc} in LineNumberTable (code length ${cx.codeLength})`, at);
    }
    entries.push({ startPc, lineNumber: r.u2('line_number') });
  }
  return entries;
}

/** An entry of either local-variable table; `typeIndex` is the descriptor or the signature. */
interface LocalVariableSlot {
  startPc: number;
  length: number;
  nameIndex: number;
  typeIndex: number;
  index: number;
}

function readLocalVariables(
  r: ByteReader,
  cx: Context,
  table: 'LocalVariableTable' | 'LocalVariableTypeTable',
): LocalVariableSlot[] {
  const typeField = table === 'LocalVariableTable' ? 'descriptor_index in LocalVariableTable' : 'signature_index in LocalVariableTypeTable';
  const count = r.u2('table length');
  r.needItems(count, 10, 'local variable entries');
  const out: LocalVariableSlot[] = [];
  for (let i = 0; i < count; i++) {
    const at = r.pos;
    const startPc = r.u2('start_pc');
    const length = r.u2('length');
    checkPc(startPc, length, cx.codeLength, table, at);
    const nameIndex = readU2Index(r, cx, 'Utf8', 'name_index in local variable table');
    const typeIndex = readU2Index(r, cx, 'Utf8', typeField);
    out.push({ startPc, length, nameIndex, typeIndex, index: r.u2('index') });
  }
  return out;
}

function readInnerClasses(r: ByteReader, cx: Context): InnerClassEntry[] {
  const count = r.u2('number_of_classes');
  r.needItems(count, 8, 'inner class entries');
  const classes: InnerClassEntry[] = [];
  for (let i = 0; i < count; i++) {
    const at = r.pos;
    const innerClassInfoIndex = readU2Index(r, cx, 'Class', 'inner_class_info_index');
    const outerClassInfoIndex = readOptionalIndex(r, cx, 'Class', 'outer_class_info_index');
    if (innerClassInfoIndex === outerClassInfoIndex) {
      throw new ClassFormatError(`Class is both outer and inner class in InnerClasses entry ${i}`, at);
    }
    const innerNameIndex = readOptionalIndex(r, cx, 'Utf8', 'inner_name_index');
    classes.push({ innerClassInfoIndex, outerClassInfoIndex, innerNameIndex, innerClassAccessFlags: r.u2('inner_class_access_flags') });
  }
  return classes;
}

function readBootstrapMethods(r: ByteReader, cx: Context): BootstrapMethod[] {
  const count = r.u2('num_bootstrap_methods');
  r.needItems(count, 4, 'bootstrap methods');
  const methods: BootstrapMethod[] = [];
  for (let i = 0; i < count; i++) {
    const methodRef = readU2Index(r, cx, 'MethodHandle', 'bootstrap_method_ref');
    const argCount = r.u2('num_bootstrap_arguments');
    r.needItems(argCount, 2, 'bootstrap arguments');
    const args: number[] = [];
    for (let k = 0; k < argCount; k++) {
      const at = r.pos;
      const arg = r.u2('bootstrap argument');
      if (!isLoadable(cx.pool, arg)) {
        cpEntryOfKinds(cx.pool, arg, LOADABLE_KINDS, `bootstrap argument ${k} of bootstrap method ${i}`, at);
      }
      args.push(arg);
    }
    methods.push({ methodRef, arguments: args });
  }
  return methods;
}

function isLoadable(pool: ConstantPoolEntries, index: number): boolean {
  const kind = pool[index]?.kind;
  return kind !== undefined && (LOADABLE_KINDS as readonly string[]).includes(kind);
}

const constantValue: Decoder = (r, nameIndex, cx) => {
  const at = r.pos;
  const valueIndex = r.u2('constantvalue_index');
  cpEntryOfKinds(cx.pool, valueIndex, CONSTANT_VALUE_KINDS, 'constantvalue_index', at);
  return { kind: 'ConstantValue', nameIndex, valueIndex };
};

const signature: Decoder = (r, nameIndex, cx) => ({
  kind: 'Signature',
  nameIndex,
  signatureIndex: readU2Index(r, cx, 'Utf8', 'signature_index'),
});

const CLASS_DECODERS = new Map<string, Decoder>([
  ['SourceFile', (r, nameIndex, cx) => ({ kind: 'SourceFile', nameIndex, sourceFileIndex: readU2Index(r, cx, 'Utf8', 'sourcefile_index') })],
  ['InnerClasses', (r, nameIndex, cx) => ({ kind: 'InnerClasses', nameIndex, classes: readInnerClasses(r, cx) })],
  [
    'EnclosingMethod',
    (r, nameIndex, cx) => {
      const classIndex = readU2Index(r, cx, 'Class', 'class_index of EnclosingMethod');
      const methodIndex = readOptionalIndex(r, cx, 'NameAndType', 'method_index of EnclosingMethod');
      return { kind: 'EnclosingMethod', nameIndex, classIndex, methodIndex };
    },
  ],
  ['Signature', signature],
  ['BootstrapMethods', (r, nameIndex, cx) => ({ kind: 'BootstrapMethods', nameIndex, methods: readBootstrapMethods(r, cx) })],
  ['NestHost', (r, nameIndex, cx) => ({ kind: 'NestHost', nameIndex, hostClassIndex: readU2Index(r, cx, 'Class', 'host_class_index') })],
  ['NestMembers', (r, nameIndex, cx) => ({ kind: 'NestMembers', nameIndex, classes: readClassList(r, cx, 'nest members') })],
]);

const FIELD_DECODERS = new Map<string, Decoder>([
  ['ConstantValue', constantValue],
  ['Signature', signature],
]);

const METHOD_DECODERS = new Map<string, Decoder>([
  ['Code', readCode],
  ['Exceptions', (r, nameIndex, cx) => ({ kind: 'Exceptions', nameIndex, exceptionIndexes: readClassList(r, cx, 'exceptions') })],
  ['Signature', signature],
]);

const CODE_DECODERS = new Map<string, Decoder>([
  ['LineNumberTable', (r, nameIndex, cx) => ({ kind: 'LineNumberTable', nameIndex, entries: readLineNumbers(r, cx) })],
  [
    'LocalVariableTable',
    (r, nameIndex, cx) => {
      const entries: LocalVariableEntry[] = readLocalVariables(r, cx, 'LocalVariableTable').map(
        ({ startPc, length, nameIndex: n, typeIndex, index }) => ({ startPc, length, nameIndex: n, descriptorIndex: typeIndex, index }),
      );
      return { kind: 'LocalVariableTable', nameIndex, entries };
    },
  ],
  [
    'LocalVariableTypeTable',
    (r, nameIndex, cx) => {
      const entries: LocalVariableTypeEntry[] = readLocalVariables(r, cx, 'LocalVariableTypeTable').map(
        ({ startPc, length, nameIndex: n, typeIndex, index }) => ({ startPc, length, nameIndex: n, signatureIndex: typeIndex, index }),
      );
      return { kind: 'LocalVariableTypeTable', nameIndex, entries };
    },
  ],
  ['StackMapTable', (r, nameIndex, cx) => ({ kind: 'StackMapTable', nameIndex, frames: readStackMapFrames(r, cx.pool, cx.codeLength) })],
]);

const DECODERS: { readonly [O in AttributeOwner]: ReadonlyMap<string, Decoder> } = {
  class: CLASS_DECODERS,
  field: FIELD_DECODERS,
  method: METHOD_DECODERS,
  code: CODE_DECODERS,
};
