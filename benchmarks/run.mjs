#!/usr/bin/env node
// The benchmark harness (`npm run bench`): compiles each program once per compiler, runs it under every
// available tier for several alternating rounds, checks every output, and writes results/latest.json,
// results/chart.svg and RESULTS.md. Options: node benchmarks/run.mjs --help. Method: docs/benchmarks.md.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { renderChart } from './lib/chart.mjs';
import { Inputs } from './lib/inputs.mjs';
import { describeMachine } from './lib/machine.mjs';
import { measure } from './lib/measure.mjs';
import { parseOptions, USAGE, UsageError } from './lib/options.mjs';
import { loadPrograms } from './lib/programs.mjs';
import { COMPILE_BEGIN, COMPILE_END, keptAnalysis, keptSection, keptStartup, renderReport } from './lib/report.mjs';
import { TIERS } from './lib/tiers.mjs';

const benchDir = dirname(fileURLToPath(import.meta.url));
const root = dirname(benchDir);

async function main(argv) {
  const options = parseOptions(argv);
  if (options.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const env = { root, buildDir: join(benchDir, '.build'), log: (line) => process.stderr.write(`${line}\n`) };
  if (options.reportOnly) {
    const outDir = options.out ?? benchDir;
    const saved = join(outDir, 'results', 'latest.json');
    if (!existsSync(saved)) throw new UsageError(`--report-only needs ${relative(process.cwd(), saved)}: run the benchmarks first`);
    writeOutputs(JSON.parse(readFileSync(saved, 'utf8')), outDir);
    return 0;
  }
  const allPrograms = loadPrograms(resolve(options.programsDir ?? join(benchDir, 'programs')));
  const programs = select('program', allPrograms, (p) => p.name, options.programs);
  const chosenTiers = select('tier', TIERS, (t) => t.id, options.tiers);
  const inputs = new Inputs(env);
  const tiers = chosenTiers.map((tier) => ({ tier, reason: tier.probe(env) ?? inputs.probe(tier.input) }));

  if (options.list) {
    process.stdout.write('Programs:\n');
    for (const p of allPrograms) process.stdout.write(`  ${p.name.padEnd(16)} ${p.description}\n`);
    process.stdout.write('Tiers:\n');
    for (const { tier, reason } of tiers) {
      process.stdout.write(`  ${tier.id.padEnd(10)} ${tier.description}${reason === null ? '' : `\n             UNAVAILABLE: ${reason}`}\n`);
    }
    return 0;
  }

  const size = options.quick ? 'quick' : 'full';
  for (const { tier, reason } of tiers) {
    if (reason !== null) env.log(`tier ${tier.id} unavailable: ${reason}`);
  }
  const cells = await measure({ env, programs, tiers, size, rounds: options.rounds, timeoutMs: options.timeoutSeconds * 1000, inputs, log: env.log });
  const result = buildResult({ size, rounds: options.rounds, programs, tiers, cells });

  if (options.write) {
    const outDir = options.out ?? (options.quick ? join(benchDir, 'results', 'quick') : benchDir);
    writeOutputs(result, outDir);
  }
  if (options.json) {
    process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  } else {
    process.stdout.write(`${summary(renderReport(result, { analysis: null, chartPath: null }))}\n`);
  }
  const failed = cells.filter((c) => c.status === 'failed').length;
  const ok = cells.filter((c) => c.status === 'ok').length;
  const unavailable = cells.filter((c) => c.status === 'unavailable').length;
  env.log(`done: ${ok} measured, ${failed} failed, ${unavailable} unavailable`);
  return 0;
}

/** The report's tables, from the wall times to the targets: what a terminal user wants to see. */
function summary(report) {
  const start = report.indexOf('## Median wall time');
  const afterTargets = report.indexOf('\n## ', report.indexOf('## Targets') + 1);
  return report.slice(start, afterTargets < 0 ? undefined : afterTargets);
}

/** The record of a run, as written to results/latest.json. */
export function buildResult({ size, rounds, programs, tiers, cells }) {
  return {
    schema: 1,
    size,
    rounds,
    machine: describeMachine(root),
    tiers: tiers.map(({ tier, reason }) => ({
      id: tier.id,
      label: tier.label,
      description: tier.description,
      command: commandTemplate(tier),
      reason,
    })),
    programs: programs.map((p) => ({ name: p.name, main: p.main, description: p.description, size: p.sizes[size] })),
    cells,
  };
}

/** A tier's command line with placeholders, as a reader would type it (`oak -cp <classes> <Main> <size>`). */
function commandTemplate(tier) {
  const inputName = { source: '<Main>.oak', oakc: '<oakc classes>', javac: '<javac classes>', js: '<name>.js' }[tier.input];
  const { file, args } = tier.command({ root }, inputName, { main: '<Main>' }, '<size>');
  const shown = [file === process.execPath ? 'node' : file, ...args.map((a) => (a.startsWith(root) ? relative(root, a) : a))];
  return shown.join(' ');
}

function writeOutputs(result, outDir) {
  const resultsDir = join(outDir, 'results');
  mkdirSync(resultsDir, { recursive: true });
  const jsonFile = join(resultsDir, 'latest.json');
  const chartFile = join(resultsDir, 'chart.svg');
  const reportFile = join(outDir, 'RESULTS.md');
  writeFileSync(jsonFile, `${JSON.stringify(result, null, 2)}\n`);
  const title = `OakVM benchmarks: median wall time (${result.size} sizes, ${result.machine.cpu}, ${result.machine.cores} cores)`;
  writeFileSync(chartFile, renderChart({ tiers: result.tiers, programs: result.programs, cells: result.cells, title }));
  const previous = existsSync(reportFile) ? readFileSync(reportFile, 'utf8') : null;
  writeFileSync(reportFile, renderReport(result, {
    analysis: keptAnalysis(previous),
    chartPath: 'results/chart.svg',
    startup: keptStartup(previous),
    compile: keptSection(previous, COMPILE_BEGIN, COMPILE_END),
  }));
  for (const file of [reportFile, jsonFile, chartFile]) process.stderr.write(`wrote ${relative(process.cwd(), file)}\n`);
}

function select(kind, all, idOf, wanted) {
  if (wanted === null) return all;
  return wanted.map((id) => {
    const found = all.find((item) => idOf(item) === id);
    if (found === undefined) throw new UsageError(`unknown ${kind} '${id}' (known: ${all.map(idOf).join(', ')})`);
    return found;
  });
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  try {
    process.exitCode = await main(process.argv.slice(2));
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`run.mjs: ${error.message}\n${USAGE}\n`);
      process.exitCode = 2;
    } else {
      process.stderr.write(`run.mjs: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = 1;
    }
  }
}
