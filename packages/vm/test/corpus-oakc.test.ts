// The corpus compiled by oakc (in memory, against the runtime image) and run on oak: stdout, stderr's
// first line and exit code must equal HotSpot's.
import { describe, expect, it } from 'vitest';
import { compile, formatDiagnostic } from '@oakvm/compiler';
import { readRuntimeImage } from '@oakvm/classfile';
import { compareRun, listPrograms } from '../../../test/support/corpus.js';
import { runProgram } from './support/run-program.js';
import { NO_IMAGE_REASON, runtimeImage } from './support/runtime-image.js';

const image = runtimeImage();
if (!image) console.warn(`corpus-oakc: ${NO_IMAGE_REASON}`);
const library = image ? readRuntimeImage(image) : new Map<string, Uint8Array>();
const programs = listPrograms({ kind: 'run' });

describe.skipIf(!image)('oakc output of the corpus runs on oak', () => {
  for (const program of programs) {
    it(program.relativePath, async () => {
      if (program.expectation.kind !== 'run') throw new Error('not a runnable program');
      const source = { path: `${program.name}.oak`, text: program.source };
      const result = compile([source], { classPath: (name) => library.get(name) });
      const diagnostics = result.diagnostics.map((d) => formatDiagnostic(d, source));
      expect(diagnostics, 'oakc rejected the program').toEqual([]);
      const run = await runProgram({ main: program.name, classes: result.classes, classPath: [], helpfulNullPointerMessages: false });
      const { ok, diff } = compareRun(program.expectation, run);
      expect(ok, diff).toBe(true);
    });
  }

});
