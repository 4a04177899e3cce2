// Runs child processes to completion: compilers (runTimed) and measured benchmark runs (runMeasured), whose
// wall time is taken from spawn to exit, as a user would see it.
import { spawn, spawnSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';

const MAX_OUTPUT_BYTES = 64 * 1024 * 1024;

/**
 * @param {string} command
 * @param {string[]} args
 * @param {{ cwd?: string, timeoutMs: number }} options
 * @returns {{ seconds: number, status: number | null, signal: string | null, stdout: string, stderr: string,
 *   failure: string | null }} failure is null when the process started, ran and exited on its own.
 */
export function runTimed(command, args, options) {
  const start = performance.now();
  const result = spawnSync(command, args, {
    cwd: options.cwd,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    timeout: options.timeoutMs,
    maxBuffer: MAX_OUTPUT_BYTES,
    killSignal: 'SIGKILL',
  });
  const seconds = (performance.now() - start) / 1000;
  let failure = null;
  if (result.error) {
    const code = /** @type {NodeJS.ErrnoException} */ (result.error).code;
    failure =
      code === 'ETIMEDOUT'
        ? `timed out after ${Math.round(options.timeoutMs / 1000)} s`
        : code === 'ENOBUFS'
          ? 'printed more than 64 MB'
          : `could not run ${command}: ${result.error.message}`;
  }
  return {
    seconds,
    status: result.status,
    signal: result.signal,
    stdout: result.stdout ?? '',
    stderr: result.stderr ?? '',
    failure,
  };
}

/** The first non-empty line of a process's error output, for a one-line failure reason. */
export function firstLine(text) {
  const line = text.split(/\r?\n/).find((l) => l.trim() !== '');
  if (line === undefined) return '';
  return line.length > 160 ? `${line.slice(0, 157)}...` : line;
}

/**
 * Runs one benchmark process and measures its wall time and, where a POSIX shell is available, the CPU
 * time (user + system) it and its children used. CPU time says how much work a tier did even when other
 * processes compete for the cores and stretch the wall time. The shell runs the command and then its
 * `times` builtin, whose second line is the CPU time of the shell's children. The process gets its own
 * process group, so a timeout or Ctrl-C kills the command and not only the shell.
 *
 * @returns {Promise<ReturnType<typeof runTimed> & { cpuSeconds: number | null }>}
 */
export function runMeasured(command, args, options) {
  const posix = process.platform !== 'win32';
  const file = posix ? '/bin/sh' : command;
  const argv = posix ? ['-c', 'status=0; "$@" || status=$?; times >&2; exit $status', 'oak-bench', command, ...args] : args;
  return new Promise((resolve) => {
    const start = performance.now();
    const child = spawn(file, argv, { cwd: options.cwd, stdio: ['ignore', 'pipe', 'pipe'], detached: posix });
    const stdout = [];
    const stderr = [];
    let bytes = 0;
    let failure = null;
    const killGroup = () => {
      try {
        if (posix && child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
        else child.kill('SIGKILL');
      } catch {
        // The group has already exited.
      }
    };
    const collect = (chunks) => (chunk) => {
      bytes += chunk.length;
      if (bytes > MAX_OUTPUT_BYTES) {
        failure ??= 'printed more than 64 MB';
        killGroup();
        return;
      }
      chunks.push(chunk);
    };
    child.stdout.on('data', collect(stdout));
    child.stderr.on('data', collect(stderr));
    const timer = setTimeout(() => {
      failure ??= `timed out after ${Math.round(options.timeoutMs / 1000)} s`;
      killGroup();
    }, options.timeoutMs);
    const interrupted = () => {
      killGroup();
      process.exit(130);
    };
    process.once('SIGINT', interrupted);
    child.on('error', (error) => {
      failure ??= `could not run ${file}: ${error.message}`;
    });
    child.on('close', (status, signal) => {
      const seconds = (performance.now() - start) / 1000;
      clearTimeout(timer);
      process.removeListener('SIGINT', interrupted);
      let errorText = Buffer.concat(stderr).toString('utf8');
      let cpuSeconds = null;
      // The shell reports a command killed by signal n as exit status 128 + n.
      const killedBy = posix && status !== null && status > 128 && status < 160 ? `signal ${status - 128}` : signal;
      if (posix) {
        const times = /(\d+)m([\d.]+)s (\d+)m([\d.]+)s\r?\n(\d+)m([\d.]+)s (\d+)m([\d.]+)s\r?\n?$/.exec(errorText);
        if (times !== null) {
          const minutes = (m, s) => Number(m) * 60 + Number(s);
          cpuSeconds = minutes(times[5], times[6]) + minutes(times[7], times[8]);
          errorText = errorText.slice(0, times.index);
        }
      }
      resolve({
        seconds,
        cpuSeconds,
        status: killedBy === null ? status : null,
        signal: killedBy,
        stdout: Buffer.concat(stdout).toString('utf8'),
        stderr: errorText,
        failure,
      });
    });
  });
}
