// Bad input never crashes the host: mutated class files (bytes flipped, truncated, constants swapped)
// run through load, link and execution. Every case must end in a Java error or a normal run within the
// time limit; a JavaScript exception or an internal VM error escaping is a failure.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { javacClassesRoot } from '../../../test/support/corpus.js';
import { runProgram } from './support/run-program.js';
import { NO_IMAGE_REASON, runtimeImage } from './support/runtime-image.js';

const image = runtimeImage();
if (!image) console.warn(`fuzz: ${NO_IMAGE_REASON}`);

/** A small deterministic generator (xorshift), so failures reproduce. */
function rng(seed: number): () => number {
  let x = seed | 0 || 1;
  return () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return (x >>> 0) / 4294967296;
  };
}

function mutate(bytes: Uint8Array, random: () => number): Uint8Array {
  const out = bytes.slice();
  const kind = Math.floor(random() * 4);
  if (kind === 0) {
    return out.subarray(0, Math.floor(random() * out.length));
  }
  const flips = 1 + Math.floor(random() * 4);
  for (let i = 0; i < flips; i++) {
    const at = 8 + Math.floor(random() * (out.length - 8));
    out[at] = kind === 1 ? out[at]! ^ (1 << Math.floor(random() * 8)) : kind === 2 ? Math.floor(random() * 256) : out[at]! + 1;
  }
  return out;
}

const seeds = ['arith-int/IntOverflow', 'exceptions/TryCatchBasics', 'interfaces/InterfaceDispatch', 'arrays/ArrayBasics']
  .map((p) => join(javacClassesRoot, p))
  .flatMap((dir) => {
    try {
      return readdirSync(dir).filter((f) => f.endsWith('.class')).map((f) => ({ dir, file: f, bytes: new Uint8Array(readFileSync(join(dir, f))) }));
    } catch {
      return [];
    }
  });

describe.skipIf(!image || seeds.length === 0)('mutated class files', () => {
  it('end in a Java error or a normal run, never a host exception', async () => {
    const random = rng(Number(process.env["OAK_FUZZ_SEED"] ?? 20261126));
    const escaped: string[] = [];
    const cases = Number(process.env["OAK_FUZZ_CASES"] ?? 120);
    for (let i = 0; i < cases; i++) {
      const seed = seeds[i % seeds.length]!;
      const name = seed.file.replace(/\.class$/, '');
      const classes = new Map<string, Uint8Array>();
      for (const f of readdirSync(seed.dir).filter((x) => x.endsWith('.class'))) {
        const n = f.replace(/\.class$/, '');
        const bytes = new Uint8Array(readFileSync(join(seed.dir, f)));
        classes.set(n, n === name ? mutate(bytes, random) : bytes);
      }
      const main = [...classes.keys()].find((n) => !n.includes('$') && /^[A-Z]/.test(n) && seed.dir.endsWith(n)) ?? name;
      try {
        const r = await runProgram({ main, classes, classPath: [], timeoutMs: 20000, maxHeapBytes: 32 << 20 });
        if (/internal error|TypeError|RangeError|ReferenceError/.test(r.stderr)) escaped.push(`case ${i} (${name}): ${r.stderr.split('\n')[0]}`);
      } catch (e) {
        escaped.push(`case ${i} (${name}): ${e instanceof Error ? `${e.name}: ${e.message}` : String(e)}`);
      }
    }
    expect(escaped).toEqual([]);
  });
});
