// Parsing of the `oak` command line (JDK `java` conventions).
import { parseSize } from '../heap/heap.js';

export interface LaunchOptions {
  classPath: string[];
  maxHeapBytes: number | undefined;
  stackBytes: number | undefined;
  verboseGc: boolean;
  /** The main class name, or a `.oak` source file for the source launcher. */
  main: string;
  args: string[];
}

export type ParseResult = { ok: true; options: LaunchOptions } | { ok: false; message: string; exitCode: number };

export const USAGE = `Usage: oak [options] <mainclass> [args...]
           (to execute a class)
   or  oak [options] <sourcefile.oak> [args...]
           (to compile and execute a source file)

 where options include:
    -cp <path>, -classpath <path>, --class-path <path>
                  class search path of directories, separated by ':'
    -Xmx<size>    maximum heap size (e.g. 64m, 1g; default 256m)
    -Xss<size>    thread stack size (default 512k)
    -verbose:gc   report garbage collections
    -help, -h     print this help message
`;

export function parseArguments(argv: readonly string[]): ParseResult {
  const options: LaunchOptions = { classPath: [], maxHeapBytes: undefined, stackBytes: undefined, verboseGc: false, main: '', args: [] };
  let explicitCp: string | undefined;
  let i = 0;
  for (; i < argv.length; i++) {
    const a = argv[i]!;
    if (!a.startsWith('-')) break;
    if (a === '-cp' || a === '-classpath' || a === '--class-path') {
      const v = argv[++i];
      if (v === undefined) return { ok: false, message: `Error: ${a} requires class path specification\n${USAGE}`, exitCode: 1 };
      explicitCp = v;
    } else if (a.startsWith('-Xmx') || a.startsWith('-Xss')) {
      const size = parseSize(a.slice(4));
      if (size === undefined || size === 0) {
        const what = a.startsWith('-Xmx') ? 'maximum heap size' : 'thread stack size';
        return { ok: false, message: `Invalid ${what}: ${a}\nError: Could not create the Java Virtual Machine.\nError: A fatal exception has occurred. Program will exit.\n`, exitCode: 1 };
      }
      if (a.startsWith('-Xmx')) options.maxHeapBytes = size;
      else options.stackBytes = size;
    } else if (a === '-verbose:gc') {
      options.verboseGc = true;
    } else if (a === '-help' || a === '-h' || a === '--help' || a === '-?') {
      return { ok: false, message: USAGE, exitCode: 0 };
    } else {
      return { ok: false, message: `Unrecognized option: ${a}\nError: Could not create the Java Virtual Machine.\nError: A fatal exception has occurred. Program will exit.\n`, exitCode: 1 };
    }
  }
  const main = argv[i];
  if (main === undefined) return { ok: false, message: USAGE, exitCode: 1 };
  options.main = main;
  options.args = argv.slice(i + 1);
  options.classPath = (explicitCp ?? '.').split(':').filter((p) => p !== '');
  if (options.classPath.length === 0) options.classPath = ['.'];
  return { ok: true, options };
}
