// Checks that every corpus program is well formed, so the tiers' runners can trust it.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  COMPILE_ERRORS_FEATURE,
  HOTSPOT_FLAGS,
  corpusRoot,
  compareDiagnostics,
  bodyDigest,
  compareRun,
  constructsOutsideOak,
  declaresMain,
  diffLines,
  hasJdk,
  listFeatures,
  listPrograms,
  parseDiagnostics,
  parseExpectations,
  readManifest,
  repoRoot,
  runOnHotSpot,
  topLevelTypes,
  type RunExpectation,
} from './support/corpus.js';

const MIN_PROGRAMS = 150;
const programs = listPrograms();

describe('corpus', () => {
  it(`holds at least ${MIN_PROGRAMS} programs`, () => {
    expect(programs.length).toBeGreaterThanOrEqual(MIN_PROGRAMS);
  });

  it('has only .oak files in feature folders, and no empty folder', () => {
    for (const feature of listFeatures()) {
      const files = readdirSync(join(corpusRoot, feature));
      expect(files.length, feature).toBeGreaterThan(0);
      for (const f of files) expect(f, `${feature}/${f}`).toMatch(/^[A-Z][A-Za-z0-9]*\.oak$/);
    }
  });

  it('has no tabs (javac counts columns in characters) and no trailing spaces (editors strip them)', () => {
    const bad: string[] = [];
    for (const p of programs) {
      p.source.split('\n').forEach((line, i) => {
        if (line.includes('\t') || /\s$/.test(line)) bad.push(`${p.relativePath}:${i + 1}`);
      });
    }
    expect(bad).toEqual([]);
  });

  it('keeps compile-error programs in their own folder and runnable programs elsewhere', () => {
    for (const p of programs) {
      const wanted = p.feature === COMPILE_ERRORS_FEATURE ? 'compile-error' : 'run';
      expect(p.expectation.kind, p.relativePath).toBe(wanted);
    }
  });

  it('gives every program one public class named after the file, declaring main', () => {
    for (const p of programs) {
      const types = topLevelTypes(p.source);
      const publicTypes = types.filter((t) => t.isPublic);
      expect(
        publicTypes.map((t) => `${t.kind} ${t.name}`),
        p.relativePath,
      ).toEqual([`class ${p.name}`]);
      if (p.feature !== COMPILE_ERRORS_FEATURE) expect(declaresMain(p.source), p.relativePath).toBe(true);
    }
  });

  it('stays inside the Oak subset of Java', () => {
    const outside = programs
      .map((p) => ({ path: p.relativePath, found: constructsOutsideOak(p.source) }))
      .filter((r) => r.found.length > 0);
    expect(outside).toEqual([]);
  });

  it('uses every top-level class name once across the whole corpus', () => {
    const owner = new Map<string, string>();
    const clashes: string[] = [];
    for (const p of programs) {
      for (const t of topLevelTypes(p.source)) {
        const previous = owner.get(t.name);
        if (previous !== undefined) clashes.push(`${t.name}: ${previous} and ${p.relativePath}`);
        else owner.set(t.name, p.relativePath);
      }
    }
    expect(clashes).toEqual([]);
  });

  it('has a javac twin with a class file for every top-level class of every runnable program', () => {
    const missing: string[] = [];
    for (const p of programs) {
      if (p.javacClassesDir === null) continue;
      for (const t of topLevelTypes(p.source)) {
        if (!existsSync(join(p.javacClassesDir, `${t.name}.class`))) missing.push(`${p.relativePath}: ${t.name}.class`);
      }
    }
    expect(missing, 'run node scripts/regen-expectations.mjs').toEqual([]);
  });

  it('has expectations and twins regenerated since each runnable program was last edited', () => {
    const manifest = readManifest();
    const stale = programs
      .filter((p) => p.javacClassesDir !== null && manifest[`${p.feature}/${p.name}`] !== bodyDigest(p))
      .map((p) => p.relativePath);
    expect(stale, 'run node scripts/regen-expectations.mjs on these').toEqual([]);
  });

  it('covers every feature folder the test plan names', () => {
    const planned = [
      'arith-int', 'arith-long', 'arith-float', 'arith-double', 'conversions', 'constants-folding', 'strings',
      'string-concat', 'float-to-string', 'chars', 'arrays', 'multi-arrays', 'control-if', 'loops', 'labels',
      'switch', 'methods', 'overloading', 'recursion', 'static-init', 'objects', 'inheritance', 'interfaces',
      'abstract', 'super-this', 'casts-instanceof', 'exceptions', 'finally', 'uncaught', 'synchronized',
      'stdlib-math', 'stdlib-integer-long-double', 'stdlib-stringbuilder', 'stdlib-arrays', 'stdlib-random',
      'programs', COMPILE_ERRORS_FEATURE,
    ];
    expect(listFeatures()).toEqual(expect.arrayContaining(planned));
  });

  it('gives uncaught-exception programs a non-zero exit code, and stderr output when it is 1', () => {
    for (const p of listPrograms({ features: ['uncaught'] })) {
      const e = p.expectation as RunExpectation;
      expect(e.exitCode, p.relativePath).not.toBe(0);
      if (e.exitCode === 1) expect(e.stderrFirstLine, p.relativePath).not.toBeNull();
    }
  });
});

