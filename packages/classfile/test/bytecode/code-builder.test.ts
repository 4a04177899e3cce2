import Long from 'long';
import { describe, expect, it } from 'vitest';
import {
  BytecodeError,
  CodeBuilder,
  type CodeAttribute,
  ConstantPoolBuilder,
  decodeInstructions,
  type Instruction,
  Op,
  OPCODES,
} from '@oakvm/classfile';

function builder(descriptor = '()V', isStatic = true): CodeBuilder {
  return new CodeBuilder(new ConstantPoolBuilder(), { descriptor, isStatic });
}

const names = (attr: CodeAttribute): string[] =>
  decodeInstructions(attr.code).map((i) => `${OPCODES[i.opcode]?.name}${i.wide ? '(wide)' : ''}`);

function nops(code: CodeBuilder, count: number): void {
  for (let i = 0; i < count; i++) code.emit(Op.nop);
}

describe('CodeBuilder short forms', () => {
  it('chooses iconst, bipush, sipush, ldc and ldc_w by value and pool index', () => {
    const code = builder();
    [-1, 0, 5, 6, -128, 127, 128, -129, 32767, -32768, 32768, -2147483648].forEach((v) => code.pushInt(v));
    for (let i = 0; i < 300; i++) code.pool.utf8(`filler${i}`);
    code.pushInt(123456);
    code.emit(Op.return);
    const attr = code.build();
    expect(names(attr)).toEqual([
      'iconst_m1', 'iconst_0', 'iconst_5', 'bipush', 'bipush', 'bipush', 'sipush', 'sipush', 'sipush', 'sipush',
      'ldc', 'ldc', 'ldc_w', 'return',
    ]);
    expect(attr.maxStack).toBe(13);
  });

  it('chooses lconst, fconst, dconst and ldc/ldc2_w for long, float and double', () => {
    const code = builder();
    code.pushLong(0).pushLong(Long.ONE).pushLong(Long.fromString('-1')).pushFloat(0).pushFloat(1).pushFloat(2);
    code.pushFloat(-0).pushFloat(0.1).pushDouble(0).pushDouble(1).pushDouble(-0).pushDouble(2).emit(Op.return);
    expect(names(code.build())).toEqual([
      'lconst_0', 'lconst_1', 'ldc2_w', 'fconst_0', 'fconst_1', 'fconst_2', 'ldc', 'ldc', 'dconst_0', 'dconst_1', 'ldc2_w', 'ldc2_w', 'return',
    ]);
  });

  it('uses the _n forms, the byte index and wide for locals', () => {
    const code = builder();
    code.pushInt(1).store('int', 0).load('int', 0).store('int', 3).load('int', 3).store('int', 4).load('int', 255);
    code.store('int', 256).pushLong(1).store('long', 2).pushDouble(1).store('double', 1000).pushNull().store('reference', 1);
    code.load('float', 2).store('float', 70).iinc(1, 1).iinc(1, -129).iinc(256, 1).emit(Op.return);
    const attr = code.build();
    expect(names(attr)).toEqual([
      'iconst_1', 'istore_0', 'iload_0', 'istore_3', 'iload_3', 'istore', 'iload', 'istore(wide)', 'lconst_1', 'lstore_2',
      'dconst_1', 'dstore(wide)', 'aconst_null', 'astore_1', 'fload_2', 'fstore', 'iinc', 'iinc(wide)', 'iinc(wide)', 'return',
    ]);
    const decoded = decodeInstructions(attr.code);
    expect(decoded[11]).toMatchObject({ kind: 'local', index: 1000, wide: true });
    expect(decoded[18]).toMatchObject({ kind: 'iinc', index: 256, delta: 1, wide: true });
    expect(attr.maxLocals).toBe(1002);
  });
});

