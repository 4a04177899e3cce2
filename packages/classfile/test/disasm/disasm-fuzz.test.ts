// Bad input never crashes the disassembler: every mutated corpus class the reader accepts is
// disassembled with every option set without any exception, and one it rejects gives ClassFormatError.
import { describe, expect, it } from 'vitest';
import { ClassFormatError, disassemble, readClassFile, type DisassembleOptions } from '@oakvm/classfile';
import { createRandom, mutate } from '../io/fuzz-mutator.mjs';
import { corpusFiles } from '../io/corpus-files.js';

const OPTION_SETS: DisassembleOptions[] = [
  { code: true },
  { verbose: true, access: 'private' },
  { lines: true, descriptors: true, constants: true, access: 'public' },
];

describe('disassembling mutated class files', () => {
  it('gives text for every mutant the reader accepts, and the reader ClassFormatError for the rest (6000 seeded cases)', () => {
    const files = corpusFiles();
    const random = createRandom(20261126);
    let accepted = 0;
    for (let i = 0; i < 6000; i++) {
      const original = random.pick(files);
      const { bytes } = mutate(original.bytes, random);
      let cf;
      try {
        cf = readClassFile(bytes);
      } catch (e) {
        expect(e).toBeInstanceOf(ClassFormatError);
        continue;
      }
      accepted++;
      for (const options of OPTION_SETS) {
        const text = disassemble(cf, { ...options, file: { path: '/x.class', bytes } });
        expect(typeof text).toBe('string');
      }
    }
    // The mutator aims past the constant pool often enough that many mutants still parse.
    expect(accepted).toBeGreaterThan(400);
  });
});
