// Runs the benchmark programs (benchmarks/programs/*/Name.oak, compiled by javac --release 8) on
// `java -Xint` and on `oak`, and prints each program's ratio of CPU time (user + system, so a busy machine
// skews the figures less than wall time would) and the geometric mean. Needs a JDK and a built VM
// (`npm run build`). Usage: node packages/vm/bench/compare-xint.mjs [name-filter] [--runs N]
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const programsDir = join(root, 'benchmarks', 'programs');
const oak = join(root, 'packages', 'vm', 'bin', 'oak.js');
const args = process.argv.slice(2);
const runsAt = args.indexOf('--runs');
const runs = runsAt >= 0 ? Number(args[runsAt + 1]) : 1;
const filter = args.find((a, i) => !a.startsWith('--') && args[i - 1] !== '--runs');

/** CPU seconds of a command, measured by GNU time, plus its stdout. */
function cpuTime(cmd, cmdArgs) {
  const r = spawnSync('/usr/bin/time', ['-f', '%U %S', cmd, ...cmdArgs], { encoding: 'utf8', maxBuffer: 64 << 20 });
  const lines = r.stderr.trim().split('\n');
  const [user, sys] = lines[lines.length - 1].split(' ').map(Number);
  return { seconds: user + sys, stdout: r.stdout, status: r.status, stderr: lines.slice(0, -1).join('\n') };
}

function best(cmd, cmdArgs) {
  let result;
  for (let i = 0; i < runs; i++) {
    const r = cpuTime(cmd, cmdArgs);
    if (result === undefined || r.seconds < result.seconds) result = r;
  }
  return result;
}

/** Problem sizes that make each program run for roughly a second under java -Xint (the defaults are tiny). */
const SIZES = {
  'binary-trees': '15',
  dispatch: '3000000',
  exceptions: '300000',
  fannkuch: '9',
  fib: '32',
  'long-arith': '10000000',
  'loops-arrays': '600',
  nbody: '500000',
  richards: '300',
  sieve: '200',
  'spectral-norm': '500',
  'string-building': '2000',
};

const work = mkdtempSync(join(tmpdir(), 'oak-bench-'));
const rows = [];
for (const dir of readdirSync(programsDir).sort()) {
  if (filter && !dir.includes(filter)) continue;
  const oakFile = readdirSync(join(programsDir, dir)).find((f) => f.endsWith('.oak'));
  if (!oakFile) continue;
  const name = oakFile.replace(/\.oak$/, '');
  const out = join(work, dir);
  mkdirSync(out, { recursive: true });
  copyFileSync(join(programsDir, dir, oakFile), join(out, `${name}.java`));
  execFileSync('javac', ['--release', '8', '-nowarn', '-d', out, join(out, `${name}.java`)], { stdio: 'pipe' });
  const size = SIZES[dir] === undefined ? [] : [SIZES[dir]];
  const java = best('java', ['-Xint', '-cp', out, name, ...size]);
  const mine = best(process.execPath, [oak, '-cp', out, name, ...size]);
  const same = java.stdout === mine.stdout && java.status === mine.status;
  rows.push({ name: dir, java: java.seconds, oak: mine.seconds, ratio: mine.seconds / java.seconds, same });
  console.log(`${dir.padEnd(16)} java -Xint ${java.seconds.toFixed(2)}s  oak ${mine.seconds.toFixed(2)}s  ratio ${(mine.seconds / java.seconds).toFixed(2)}${same ? '' : '  OUTPUT DIFFERS'}`);
}
const geo = Math.exp(rows.reduce((s, r) => s + Math.log(r.ratio), 0) / Math.max(1, rows.length));
console.log(`geometric mean ratio (oak / java -Xint): ${geo.toFixed(2)} over ${rows.length} programs`);
if (!existsSync(oak)) console.log('(oak is not built: run npm run build)');
