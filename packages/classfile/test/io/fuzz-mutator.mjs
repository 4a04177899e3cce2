// Seeded mutations of class files, shared by the fuzz test (fuzz.test.ts) and the fuzz benchmark
// (benchmarks/classfile-fuzz.mjs). Plain JavaScript so the benchmark can run it without a TypeScript
// loader; the types are in fuzz-mutator.d.mts.
import { mulberry32 } from '../../../../test/support/seeded-random.mjs';

/** The shared seeded generator, with the helpers the mutator needs. */
export function createRandom(seed) {
  const next = mulberry32(seed);
  return { next, int: (n) => Math.floor(next() * n), pick: (xs) => xs[Math.floor(next() * xs.length)] };
}

/** Values that tend to break length, count and index handling. */
const INTERESTING_U2 = [0, 1, 2, 0x7f, 0x80, 0xff, 0x100, 0x7fff, 0x8000, 0xfffe, 0xffff];
const INTERESTING_U4 = [0, 1, 0x7fffffff, 0x80000000, 0xfffffff0, 0xffffffff, 0x10000, 0xffff];

/** The mutation kinds, in the order mutate() draws them. */
export const MUTATIONS = ['bitFlip', 'byteOverwrite', 'truncate', 'u2Overwrite', 'u4Overwrite', 'poolIndex', 'insert', 'delete'];

/**
 * Applies one to three random mutations to a copy of `original` and returns the mutant and the names of
 * the mutations applied. Offsets never land in the magic number, so most mutants get past it, and half
 * of them land after the constant pool: the pool is most of a file, and uniform offsets would rarely
 * reach the members and attributes.
 */
export function mutate(original, random) {
  let bytes = original.slice();
  const applied = [];
  const rounds = 1 + random.int(3);
  const afterPool = poolEnd(original);
  for (let r = 0; r < rounds && bytes.length > 8; r++) {
    const kind = random.pick(MUTATIONS);
    const from = random.next() < 0.5 && afterPool < bytes.length ? afterPool : 4;
    const at = from + random.int(bytes.length - from);
    applied.push(kind);
    switch (kind) {
      case 'bitFlip':
        bytes[at] ^= 1 << random.int(8);
        break;
      case 'byteOverwrite':
        bytes[at] = random.next() < 0.5 ? random.pick([0, 0x7f, 0x80, 0xff]) : random.int(256);
        break;
      case 'truncate':
        bytes = bytes.slice(0, at);
        break;
      case 'u2Overwrite':
        putU2(bytes, at, random.next() < 0.5 ? random.pick(INTERESTING_U2) : random.int(0x10000));
        break;
      case 'u4Overwrite':
        putU4(bytes, at, random.next() < 0.5 ? random.pick(INTERESTING_U4) : random.int(0x100000000));
        break;
      case 'poolIndex': {
        // An index just inside, at or just past the end of this file's pool hits the range and kind checks.
        const poolCount = (original[8] << 8) | original[9];
        putU2(bytes, at, Math.max(0, poolCount - 3 + random.int(6)));
        break;
      }
      case 'insert': {
        const extra = Uint8Array.from({ length: 1 + random.int(4) }, () => random.int(256));
        bytes = concat(bytes.subarray(0, at), extra, bytes.subarray(at));
        break;
      }
      case 'delete':
        bytes = concat(bytes.subarray(0, at), bytes.subarray(Math.min(bytes.length, at + 1 + random.int(4))));
        break;
      default:
        throw new Error(`unknown mutation ${kind}`);
    }
  }
  return { bytes, applied };
}

/** Bytes after the tag of each constant kind, or 0 for a Utf8, whose length follows the tag. */
const ENTRY_SIZE = { 1: 0, 3: 4, 4: 4, 5: 8, 6: 8, 7: 2, 8: 2, 9: 4, 10: 4, 11: 4, 12: 4, 15: 3, 16: 2, 17: 4, 18: 4, 19: 2, 20: 2 };

/** Offset just past the constant pool of a well-formed class file (the corpus files are). */
function poolEnd(bytes) {
  const count = (bytes[8] << 8) | bytes[9];
  let pos = 10;
  for (let i = 1; i < count && pos < bytes.length; i++) {
    const tag = bytes[pos];
    const size = tag === 1 ? 2 + ((bytes[pos + 1] << 8) | bytes[pos + 2]) : (ENTRY_SIZE[tag] ?? 0);
    pos += 1 + size;
    if (tag === 5 || tag === 6) i++;
  }
  return pos;
}

function putU2(bytes, at, v) {
  if (at + 1 >= bytes.length) return;
  bytes[at] = v >>> 8;
  bytes[at + 1] = v & 0xff;
}

function putU4(bytes, at, v) {
  if (at + 3 >= bytes.length) return;
  bytes[at] = v >>> 24;
  bytes[at + 1] = (v >>> 16) & 0xff;
  bytes[at + 2] = (v >>> 8) & 0xff;
  bytes[at + 3] = v & 0xff;
}

function concat(...parts) {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let pos = 0;
  for (const p of parts) {
    out.set(p, pos);
    pos += p.length;
  }
  return out;
}
