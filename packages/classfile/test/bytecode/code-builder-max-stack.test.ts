// The builder computes max_stack from per-block summaries and falls back to computeMaxStack over the
// decoded code only when it finds the code inconsistent. Random programs check that whenever build()
// succeeds, its max_stack is what the instruction-by-instruction analysis gives for the same code, and
// that every failure is a BytecodeError.
import { describe, expect, it } from 'vitest';
import { BytecodeError, CodeBuilder, computeMaxStack, ConstantPoolBuilder, decodeInstructions, type Label, Op, type OpCode } from '@oakvm/classfile';

/** A small deterministic generator (mulberry32), so a failure names a reproducible seed. */
function random(seed: number): (n: number) => number {
  let s = seed >>> 0;
  return (n) => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (((t ^ (t >>> 14)) >>> 0) % n) | 0;
  };
}

const SIMPLE: readonly OpCode[] = [Op.nop, Op.pop, Op.dup, Op.iadd, Op.pop2, Op.dup_x1, Op.swap, Op.lconst_1, Op.ladd];
const CONDITIONS: readonly OpCode[] = [Op.ifeq, Op.ifne, Op.if_icmplt, Op.ifnull];

function randomProgram(seed: number): CodeBuilder {
  const next = random(seed);
  const code = new CodeBuilder(new ConstantPoolBuilder(), { descriptor: '(I)V', isStatic: true });
  const labels: Label[] = [];
  for (let i = 0; i < 1 + next(6); i++) labels.push(code.newLabel());
  const unplaced = (): Label[] => labels.filter((l) => !l.placed);
  const length = 4 + next(40);
  for (let step = 0; step < length; step++) {
    const choice = next(20);
    const label = labels[next(labels.length)] as Label;
    if (choice < 6) code.pushInt(next(300) - 1);
    else if (choice < 10) code.emit(SIMPLE[next(SIMPLE.length)] as OpCode);
    else if (choice < 12) code.branch(CONDITIONS[next(CONDITIONS.length)] as OpCode, label);
    else if (choice < 13) code.branch(Op.goto, label);
    else if (choice < 15 && !label.placed) code.place(label);
    else if (choice < 16) code.emit(next(2) === 0 ? Op.return : Op.athrow);
    else if (choice < 17) code.tableswitch(0, 1, label, [labels[next(labels.length)] as Label, label]);
    else if (choice < 18) code.invoke(Op.invokestatic, 'a/B', 'f', next(2) === 0 ? '(I)J' : '(JI)V');
    else if (choice < 19) code.exceptionHandler(labels[0] as Label, label, labels[next(labels.length)] as Label, null);
    else code.load('int', 0);
  }
  for (const l of unplaced()) code.place(l);
  code.emit(Op.return);
  return code;
}

describe('CodeBuilder max_stack by blocks', () => {
  it('agrees with computeMaxStack over the decoded code on random programs', () => {
    let built = 0;
    for (let seed = 1; seed <= 3000; seed++) {
      const code = randomProgram(seed);
      let attr;
      try {
        attr = code.build();
      } catch (e) {
        expect(e, `seed ${seed}`).toBeInstanceOf(BytecodeError);
        continue;
      }
      built++;
      const expected = computeMaxStack(decodeInstructions(attr.code), attr.exceptionTable, (i) => code.pool.entry(i));
      expect(attr.maxStack, `seed ${seed}`).toBe(expected);
    }
    // Enough of them are consistent for the comparison to mean something.
    expect(built).toBeGreaterThan(300);
  });
});
