#!/usr/bin/env node
// Regenerates benchmarks/programs/<name>/expected-<size>.txt by compiling each Oak program with javac and
// running it on HotSpot (`java`), the oracle: Oak is a subset of Java. Needs a JDK.
// Usage: node benchmarks/regen-expected.mjs [program...]
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Inputs } from './lib/inputs.mjs';
import { probeJdk } from './lib/jdk.mjs';
import { firstLine, runTimed } from './lib/process.mjs';
import { expectedFile, loadPrograms, normaliseOutput, SIZES } from './lib/programs.mjs';

const benchDir = dirname(fileURLToPath(import.meta.url));
const root = dirname(benchDir);

const jdk = probeJdk();
if (jdk.reason !== null) {
  process.stderr.write(`regen-expected: ${jdk.reason}\n`);
  process.exit(1);
}
const wanted = process.argv.slice(2);
const programs = loadPrograms(join(benchDir, 'programs')).filter((p) => wanted.length === 0 || wanted.includes(p.name));
const inputs = new Inputs({ root, buildDir: join(benchDir, '.build'), log: (line) => process.stderr.write(`${line}\n`) });
let failures = 0;
for (const program of programs) {
  const classes = inputs.get('javac', program);
  if (classes.path === null) {
    process.stderr.write(`${program.name}: ${classes.reason}\n`);
    failures++;
    continue;
  }
  for (const size of SIZES) {
    const result = runTimed('java', ['-cp', classes.path, program.main, program.sizes[size]], { timeoutMs: 600_000 });
    if (result.failure !== null || result.status !== 0) {
      process.stderr.write(`${program.name} (${size}): ${result.failure ?? `exit ${result.status}: ${firstLine(result.stderr)}`}\n`);
      failures++;
      continue;
    }
    writeFileSync(expectedFile(program, size), normaliseOutput(result.stdout));
    process.stderr.write(`${program.name} ${size} (${program.sizes[size]}): ${result.seconds.toFixed(2)} s\n`);
  }
}
process.exit(failures === 0 ? 0 : 1);
