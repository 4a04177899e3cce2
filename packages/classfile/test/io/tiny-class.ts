// A small hand-made class model for reader and writer tests: each test copies it, breaks one thing and
// checks the error. Pool layout (fixed, so tests can name indexes):
//   1 Utf8 Tiny  2 Class #1  3 Utf8 java/lang/Object  4 Class #3  5 Utf8 Code  6 Utf8 run  7 Utf8 ()V
//   8 Utf8 SourceFile  9 Utf8 Tiny.java  10 Utf8 LineNumberTable  11 Long 42  (12 unused)  13 Utf8 x
//   14 Utf8 J  15 Utf8 ConstantValue
import Long from 'long';
import { type Attribute, type ClassFile, type CodeAttribute, ClassFormatError, readClassFile, writeClassFile } from '@oakvm/classfile';
import { expect } from 'vitest';

export const I = {
  thisUtf8: 1,
  thisClass: 2,
  objectUtf8: 3,
  objectClass: 4,
  code: 5,
  run: 6,
  voidDescriptor: 7,
  sourceFile: 8,
  sourceFileName: 9,
  lineNumberTable: 10,
  long42: 11,
  unusedAfterLong: 12,
  x: 13,
  longDescriptor: 14,
  constantValue: 15,
} as const;

export function tinyClass(): ClassFile {
  return {
    minorVersion: 0,
    majorVersion: 52,
    constantPool: [
      undefined,
      { kind: 'Utf8', value: 'Tiny' },
      { kind: 'Class', nameIndex: I.thisUtf8 },
      { kind: 'Utf8', value: 'java/lang/Object' },
      { kind: 'Class', nameIndex: I.objectUtf8 },
      { kind: 'Utf8', value: 'Code' },
      { kind: 'Utf8', value: 'run' },
      { kind: 'Utf8', value: '()V' },
      { kind: 'Utf8', value: 'SourceFile' },
      { kind: 'Utf8', value: 'Tiny.java' },
      { kind: 'Utf8', value: 'LineNumberTable' },
      { kind: 'Long', value: Long.fromNumber(42) },
      undefined,
      { kind: 'Utf8', value: 'x' },
      { kind: 'Utf8', value: 'J' },
      { kind: 'Utf8', value: 'ConstantValue' },
    ],
    accessFlags: 0x0021,
    thisClass: I.thisClass,
    superClass: I.objectClass,
    interfaces: [],
    fields: [
      {
        accessFlags: 0x0018,
        nameIndex: I.x,
        descriptorIndex: I.longDescriptor,
        attributes: [{ kind: 'ConstantValue', nameIndex: I.constantValue, valueIndex: I.long42 }],
      },
    ],
    methods: [
      {
        accessFlags: 0x0009,
        nameIndex: I.run,
        descriptorIndex: I.voidDescriptor,
        attributes: [tinyCode()],
      },
    ],
    attributes: [{ kind: 'SourceFile', nameIndex: I.sourceFile, sourceFileIndex: I.sourceFileName }],
  };
}

/** `return`, with one line number. */
export function tinyCode(extra: Partial<CodeAttribute> = {}): CodeAttribute {
  return {
    kind: 'Code',
    nameIndex: I.code,
    maxStack: 0,
    maxLocals: 0,
    code: Uint8Array.of(0xb1),
    exceptionTable: [],
    attributes: [{ kind: 'LineNumberTable', nameIndex: I.lineNumberTable, entries: [{ startPc: 0, lineNumber: 1 }] }],
    ...extra,
  };
}

/** Adds a Utf8 entry (reusing an equal one) and returns its index. */
export function utf8(cf: ClassFile, value: string): number {
  const found = cf.constantPool.findIndex((e) => e?.kind === 'Utf8' && e.value === value);
  if (found > 0) return found;
  return cf.constantPool.push({ kind: 'Utf8', value }) - 1;
}

/** A raw attribute under `name`: how tests put malformed content where the reader will decode it. */
export function raw(cf: ClassFile, name: string, ...info: number[]): Attribute {
  return { kind: 'Raw', nameIndex: utf8(cf, name), info: Uint8Array.from(info) };
}

export function runMethodCode(cf: ClassFile): CodeAttribute {
  const code = cf.methods[0]?.attributes[0];
  if (code?.kind !== 'Code') throw new Error('tiny class lost its Code attribute');
  return code;
}

/** Reads `input` (a model is written first) and returns the ClassFormatError it must throw. */
export function formatError(input: ClassFile | Uint8Array, message: RegExp): ClassFormatError {
  const bytes = input instanceof Uint8Array ? input : writeClassFile(input);
  try {
    readClassFile(bytes);
  } catch (e) {
    expect(e).toBeInstanceOf(ClassFormatError);
    const error = e as ClassFormatError;
    expect(error.detail).toMatch(message);
    if (error.offset !== undefined) expect(error.message).toContain(`(at byte offset ${error.offset})`);
    return error;
  }
  throw new Error(`expected ClassFormatError matching ${message}, but the class was read`);
}

export const u2At = (bytes: Uint8Array, at: number): number => (bytes[at]! << 8) | bytes[at + 1]!;
