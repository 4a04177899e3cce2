// The measuring loop: each program in turn, several rounds, every tier once per round in an order that
// rotates from round to round, so slow drift in the machine (heat, other load) spreads over all tiers
// instead of favouring whichever runs first. A cell (program x tier) that fails once is not run again.
import { median } from './stats.mjs';
import { normaliseOutput, readExpected } from './programs.mjs';
import { firstLine, runMeasured } from './process.mjs';

/**
 * samples are wall times in seconds; cpuSamples the CPU time (user + system) of the same runs, empty where
 * the platform cannot measure it.
 * @typedef {{ program: string, tier: string, status: 'ok' | 'failed' | 'unavailable', reason: string | null,
 *   samples: number[], median: number | null, cpuSamples: number[], cpuMedian: number | null }} Cell
 */

/**
 * @param {{ env: { root: string }, programs: import('./programs.mjs').Program[], tiers: { tier: import('./tiers.mjs').Tier,
 *   reason: string | null }[], size: string, rounds: number, timeoutMs: number, inputs: import('./inputs.mjs').Inputs,
 *   log: (line: string) => void }} run
 * @returns {Promise<Cell[]>}
 */
export async function measure(run) {
  const { programs, tiers, size, rounds, log } = run;
  /** @type {Cell[]} */
  const cells = [];
  const labelWidth = Math.max(...tiers.map(({ tier }) => tier.label.length));
  for (const [index, program] of programs.entries()) {
    const arg = program.sizes[size];
    log(`[${index + 1}/${programs.length}] ${program.name} (${size} size: ${arg})`);
    const expected = readExpected(program, size);
    const row = tiers.map(({ tier, reason }) => {
      /** @type {Cell} */
      const cell = {
        program: program.name,
        tier: tier.id,
        status: 'ok',
        reason: null,
        samples: [],
        median: null,
        cpuSamples: [],
        cpuMedian: null,
      };
      if (reason !== null) {
        cell.status = 'unavailable';
        cell.reason = reason;
      } else if (expected === null) {
        cell.status = 'failed';
        cell.reason = `no expected-${size}.txt: run node benchmarks/regen-expected.mjs`;
      } else {
        const input = run.inputs.get(tier.input, program);
        if (input.path === null) {
          cell.status = 'failed';
          cell.reason = input.reason;
        }
      }
      cells.push(cell);
      return { tier, cell };
    });
    for (let round = 0; round < rounds; round++) {
      for (let k = 0; k < row.length; k++) {
        const { tier, cell } = row[(k + round) % row.length];
        if (cell.status !== 'ok') continue;
        const inputPath = /** @type {string} */ (run.inputs.get(tier.input, program).path);
        const command = tier.command(run.env, inputPath, program, arg);
        const result = await runMeasured(command.file, command.args, { cwd: run.env.root, timeoutMs: run.timeoutMs });
        const problem = judge(result, /** @type {string} */ (expected));
        const where = `  round ${round + 1}/${rounds}  ${tier.label.padEnd(labelWidth)}`;
        if (problem !== null) {
          cell.status = 'failed';
          cell.reason = problem;
          log(`${where}  FAILED: ${problem}`);
        } else {
          cell.samples.push(result.seconds);
          if (result.cpuSeconds !== null) cell.cpuSamples.push(result.cpuSeconds);
          const cpu = result.cpuSeconds === null ? '' : `  (CPU ${result.cpuSeconds.toFixed(3)} s)`;
          log(`${where}  ${result.seconds.toFixed(3)} s${cpu}`);
        }
      }
    }
    for (const { cell } of row) {
      if (cell.status === 'ok') {
        cell.median = median(cell.samples);
        cell.cpuMedian = cell.cpuSamples.length === cell.samples.length ? median(cell.cpuSamples) : null;
      } else {
        cell.samples = [];
        cell.cpuSamples = [];
      }
    }
  }
  return cells;
}

/** Why a run does not count (it crashed, timed out or printed the wrong thing), or null when it does. */
function judge(result, expected) {
  if (result.failure !== null) return result.failure;
  if (result.signal !== null) return `killed by ${result.signal}`;
  if (result.status !== 0) {
    const detail = firstLine(result.stderr) || firstLine(result.stdout);
    return `exit code ${result.status}${detail ? `: ${detail}` : ''}`;
  }
  const actual = normaliseOutput(result.stdout);
  if (actual === expected) return null;
  return `wrong output: ${firstDifference(expected, actual)}`;
}

function firstDifference(expected, actual) {
  const want = expected.split('\n');
  const got = actual.split('\n');
  for (let i = 0; i < Math.max(want.length, got.length); i++) {
    if (want[i] !== got[i]) {
      const show = (line) => (line === undefined ? 'end of output' : JSON.stringify(line.length > 60 ? `${line.slice(0, 57)}...` : line));
      return `line ${i + 1}: expected ${show(want[i])}, got ${show(got[i])}`;
    }
  }
  return 'differs';
}
