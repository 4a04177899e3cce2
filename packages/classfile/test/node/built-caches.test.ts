// The caches `npm run build` trains must be the ones V8 takes: a cache that is never accepted only costs
// disk space and start-up time, silently. Runs each command's real bin script (so with the V8 flags the
// command sets, which V8 checks against the cache's) in a fresh process and reads the loader's report.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { REPORT_CACHE_VARIABLE } from '../../src/node/code-cache.js';

const root = fileURLToPath(new URL('../../../../', import.meta.url));
const runs: { bin: string; args: string[]; bundles: string[] }[] = [
  { bin: 'packages/vm/bin/oak.js', args: ['examples/Hello.oak'], bundles: ['packages/vm/dist/oak.cjs', 'packages/compiler/dist/index.cjs'] },
  { bin: 'packages/compiler/bin/oakc.js', args: [], bundles: ['packages/compiler/dist/oakc.cjs'] },
  { bin: 'packages/compiler/bin/oaki.js', args: [], bundles: ['packages/compiler/dist/oaki.cjs'] },
  { bin: 'packages/classfile/bin/oakp.js', args: [], bundles: ['packages/classfile/dist/oakp.cjs'] },
];
const built = existsSync(`${root}packages/classfile/dist/code-cache.cjs`) && runs.every((r) => r.bundles.every((b) => existsSync(`${root}${b}`)));
if (!built) console.warn('built-caches: the command bundles are not built (run npm run build); skipping');

describe.skipIf(!built)('the trained code caches', () => {
  it.each(runs)('$bin runs with caches that V8 accepts', ({ bin, args, bundles }) => {
    // Without arguments a command prints its usage; the loader reports on the way out either way.
    const r = spawnSync(process.execPath, [bin, ...args], { cwd: root, encoding: 'utf8', input: '', env: { ...process.env, [REPORT_CACHE_VARIABLE]: '1' } });
    for (const bundle of bundles) expect(r.stderr).toContain(`code cache: ${root}${bundle}: accepted`);
  });
});
