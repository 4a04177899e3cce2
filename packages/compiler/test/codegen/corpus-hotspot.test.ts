// Every runnable program of the shared corpus (test/programs), compiled by oakc and run on HotSpot with
// the verifier on, must produce exactly the output its expectations record (which javac's class files
// produced). Programs run in one JVM, each through its own class loader; a program whose run there does
// not match (or that must exit with a status) is run again in a JVM of its own, as the corpus was made.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { HOTSPOT_FLAGS, compareRun, listPrograms, runOnHotSpot, type CorpusProgram, type RunExpectation } from '../../../../test/support/corpus.js';
import { compile } from '../../src/compile.js';
import { formatDiagnostic } from '../../src/diagnostics.js';
import { hasJdk, javac, jdkClassPath, tempDir, writeClasses } from './support.js';

const here = dirname(fileURLToPath(import.meta.url));

const programs = listPrograms({ kind: 'run' });

interface Outcome {
  readonly compileErrors: string | undefined;
  stdout: string;
  stderr: string;
  exitCode: number;
}

function expectationOf(p: CorpusProgram): RunExpectation {
  if (p.expectation.kind !== 'run') throw new Error(`${p.relativePath} is not runnable`);
  return p.expectation;
}

/** Runs the programs in one JVM and returns stdout and outcome per class directory. */
function runBatch(driverDir: string, entries: { dir: string; main: string }[]): Map<string, { stdout: string; outcome: string }> {
  const r = spawnSync('java', [...HOTSPOT_FLAGS, '-Xverify:all', '-cp', driverDir, 'CorpusRunner', ...entries.map((e) => `${e.dir}|${e.main}`)], {
    timeout: 300_000,
    maxBuffer: 256 * 1024 * 1024,
  });
  const out = r.stdout ?? Buffer.alloc(0);
  const results = new Map<string, { stdout: string; outcome: string }>();
  let pos = 0;
  for (const entry of entries) {
    const nl = out.indexOf(10, pos);
    if (nl < 0) break;
    const header = /^@@ (\d+) (.*)$/.exec(out.subarray(pos, nl).toString('utf8'));
    if (header === null) break;
    const length = Number(header[1]);
    results.set(entry.dir, { stdout: out.subarray(nl + 1, nl + 1 + length).toString('utf8'), outcome: header[2] as string });
    pos = nl + 1 + length + 1;
  }
  return results;
}

describe.skipIf(!hasJdk)('the corpus compiled by oakc, on HotSpot', () => {
  const outcomes = new Map<string, Outcome>();

  beforeAll(async () => {
    const root = tempDir('corpus');
    const driverDir = tempDir('corpus-driver');
    javac(driverDir, { 'CorpusRunner.oak': readFileSync(join(here, 'fixtures', 'CorpusRunner.java'), 'utf8') });
    const batch: { dir: string; main: string; program: CorpusProgram }[] = [];
    for (const p of programs) {
      const result = compile([{ path: `${p.name}.oak`, text: p.source }], { classPath: jdkClassPath });
      if (result.diagnostics.length > 0) {
        const source = { path: `${p.name}.oak`, text: p.source };
        outcomes.set(p.relativePath, { compileErrors: result.diagnostics.map((d) => formatDiagnostic(d, source)).join('\n'), stdout: '', stderr: '', exitCode: -1 });
        continue;
      }
      const dir = join(root, p.feature, p.name);
      writeClasses(dir, result.classes);
      batch.push({ dir, main: p.name, program: p });
    }
    const batched = runBatch(
      driverDir,
      batch.filter((b) => expectationOf(b.program).exitCode === 0 && expectationOf(b.program).stderrFirstLine === null),
    );
    const alone: typeof batch = [];
    for (const b of batch) {
      const run = batched.get(b.dir);
      const outcome: Outcome = { compileErrors: undefined, stdout: run?.stdout ?? '', stderr: '', exitCode: 0 };
      if (run === undefined || run.outcome !== 'ok' || !compareRun(expectationOf(b.program), outcome).ok) alone.push(b);
      else outcomes.set(b.program.relativePath, outcome);
    }
    // Two at a time: the machines these run on have two cores.
    for (let i = 0; i < alone.length; i += 2) {
      await Promise.all(
        alone.slice(i, i + 2).map(async (b) => {
          const run = await runOnHotSpot(b.dir, b.main);
          outcomes.set(b.program.relativePath, { compileErrors: undefined, stdout: run.stdout, stderr: run.stderr, exitCode: run.exitCode });
        }),
      );
    }
  });

  const check = (program: CorpusProgram): void => {
    const outcome = outcomes.get(program.relativePath);
    expect(outcome?.compileErrors, 'oakc rejected the program').toBeUndefined();
    const comparison = compareRun(expectationOf(program), outcome as Outcome);
    expect(comparison.ok, comparison.diff).toBe(true);
  };
  it.each(programs.map((p) => [p.relativePath, p] as const))('%s', (_, program) => check(program));
});
