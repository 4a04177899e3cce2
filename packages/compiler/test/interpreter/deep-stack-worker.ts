// Worker entry for the tests: runs programs under the interpreter on a thread with a large host stack (as
// the oaki command does), so guest recursion can reach the CLI's depth. Bundled by deep-stack-runner.ts.
import { parentPort, workerData } from 'node:worker_threads';
import { runSource } from '../../src/interpreter/run.js';

interface Job {
  readonly id: number;
  readonly path: string;
  readonly source: string;
  readonly stdin?: string;
}

const { libraryRoot, maxDepth } = workerData as { libraryRoot: string; maxDepth: number };

parentPort?.on('message', (job: Job) => {
  const dec = new TextDecoder();
  let stdout = '';
  let stderr = '';
  let input = new TextEncoder().encode(job.stdin ?? '');
  let exitCode: number;
  try {
    exitCode = runSource(
      { path: job.path, text: job.source },
      [],
      {
        writeStdout: (b) => (stdout += dec.decode(b)),
        writeStderr: (b) => (stderr += dec.decode(b)),
        readStdin: (max) => {
          const chunk = input.subarray(0, max);
          input = input.subarray(chunk.length);
          return chunk;
        },
      },
      { libraryRoot, maxDepth },
    ).exitCode;
  } catch (e) {
    stderr += `host error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`;
    exitCode = -1;
  }
  parentPort?.postMessage({ id: job.id, stdout, stderr, exitCode });
});
