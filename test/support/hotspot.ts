// Running class files on the JDK's own `java`, with exactly the flags the corpus expectations were made
// with, for the runners that compare our class files on HotSpot (and for checking the javac twins).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import type { RunResult } from './compare.js';

/**
 * The flags scripts/regen-expectations.mjs runs every program with (keep the two lists equal; the corpus
 * format test checks). Without -ShowCodeDetailsInExceptionMessages a NullPointerException's message would
 * depend on the class file's local-variable information.
 */
export const HOTSPOT_FLAGS: readonly string[] = [
  '-XX:-ShowCodeDetailsInExceptionMessages',
  '-XX:+UseSerialGC',
  '-XX:TieredStopAtLevel=1',
  '-Xshare:auto',
  '-Dfile.encoding=UTF-8',
  '-Dsun.stdout.encoding=UTF-8',
  '-Dsun.stderr.encoding=UTF-8',
];

export interface HotSpotRun extends RunResult {
  readonly timedOut: boolean;
}

/** Path of a JDK tool: JAVA_HOME/bin first, else the bare name for PATH lookup. */
export function jdkTool(name: 'java' | 'javac' | 'javap'): string {
  const home = process.env['JAVA_HOME'];
  if (home !== undefined && existsSync(join(home, 'bin', name))) return join(home, 'bin', name);
  return name;
}

let jdkProbe: boolean | undefined;

/** True when `javac` and `java` can be run. Tests use it to skip, with a visible message, when absent. */
export function hasJdk(): boolean {
  if (jdkProbe === undefined) {
    const javac = spawnSync(jdkTool('javac'), ['-version'], { stdio: 'ignore' });
    const java = spawnSync(jdkTool('java'), ['-version'], { stdio: 'ignore' });
    jdkProbe = javac.status === 0 && java.status === 0;
  }
  return jdkProbe;
}

/** Runs `java [flags] -cp CLASSPATH MAIN ARGS` with empty stdin and collects its output. */
export function runOnHotSpot(
  classPath: string | readonly string[],
  mainClass: string,
  options: { readonly args?: readonly string[]; readonly timeoutMs?: number } = {},
): Promise<HotSpotRun> {
  const cp = typeof classPath === 'string' ? classPath : classPath.join(delimiter);
  return new Promise((resolve) => {
    const child = spawn(jdkTool('java'), [...HOTSPOT_FLAGS, '-cp', cp, mainClass, ...(options.args ?? [])], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, options.timeoutMs ?? 20_000);
    child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
    child.on('error', (error: Error) => {
      clearTimeout(timer);
      resolve({ stdout: '', stderr: error.message, exitCode: -1, timedOut });
    });
    child.on('close', (code: number | null) => {
      clearTimeout(timer);
      resolve({
        stdout: Buffer.concat(stdout).toString('utf8'),
        stderr: Buffer.concat(stderr).toString('utf8'),
        exitCode: code ?? -1,
        timedOut,
      });
    });
  });
}
