// The verifier against HotSpot's own type-inferring verifier (libverify, used for class files before
// version 50). Classes are written to disk and loaded by a small Java runner, each in its own class
// loader (so every case may name its class as it likes), all in one JVM; its verdict, error class and
// message must be ours. Needs a JDK; skips, saying so, without one.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { className as classNameOf, readClassFile, writeClassFile, type ClassFile } from '@oakvm/classfile';
import { compile } from '@oakvm/compiler';
import { listPrograms } from '../../../../test/support/corpus.js';
import { hasJdk, jdkTool } from '../../../../test/support/hotspot.js';
import { VerifyError, verifyClass } from '../../src/verifier/index.js';
import { classFilesUnder, corpusClassesRoot, imageClasses, layeredHierarchy } from './support/class-sources.js';
import { CASES } from './support/cases.js';
import { TEST_CLASS, buildClass, verifyErrorOf } from './support/hand-built.js';
import { mutate, random } from './support/mutation.js';

const RUNNER = `
import java.io.File;
import java.net.URL;
import java.net.URLClassLoader;

public class VerifyRunner {
  public static void main(String[] args) throws Exception {
    for (String arg : args) {
      int eq = arg.indexOf('=');
      String name = arg.substring(0, eq);
      URL[] path = { new File(arg.substring(eq + 1)).toURI().toURL() };
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

const JSR_REASON = 'jsr and ret are not supported (subroutines are rejected)';

const jdk = hasJdk();
if (!jdk) console.warn('hotspot-parity.test.ts: skipped, no JDK (javac and java) to compare the verifier with');

/** One class to load: its internal name and the class files of the directory it is loaded from. */
interface Trial {
  readonly name: string;
  readonly classes: ReadonlyMap<string, Uint8Array>;
}

describe.skipIf(!jdk)('HotSpot agrees', () => {
  let work = '';
  beforeAll(() => {
    work = mkdtempSync(join(tmpdir(), 'oak-verifier-'));
    writeFileSync(join(work, 'VerifyRunner.java'), RUNNER);
    execFileSync(jdkTool('javac'), ['-d', work, join(work, 'VerifyRunner.java')]);
  });
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  /** HotSpot's line for each trial: "OK" or "<exception class>\t<message>". */
  function onHotSpot(label: string, trials: readonly Trial[]): string[] {
    const args = trials.map((t, i) => {
      const dir = join(work, label, String(i));
      for (const [name, bytes] of t.classes) {
        mkdirSync(dirname(join(dir, name)), { recursive: true });
        writeFileSync(join(dir, `${name}.class`), bytes);
      }
      return `${t.name.replace(/\//g, '.')}=${dir}`;
    });
    const output = execFileSync(jdkTool('java'), ['-Xshare:auto', '-cp', work, 'VerifyRunner', ...args], { encoding: 'utf8', maxBuffer: 1 << 26 });
    return output.trimEnd().split('\n');
  }

  function ours(run: () => unknown): string {
    try {
      run();
      return 'OK';
    } catch (e) {
      if (e instanceof VerifyError) return `${e.javaClass.replace(/\//g, '.')}\t${e.detail}`;
      throw e;
    }
  }

  test('the hand-built cases: the same verdict, error class and message', () => {
    const hotspot = onHotSpot(
      'cases',
      CASES.map((c) => ({ name: TEST_CLASS, classes: new Map([[TEST_CLASS, writeClassFile(buildClass(c.spec))]]) })),
    );
    const differences: string[] = [];
    CASES.forEach((c, i) => {
      if (c.oursOnly) return;
      const mine = ours(() => {
        const e = verifyErrorOf(c.spec);
        if (e !== undefined) throw e;
      });
      if (hotspot[i] !== mine) differences.push(`${c.title}\n  HotSpot: ${hotspot[i]}\n  OakVM:   ${mine}`);
    });
    expect(differences).toEqual([]);
  });

  test("damaged methods of oakc's output: HotSpot's verdict, and its message when it rejects in the verifier", () => {
    // oakc writes version 49, which HotSpot checks with the type-inferring verifier. Static initializers
    // are dropped so that loading runs no guest code.
    const classlib = imageClasses('classlib');
    const jdkSymbols = imageClasses('jdk-symbols');
    const programs = listPrograms({ kind: 'run' })
      .map((p) => compile([{ path: p.path, text: p.source }], { classPath: (n) => classlib.get(n) ?? jdkSymbols.get(n) }).classes)
      .filter((classes) => classes.size > 0)
      .slice(0, 8);
    expect(programs.length).toBeGreaterThan(0);
    const next = random(0x5eed);
    const trials: (Trial & { readonly file: ClassFile; readonly hierarchy: ReturnType<typeof layeredHierarchy> })[] = [];
    for (let round = 0; round < 800; round++) {
      const classes = programs[round % programs.length] as Map<string, Uint8Array>;
      const names = [...classes.keys()];
      const name = names[Math.floor(next() * names.length)] as string;
      const original = readClassFile(classes.get(name) as Uint8Array);
      const withoutClinit = { ...original, methods: original.methods.filter((m) => (original.constantPool[m.nameIndex] as { value?: string }).value !== '<clinit>') };
      const file = mutate(withoutClinit, next);
      const own = new Map(classes);
      own.set(name, writeClassFile(file));
      trials.push({ name, classes: own, file, hierarchy: layeredHierarchy(own, classlib, jdkSymbols) });
    }
    const hotspot = onHotSpot('mutated', trials);
    const differences: string[] = [];
    let rejected = 0;
    trials.forEach((t, i) => {
      const theirs = hotspot[i] as string;
      const mine = ours(() => verifyClass(t.file, t.hierarchy));
      if (mine !== 'OK') rejected++;
      if (!agreeOn(t.name, theirs, mine)) differences.push(`${t.name} (trial ${i})\n  HotSpot: ${theirs}\n  OakVM:   ${mine}`);
    });
    expect(differences).toEqual([]);
    expect(rejected).toBeGreaterThan(100);
  });

  test('javac output rewritten as version 49, whole and damaged: the same verdict and message', () => {
    // javac --release 8 classes, relabelled as version 49 so that HotSpot checks them with the
    // type-inferring verifier (it ignores their StackMapTable then). Lambdas and string concatenation
    // use invokedynamic, which version 49 does not allow: both verifiers must say so alike.
    const classlib = imageClasses('classlib');
    const jdkSymbols = imageClasses('jdk-symbols');
    const files = classFilesUnder(join(corpusClassesRoot, 'release8'));
    const own = new Map<string, Uint8Array>();
    const parsed = new Map<string, ClassFile>();
    for (const f of files) {
      const cf = { ...readClassFile(f.bytes), majorVersion: 49 };
      const name = classNameOf(cf);
      parsed.set(name, cf);
      own.set(name, writeClassFile(cf));
    }
    const hierarchy = layeredHierarchy(own, classlib, jdkSymbols);
    const next = random(0xc0ffee);
    const trials: (Trial & { readonly file: ClassFile })[] = [];
    const names = [...parsed.keys()].sort();
    for (const name of names) trials.push({ name, classes: own, file: parsed.get(name) as ClassFile });
    for (let round = 0; round < 400; round++) {
      const name = names[Math.floor(next() * names.length)] as string;
      const original = parsed.get(name) as ClassFile;
      const withoutClinit = { ...original, methods: original.methods.filter((m) => (original.constantPool[m.nameIndex] as { value?: string }).value !== '<clinit>') };
      const file = mutate(withoutClinit, next);
      const classes = new Map(own);
      classes.set(name, writeClassFile(file));
      trials.push({ name, classes, file });
    }
    const hotspot = onHotSpot('javac49', trials);
    const differences: string[] = [];
    trials.forEach((t, i) => {
      const theirs = hotspot[i] as string;
      const mine = ours(() => verifyClass(t.file, hierarchy));
      if (!agreeOn(t.name, theirs, mine)) differences.push(`${t.name} (trial ${i})\n  HotSpot: ${theirs}\n  OakVM:   ${mine}`);
    });
    expect(differences).toEqual([]);
  });
});

/**
 * Whether HotSpot's line and ours agree on class `name`. The message must match where HotSpot's verifier
 * rejects the class or accepts it. Only the verdict must where HotSpot's class-file parser rejects the
 * class first (its own ClassFormatError), where OakVM refuses a reachable jsr, and where both verifiers
 * reject a class with more than one bad method but name different ones (HotSpot visits methods in an
 * order of its own). A failure HotSpot reports in another class it had to load is not comparable.
 */
function agreeOn(name: string, theirs: string, mine: string): boolean {
  if (theirs.startsWith('java.lang.ClassFormatError\t') && !theirs.endsWith(` ${name}`)) return true;
  if (theirs === 'OK' || mine === 'OK') return theirs === mine;
  if (!theirs.startsWith('java.lang.VerifyError\t') || mine.endsWith(JSR_REASON)) return true;
  if (theirs === mine) return true;
  return methodOf(theirs) !== methodOf(mine);
}

function methodOf(line: string): string {
  return /, method: (\S+) signature: (\S+)\)/.exec(line)?.slice(1).join('') ?? '';
}
