// Compiles Java/Oak sources with the JDK's javac (--release 8) into a fresh temporary directory, and runs
// them with HotSpot for comparison. Only for JDK-gated tests.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Compiles `sources` (file name -> text) and returns the class directory. */
export function javac(sources: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'oak-vm-test-'));
  const src = join(dir, 'src');
  const out = join(dir, 'classes');
  mkdirSync(src);
  mkdirSync(out);
  const files = Object.entries(sources).map(([name, text]) => {
    const f = join(src, name);
    writeFileSync(f, text);
    return f;
  });
  execFileSync('javac', ['--release', '8', '-nowarn', '-d', out, ...files], { stdio: 'pipe' });
  return out;
}

export function runJava(classDir: string, main: string, args: string[] = [], flags: string[] = []): { stdout: string; stderr: string; exitCode: number } {
  const r = spawnSync('java', ['-Xshare:auto', ...flags, '-cp', classDir, main, ...args], { encoding: 'utf8' });
  return { stdout: r.stdout, stderr: r.stderr, exitCode: r.status ?? -1 };
}
