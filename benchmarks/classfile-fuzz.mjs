#!/usr/bin/env node
// Fuzzes the class-file reader and writer with seeded mutations of the corpus, on the built bundle.
//
//   node scripts/build.mjs && node benchmarks/classfile-fuzz.mjs [--cases N] [--seed S]
//
// Every mutant must either read as a class that writes back to exactly its own bytes, or be rejected with
// ClassFormatError. Prints counts by outcome, by mutation and by error message; exits 1 on any other
// exception, on a rewrite that differs, or on a reader fault.
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

const root = fileURLToPath(new URL('..', import.meta.url));
const bundle = join(root, 'packages/classfile/dist/index.js');
if (!existsSync(bundle)) {
  console.error('classfile-fuzz: packages/classfile/dist/index.js is missing; run `node scripts/build.mjs` first.');
  process.exit(2);
}
const { ClassFormatError, UnsupportedClassVersionError, readClassFile, writeClassFile } = await import(pathToFileURL(bundle).href);
const { createRandom, mutate } = await import(pathToFileURL(join(root, 'packages/classfile/test/io/fuzz-mutator.mjs')).href);

const { values } = parseArgs({ options: { cases: { type: 'string', default: '20000' }, seed: { type: 'string', default: '1' } } });
const cases = Number(values.cases);
const seed = Number(values.seed);

const corpusDir = join(root, 'packages/classfile/test/corpus/classes');
const walk = (dir) =>
  readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? walk(p) : n.endsWith('.class') ? [p] : [];
  });
const files = walk(corpusDir).sort().map((path) => ({ name: path.slice(corpusDir.length + 1), bytes: new Uint8Array(readFileSync(path)) }));

const random = createRandom(seed);
const outcomes = { parsed: 0, rejected: 0, unsupportedVersion: 0, failed: 0 };
const byMutation = new Map();
const byMessage = new Map();
const failures = [];
let slowest = { ms: 0, at: '' };
const rssBefore = process.memoryUsage().rss;
let rssPeak = rssBefore;
const started = performance.now();

for (let n = 0; n < cases; n++) {
  const file = random.pick(files);
  const { bytes, applied } = mutate(file.bytes, random);
  const where = `case ${n} (${file.name}, ${applied.join('+')}, seed ${seed})`;
  const t0 = performance.now();
  let outcome;
  try {
    const cf = readClassFile(bytes);
    const out = writeClassFile(cf);
    if (Buffer.compare(Buffer.from(out), Buffer.from(bytes)) !== 0) {
      outcome = 'failed';
      failures.push(`${where}: parsed but wrote different bytes`);
    } else {
      outcome = 'parsed';
    }
  } catch (e) {
    if (e instanceof UnsupportedClassVersionError) {
      outcome = 'unsupportedVersion';
    } else if (e instanceof ClassFormatError && !e.message.includes('reader fault')) {
      outcome = 'rejected';
      const key = e.detail.replace(/\d+/g, 'N');
      byMessage.set(key, (byMessage.get(key) ?? 0) + 1);
    } else {
      outcome = 'failed';
      failures.push(`${where}: ${e instanceof Error ? e.stack : String(e)}`);
    }
  }
  const ms = performance.now() - t0;
  if (ms > slowest.ms) slowest = { ms, at: where };
  outcomes[outcome]++;
  for (const m of applied) {
    const row = byMutation.get(m) ?? { parsed: 0, rejected: 0, unsupportedVersion: 0, failed: 0 };
    row[outcome]++;
    byMutation.set(m, row);
  }
  if ((n & 1023) === 0) rssPeak = Math.max(rssPeak, process.memoryUsage().rss);
}

const seconds = (performance.now() - started) / 1000;
console.log(`classfile-fuzz: ${cases} cases over ${files.length} corpus files, seed ${seed}, ${seconds.toFixed(2)} s`);
console.log(
  `  parsed and rewritten byte-exact: ${outcomes.parsed}  ClassFormatError: ${outcomes.rejected}  ` +
    `UnsupportedClassVersionError: ${outcomes.unsupportedVersion}  other/failed: ${outcomes.failed}`,
);
console.log(`  slowest case ${slowest.ms.toFixed(2)} ms (${slowest.at}); RSS ${mb(rssBefore)} MB before, ${mb(rssPeak)} MB peak`);
console.log('  by mutation (a case may apply several):');
for (const [m, row] of [...byMutation].sort()) {
  console.log(`    ${m.padEnd(14)} parsed ${String(row.parsed).padStart(6)}  rejected ${String(row.rejected + row.unsupportedVersion).padStart(6)}  failed ${row.failed}`);
}
console.log(`  ${byMessage.size} distinct error messages (numbers folded); the most common:`);
for (const [msg, count] of [...byMessage].sort((a, b) => b[1] - a[1]).slice(0, 15)) {
  console.log(`    ${String(count).padStart(6)}  ${msg}`);
}
if (failures.length > 0) {
  console.error(`classfile-fuzz: ${failures.length} failures; the first ones:`);
  for (const f of failures.slice(0, 10)) console.error(`  ${f}`);
  process.exit(1);
}

function mb(bytes) {
  return (bytes / 1048576).toFixed(0);
}
