import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { codeCacheState, loadBundle, saveCodeCaches, WRITE_CACHE_VARIABLE } from '../../src/node/code-cache.js';

const dir = mkdtempSync(join(tmpdir(), 'oak-code-cache-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// A small CommonJS "bundle" with a function worth caching, and a require of a built-in.
const SOURCE = `const { sep } = require('node:path');
function fib(n) { return n < 2 ? n : fib(n - 1) + fib(n - 2); }
module.exports = { value: fib(15), sep, file: __filename };
`;

/** Runs `body` as a training run that names `bundles`. */
function training<T>(bundles: string, body: () => T): T {
  process.env[WRITE_CACHE_VARIABLE] = bundles;
  try {
    return body();
  } finally {
    delete process.env[WRITE_CACHE_VARIABLE];
  }
}

// Whole seconds, so that copies get exactly the same modification time.
const BUILD_TIME = 1_700_000_000;

/** A copy of `from` (bundle and cache) at `to`, with the bundle's modification time kept. */
function copyBundle(from: string, to: string, withCache = true): void {
  copyFileSync(from, to);
  utimesSync(to, BUILD_TIME, BUILD_TIME);
  if (withCache) copyFileSync(`${from}.cache`, `${to}.cache`);
}

describe('code cache', () => {
  const trained = join(dir, 'trained.cjs');
  writeFileSync(trained, SOURCE);
  utimesSync(trained, BUILD_TIME, BUILD_TIME);

  it('runs a bundle without a cache and writes one in a training run', () => {
    expect(training('other.cjs,trained.cjs', () => loadBundle(trained))).toEqual({ value: 610, sep: '/', file: trained });
    expect(codeCacheState(trained)).toBe('none');
    saveCodeCaches();
    expect(statSync(`${trained}.cache`).size).toBeGreaterThan(20);
  });

  it('loads a bundle once per thread', () => {
    expect(loadBundle(trained)).toBe(loadBundle(trained));
  });

  it('hands a matching cache to V8, which accepts it', () => {
    const copy = join(dir, 'copy.cjs');
    copyBundle(trained, copy);
    expect(loadBundle(copy)).toMatchObject({ value: 610, file: copy });
    expect(codeCacheState(copy)).toBe('accepted');
  });

  it('ignores the cache of another build of the bundle', () => {
    const rebuilt = join(dir, 'rebuilt.cjs');
    copyBundle(trained, rebuilt);
    // Same length, other content, newer time: V8 alone would only compare the length.
    writeFileSync(rebuilt, SOURCE.replace('fib(15)', 'fib(16)'));
    expect(loadBundle(rebuilt)).toMatchObject({ value: 987 });
    expect(codeCacheState(rebuilt)).toBe('stale');
  });

  it('survives a damaged cache', () => {
    const damaged = join(dir, 'damaged.cjs');
    copyBundle(trained, damaged);
    const bytes = readFileSync(`${damaged}.cache`);
    for (let i = 20; i < bytes.length; i++) bytes[i] = (bytes[i] as number) ^ 0x5a;
    writeFileSync(`${damaged}.cache`, bytes);
    expect(loadBundle(damaged)).toMatchObject({ value: 610 });
    expect(codeCacheState(damaged)).toBe('rejected');
  });

  it('treats a truncated cache as stale', () => {
    const truncated = join(dir, 'truncated.cjs');
    copyBundle(trained, truncated);
    writeFileSync(`${truncated}.cache`, readFileSync(`${truncated}.cache`).subarray(0, 10));
    expect(loadBundle(truncated)).toMatchObject({ value: 610 });
    expect(codeCacheState(truncated)).toBe('stale');
  });

  it('writes only the caches a training run names', () => {
    const unnamed = join(dir, 'unnamed.cjs');
    copyBundle(trained, unnamed, false);
    training('trained.cjs', () => loadBundle(unnamed));
    saveCodeCaches();
    expect(existsSync(`${unnamed}.cache`)).toBe(false);
  });

  it('keeps a larger cache another thread of the process wrote', () => {
    const big = join(dir, 'big.cjs');
    copyBundle(trained, big, false);
    const larger = Buffer.alloc(statSync(`${trained}.cache`).size * 4, 1);
    writeFileSync(`${big}.cache`, larger);
    training('*', () => loadBundle(big));
    saveCodeCaches();
    expect(readFileSync(`${big}.cache`).equals(larger)).toBe(true);
  });
});
