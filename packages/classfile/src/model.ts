// The class-file model (JVMS chapter 4). It mirrors the file closely enough that reading then writing a
// class gives the same bytes: constant-pool indexes are kept as indexes, attribute names keep their pool
// index, and attributes this package does not understand are kept as raw bytes.
import type Long from 'long';

/** A parsed class file. Index fields point into `constantPool`. */
export interface ClassFile {
  minorVersion: number;
  majorVersion: number;
  constantPool: ConstantPoolEntries;
  accessFlags: number;
  /** Index of a Class entry. */
  thisClass: number;
  /** Index of a Class entry, or 0 for java/lang/Object and module-info. */
  superClass: number;
  /** Indexes of Class entries. */
  interfaces: number[];
  fields: MemberInfo[];
  methods: MemberInfo[];
  attributes: Attribute[];
}

/** A field_info or method_info structure. */
export interface MemberInfo {
  accessFlags: number;
  nameIndex: number;
  descriptorIndex: number;
  attributes: Attribute[];
}

/**
 * The constant pool as the file numbers it: index 0 is unused, and the slot after a Long or Double is
 * unused too (JVMS 4.4.5). Unused slots hold `undefined`.
 */
export type ConstantPoolEntries = (CpEntry | undefined)[];

export type CpEntry =
  | { kind: 'Utf8'; value: string }
  | { kind: 'Integer'; value: number }
  /** `nanBits` keeps the exact bits of a NaN, whose payload a JavaScript number may not preserve. */
  | { kind: 'Float'; value: number; nanBits?: number }
  | { kind: 'Long'; value: Long }
  /** `nanBits` keeps the exact bits of a NaN, whose payload a JavaScript number may not preserve. */
  | { kind: 'Double'; value: number; nanBits?: Long }
  | { kind: 'Class'; nameIndex: number }
  | { kind: 'String'; stringIndex: number }
  | { kind: 'Fieldref'; classIndex: number; nameAndTypeIndex: number }
  | { kind: 'Methodref'; classIndex: number; nameAndTypeIndex: number }
  | { kind: 'InterfaceMethodref'; classIndex: number; nameAndTypeIndex: number }
  | { kind: 'NameAndType'; nameIndex: number; descriptorIndex: number }
  | { kind: 'MethodHandle'; referenceKind: number; referenceIndex: number }
  | { kind: 'MethodType'; descriptorIndex: number }
  | { kind: 'Dynamic'; bootstrapMethodAttrIndex: number; nameAndTypeIndex: number }
  | { kind: 'InvokeDynamic'; bootstrapMethodAttrIndex: number; nameAndTypeIndex: number }
  | { kind: 'Module'; nameIndex: number }
  | { kind: 'Package'; nameIndex: number };

export type CpKind = CpEntry['kind'];

/** The tag byte of each constant-pool entry kind (JVMS table 4.4-B). */
export const CP_TAG: { readonly [K in CpKind]: number } = {
  Utf8: 1,
  Integer: 3,
  Float: 4,
  Long: 5,
  Double: 6,
  Class: 7,
  String: 8,
  Fieldref: 9,
  Methodref: 10,
  InterfaceMethodref: 11,
  NameAndType: 12,
  MethodHandle: 15,
  MethodType: 16,
  Dynamic: 17,
  InvokeDynamic: 18,
  Module: 19,
  Package: 20,
};

/** Every attribute carries the pool index of its name, so a written file names it exactly as it was read. */
export type Attribute =
  | CodeAttribute
  | { kind: 'ConstantValue'; nameIndex: number; valueIndex: number }
  | { kind: 'Exceptions'; nameIndex: number; exceptionIndexes: number[] }
  | { kind: 'LineNumberTable'; nameIndex: number; entries: LineNumberEntry[] }
  | { kind: 'LocalVariableTable'; nameIndex: number; entries: LocalVariableEntry[] }
  | { kind: 'LocalVariableTypeTable'; nameIndex: number; entries: LocalVariableTypeEntry[] }
  | { kind: 'SourceFile'; nameIndex: number; sourceFileIndex: number }
  | { kind: 'InnerClasses'; nameIndex: number; classes: InnerClassEntry[] }
  | { kind: 'EnclosingMethod'; nameIndex: number; classIndex: number; methodIndex: number }
  | { kind: 'Signature'; nameIndex: number; signatureIndex: number }
  | { kind: 'StackMapTable'; nameIndex: number; frames: StackMapFrame[] }
  | { kind: 'BootstrapMethods'; nameIndex: number; methods: BootstrapMethod[] }
  | { kind: 'NestHost'; nameIndex: number; hostClassIndex: number }
  | { kind: 'NestMembers'; nameIndex: number; classes: number[] }
  | { kind: 'Raw'; nameIndex: number; info: Uint8Array };

export type AttributeKind = Attribute['kind'];

export interface CodeAttribute {
  kind: 'Code';
  nameIndex: number;
  maxStack: number;
  maxLocals: number;
  code: Uint8Array;
  exceptionTable: ExceptionTableEntry[];
  attributes: Attribute[];
}

export interface ExceptionTableEntry {
  startPc: number;
  endPc: number;
  handlerPc: number;
  /** Index of a Class entry, or 0 for a handler that catches everything (finally). */
  catchType: number;
}

export interface LineNumberEntry {
  startPc: number;
  lineNumber: number;
}

export interface LocalVariableEntry {
  startPc: number;
  length: number;
  nameIndex: number;
  descriptorIndex: number;
  index: number;
}

export interface LocalVariableTypeEntry {
  startPc: number;
  length: number;
  nameIndex: number;
  signatureIndex: number;
  index: number;
}

export interface InnerClassEntry {
  innerClassInfoIndex: number;
  outerClassInfoIndex: number;
  innerNameIndex: number;
  innerClassAccessFlags: number;
}

export interface BootstrapMethod {
  /** Index of a MethodHandle entry. */
  methodRef: number;
  arguments: number[];
}

/** verification_type_info (JVMS 4.7.4). */
export type VerificationType =
  | { tag: 'Top' }
  | { tag: 'Integer' }
  | { tag: 'Float' }
  | { tag: 'Double' }
  | { tag: 'Long' }
  | { tag: 'Null' }
  | { tag: 'UninitializedThis' }
  | { tag: 'Object'; classIndex: number }
  | { tag: 'Uninitialized'; offset: number };

/**
 * stack_map_frame (JVMS 4.7.4). `frameType` is the byte as read, so that a frame written back uses the
 * same encoding even where a shorter one exists.
 */
export type StackMapFrame =
  | { kind: 'same'; frameType: number; offsetDelta: number }
  | { kind: 'same_locals_1_stack_item'; frameType: number; offsetDelta: number; stack: [VerificationType] }
  | { kind: 'chop'; frameType: number; offsetDelta: number }
  | { kind: 'same_frame_extended'; frameType: number; offsetDelta: number }
  | { kind: 'append'; frameType: number; offsetDelta: number; locals: VerificationType[] }
  | { kind: 'full_frame'; frameType: number; offsetDelta: number; locals: VerificationType[]; stack: VerificationType[] }
  | {
      kind: 'same_locals_1_stack_item_extended';
      frameType: number;
      offsetDelta: number;
      stack: [VerificationType];
    };
