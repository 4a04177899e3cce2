// The worked example of docs/classfile-builder.md is hello-example.ts verbatim; this keeps the two in
// step and checks that what the example builds is what the document says it is.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { type CodeAttribute, readClassFile } from '@oakvm/classfile';
import { buildHello } from './hello-example.js';

const doc = readFileSync(fileURLToPath(new URL('../../../../docs/classfile-builder.md', import.meta.url)), 'utf8');
const example = readFileSync(fileURLToPath(new URL('./hello-example.ts', import.meta.url)), 'utf8');
const hasJava = spawnSync('java', ['-version'], { stdio: 'ignore' }).status === 0;
if (!hasJava) console.warn('docs-example: no java on the PATH; skipping the run of the documented Hello class');

describe('docs/classfile-builder.md example', () => {
  it('is the tested hello-example.ts', () => {
    expect(doc).toContain(example.trim());
  });

  it('builds the max_stack and max_locals the document states', () => {
    const main = readClassFile(buildHello()).methods[1]?.attributes.find((a): a is CodeAttribute => a.kind === 'Code');
    expect([main?.maxStack, main?.maxLocals]).toEqual([3, 2]);
  });

  it.skipIf(!hasJava)('runs under java and prints what the document says', () => {
    const dir = mkdtempSync(join(tmpdir(), 'oakvm-hello-'));
    try {
      writeFileSync(join(dir, 'Hello.class'), buildHello());
      const result = spawnSync('java', ['-Xverify:all', '-cp', dir, 'Hello'], { encoding: 'utf8' });
      expect(result.stderr).toBe('');
      expect(result.stdout).toBe('Hello 0\nHello 1\nHello 2\n');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
