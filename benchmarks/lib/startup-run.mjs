// Runs one start-up sample: a short process whose wall and CPU time are both a few tens of milliseconds,
// so the measurement must be finer than the 10 ms clock ticks that `times` reports. Where bash exists it
// runs the command under its `time` keyword, which takes getrusage() deltas of its children (microsecond
// resolution) and the elapsed time of the command alone, without the shell's own start.
import { spawn, spawnSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';

const MARK = 'oak-startup-times';
const TIMES_LINE = new RegExp(`${MARK} ([\\d.]+) ([\\d.]+) ([\\d.]+)\\r?\\n?$`);

let bashChecked = null;

/** Whether bash (for precise CPU times) can run here. */
export function hasBash() {
  if (bashChecked === null) {
    const probe = spawnSync('bash', ['-c', 'exit 0'], { stdio: 'ignore', timeout: 10_000 });
    bashChecked = !probe.error && probe.status === 0;
  }
  return bashChecked;
}

/**
 * @param {string} command
 * @param {string[]} args
 * @param {{ cwd: string, timeoutMs: number }} options
 * @returns {Promise<{ wallSeconds: number, cpuSeconds: number | null, status: number | null,
 *   stdout: string, stderr: string, failure: string | null }>}
 */
export function runStartup(command, args, options) {
  const timed = hasBash();
  const file = timed ? 'bash' : command;
  const argv = timed ? ['-c', `TIMEFORMAT='${MARK} %3R %3U %3S'; time "$@"`, 'startup', command, ...args] : args;
  return new Promise((resolve) => {
    const start = performance.now();
    // Its own process group, so a timeout or Ctrl-C kills the command and not only the shell around it.
    const child = spawn(file, argv, { cwd: options.cwd, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    const killGroup = () => {
      try {
        if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
      } catch {
        // The group has already exited.
      }
    };
    const interrupted = () => {
      killGroup();
      process.exit(130);
    };
    process.once('SIGINT', interrupted);
    const stdout = [];
    const stderr = [];
    let failure = null;
    child.stdout.on('data', (chunk) => stdout.push(chunk));
    child.stderr.on('data', (chunk) => stderr.push(chunk));
    const timer = setTimeout(() => {
      failure ??= `timed out after ${Math.round(options.timeoutMs / 1000)} s`;
      killGroup();
    }, options.timeoutMs);
    child.on('error', (error) => {
      failure ??= `could not run ${file}: ${error.message}`;
    });
    child.on('close', (status) => {
      clearTimeout(timer);
      process.removeListener('SIGINT', interrupted);
      let wallSeconds = (performance.now() - start) / 1000;
      let cpuSeconds = null;
      let errorText = Buffer.concat(stderr).toString('utf8');
      const times = timed ? TIMES_LINE.exec(errorText) : null;
      if (times !== null) {
        wallSeconds = Number(times[1]);
        cpuSeconds = Number(times[2]) + Number(times[3]);
        errorText = errorText.slice(0, times.index);
      }
      resolve({ wallSeconds, cpuSeconds, status, stdout: Buffer.concat(stdout).toString('utf8'), stderr: errorText, failure });
    });
  });
}
