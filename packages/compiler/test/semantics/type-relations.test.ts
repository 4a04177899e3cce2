// Subtyping and the conversions of JLS chapter 5, over the JDK class signatures.
import { describe, expect, it } from 'vitest';
import { isAssignable, isCastable, isInvocationConvertible, isSubtype } from '../../src/semantics/type-relations.js';
import { binaryPromote, Types, unaryPromote, type Type } from '../../src/semantics/types.js';
import { jdkEnvironment } from './check-helper.js';

const env = jdkEnvironment();
const cls = (name: string): Type => Types.classType(name);
const arr = (t: Type): Type => Types.arrayOf(t);

describe('promotions', () => {
  it('unary promotion widens byte, short and char to int only', () => {
    expect(unaryPromote(Types.byte)).toEqual(Types.int);
    expect(unaryPromote(Types.char)).toEqual(Types.int);
    expect(unaryPromote(Types.long)).toEqual(Types.long);
    expect(unaryPromote(Types.float)).toEqual(Types.float);
  });
  it('binary promotion picks double, float, long, else int', () => {
    expect(binaryPromote(Types.byte, Types.short)).toEqual(Types.int);
    expect(binaryPromote(Types.char, Types.long)).toEqual(Types.long);
    expect(binaryPromote(Types.long, Types.float)).toEqual(Types.float);
    expect(binaryPromote(Types.int, Types.double)).toEqual(Types.double);
  });
});

describe('subtyping', () => {
  it('follows superclasses and interfaces', () => {
    expect(isSubtype(env, cls('java/lang/Integer'), cls('java/lang/Number'))).toBe(true);
    expect(isSubtype(env, cls('java/lang/String'), cls('java/lang/CharSequence'))).toBe(true);
    expect(isSubtype(env, cls('java/lang/ArithmeticException'), cls('java/lang/Throwable'))).toBe(true);
    expect(isSubtype(env, cls('java/lang/Number'), cls('java/lang/Integer'))).toBe(false);
  });
  it('treats arrays covariantly for references and exactly for primitives', () => {
    expect(isSubtype(env, arr(cls('java/lang/String')), arr(cls('java/lang/Object')))).toBe(true);
    expect(isSubtype(env, arr(Types.int), arr(Types.long))).toBe(false);
    expect(isSubtype(env, arr(Types.int), cls('java/lang/Object'))).toBe(true);
    expect(isSubtype(env, arr(Types.int), cls('java/lang/Cloneable'))).toBe(true);
    expect(isSubtype(env, arr(arr(Types.int)), arr(cls('java/lang/Object')))).toBe(true);
  });
  it('lets null convert to any reference type', () => {
    expect(isSubtype(env, Types.null, arr(Types.int))).toBe(true);
    expect(isSubtype(env, Types.null, Types.int)).toBe(false);
  });
});

describe('assignment and invocation conversion', () => {
  it('widens primitives but never narrows them implicitly', () => {
    expect(isInvocationConvertible(env, Types.int, Types.long)).toBe(true);
    expect(isInvocationConvertible(env, Types.char, Types.int)).toBe(true);
    expect(isInvocationConvertible(env, Types.byte, Types.char)).toBe(false);
    expect(isInvocationConvertible(env, Types.long, Types.float)).toBe(true);
    expect(isInvocationConvertible(env, Types.boolean, Types.int)).toBe(false);
  });
  it('narrows int constants that fit in assignment context only', () => {
    expect(isAssignable(env, Types.int, Types.byte, { kind: 'int', value: 127 })).toBe(true);
    expect(isAssignable(env, Types.int, Types.byte, { kind: 'int', value: 128 })).toBe(false);
    expect(isAssignable(env, Types.int, Types.char, { kind: 'int', value: -1 })).toBe(false);
    expect(isAssignable(env, Types.char, Types.short, { kind: 'char', value: 97 })).toBe(true);
    expect(isAssignable(env, Types.long, Types.int, { kind: 'long', value: 1n })).toBe(false);
    expect(isInvocationConvertible(env, Types.int, Types.byte)).toBe(false);
  });
  it('does not box', () => {
    expect(isAssignable(env, Types.int, cls('java/lang/Integer'))).toBe(false);
    expect(isAssignable(env, cls('java/lang/Integer'), Types.int)).toBe(false);
  });
});

describe('casting conversion', () => {
  it('allows any numeric cast and no boolean cast', () => {
    expect(isCastable(env, Types.double, Types.char)).toBe(true);
    expect(isCastable(env, Types.boolean, Types.int)).toBe(false);
    expect(isCastable(env, Types.int, cls('java/lang/Object'))).toBe(false);
  });
  it('allows downcasts and rejects casts between unrelated classes', () => {
    expect(isCastable(env, cls('java/lang/Object'), cls('java/lang/String'))).toBe(true);
    expect(isCastable(env, cls('java/lang/String'), cls('java/lang/Integer'))).toBe(false);
    expect(isCastable(env, cls('java/lang/Number'), cls('java/lang/Integer'))).toBe(true);
  });
  it('allows casts to interfaces unless the class is final and does not implement them', () => {
    expect(isCastable(env, cls('java/lang/Object'), cls('java/lang/Runnable'))).toBe(true);
    expect(isCastable(env, cls('java/lang/Number'), cls('java/lang/Runnable'))).toBe(true);
    expect(isCastable(env, cls('java/lang/String'), cls('java/lang/Runnable'))).toBe(false);
    expect(isCastable(env, cls('java/lang/Runnable'), cls('java/lang/Thread'))).toBe(true);
  });
  it('casts arrays element-wise', () => {
    expect(isCastable(env, arr(cls('java/lang/Object')), arr(cls('java/lang/String')))).toBe(true);
    expect(isCastable(env, arr(Types.int), arr(Types.long))).toBe(false);
    expect(isCastable(env, cls('java/lang/Object'), arr(Types.int))).toBe(true);
    expect(isCastable(env, cls('java/lang/String'), arr(Types.int))).toBe(false);
  });
});
