// The cases of support/cases.ts on HotSpot: each class, written as a version 49 class file, is loaded in
// its own class loader by a small Java runner, so HotSpot's type-inferring verifier (libverify) checks
// it. Its verdict and message must be ours, except for the cases marked as OakVM's own. Needs a JDK.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { writeClassFile } from '@oakvm/classfile';
import { hasJdk, jdkTool } from '../../../../test/support/hotspot.js';
import { VerifyError } from '../../src/verifier/index.js';
import { CASES } from './support/cases.js';
import { TEST_CLASS, buildClass, verifyErrorOf } from './support/hand-built.js';

const RUNNER = `
import java.io.File;
import java.net.URL;
import java.net.URLClassLoader;

public class VerifyRunner {
  public static void main(String[] args) throws Exception {
    String name = args[0];
    for (int i = 1; i < args.length; i++) {
      URL[] path = { new File(args[i]).toURI().toURL() };
      try (URLClassLoader loader = new URLClassLoader(path, ClassLoader.getPlatformClassLoader())) {
        Class.forName(name, true, loader);
        System.out.println("OK");
      } catch (Throwable t) {
        System.out.println(t.getClass().getName() + "\\t" + t.getMessage());
      }
    }
  }
}
`;

const jdk = hasJdk();
if (!jdk) console.warn('hotspot-parity.test.ts: skipped, no JDK (javac and java) to compare the verifier with');

describe.skipIf(!jdk)('the hand-built cases on HotSpot', () => {
  const work = mkdtempSync(join(tmpdir(), 'oak-verifier-'));
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  test('HotSpot gives the same verdict and message', () => {
    writeFileSync(join(work, 'VerifyRunner.java'), RUNNER);
    execFileSync(jdkTool('javac'), ['-d', work, join(work, 'VerifyRunner.java')]);
    const dirs = CASES.map((c, i) => {
      const dir = join(work, `case${i}`);
      mkdirSync(join(dir, 'demo'), { recursive: true });
      writeFileSync(join(dir, `${TEST_CLASS}.class`), writeClassFile(buildClass(c.spec)));
      return dir;
    });
    const output = execFileSync(jdkTool('java'), ['-Xshare:auto', '-cp', work, 'VerifyRunner', TEST_CLASS.replace('/', '.'), ...dirs], { encoding: 'utf8' });
    const hotspot = output.trimEnd().split('\n');
    const differences: string[] = [];
    CASES.forEach((c, i) => {
      if (c.oursOnly) return;
      const e = verifyErrorOf(c.spec);
      const ours = e instanceof VerifyError ? `${e.javaClass.replace(/\//g, '.')}\t${e.detail}` : 'OK';
      if (hotspot[i] !== ours) differences.push(`${c.title}\n  HotSpot: ${hotspot[i]}\n  OakVM:   ${ours}`);
    });
    expect(differences).toEqual([]);
  });
});
