import { describe, expect, it } from 'vitest';
import {
  ClassFormatError,
  attributeName,
  className,
  cpClassName,
  cpEntry,
  cpMemberRef,
  cpNameAndType,
  cpString,
  cpUtf8,
  findAttribute,
  findRawAttribute,
  memberName,
  readClassFile,
  superClassName,
} from '@oakvm/classfile';
import { corpusFile } from './corpus-files.js';
import { I, raw, tinyClass } from './tiny-class.js';

describe('constant-pool accessors', () => {
  const hello = readClassFile(corpusFile('release8/Hello.class'));
  const pool = hello.constantPool;
  const indexOf = (kind: string): number => pool.findIndex((e) => e?.kind === kind);

  it('resolve member references to strings', () => {
    const refs = pool.flatMap((e, i) => (e?.kind === 'Fieldref' || e?.kind === 'Methodref' ? [cpMemberRef(pool, i)] : []));
    expect(refs).toEqual(
      expect.arrayContaining([
        { kind: 'Methodref', className: 'java/lang/Object', name: '<init>', descriptor: '()V' },
        { kind: 'Fieldref', className: 'java/lang/System', name: 'out', descriptor: 'Ljava/io/PrintStream;' },
        { kind: 'Methodref', className: 'java/io/PrintStream', name: 'println', descriptor: '(Ljava/lang/String;)V' },
      ]),
    );
  });

  it('resolve strings, classes and name-and-types', () => {
    expect(cpString(pool, indexOf('String'))).toBe('Hello, OakVM');
    expect(cpClassName(pool, hello.thisClass)).toBe('Hello');
    expect(className(hello)).toBe('Hello');
    expect(superClassName(hello)).toBe('java/lang/Object');
    expect(cpNameAndType(pool, indexOf('NameAndType'))).toMatchObject({ name: expect.any(String), descriptor: expect.any(String) });
    expect(attributeName(hello, hello.attributes[0]!)).toBe('SourceFile');
  });

  it.each([
    ['index 0', () => cpUtf8(pool, 0), /Utf8 reference: constant pool index 0 is out of range/],
    ['an index past the end', () => cpEntry(pool, pool.length), new RegExp(`constant pool index ${pool.length} is out of range`)],
    ['a negative index', () => cpEntry(pool, -1), /constant pool index -1 is out of range/],
    ['a fractional index', () => cpEntry(pool, 1.5), /constant pool index 1.5 is out of range/],
    ['the wrong kind', () => cpUtf8(pool, hello.thisClass), /Utf8 reference must refer to a Utf8, but constant pool entry #\d+ is a Class/],
    ['a member ref of the wrong kind', () => cpMemberRef(pool, hello.thisClass), /Member reference must refer to a Fieldref, a Methodref or an InterfaceMethodref/],
    ['a string that is not a String', () => cpString(pool, hello.thisClass), /String reference must refer to a String/],
  ])('throw ClassFormatError for %s', (_what, call, message) => {
    expect(call).toThrow(ClassFormatError);
    expect(call).toThrow(message);
  });

  it('name the unused slot after a Long', () => {
    const cf = tinyClass();
    expect(() => cpEntry(cf.constantPool, I.unusedAfterLong)).toThrow(/index 12 is the unused slot after a Long or Double/);
  });

  it('find attributes by kind and raw attributes by name', () => {
    const cf = tinyClass();
    cf.attributes.push(raw(cf, 'Synthetic'));
    expect(findAttribute(cf.attributes, 'SourceFile')?.sourceFileIndex).toBe(I.sourceFileName);
    expect(findAttribute(cf.attributes, 'InnerClasses')).toBeUndefined();
    expect(findRawAttribute(cf, cf.attributes, 'Synthetic')?.info.length).toBe(0);
    expect(findRawAttribute(cf, cf.attributes, 'Deprecated')).toBeUndefined();
    expect(memberName(cf, cf.methods[0]!)).toBe('run');
  });
});
