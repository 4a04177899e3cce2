// oakp's command line, parsed as javap parses its own (the subset of options that apply to class files).
import type { AccessLevel, DisassembleOptions } from '@oakvm/classfile';

export type ParsedArguments =
  | { kind: 'run'; options: DisassembleOptions; classes: string[] }
  | { kind: 'help'; exitCode: number }
  | { kind: 'version' }
  | { kind: 'error'; message: string; showUsage: boolean };

export const USAGE_HINT = 'Usage: oakp <options> <classes>\nuse --help for a list of possible options\n';

export const HELP_TEXT = `Usage: oakp <options> <classes>
where possible options include:
  --help -help -h -?               Print this help message
  -version                         Version information
  -v  -verbose                     Print additional information
  -l                               Print line number and local variable tables
  -public                          Show only public classes and members
  -protected                       Show protected/public classes and members
  -package                         Show package/protected/public classes
                                   and members (default)
  -p  -private                     Show all classes and members
  -c                               Disassemble the code
  -s                               Print internal type signatures
  -sysinfo                         Show system info (path, size, date, SHA-256 hash)
                                   of class being processed
  -constants                       Show final constants

Each class to be shown is specified by the path of its class file, such as
   path/to/MyClass.class
`;

const ACCESS: { readonly [option: string]: AccessLevel } = {
  '-public': 'public',
  '-protected': 'protected',
  '-package': 'package',
  '-p': 'private',
  '-private': 'private',
};

export function parseArguments(argv: readonly string[]): ParsedArguments {
  const options: DisassembleOptions = {};
  const classes: string[] = [];
  let help = false;
  let version = false;
  for (const arg of argv) {
    // As javap: everything from the first class name on is a class name, even if it starts with '-'.
    if (!arg.startsWith('-') || classes.length > 0) {
      classes.push(arg);
      continue;
    }
    const access = ACCESS[arg];
    if (access !== undefined) {
      options.access = access;
      continue;
    }
    switch (arg) {
      case '-c':
        options.code = true;
        break;
      case '-v':
      case '-verbose':
        options.verbose = true;
        break;
      case '-l':
        options.lines = true;
        break;
      case '-s':
        options.descriptors = true;
        break;
      case '-constants':
        options.constants = true;
        break;
      case '-sysinfo':
        options.sysInfo = true;
        break;
      case '--help':
      case '-help':
      case '-h':
      case '-?':
        help = true;
        break;
      case '-version':
        version = true;
        break;
      default:
        return { kind: 'error', message: `unknown option: ${arg}`, showUsage: true };
    }
  }
  if (help) return { kind: 'help', exitCode: 0 };
  if (version) return { kind: 'version' };
  if (classes.length === 0) {
    if (argv.length === 0) return { kind: 'help', exitCode: 2 };
    return { kind: 'error', message: 'no classes specified', showUsage: false };
  }
  return { kind: 'run', options, classes };
}
