#!/usr/bin/env node
// Compile throughput: generates a ~20,000-line Oak program (many classes with loops, switches, string
// building, arrays, try/catch and calls between classes), then times the built `oakc` bundle and `javac`
// on it as whole processes (start-up included), and reports lines per second for each, with medians of
// several runs taken in turn (7 unless --runs says otherwise), and writes them to the compile-throughput
// section of benchmarks/RESULTS.md. Target (issue 3): oakc at least 3x javac. Build first: node scripts/build.mjs.
//   node benchmarks/compile-throughput.mjs [--lines N] [--runs N] [--emit DIR]
// --emit DIR writes the generated program to DIR and exits, for profiling oakc on it by hand.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { renderCompileSection } from './lib/compile-report.mjs';
import { describeMachine } from './lib/machine.mjs';
import { COMPILE_BEGIN, COMPILE_END, spliceSection } from './lib/report.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const targetLines = option('--lines', 20000);
const runs = option('--runs', 7);
const emitIndex = args.indexOf('--emit');
const emitDir = emitIndex >= 0 ? args[emitIndex + 1] : undefined;

/** One class of about 200 lines: fields, a constructor and methods exercising most statement forms. */
function generateClass(index, classCount) {
  const name = `Unit${index}`;
  const next = `Unit${(index + 1) % classCount}`;
  const lines = [
    `public class ${name} {`,
    `    static final int LIMIT = ${10 + (index % 7)};`,
    `    static int created;`,
    `    private int state;`,
    `    private long total;`,
    `    private final int[] values = new int[LIMIT];`,
    ``,
    `    ${name}(int seed) {`,
    `        state = seed;`,
    `        created++;`,
    `        for (int i = 0; i < values.length; i++) {`,
    `            values[i] = (seed * 31 + i) % 97;`,
    `        }`,
    `    }`,
    ``,
  ];
  for (let m = 0; m < 8; m++) {
    lines.push(
      `    int compute${m}(int x, long y) {`,
      `        int acc = x;`,
      `        long wide = y + ${m};`,
      `        for (int i = 0; i < LIMIT; i++) {`,
      `            if ((i & 1) == 0 && acc > ${m}) {`,
      `                acc += values[i] * ${m + 1};`,
      `            } else if (acc < -1000 || wide > 100000L) {`,
      `                acc -= i;`,
      `                wide /= 2;`,
      `            } else {`,
      `                acc ^= i << 2;`,
      `            }`,
      `        }`,
      `        switch (acc % 5) {`,
      `            case 0:`,
      `                acc++;`,
      `                break;`,
      `            case 1:`,
      `            case 2:`,
      `                acc = acc * 3 + 1;`,
      `                break;`,
      `            default:`,
      `                acc--;`,
      `        }`,
      `        total += wide + acc;`,
      `        return acc;`,
      `    }`,
      ``,
    );
  }
  lines.push(
    `    String describe() {`,
    `        StringBuilder sb = new StringBuilder();`,
    `        for (int v : values) {`,
    `            sb.append(v).append(',');`,
    `        }`,
    `        return "${name}[" + state + ", total=" + total + "] " + sb.toString();`,
    `    }`,
    ``,
    `    double ratio(int a, int b) {`,
    `        try {`,
    `            return (double) a / b + a % b;`,
    `        } catch (ArithmeticException e) {`,
    `            return -1.0;`,
    `        } finally {`,
    `            state++;`,
    `        }`,
    `    }`,
    ``,
    `    static int chain(int depth) {`,
    `        if (depth <= 0) return 1;`,
    `        ${next} other = new ${next}(depth);`,
    `        int r = other.compute0(depth, depth * 2L) + other.compute1(depth + 1, 7L);`,
    `        while (r > 1000) r /= 3;`,
    `        do {`,
    `            r += depth;`,
    `        } while (r < 10);`,
    `        return r + (depth > 1 ? 1 : 0);`,
    `    }`,
    ``,
    `    static long sum(long[] xs) {`,
    `        long s = 0;`,
    `        for (int i = 0; i < xs.length; i++) {`,
    `            s += xs[i] * (i + 1);`,
    `        }`,
    `        return s;`,
    `    }`,
    `}`,
  );
  return lines;
}

