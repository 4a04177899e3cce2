// What each tier runs, built once per program per harness run: the Oak source itself, oakc's class files,
// javac's class files (from the same source, renamed .java) or the JavaScript twin. Builds go to
// benchmarks/.build/<compiler>/<program>/.
import { copyFileSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { probeJdk } from './jdk.mjs';
import { firstLine, runTimed } from './process.mjs';
import { oakBin, probeOakCommand } from './tiers.mjs';

const COMPILE_TIMEOUT_MS = 300_000;

/**
 * Builds inputs on first use and remembers the result, including a failure, so each program is compiled
 * at most once per compiler.
 */
export class Inputs {
  /** @param {{ root: string, buildDir: string, log: (line: string) => void }} env */
  constructor(env) {
    this.env = env;
    /** @type {Map<string, { path: string | null, reason: string | null }>} */
    this.cache = new Map();
  }

  /** Why an input kind cannot be built here, or null. */
  probe(kind) {
    switch (kind) {
      case 'source':
      case 'js':
        return null;
      case 'oakc':
        return probeOakCommand(this.env, 'compiler', 'oakc');
      case 'javac':
        return probeJdk().reason;
      default:
        throw new Error(`unknown input kind ${kind}`);
    }
  }

  /** @returns {{ path: string | null, reason: string | null }} path when built, reason when not. */
  get(kind, program) {
    const key = `${kind}/${program.name}`;
    let entry = this.cache.get(key);
    if (entry === undefined) {
      entry = this.build(kind, program);
      this.cache.set(key, entry);
    }
    return entry;
  }

  build(kind, program) {
    switch (kind) {
      case 'source':
        return { path: program.oakFile, reason: null };
      case 'js':
        return { path: program.jsFile, reason: null };
      case 'oakc': {
        const out = this.freshDir('oakc', program);
        const bin = oakBin(this.env, 'compiler', 'oakc');
        return this.compile('oakc', program, out, process.execPath, [bin, '-d', out, program.oakFile]);
      }
      case 'javac': {
        const out = this.freshDir('javac', program);
        const sourceDir = this.freshDir('javac-src', program);
        const javaFile = join(sourceDir, `${program.main}.java`);
        copyFileSync(program.oakFile, javaFile);
        return this.compile('javac', program, out, 'javac', ['--release', '8', '-nowarn', '-d', out, javaFile]);
      }
      default:
        throw new Error(`unknown input kind ${kind}`);
    }
  }

  freshDir(compiler, program) {
    const dir = join(this.env.buildDir, compiler, program.name);
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    return dir;
  }

  compile(compiler, program, out, command, args) {
    const result = runTimed(command, args, { timeoutMs: COMPILE_TIMEOUT_MS });
    if (result.failure !== null) return { path: null, reason: `${compiler}: ${result.failure}` };
    if (result.status !== 0) {
      const detail = firstLine(result.stderr) || firstLine(result.stdout);
      return { path: null, reason: `${compiler} failed (exit ${result.status}): ${detail}` };
    }
    this.env.log(`  ${compiler} ${program.name}: ${result.seconds.toFixed(2)} s`);
    return { path: out, reason: null };
  }
}
