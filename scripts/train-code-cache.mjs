// Trains the commands' code caches (see packages/classfile/src/node/code-cache.ts): runs each command once
// on examples/Hello.oak with OAKVM_WRITE_CODE_CACHE naming the bundle that run trains, so each cache holds
// the functions a start-up needs and no more (a larger cache takes longer to load). oakc is the exception:
// it compiles programs of any size, so its run also compiles the runnable programs of the test corpus
// (every statement and expression form), and its cache holds the code for the whole language; a function
// missing from the cache is compiled on the main thread on its first call. Measured at 15:45 UTC
// 2026-11-26, median of 21: Hello 5 ms slower to compile (0.103 -> 0.108 s), a 5,000-line program 14 ms and
// the 20,000-line benchmark 15 ms faster. `oak Hello.oak` trains the compiler's bundle that the source
// launcher loads. The VM's own bundle is trained on class files, by
// a program whose main does nothing: trained on Hello, whose main prints, the cache made the interpreter's
// loops about 17% slower (CPU of benchmarks/programs loops-arrays and sieve, 14:10 UTC 2026-11-26; the
// cause inside V8 is not known), and start-up is the same either way. Run by scripts/build.mjs.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const bin = (pkg, cmd) => join(root, 'packages', pkg, 'bin', `${cmd}.js`);

export function trainCodeCaches() {
  const work = mkdtempSync(join(tmpdir(), 'oakvm-train-'));
  const hello = join(root, 'examples', 'Hello.oak');
  const idle = join(work, 'Idle.oak');
  writeFileSync(idle, 'public class Idle {\n    public static void main(String[] args) {\n    }\n}\n');
  try {
    const runs = [
      ['oakc.cjs', bin('compiler', 'oakc'), '-d', work, hello, idle, ...corpusPrograms()],
      ['oakp.cjs', bin('classfile', 'oakp'), '-c', join(work, 'Hello.class')],
      ['oak.cjs', bin('vm', 'oak'), '-cp', work, 'Idle'],
      ['oaki.cjs', bin('compiler', 'oaki'), hello],
      ['index.cjs', bin('vm', 'oak'), hello],
    ];
    for (const [bundle, ...args] of runs) {
      const r = spawnSync(process.execPath, args, { cwd: root, encoding: 'utf8', env: { ...process.env, OAKVM_WRITE_CODE_CACHE: bundle } });
      // A failed training run costs start-up time, not correctness: report it and go on.
      if (r.status !== 0) console.warn(`warning: code-cache training run failed: node ${args.join(' ')}\n${r.stderr ?? ''}`);
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** The runnable programs of the test corpus (they compile together), or none in a tree without it. */
function corpusPrograms() {
  const corpus = join(root, 'test', 'programs');
  if (!existsSync(corpus)) return [];
  const files = [];
  for (const folder of readdirSync(corpus).sort()) {
    if (folder === 'compile-errors') continue;
    const dir = join(corpus, folder);
    if (!statSync(dir).isDirectory()) continue;
    for (const file of readdirSync(dir).sort()) if (file.endsWith('.oak')) files.push(join(dir, file));
  }
  return files;
}
