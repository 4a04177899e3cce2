import Long from 'long';
import { describe, expect, it } from 'vitest';
import {
  ACC_ABSTRACT,
  ACC_FINAL,
  ACC_NATIVE,
  ACC_PUBLIC,
  ACC_STATIC,
  ACC_SUPER,
  BytecodeError,
  ClassBuilder,
  type ClassFile,
  ClassFormatError,
  cpClassName,
  cpUtf8,
  Op,
  readClassFile,
  writeClassFile,
} from '@oakvm/classfile';
import { buildDemo } from './demo-classes.js';

const utf8 = (cf: ClassFile, index: number): string => cpUtf8(cf.constantPool, index);

describe('ClassBuilder', () => {
  it('assembles a version 49.0 class with super, interfaces, fields, methods and SourceFile', () => {
    const cb = new ClassBuilder({ name: 'p/Point', accessFlags: ACC_PUBLIC | ACC_SUPER, interfaces: ['java/lang/Comparable'], sourceFile: 'Point.oak' });
    cb.field(ACC_PUBLIC | ACC_STATIC | ACC_FINAL, 'ORIGIN', 'I', 0);
    cb.field(ACC_PUBLIC, 'x', 'D');
    cb.method(ACC_PUBLIC, '<init>', '()V', ['java/lang/Exception']).load('reference', 0).invoke(Op.invokespecial, 'java/lang/Object', '<init>', '()V').returnValue('void');
    cb.methodWithoutCode(ACC_PUBLIC | ACC_NATIVE, 'hash', '()I');
    const cf = cb.build();
    expect([cf.majorVersion, cf.minorVersion]).toEqual([49, 0]);
    expect(cpClassName(cf.constantPool, cf.thisClass)).toBe('p/Point');
    expect(cpClassName(cf.constantPool, cf.superClass)).toBe('java/lang/Object');
    expect(cf.interfaces.map((i) => cpClassName(cf.constantPool, i))).toEqual(['java/lang/Comparable']);
    expect(cf.fields.map((f) => utf8(cf, f.nameIndex))).toEqual(['ORIGIN', 'x']);
    expect(cf.fields[0]?.attributes.map((a) => a.kind)).toEqual(['ConstantValue']);
    expect(cf.methods.map((m) => m.attributes.map((a) => a.kind))).toEqual([['Code', 'Exceptions'], []]);
    const source = cf.attributes.find((a) => a.kind === 'SourceFile');
    expect(source?.kind === 'SourceFile' ? utf8(cf, source.sourceFileIndex) : '').toBe('Point.oak');
    const init = cf.methods[0]?.attributes[0];
    expect(init?.kind === 'Code' ? [init.maxStack, init.maxLocals] : []).toEqual([1, 1]);
  });

  it('writes classes the reader reads back to the same model', () => {
    const cf = buildDemo();
    expect(readClassFile(writeClassFile(cf))).toEqual(cf);
  });

  it('picks the ConstantValue entry kind from the field descriptor', () => {
    const cb = new ClassBuilder({ name: 'K', accessFlags: ACC_PUBLIC });
    const flags = ACC_STATIC | ACC_FINAL;
    cb.field(flags, 'b', 'Z', 1).field(flags, 'f', 'F', 0.1).field(flags, 'd', 'D', 0.1).field(flags, 'j', 'J', 7);
    cb.field(flags, 'k', 'J', Long.fromString('-5')).field(flags, 's', 'Ljava/lang/String;', 'text');
    const cf = cb.build();
    const kinds = cf.fields.map((f) => {
      const cv = f.attributes[0];
      return cv?.kind === 'ConstantValue' ? cf.constantPool[cv.valueIndex]?.kind : undefined;
    });
    expect(kinds).toEqual(['Integer', 'Float', 'Double', 'Long', 'Long', 'String']);
  });

  it('rejects mismatched constant values, duplicate members and misplaced code', () => {
    const cb = new ClassBuilder({ name: 'E', accessFlags: ACC_PUBLIC });
    expect(() => cb.field(ACC_STATIC, 'a', 'I', 'text')).toThrow(BytecodeError);
    expect(() => cb.field(ACC_STATIC, 'a', 'I', 1.5)).toThrow(BytecodeError);
    expect(() => cb.field(ACC_STATIC, 'a', 'Ljava/lang/Object;', 'x')).toThrow(BytecodeError);
    expect(() => cb.field(ACC_STATIC, 'a', 'J', 2 ** 60)).toThrow(BytecodeError);
    expect(() => cb.field(ACC_STATIC, 'bad', 'Q')).toThrow(ClassFormatError);
    cb.field(ACC_STATIC, 'a', 'I');
    expect(() => cb.field(ACC_STATIC, 'a', 'I')).toThrow(/duplicate field a I/);
    cb.field(ACC_STATIC, 'a', 'J');
    expect(() => cb.method(ACC_ABSTRACT, 'm', '()V')).toThrow(/no code/);
    expect(() => cb.methodWithoutCode(ACC_PUBLIC, 'm', '()V')).toThrow(/must be abstract or native/);
    expect(() => cb.method(ACC_PUBLIC, 'm', '(V)V')).toThrow(ClassFormatError);
  });

  it('builds java/lang/Object without a superclass', () => {
    const cf = new ClassBuilder({ name: 'java/lang/Object', accessFlags: ACC_PUBLIC, superName: null }).build();
    expect(cf.superClass).toBe(0);
  });
});
