// The shared test-program corpus (test/programs/<feature>/<Name>.oak) as typed data, for the runners of
// every tier: oakc + HotSpot, oakc + oak, javac twins + oak, and the tree-walking interpreter oaki.
// See docs/testing.md for the layout and the expectation comments.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseExpectations, programBody, type Expectation } from './expectations.js';

export * from './expectations.js';
export * from './compare.js';
export { topLevelTypes, declaresMain, constructsOutsideOak, type TopLevelType } from './source-scan.js';
export { HOTSPOT_FLAGS, hasJdk, jdkTool, runOnHotSpot, type HotSpotRun } from './hotspot.js';

/** Absolute path of the repository root. */
export const repoRoot: string = fileURLToPath(new URL('../../', import.meta.url));
/** Absolute path of test/programs. */
export const corpusRoot: string = join(repoRoot, 'test', 'programs');
/** Absolute path of test/javac-classes (class files javac --release 8 produced, per program). */
export const javacClassesRoot: string = join(repoRoot, 'test', 'javac-classes');
/** The feature folder whose programs must fail to compile. */
export const COMPILE_ERRORS_FEATURE = 'compile-errors';

export interface CorpusProgram {
  /** Feature folder, e.g. `arith-int`. */
  readonly feature: string;
  /** File name without `.oak`; also the public class holding `main`. */
  readonly name: string;
  /** Absolute path of the .oak file. */
  readonly path: string;
  /** Path relative to the repository root, with forward slashes: good for test names. */
  readonly relativePath: string;
  readonly source: string;
  readonly expectation: Expectation;
  /**
   * Directory holding the class files javac compiled from this program (run it with `-cp` this and main
   * class `name`); null for compile-error programs. The directory may be missing if the program was added
   * without running scripts/regen-expectations.mjs; the format test catches that.
   */
  readonly javacClassesDir: string | null;
}

export interface ProgramFilter {
  /** Only these feature folders. */
  readonly features?: readonly string[];
  /** Only programs with these names (or `feature/Name`). */
  readonly names?: readonly string[];
  /** 'run' for programs that compile and run, 'compile-error' for the others. */
  readonly kind?: Expectation['kind'];
}

/** Feature folder names, sorted. */
export function listFeatures(): string[] {
  if (!existsSync(corpusRoot)) return [];
  return readdirSync(corpusRoot)
    .filter((f) => statSync(join(corpusRoot, f)).isDirectory())
    .sort();
}

/** Reads and parses corpus programs, sorted by feature then name. Throws CorpusFormatError on bad expectations. */
export function listPrograms(filter: ProgramFilter = {}): CorpusProgram[] {
  const programs: CorpusProgram[] = [];
  for (const feature of listFeatures()) {
    if (filter.features && !filter.features.includes(feature)) continue;
    const dir = join(corpusRoot, feature);
    for (const file of readdirSync(dir).sort()) {
      if (!file.endsWith('.oak')) continue;
      const name = basename(file, '.oak');
      if (filter.names && !filter.names.includes(name) && !filter.names.includes(`${feature}/${name}`)) continue;
      const program = readProgram(feature, name);
      if (filter.kind && program.expectation.kind !== filter.kind) continue;
      programs.push(program);
    }
  }
  return programs;
}

/** Reads one program by feature and name. */
export function readProgram(feature: string, name: string): CorpusProgram {
  const path = join(corpusRoot, feature, `${name}.oak`);
  const source = readFileSync(path, 'utf8');
  const relativePath = `test/programs/${feature}/${name}.oak`;
  return {
    feature,
    name,
    path,
    relativePath,
    source,
    expectation: parseExpectations(source, relativePath),
    javacClassesDir: feature === COMPILE_ERRORS_FEATURE ? null : join(javacClassesRoot, feature, name),
  };
}

/** Where scripts/regen-expectations.mjs records the digest of each runnable program it last regenerated. */
export const manifestPath: string = join(javacClassesRoot, 'manifest.json');

/** `feature/Name` to the sha-256 (hex) of the program body its expectations and twin were made from. */
export function readManifest(): Record<string, string> {
  if (!existsSync(manifestPath)) return {};
  const parsed: unknown = JSON.parse(readFileSync(manifestPath, 'utf8'));
  if (typeof parsed !== 'object' || parsed === null) return {};
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(parsed)) if (typeof value === 'string') out[key] = value;
  return out;
}

/** The digest the manifest records for a program whose body is unchanged since regeneration. */
export function bodyDigest(program: CorpusProgram): string {
  return createHash('sha256').update(programBody(program.source)).digest('hex');
}
