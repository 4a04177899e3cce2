import { describe, expect, it } from 'vitest';
import {
  ClassFormatError,
  decodeInstructions,
  encodeInstructions,
  encodedLength,
  InstructionCursor,
  type Instruction,
  type UnplacedInstruction,
  Op,
  OPCODES,
  switchPadding,
  BytecodeError,
} from '@oakvm/classfile';

const bytes = (...values: number[]): Uint8Array => Uint8Array.from(values.map((v) => v & 0xff));
const s4 = (v: number): number[] => [v >>> 24, v >>> 16, v >>> 8, v];

function expectFormatError(code: Uint8Array, pattern: RegExp): void {
  let caught: unknown;
  try {
    decodeInstructions(code);
  } catch (e) {
    caught = e;
  }
  expect(caught).toBeInstanceOf(ClassFormatError);
  expect((caught as Error).message).toMatch(pattern);
}

/** One instruction of every operand kind, in a method body a decoder must read back exactly. */
const SAMPLE = bytes(
  Op.iconst_1, // 0
  Op.bipush, -5, // 1
  Op.sipush, 0x12, 0x34, // 3
  Op.ldc, 7, // 6
  Op.ldc_w, 1, 0, // 8
  Op.ldc2_w, 0, 9, // 11
  Op.iload, 4, // 14
  Op.wide, Op.astore, 1, 44, // 16: wide astore 300
  Op.wide, Op.iinc, 1, 44, 0xfc, 0x18, // 20: wide iinc 300 -1000
  Op.iinc, 2, -1, // 26
  Op.newarray, 10, // 29
  Op.invokeinterface, 0, 12, 2, 0, // 31
  Op.invokedynamic, 0, 13, 0, 0, // 36
  Op.multianewarray, 0, 14, 3, // 41
  Op.ifeq, 0xff, 0xd6, // 45: back to 3
  Op.goto_w, ...s4(-47), // 48: back to 1
  Op.tableswitch, 0, 0, ...s4(-53), ...s4(1), ...s4(2), ...s4(-53), ...s4(-50), // 53, padding 2
  Op.lookupswitch, 0, 0, 0, ...s4(-76), ...s4(2), ...s4(-3), ...s4(-76), ...s4(70000), ...s4(-75), // 76, padding 3
  Op.return,
);