describe('CodeBuilder branches', () => {
  const branchAt = (attr: CodeAttribute, index: number): Instruction => decodeInstructions(attr.code)[index] as Instruction;

  it('tracks the provisional pc of the next instruction', () => {
    const code = builder('(I)V');
    const label = code.newLabel();
    code.pushInt(1000).load('int', 0).branch(Op.goto, label).place(label);
    expect(code.provisionalPc).toBe(7);
    code.load('int', 0).tableswitch(0, 0, label, [label]);
    expect(code.provisionalPc).toBe(8 + 1 + 3 + 16);
    code.iinc(300, 1).branch(Op.goto_w, label);
    expect(code.provisionalPc).toBe(28 + 6 + 5);
  });

  it('resolves near forward and backward branches', () => {
    const code = builder('(I)V');
    const top = code.here();
    const out = code.newLabel();
    code.load('int', 0).branch(Op.ifeq, out).iinc(0, -1).branch(Op.goto, top).place(out).emit(Op.return);
    const attr = code.build();
    expect(names(attr)).toEqual(['iload_0', 'ifeq', 'iinc', 'goto', 'return']);
    expect(branchAt(attr, 1)).toMatchObject({ pc: 1, target: 10 });
    expect(branchAt(attr, 3)).toMatchObject({ pc: 7, target: 0 });
  });

  it('keeps a goto short at exactly +32767 and widens it at +32768', () => {
    for (const [fill, expected] of [
      [32764, 'goto'],
      [32765, 'goto_w'],
    ] as const) {
      const code = builder();
      const end = code.newLabel();
      code.branch(Op.goto, end);
      nops(code, fill);
      code.place(end).emit(Op.return);
      const attr = code.build();
      const first = branchAt(attr, 0);
      expect(OPCODES[first.opcode]?.name).toBe(expected);
      expect(first).toMatchObject({ target: attr.code.length - 1 });
    }
  });

  it('keeps a backward goto short at exactly -32768 and widens it beyond', () => {
    for (const [fill, expected] of [
      [32768, 'goto'],
      [32769, 'goto_w'],
    ] as const) {
      const code = builder();
      const top = code.here();
      nops(code, fill);
      code.branch(Op.goto, top);
      const attr = code.build();
      expect(names(attr).at(-1)).toBe(expected);
      expect(decodeInstructions(attr.code).at(-1)).toMatchObject({ pc: fill, target: 0 });
    }
  });

  it('turns a far conditional branch into the inverted condition over a goto_w', () => {
    const code = builder('(Ljava/lang/Object;)V');
    const far = code.newLabel();
    code.load('reference', 0).branch(Op.ifnull, far);
    nops(code, 40000);
    code.emit(Op.return).place(far).emit(Op.return);
    const attr = code.build();
    const [load, inverted, gotoW] = decodeInstructions(attr.code);
    expect(load?.opcode).toBe(Op.aload_0);
    expect(inverted).toMatchObject({ opcode: Op.ifnonnull, pc: 1, target: 9 });
    expect(gotoW).toMatchObject({ opcode: Op.goto_w, pc: 4, target: attr.code.length - 1 });
    expect(attr.maxStack).toBe(1);
  });

  it('widens branches pushed out of range by other widened branches', () => {
    // The outer branch reaches its target only while the inner one stays short.
    const code = builder('(II)V');
    const outer = code.newLabel();
    const inner = code.newLabel();
    code.load('int', 0).branch(Op.ifeq, outer);
    code.load('int', 1).branch(Op.ifne, inner);
    nops(code, 32760);
    code.place(outer);
    nops(code, 10);
    code.place(inner).emit(Op.return);
    const attr = code.build();
    const decoded = decodeInstructions(attr.code);
    expect(decoded.slice(0, 5).map((i) => OPCODES[i.opcode]?.name)).toEqual(['iload_0', 'ifne', 'goto_w', 'iload_1', 'ifeq']);
    const outerPc = decoded[2]?.kind === 'branch' ? decoded[2].target : -1;
    expect(attr.code.length - 1 - outerPc).toBe(10);
  });

  it('lays out switches with padding at each position', () => {
    for (let lead = 0; lead < 4; lead++) {
      const code = builder('(I)I');
      nops(code, lead);
      const a = code.newLabel();
      const b = code.newLabel();
      const dflt = code.newLabel();
      code.load('int', 0).tableswitch(1, 2, dflt, [a, b]);
      code.place(a).load('int', 0).lookupswitch(dflt, [
        [50, b],
        [-50, a],
      ]);
      code.place(b).pushInt(2).returnValue('int');
      code.place(dflt).pushInt(0).returnValue('int');
      const attr = code.build();
      const decoded = decodeInstructions(attr.code);
      const table = decoded[lead + 1];
      const lookup = decoded[lead + 3];
      const pcOf = (n: number): number => (decoded[n] as Instruction).pc;
      expect(table).toMatchObject({ kind: 'tableswitch', low: 1, high: 2, targets: [pcOf(lead + 2), pcOf(lead + 4)], defaultTarget: pcOf(lead + 6) });
      expect(lookup).toMatchObject({ kind: 'lookupswitch', matches: [-50, 50], targets: [pcOf(lead + 2), pcOf(lead + 4)] });
      expect(attr.maxStack).toBe(1);
    }
  });

  it('reports labels that are never placed, placed twice or foreign', () => {
    const code = builder();
    const nowhere = code.newLabel();
    code.branch(Op.goto, nowhere);
    expect(() => code.build()).toThrow(/never placed/);
    const twice = builder();
    const label = twice.here();
    expect(() => twice.place(label)).toThrow(/placed twice/);
    expect(() => builder().branch(Op.goto, label)).toThrow(/another code builder/);
    expect(() => builder().branch(Op.iadd, builder().newLabel())).toThrow(BytecodeError);
  });
});

