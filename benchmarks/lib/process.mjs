// Runs one child process to completion and measures its wall time, from spawn to exit, as a user would.
import { spawnSync } from 'node:child_process';
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
