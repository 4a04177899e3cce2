// Running a program for the command line: a class by name, or a source file compiled in memory.
import type { Platform } from '../platform/platform.js';
import { launch } from '../runtime/launcher.js';
import { Vm } from '../runtime/vm.js';
import type { LaunchOptions } from './arguments.js';
import { chooseMainClass } from './source-launcher.js';
import { ClassPathSource, ImageSource } from '../loader/class-source.js';

function makeVm(platform: Platform, o: LaunchOptions, classes?: ReadonlyMap<string, Uint8Array>, bootClasses?: ImageSource): Vm {
  return new Vm({
    platform,
    bootClasses,
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

/** What the source launcher needs of @oakvm/compiler. */
export type CompilerApi = Pick<typeof import('@oakvm/compiler'), 'compile' | 'formatDiagnostic' | 'formatErrorCount'>;

/**
 * `oak File.oak`: compiles the file in memory with @oakvm/compiler against the runtime image and the class
 * path, then runs its main class. The caller supplies the compiler, loaded only now, so running class files
 * never loads it. Compile errors are printed as javac prints them, as `java File.java` does, with exit
 * status 1.
 */
export async function runSourceFile(platform: Platform, o: LaunchOptions, path: string, text: string, loadCompiler: () => Promise<CompilerApi>): Promise<number> {
  const write = (s: string): void => platform.writeStderr(new TextEncoder().encode(s));
  let compiler: CompilerApi;
  try {
    compiler = await loadCompiler();
  } catch (e) {
    write(`error: the Oak compiler is not available (${e instanceof Error ? e.message : String(e)})\n`);
    return 1;
  }
  // One image index serves the compiler and the VM.
  const boot = ImageSource.of(platform);
  const cp = new ClassPathSource(platform, o.classPath);
  const source = { path, text };
  const result = compiler.compile([source], { classPath: (name) => boot.find(name) ?? cp.find(name) });
  if (result.diagnostics.length > 0) {
    const shown = result.diagnostics.map((d) => compiler.formatDiagnostic(d, source)).join('\n');
    write(`${shown}\n${compiler.formatErrorCount(result.diagnostics.length)}\nerror: compilation failed\n`);
    return 1;
  }
  const main = chooseMainClass(path, text, result.classes);
  if (main === undefined) {
    write(`error: can't find main(String[]) method in any class of ${path}\n`);
    return 1;
  }
  return launch(makeVm(platform, o, result.classes, boot), main, o.args);
}