describe('decoder', () => {
  it('decodes every operand kind', () => {
    const decoded = decodeInstructions(SAMPLE);
    const byPc = new Map(decoded.map((i) => [i.pc, i]));
    expect(byPc.get(1)).toMatchObject({ kind: 'immediate', value: -5, length: 2 });
    expect(byPc.get(3)).toMatchObject({ kind: 'immediate', value: 0x1234 });
    expect(byPc.get(6)).toMatchObject({ kind: 'constant', opcode: Op.ldc, index: 7 });
    expect(byPc.get(8)).toMatchObject({ kind: 'constant', opcode: Op.ldc_w, index: 256 });
    expect(byPc.get(16)).toMatchObject({ kind: 'local', opcode: Op.astore, index: 300, wide: true, length: 4 });
    expect(byPc.get(20)).toMatchObject({ kind: 'iinc', index: 300, delta: -1000, wide: true, length: 6 });
    expect(byPc.get(26)).toMatchObject({ kind: 'iinc', index: 2, delta: -1, wide: false, length: 3 });
    expect(byPc.get(29)).toMatchObject({ kind: 'newarray', atype: 10 });
    expect(byPc.get(31)).toMatchObject({ kind: 'invokeinterface', index: 12, count: 2, length: 5 });
    expect(byPc.get(36)).toMatchObject({ kind: 'invokedynamic', index: 13, length: 5 });
    expect(byPc.get(41)).toMatchObject({ kind: 'multianewarray', index: 14, dimensions: 3, length: 4 });
    expect(byPc.get(45)).toMatchObject({ kind: 'branch', opcode: Op.ifeq, target: 3 });
    expect(byPc.get(48)).toMatchObject({ kind: 'branch', opcode: Op.goto_w, target: 1 });
    expect(byPc.get(53)).toMatchObject({ kind: 'tableswitch', defaultTarget: 0, low: 1, high: 2, targets: [0, 3], length: 23 });
    const lookup = decoded.find((i) => i.kind === 'lookupswitch');
    expect(lookup).toMatchObject({ pc: 76, defaultTarget: 0, matches: [-3, 70000], targets: [0, 1], length: 28 });
    expect(decoded.at(-1)).toMatchObject({ opcode: Op.return, pc: SAMPLE.length - 1 });
  });

  it('re-encodes what it decodes to the same bytes', () => {
    expect(encodeInstructions(decodeInstructions(SAMPLE))).toEqual(SAMPLE);
  });

  it('gives encodedLength equal to the decoded length', () => {
    for (const ins of decodeInstructions(SAMPLE)) expect(encodedLength(ins, ins.pc), `pc ${ins.pc}`).toBe(ins.length);
  });

  it('walks the code with a cursor that agrees with decodeInstructions', () => {
    const cursor = new InstructionCursor(SAMPLE);
    const seen: [number, number, number][] = [];
    while (cursor.next()) seen.push([cursor.pc, cursor.opcode, cursor.length]);
    expect(seen).toEqual(decodeInstructions(SAMPLE).map((i) => [i.pc, i.opcode, i.length]));
    expect(cursor.done).toBe(true);
  });

  it('decodes the wide form of every wide-able instruction', () => {
    for (const info of OPCODES) {
      if (info === undefined) continue;
      const code = info.format === 'iinc' ? bytes(Op.wide, info.code, 0x12, 0x34, 0x80, 0x00) : bytes(Op.wide, info.code, 0x12, 0x34);
      if (!info.widenable) {
        expectFormatError(bytes(Op.wide, info.code, 0, 0, 0, 0), /wide applied to/);
        continue;
      }
      const [ins] = decodeInstructions(code);
      expect(ins, info.name).toMatchObject({ pc: 0, opcode: info.code, wide: true, index: 0x1234, length: code.length });
      if (ins?.kind === 'iinc') expect(ins.delta).toBe(-0x8000);
      expect(encodeInstructions([ins as Instruction])).toEqual(code);
    }
  });

  it('pads tableswitch and lookupswitch to a 4-byte boundary at every pc mod 4', () => {
    for (let lead = 0; lead < 8; lead++) {
      const pad = (3 - (lead % 4) + 4) % 4;
      expect(switchPadding(lead)).toBe(pad);
      const nops = new Array<number>(lead).fill(Op.nop);
      // Padding bytes are ignored (JVMS 6.5.tableswitch), so non-zero ones must decode too.
      const table = bytes(...nops, Op.tableswitch, ...new Array<number>(pad).fill(0xee), ...s4(-lead), ...s4(5), ...s4(6), ...s4(-lead), ...s4(-lead));
      expect(decodeInstructions(table).at(-1), `tableswitch at ${lead}`).toMatchObject({ pc: lead, low: 5, high: 6, targets: [0, 0], defaultTarget: 0, length: 1 + pad + 20 });
      const lookup = bytes(...nops, Op.lookupswitch, ...new Array<number>(pad).fill(0), ...s4(-lead), ...s4(1), ...s4(9), ...s4(-lead));
      const decoded = decodeInstructions(lookup);
      expect(decoded.at(-1), `lookupswitch at ${lead}`).toMatchObject({ pc: lead, matches: [9], targets: [0], length: 1 + pad + 16 });
      expect(encodeInstructions(decoded)).toEqual(lookup);
      const reencoded = encodeInstructions(decodeInstructions(table));
      expect(reencoded.length).toBe(table.length);
      expect(reencoded.subarray(lead + 1 + pad)).toEqual(table.subarray(lead + 1 + pad));
      expect(Array.from(reencoded.subarray(lead + 1, lead + 1 + pad))).toEqual(new Array<number>(pad).fill(0));
    }
  });

  it('throws ClassFormatError for every truncation of valid code', () => {
    const starts = new Set(decodeInstructions(SAMPLE).map((i) => i.pc));
    for (let cut = 1; cut < SAMPLE.length; cut++) {
      const prefix = SAMPLE.subarray(0, cut);
      if (starts.has(cut)) {
        // Ends on an instruction boundary: decodes, unless a branch now points past the end.
        try {
          decodeInstructions(prefix);
        } catch (e) {
          expect(e, `cut at ${cut}`).toBeInstanceOf(ClassFormatError);
          expect((e as Error).message).toMatch(/outside the code/);
        }
      } else {
        expect(() => decodeInstructions(prefix), `cut at ${cut}`).toThrow(ClassFormatError);
      }
    }
  });

  it('rejects unknown and reserved opcodes, naming them', () => {
    expectFormatError(bytes(Op.nop, 0xcb), /bad code at pc 1: unknown opcode 0xcb/);
    expectFormatError(bytes(0xca), /breakpoint/);
    expectFormatError(bytes(0xfe), /impdep1/);
    expectFormatError(bytes(0xff), /impdep2/);
  });

  it('rejects branches outside the code', () => {
    expectFormatError(bytes(Op.goto, 0, 3), /branch at pc 0 to 3, outside the code/);
    expectFormatError(bytes(Op.nop, Op.ifeq, 0xff, 0xfe, Op.return), /to -1, outside/);
    expectFormatError(bytes(Op.tableswitch, 0, 0, 0, ...s4(100), ...s4(0), ...s4(0), ...s4(0)), /outside the code/);
  });

  it('rejects malformed operands', () => {
    expectFormatError(bytes(Op.tableswitch, 0, 0, 0, ...s4(0), ...s4(2), ...s4(1)), /low 2 is greater than high 1/);
    expectFormatError(bytes(Op.lookupswitch, 0, 0, 0, ...s4(0), ...s4(-1)), /negative npairs/);
    expectFormatError(bytes(Op.newarray, 3), /bad array type 3/);
    expectFormatError(bytes(Op.invokeinterface, 0, 1, 0, 0), /zero count/);
    expectFormatError(bytes(Op.invokeinterface, 0, 1, 1, 1), /fourth operand byte/);
    expectFormatError(bytes(Op.invokedynamic, 0, 1, 0, 1), /not zero/);
    expectFormatError(bytes(Op.multianewarray, 0, 1, 0), /zero dimensions/);
    expectFormatError(bytes(Op.wide, Op.wide, 0, 0), /wide applied to wide/);
  });

  it('does not allocate for a switch whose length field lies', () => {
    const lying = bytes(Op.tableswitch, 0, 0, 0, ...s4(0), ...s4(-0x80000000), ...s4(0x7fffffff));
    expectFormatError(lying, /truncated tableswitch/);
    expectFormatError(bytes(Op.lookupswitch, 0, 0, 0, ...s4(0), ...s4(0x7fffffff)), /truncated lookupswitch/);
  });

  it('reports the file offset when given the code array offset', () => {
    try {
      decodeInstructions(bytes(Op.nop, 0xcb), 100);
      expect.unreachable();
    } catch (e) {
      expect((e as ClassFormatError).offset).toBe(101);
    }
  });
});

