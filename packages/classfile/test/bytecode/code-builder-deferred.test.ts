import Long from 'long';
import { describe, expect, it } from 'vitest';
import { BytecodeError, CodeBuilder, ConstantPoolBuilder, decodeInstructions, Op, OPCODES } from '@oakvm/classfile';

// What a compiler that records nothing itself needs from the builder: labels that stand for other
// labels, and ldc2_w constants whose pool entries are added after the code that loads them.

function builder(): CodeBuilder {
  return new CodeBuilder(new ConstantPoolBuilder(), { descriptor: '()V', isStatic: true });
}

describe('CodeBuilder.alias', () => {
  it('sends branches already emitted to a label to where its target is placed', () => {
    const code = builder();
    const loop = code.here();
    code.emit(Op.iconst_0);
    const back = code.newLabel();
    code.branch(Op.ifeq, back);
    expect(code.alias(back, loop)).toBe(true);
    expect(back.placed).toBe(true);
    code.emit(Op.return);
    const attr = code.build();
    const branch = decodeInstructions(attr.code)[1];
    expect(branch?.kind === 'branch' && branch.target).toBe(0);
  });

  it('follows a target placed after the alias is made', () => {
    const code = builder();
    const a = code.newLabel();
    const b = code.newLabel();
    code.branch(Op.goto, a);
    expect(code.alias(a, b)).toBe(true);
    code.emit(Op.nop);
    code.place(b);
    code.emit(Op.return);
    const branch = decodeInstructions(code.build().code)[0];
    expect(branch?.kind === 'branch' && branch.target).toBe(4);
  });

  it('refuses a cycle, a placed label, and an alias whose target is never placed', () => {
    const code = builder();
    const a = code.newLabel();
    const b = code.newLabel();
    expect(code.alias(a, b)).toBe(true);
    expect(code.alias(b, a)).toBe(false);
    const placed = code.here();
    expect(() => code.alias(placed, b)).toThrow(BytecodeError);
    code.branch(Op.goto, a);
    expect(() => code.build()).toThrow(/never placed/);
  });
});

describe('CodeBuilder.wideConstantLater', () => {
  it('loads the Long or Double entry given after the instruction', () => {
    const code = builder();
    const give = code.wideConstantLater();
    code.emit(Op.pop2);
    code.emit(Op.return);
    const index = code.pool.long(Long.fromNumber(42));
    give(index);
    const attr = code.build();
    const ldc = decodeInstructions(attr.code)[0];
    expect(ldc && OPCODES[ldc.opcode]?.name).toBe('ldc2_w');
    expect(ldc?.kind === 'constant' && ldc.index).toBe(index);
    expect(attr.maxStack).toBe(2);
  });

  it('rejects an entry that is not Long or Double, a second index, and a build before the index is given', () => {
    const code = builder();
    const give = code.wideConstantLater();
    code.emit(Op.pop2);
    code.emit(Op.return);
    expect(() => give(code.pool.utf8('x'))).toThrow(BytecodeError);
    expect(() => code.build()).toThrow(/never given/);
    give(code.pool.double(2.5));
    expect(() => give(code.pool.double(2.5))).toThrow(BytecodeError);
  });
});
