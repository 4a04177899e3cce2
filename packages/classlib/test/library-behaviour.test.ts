// The library's algorithms against HotSpot's: integer parsing and formatting, bit twiddling, Character
// classification, Math's exact and rounding functions, Random's sequences, Arrays' sorts and searches,
// StringBuilder's edits and Objects' checks, results and exception messages alike. Library sources run on
// HotSpot as the package `shadow` (see shadow-sources.ts); needs a JDK.
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { hasJavac } from '../scripts/build-image.mjs';
import { shadowSources } from './shadow-sources.js';

const hasJdk = hasJavac();
if (!hasJdk) console.warn('classlib: skipping the differential check of the library against HotSpot: no JDK (javac) on PATH');

const libraryJavaDir = fileURLToPath(new URL('../src/java', import.meta.url));
const harness = fileURLToPath(new URL('./fixtures/ShadowCheck.java', import.meta.url));

describe.skipIf(!hasJdk)('the library against HotSpot', () => {
  it('gives the same results and exceptions on every checked input', () => {
    const work = mkdtempSync(join(tmpdir(), 'oakvm-shadow-'));
    try {
      const srcDir = join(work, 'src');
      const outDir = join(work, 'classes');
      mkdirSync(join(srcDir, 'shadow'), { recursive: true });
      const files = [join(srcDir, 'ShadowCheck.java')];
      copyFileSync(harness, files[0]!);
      for (const [name, text] of shadowSources(libraryJavaDir)) {
        const file = join(srcDir, 'shadow', name);
        writeFileSync(file, text);
        files.push(file);
      }
      execFileSync('javac', ['-nowarn', '-Xlint:none', '-encoding', 'UTF-8', '-d', outDir, ...files], { stdio: ['ignore', 'pipe', 'pipe'] });
      const output = execFileSync('java', ['-Xshare:auto', '-cp', outDir, 'ShadowCheck'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
      const lines = output.trimEnd().split('\n');
      expect(lines.filter((l) => l.startsWith('MISMATCH'))).toEqual([]);
      const summary = /^checked (\d+) mismatches 0$/.exec(lines[lines.length - 1] ?? '');
      expect(summary, lines[lines.length - 1]).not.toBeNull();
      expect(Number(summary![1])).toBeGreaterThan(100_000);
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  });
});
