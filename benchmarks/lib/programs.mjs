// The benchmark programs: one folder per program under benchmarks/programs, holding the Oak source
// (<Main>.oak), its JavaScript twin (<folder>.js), program.json (main class, description, sizes) and the
// expected output for each size (expected-<size>.txt, written by regen-expected.mjs from HotSpot's output).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export const SIZES = ['quick', 'full'];

/**
 * @typedef {{ name: string, dir: string, main: string, description: string, oakFile: string, jsFile: string,
 *   sizes: Record<string, string> }} Program
 */

/** Every program, sorted by name. Throws with a readable message when a folder is incomplete. */
export function loadPrograms(programsDir) {
  if (!existsSync(programsDir)) throw new Error(`no programs folder ${programsDir}`);
  const programs = [];
  for (const name of readdirSync(programsDir).sort()) {
    const dir = join(programsDir, name);
    const specFile = join(dir, 'program.json');
    if (!existsSync(specFile)) continue;
    let spec;
    try {
      spec = JSON.parse(readFileSync(specFile, 'utf8'));
    } catch (error) {
      throw new Error(`${specFile}: ${error instanceof Error ? error.message : String(error)}`);
    }
    if (typeof spec.main !== 'string' || typeof spec.sizes !== 'object' || spec.sizes === null) {
      throw new Error(`${specFile}: needs "main" and "sizes"`);
    }
    for (const size of SIZES) {
      if (typeof spec.sizes[size] !== 'string') throw new Error(`${specFile}: sizes.${size} must be a string`);
    }
    const program = {
      name,
      dir,
      main: spec.main,
      description: typeof spec.description === 'string' ? spec.description : '',
      oakFile: join(dir, `${spec.main}.oak`),
      jsFile: join(dir, `${name}.js`),
      sizes: spec.sizes,
    };
    for (const file of [program.oakFile, program.jsFile]) {
      if (!existsSync(file)) throw new Error(`${name}: ${file} is missing`);
    }
    programs.push(program);
  }
  return programs;
}

export function expectedFile(program, size) {
  return join(program.dir, `expected-${size}.txt`);
}

/** The expected output, or null when it has not been generated. */
export function readExpected(program, size) {
  const file = expectedFile(program, size);
  return existsSync(file) ? normaliseOutput(readFileSync(file, 'utf8')) : null;
}

/** Outputs are compared with Unix line ends, so a Windows run does not fail on CRLF alone. */
export function normaliseOutput(text) {
  return text.replace(/\r\n/g, '\n');
}
