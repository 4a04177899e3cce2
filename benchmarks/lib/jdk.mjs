// Whether a JDK (java and javac) is on the PATH, and its version, asked once per run.
import { spawnSync } from 'node:child_process';

let cached = null;

/** @returns {{ reason: string | null, java: string | null, javac: string | null }} */
export function probeJdk() {
  if (cached !== null) return cached;
  const java = versionLine('java', ['-version']);
  const javac = versionLine('javac', ['-version']);
  let reason = null;
  if (java === null) reason = 'no JDK: `java -version` failed (install a JDK and put java on the PATH)';
  else if (javac === null) reason = 'no javac: `javac -version` failed (a JRE alone cannot compile the programs)';
  cached = { reason, java, javac };
  return cached;
}

function versionLine(command, args) {
  const result = spawnSync(command, args, { encoding: 'utf8', timeout: 30_000 });
  if (result.error || result.status !== 0) return null;
  const text = `${result.stderr ?? ''}\n${result.stdout ?? ''}`;
  const line = text.split(/\r?\n/).find((l) => l.trim() !== '');
  return line === undefined ? null : line.trim();
}
