// Runs programs under the interpreter in a worker thread with a 256 MB host stack, the way the oaki
// command runs them. The worker is bundled from TypeScript with esbuild (worker threads do not get
// vitest's transform).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { build } from 'esbuild';

export interface DeepRun {
  readonly stdout: string;
  readonly stderr: string;
  readonly exitCode: number;
}

export interface DeepStackRunner {
  run(path: string, source: string, stdin?: string): Promise<DeepRun>;
  close(): Promise<void>;
}

const here = fileURLToPath(new URL('.', import.meta.url));
const repo = join(here, '..', '..', '..', '..');
const pkg = (name: string): string => join(repo, 'packages', name, 'src', 'index.ts');

/** Same depth and stack as the oaki command (src/cli/oaki.ts). */
export const CLI_MAX_DEPTH = 9000;
const STACK_MB = 256;

export async function startDeepStackRunner(): Promise<DeepStackRunner> {
  const dir = mkdtempSync(join(tmpdir(), 'oaki-test-'));
  const outfile = join(dir, 'worker.mjs');
  await build({
    entryPoints: [join(here, 'deep-stack-worker.ts')],
    outfile,
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    logLevel: 'error',
    alias: { '@oakvm/classfile': pkg('classfile'), '@oakvm/compiler': pkg('compiler') },
  });
  const worker = new Worker(outfile, {
    workerData: { libraryRoot: join(repo, 'packages', 'classlib', 'src'), maxDepth: CLI_MAX_DEPTH },
    resourceLimits: { stackSizeMb: STACK_MB },
  });
  let nextId = 0;
  const pending = new Map<number, (r: DeepRun) => void>();
  worker.on('message', (m: DeepRun & { id: number }) => {
    pending.get(m.id)?.(m);
    pending.delete(m.id);
  });
  return {
    run: (path, source, stdin) =>
      new Promise((resolve) => {
        const id = nextId++;
        pending.set(id, resolve);
        worker.postMessage({ id, path, source, stdin });
      }),
    close: async () => {
      await worker.terminate();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
