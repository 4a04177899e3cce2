// max_stack by data flow (JVMS 4.7.3): the operand-stack depth is followed along every path from the
// method entry and every exception handler, using the stack effects the opcode table gives.
import type { ExceptionTableEntry } from '../model.js';
import { BytecodeError } from './bytecode-error.js';
import type { Instruction } from './instructions.js';
import { OPCODES } from './opcodes.js';
import { stackEffectOf, type PoolLookup } from './stack-effect.js';

/**
 * The greatest operand-stack depth, in slots, any execution of the code reaches. Throws BytecodeError
 * when the code is inconsistent: a stack underflow, two paths reaching an instruction with different
 * depths, a branch into the middle of an instruction, or control falling off the end of the code.
 * Instructions no path reaches do not count (the type-inferring verifier of class version 49 ignores them).
 */
export function computeMaxStack(
  instructions: readonly Instruction[],
  exceptionTable: readonly ExceptionTableEntry[],
  pool: PoolLookup,
): number {
  const last = instructions[instructions.length - 1];
  const codeLength = last === undefined ? 0 : last.pc + last.length;
  const indexAt = new Int32Array(codeLength + 1).fill(-1);
  for (let i = 0; i < instructions.length; i++) indexAt[(instructions[i] as Instruction).pc] = i;
  const depthAt = new Int32Array(instructions.length).fill(-1);
  const work: number[] = [];
  let max = 0;

  const reach = (pc: number, depth: number, from: number): void => {
    const i = pc < codeLength ? (indexAt[pc] as number) : -1;
    if (i < 0) {
      throw new BytecodeError(
        pc >= codeLength ? `control falls off the end of the code after pc ${from}` : `pc ${from} jumps into the middle of an instruction at ${pc}`,
      );
    }
    const known = depthAt[i] as number;
    if (known === depth) return;
    if (known >= 0) throw new BytecodeError(`stack depth ${depth} from pc ${from} disagrees with ${known} at pc ${pc}`);
    depthAt[i] = depth;
    work.push(i);
  };

  if (instructions.length > 0) reach(0, 0, 0);
  for (let handlerIndex = 0; handlerIndex < exceptionTable.length; handlerIndex++) {
    const handler = exceptionTable[handlerIndex];
    // A handler starts with just the thrown exception on the stack.
    reach(handler.handlerPc, 1, handler.handlerPc);
    max = Math.max(max, 1);
  }

  while (work.length > 0) {
    const i = work.pop() as number;
    const ins = instructions[i] as Instruction;
    const depth = depthAt[i] as number;
    const effect = stackEffectOf(ins, pool);
    if (depth < effect.pop) {
      const name = OPCODES[ins.opcode]?.name ?? String(ins.opcode);
      throw new BytecodeError(`stack underflow at pc ${ins.pc}: ${name} pops ${effect.pop} slots, the stack holds ${depth}`);
    }
    const after = depth - effect.pop + effect.push;
    max = Math.max(max, after);
    const next = ins.pc + ins.length;
    const flow = OPCODES[ins.opcode]?.flow ?? 'next';
    switch (flow) {
      case 'next':
        reach(next, after, ins.pc);
        break;
      case 'branch':
        if (ins.kind === 'branch') reach(ins.target, after, ins.pc);
        reach(next, after, ins.pc);
        break;
      case 'goto':
        if (ins.kind === 'branch') reach(ins.target, after, ins.pc);
        break;
      case 'jsr':
        // The subroutine starts with the return address pushed; its ret comes back to the next instruction
        // with the stack as it was before the jsr.
        if (ins.kind === 'branch') reach(ins.target, after, ins.pc);
        reach(next, depth, ins.pc);
        break;
      case 'switch':
        if (ins.kind === 'tableswitch' || ins.kind === 'lookupswitch') {
          reach(ins.defaultTarget, after, ins.pc);
          for (let targetIndex = 0; targetIndex < ins.targets.length; targetIndex++) {
            const target = ins.targets[targetIndex];
            reach(target, after, ins.pc);
          }
        }
        break;
      case 'ret':
      case 'return':
      case 'throw':
        break;
    }
  }
  if (max > 0xffff) throw new BytecodeError(`operand stack of ${max} slots exceeds the 65535 max_stack can hold`);
  return max;
}
