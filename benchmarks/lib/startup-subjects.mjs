// What the start-up benchmark runs: each subject is one way to print Hello, with the inputs it needs
// prepared once per run (oakc's and javac's class files, a copy of Hello.oak named Hello.java).
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { probeJdk } from './jdk.mjs';
import { firstLine, runTimed } from './process.mjs';

export const HELLO_OUTPUT = 'Hello from OakVM!\n';

/** Built files the OakVM subjects import; without them the user must build first. */
export const REQUIRED_BUNDLES = ['packages/vm/dist/oak.cjs', 'packages/vm/dist/classlib.img', 'packages/compiler/dist/oakc.cjs'];

/**
 * @typedef {{ id: string, label: string, shown: string, file: string, args: string[], expected: string, reason: string | null }} Subject
 * `shown` is the command as a reader would type it; `expected` its whole standard output; `reason`
 * says why the subject cannot run here.
 */

/**
 * Compiles Hello with oakc (and javac when a JDK is present) into workDir and returns the subjects.
 * @param {{ root: string, workDir: string, timeoutMs: number, log: (line: string) => void }} env
 * @returns {Subject[]}
 */
export function prepareSubjects(env) {
  const { root, workDir } = env;
  const node = process.execPath;
  const source = join(root, 'examples', 'Hello.oak');
  const oak = join(root, 'packages', 'vm', 'bin', 'oak.js');
  const oakc = join(root, 'packages', 'compiler', 'bin', 'oakc.js');
  const oaki = join(root, 'packages', 'compiler', 'bin', 'oaki.js');
  const oakcDir = join(workDir, 'oakc');
  const javacDir = join(workDir, 'javac');
  const javaSourceDir = join(workDir, 'java-source');
  for (const dir of [oakcDir, javacDir, javaSourceDir]) mkdirSync(dir, { recursive: true });

  const oakcReason = compile(env, node, [oakc, '-d', oakcDir, source], 'oakc');
  const jdk = probeJdk();
  let javacReason = jdk.reason;
  const javaSourceReason = jdk.java === null ? jdk.reason : null;
  if (jdk.java !== null) {
    const javaSource = join(javaSourceDir, 'Hello.java');
    copyFileSync(source, javaSource);
    if (javacReason === null) javacReason = compile(env, 'javac', ['-d', javacDir, javaSource], 'javac');
  }
  const oakiReason = existsSync(join(root, 'packages', 'compiler', 'dist', 'oaki.cjs')) && existsSync(oaki)
    ? null
    : 'oaki is not built (packages/compiler/dist/oaki.cjs is missing)';

  return [
    { id: 'node', label: 'bare node', shown: 'node -e 0', file: node, args: ['-e', '0'], expected: '', reason: null },
    { id: 'oak-cp', label: 'oak -cp DIR Hello', shown: 'node packages/vm/bin/oak.js -cp <oakc classes> Hello', file: node, args: [oak, '-cp', oakcDir, 'Hello'], expected: HELLO_OUTPUT, reason: oakcReason },
    { id: 'oak-source', label: 'oak Hello.oak', shown: 'node packages/vm/bin/oak.js examples/Hello.oak', file: node, args: [oak, source], expected: HELLO_OUTPUT, reason: null },
    { id: 'oaki', label: 'oaki Hello.oak', shown: 'node packages/compiler/bin/oaki.js examples/Hello.oak', file: node, args: [oaki, source], expected: HELLO_OUTPUT, reason: oakiReason },
    { id: 'java-cp', label: 'java -cp DIR Hello', shown: 'java -cp <javac classes> Hello', file: 'java', args: ['-cp', javacDir, 'Hello'], expected: HELLO_OUTPUT, reason: javacReason },
    { id: 'java-source', label: 'java Hello.java', shown: 'java <copy>/Hello.java', file: 'java', args: [join(javaSourceDir, 'Hello.java')], expected: HELLO_OUTPUT, reason: javaSourceReason },
  ];
}

/** Runs a compiler once; returns null when it worked, else why the subjects depending on it cannot run. */
function compile(env, command, args, name) {
  env.log(`compiling Hello with ${name}`);
  // Compilers get at least two minutes: --timeout is meant for the measured runs.
  const run = runTimed(command, args, { cwd: env.root, timeoutMs: Math.max(env.timeoutMs, 120_000) });
  if (run.failure !== null) return `${name} failed: ${run.failure}`;
  if (run.status !== 0) return `${name} failed (exit ${run.status}): ${firstLine(run.stderr)}`;
  return null;
}

/** Why an output is not the expected one, or null when it is. */
export function checkOutput(subject, run) {
  if (run.failure !== null) return run.failure;
  if (run.status !== 0) return `exit ${run.status}: ${firstLine(run.stderr)}`;
  if (run.stdout !== subject.expected) return `wrong output: ${JSON.stringify(run.stdout.slice(0, 80))}`;
  return null;
}
