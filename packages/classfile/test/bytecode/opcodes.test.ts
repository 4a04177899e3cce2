// The opcode table checked against JVMS chapter 6, written out here independently of the table.
import { describe, expect, it } from 'vitest';
import { Op, OPCODES, RESERVED_OPCODES, opcodeByName, type OpcodeInfo, type OpName } from '@oakvm/classfile';

/** JVMS 7 "Opcode Mnemonics by Opcode", 0x00 to 0xc9 in order. */
const JVMS_MNEMONICS = `
nop aconst_null iconst_m1 iconst_0 iconst_1 iconst_2 iconst_3 iconst_4 iconst_5 lconst_0 lconst_1
fconst_0 fconst_1 fconst_2 dconst_0 dconst_1 bipush sipush ldc ldc_w ldc2_w iload lload fload dload aload
iload_0 iload_1 iload_2 iload_3 lload_0 lload_1 lload_2 lload_3 fload_0 fload_1 fload_2 fload_3
dload_0 dload_1 dload_2 dload_3 aload_0 aload_1 aload_2 aload_3 iaload laload faload daload aaload
baload caload saload istore lstore fstore dstore astore istore_0 istore_1 istore_2 istore_3 lstore_0
lstore_1 lstore_2 lstore_3 fstore_0 fstore_1 fstore_2 fstore_3 dstore_0 dstore_1 dstore_2 dstore_3
astore_0 astore_1 astore_2 astore_3 iastore lastore fastore dastore aastore bastore castore sastore
pop pop2 dup dup_x1 dup_x2 dup2 dup2_x1 dup2_x2 swap iadd ladd fadd dadd isub lsub fsub dsub imul lmul
fmul dmul idiv ldiv fdiv ddiv irem lrem frem drem ineg lneg fneg dneg ishl lshl ishr lshr iushr lushr
iand land ior lor ixor lxor iinc i2l i2f i2d l2i l2f l2d f2i f2l f2d d2i d2l d2f i2b i2c i2s lcmp fcmpl
fcmpg dcmpl dcmpg ifeq ifne iflt ifge ifgt ifle if_icmpeq if_icmpne if_icmplt if_icmpge if_icmpgt
if_icmple if_acmpeq if_acmpne goto jsr ret tableswitch lookupswitch ireturn lreturn freturn dreturn
areturn return getstatic putstatic getfield putfield invokevirtual invokespecial invokestatic
invokeinterface invokedynamic new newarray anewarray arraylength athrow checkcast instanceof
monitorenter monitorexit wide multianewarray ifnull ifnonnull goto_w jsr_w
`
  .trim()
  .split(/\s+/);

/** Instruction lengths from the JVMS "Format" of each instruction; everything not listed is 1 byte. */
const JVMS_LENGTHS: Record<number | 'variable', string> = {
  2: 'bipush ldc iload lload fload dload aload istore lstore fstore dstore astore ret newarray',
  3: `sipush ldc_w ldc2_w iinc ifeq ifne iflt ifge ifgt ifle if_icmpeq if_icmpne if_icmplt if_icmpge
      if_icmpgt if_icmple if_acmpeq if_acmpne goto jsr getstatic putstatic getfield putfield invokevirtual
      invokespecial invokestatic new anewarray checkcast instanceof ifnull ifnonnull`,
  4: 'multianewarray',
  5: 'invokeinterface invokedynamic goto_w jsr_w',
  variable: 'tableswitch lookupswitch wide',
};

function expectedLength(name: string): number | 'variable' {
  for (const [length, names] of Object.entries(JVMS_LENGTHS)) {
    if (names.split(/\s+/).includes(name)) return length === 'variable' ? 'variable' : Number(length);
  }
  return 1;
}

const defined = OPCODES.filter((info): info is OpcodeInfo => info !== undefined);
const size = (c: string): number => (c === 'l' || c === 'd' ? 2 : 1);
const fixed = (info: OpcodeInfo): { pop: number; push: number } => {
  if (info.stack.kind !== 'fixed') throw new Error(`${info.name} has no fixed stack effect`);
  return { pop: info.stack.pop, push: info.stack.push };
};