describe('CodeBuilder max_stack and max_locals', () => {
  it('counts long and double as two slots and follows dup2_x2', () => {
    const code = builder('(JD)J');
    code.load('long', 0).load('double', 2).emit(Op.d2l).emit(Op.dup2_x2).emit(Op.ladd).emit(Op.ladd).returnValue('long');
    const attr = code.build();
    expect(attr.maxStack).toBe(6);
    expect(attr.maxLocals).toBe(4);
  });

  it('uses descriptors for fields, invokes and multianewarray', () => {
    const code = builder('()V', false);
    code.load('reference', 0).pushLong(5).pushDouble(3).pushInt(1);
    code.invoke(Op.invokevirtual, 'a/B', 'm', '(JDI)J');
    code.emit(Op.pop2);
    code.field(Op.getstatic, 'a/B', 'd', 'D').field(Op.putstatic, 'a/B', 'd', 'D');
    code.load('reference', 0).field(Op.getfield, 'a/B', 'j', 'J').emit(Op.pop2);
    code.pushInt(2).pushInt(3).pushInt(4).multiANewArray('[[[I', 3).emit(Op.pop);
    code.load('reference', 0).pushInt(1).invoke(Op.invokeinterface, 'a/I', 'n', '(I)V');
    code.emit(Op.return);
    const attr = code.build();
    expect(attr.maxStack).toBe(6);
    expect(attr.maxLocals).toBe(1);
    const iface = decodeInstructions(attr.code).find((i) => i.kind === 'invokeinterface');
    expect(iface).toMatchObject({ count: 2 });
  });

  it('starts handlers with one slot and records the exception table', () => {
    const code = builder();
    const start = code.here();
    code.emit(Op.nop);
    const end = code.here();
    const after = code.newLabel();
    code.branch(Op.goto, after);
    const handler = code.here();
    code.emit(Op.dup).emit(Op.pop).emit(Op.athrow);
    code.place(after).emit(Op.return);
    code.exceptionHandler(start, end, handler, 'java/lang/Exception');
    code.exceptionHandler(start, end, handler, null);
    code.exceptionHandler(end, end, handler, null);
    const attr = code.build();
    expect(attr.maxStack).toBe(2);
    expect(attr.exceptionTable).toEqual([
      { startPc: 0, endPc: 1, handlerPc: 4, catchType: code.pool.class('java/lang/Exception') },
      { startPc: 0, endPc: 1, handlerPc: 4, catchType: 0 },
    ]);
  });

  it('takes max_locals from parameters, instructions and local-variable entries', () => {
    const instance = builder('(IJ)V', false);
    instance.emit(Op.return);
    expect(instance.build().maxLocals).toBe(4);
    const withEntry = builder('()V');
    const s = withEntry.here();
    withEntry.emit(Op.return);
    withEntry.localVariable('x', 'D', 7, s, withEntry.here());
    expect(withEntry.build().maxLocals).toBe(9);
  });

  it('rejects inconsistent code', () => {
    const underflow = builder();
    underflow.emit(Op.pop).emit(Op.return);
    expect(() => underflow.build()).toThrow(/stack underflow at pc 0/);
    const fallsOff = builder();
    fallsOff.emit(Op.nop);
    expect(() => fallsOff.build()).toThrow(/falls off the end/);
    const merge = builder('(I)V');
    const join = merge.newLabel();
    merge.load('int', 0).branch(Op.ifeq, join).pushInt(1).place(join).emit(Op.return);
    expect(() => merge.build()).toThrow(/disagrees/);
    expect(() => builder().build()).toThrow(/at least one instruction/);
  });

  it('rejects code longer than 65535 bytes', () => {
    const code = builder();
    nops(code, 65535);
    code.emit(Op.return);
    expect(() => code.build()).toThrow(/code too large: 65536 bytes/);
  });
});

