// The benchmark harness (benchmarks/run.mjs) in quick mode: it reports every program with a verified
// output on every tier that works here, marks an unavailable tier as such instead of crashing, and marks a
// wrong output or a crash as a failed cell without a time.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));
const harness = join(root, 'benchmarks', 'run.mjs');

interface Cell {
  program: string;
  tier: string;
  status: 'ok' | 'failed' | 'unavailable';
  reason: string | null;
  samples: number[];
  median: number | null;
  cpuSamples: number[];
  cpuMedian: number | null;
}

interface Result {
  size: string;
  rounds: number;
  machine: { cpu: string; cores: number; node: string; date: string };
  tiers: { id: string; label: string; reason: string | null }[];
  programs: { name: string; size: string }[];
  cells: Cell[];
}

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

function runHarness(args: string[]): Run {
  const result = spawnSync(process.execPath, [harness, ...args], { cwd: root, encoding: 'utf8', timeout: 120_000 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

function parseResult(run: Run): Result {
  expect(run.status, run.stderr).toBe(0);
  return JSON.parse(run.stdout) as Result;
}

function cellOf(result: Result, program: string, tier: string): Cell {
  const cell = result.cells.find((c) => c.program === program && c.tier === tier);
  if (cell === undefined) throw new Error(`no cell for ${program} on ${tier}`);
  return cell;
}

describe('benchmark harness on the real programs, quick mode', () => {
  const programs = ['fib', 'sieve'];
  const tiers = ['node', 'oak', 'oaki'];
  let result: Result;
  beforeAll(() => {
    result = parseResult(
      runHarness(['--quick', '--no-write', '--json', '--programs', programs.join(','), '--tiers', tiers.join(',')]),
    );
  });

  it('records the run: quick sizes, one round, the machine', () => {
    expect(result.size).toBe('quick');
    expect(result.rounds).toBe(1);
    expect(result.machine.cores).toBeGreaterThan(0);
    expect(result.machine.node).toBe(process.version);
    expect(result.programs.map((p) => p.name)).toEqual(programs);
    expect(result.tiers.map((t) => t.id)).toEqual(tiers);
  });

  it('verifies and times every program on the JavaScript twins', () => {
    for (const program of programs) {
      const cell = cellOf(result, program, 'node');
      expect(cell.status, cell.reason ?? '').toBe('ok');
      expect(cell.samples).toHaveLength(1);
      expect(cell.median).toBeGreaterThan(0);
      if (process.platform !== 'win32') {
        expect(cell.cpuSamples).toHaveLength(1);
        expect(cell.cpuMedian).toBeGreaterThanOrEqual(0);
      }
    }
  });

  for (const tier of ['oak', 'oaki']) {
    it(`verifies every program on ${tier}, or reports the tier unavailable with a reason`, () => {
      const info = result.tiers.find((t) => t.id === tier);
      if (info?.reason != null) {
        console.warn(`bench-harness: ${tier} is unavailable here (${info.reason}); checking only that it is reported`);
        for (const program of programs) {
          const cell = cellOf(result, program, tier);
          expect(cell.status).toBe('unavailable');
          expect(cell.reason).toBe(info.reason);
          expect(cell.median).toBeNull();
        }
        return;
      }
      for (const program of programs) {
        const cell = cellOf(result, program, tier);
        expect(cell.status, cell.reason ?? '').toBe('ok');
        expect(cell.median).toBeGreaterThan(0);
      }
    });
  }
});

describe('benchmark harness on made-up programs', () => {
  const dir = mkdtempSync(join(tmpdir(), 'oak-bench-'));
  const programsDir = join(dir, 'programs');
  const outDir = join(dir, 'out');
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const addProgram = (name: string, js: string, expected: string): void => {
    const folder = join(programsDir, name);
    mkdirSync(folder, { recursive: true });
    const main = `Bench${name.replace(/-/g, '')}`;
    writeFileSync(join(folder, 'program.json'), JSON.stringify({ main, description: name, sizes: { quick: '3', full: '4' } }));
    writeFileSync(join(folder, `${main}.oak`), `public class ${main} { public static void main(String[] args) { } }\n`);
    writeFileSync(join(folder, `${name}.js`), js);
    writeFileSync(join(folder, 'expected-quick.txt'), expected);
    writeFileSync(join(folder, 'expected-full.txt'), expected);
  };
  let result: Result;
  beforeAll(() => {
    addProgram('good', 'console.log(`n=${process.argv[2]}`);\n', 'n=3\n');
    addProgram('wrong', 'console.log("n=4");\n', 'n=3\n');
    addProgram('crash', 'throw new Error("boom");\n', 'n=3\n');
    result = parseResult(runHarness(['--quick', '--json', '--tiers', 'node', '--programs-dir', programsDir, '--out', outDir]));
  });

  it('times a correct program', () => {
    expect(cellOf(result, 'good', 'node').status).toBe('ok');
  });

  it('marks a wrong output as failed, naming the first differing line, without a time', () => {
    const cell = cellOf(result, 'wrong', 'node');
    expect(cell.status).toBe('failed');
    expect(cell.reason).toBe('wrong output: line 1: expected "n=3", got "n=4"');
    expect(cell.median).toBeNull();
    expect(cell.samples).toEqual([]);
  });

  it('marks a crash as failed with its exit code', () => {
    const cell = cellOf(result, 'crash', 'node');
    expect(cell.status).toBe('failed');
    expect(cell.reason).toMatch(/^exit code 1: /);
  });

  it('writes the JSON record, the Markdown report and the log-scale SVG chart', () => {
    const saved = JSON.parse(readFileSync(join(outDir, 'results', 'latest.json'), 'utf8')) as Result;
    expect(saved.cells).toEqual(result.cells);
    const report = readFileSync(join(outDir, 'RESULTS.md'), 'utf8');
    expect(report).toContain('| program | size | node |');
    expect(report).toMatch(/\| good \| 3 \| \d+\.\d{3} \|/);
    expect(report).toMatch(/\| wrong \| 3 \| failed \[\d\] \|/);
    expect(report).toMatch(/\d\. wrong on node: wrong output: line 1/);
    expect(report).toContain('![Median wall time per program and tier, log scale](results/chart.svg)');
    const svg = readFileSync(join(outDir, 'results', 'chart.svg'), 'utf8');
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg).toContain('(log scale)');
    expect(svg).toContain('>good</text>');
    expect(svg.trimEnd().endsWith('</svg>')).toBe(true);
  });

  it('keeps the hand-written analysis when it rewrites the report', () => {
    const reportFile = join(outDir, 'RESULTS.md');
    const edited = readFileSync(reportFile, 'utf8').replace('_No analysis written yet._', 'Measured by hand.');
    writeFileSync(reportFile, edited);
    const again = runHarness(['--report-only', '--out', outDir]);
    expect(again.status, again.stderr).toBe(0);
    expect(readFileSync(reportFile, 'utf8')).toContain('Measured by hand.');
  });
});

describe('benchmark harness options', () => {
  it('rejects an unknown tier with a usage message and exit code 2', () => {
    const run = runHarness(['--tiers', 'nope', '--no-write']);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("unknown tier 'nope'");
    expect(run.stderr).toContain('Usage:');
  });

  it('lists the programs and tiers', () => {
    const run = runHarness(['--list']);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('richards');
    expect(run.stdout).toContain('java-int');
    expect(existsSync(join(root, 'benchmarks', 'programs', 'richards', 'expected-full.txt'))).toBe(true);
  });
});
