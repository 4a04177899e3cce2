// Our class files on HotSpot (with the verifier on for every class) against javac --release 8's for the
// same sources: the same output, and the same instructions.
import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { compileOak, hasJdk, javac, tempDir, writeClasses, type Sources } from './support.js';

const here = dirname(fileURLToPath(import.meta.url));
const programsDir = join(here, '..', 'golden', 'programs');
const programs = readdirSync(programsDir)
  .filter((f) => f.endsWith('.oak'))
  .map((f) => f.replace(/\.oak$/, ''))
  .sort();

function runAll(classPath: string[], names: string[]): Map<string, string> {
  const r = spawnSync('java', ['-Xverify:all', '-cp', classPath.join(':'), 'RunAll', ...names], { encoding: 'utf8', timeout: 60_000 });
  if (r.status !== 0) throw new Error(`java failed (${r.status}):\n${r.stderr}`);
  const out = new Map<string, string>();
  for (const chunk of r.stdout.split(/^=== /m).slice(1)) {
    const nl = chunk.indexOf('\n');
    out.set(chunk.slice(0, nl), chunk.slice(nl + 1));
  }
  return out;
}

/** `javap -c -p -l` per class, with constant-pool indexes and alignment removed. */
function disassemble(dir: string, classNames: string[]): Map<string, string> {
  const r = spawnSync('javap', ['-c', '-p', '-l', '-cp', dir, ...classNames], { encoding: 'utf8', timeout: 60_000 });
  if (r.status !== 0) throw new Error(`javap failed:\n${r.stderr}`);
  const out = new Map<string, string>();
  for (const chunk of r.stdout.split(/^Compiled from .*$/m).slice(1)) {
    const header = /^(?:public |abstract |final )*(?:class|interface) (\S+)/m.exec(chunk);
    if (header?.[1] !== undefined) out.set(header[1], chunk.replace(/#\d+(, *\d+)?/g, '#$1').replace(/ +/g, ' ').trim());
  }
  return out;
}

describe.skipIf(!hasJdk)('generated code on HotSpot', () => {
  let ours: Map<string, string>;
  let theirs: Map<string, string>;
  let ourCode: Map<string, string>;
  let theirCode: Map<string, string>;
  let classesOf: Map<string, string[]>;

  beforeAll(() => {
    const sources: Sources = {};
    for (const p of programs) sources[`${p}.oak`] = readFileSync(join(programsDir, `${p}.oak`), 'utf8');
    const ourDir = tempDir('ours');
    const result = compileOak(sources);
    writeClasses(ourDir, result.classes);
    classesOf = new Map();
    for (const [name, file] of result.sourceOf) {
      const program = file.replace(/\.oak$/, '');
      classesOf.set(program, [...(classesOf.get(program) ?? []), name]);
    }
    const javacDir = tempDir('javac');
    javac(javacDir, sources);
    const driverDir = tempDir('driver');
    javac(driverDir, { 'RunAll.oak': readFileSync(join(here, 'fixtures', 'RunAll.java'), 'utf8') });
    ours = runAll([ourDir, driverDir], programs);
    theirs = runAll([javacDir, driverDir], programs);
    const allClasses = [...result.classes.keys()];
    ourCode = disassemble(ourDir, allClasses);
    theirCode = disassemble(javacDir, allClasses);
  });

  it.each(programs)('%s prints what javac’s class files print', (program) => {
    const expected = theirs.get(program);
    expect(expected).toBeDefined();
    expect(expected).not.toMatch(/^(threw|failed) /m);
    expect(ours.get(program)).toBe(expected);
  });

  it.each(programs)('%s compiles to the instructions and debug tables javac emits', (program) => {
    const classes = classesOf.get(program) ?? [];
    expect(classes.length).toBeGreaterThan(0);
    for (const cls of classes) {
      expect(theirCode.get(cls), cls).toBeDefined();
      expect(ourCode.get(cls), cls).toBe(theirCode.get(cls));
    }
  });
});
