// Command-line options of startup.mjs.
import { UsageError } from './options.mjs';

export { UsageError };

export const STARTUP_USAGE = `Usage: node benchmarks/startup.mjs [options]

Measures start-up: runs Hello (examples/Hello.oak) under bare node, oak on class files, oak on the source,
oaki and, when a JDK is present, java on class files and java's source launcher, alternating them for
several rounds; checks every output, reports median wall and CPU times and the two start-up ratios of
issue 4, and writes benchmarks/results/startup.json and the start-up section of benchmarks/RESULTS.md.
Needs the built bundles (npm run build).

Options:
  --rounds N    measured runs per command, alternating commands (default 15; one unmeasured warm-up
                round comes first)
  --timeout S   kill a run after S seconds and mark the command failed (default 60)
  --no-write    write no files; print the table only
  --json        print the result as JSON on stdout instead of the table
  --profile     also run bare node and both oak commands N times (default 5) under node --cpu-prof and
                split their CPU time into phases (module loading, image, class files, compiling, ...)
  --profile-runs N  profiled runs per command (default 5)
  --help        this text`;

/** @returns {{ rounds: number, timeoutSeconds: number, write: boolean, json: boolean, profile: boolean, profileRuns: number, help: boolean }} */
export function parseStartupOptions(argv) {
  const options = { rounds: 15, timeoutSeconds: 60, write: true, json: false, profile: false, profileRuns: 5, help: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = () => {
      const next = argv[i + 1];
      if (next === undefined) throw new UsageError(`${arg} needs a value`);
      i++;
      return next;
    };
    switch (arg) {
      case '--rounds':
        options.rounds = positiveInteger(arg, value());
        break;
      case '--timeout':
        options.timeoutSeconds = positiveInteger(arg, value());
        break;
      case '--no-write':
        options.write = false;
        break;
      case '--json':
        options.json = true;
        break;
      case '--profile':
        options.profile = true;
        break;
      case '--profile-runs':
        options.profile = true;
        options.profileRuns = positiveInteger(arg, value());
        break;
      case '--help':
      case '-h':
        options.help = true;
        break;
      default:
        throw new UsageError(`unknown option '${arg}'`);
    }
  }
  return options;
}

function positiveInteger(option, text) {
  if (!/^[1-9]\d*$/.test(text)) throw new UsageError(`${option} needs a positive whole number, not '${text}'`);
  return Number(text);
}
