// Bad input never crashes the verifier: methods of real classes with bytes of their code, max_stack or
// max_locals changed at random (a fixed seed, so runs are repeatable) either verify or give VerifyError;
// no JavaScript error escapes and every run ends.
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { Op, readClassFile, type ClassFile, type CodeAttribute } from '@oakvm/classfile';
import { VerifyError, verifyClass } from '../../src/verifier/index.js';
import { byClassName, classFilesUnder, corpusClassesRoot, imageClasses, layeredHierarchy } from './support/class-sources.js';
import { verifyErrorOf } from './support/hand-built.js';

/** xorshift32: small, fast and the same everywhere. */
function random(seed: number): () => number {
  let x = seed | 0 || 1;
  return () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return (x >>> 0) / 0x100000000;
  };
}

function mutate(cf: ClassFile, next: () => number): ClassFile {
  const methods = cf.methods.map((m) => ({ ...m, attributes: [...m.attributes] }));
  const withCode = methods.filter((m) => m.attributes.some((a) => a.kind === 'Code'));
  const method = withCode[Math.floor(next() * withCode.length)];
  if (method === undefined) return cf;
  const at = method.attributes.findIndex((a) => a.kind === 'Code');
  const code = method.attributes[at] as CodeAttribute;
  const bytes = code.code.slice();
  let { maxStack, maxLocals } = code;
  const kind = next();
  if (kind < 0.7) {
    const flips = 1 + Math.floor(next() * 3);
    for (let i = 0; i < flips; i++) bytes[Math.floor(next() * bytes.length)] = Math.floor(next() * 256);
  } else if (kind < 0.85) {
    maxStack = Math.floor(next() * (maxStack + 1));
  } else {
    maxLocals = Math.floor(next() * (maxLocals + 1));
  }
  method.attributes[at] = { ...code, code: bytes, maxStack, maxLocals };
  return { ...cf, methods };
}

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
