// Real compiler output verifies: every class javac produced for the class-file corpus (releases 8, 11
// and 17, with and without debug information), javac's twins of the test programs, the class library's
// runtime image, and oakc's output for the test programs. Each class is verified against a hierarchy of
// its own program's classes, the class library and the JDK signature fixture.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { readClassFile } from '@oakvm/classfile';
import { compile } from '@oakvm/compiler';
import { corpusRoot, listPrograms } from '../../../../test/support/corpus.js';
import { verifyClass, type VerifiedClass } from '../../src/verifier/index.js';
import {
  byClassName,
  classFilesUnder,
  corpusClassesRoot,
  hasClasslibImage,
  imageClasses,
  javacTwinsRoot,
  layeredHierarchy,
} from './support/class-sources.js';

const classlib = imageClasses('classlib');
const jdk = imageClasses('jdk-symbols');

/** Verifies every class of a set; returns the failures as "path: message" lines and the results. */
function verifyAll(classes: ReadonlyMap<string, Uint8Array>, label: string): { failures: string[]; verified: VerifiedClass[] } {
  const hierarchy = layeredHierarchy(classes, classlib, jdk);
  const failures: string[] = [];
  const verified: VerifiedClass[] = [];
  for (const [name, bytes] of classes) {
    try {
      verified.push(verifyClass(readClassFile(bytes), hierarchy));
    } catch (e) {
      failures.push(`${label} ${name}: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
  return { failures, verified };
}

/** Every method with code has a map at its entry, and every reference slot of a map is inside the frame. */
function mapProblems(verified: readonly VerifiedClass[]): string[] {
  const problems: string[] = [];
  for (const v of verified) {
    for (const m of v.methods) {
      if (m === undefined) continue;
      const where = `${v.className}.${m.name}${m.descriptor}`;
      if (m.maps.indexOf(0) !== 0) problems.push(`${where}: no map at the entry`);
      for (let i = 0; i < m.maps.safepointCount; i++) {
        const pc = m.maps.pcs[i] as number;
        const limit = m.maps.maxLocals + (m.maps.stackDepths[i] as number);
        for (const slot of m.maps.referencesAt(pc) ?? []) if (slot >= limit) problems.push(`${where} pc ${pc}: slot ${slot} outside the frame`);
      }
    }
  }
  return problems;
}

describe('javac output', () => {
  for (const release of readdirSync(corpusClassesRoot).sort()) {
    test(`classfile corpus, ${release}`, () => {
      const files = classFilesUnder(join(corpusClassesRoot, release)).filter((f) => !f.path.endsWith('module-info.class'));
      expect(files.length).toBeGreaterThan(50);
      const { failures, verified } = verifyAll(byClassName(files), release);
      expect(failures).toEqual([]);
      expect(mapProblems(verified)).toEqual([]);
    });
  }

  test('javac --release 8 twins of the test programs', () => {
    const failures: string[] = [];
    let count = 0;
    for (const program of readdirSync(javacTwinsRoot).filter((p) => !p.includes('.')).sort()) {
      const files = classFilesUnder(join(javacTwinsRoot, program));
      count += files.length;
      failures.push(...verifyAll(byClassName(files), program).failures);
    }
    expect(count).toBeGreaterThan(30);
    expect(failures).toEqual([]);
  });
});

describe('oakc output', () => {
  if (!hasClasslibImage) console.warn('corpus.test.ts: class library image not built, its classes are not verified (npm run build)');

  test.skipIf(!hasClasslibImage)('the class library image', () => {
    const { failures, verified } = verifyAll(classlib, 'classlib');
    expect(failures).toEqual([]);
    expect(verified.length).toBe(classlib.size);
    expect(mapProblems(verified)).toEqual([]);
  });

  test('the test programs compiled by oakc', () => {
    const failures: string[] = [];
    let compiled = 0;
    for (const program of listPrograms({ kind: 'run' })) {
      const result = compile([{ path: program.path, text: program.source }], {
        classPath: (name) => classlib.get(name) ?? jdk.get(name),
      });
      if (result.diagnostics.length > 0) continue;
      compiled++;
      failures.push(...verifyAll(result.classes, program.relativePath).failures);
    }
    expect(compiled, `programs under ${corpusRoot} that oakc compiled`).toBeGreaterThan(0);
    expect(failures).toEqual([]);
  });
});
