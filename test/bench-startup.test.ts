// The start-up benchmark (benchmarks/startup.mjs): its command line, and that its section of RESULTS.md
// survives both the main harness's rewrite of the file and its own rewrite of the section. Nothing here is
// timed; the measurements themselves are the script's job.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));
const benchDir = join(root, 'benchmarks');
const workDir = mkdtempSync(join(tmpdir(), 'oak-startup-test-'));

function node(args: string[]): { status: number | null; stdout: string; stderr: string } {
  const run = spawnSync(process.execPath, args, { cwd: root, encoding: 'utf8', timeout: 60_000 });
  return { status: run.status, stdout: run.stdout ?? '', stderr: run.stderr ?? '' };
}

afterAll(() => rmSync(workDir, { recursive: true, force: true }));

describe('startup.mjs command line', () => {
  it('prints its usage for --help', () => {
    const run = node([join(benchDir, 'startup.mjs'), '--help']);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('Usage: node benchmarks/startup.mjs');
    expect(run.stdout).toContain('--rounds N');
  });

  it('rejects a bad option and a bad round count with exit code 2 and the usage', () => {
    const unknown = node([join(benchDir, 'startup.mjs'), '--nope']);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain("unknown option '--nope'");
    expect(unknown.stderr).toContain('Usage:');
    const rounds = node([join(benchDir, 'startup.mjs'), '--rounds', '0']);
    expect(rounds.status).toBe(2);
    expect(rounds.stderr).toContain('--rounds needs a positive whole number');
  });
});

describe('the start-up section of RESULTS.md', () => {
  const section = [
    '<!-- startup:begin -->',
    '## Start-up',
    '',
    'Old table.',
    '',
    '<!-- startup-analysis:begin -->',
    'Start-up analysis by hand.',
    '<!-- startup-analysis:end -->',
    '<!-- startup:end -->',
  ].join('\n');

  it('is kept when run.mjs rewrites the report', () => {
    const outDir = join(workDir, 'harness');
    mkdirSync(join(outDir, 'results'), { recursive: true });
    copyFileSync(join(benchDir, 'results', 'latest.json'), join(outDir, 'results', 'latest.json'));
    writeFileSync(join(outDir, 'RESULTS.md'), `# Benchmark results\n\n${section}\n\n## Analysis\n`);
    const run = node([join(benchDir, 'run.mjs'), '--report-only', '--out', outDir]);
    expect(run.status, run.stderr).toBe(0);
    const report = readFileSync(join(outDir, 'RESULTS.md'), 'utf8');
    expect(report).toContain(section);
    expect(report.indexOf('<!-- startup:end -->')).toBeLessThan(report.indexOf('## Analysis'));
  });

  it('keeps its hand-written analysis when startup.mjs replaces the table', () => {
    const script = `
      import { renderStartupSection, spliceStartupSection, keptStartupAnalysis } from ${JSON.stringify(join(benchDir, 'lib', 'startup-report.mjs'))};
      const previous = process.argv[1];
      const result = { machine: { date: '2026-01-01T00:00:00Z', commit: 'abc', loadAverage: [1, 1, 1], cores: 2 },
        rounds: 3, cpuMeasured: true, profiles: [],
        subjects: [
          { id: 'node', label: 'bare node', shown: 'node -e 0', reason: null, failure: null, wallMedian: 0.05, wallMin: 0.04, cpuMedian: 0.04 },
          { id: 'oak-cp', label: 'oak -cp DIR Hello', shown: 'oak', reason: null, failure: null, wallMedian: 0.1, wallMin: 0.09, cpuMedian: 0.08 },
          { id: 'java-source', label: 'java Hello.java', shown: 'java', reason: 'no JDK', failure: null, wallMedian: null, wallMin: null, cpuMedian: null },
        ] };
      process.stdout.write(spliceStartupSection(previous, renderStartupSection(result, keptStartupAnalysis(previous))));`;
    const run = node(['--input-type=module', '-e', script, `# Report\n\n${section}\n\n## Analysis\n`]);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).not.toContain('Old table.');
    expect(run.stdout).toContain('Start-up analysis by hand.');
    expect(run.stdout).toContain('| bare node | `node -e 0` | 0.050 | 0.040 | 0.040 |');
    expect(run.stdout).toContain('under 1.5 times `node -e 0`: wall 2.00, **not met**; CPU 2.00, **not met**');
    expect(run.stdout).toContain('| java Hello.java | `java` | n/a: no JDK | | |');
    expect(run.stdout.match(/<!-- startup:begin -->/g)).toHaveLength(1);
  });
});
