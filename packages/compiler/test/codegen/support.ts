// Shared helpers of the code-generator tests: compiling Oak against the JDK signature fixture, writing
// class files, and running them (and javac's output for the same source) on HotSpot when a JDK is present.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { OPCODES, decodeInstructions, readClassFile, readRuntimeImage, cpUtf8, type ClassFile, type CodeAttribute, type MemberInfo } from '@oakvm/classfile';
import { compile, type CompileResult } from '../../src/compile.js';
import { formatDiagnostic } from '../../src/diagnostics.js';

const here = dirname(fileURLToPath(import.meta.url));

let symbols: Map<string, Uint8Array> | undefined;

/** The JDK's java.lang (signatures only) as a class-path lookup. */
export function jdkClassPath(name: string): Uint8Array | undefined {
  symbols ??= readRuntimeImage(readFileSync(join(here, 'fixtures', 'jdk-symbols.img')));
  return symbols.get(name);
}

export type Sources = Record<string, string>;

/** Compiles the sources (file name -> text) and fails with the formatted diagnostics if there are any. */
export function compileOak(sources: Sources): CompileResult {
  const texts = Object.entries(sources).map(([path, text]) => ({ path, text }));
  const result = compile(texts, { classPath: jdkClassPath });
  if (result.diagnostics.length > 0) {
    const byPath = new Map(texts.map((t) => [t.path, t]));
    const shown = result.diagnostics.map((d) => formatDiagnostic(d, byPath.get(d.file) ?? { path: d.file, text: '' }));
    throw new Error(`compilation failed:\n${shown.join('\n')}`);
  }
  return result;
}

/** Compiles a single-class program `Main.oak`. */
export function compileMain(text: string): Map<string, Uint8Array> {
  return compileOak({ 'Main.oak': text }).classes;
}

export function tempDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), `oak-${prefix}-`));
}

export function writeClasses(dir: string, classes: Map<string, Uint8Array>): void {
  for (const [name, bytes] of classes) {
    const file = join(dir, `${name}.class`);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, bytes);
  }
}

function commandWorks(cmd: string, args: string[]): boolean {
  try {
    return spawnSync(cmd, args, { stdio: 'ignore' }).status === 0;
  } catch {
    return false;
  }
}

export const hasJdk = commandWorks('java', ['-version']) && commandWorks('javac', ['-version']) && commandWorks('javap', ['-version']);
if (!hasJdk) console.warn('code-generator tests: no JDK (java, javac, javap) on PATH; the HotSpot comparisons are skipped');

export interface RunResult {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `main` from `dir` on HotSpot; classes from the class path are verified by default. */
export function runJava(dir: string, main: string): RunResult {
  const r = spawnSync('java', ['-Xverify:all', '-cp', dir, main], { encoding: 'utf8', timeout: 30_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Compiles Java sources with javac --release 8 into `dir`. */
export function javac(dir: string, sources: Sources): void {
  const srcDir = join(dir, 'src');
  const files = Object.entries(sources).map(([path, text]) => {
    const file = join(srcDir, path.replace(/\.oak$/, '.java'));
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, text);
    return file;
  });
  const r = spawnSync('javac', ['--release', '8', '-g', '-nowarn', '-d', dir, ...files], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`javac failed:\n${r.stderr}`);
}

export function javap(dir: string, className: string): string {
  const r = spawnSync('javap', ['-c', '-p', '-cp', dir, className], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`javap failed:\n${r.stderr}`);
  return r.stdout;
}

/** The class and one of its methods' decoded instructions, as names, for structural assertions. */
export function methodOps(bytes: Uint8Array, methodName: string): string[] {
  const cf = readClassFile(bytes);
  const code = codeOf(cf, findMethod(cf, methodName));
  return decodeInstructions(code.code).map((i) => opName(i.opcode));
}

export function findMethod(cf: ClassFile, name: string): MemberInfo {
  const m = cf.methods.find((x) => cpUtf8(cf.constantPool, x.nameIndex) === name);
  if (m === undefined) throw new Error(`no method ${name}`);
  return m;
}

export function codeOf(cf: ClassFile, m: MemberInfo): CodeAttribute {
  const code = m.attributes.find((a): a is CodeAttribute => a.kind === 'Code');
  if (code === undefined) throw new Error('method has no Code');
  return code;
}


function opName(opcode: number): string {
  return OPCODES[opcode]?.name ?? `op${opcode}`;
}
