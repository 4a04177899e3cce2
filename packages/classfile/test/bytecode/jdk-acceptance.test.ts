// Classes made by the ClassBuilder, checked by the JDK itself: javap reads them and HotSpot verifies and
// runs them. Skipped, with a message saying so, when no JDK is on the PATH.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ClassFile, writeClassFile } from '@oakvm/classfile';
import { EXPECTED_DEMO, EXPECTED_FAR, buildDemo, buildFarBranches, buildInterface } from './demo-classes.js';

const hasJdk = ['java', 'javap'].every((tool) => spawnSync(tool, ['-version'], { stdio: 'ignore' }).status === 0);
if (!hasJdk) console.warn('jdk-acceptance: no java/javap on the PATH; skipping the JDK checks of builder-made classes');

const CLASSES: Record<string, () => ClassFile> = {
  'Demo.class': buildDemo,
  'Far.class': buildFarBranches,
  'demo/Shape.class': buildInterface,
};

describe.skipIf(!hasJdk)('builder-made classes under the JDK', () => {
  let dir = '';

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'oakvm-builder-'));
    for (const [path, build] of Object.entries(CLASSES)) {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), writeClassFile(build()));
    }
  });

  afterAll(() => {
    if (dir !== '') rmSync(dir, { recursive: true, force: true });
  });

  it('are read by javap -v without error', () => {
    const result = spawnSync('javap', ['-v', '-p', ...Object.keys(CLASSES)], { cwd: dir, encoding: 'utf8' });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).not.toMatch(/error|invalid/i);
    expect(result.stdout).toContain('major version: 49');
    expect(result.stdout).toContain('LineNumberTable:');
    expect(result.stdout).toMatch(/0\s+\d+\s+0\s+args\s+\[Ljava\/lang\/String;/);
    expect(result.stdout).toContain('ConstantValue: long 9000000000l');
    expect(result.stdout).toContain('throws java.io.IOException');
    expect(result.stdout).toMatch(/goto_w/);
  });

  const run = (main: string): { stdout: string; stderr: string; status: number | null } =>
    spawnSync('java', ['-Xverify:all', '-cp', dir, main], { encoding: 'utf8' });

  it('runs Demo (loops, switches, try/catch, long/double math, wide locals) under the verifier', () => {
    const result = run('Demo');
    expect(result.stderr).toBe('');
    expect(result.stdout.trimEnd()).toBe(EXPECTED_DEMO);
    expect(result.status).toBe(0);
  });

  it('runs Far (branches past 32 KiB) under the verifier', () => {
    const result = run('Far');
    expect(result.stderr).toBe('');
    expect(result.stdout.trimEnd()).toBe(EXPECTED_FAR);
    expect(result.status).toBe(0);
  });
});
