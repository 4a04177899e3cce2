// Loads the commands' CommonJS bundles with V8's code cache. A cold start spends most of its time compiling
// JavaScript: V8 parses each bundle and compiles every function on its first call. The build runs each
// command once on a small program (scripts/train-code-cache.mjs) with OAKVM_WRITE_CODE_CACHE set, and this
// loader then saves, beside the bundle, the bytecode of every function that run compiled. Later runs hand that
// to V8, which skips the compilation. Node 20 has no compile cache for ES modules, hence CommonJS bundles.
//
// A cache is only an optimisation: one that is missing, stale (the bundle was rebuilt), or rejected by V8
// (another Node version or other V8 flags) is ignored. Nothing is written except in a training run. There
// each thread that loaded a bundle writes its cache when it exits, unless another thread of the same
// process wrote a larger one: the thread that ran more of the bundle (oaki's worker) compiled more of it.
import { closeSync, openSync, readFileSync, readSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, resolve } from 'node:path';
import { Script } from 'node:vm';

/**
 * Makes this process write the code caches of the bundles it loads when it exits: a comma-separated list
 * of bundle file names (`oak.cjs,index.cjs`), or `*` for all.
 */
export const WRITE_CACHE_VARIABLE = 'OAKVM_WRITE_CODE_CACHE';

/**
 * Makes this process say on stderr, when it exits, what became of the code cache of each bundle it loaded
 * (`code cache: FILE: accepted`): the way to find out why a command starts slowly.
 */
export const REPORT_CACHE_VARIABLE = 'OAKVM_CODE_CACHE_REPORT';

/**
 * Under this global symbol the loader records the script a command was started from, so a command that
 * starts itself again in a worker thread goes through the loader (and the cache) too.
 */
export const ENTRY_KEY = Symbol.for('oakvm.entry');

/**
 * The cache file starts with this header: a magic number, then the size and modification time of the
 * bundle the cache was made from. V8 checks its own version and flags, but of the source only the length,
 * so a bundle rebuilt to the same length would otherwise run with the old bundle's code.
 */
const MAGIC = 0x4f414b43; // "OAKC"
const HEADER_BYTES = 4 + 8 + 8;

type ModuleFunction = (exports: object, require: NodeJS.Require, module: { exports: unknown }, filename: string, dirname: string) => void;

/** What became of a bundle's cache: none found, used, belonging to another build, or refused by V8. */
export type CodeCacheState = 'none' | 'accepted' | 'stale' | 'rejected';

const loaded = new Map<string, unknown>();
const states = new Map<string, CodeCacheState>();
const toWrite: { script: Script; cacheFile: string; header: Uint8Array }[] = [];

/**
 * Runs a command's bundle (`bundle`, a CommonJS file) as the program started from the script `entry`, with
 * the V8 flags the command wants. The flags are set before the bundle is compiled because V8 takes a code
 * cache only under the flags it was made with; the training run goes through the same call, so they match.
 */
export function runCommandBundle(bundle: string, entry: string, v8Flags: readonly string[] = []): void {
  // node:v8 takes about 1.5 ms to load, so only a command that sets flags loads it.
  if (v8Flags.length > 0) {
    const { setFlagsFromString } = createRequire(import.meta.url)('node:v8') as typeof import('node:v8');
    for (const flag of v8Flags) setFlagsFromString(flag);
  }
  (globalThis as Record<symbol, unknown>)[ENTRY_KEY] = entry;
  loadBundle(bundle);
}

