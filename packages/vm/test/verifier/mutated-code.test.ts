// Bad input never crashes the verifier: methods of real classes with bytes of their code, max_stack or
// max_locals changed at random (a fixed seed, so runs are repeatable) either verify or give VerifyError;
// no JavaScript error escapes and every run ends.
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { Op, readClassFile, type ClassFile } from '@oakvm/classfile';
import { VerifyError, verifyClass } from '../../src/verifier/index.js';
import { byClassName, classFilesUnder, corpusClassesRoot, imageClasses, layeredHierarchy } from './support/class-sources.js';
import { verifyErrorOf } from './support/hand-built.js';
import { mutate, random } from './support/mutation.js';

test('randomly damaged methods verify or give VerifyError, nothing else', () => {
  const files = classFilesUnder(join(corpusClassesRoot, 'release8')).filter((f) => !f.path.includes('GotoWide'));
  const hierarchy = layeredHierarchy(byClassName(files), imageClasses('classlib'), imageClasses('jdk-symbols'));
  const classes = files.map((f) => readClassFile(f.bytes));
  const next = random(0x0a4b1d);
  const escaped: string[] = [];
  let rejected = 0;
  for (let round = 0; round < 3000; round++) {
    const cf = classes[round % classes.length] as ClassFile;
    try {
      verifyClass(mutate(cf, next), hierarchy);
    } catch (e) {
      if (e instanceof VerifyError) rejected++;
      else escaped.push(`round ${round}: ${e instanceof Error ? `${e.name}: ${e.message}` : String(e)}`);
    }
  }
  expect(escaped).toEqual([]);
  // Most damage is caught; the rest hits bytes that leave the code valid (operands, unreachable code).
  expect(rejected).toBeGreaterThan(1500);
});

test('a method with 65535 locals and thousands of branches is refused, not run out of memory on', () => {
  // 4000 times `iconst_0; ifeq +3`: every branch starts a block, and each block would keep 65535 locals.
  const bytes: number[] = [];
  for (let i = 0; i < 4000; i++) bytes.push(Op.iconst_0, Op.ifeq, 0, 3);
  bytes.push(Op.return);
  const e = verifyErrorOf({ methods: [{ name: 'huge', descriptor: '()V', maxStack: 1, maxLocals: 0xffff, bytes: () => bytes }] });
  expect(e).toBeInstanceOf(VerifyError);
  expect((e as VerifyError).reason).toBe('Method is too large to verify');
});
