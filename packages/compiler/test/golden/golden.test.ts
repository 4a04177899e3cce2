// Golden disassembly: `javap -c -p` of what oakc generates for each program in programs/ must match
// expected/<Program>.javap.txt, so any change to generated code shows up in review. Regenerate with
// `node packages/compiler/test/golden/regen-golden.mjs` after an intended change. Our own disassembler
// (oakp -c -p) must print the same text, which also keeps the check running where no JDK is installed.
import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { disassemble, readClassFile } from '@oakvm/classfile';
import { compileOak, hasJdk, tempDir, writeClasses } from '../codegen/support.js';

const here = dirname(fileURLToPath(import.meta.url));
const programs = readdirSync(join(here, 'programs'))
  .filter((f) => f.endsWith('.oak'))
  .sort();

describe.skipIf(!hasJdk)('golden disassembly', () => {
  const byProgram = new Map<string, string>();

  beforeAll(() => {
    const dir = tempDir('golden');
    const classesOf = new Map<string, string[]>();
    for (const file of programs) {
      const result = compileOak({ [file]: readFileSync(join(here, 'programs', file), 'utf8') });
      writeClasses(dir, result.classes);
      classesOf.set(file, [...result.classes.keys()].sort());
    }
    // One javap run for every class: JVM start-up is most of the cost.
    const all = [...classesOf.values()].flat();
    const r = spawnSync('javap', ['-c', '-p', '-cp', dir, ...all], { encoding: 'utf8', timeout: 60_000 });
    if (r.status !== 0) throw new Error(`javap failed:\n${r.stderr}`);
    const chunks = r.stdout.split(/(?=^Compiled from )/m);
    if (chunks.length !== all.length) throw new Error(`javap printed ${chunks.length} classes for ${all.length}`);
    const text = new Map(all.map((name, i) => [name, chunks[i] as string]));
    for (const [file, names] of classesOf) byProgram.set(file, names.map((n) => text.get(n)).join(''));
  });

  it.each(programs)('%s', (file) => {
    const expected = readFileSync(join(here, 'expected', file.replace(/\.oak$/, '.javap.txt')), 'utf8');
    expect(byProgram.get(file)).toBe(expected);
  });
});

describe('golden disassembly through oakp', () => {
  it.each(programs)('%s', (file) => {
    const expected = readFileSync(join(here, 'expected', file.replace(/\.oak$/, '.javap.txt')), 'utf8');
    const result = compileOak({ [file]: readFileSync(join(here, 'programs', file), 'utf8') });
    const text = [...result.classes.keys()]
      .sort()
      .map((name) => disassemble(readClassFile(result.classes.get(name) as Uint8Array), { code: true, access: 'private' }))
      .join('');
    expect(text).toBe(expected);
  });
});
