import { describe, expect, it } from 'vitest';
import { type Attribute, type AttributeKind, type ClassFile, readClassFile, writeClassFile } from '@oakvm/classfile';
import { corpusFiles } from './corpus-files.js';

function allAttributes(cf: ClassFile): Attribute[] {
  const out: Attribute[] = [...cf.attributes];
  for (const m of [...cf.fields, ...cf.methods]) {
    for (const a of m.attributes) {
      out.push(a);
      if (a.kind === 'Code') out.push(...a.attributes);
    }
  }
  return out;
}

describe('round trip over the javac corpus', () => {
  const files = corpusFiles();

  it('has the corpus the issue asks for', () => {
    expect(files.length).toBeGreaterThanOrEqual(500);
    const variants = new Set(files.map((f) => f.name.split('/')[0]));
    expect([...variants].sort()).toEqual(['release11', 'release11-g', 'release17', 'release17-g', 'release8', 'release8-g']);
  });

  it.each(files.map((f) => [f.name, f.bytes] as const))('%s reads and writes back byte for byte', (_name, bytes) => {
    const out = writeClassFile(readClassFile(bytes));
    // Comparing as Buffers keeps a failure message short: it shows the first differing bytes.
    expect(Buffer.from(out).equals(Buffer.from(bytes))).toBe(true);
  });

  it('decodes every modelled attribute somewhere in the corpus, and never leaves one raw in its place', () => {
    const seen = new Set<AttributeKind>();
    const rawNames = new Set<string>();
    for (const { bytes } of files) {
      const cf = readClassFile(bytes);
      for (const a of allAttributes(cf)) {
        seen.add(a.kind);
        if (a.kind === 'Raw') {
          const name = cf.constantPool[a.nameIndex];
          if (name?.kind === 'Utf8') rawNames.add(name.value);
        }
      }
    }
    const modelled: AttributeKind[] = [
      'Code',
      'ConstantValue',
      'Exceptions',
      'LineNumberTable',
      'LocalVariableTable',
      'LocalVariableTypeTable',
      'SourceFile',
      'InnerClasses',
      'EnclosingMethod',
      'Signature',
      'StackMapTable',
      'BootstrapMethods',
      'NestHost',
      'NestMembers',
      'Raw',
    ];
    expect([...seen].sort()).toEqual([...modelled].sort());
    // Only attributes outside the model are raw: annotations, records, modules, Deprecated and the like.
    for (const name of modelled) expect(rawNames.has(name)).toBe(false);
    expect(rawNames).toContain('RuntimeVisibleAnnotations');
    expect(rawNames).toContain('Record');
    expect(rawNames).toContain('PermittedSubclasses');
    expect(rawNames).toContain('Module');
  });

  it('reads every constant-pool tag javac emits, including Module and Package', () => {
    const kinds = new Set<string>();
    for (const { bytes } of files) {
      for (const e of readClassFile(bytes).constantPool) if (e !== undefined) kinds.add(e.kind);
    }
    // javac 17 never emits CONSTANT_Dynamic; reader.test.ts covers it with a hand-made class.
    for (const kind of [
      'Utf8', 'Integer', 'Float', 'Long', 'Double', 'Class', 'String', 'Fieldref', 'Methodref', 'InterfaceMethodref',
      'NameAndType', 'MethodHandle', 'MethodType', 'InvokeDynamic', 'Module', 'Package',
    ]) {
      expect(kinds).toContain(kind);
    }
  });
});
