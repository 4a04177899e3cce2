// Runs an Oak program under the interpreter in this process (small guest depth) and captures its output.
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { runSource } from '../../src/interpreter/run.js';

export interface ProgramRun {
  readonly stdout: string;
  readonly stderr: string;
  readonly exitCode: number;
}

export const libraryRoot = join(fileURLToPath(new URL('.', import.meta.url)), '..', '..', '..', 'classlib', 'src');

export function runProgram(name: string, source: string, options: { maxDepth?: number; args?: string[] } = {}): ProgramRun {
  const dec = new TextDecoder();
  let stdout = '';
  let stderr = '';
  const { exitCode } = runSource(
    { path: `${name}.oak`, text: source },
    options.args ?? [],
    {
      writeStdout: (b) => (stdout += dec.decode(b)),
      writeStderr: (b) => (stderr += dec.decode(b)),
      readStdin: () => new Uint8Array(0),
    },
    { libraryRoot, maxDepth: options.maxDepth ?? 400 },
  );
  return { stdout, stderr, exitCode };
}

/** A program whose main body is `body` (plus optional members), in class Main. */
export function mainProgram(body: string, members = ''): string {
  return `public class Main {\n${members}\n    public static void main(String[] args) throws Exception {\n${body}\n    }\n}\n`;
}