describe('corpus support', () => {
  const source = (block: string): string =>
    `public class A {}\n// --- expectations (generated by scripts/regen-expectations.mjs from javac + java) ---\n${block}`;

  it('parses stdout, empty lines, stderr and exit code', () => {
    const e = parseExpectations(source('// expect: a\n// expect:\n// expect:  b\n// expect stderr: boom\n// expect exit: 1\n'), 'A');
    expect(e).toEqual({ kind: 'run', stdout: ['a', '', ' b'], stderrFirstLine: 'boom', exitCode: 1 });
  });

  it('rejects a missing marker and unknown comments', () => {
    expect(() => parseExpectations('class A {}', 'A')).toThrow(/no expectation marker/);
    expect(() => parseExpectations(source('// expect stdout: x'), 'A')).toThrow(/not an expectation comment/);
  });

  it('parses hand-written compile errors', () => {
    const text =
      'public class B {}\n// --- expectations (hand-written; javac must reject the program at these positions) ---\n' +
      '// expect error: 3:9 incompatible types: boolean cannot be converted to int\n';
    expect(parseExpectations(text, 'B')).toEqual({
      kind: 'compile-error',
      errors: [{ line: 3, column: 9, message: 'incompatible types: boolean cannot be converted to int' }],
    });
  });

  it('compares runs and explains the difference', () => {
    const e: RunExpectation = { kind: 'run', stdout: ['1', '2', '3'], stderrFirstLine: null, exitCode: 0 };
    expect(compareRun(e, { stdout: '1\n2\n3\n', stderr: '', exitCode: 0 }).ok).toBe(true);
    const bad = compareRun(e, { stdout: '1\n3\n4\n', stderr: 'Exception in thread "main" X\n\tat A.main', exitCode: 1 });
    expect(bad.ok).toBe(false);
    expect(bad.diff).toContain('- 2');
    expect(bad.diff).toContain('+ 4');
    expect(bad.diff).toContain('"Exception in thread \\"main\\" X"');
    expect(bad.diff).toContain('exit code differs: expected 0, actual 1');
  });

  it('diffs lines minimally', () => {
    expect(diffLines(['a', 'b'], ['a', 'b'])).toBe('');
    expect(diffLines(['a', 'b', 'c'], ['a', 'x', 'c'])).toBe('  a\n- b\n+ x\n  c');
  });

  it('parses and compares diagnostics', () => {
    const out = 'A.oak:3:9: error: cannot find symbol\n    int x = y;\n        ^\n';
    const actual = parseDiagnostics(out);
    expect(actual).toEqual([{ line: 3, column: 9, message: 'cannot find symbol' }]);
    expect(compareDiagnostics([{ line: 3, column: 9, message: 'cannot find symbol' }], actual).ok).toBe(true);
    expect(compareDiagnostics([{ line: 3, column: 9, message: 'other' }], actual, { messages: 'position' }).ok).toBe(true);
    const bad = compareDiagnostics([{ line: 4, column: 1, message: 'x' }], actual);
    expect(bad.diff).toContain('missing error: 4:1 x');
    expect(bad.diff).toContain('unexpected error: 3:9 cannot find symbol');
  });

  it('spots Java constructs that Oak leaves out', () => {
    expect(constructsOutsideOak('class A { class B {} }')).toEqual(['nested type']);
    expect(constructsOutsideOak('class A { java.util.List<String> xs; Runnable r = () -> {}; }')).toEqual([
      'lambda',
      'generic type',
    ]);
    expect(constructsOutsideOak('class A { /* enum @X -> */ String s = "a -> b <T>"; boolean b = x < Y; }')).toEqual([]);
  });

  it('finds top-level types but not nested text, comments or strings', () => {
    const types = topLevelTypes(
      '// class Fake {}\nclass A { String s = "class B {"; }\n/* interface C */\npublic class D {\n  void m() {}\n}\ninterface E {}\n',
    );
    expect(types.map((t) => `${t.isPublic ? 'public ' : ''}${t.kind} ${t.name}@${t.line}`)).toEqual([
      'class A@2',
      'public class D@4',
      'interface E@7',
    ]);
  });
});

describe('HotSpot runs of the javac twins', () => {
  it('uses the same java flags as the regeneration script', () => {
    const script = readFileSync(join(repoRoot, 'scripts', 'regen-expectations.mjs'), 'utf8');
    const listed = /const JAVA_FLAGS = \[([^\]]*)\]/.exec(script)?.[1] ?? '';
    const flags = [...listed.matchAll(/'([^']*)'/g)].map((m) => m[1]);
    expect(flags).toEqual(HOTSPOT_FLAGS);
  });

  const jdk = hasJdk();
  if (!jdk) console.warn('corpus-format: no JDK (javac/java) found; skipping the HotSpot runs of the javac twins');

  // One program per feature keeps this quick; scripts/regen-expectations.mjs --check runs them all.
  const sample = listFeatures()
    .filter((f) => f !== COMPILE_ERRORS_FEATURE)
    .map((f) => listPrograms({ features: [f] })[0])
    .filter((p) => p !== undefined);

  describe.skipIf(!jdk)('sample', () => {
    it.concurrent.each(sample.map((p) => [p.relativePath, p] as const))('%s prints its expectations', async (_, p) => {
      if (p.javacClassesDir === null || p.expectation.kind !== 'run') throw new Error('not a runnable program');
      const result = await runOnHotSpot(p.javacClassesDir, p.name);
      const { ok, diff } = compareRun(p.expectation, result);
      expect(ok, diff).toBe(true);
    });
  });
});
