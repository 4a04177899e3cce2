// Regenerates javac-diagnostics.json: what javac reports for each program in cases/ (all of them contain
// syntax errors, so javac stops after parsing and reports only those). Needs a JDK on the PATH.
//   node packages/compiler/test/syntax/javac-parity/regenerate.mjs
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(new URL('.', import.meta.url));
const casesDir = join(here, 'cases');
const names = readdirSync(casesDir)
  .filter((f) => f.endsWith('.oak'))
  .map((f) => f.slice(0, -'.oak'.length))
  .sort();

const work = mkdtempSync(join(tmpdir(), 'oak-javac-parity-'));
try {
  const files = names.map((name) => {
    const file = join(work, `${name}.java`);
    copyFileSync(join(casesDir, `${name}.oak`), file);
    return file;
  });
  let output = '';
  try {
    execFileSync('javac', ['-proc:none', '-Xmaxerrs', '10000', '-d', join(work, 'out'), ...files], { encoding: 'utf8', stdio: 'pipe' });
  } catch (e) {
    output = String(e.stderr);
  }
  // Each diagnostic: "path:LINE: error: message", the source line, then a caret line (absent at end of file).
  const lines = output.split('\n');
  const result = Object.fromEntries(names.map((n) => [n, []]));
  for (let i = 0; i < lines.length; i++) {
    const m = /^(.*)\.java:(\d+): error: (.*)$/.exec(lines[i]);
    if (m === null) continue;
    const name = m[1].slice(work.length + 1);
    const caret = lines[i + 2] !== undefined && /^\s*\^$/.test(lines[i + 2]) ? lines[i + 2].indexOf('^') + 1 : null;
    result[name].push({ line: Number(m[2]), column: caret, message: m[3] });
  }
  writeFileSync(join(here, 'javac-diagnostics.json'), `${JSON.stringify(result, null, 2)}\n`);
  console.log(`wrote javac diagnostics for ${names.length} programs`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