const work = mkdtempSync(join(tmpdir(), 'oak-compile-bench-'));
try {
  const src = emitDir ?? join(work, 'src');
  mkdirSync(src, { recursive: true });
  const perClass = generateClass(0, 1).length;
  const classCount = Math.max(1, Math.round((targetLines - 12) / perClass));
  const files = [];
  let lineCount = 0;
  for (let i = 0; i < classCount; i++) {
    const text = generateClass(i, classCount);
    lineCount += text.length;
    const file = join(src, `Unit${i}.oak`);
    writeFileSync(file, `${text.join('\n')}\n`);
    files.push(file);
  }
  const main = ['public class BenchMain {', '    public static void main(String[] args) {', `        System.out.println(Unit0.chain(5));`, `        System.out.println(new Unit1(3).describe());`, '    }', '}'];
  writeFileSync(join(src, 'BenchMain.oak'), `${main.join('\n')}\n`);
  files.push(join(src, 'BenchMain.oak'));
  lineCount += main.length;
  if (emitDir !== undefined) {
    console.log(`wrote ${lineCount} lines in ${files.length} files to ${emitDir}`);
    rmSync(work, { recursive: true, force: true });
    process.exit(0);
  }

  // javac insists on .java names; give it copies.
  const javaSrc = join(work, 'java');
  mkdirSync(javaSrc);
  const javaFiles = files.map((f) => {
    const target = join(javaSrc, f.slice(src.length + 1).replace(/\.oak$/, '.java'));
    writeFileSync(target, spawnSync('cat', [f], { encoding: 'utf8' }).stdout);
    return target;
  });

  const oakc = join(root, 'packages/compiler/bin/oakc.js');
  const bundle = join(root, 'packages/compiler/dist/oakc.cjs');
  if (!existsSync(bundle)) throw new Error('packages/compiler/dist/oakc.cjs is missing: run node scripts/build.mjs first');
  const image = join(root, 'packages/classlib/dist/classlib.img');
  const fixture = join(root, 'packages/compiler/test/codegen/fixtures/jdk-symbols.img');
  // oakc finds the runtime image itself; without one it compiles against the JDK signature fixture.
  const classPath = existsSync(image) ? [] : ['-cp', fixture];

  // One run of a compiler into a fresh output folder, in milliseconds of process wall time.
  const runOnce = (label, command, commandArgs, i) => {
    const out = join(work, `${label}-out-${i}`);
    mkdirSync(out);
    const start = performance.now();
    const r = spawnSync(command, [...commandArgs, '-d', out, ...(label === 'javac' ? javaFiles : files)], { encoding: 'utf8', maxBuffer: 64 << 20 });
    const elapsed = performance.now() - start;
    if (r.status !== 0) throw new Error(`${label} failed (${r.status}):\n${(r.stderr ?? '').slice(0, 4000)}`);
    return elapsed;
  };
  const median = (samples) => [...samples].sort((a, b) => a - b)[Math.floor(samples.length / 2)];
  const summary = (samples) => ({ median: median(samples), fastest: Math.min(...samples) });

  console.log(`program: ${lineCount} lines in ${files.length} files (${classCount + 1} classes)`);
  const hasJavac = spawnSync('javac', ['-version'], { stdio: 'ignore' }).status === 0;
  // The two compilers run in turn (oakc, javac, oakc, ...), so a machine that slows down or speeds up
  // during the measurement moves both medians alike and the ratio stays comparable.
  const oakcSamples = [];
  const javacSamples = [];
  for (let i = 0; i < runs; i++) {
    oakcSamples.push(runOnce('oakc', process.execPath, [oakc, ...classPath], i));
    if (hasJavac) javacSamples.push(runOnce('javac', 'javac', ['--release', '8', '-nowarn'], i));
  }
  const oakcMs = median(oakcSamples);
  console.log(`oakc:  ${(oakcMs / 1000).toFixed(2)} s  ${Math.round(lineCount / (oakcMs / 1000))} lines/s (median of ${runs})`);
  if (!hasJavac) {
    console.log('javac: not found on PATH, no comparison');
  } else {
    const javacMs = median(javacSamples);
    console.log(`javac: ${(javacMs / 1000).toFixed(2)} s  ${Math.round(lineCount / (javacMs / 1000))} lines/s (median of ${runs})`);
    console.log(`oakc / javac throughput: ${(javacMs / oakcMs).toFixed(2)}x (target >= 3x)`);
  }
  const reportFile = join(root, 'benchmarks', 'RESULTS.md');
  const section = renderCompileSection({
    machine: describeMachine(root),
    lines: lineCount,
    files: files.length,
    runs,
    oakc: summary(oakcSamples),
    javac: hasJavac ? summary(javacSamples) : null,
  });
  const previous = existsSync(reportFile) ? readFileSync(reportFile, 'utf8') : '# Benchmark results\n';
  writeFileSync(reportFile, spliceSection(previous, COMPILE_BEGIN, COMPILE_END, section));
  console.log('wrote benchmarks/RESULTS.md');
} finally {
  rmSync(work, { recursive: true, force: true });
}
