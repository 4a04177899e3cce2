// The library's algorithms against HotSpot's: integer parsing and formatting, bit twiddling, Character
// classification, Math's exact and rounding functions, Random's sequences, Arrays' sorts and searches,
// StringBuilder's and StringBuffer's edits and Objects' checks, results and exception messages alike.
// Library sources run on HotSpot as the package `shadow` (see shadow-sources.ts), compiled once by javac
// (the sources mean what Java means) and once by oakc (the image's code does it too, under HotSpot's
// verifier). Needs a JDK.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as compiler from '@oakvm/compiler';
import { hasJavac, librarySources } from '../scripts/build-image.mjs';
import { shadowSources } from './shadow-sources.js';

const hasJdk = hasJavac();
if (!hasJdk) console.warn('classlib: skipping the differential check of the library against HotSpot: no JDK (javac) on PATH');

const libraryJavaDir = fileURLToPath(new URL('../src/java', import.meta.url));
const harness = fileURLToPath(new URL('./fixtures/ShadowCheck.java', import.meta.url));

/** Runs the compiled harness on `classPath`; returns its mismatch lines and how many checks it made. */
function runHarness(classPath: string): { mismatches: string[]; checks: number } {
  const output = execFileSync('java', ['-Xshare:auto', '-cp', classPath, 'ShadowCheck'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const lines = output.trimEnd().split('\n');
  const summary = /^checked (\d+) mismatches (\d+)$/.exec(lines[lines.length - 1] ?? '');
  return { mismatches: lines.filter((l) => l.startsWith('MISMATCH')), checks: summary === null ? 0 : Number(summary[1]) };
}

describe.skipIf(!hasJdk)('the library against HotSpot', () => {
  let work: string;
  let javacClasses: string;
  let sources: Map<string, string>;

  beforeAll(() => {
    work = mkdtempSync(join(tmpdir(), 'oakvm-shadow-'));
    javacClasses = join(work, 'javac-classes');
    sources = shadowSources(libraryJavaDir);
    const srcDir = join(work, 'src', 'shadow');
    mkdirSync(srcDir, { recursive: true });
    const files = [...sources].map(([name, text]) => {
      writeFileSync(join(srcDir, name), text);
      return join(srcDir, name);
    });
    execFileSync('javac', ['-nowarn', '-Xlint:none', '-encoding', 'UTF-8', '-d', javacClasses, harness, ...files], { stdio: ['ignore', 'pipe', 'pipe'] });
  });

  afterAll(() => {
    rmSync(work, { recursive: true, force: true });
  });

  it('gives the same results and exceptions on every checked input (javac-compiled library code)', () => {
    const { mismatches, checks } = runHarness(javacClasses);
    expect(mismatches).toEqual([]);
    expect(checks).toBeGreaterThan(100_000);
  });

  it('gives the same results when the library code is compiled by oakc', () => {
    const library = compiler.compile(librarySources(), {});
    expect(library.diagnostics.map((d) => `${d.file}:${d.line}:${d.column}: ${d.message}`)).toEqual([]);
    const shadow = compiler.compile(
      [...sources].map(([name, text]) => ({ path: `shadow/${name.replace(/\.java$/, '.oak')}`, text })),
      { classPath: (name) => library.classes.get(name) },
    );
    expect(shadow.diagnostics.map((d) => `${d.file}:${d.line}:${d.column}: ${d.message}`)).toEqual([]);
    const classes = join(work, 'oakc-classes');
    for (const [name, bytes] of shadow.classes) {
      mkdirSync(join(classes, name, '..'), { recursive: true });
      writeFileSync(join(classes, `${name}.class`), bytes);
    }
    // The harness javac compiled above, with oakc's shadow classes ahead of javac's on the class path.
    const { mismatches, checks } = runHarness(`${classes}:${javacClasses}`);
    expect(mismatches).toEqual([]);
    expect(checks).toBeGreaterThan(100_000);
  });
});
