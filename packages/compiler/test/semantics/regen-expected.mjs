#!/usr/bin/env node
// Regenerates cases/expected.json: for every cases/*.oak program, the errors javac reports for it, as
// "LINE:COLUMN headline" (the column of javac's caret, the message's first line). The checker test
// requires the same list. Needs a JDK; run with plain node.
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = join(dirname(fileURLToPath(import.meta.url)), 'cases');
const work = mkdtempSync(join(tmpdir(), 'oak-checker-cases-'));
const expected = {};
try {
  for (const file of readdirSync(here).filter((f) => f.endsWith('.oak')).sort()) {
    const dir = join(work, file.replace(/\.oak$/, ''));
    execFileSync('mkdir', ['-p', join(dir, 'out')]);
    copyFileSync(join(here, file), join(dir, 'Main.java'));
    let stderr = '';
    try {
      execFileSync('javac', ['-d', 'out', '-Xmaxerrs', '100', 'Main.java'], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
    } catch (e) {
      stderr = e.stderr.toString();
    }
    const lines = stderr.split('\n');
    const errors = [];
    lines.forEach((line, i) => {
      const m = /^Main\.java:(\d+): error: (.*)$/.exec(line);
      if (m === null) return;
      const caret = lines.slice(i + 1, i + 8).find((l) => l.trim() === '^');
      errors.push(`${m[1]}:${caret === undefined ? '?' : caret.indexOf('^') + 1} ${m[2]}`);
    });
    expected[file.replace(/\.oak$/, '')] = errors;
  }
  writeFileSync(join(here, 'expected.json'), `${JSON.stringify(expected, null, 2)}\n`);
  console.log(`wrote expectations for ${Object.keys(expected).length} programs`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
