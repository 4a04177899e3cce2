// The compile-throughput benchmark's section of RESULTS.md (benchmarks/lib/compile-report.mjs): what it
// says, that a new run replaces it in place, and that the main harness keeps it when it rewrites the
// report. Nothing here is timed; the measurement is benchmarks/compile-throughput.mjs's job.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));
const benchDir = join(root, 'benchmarks');
const workDir = mkdtempSync(join(tmpdir(), 'oak-compile-bench-test-'));
afterAll(() => rmSync(workDir, { recursive: true, force: true }));

function node(args: string[]): { status: number | null; stdout: string; stderr: string } {
  const run = spawnSync(process.execPath, args, { cwd: root, encoding: 'utf8', timeout: 60_000 });
  return { status: run.status, stdout: run.stdout ?? '', stderr: run.stderr ?? '' };
}

/** Renders a section for the given times (ms) and splices it into `previous`, in a child process. */
function spliced(previous: string, oakcMs: number, javacMs: number | null): string {
  const script = `
    import { renderCompileSection } from ${JSON.stringify(join(benchDir, 'lib', 'compile-report.mjs'))};
    import { COMPILE_BEGIN, COMPILE_END, spliceSection } from ${JSON.stringify(join(benchDir, 'lib', 'report.mjs'))};
    const [previous, oakc, javac] = process.argv.slice(1);
    const t = (ms) => ({ median: Number(ms), fastest: Number(ms) - 10 });
    const section = renderCompileSection({ machine: { date: '2026-01-01T00:00:00Z', commit: 'abc', loadAverage: [1, 1, 1], cores: 2 },
      lines: 20000, files: 73, runs: 7, oakc: t(oakc), javac: javac === 'none' ? null : t(javac) });
    process.stdout.write(spliceSection(previous, COMPILE_BEGIN, COMPILE_END, section));`;
  const run = node(['--input-type=module', '-e', script, previous, String(oakcMs), javacMs === null ? 'none' : String(javacMs)]);
  expect(run.status, run.stderr).toBe(0);
  return run.stdout;
}

describe('the compile-throughput section of RESULTS.md', () => {
  const old = '<!-- compile-throughput:begin -->\n## Compile throughput\n\nOld table.\n<!-- compile-throughput:end -->';

  it('gives both compilers, lines per second and the verdict on the target', () => {
    const report = spliced('# Report\n\n## Analysis\n', 500, 1600);
    expect(report).toContain('| oakc | `node packages/compiler/bin/oakc.js -d OUT FILES` | 0.500 | 0.490 | 40,000 |');
    expect(report).toContain('| javac | `javac --release 8 -nowarn -d OUT FILES` | 1.600 | 1.590 | 12,500 |');
    expect(report).toContain("oakc at least 3 times javac's throughput: 3.20x, **met**.");
    expect(report.indexOf('## Compile throughput')).toBeLessThan(report.indexOf('## Analysis'));
    expect(spliced('# Report\n', 600, 1500)).toContain('2.50x, **not met**');
    expect(spliced('# Report\n', 600, null)).toContain('not measured (no javac on the PATH)');
  });

  it('replaces the previous section in place', () => {
    const report = spliced(`# Report\n\n${old}\n\n## Analysis\n`, 500, 1600);
    expect(report).not.toContain('Old table.');
    expect(report.match(/<!-- compile-throughput:begin -->/g)).toHaveLength(1);
  });

  it('is kept when run.mjs rewrites the report', () => {
    const outDir = join(workDir, 'harness');
    mkdirSync(join(outDir, 'results'), { recursive: true });
    copyFileSync(join(benchDir, 'results', 'latest.json'), join(outDir, 'results', 'latest.json'));
    writeFileSync(join(outDir, 'RESULTS.md'), `# Benchmark results\n\n${old}\n\n## Analysis\n`);
    const run = node([join(benchDir, 'run.mjs'), '--report-only', '--out', outDir]);
    expect(run.status, run.stderr).toBe(0);
    const report = readFileSync(join(outDir, 'RESULTS.md'), 'utf8');
    expect(report).toContain(old);
    expect(report.indexOf('<!-- compile-throughput:end -->')).toBeLessThan(report.indexOf('## Analysis'));
  });
});
