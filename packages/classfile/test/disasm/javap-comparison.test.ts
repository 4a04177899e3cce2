// oakp against javap on the whole corpus, line for line: `-c` and `-v -p`. javap's outputs are committed
// (test/javap-golden), so this runs without a JDK; the only normalisation is the one the regeneration
// script applies to javap's output (the corpus directory and the date in the -v header).
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { disassemble, encodeLikeJavap, readClassFile } from '@oakvm/classfile';
import { CORPUS_DIR, corpusFiles } from '../io/corpus-files.js';
import { GOLDEN_DATE, GOLDEN_MODES, GOLDEN_PATH_PREFIX, goldenOutput } from './javap-golden.js';

/** oakp's output as the golden files hold javap's: UTF-8 with javap's '?' for lone surrogates, placeholders for path and date. */
function oakpOutput(name: string, bytes: Uint8Array, options: (typeof GOLDEN_MODES)[number]['options']): string {
  const text = disassemble(readClassFile(bytes), {
    ...options,
    file: { path: `${GOLDEN_PATH_PREFIX}${name}`, lastModified: new Date(0), bytes },
  });
  return new TextDecoder().decode(encodeLikeJavap(text)).replace(/^ {2}Last modified [^;\n]*;/m, `  Last modified ${GOLDEN_DATE};`);
}

/** The first differing line, for a readable failure instead of a diff of thousands of lines. */
function firstDifference(actual: string, expected: string): string | undefined {
  if (actual === expected) return undefined;
  const a = actual.split('\n');
  const e = expected.split('\n');
  let i = 0;
  while (i < a.length && i < e.length && a[i] === e[i]) i++;
  return `line ${i + 1}:\n  oakp:  ${JSON.stringify(a[i])}\n  javap: ${JSON.stringify(e[i])}`;
}

const files = corpusFiles();

describe('oakp matches javap on the corpus', () => {
  it('has a javap output committed for every corpus class and mode', () => {
    expect(files.length).toBeGreaterThanOrEqual(40);
    const missing = files.flatMap((f) => GOLDEN_MODES.filter((m) => goldenOutput(f.name, m.suffix) === undefined).map((m) => `${f.name} ${m.name}`));
    expect(missing).toEqual([]);
  });

  for (const mode of GOLDEN_MODES) {
    it(`prints what javap ${mode.name} prints, for all ${files.length} classes`, () => {
      const differences: string[] = [];
      for (const f of files) {
        const expected = goldenOutput(f.name, mode.suffix);
        if (expected === undefined) continue;
        const diff = firstDifference(oakpOutput(f.name, f.bytes, mode.options), expected);
        if (diff !== undefined) differences.push(`${f.name} ${diff}`);
      }
      expect(differences).toEqual([]);
    });
  }
});

const hasJavap = spawnSync('javap', ['-version'], { stdio: 'ignore' }).status === 0;
if (!hasJavap) console.warn('javap-comparison: no javap on the PATH; checking oakp against the committed javap outputs only');

describe.skipIf(!hasJavap)('the committed javap outputs', () => {
  it('are what the installed javap prints (regenerate them with scripts/regen-javap-golden.mjs if not)', () => {
    const name = 'release17-g/Lambdas.class';
    for (const mode of GOLDEN_MODES) {
      const args = mode.name.split(' ');
      const r = spawnSync('javap', ['-J-Duser.language=en', '-J-Duser.country=US', ...args, join(CORPUS_DIR, name)], { encoding: 'utf8' });
      const normalised = r.stdout
        .replace(`Classfile ${CORPUS_DIR}`, `Classfile ${GOLDEN_PATH_PREFIX}`)
        .replace(/^ {2}Last modified [^;\n]*;/m, `  Last modified ${GOLDEN_DATE};`);
      expect(normalised, `${name} ${mode.name}`).toBe(goldenOutput(name, mode.suffix));
    }
  });
});
