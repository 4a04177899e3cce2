// The library checked with the JDK: javac compiles it with an empty boot class path (so it is valid Java
// and self-contained), its natives and VM-facing members match the contract in src/vm-contract.ts, and the
// corpus's programs link against it both as javac --release 8 class files and as source.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NATIVE_METHODS, VM_FIELDS, VM_METHODS, memberKey } from '@oakvm/classlib';
import { compileWithJavac, hasJavac } from '../scripts/build-image.mjs';
import { LibraryIndex } from './library-index.js';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
const hasJdk = hasJavac();
if (!hasJdk) console.warn('classlib: skipping the javac checks of the class library: no JDK (javac) on PATH');

function filesUnder(dir: string, suffix: string): string[] {
  const out: string[] = [];
  const walk = (d: string): void => {
    let entries;
    try {
      entries = readdirSync(d, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      const full = join(d, e.name);
      if (e.isDirectory()) walk(full);
      else if (e.name.endsWith(suffix)) out.push(full);
    }
  };
  walk(dir);
  return out.sort();
}

describe.skipIf(!hasJdk)('the class library compiled by javac', () => {
  let work: string;
  let libDir: string;
  let classes: Map<string, Uint8Array>;
  let index: LibraryIndex;

  beforeAll(() => {
    work = mkdtempSync(join(tmpdir(), 'oakvm-classlib-test-'));
    libDir = join(work, 'lib');
    classes = compileWithJavac(libDir);
    index = new LibraryIndex(classes);
  });

  afterAll(() => {
    rmSync(work, { recursive: true, force: true });
  });

  it('contains the core classes', () => {
    for (const name of ['java/lang/Object', 'java/lang/String', 'java/lang/StringBuilder', 'java/lang/System', 'java/lang/Throwable', 'java/io/PrintStream', 'java/util/Arrays', 'java/util/Random']) {
      expect(classes.has(name), name).toBe(true);
    }
  });

  it('references nothing outside itself', () => {
    const missing = [...classes].flatMap(([name, bytes]) => index.unresolved(bytes).map((m) => `${name}: ${m}`));
    expect(missing).toEqual([]);
  });

  it('declares exactly the natives of the contract', () => {
    expect(index.nativeMethodKeys()).toEqual(NATIVE_METHODS.map(memberKey).sort());
  });

  it('has every field and method the VM uses, with the contract descriptors', () => {
    for (const f of VM_FIELDS) expect(index.classes.get(f.owner)?.fields.has(`${f.name}:${f.descriptor}`), memberKey(f)).toBe(true);
    for (const m of VM_METHODS) expect(index.classes.get(m.owner)?.methods.has(`${m.name} ${m.descriptor}`), memberKey(m)).toBe(true);
  });

  it('documents every native and VM field in docs/classlib.md', () => {
    const doc = readFileSync(join(repoRoot, 'docs', 'classlib.md'), 'utf8');
    const mathOwners = new Set(['java/lang/Math', 'java/lang/StrictMath']);
    for (const n of NATIVE_METHODS) {
      const documented = mathOwners.has(n.owner) ? doc.includes(` ${n.name} `) || doc.includes(`\`${n.name} `) || doc.includes(` ${n.name}\``) : doc.includes(`${n.name}${n.descriptor}`);
      expect(documented, memberKey(n)).toBe(true);
    }
    for (const f of VM_FIELDS) expect(doc.includes(` ${f.name}\``), memberKey(f)).toBe(true);
  });

  it('links every javac --release 8 twin of the corpus', () => {
    const twinsRoot = join(repoRoot, 'test', 'javac-classes');
    const missing = filesUnder(twinsRoot, '.class').flatMap((file) =>
      index.unresolved(new Uint8Array(readFileSync(file))).map((m) => `${relative(twinsRoot, file)}: ${m}`),
    );
    expect(missing).toEqual([]);
  });

  it('compiles every runnable corpus program against the library alone', () => {
    const programs = filesUnder(join(repoRoot, 'test', 'programs'), '.oak').filter((f) => !f.includes('compile-errors'));
    const srcDir = join(work, 'programs');
    const outDir = join(work, 'program-classes');
    const javaFiles = programs.map((p) => {
      const file = join(srcDir, relative(join(repoRoot, 'test', 'programs'), p).replace(/\.oak$/, '.java'));
      return { file, text: readFileSync(p, 'utf8') };
    });
    for (const { file, text } of javaFiles) {
      mkdirSync(join(file, '..'), { recursive: true });
      writeFileSync(file, text);
    }
    const argFile = join(work, 'programs.txt');
    writeFileSync(argFile, javaFiles.map(({ file }) => `"${file}"`).join('\n'));
    let errors = '';
    try {
      execFileSync('javac', ['-source', '8', '-target', '8', '-bootclasspath', libDir, '-Xlint:-options', '-nowarn', '-Xmaxerrs', '1000', '-encoding', 'UTF-8', '-d', outDir, `@${argFile}`], { stdio: ['ignore', 'pipe', 'pipe'] });
    } catch (e) {
      const { stdout, stderr } = e as { stdout?: Buffer; stderr?: Buffer };
      errors = `${stdout?.toString() ?? ''}${stderr?.toString() ?? ''}`.split(`${srcDir}/`).join('');
    }
    expect(errors).toBe('');
  });
});
