// Flags, descriptors and signatures as javap prints declarations.
import { describe, expect, it } from 'vitest';
import {
  descriptorFieldType,
  descriptorParameterTypes,
  descriptorReturnType,
  flagNames,
  modifiers,
  parseSignature,
  typeToString,
  ClassFormatError,
} from '@oakvm/classfile';

describe('access flags', () => {
  it('names class flags, ACC_SUPER included, in javap order', () => {
    expect(flagNames(0x0021, 'class')).toEqual(['ACC_PUBLIC', 'ACC_SUPER']);
    expect(flagNames(0x4031, 'class')).toEqual(['ACC_PUBLIC', 'ACC_FINAL', 'ACC_SUPER', 'ACC_ENUM']);
    expect(flagNames(0x2601, 'class')).toEqual(['ACC_PUBLIC', 'ACC_INTERFACE', 'ACC_ABSTRACT', 'ACC_ANNOTATION']);
    expect(flagNames(0x8000, 'class')).toEqual(['ACC_MODULE']);
  });

  it('reads the shared bits by owner', () => {
    expect(flagNames(0x00c0, 'field')).toEqual(['ACC_VOLATILE', 'ACC_TRANSIENT']);
    expect(flagNames(0x10c0, 'method')).toEqual(['ACC_BRIDGE', 'ACC_VARARGS', 'ACC_SYNTHETIC']);
    expect(flagNames(0x0020, 'method')).toEqual(['ACC_SYNCHRONIZED']);
  });

  it('shows bits without a name in hex', () => {
    expect(flagNames(0x0001 | 0x0100, 'field')).toEqual(['ACC_PUBLIC', '0x100']);
    expect(flagNames(0, 'method')).toEqual([]);
  });

  it('gives modifiers in Java order, never abstract for an interface', () => {
    expect(modifiers(0x0019, 'field')).toEqual(['public', 'static', 'final']);
    expect(modifiers(0x0c29, 'method')).toEqual(['public', 'static', 'synchronized', 'abstract', 'strictfp']);
    expect(modifiers(0x0601, 'class')).toEqual(['public']);
    expect(modifiers(0x0411, 'class')).toEqual(['public', 'final', 'abstract']);
    expect(modifiers(0x001a, 'innerClass')).toEqual(['private', 'static', 'final']);
    expect(modifiers(0x1040, 'method')).toEqual([]);
  });
});

describe('descriptors as Java types', () => {
  it('prints field types', () => {
    expect(descriptorFieldType('I')).toBe('int');
    expect(descriptorFieldType('[[J')).toBe('long[][]');
    expect(descriptorFieldType('Ljava/util/Map$Entry;')).toBe('java.util.Map$Entry');
    expect(descriptorFieldType('[Ljava/lang/String;')).toBe('java.lang.String[]');
  });

  it('prints parameter lists and return types', () => {
    expect(descriptorParameterTypes('()V')).toBe('()');
    expect(descriptorParameterTypes('(IJ[Ljava/lang/String;Z)V')).toBe('(int, long, java.lang.String[], boolean)');
    expect(descriptorReturnType('(I)[D')).toBe('double[]');
    expect(descriptorReturnType('()V')).toBe('void');
  });

  it('rejects malformed descriptors with a ClassFormatError', () => {
    expect(() => descriptorFieldType('Q')).toThrow(ClassFormatError);
    expect(() => descriptorFieldType('Ljava/lang/String')).toThrow(ClassFormatError);
    expect(() => descriptorParameterTypes('(I')).toThrow(ClassFormatError);
  });
});

describe('generic signatures', () => {
  const show = (s: string): string => typeToString(parseSignature(s)).replaceAll('/', '.');

  it('prints field signatures as Java types', () => {
    expect(show('Ljava/util/List<Ljava/lang/String;>;')).toBe('java.util.List<java.lang.String>');
    expect(show('Ljava/util/Map<TK;[TV;>;')).toBe('java.util.Map<K, V[]>');
    expect(show('Ljava/util/List<+Ljava/lang/Number;>;')).toBe('java.util.List<? extends java.lang.Number>');
    expect(show('Ljava/util/List<-TT;>;')).toBe('java.util.List<? super T>');
    expect(show('Ljava/lang/Class<*>;')).toBe('java.lang.Class<?>');
    expect(show('LOuter<TT;>.Inner<Ljava/lang/String;>;')).toBe('Outer<T>.Inner<java.lang.String>');
  });

  it('parses method signatures with type parameters and throws', () => {
    const t = parseSignature('<T:Ljava/lang/Object;E:Ljava/lang/Exception;>(TT;[I)TT;^TE;');
    expect(t.kind).toBe('method');
    expect(typeToString(t)).toBe('<T extends java/lang/Object, E extends java/lang/Exception> T (T, int[]) throws E');
  });

  it('parses class signatures, and a lone superclass as a plain type as javap does', () => {
    expect(parseSignature('<T::Ljava/lang/Comparable<TT;>;>Ljava/lang/Object;').kind).toBe('classSig');
    expect(parseSignature('Ljava/lang/Enum<LE;>;').kind).toBe('class');
  });

  it('rejects malformed signatures with a ClassFormatError', () => {
    for (const bad of ['', 'Ljava/util/List<', '<T>V', 'Q', '(I']) expect(() => parseSignature(bad)).toThrow(ClassFormatError);
    // Nesting deep enough to overflow a recursive parser is refused instead.
    expect(() => parseSignature(`${'['.repeat(60000)}I`)).toThrow(ClassFormatError);
    expect(() => parseSignature(`${'LA<'.repeat(20000)}`)).toThrow(ClassFormatError);
  });
});
