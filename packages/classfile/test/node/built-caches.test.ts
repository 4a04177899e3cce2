// The caches `npm run build` trains must be the ones V8 takes: a cache that is never accepted only costs
// disk space and start-up time, silently. Checks each command's bundle in a fresh process.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../../../', import.meta.url));
const loader = `${root}packages/classfile/dist/code-cache.cjs`;
const bundles = ['packages/vm/dist/oak.cjs', 'packages/compiler/dist/index.cjs', 'packages/compiler/dist/oaki.cjs', 'packages/classfile/dist/oakp.cjs'];
const built = existsSync(loader) && bundles.every((b) => existsSync(`${root}${b}`));
if (!built) console.warn('built-caches: the command bundles are not built (run npm run build); skipping');

describe.skipIf(!built)('the trained code caches', () => {
  it.each(bundles)('%s has a cache that V8 accepts', (bundle) => {
    // Loading a command runs it (with no arguments: its usage text); the state is printed on the way out.
    const script = `const c = require(${JSON.stringify(loader)});
const file = ${JSON.stringify(`${root}${bundle}`)};
process.on('exit', () => process.stdout.write('state=' + c.codeCacheState(file) + '\\n'));
c.loadBundle(file);`;
    const r = spawnSync(process.execPath, ['-e', script], { cwd: root, encoding: 'utf8', input: '' });
    expect(r.stdout).toContain('state=accepted');
  });
});
