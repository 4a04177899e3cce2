// max_stack over the CodeBuilder's nodes instead of single instructions: a block's stack summary (the
// depth it needs, its net change, its highest point) stands for all of its instructions, so the data
// flow visits each run once. It only answers for consistent code: at the first sign of trouble (an
// underflow, two depths meeting, control leaving the code) it gives up, and the builder asks
// computeMaxStack over the decoded instructions, which finds the same trouble and says exactly where.
import type { ExceptionTableEntry } from '../model.js';
import type { CodeNode } from './code-layout.js';
import type { Label } from './label.js';
import { OPCODES } from './opcodes.js';

/** What blockMaxStack returns when the code is inconsistent. */
export const INCONSISTENT = -1;

/**
 * The greatest operand-stack depth any execution reaches, as computeMaxStack defines it (unreachable
 * code does not count), or INCONSISTENT. `pcs` are layout's node pcs with the code length last.
 */
export function blockMaxStack(nodes: readonly CodeNode[], pcs: Int32Array, exceptionTable: readonly ExceptionTableEntry[]): number {
  const count = nodes.length;
  const codeLength = pcs[count] as number;
  // The node starting at each pc; a place shares its pc with the node after it, which is what a jump
  // to its label reaches.
  const nodeAt = new Int32Array(codeLength + 1).fill(-1);
  for (let i = count - 1; i >= 0; i--) if ((nodes[i] as CodeNode).kind !== 'place') nodeAt[pcs[i] as number] = i;
  const depthAt = new Int32Array(count).fill(-1);
  const work: number[] = [];

  const reach = (pc: number, depth: number): boolean => {
    const i = pc < codeLength ? (nodeAt[pc] as number) : -1;
    if (i < 0) return false;
    const known = depthAt[i] as number;
    if (known === depth) return true;
    if (known >= 0) return false;
    depthAt[i] = depth;
    work.push(i);
    return true;
  };

  let max = 0;
  if (count > 0 && !reach(0, 0)) return INCONSISTENT;
  for (let h = 0; h < exceptionTable.length; h++) {
    // A handler starts with just the thrown exception on the stack.
    if (!reach((exceptionTable[h] as ExceptionTableEntry).handlerPc, 1)) return INCONSISTENT;
    max = Math.max(max, 1);
  }
  while (work.length > 0) {
    const i = work.pop() as number;
    const node = nodes[i] as CodeNode;
    const depth = depthAt[i] as number;
    const next = pcs[i + 1] as number;
    switch (node.kind) {
      case 'block':
        if (depth < node.need) return INCONSISTENT;
        max = Math.max(max, depth + node.rise);
        if (!node.ends && !reach(next, depth + node.net)) return INCONSISTENT;
        break;
      case 'jump': {
        const info = OPCODES[node.opcode];
        if (info === undefined || info.stack.kind !== 'fixed' || depth < info.stack.pop) return INCONSISTENT;
        const after = depth - info.stack.pop + info.stack.push;
        max = Math.max(max, after);
        const target = node.label.pc;
        if (info.flow === 'goto') {
          if (!reach(target, after)) return INCONSISTENT;
        } else if (info.flow === 'jsr') {
          // The subroutine starts with the return address pushed; its ret comes back to the next
          // instruction with the stack as it was before the jsr.
          if (!reach(target, after) || !reach(next, depth)) return INCONSISTENT;
        } else if (!reach(target, after) || !reach(next, after)) {
          return INCONSISTENT;
        }
        break;
      }
      case 'tableswitch':
      case 'lookupswitch': {
        if (depth < 1) return INCONSISTENT;
        const after = depth - 1;
        if (!reach(node.defaultLabel.pc, after)) return INCONSISTENT;
        for (let t = 0; t < node.labels.length; t++) if (!reach((node.labels[t] as Label).pc, after)) return INCONSISTENT;
        break;
      }
      case 'place':
        // Never reached: nodeAt skips places.
        return INCONSISTENT;
    }
  }
  if (max > 0xffff) return INCONSISTENT;
  return max;
}
