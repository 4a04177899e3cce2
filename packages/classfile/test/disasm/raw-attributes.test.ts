// Attributes the model keeps as raw bytes, printed as javap prints them: those decoded here by name
// (annotations, MethodParameters, Record, modules are covered by the corpus comparison), those the model
// decodes in their place but keeps raw out of it, and unknown ones, dumped in hex.
import { describe, expect, it } from 'vitest';
import { disassemble, readClassFile, type ClassFile } from '@oakvm/classfile';
import { corpusFile } from '../io/corpus-files.js';
import { goldenOutput } from './javap-golden.js';

/** A copy of a class file claiming another major version, as a hex editor would make it. */
function withMajorVersion(bytes: Uint8Array, major: number): Uint8Array {
  const copy = bytes.slice();
  copy[6] = major >> 8;
  copy[7] = major & 0xff;
  return copy;
}

describe('attributes kept raw by the reader', () => {
  it('decodes a StackMapTable by name in a version-49 class, as javap does', () => {
    const name = 'release8-g/FrameShapes.class';
    const old = readClassFile(withMajorVersion(corpusFile(name), 49));
    // The reader keeps StackMapTable raw before version 50; javap prints it all the same.
    const code = old.methods.flatMap((m) => m.attributes).find((a) => a.kind === 'Code');
    expect(code?.kind === 'Code' && code.attributes.some((a) => a.kind === 'Raw')).toBe(true);
    const text = disassemble(old, { verbose: true, access: 'private' });
    const expected = (goldenOutput(name, '.v.txt') ?? '')
      .split('\n')
      .filter((line) => !/^(Classfile|  Last modified|  SHA-256)/.test(line))
      .join('\n')
      .replace('major version: 52', 'major version: 49');
    expect(text).toBe(expected);
    expect(disassemble(old, { code: true })).toBe(goldenOutput(name, '.c.txt'));
  });

  it('dumps an attribute it does not know in hex, 16 bytes a line', () => {
    const cf: ClassFile = readClassFile(corpusFile('release17/Hello.class'));
    const pool = [...cf.constantPool, { kind: 'Utf8' as const, value: 'Vendor' }];
    const info = Uint8Array.from({ length: 18 }, (_, i) => i * 15);
    const text = disassemble({ ...cf, constantPool: pool, attributes: [...cf.attributes, { kind: 'Raw', nameIndex: pool.length - 1, info }] }, { verbose: true });
    expect(text.endsWith('  Vendor: length = 0x12\n   00 0F 1E 2D 3C 4B 5A 69 78 87 96 A5 B4 C3 D2 E1\n   F0 FF\n')).toBe(true);
  });

  it('dumps a known attribute that does not decode, saying why', () => {
    const cf: ClassFile = readClassFile(corpusFile('release17/Hello.class'));
    const pool = [...cf.constantPool, { kind: 'Utf8' as const, value: 'MethodParameters' }];
    const info = Uint8Array.of(2, 0, 1);
    const text = disassemble({ ...cf, constantPool: pool, attributes: [...cf.attributes, { kind: 'Raw', nameIndex: pool.length - 1, info }] }, { verbose: true });
    expect(text).toMatch(/ {2}MethodParameters: length = 0x3 \(Truncated MethodParameters attribute: .*\)\n {3}02 00 01\n$/);
  });
});
