import { describe, expect, it } from 'vitest';
import {
  ClassFormatError,
  fieldDescriptorSlots,
  fieldTypeDescriptor,
  parameterSlots,
  parseFieldDescriptor,
  parseMethodDescriptor,
} from '@oakvm/classfile';

describe('field descriptors', () => {
  it('parses base, object and array types', () => {
    expect(parseFieldDescriptor('I')).toEqual({ kind: 'base', char: 'I' });
    expect(parseFieldDescriptor('Ljava/lang/String;')).toEqual({ kind: 'object', className: 'java/lang/String' });
    expect(parseFieldDescriptor('[[J')).toEqual({ kind: 'array', element: { kind: 'array', element: { kind: 'base', char: 'J' } } });
    for (const d of ['Z', 'B', 'C', 'S', 'I', 'J', 'F', 'D', '[Ljava/util/Map$Entry;', '[[[Z', 'La;']) {
      expect(fieldTypeDescriptor(parseFieldDescriptor(d))).toBe(d);
    }
  });

  it('gives slot sizes', () => {
    expect(['I', 'J', 'D', 'F', 'Ljava/lang/Object;', '[D'].map(fieldDescriptorSlots)).toEqual([1, 2, 2, 1, 1, 1]);
  });

  it('rejects malformed descriptors with ClassFormatError', () => {
    const bad = ['', 'V', 'X', 'L;', 'Ljava/lang/String', 'II', '[', 'Ljava.lang.String;', 'La//b;', 'L/a;', '[V', `${'['.repeat(256)}I`];
    for (const d of bad) expect(() => parseFieldDescriptor(d), JSON.stringify(d)).toThrow(ClassFormatError);
    expect(() => parseFieldDescriptor('Q')).toThrow(/invalid field descriptor "Q": unexpected 'Q' at 0/);
    expect(parseFieldDescriptor(`${'['.repeat(255)}I`).kind).toBe('array');
  });
});

describe('method descriptors', () => {
  it('parses parameters and the return type with slot counts', () => {
    const m = parseMethodDescriptor('(IJ[Ljava/lang/String;DLjava/lang/Object;)D');
    expect(m.parameters.map(fieldTypeDescriptor)).toEqual(['I', 'J', '[Ljava/lang/String;', 'D', 'Ljava/lang/Object;']);
    expect(m.argumentSlots).toBe(7);
    expect(m.returnSlots).toBe(2);
    expect(parseMethodDescriptor('()V')).toMatchObject({ parameters: [], returnType: { kind: 'void' }, argumentSlots: 0, returnSlots: 0 });
    expect(parseMethodDescriptor('(Z)Ljava/lang/String;').returnSlots).toBe(1);
  });

  it('counts parameter slots with the receiver of instance methods', () => {
    expect(parameterSlots('(JI)V', true)).toBe(3);
    expect(parameterSlots('(JI)V', false)).toBe(4);
  });

  it('rejects malformed method descriptors with ClassFormatError', () => {
    const bad = ['', 'V', '()', '(V)V', '(I', '(I)VV', '()X', 'I)V', '(Ljava/lang/String)V', `(${'J'.repeat(128)})V`];
    for (const d of bad) expect(() => parseMethodDescriptor(d), JSON.stringify(d)).toThrow(ClassFormatError);
    expect(parseMethodDescriptor(`(${'J'.repeat(127)}I)V`).argumentSlots).toBe(255);
  });
});
