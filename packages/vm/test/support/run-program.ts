// Runs a program on the VM in-process and captures what it printed.
import { launch } from '../../src/runtime/launcher.js';
import { Vm, type VmOptions } from '../../src/runtime/vm.js';
import { CapturePlatform } from './capture-platform.js';
import { runtimeImage } from './runtime-image.js';

export interface ProgramRun {
  stdout: string;
  stderr: string;
  exitCode: number;
}

export interface RunOptions extends Omit<VmOptions, 'platform'> {
  main: string;
  args?: readonly string[];
  stdin?: string;
  /** Wall-clock limit; a run that passes it fails the test instead of hanging it. */
  timeoutMs?: number;
}

export async function runProgram(o: RunOptions): Promise<ProgramRun> {
  const platform = new CapturePlatform(runtimeImage(), o.stdin ?? '');
  const vm = new Vm({ ...o, platform });
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`program ${o.main} did not finish within ${o.timeoutMs ?? 60000} ms`)), o.timeoutMs ?? 60000);
  });
  try {
    const exitCode = await Promise.race([launch(vm, o.main, o.args ?? []), timeout]);
    return { stdout: platform.stdout, stderr: platform.stderr, exitCode };
  } finally {
    clearTimeout(timer);
  }
}
