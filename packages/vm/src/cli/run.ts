// Running a program for the command line: a class by name, or a source file compiled in memory.
import type { Platform } from '../platform/platform.js';
import { launch } from '../runtime/launcher.js';
import { Vm } from '../runtime/vm.js';
import type { LaunchOptions } from './arguments.js';
import { chooseMainClass } from './source-launcher.js';

function makeVm(platform: Platform, o: LaunchOptions, classes?: ReadonlyMap<string, Uint8Array>): Vm {
  return new Vm({
    platform,
    classPath: o.classPath,
    classes,
    maxHeapBytes: o.maxHeapBytes,
    stackBytes: o.stackBytes,
    verboseGc: o.verboseGc,
  });
}

export function runClass(platform: Platform, o: LaunchOptions): Promise<number> {
  return launch(makeVm(platform, o), o.main, o.args);
}

interface CompileDiagnostic {
  readonly toString?: () => string;
}

/** The subset of @oakvm/compiler's API the source launcher uses. */
interface CompilerModule {
  compile(
    sources: readonly { path: string; text: string }[],
    options: { classPath?: readonly string[] },
  ): { classes: ReadonlyMap<string, Uint8Array>; diagnostics: readonly CompileDiagnostic[]; formatted?: string };
}

export async function runSourceFile(platform: Platform, o: LaunchOptions, path: string, text: string): Promise<number> {
  let compiler: CompilerModule;
  try {
    compiler = (await import('@oakvm/compiler')) as unknown as CompilerModule;
  } catch (e) {
    platform.writeStderr(new TextEncoder().encode(`error: the Oak compiler is not available (${String(e)})\n`));
    return 1;
  }
  if (typeof compiler.compile !== 'function') {
    platform.writeStderr(new TextEncoder().encode('error: the Oak compiler does not provide compile() yet\n'));
    return 1;
  }
  const result = compiler.compile([{ path, text }], { classPath: o.classPath });
  if (result.diagnostics.length > 0) {
    const out = result.formatted ?? result.diagnostics.map((d) => String(d)).join('\n');
    platform.writeStderr(new TextEncoder().encode(out.endsWith('\n') ? out : `${out}\n`));
    return 1;
  }
  const main = chooseMainClass(path, text, result.classes);
  if (main === undefined) {
    platform.writeStderr(new TextEncoder().encode(`error: no class declared in source file ${path} declares a main method\n`));
    return 1;
  }
  return launch(makeVm(platform, o, result.classes), main, o.args);
}
