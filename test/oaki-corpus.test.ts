// The whole program corpus under oaki, the tree-walking interpreter: the same stdout, first line of stderr
// and exit code as HotSpot's expectations. Programs run in a worker with the oaki command's host stack and
// depth limit. oaki leaves threads out (docs/interpreter.md): for a program that starts one it must say
// so clearly and exit 1, which is what those programs are checked for.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDeepStackRunner, type DeepStackRunner } from '../packages/compiler/test/interpreter/deep-stack-runner.js';
import { compareRun, compareDiagnostics, listPrograms, parseDiagnostics, type CorpusProgram } from './support/corpus.js';

const THREADS_MESSAGE = 'oaki: the program started a thread, and the tree-walking interpreter does not support threads';

/** Programs that start a thread (a source check: `.start()` on something made by `new Thread` or a subclass). */
function startsThread(p: CorpusProgram): boolean {
  return /\bextends\s+Thread\b|\bnew\s+Thread\s*\(/.test(p.source) && /\.start\s*\(\s*\)/.test(p.source);
}

let runner: DeepStackRunner;
beforeAll(async () => {
  runner = await startDeepStackRunner();
});
afterAll(async () => {
  await runner.close();
});

const programs = listPrograms();
const threaded = programs.filter((p) => p.expectation.kind === 'run' && startsThread(p));
if (threaded.length > 0) {
  console.warn(`oaki-corpus: ${threaded.length} programs start threads, which oaki does not support; checked for its message instead`);
}

describe('oaki runs the corpus', () => {
  for (const p of programs) {
    it(p.relativePath, async () => {
      const r = await runner.run(p.path, p.source);
      const exp = p.expectation;
      if (exp.kind === 'compile-error') {
        expect(r.exitCode).toBe(1);
        const actual = parseDiagnostics(r.stderr);
        const c = compareDiagnostics(exp.errors, actual);
        expect(c.ok, c.diff).toBe(true);
        return;
      }
      if (startsThread(p)) {
        expect(r.stderr).toContain(THREADS_MESSAGE);
        expect(r.exitCode).toBe(1);
        return;
      }
      const c = compareRun(exp, r);
      expect(c.ok, c.diff).toBe(true);
    });
  }
});
