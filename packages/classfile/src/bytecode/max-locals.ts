// max_locals from the local-variable slots the instructions touch (JVMS 4.7.3).
import type { Instruction } from './instructions.js';
import { OPCODES, type OpName } from './opcodes.js';

interface LocalAccess {
  /** The slot an implicit-index form (iload_2, astore_0...) names; undefined when the operand gives it. */
  readonly fixedIndex: number | undefined;
  /** 2 for long and double loads and stores. */
  readonly slots: 1 | 2;
}

/**
 * Which opcodes touch a local variable, derived from the opcode table's mnemonics: x-load/x-store with an
 * index operand or an implicit _0.._3 suffix, ret and iinc.
 */
const LOCAL_ACCESS: readonly (LocalAccess | undefined)[] = OPCODES.map((info) => {
  if (info === undefined) return undefined;
  const name: OpName = info.name;
  if (name === 'ret' || name === 'iinc') return { fixedIndex: undefined, slots: 1 };
  const match = /^([ilfda])(load|store)(?:_([0-3]))?$/.exec(name);
  if (match === null) return undefined;
  const slots = match[1] === 'l' || match[1] === 'd' ? 2 : 1;
  return { fixedIndex: match[3] === undefined ? undefined : Number(match[3]), slots };
});

/**
 * One past the highest slot an instruction with this opcode touches: `index` is its index operand (unused
 * by the _0.._3 forms); 0 when the opcode touches no local.
 */
export function localSlotsEnd(opcode: number, index: number): number {
  const access = LOCAL_ACCESS[opcode];
  if (access === undefined) return 0;
  return (access.fixedIndex ?? index) + access.slots;
}

/** One past the highest local-variable slot any instruction reads or writes. */
export function localsUsedBy(instructions: readonly Instruction[]): number {
  let max = 0;
  for (let insIndex = 0; insIndex < instructions.length; insIndex++) {
    const ins = instructions[insIndex];
    const access = LOCAL_ACCESS[ins.opcode];
    if (access === undefined) continue;
    const index = access.fixedIndex ?? ('index' in ins ? ins.index : 0);
    max = Math.max(max, index + access.slots);
  }
  return max;
}
