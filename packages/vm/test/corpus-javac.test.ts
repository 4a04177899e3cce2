// The shared corpus's javac twins (test/javac-classes) run on the VM: stdout, stderr's first line and the
// exit code must equal HotSpot's (the expectation comments).
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compareRun, listPrograms } from '../../../test/support/corpus.js';
import { runProgram } from './support/run-program.js';
import { NO_IMAGE_REASON, runtimeImage } from './support/runtime-image.js';

const image = runtimeImage();
if (!image) console.warn(`corpus-javac: ${NO_IMAGE_REASON}`);
const programs = listPrograms({ kind: 'run' }).filter((p) => p.javacClassesDir !== null && existsSync(p.javacClassesDir));

describe.skipIf(!image)('javac twins of the corpus run on oak', () => {
  for (const program of programs) {
    it(program.relativePath, async () => {
      if (program.expectation.kind !== 'run') throw new Error('not a runnable program');
      const result = await runProgram({
        main: program.name,
        classPath: [program.javacClassesDir!],
        helpfulNullPointerMessages: false,
      });
      const { ok, diff } = compareRun(program.expectation, result);
      expect(ok, diff).toBe(true);
    });
  }
});
