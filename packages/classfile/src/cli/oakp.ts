// oakp: the class-file disassembler, with javap's options, output, messages and exit codes.
//
//   oakp [-c] [-v] [-p] [-l] [-s] [-constants] [-sysinfo] [-public|-protected|-package|-private] CLASSFILE...
import { readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { ClassFormatError, disassemble, encodeLikeJavap, readClassFile, type DisassembleOptions } from '@oakvm/classfile';
import { parseArguments, USAGE_HINT, HELP_TEXT } from './oakp-arguments.js';

/** javap's exit codes: 0 ok, 1 an error with a class, 2 a bad command line. */
const EXIT_OK = 0;
const EXIT_ERROR = 1;
const EXIT_CMDERR = 2;

function main(argv: readonly string[]): number {
  const parsed = parseArguments(argv);
  switch (parsed.kind) {
    case 'help':
      process.stdout.write(HELP_TEXT);
      return parsed.exitCode;
    case 'version':
      process.stdout.write('oakp 0.1.0 (javap 17 compatible)\n');
      return EXIT_OK;
    case 'error':
      process.stderr.write(`Error: ${parsed.message}\n`);
      if (parsed.showUsage) process.stdout.write(USAGE_HINT);
      return EXIT_CMDERR;
    case 'run':
      break;
  }
  // As javap: each class is reported in turn, and the exit code is that of the last one.
  let result = EXIT_OK;
  for (const name of parsed.classes) result = showClass(name, parsed.options);
  return result;
}

function showClass(name: string, options: DisassembleOptions): number {
  const path = resolve(name);
  let bytes: Uint8Array;
  let lastModified: Date;
  try {
    const stat = statSync(path);
    if (!stat.isFile()) throw new Error('not a file');
    lastModified = stat.mtime;
    bytes = new Uint8Array(readFileSync(path));
  } catch {
    process.stderr.write(`Error: class not found: ${name}\n`);
    return EXIT_ERROR;
  }
  try {
    const cf = readClassFile(bytes);
    const text = disassemble(cf, { ...options, file: { path, lastModified, bytes } });
    process.stdout.write(encodeLikeJavap(text));
    return EXIT_OK;
  } catch (e) {
    if (!(e instanceof ClassFormatError)) throw e;
    process.stderr.write(`Error: ${e.message} while reading ${name}\n`);
    return EXIT_ERROR;
  }
}

// A reader that stops early (`oakp -v X.class | head`) closes the pipe: stop quietly, as javap does.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(process.exitCode ?? EXIT_OK);
  process.stderr.write(`Error: cannot write the output: ${e.message}\n`);
  process.exit(EXIT_ERROR);
});

try {
  process.exitCode = main(process.argv.slice(2));
} catch (e) {
  // A bug in oakp, not bad input (that is a ClassFormatError, reported above): still no stack trace.
  process.stderr.write(`Error: internal error: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exitCode = EXIT_ERROR;
}