/** Loads a CommonJS bundle once per thread, through its code cache, and returns its exports. */
export function loadBundle(bundle: string): unknown {
  const file = resolve(bundle);
  if (loaded.has(file)) return loaded.get(file);
  const source = readFileSync(file, 'utf8');
  const stats = statSync(file);
  const header = cacheHeader(stats.size, Math.trunc(stats.mtimeMs));
  const cacheFile = `${file}.cache`;
  const cache = readCache(cacheFile, header);
  const script = new Script(wrap(source), { filename: file, cachedData: cache === 'none' || cache === 'stale' ? undefined : cache });
  if (states.size === 0 && process.env[REPORT_CACHE_VARIABLE] !== undefined) process.once('exit', reportCacheStates);
  states.set(file, typeof cache === 'string' ? cache : script.cachedDataRejected === true ? 'rejected' : 'accepted');
  if (isTraining(file)) {
    if (toWrite.length === 0) process.once('exit', saveCodeCaches);
    toWrite.push({ script, cacheFile, header });
  }
  const module = { exports: {} as unknown };
  loaded.set(file, module.exports);
  const run = script.runInThisContext() as ModuleFunction;
  run.call(module.exports, module.exports as object, createRequire(file), module, file, dirname(file));
  loaded.set(file, module.exports);
  return module.exports;
}

/** How the code cache of a bundle this thread loaded fared (for tests and diagnostics). */
export function codeCacheState(file: string): CodeCacheState | undefined {
  return states.get(resolve(file));
}

function reportCacheStates(): void {
  for (const [file, state] of states) process.stderr.write(`code cache: ${file}: ${state}\n`);
}

/** The same wrapper Node puts around a CommonJS module, kept on one line so positions stay right. */
function wrap(source: string): string {
  return `(function (exports, require, module, __filename, __dirname) { ${source}\n})`;
}

function cacheHeader(size: number, mtimeMs: number): Uint8Array {
  const header = new Uint8Array(HEADER_BYTES);
  const view = new DataView(header.buffer);
  view.setUint32(0, MAGIC);
  view.setFloat64(4, size);
  view.setFloat64(12, mtimeMs);
  return header;
}

/** The cached data after the header, 'none' if there is no cache, 'stale' if it belongs to another build. */
function readCache(cacheFile: string, header: Uint8Array): Buffer | 'none' | 'stale' {
  let fd: number;
  try {
    fd = openSync(cacheFile, 'r');
  } catch {
    return 'none';
  }
  try {
    const size = statSync(cacheFile).size;
    const bytes = Buffer.allocUnsafe(size);
    if (size <= HEADER_BYTES || readSync(fd, bytes, 0, size, 0) !== size) return 'stale';
    for (let i = 0; i < HEADER_BYTES; i++) if (bytes[i] !== header[i]) return 'stale';
    return bytes.subarray(HEADER_BYTES);
  } catch {
    return 'none';
  } finally {
    closeSync(fd);
  }
}

/**
 * Writes the caches of the bundles loaded in a training run; runs at exit, when V8's cache holds every
 * function the run compiled.
 */
export function saveCodeCaches(): void {
  for (const { script, cacheFile, header } of toWrite.splice(0)) {
    try {
      const data = script.createCachedData();
      if (writtenByThisProcess(cacheFile, HEADER_BYTES + data.length)) continue;
      const bytes = new Uint8Array(HEADER_BYTES + data.length);
      bytes.set(header);
      bytes.set(data, HEADER_BYTES);
      writeFileSync(cacheFile, bytes);
    } catch (e) {
      process.stderr.write(`warning: could not write the code cache ${cacheFile}: ${e instanceof Error ? e.message : String(e)}\n`);
    }
  }
}

function isTraining(file: string): boolean {
  const names = process.env[WRITE_CACHE_VARIABLE];
  if (names === undefined || names === '') return false;
  return names === '*' || names.split(',').includes(basename(file));
}

/** Whether another thread of this process already wrote a cache at least `size` bytes long. */
function writtenByThisProcess(cacheFile: string, size: number): boolean {
  const existing = statSync(cacheFile, { throwIfNoEntry: false });
  const processStart = Date.now() - process.uptime() * 1000;
  return existing !== undefined && existing.mtimeMs >= processStart && existing.size >= size;
}
