#!/usr/bin/env node
// Measures class-file parse and write throughput over the corpus, on the built bundle.
//
//   node scripts/build.mjs && node benchmarks/classfile-throughput.mjs [--runs N] [--warmup N]
//
// Each run parses (or writes) every corpus file once; the figure reported is the median over the runs,
// after warm-up runs that let the JIT settle, with the fastest and slowest runs alongside.
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

const root = fileURLToPath(new URL('..', import.meta.url));
const bundle = join(root, 'packages/classfile/dist/index.js');
if (!existsSync(bundle)) {
  console.error('classfile-throughput: packages/classfile/dist/index.js is missing; run `node scripts/build.mjs` first.');
  process.exit(2);
}
const { readClassFile, writeClassFile } = await import(pathToFileURL(bundle).href);

const { values } = parseArgs({ options: { runs: { type: 'string', default: '21' }, warmup: { type: 'string', default: '10' } } });
const runs = Number(values.runs);
const warmup = Number(values.warmup);

const corpusDir = join(root, 'packages/classfile/test/corpus/classes');
const walk = (dir) =>
  readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? walk(p) : n.endsWith('.class') ? [p] : [];
  });
const inputs = walk(corpusDir).sort().map((p) => new Uint8Array(readFileSync(p)));
const totalBytes = inputs.reduce((n, b) => n + b.length, 0);
const models = inputs.map((b) => readClassFile(b));

// Results feed a checksum that is printed, so the engine cannot drop the work as unused.
let sink = 0;
const phases = {
  parse: () => {
    for (const b of inputs) sink += readClassFile(b).constantPool.length;
  },
  write: () => {
    for (const m of models) sink += writeClassFile(m).length;
  },
  'parse+write': () => {
    for (const b of inputs) sink += writeClassFile(readClassFile(b)).length;
  },
};

console.log(`classfile-throughput: ${inputs.length} files, ${(totalBytes / 1048576).toFixed(2)} MB per run, ${warmup} warm-up and ${runs} measured runs, node ${process.version}`);
for (const [name, run] of Object.entries(phases)) {
  for (let i = 0; i < warmup; i++) run();
  const times = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    run();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  const rate = (ms) => totalBytes / 1048576 / (ms / 1000);
  const median = times[Math.floor(times.length / 2)];
  console.log(
    `  ${name.padEnd(12)} median ${rate(median).toFixed(1).padStart(7)} MB/s (${median.toFixed(1)} ms/run)   ` +
      `best ${rate(times[0]).toFixed(1)} MB/s   worst ${rate(times[times.length - 1]).toFixed(1)} MB/s`,
  );
}
console.log(`  checksum ${sink}`);