describe('opcode table', () => {
  it('defines exactly the 202 JVMS opcodes 0x00-0xc9 with their mnemonics', () => {
    expect(JVMS_MNEMONICS).toHaveLength(202);
    expect(defined).toHaveLength(202);
    JVMS_MNEMONICS.forEach((name, code) => {
      expect(OPCODES[code]?.name, `opcode 0x${code.toString(16)}`).toBe(name);
      expect(OPCODES[code]?.code).toBe(code);
      expect(Op[name as OpName]).toBe(code);
      expect(opcodeByName(name)?.code).toBe(code);
    });
    for (let code = 0xca; code < 256; code++) expect(OPCODES[code]).toBeUndefined();
    expect(Object.keys(Op)).toHaveLength(202);
    expect(opcodeByName('breakpoint')).toBeUndefined();
    expect(RESERVED_OPCODES).toEqual({ breakpoint: 0xca, impdep1: 0xfe, impdep2: 0xff });
  });

  it('gives the Op constants literal types usable as switch cases', () => {
    const describe = (code: number): string => {
      switch (code) {
        case Op.iadd:
          return 'add';
        case Op.goto_w:
          return 'far';
        default:
          return 'other';
      }
    };
    const iadd: 0x60 = Op.iadd;
    expect([describe(iadd), describe(0xc8), describe(0)]).toEqual(['add', 'far', 'other']);
  });

  it('has the JVMS length of every instruction', () => {
    for (const info of defined) expect(info.length, info.name).toBe(expectedLength(info.name));
  });

  it('has operand formats consistent with the JVMS operands', () => {
    const byFormat = (format: string): string[] => defined.filter((i) => i.format === format).map((i) => i.name);
    expect(byFormat('local_u1')).toEqual(['iload', 'lload', 'fload', 'dload', 'aload', 'istore', 'lstore', 'fstore', 'dstore', 'astore', 'ret']);
    expect(byFormat('s1')).toEqual(['bipush']);
    expect(byFormat('s2')).toEqual(['sipush']);
    expect(byFormat('cp_u1')).toEqual(['ldc']);
    expect(byFormat('branch_s4')).toEqual(['goto_w', 'jsr_w']);
    expect(byFormat('branch_s2')).toHaveLength(18);
    expect(byFormat('cp_u2')).toEqual([
      'ldc_w', 'ldc2_w', 'getstatic', 'putstatic', 'getfield', 'putfield', 'invokevirtual', 'invokespecial',
      'invokestatic', 'new', 'anewarray', 'checkcast', 'instanceof',
    ]);
    for (const name of ['iinc', 'newarray', 'tableswitch', 'lookupswitch', 'invokeinterface', 'invokedynamic', 'multianewarray', 'wide']) {
      expect(byFormat(name)).toEqual([name]);
    }
  });

  it('marks the wide-able instructions: the indexed loads and stores, ret and iinc', () => {
    expect(defined.filter((i) => i.widenable).map((i) => i.name)).toEqual([
      'iload', 'lload', 'fload', 'dload', 'aload', 'istore', 'lstore', 'fstore', 'dstore', 'astore', 'iinc', 'ret',
    ]);
  });

  it('has stack effects that follow the JVMS type rules', () => {
    for (const info of defined) {
      const n = info.name;
      let m: RegExpExecArray | null;
      if ((m = /^([ilfda])load(_\d)?$/.exec(n))) expect(fixed(info), n).toEqual({ pop: 0, push: size(m[1] as string) });
      else if ((m = /^([ilfda])store(_\d)?$/.exec(n))) expect(fixed(info), n).toEqual({ pop: size(m[1] as string), push: 0 });
      else if ((m = /^([ilfdabcs])aload$/.exec(n))) expect(fixed(info), n).toEqual({ pop: 2, push: size(m[1] as string) });
      else if ((m = /^([ilfdabcs])astore$/.exec(n))) expect(fixed(info), n).toEqual({ pop: 2 + size(m[1] as string), push: 0 });
      else if ((m = /^([ilfd])(add|sub|mul|div|rem|and|or|xor)$/.exec(n))) {
        expect(fixed(info), n).toEqual({ pop: 2 * size(m[1] as string), push: size(m[1] as string) });
      } else if ((m = /^([ilfd])neg$/.exec(n))) expect(fixed(info), n).toEqual({ pop: size(m[1] as string), push: size(m[1] as string) });
      else if ((m = /^([il])(shl|shr|ushr)$/.exec(n))) expect(fixed(info), n).toEqual({ pop: size(m[1] as string) + 1, push: size(m[1] as string) });
      else if ((m = /^([ilfd])2([ilfdbcs])$/.exec(n))) expect(fixed(info), n).toEqual({ pop: size(m[1] as string), push: size(m[2] as string) });
      else if ((m = /^([ilfda])return$/.exec(n))) expect(fixed(info), n).toEqual({ pop: size(m[1] as string), push: 0 });
      else if ((m = /^([ilfd])const_/.exec(n)) || n === 'aconst_null') expect(fixed(info), n).toEqual({ pop: 0, push: size(m?.[1] ?? 'a') });
      else if (/^if_[ia]cmp/.test(n)) expect(fixed(info), n).toEqual({ pop: 2, push: 0 });
      else if (/^if/.test(n)) expect(fixed(info), n).toEqual({ pop: 1, push: 0 });
    }
    const effects: Record<string, [number, number]> = {
      pop: [1, 0], pop2: [2, 0], dup: [1, 2], dup_x1: [2, 3], dup_x2: [3, 4], dup2: [2, 4], dup2_x1: [3, 5],
      dup2_x2: [4, 6], swap: [2, 2], lcmp: [4, 1], fcmpl: [2, 1], fcmpg: [2, 1], dcmpl: [4, 1], dcmpg: [4, 1],
      bipush: [0, 1], sipush: [0, 1], ldc: [0, 1], ldc_w: [0, 1], ldc2_w: [0, 2], iinc: [0, 0], goto: [0, 0],
      goto_w: [0, 0], jsr: [0, 1], jsr_w: [0, 1], ret: [0, 0], tableswitch: [1, 0], lookupswitch: [1, 0],
      return: [0, 0], new: [0, 1], newarray: [1, 1], anewarray: [1, 1], arraylength: [1, 1], athrow: [1, 0],
      checkcast: [1, 1], instanceof: [1, 1], monitorenter: [1, 0], monitorexit: [1, 0], nop: [0, 0],
    };
    for (const [name, [pop, push]] of Object.entries(effects)) expect(fixed(opcodeByName(name) as OpcodeInfo), name).toEqual({ pop, push });
  });

  it('marks descriptor-dependent stack effects', () => {
    const kind = (name: string): unknown => opcodeByName(name)?.stack;
    expect(kind('getstatic')).toEqual({ kind: 'field', isStatic: true, isPut: false });
    expect(kind('putfield')).toEqual({ kind: 'field', isStatic: false, isPut: true });
    expect(kind('invokevirtual')).toEqual({ kind: 'invoke', hasReceiver: true });
    expect(kind('invokeinterface')).toEqual({ kind: 'invoke', hasReceiver: true });
    expect(kind('invokestatic')).toEqual({ kind: 'invoke', hasReceiver: false });
    expect(kind('invokedynamic')).toEqual({ kind: 'invoke', hasReceiver: false });
    expect(kind('multianewarray')).toEqual({ kind: 'multianewarray' });
  });

  it('records control flow and which instructions end a basic block', () => {
    const enders = defined.filter((i) => i.endsBlock).map((i) => i.name);
    expect(enders.sort()).toEqual(
      ['goto', 'goto_w', 'ret', 'tableswitch', 'lookupswitch', 'ireturn', 'lreturn', 'freturn', 'dreturn', 'areturn', 'return', 'athrow'].sort(),
    );
    expect(defined.filter((i) => i.flow === 'branch')).toHaveLength(16);
    expect(opcodeByName('jsr_w')?.flow).toBe('jsr');
  });

  it('marks the instructions that can throw', () => {
    const throwing = new Set<string>(defined.filter((i) => i.canThrow).map((i) => i.name));
    for (const name of ['iaload', 'aastore', 'idiv', 'lrem', 'getfield', 'invokedynamic', 'new', 'athrow', 'checkcast', 'monitorexit', 'arraylength', 'ldc']) {
      expect(throwing.has(name), name).toBe(true);
    }
    for (const name of ['iadd', 'fdiv', 'ddiv', 'frem', 'iload', 'goto', 'dup', 'i2l', 'iinc', 'tableswitch', 'ifeq']) {
      expect(throwing.has(name), name).toBe(false);
    }
  });
});
