// oaki File.oak [ARGS...]: runs an Oak program straight from its checked syntax tree (the tree-walking
// interpreter). Diagnostics as oakc prints them (exit 1); otherwise the program's own exit status.
// The run happens on a worker thread with a larger host stack, so guest recursion can go as deep as
// HotSpot's default before StackOverflowError.
import { readFileSync, readSync, writeSync } from 'node:fs';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { LibraryError } from '../interpreter/program.js';
import { InternalError } from '../interpreter/internal-error.js';
import { runSource } from '../interpreter/run.js';
import type { InterpreterIo } from '../interpreter/interpreter.js';
import { workerEntry } from './worker-entry.js';

const USAGE = 'Usage: oaki File.oak [ARGS...]\n';
/** Host stack for the worker, and the guest depth it affords (measured: about 9 KB per guest call at worst). */
const WORKER_STACK_MB = 256;
const WORKER_MAX_DEPTH = 9000;

function writeAll(fd: number, bytes: Uint8Array): void {
  let at = 0;
  while (at < bytes.length) {
    try {
      at += writeSync(fd, bytes, at);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EAGAIN') throw e;
    }
  }
}

const io: InterpreterIo = {
  writeStdout: (b) => writeAll(1, b),
  writeStderr: (b) => writeAll(2, b),
  readStdin: (max) => {
    const buf = new Uint8Array(max);
    try {
      return buf.subarray(0, readSync(0, buf));
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'EOF') return new Uint8Array(0);
      throw e;
    }
  },
};

function run(args: readonly string[]): number {
  const [file, ...rest] = args;
  if (file === undefined || file.startsWith('-')) {
    process.stderr.write(file === undefined ? USAGE : `oaki: unknown option ${file}\n${USAGE}`);
    return 2;
  }
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    process.stderr.write(`error: file not found: ${file}\n`);
    return 2;
  }
  try {
    return runSource({ path: file, text }, rest, io, { maxDepth: WORKER_MAX_DEPTH }).exitCode;
  } catch (e) {
    if (e instanceof LibraryError || e instanceof InternalError) {
      process.stderr.write(`oaki: ${e.message}\n`);
      return 4;
    }
    if (e instanceof RangeError) {
      process.stderr.write('oaki: host stack exhausted\n');
      return 4;
    }
    throw e;
  }
}

if (isMainThread) {
  const worker = new Worker(workerEntry(import.meta.url), {
    argv: process.argv.slice(2),
    workerData: { oaki: true },
    resourceLimits: { stackSizeMb: WORKER_STACK_MB },
    stdout: false,
    stderr: false,
  });
  worker.on('message', (code: number) => {
    process.exitCode = code;
  });
  worker.on('error', (e) => {
    process.stderr.write(`oaki: internal error: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exitCode = 4;
  });
} else if ((workerData as { oaki?: boolean } | null)?.oaki === true) {
  parentPort?.postMessage(run(process.argv.slice(2)));
}
