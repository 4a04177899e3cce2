#!/usr/bin/env node
// Start-up benchmark (`node benchmarks/startup.mjs`): how long Hello takes from the command line under
// bare node, oak (class files and source), oaki and HotSpot, measured in alternating rounds, checked, and
// compared with issue 4's start-up targets. Writes results/startup.json and the start-up section of
// RESULTS.md. Options: node benchmarks/startup.mjs --help. Method: docs/benchmarks.md.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describeMachine } from './lib/machine.mjs';
import { median } from './lib/stats.mjs';
import { parseStartupOptions, STARTUP_USAGE, UsageError } from './lib/startup-options.mjs';
import { keptStartupAnalysis, renderStartupSection, spliceStartupSection, STARTUP_TARGETS, targetRatio } from './lib/startup-report.mjs';
import { profilePhases } from './lib/startup-profile.mjs';
import { hasBash, runStartup } from './lib/startup-run.mjs';
import { checkOutput, prepareSubjects, REQUIRED_BUNDLES } from './lib/startup-subjects.mjs';

/** The node-based commands whose start-up --profile splits into phases. */
const PROFILED = ['node', 'oak-cp', 'oak-source'];

const benchDir = dirname(fileURLToPath(import.meta.url));
const root = dirname(benchDir);

async function main(argv) {
  const options = parseStartupOptions(argv);
  if (options.help) {
    process.stdout.write(`${STARTUP_USAGE}\n`);
    return 0;
  }
  const missing = REQUIRED_BUNDLES.filter((file) => !existsSync(join(root, file)));
  if (missing.length > 0) {
    process.stderr.write(`startup.mjs: ${missing.join(', ')} missing: run \`npm run build\` first\n`);
    return 1;
  }
  const log = (line) => process.stderr.write(`${line}\n`);
  const timeoutMs = options.timeoutSeconds * 1000;
  const workDir = mkdtempSync(join(tmpdir(), 'oak-startup-'));
  try {
    const subjects = prepareSubjects({ root, workDir, timeoutMs, log }).map((s) => ({
      ...s,
      failure: null,
      wall: [],
      cpu: [],
    }));
    for (const s of subjects) if (s.reason !== null) log(`${s.label}: unavailable: ${s.reason}`);
    for (let round = 0; round <= options.rounds; round++) {
      const runnable = subjects.filter((s) => s.reason === null && s.failure === null);
      // Rotating the order spreads any effect of position in a round (a cold cache, a neighbour's burst).
      const order = runnable.map((_, i) => runnable[(i + round) % runnable.length]);
      for (const s of order) {
        const run = await runStartup(s.file, s.args, { cwd: root, timeoutMs });
        const problem = checkOutput(s, run);
        if (problem !== null) {
          s.failure = problem;
          log(`${s.label}: FAILED: ${problem}`);
          continue;
        }
        if (round === 0) continue;
        s.wall.push(run.wallSeconds);
        if (run.cpuSeconds !== null) s.cpu.push(run.cpuSeconds);
      }
      log(round === 0 ? 'warm-up round done' : `round ${round}/${options.rounds} done`);
    }
    const profiles = [];
    if (options.profile) {
      for (const s of subjects.filter((s) => PROFILED.includes(s.id) && s.reason === null && s.failure === null)) {
        log(`profiling ${s.label} (${options.profileRuns} runs)`);
        profiles.push({ id: s.id, label: s.label, ...profilePhases({ file: s.file, args: s.args, cwd: root, runs: options.profileRuns, timeoutMs }) });
      }
    }
    const result = {
      machine: describeMachine(root),
      rounds: options.rounds,
      cpuMeasured: hasBash(),
      subjects: subjects.map(({ file: _file, args: _args, expected: _expected, ...s }) => ({
        ...s,
        wallMedian: s.failure === null && s.wall.length > 0 ? median(s.wall) : null,
        wallMin: s.failure === null && s.wall.length > 0 ? Math.min(...s.wall) : null,
        cpuMedian: s.failure === null && s.cpu.length > 0 ? median(s.cpu) : null,
      })),
      profiles,
    };
    if (options.json) process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
    else process.stdout.write(summary(result));
    if (options.write) writeOutputs(result);
    return 0;
  } finally {
    rmSync(workDir, { recursive: true, force: true });
  }
}

function summary(result) {
  const lines = ['command                 median wall  median CPU'];
  for (const s of result.subjects) {
    const time = (v) => (v === null ? '       n/a' : `${v.toFixed(3).padStart(8)} s`);
    const note = s.reason ?? s.failure;
    lines.push(`${s.label.padEnd(22)} ${note === null ? `${time(s.wallMedian)}  ${time(s.cpuMedian)}` : `  ${note}`}`);
  }
  for (const target of STARTUP_TARGETS) {
    const show = (r) => (r === null ? 'n/a' : r.toFixed(2));
    lines.push(`${target.text.replace(/`/g, '')}: wall ${show(targetRatio(result, target, 'wallMedian'))}, CPU ${show(targetRatio(result, target, 'cpuMedian'))}`);
  }
  for (const profile of result.profiles) {
    lines.push('', `${profile.label}: ${profile.totalMs.toFixed(1)} ms of CPU profiled (mean of ${profile.runs} runs)`);
    for (const phase of profile.phases) lines.push(`  ${phase.ms.toFixed(1).padStart(7)} ms  ${phase.label}`);
  }
  return `${lines.join('\n')}\n`;
}

function writeOutputs(result) {
  const jsonFile = join(benchDir, 'results', 'startup.json');
  const reportFile = join(benchDir, 'RESULTS.md');
  mkdirSync(dirname(jsonFile), { recursive: true });
  writeFileSync(jsonFile, `${JSON.stringify(result, null, 2)}\n`);
  const previous = existsSync(reportFile) ? readFileSync(reportFile, 'utf8') : '# Benchmark results\n';
  writeFileSync(reportFile, spliceStartupSection(previous, renderStartupSection(result, keptStartupAnalysis(previous))));
  for (const file of [jsonFile, reportFile]) process.stderr.write(`wrote ${relative(process.cwd(), file)}\n`);
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  try {
    process.exitCode = await main(process.argv.slice(2));
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`startup.mjs: ${error.message}\n${STARTUP_USAGE}\n`);
      process.exitCode = 2;
    } else {
      process.stderr.write(`startup.mjs: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = 1;
    }
  }
}