describe('CodeBuilder debug tables', () => {
  it('emits LineNumberTable and LocalVariableTable attributes by label', () => {
    const code = builder('(I)I');
    const start = code.here();
    code.lineNumber(3, start);
    code.load('int', 0).pushInt(1).emit(Op.iadd).store('int', 1);
    code.lineNumber(4);
    code.load('int', 1).returnValue('int');
    const end = code.here();
    code.localVariable('n', 'I', 0, start, end).localVariable('m', 'I', 1, start, end);
    const attr = code.build();
    const lines = attr.attributes.find((a) => a.kind === 'LineNumberTable');
    const locals = attr.attributes.find((a) => a.kind === 'LocalVariableTable');
    expect(lines).toMatchObject({ entries: [{ startPc: 0, lineNumber: 3 }, { startPc: 4, lineNumber: 4 }] });
    expect(locals).toMatchObject({ entries: [{ startPc: 0, length: 6, index: 0 }, { startPc: 0, length: 6, index: 1 }] });
    expect(code.pool.entry(attr.nameIndex)).toEqual({ kind: 'Utf8', value: 'Code' });
  });
});

describe('CodeBuilder dead code', () => {
  it('ignores unreachable instructions for max_stack, as the version 49 verifier does', () => {
    const code = builder();
    const dead = code.newLabel();
    code.emit(Op.return).place(dead).emit(Op.pop).branch(Op.goto, dead);
    expect(code.build().maxStack).toBe(0);
  });

  it('refuses a long given as an inexact number', () => {
    expect(() => builder().pushLong(2 ** 60)).toThrow(/not exactly a long/);
  });
});

describe('CodeBuilder operands that do not fit', () => {
  it('reports them at build time with the pc layout gives the instruction', () => {
    const code = builder();
    const far = code.newLabel();
    // The goto is widened to goto_w, which moves the invokeinterface from pc 3 to pc 5.
    code.branch(Op.goto, far);
    code.invoke(Op.invokeinterface, 'a/I', 'm', `(${'I'.repeat(255)})V`);
    nops(code, 40000);
    code.place(far).emit(Op.return);
    expect(() => code.build()).toThrow(/^invokeinterface count 256 at pc 5 is outside 1\.\.255$/);
  });
});
