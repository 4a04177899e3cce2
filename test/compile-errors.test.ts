// Every program in test/programs/compile-errors, compiled through compile() against the runtime image as
// oakc compiles user programs, must be rejected with exactly the errors its expectations list.
//
// Mode: positions (LINE:COL) and messages are both compared exactly, and no error may be missing or
// extra. The expectations record javac's headline (the first line of each message), so the first line of
// ours is compared: javac's detail lines (symbol:, location:, required:, found:, reason:) are printed
// after the source line and are not part of the expectation format.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readRuntimeImage } from '@oakvm/classfile';
import { compile, mapClassPath, type ClassPath } from '@oakvm/compiler';
import { describe, expect, it } from 'vitest';
import { compareDiagnostics, listPrograms, repoRoot } from './support/corpus.js';

const imagePath = join(repoRoot, 'packages', 'classlib', 'dist', 'classlib.img');
const programs = listPrograms({ kind: 'compile-error' });

let classPath: ClassPath | undefined;

function runtimeClassPath(): ClassPath {
  if (!existsSync(imagePath)) {
    throw new Error(`the runtime image ${imagePath} is missing: build it with \`node scripts/build.mjs\``);
  }
  classPath ??= mapClassPath(readRuntimeImage(new Uint8Array(readFileSync(imagePath))));
  return classPath;
}

describe('compile-error programs are rejected as javac rejects them', () => {
  it('the corpus has compile-error programs', () => {
    expect(programs.length).toBeGreaterThan(0);
  });

  it.each(programs.map((p) => [p.relativePath, p] as const))('%s', (_, program) => {
    if (program.expectation.kind !== 'compile-error') throw new Error('listPrograms returned a runnable program');
    const path = runtimeClassPath();
    const result = compile([{ path: `${program.name}.oak`, text: program.source }], { classPath: path.lookup, packageExists: path.packageExists });
    const actual = result.diagnostics.map((d) => ({ line: d.line, column: d.column, message: d.message.split('\n')[0] ?? '' }));
    const comparison = compareDiagnostics(program.expectation.errors, actual, { messages: 'exact' });
    expect(comparison.ok, comparison.diff).toBe(true);
    expect(result.classes.size).toBe(0);
  });
});
