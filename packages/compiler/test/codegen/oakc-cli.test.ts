// The oakc command, bundled as scripts/build.mjs bundles it and run as a separate process.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { beforeAll, describe, expect, it } from 'vitest';
import { hasJdk, runJava, tempDir } from './support.js';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..', '..', '..');
const symbols = join(here, 'fixtures', 'jdk-symbols.img');
let oakc: string;

beforeAll(async () => {
  const out = tempDir('oakc-bundle');
  await build({
    entryPoints: { oakc: join(root, 'packages/compiler/src/cli/oakc.ts') },
    outdir: out,
    bundle: true,
    format: 'cjs',
    outExtension: { '.js': '.cjs' },
    define: { 'import.meta.url': '__oakvmModuleUrl' },
    banner: { js: 'var __oakvmModuleUrl = require("node:url").pathToFileURL(__filename).href;' },
    platform: 'node',
    target: 'node20',
    alias: { '@oakvm/classfile': join(root, 'packages/classfile/src/index.ts') },
    logLevel: 'warning',
  });
  oakc = join(out, 'oakc.cjs');
});

function run(args: string[], cwd?: string): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [oakc, ...args], { encoding: 'utf8', cwd, timeout: 60_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

function write(dir: string, files: Record<string, string>): string[] {
  return Object.entries(files).map(([name, text]) => {
    const file = join(dir, name);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, text);
    return file;
  });
}

describe('oakc', () => {
  it('writes one class file per class under -d, following the package', () => {
    const dir = tempDir('oakc-ok');
    const files = write(dir, {
      'src/Main.oak': 'import p.q.Greeter;\npublic class Main {\n  public static void main(String[] args) {\n    System.out.println(new Greeter().greet("oak"));\n  }\n}\nclass Helper {}\n',
      'src/p/q/Greeter.oak': 'package p.q;\npublic class Greeter {\n  public String greet(String who) {\n    return "hello " + who;\n  }\n}\n',
    });
    const out = join(dir, 'out');
    const r = run(['-d', out, '-cp', symbols, ...files]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    for (const f of ['Main.class', 'Helper.class', 'p/q/Greeter.class']) expect(existsSync(join(out, f)), f).toBe(true);
    if (hasJdk) expect(runJava(out, 'Main').stdout).toBe('hello oak\n');
  });

  it('writes class files beside their sources without -d, as javac does', () => {
    const dir = tempDir('oakc-beside');
    const [file] = write(dir, { 'A.oak': 'class A { }\n' });
    const r = run(['-cp', symbols, file as string]);
    expect(r.status).toBe(0);
    expect(existsSync(join(dir, 'A.class'))).toBe(true);
  });

  it('prints diagnostics as javac does and exits 1', () => {
    const dir = tempDir('oakc-errors');
    const [file] = write(dir, { 'Bad.oak': 'public class Bad {\n  void m() {\n    int x = "no";\n    undefinedName++;\n  }\n}\n' });
    const r = run(['-d', join(dir, 'out'), '-cp', symbols, 'Bad.oak'], dir);
    expect(r.status).toBe(1);
    const lines = r.stderr.split('\n');
    expect(lines[0]).toMatch(/^Bad\.oak:3:13: error: /);
    expect(lines[1]).toBe('    int x = "no";');
    expect(lines[2]).toBe('            ^');
    expect(r.stderr).toMatch(/^Bad\.oak:4:5: error: /m);
    expect(lines.at(-2)).toBe('2 errors');
    expect(existsSync(join(dir, 'out'))).toBe(false);
    void file;
  });

  it('reports a bad command line with exit code 2', () => {
    expect(run([]).status).toBe(2);
    const flag = run(['-x', 'A.oak']);
    expect(flag.status).toBe(2);
    expect(flag.stderr).toMatch(/^error: invalid flag: -x/);
    const missing = run(['Nope.oak']);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/^error: file not found: Nope\.oak/);
    expect(run(['-d']).status).toBe(2);
  });

  it('parses a large input on two threads and keeps the files in order', () => {
    const dir = tempDir('oakc-large');
    const files: Record<string, string> = {};
    for (let f = 0; f < 6; f++) {
      const methods = Array.from({ length: 240 }, (_, m) => `  static int m${m}(int x) {\n    int y = x * ${m} + ${f};\n    for (int i = 0; i < 3; i++) y += i;\n    return y;\n  }\n`).join('');
      const broken = f === 1 || f === 4 ? '  static int bad() { return "no"; }\n' : '';
      files[`C${f}.oak`] = `public class C${f} {\n${broken}${methods}}\n`;
    }
    const paths = write(dir, files);
    const failed = run(['-d', join(dir, 'out'), '-cp', symbols, ...paths]);
    expect(failed.status).toBe(1);
    const headers = failed.stderr.split('\n').filter((l) => /error:/.test(l));
    expect(headers.map((h) => h.slice(h.lastIndexOf('/') + 1, h.indexOf(':')))).toEqual(['C1.oak', 'C4.oak']);
    write(dir, { 'C1.oak': (files['C1.oak'] as string).replace(/.*bad\(\).*\n/, ''), 'C4.oak': (files['C4.oak'] as string).replace(/.*bad\(\).*\n/, '') });
    const ok = run(['-d', join(dir, 'out'), '-cp', symbols, ...paths]);
    expect(ok.stderr).toBe('');
    expect(ok.status).toBe(0);
    for (let f = 0; f < 6; f++) expect(existsSync(join(dir, 'out', `C${f}.class`))).toBe(true);
  });

  it('never shows a JavaScript stack trace, whatever the input', () => {
    const dir = tempDir('oakc-garbage');
    const [file] = write(dir, { 'G.oak': 'class G { void m() { int[] a = {1,; for (;;) } ) } \u0000 "unterminated\n' });
    const r = run(['-cp', symbols, file as string]);
    expect(r.status).toBe(1);
    expect(r.stderr).not.toMatch(/\n\s+at .*\(.*:\d+:\d+\)/);
    expect(r.stderr).toMatch(/error/);
  });
});
