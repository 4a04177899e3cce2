// The compile-throughput section of RESULTS.md, between the COMPILE markers that the main harness keeps
// when it rewrites the report; benchmarks/compile-throughput.mjs replaces it after each run.
import { COMPILE_BEGIN, COMPILE_END } from './report.mjs';

/** Issue 3's target: oakc's lines per second at least this many times javac's. */
export const COMPILE_TARGET = 3;

/**
 * @param {{ machine: { date: string, commit: string | null, loadAverage: number[], cores: number },
 *   lines: number, files: number, runs: number,
 *   oakc: { median: number, fastest: number }, javac: { median: number, fastest: number } | null }} result
 *   times in milliseconds
 */
export function renderCompileSection(result) {
  const { machine } = result;
  const lines = [COMPILE_BEGIN, '## Compile throughput', ''];
  lines.push(
    `Measured ${machine.date.slice(0, 16).replace('T', ' ')} UTC at commit \`${machine.commit ?? 'unknown'}\` with ` +
      `\`node benchmarks/compile-throughput.mjs\`: a generated ${result.lines.toLocaleString('en-US')}-line program in ` +
      `${result.files} files, compiled ${result.runs === 1 ? 'once' : `${result.runs} times`} by each compiler in turn (oakc, javac, oakc, ...), median ` +
      `wall time of the whole process (start-up included). Load average at the end: ${machine.loadAverage.join(', ')} ` +
      `on ${machine.cores} cores.`,
    '',
    '| compiler | command line | median wall (s) | fastest wall (s) | lines/s (median) |',
    '| --- | --- | ---: | ---: | ---: |',
  );
  const row = (label, command, t) =>
    `| ${label} | \`${command}\` | ${(t.median / 1000).toFixed(3)} | ${(t.fastest / 1000).toFixed(3)} | ${Math.round(result.lines / (t.median / 1000)).toLocaleString('en-US')} |`;
  lines.push(row('oakc', 'node packages/compiler/bin/oakc.js -d OUT FILES', result.oakc));
  if (result.javac !== null) lines.push(row('javac', 'javac --release 8 -nowarn -d OUT FILES', result.javac));
  lines.push('');
  if (result.javac === null) {
    lines.push(`Target (issue 3): oakc at least ${COMPILE_TARGET} times javac's throughput: not measured (no javac on the PATH).`);
  } else {
    const ratio = result.javac.median / result.oakc.median;
    lines.push(`Target (issue 3): oakc at least ${COMPILE_TARGET} times javac's throughput: ${ratio.toFixed(2)}x, **${ratio >= COMPILE_TARGET ? 'met' : 'not met'}**.`);
  }
  lines.push('', 'What the time goes to, and how it got there: [docs/compiler.md](../docs/compiler.md), "Benchmark".', COMPILE_END);
  return lines.join('\n');
}
