// One call from source text to a finished run: check, report diagnostics as oakc does, run main.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatDiagnostic, formatErrorCount, type SourceText } from '../diagnostics.js';
import { InternalError } from './internal-error.js';
import { Interpreter, type InterpreterIo, type InterpreterOptions } from './interpreter.js';
import { launch } from './launcher.js';
import { checkProgram, loadLibrary } from './program.js';

export interface RunOutcome {
  readonly exitCode: number;
}

/** The folder holding the class library's `java/` sources, found from this module's location. */
export function findLibraryRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    for (const candidate of [join(dir, 'classlib', 'src'), join(dir, 'packages', 'classlib', 'src')]) {
      if (existsSync(join(candidate, 'java', 'lang', 'Object.oak'))) return candidate;
    }
    dir = dirname(dir);
  }
  throw new InternalError('cannot find the class library sources (packages/classlib/src/java)');
}

/**
 * Checks `source` (its public class named after the file) and runs its main with `args`. Diagnostics go to
 * stderr in oakc's format with exit code 1.
 */
export function runSource(source: SourceText, args: readonly string[], io: InterpreterIo, options: InterpreterOptions & { libraryRoot?: string } = {}): RunOutcome {
  const library = loadLibrary(options.libraryRoot ?? findLibraryRoot());
  const program = checkProgram([source], library);
  const enc = new TextEncoder();
  if (program.diagnostics.length > 0) {
    const text = program.diagnostics.map((d) => `${formatDiagnostic(d, source)}\n`).join('') + `${formatErrorCount(program.diagnostics.length)}\n`;
    io.writeStderr(enc.encode(text));
    return { exitCode: 1 };
  }
  const base = (source.path.split(/[\\/]/).pop() ?? source.path).replace(/\.(oak|java)$/, '');
  const main = program.classes.find((c) => c.name === base) ?? program.classes.find((c) => c.methods.some((m) => m.name === 'main'));
  const vm = new Interpreter(program, io, options);
  return { exitCode: launch(vm, main?.name ?? base, args) };
}
