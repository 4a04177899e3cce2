// oakc [-d DIR] [-cp PATH] FILES...: compiles Oak sources to class files, as javac does. Classes are
// looked up in the runtime image (packages/classlib/dist/classlib.img) first, then in the -cp entries.
// Exit codes as javac's: 0 success, 1 compile errors, 2 bad command line, 4 an I/O or internal failure.
import { existsSync, mkdirSync, readFileSync, statSync, writeFile } from 'node:fs';
import { delimiter, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readRuntimeImage } from '@oakvm/classfile';
import { compile, type CompileResult } from '../compile.js';
import { formatDiagnostic, formatErrorCount, type SourceText } from '../diagnostics.js';
import { chainClassPaths, mapClassPath, type ClassPath } from '../class-path.js';

const USAGE = `Usage: oakc [-d DIR] [-cp PATH] FILES...
  -d DIR          where to place generated class files (default: beside each source)
  -cp PATH        class path: directories (or .img runtime images) separated by '${delimiter}'
  -classpath PATH same as -cp`;

class UsageError extends Error {}

interface Arguments {
  outputDir: string | undefined;
  classPath: string[];
  files: string[];
}

function parseArguments(args: readonly string[]): Arguments {
  const parsed: Arguments = { outputDir: undefined, classPath: [], files: [] };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    if (arg === '-d' || arg === '-cp' || arg === '-classpath' || arg === '--class-path') {
      const value = args[++i];
      if (value === undefined) throw new UsageError(`${arg} requires an argument`);
      if (arg === '-d') parsed.outputDir = value;
      else parsed.classPath.push(...value.split(delimiter).filter((p) => p !== ''));
    } else if (arg === '-help' || arg === '--help' || arg === '-h') {
      throw new UsageError('');
    } else if (arg.startsWith('-')) {
      throw new UsageError(`invalid flag: ${arg}`);
    } else {
      parsed.files.push(arg);
    }
  }
  if (parsed.files.length === 0) throw new UsageError('no source files');
  return parsed;
}

/** The runtime image next to the bundle (dist/) or the sources (src/cli/), whichever layout this runs from. */
function findRuntimeImage(): string | undefined {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 5; i++) {
    for (const candidate of [join(dir, 'classlib', 'dist', 'classlib.img'), join(dir, 'packages', 'classlib', 'dist', 'classlib.img')]) {
      if (existsSync(candidate)) return candidate;
    }
    dir = dirname(dir);
  }
  return undefined;
}

/**
 * The runtime image this installation built comes first and is trusted as the VM trusts it (no CRC-32 of
 * the whole image, a few milliseconds of every run); images named by -cp are checked.
 */
function classPath(entries: readonly string[]): ClassPath {
  const runtime = findRuntimeImage();
  const image = (file: string, trusted: boolean): ClassPath => mapClassPath(readRuntimeImage(readFileSync(file), { trusted }));
  const given = entries.map((entry) => (entry.endsWith('.img') ? image(entry, false) : directoryClassPath(entry)));
  return chainClassPaths(runtime === undefined ? given : [image(runtime, true), ...given]);
}

function directoryClassPath(dir: string): ClassPath {
  return {
    lookup: (name) => {
      const file = join(dir, `${name}.class`);
      return existsSync(file) ? readFileSync(file) : undefined;
    },
    packageExists: (pkg) => {
      try {
        return statSync(join(dir, pkg)).isDirectory();
      } catch {
        return false;
      }
    },
  };
}

/**
 * One thread on purpose: on the 2-core machines this targets, V8's own background threads (JIT
 * compilation, concurrent marking, parallel scavenges) already keep the second core about half busy, and
 * a worker thread must warm up its own copy of the whole front end. Splitting parse, check and code
 * generation between two threads (commit 431ed3e) gave the same class files but took longer: see the
 * benchmark section of docs/compiler.md.
 */
function compileSources(sources: readonly SourceText[], classPathEntries: readonly string[]): CompileResult {
  const path = classPath(classPathEntries);
  return compile(sources, { classPath: path.lookup, packageExists: path.packageExists });
}

async function run(args: readonly string[]): Promise<number> {
  let parsed: Arguments;
  try {
    parsed = parseArguments(args);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    if (e.message !== '') process.stderr.write(`error: ${e.message}\n`);
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  const sources: SourceText[] = [];
  for (const file of parsed.files) {
    if (!file.endsWith('.oak') && !file.endsWith('.java')) {
      process.stderr.write(`error: invalid source file name: ${file}\n`);
      return 2;
    }
    if (!existsSync(file)) {
      process.stderr.write(`error: file not found: ${file}\n`);
      return 2;
    }
    sources.push({ path: file, text: readFileSync(file, 'utf8') });
  }
  const result = compileSources(sources, parsed.classPath);
  if (result.diagnostics.length > 0) {
    const byPath = new Map(sources.map((s) => [s.path, s]));
    for (const d of result.diagnostics) {
      const source = byPath.get(d.file) ?? { path: d.file, text: '' };
      process.stderr.write(`${formatDiagnostic(d, source)}\n`);
    }
    process.stderr.write(`${formatErrorCount(result.diagnostics.length)}\n`);
    return 1;
  }
  await writeClasses(result, parsed.outputDir);
  return 0;
}

/**
 * Writes one file per class. The writes go out together: each is a few system calls that Node's thread
 * pool runs while the others wait on the file system, instead of one after another on this thread. (The
 * callback API: node:fs/promises costs about 1.3 ms to load.)
 */
async function writeClasses(result: CompileResult, outputDir: string | undefined): Promise<void> {
  const files: [string, Uint8Array][] = [];
  const dirs = new Set<string>();
  for (const [name, bytes] of result.classes) {
    const base = outputDir ?? dirname(result.sourceOf.get(name) ?? '.');
    // Without -d javac writes beside the source, ignoring the package; with -d it follows the package path.
    const file = outputDir === undefined ? join(base, `${name.slice(name.lastIndexOf('/') + 1)}.class`) : join(base, `${name}.class`);
    dirs.add(dirname(resolve(file)));
    files.push([file, bytes]);
  }
  for (const dir of dirs) mkdirSync(dir, { recursive: true });
  await Promise.all(files.map(([file, bytes]) => new Promise<void>((done, fail) => writeFile(file, bytes, (e) => (e === null ? done() : fail(e))))));
}

run(process.argv.slice(2)).then(
  (status) => {
    process.exitCode = status;
  },
  (e: unknown) => {
    const detail = e instanceof Error ? e.message : String(e);
    process.stderr.write(`error: ${detail}\n`);
    process.exitCode = 4;
  },
);
