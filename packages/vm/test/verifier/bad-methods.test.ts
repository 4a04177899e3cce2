// The hand-built cases of support/cases.ts: each bad class is rejected with the expected message, at the
// expected offset; each good one verifies.
import { describe, expect, test } from 'vitest';
import { ACC_PUBLIC, Op } from '@oakvm/classfile';
import { VerifyError } from '../../src/verifier/index.js';
import { CASES } from './support/cases.js';
import { verify, verifyErrorOf } from './support/hand-built.js';

const groups = [...new Set(CASES.map((c) => c.group))];

for (const group of groups) {
  describe(group, () => {
    for (const c of CASES.filter((x) => x.group === group)) {
      test(c.title, () => {
        const e = verifyErrorOf(c.spec);
        if (c.reason === undefined) {
          expect(e).toBeUndefined();
          return;
        }
        expect(e).toBeInstanceOf(VerifyError);
        const error = e as VerifyError;
        expect(error.reason).toBe(c.reason);
        expect(error.javaClass).toBe(c.formatError ? 'java/lang/ClassFormatError' : 'java/lang/VerifyError');
        if (c.bci !== undefined) expect(error.bci).toBe(c.bci);
      });
    }
  });
}

describe('the error names class, method, signature and offset', () => {
  test('HotSpot prefix in the detail, the offset in the message and the location', () => {
    const e = verifyErrorOf({ name: 'pkg/Thing', methods: [{ name: 'bad', flags: ACC_PUBLIC, descriptor: '(IJ)V', emit: (c) => c.load('float', 1).emit(Op.pop).emit(Op.return) }] });
    expect(e).toBeInstanceOf(VerifyError);
    const error = e as VerifyError;
    expect(error.detail).toBe('(class: pkg/Thing, method: bad signature: (IJ)V) Register 1 contains wrong type');
    expect(error.message).toBe('(class: pkg/Thing, method: bad signature: (IJ)V) Register 1 contains wrong type (at bci 0)');
    expect(error.location).toEqual({ className: 'pkg/Thing', methodName: 'bad', descriptor: '(IJ)V', bci: 0 });
  });

  test('a class whose methods all verify gives one entry per method, none for abstract ones', () => {
    const verified = verify({ methods: [{ name: 'a', descriptor: '()V', emit: (c) => c.emit(Op.return) }, { name: 'b', descriptor: '(I)I', emit: (c) => c.load('int', 0).emit(Op.ireturn) }] });
    expect(verified.className).toBe('demo/Subject');
    expect(verified.methods.map((m) => m?.name)).toEqual(['a', 'b']);
  });
});
