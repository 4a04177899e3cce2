// Trains the commands' code caches (see packages/classfile/src/node/code-cache.ts): runs each command once
// on examples/Hello.oak with OAKVM_WRITE_CODE_CACHE set, so that each bundle's cache holds the functions a
// start-up needs. `oak Hello.oak` runs last: it writes the caches of both the VM's and the compiler's
// bundle, and the VM's then covers running class files as well as sources. Run by scripts/build.mjs.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const bin = (pkg, cmd) => join(root, 'packages', pkg, 'bin', `${cmd}.js`);

export function trainCodeCaches() {
  const work = mkdtempSync(join(tmpdir(), 'oakvm-train-'));
  const hello = join(root, 'examples', 'Hello.oak');
  try {
    const runs = [
      [bin('compiler', 'oakc'), '-d', work, hello],
      [bin('classfile', 'oakp'), '-c', join(work, 'Hello.class')],
      [bin('vm', 'oak'), '-cp', work, 'Hello'],
      [bin('compiler', 'oaki'), hello],
      [bin('vm', 'oak'), hello],
    ];
    for (const args of runs) {
      const r = spawnSync(process.execPath, args, { cwd: root, encoding: 'utf8', env: { ...process.env, OAKVM_WRITE_CODE_CACHE: '1' } });
      // A failed training run costs start-up time, not correctness: report it and go on.
      if (r.status !== 0) console.warn(`warning: code-cache training run failed: node ${args.join(' ')}\n${r.stderr ?? ''}`);
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
