// Regenerates test/fixtures/float-to-string/cases.txt: bit patterns with what JDK 17's Double.toString and
// Float.toString print for them (Gen.java, seeded). Needs a JDK on PATH.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const dir = fileURLToPath(new URL('../test/fixtures/float-to-string/', import.meta.url));
const out = mkdtempSync(join(tmpdir(), 'oak-float-'));
try {
  execFileSync('javac', ['-d', out, join(dir, 'Gen.java')]);
  const text = execFileSync('java', ['-cp', out, 'Gen'], { encoding: 'utf8', maxBuffer: 64 << 20 });
  writeFileSync(join(dir, 'cases.txt'), text);
  console.log(`wrote ${text.split('\n').length - 1} cases`);
} finally {
  rmSync(out, { recursive: true, force: true });
}
