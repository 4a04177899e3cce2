// The tiers: every way the harness runs a program. To add one (a later `oak` tier such as a JIT), add an
// entry to TIERS: an id for --tiers, a label for the tables, the input it runs (see inputs.mjs), a probe
// that says why it cannot run here (or null), and the command line.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { probeJdk } from './jdk.mjs';

/**
 * @typedef {import('./programs.mjs').Program} Program
 * @typedef {{ root: string }} Env
 * @typedef {{ file: string, args: string[] }} Command
 * @typedef {{ id: string, label: string, description: string, input: 'source' | 'oakc' | 'javac' | 'js',
 *   probe: (env: Env) => string | null, command: (env: Env, input: string, program: Program, arg: string) => Command }} Tier
 */

/** The launcher script of an OakVM command, e.g. packages/vm/bin/oak.js. */
export function oakBin(env, pkg, name) {
  return join(env.root, 'packages', pkg, 'bin', `${name}.js`);
}

/**
 * Why an OakVM command cannot run, or null. The bins import a bundle built by `npm run build`, so a
 * missing bundle is told apart from a command that is not written yet.
 */
export function probeOakCommand(env, pkg, name) {
  const bin = oakBin(env, pkg, name);
  const source = join(env.root, 'packages', pkg, 'src', 'cli', `${name}.ts`);
  const bundles = ['cjs', 'js'].map((ext) => join(env.root, 'packages', pkg, 'dist', `${name}.${ext}`));
  const bundle = bundles.find((file) => existsSync(file)) ?? bundles[0];
  if (!existsSync(source) && !existsSync(bundle)) return `${name} is not implemented yet (no packages/${pkg}/src/cli/${name}.ts)`;
  if (!existsSync(bin)) return `${name} has no launcher (packages/${pkg}/bin/${name}.js)`;
  if (!existsSync(bundle)) return `${name} is not built (no packages/${pkg}/dist/${name}.cjs): run npm run build`;
  return null;
}

/** @type {Tier[]} */
export const TIERS = [
  {
    id: 'oaki',
    label: 'oaki',
    description: 'OakVM tree-walking interpreter: runs the checked syntax tree, no bytecode',
    input: 'source',
    probe: (env) => probeOakCommand(env, 'compiler', 'oaki'),
    command: (env, input, program, arg) => ({ file: process.execPath, args: [oakBin(env, 'compiler', 'oaki'), input, arg] }),
  },
  {
    id: 'oak',
    label: 'oak',
    description: "OakVM bytecode interpreter, running oakc's class files",
    input: 'oakc',
    probe: (env) => probeOakCommand(env, 'vm', 'oak'),
    command: (env, input, program, arg) => ({
      file: process.execPath,
      args: [oakBin(env, 'vm', 'oak'), '-cp', input, program.main, arg],
    }),
  },
  {
    id: 'java-int',
    label: 'java -Xint',
    description: "HotSpot's bytecode interpreter alone (JIT compilers off), running javac's class files",
    input: 'javac',
    probe: () => probeJdk().reason,
    command: (env, input, program, arg) => ({ file: 'java', args: ['-Xint', '-cp', input, program.main, arg] }),
  },
  {
    id: 'java',
    label: 'java',
    description: 'HotSpot with its JIT compilers, running javac\'s class files',
    input: 'javac',
    probe: () => probeJdk().reason,
    command: (env, input, program, arg) => ({ file: 'java', args: ['-cp', input, program.main, arg] }),
  },
  {
    id: 'node',
    label: 'node',
    description: 'The JavaScript twin of the program on Node (V8)',
    input: 'js',
    probe: () => null,
    command: (env, input, program, arg) => ({ file: process.execPath, args: [input, arg] }),
  },
];

/** The tier that ratios are taken against, and the one speed-ups are measured from. */
export const REFERENCE_TIER = 'java-int';
export const BASELINE_TIER = 'oaki';