describe('encoder', () => {
  const at = (pc: number, ins: UnplacedInstruction): Instruction => ({ ...ins, pc, length: encodedLength(ins, pc) }) as Instruction;

  it('rejects operands out of range with BytecodeError', () => {
    const cases: Instruction[] = [
      at(0, { kind: 'local', opcode: Op.iload, index: 256, wide: false }),
      at(0, { kind: 'immediate', opcode: Op.bipush, value: 128, wide: false }),
      at(0, { kind: 'constant', opcode: Op.ldc, index: 256, wide: false }),
      at(0, { kind: 'branch', opcode: Op.goto, target: 40000, wide: false }),
      at(0, { kind: 'iinc', opcode: Op.iinc, index: 1, delta: 200, wide: false }),
      at(0, { kind: 'constant', opcode: Op.iadd, index: 1, wide: false }),
      at(0, { kind: 'local', opcode: Op.iadd, index: 1, wide: true }),
      at(0, { kind: 'lookupswitch', opcode: Op.lookupswitch, defaultTarget: 0, matches: [2, 1], targets: [0, 0], wide: false }),
      at(0, { kind: 'tableswitch', opcode: Op.tableswitch, defaultTarget: 0, low: 0, high: 3, targets: [0], wide: false }),
    ];
    for (const ins of cases) expect(() => encodeInstructions([ins]), JSON.stringify(ins)).toThrow(BytecodeError);
  });

  it('requires each instruction at the pc it claims', () => {
    const ins = at(1, { kind: 'none', opcode: Op.nop, wide: false });
    expect(() => encodeInstructions([ins])).toThrow(/claims pc 1 but falls at 0/);
  });
});
