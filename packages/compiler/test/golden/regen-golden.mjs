#!/usr/bin/env node
// Regenerates expected/<Program>.javap.txt: `javap -c -p` of the class files oakc makes from each program
// in programs/, compiled against the JDK signature fixture. Review the diff: it shows every change in the
// code the compiler generates. Needs a JDK (javap); runs with plain node (the compiler is bundled first).
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..', '..', '..');
const work = mkdtempSync(join(tmpdir(), 'oak-golden-'));
try {
  const bundle = join(work, 'compiler.mjs');
  await build({
    stdin: {
      contents: "export { compile } from './packages/compiler/src/compile.ts'; export { readRuntimeImage } from './packages/classfile/src/index.ts';",
      resolveDir: root,
      loader: 'ts',
    },
    bundle: true,
    format: 'esm',
    platform: 'node',
    outfile: bundle,
    alias: { '@oakvm/classfile': join(root, 'packages/classfile/src/index.ts') },
    logLevel: 'warning',
  });
  const { compile, readRuntimeImage } = await import(pathToFileURL(bundle).href);
  const image = readRuntimeImage(readFileSync(join(here, '..', 'codegen', 'fixtures', 'jdk-symbols.img')));
  for (const file of readdirSync(join(here, 'programs')).filter((f) => f.endsWith('.oak')).sort()) {
    const result = compile([{ path: file, text: readFileSync(join(here, 'programs', file), 'utf8') }], { classPath: (n) => image.get(n) });
    if (result.diagnostics.length > 0) throw new Error(`${file}: ${result.diagnostics.map((d) => d.message).join('; ')}`);
    const out = join(work, file);
    const names = [...result.classes.keys()].sort();
    for (const [name, bytes] of result.classes) {
      mkdirSync(dirname(join(out, `${name}.class`)), { recursive: true });
      writeFileSync(join(out, `${name}.class`), bytes);
    }
    const text = execFileSync('javap', ['-c', '-p', '-cp', out, ...names], { encoding: 'utf8' });
    writeFileSync(join(here, 'expected', file.replace(/\.oak$/, '.javap.txt')), text);
    console.log(`${file}: ${names.length} classes`);
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
