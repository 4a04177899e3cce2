// Seeded mutations of the corpus (bit flips, overwrites, truncations, random lengths, counts and pool
// indexes, insertions and deletions). Every mutant must be read as a class or rejected with
// ClassFormatError, and a mutant that reads must write back to exactly its own bytes.
// benchmarks/classfile-fuzz.mjs runs the same mutator on many more cases.
import { describe, expect, it } from 'vitest';
import { ClassFormatError, readClassFile, writeClassFile } from '@oakvm/classfile';
import { corpusFiles } from './corpus-files.js';
import { createRandom, mutate } from './fuzz-mutator.mjs';

const CASES = 4000;
const SEED = 0x0a4b_2026;

describe('fuzzing the reader and writer', () => {
  it(`gives a class or a ClassFormatError for ${CASES} mutants`, () => {
    const files = corpusFiles();
    const random = createRandom(SEED);
    const outcomes = { parsed: 0, rejected: 0 };
    const messages = new Set<string>();
    for (let n = 0; n < CASES; n++) {
      const file = random.pick(files);
      const { bytes, applied } = mutate(file.bytes, random);
      const where = `case ${n} (${file.name}, ${applied.join('+')})`;
      let cf;
      try {
        cf = readClassFile(bytes);
      } catch (e) {
        if (!(e instanceof ClassFormatError)) throw new Error(`${where}: ${String(e)}`, { cause: e });
        expect(e.message, where).not.toContain('reader fault');
        outcomes.rejected++;
        messages.add(e.detail.replace(/\d+/g, 'N'));
        continue;
      }
      outcomes.parsed++;
      const out = writeClassFile(cf);
      expect(Buffer.from(out).equals(Buffer.from(bytes)), `${where} did not write back to its own bytes`).toBe(true);
    }
    // Both outcomes must be common, or the mutator has stopped exercising one side.
    expect(outcomes.parsed).toBeGreaterThan(CASES / 20);
    expect(outcomes.rejected).toBeGreaterThan(CASES / 2);
    expect(messages.size).toBeGreaterThan(40);
  });
});
