// Command-line options of run.mjs.

export const USAGE = `Usage: node benchmarks/run.mjs [options]   (npm run bench -- [options])

Runs every benchmark program under every available tier, checks each output against the expected one and
reports median wall and CPU times.

Options:
  --programs a,b    only these programs (folder names under benchmarks/programs)
  --tiers a,b       only these tiers (ids: see --list)
  --rounds N        runs per program and tier, alternating tiers (default 5)
  --quick           quick sizes and one round (for CI); results go to benchmarks/results/quick/
  --timeout S       kill a run after S seconds and mark it failed (default 600)
  --out DIR         write RESULTS.md, results/latest.json and results/chart.svg under DIR
  --programs-dir D  take the programs from D instead of benchmarks/programs
  --report-only     rewrite RESULTS.md and results/chart.svg from results/latest.json, running nothing
  --no-write        write no files; print the tables only
  --json            print the result as JSON on stdout instead of the tables
  --list            list the programs and tiers, and why a tier is unavailable
  --help            this text`;

export class UsageError extends Error {}

/**
 * @returns {{ programs: string[] | null, tiers: string[] | null, rounds: number, quick: boolean,
 *   timeoutSeconds: number, out: string | null, programsDir: string | null, reportOnly: boolean, write: boolean, json: boolean, list: boolean, help: boolean }}
 */
export function parseOptions(argv) {
  const options = {
    programs: null,
    tiers: null,
    rounds: null,
    quick: false,
    timeoutSeconds: 600,
    out: null,
    programsDir: null,
    reportOnly: false,
    write: true,
    json: false,
    list: false,
    help: false,
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const [name, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, null];
    const value = () => {
      if (inline !== null) return inline;
      if (i + 1 >= argv.length) throw new UsageError(`${name} needs a value`);
      return argv[++i];
    };
    switch (name) {
      case '--programs':
        options.programs = list(value());
        break;
      case '--tiers':
        options.tiers = list(value());
        break;
      case '--rounds':
        options.rounds = positiveInt(name, value());
        break;
      case '--timeout':
        options.timeoutSeconds = positiveInt(name, value());
        break;
      case '--out':
        options.out = value();
        break;
      case '--programs-dir':
        options.programsDir = value();
        break;
      case '--report-only':
        options.reportOnly = true;
        break;
      case '--quick':
        options.quick = true;
        break;
      case '--no-write':
        options.write = false;
        break;
      case '--json':
        options.json = true;
        break;
      case '--list':
        options.list = true;
        break;
      case '--help':
      case '-h':
        options.help = true;
        break;
      default:
        throw new UsageError(`unknown option ${arg}`);
    }
  }
  return { ...options, rounds: options.rounds ?? (options.quick ? 1 : 5) };
}

function list(text) {
  const items = text.split(',').map((s) => s.trim()).filter((s) => s !== '');
  if (items.length === 0) throw new UsageError('an empty list');
  return items;
}

function positiveInt(name, text) {
  if (!/^[1-9][0-9]*$/.test(text)) throw new UsageError(`${name} needs a positive integer, not '${text}'`);
  return Number(text);
}
