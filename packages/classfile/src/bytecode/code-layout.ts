// Layout of a method body recorded by the CodeBuilder. The builder encodes every instruction whose length
// does not depend on its pc straight into a byte buffer, and records as nodes only what layout must
// decide: runs of those bytes (blocks), branches, switches and label positions. Layout assigns pcs,
// chooses the short or long form of each branch, and writes the final code array.
import { BytecodeError } from './bytecode-error.js';
import { switchPadding } from './instructions.js';
import type { Label } from './label.js';
import { Op, type OpCode } from './opcodes.js';

/**
 * A run of already encoded instructions in the builder's buffer with no label inside it, which control
 * enters only at its first instruction. Its stack summary lets max_stack follow whole runs instead of
 * single instructions.
 */
export interface CodeBlock {
  readonly kind: 'block';
  /** Where its bytes start in the buffer (and where the node starts). */
  readonly at: number;
  readonly end: number;
  /** The least operand-stack depth at entry under which no instruction of the block underflows. */
  readonly need: number;
  /** Depth after the last instruction, relative to the entry depth. */
  readonly net: number;
  /** The greatest depth after any instruction, relative to the entry depth (at least 0). */
  readonly rise: number;
  /** Whether control does not go on past its last instruction (a return, athrow or ret). */
  readonly ends: boolean;
}

/**
 * What the builder records, in code order; `at` is the buffer length when it was recorded, which places
 * it among the blocks.
 */
export type CodeNode =
  | CodeBlock
  /** A branch_s2 or branch_s4 instruction to a label. */
  | { readonly kind: 'jump'; readonly at: number; readonly opcode: OpCode; readonly label: Label }
  | { readonly kind: 'tableswitch'; readonly at: number; readonly low: number; readonly high: number; readonly defaultLabel: Label; readonly labels: readonly Label[] }
  | { readonly kind: 'lookupswitch'; readonly at: number; readonly defaultLabel: Label; readonly matches: readonly number[]; readonly labels: readonly Label[] }
  | { readonly kind: 'place'; readonly at: number; readonly label: Label };

/**
 * A position that only the builder itself refers to (where a line starts), given a pc by layout as a
 * placed label is, without being a label or a node: `node` is how many nodes preceded it and `at` the
 * buffer length then, which is enough to find its pc inside the block it falls in.
 */
export interface PositionMark {
  readonly kind: 'mark';
  readonly at: number;
  readonly node: number;
}

/** The condition with the opposite outcome, used to jump over a goto_w when a branch does not reach. */
const INVERTED_BRANCH: ReadonlyMap<number, OpCode> = new Map<number, OpCode>([
  [Op.ifeq, Op.ifne],
  [Op.ifne, Op.ifeq],
  [Op.iflt, Op.ifge],
  [Op.ifge, Op.iflt],
  [Op.ifgt, Op.ifle],
  [Op.ifle, Op.ifgt],
  [Op.if_icmpeq, Op.if_icmpne],
  [Op.if_icmpne, Op.if_icmpeq],
  [Op.if_icmplt, Op.if_icmpge],
  [Op.if_icmpge, Op.if_icmplt],
  [Op.if_icmpgt, Op.if_icmple],
  [Op.if_icmple, Op.if_icmpgt],
  [Op.if_acmpeq, Op.if_acmpne],
  [Op.if_acmpne, Op.if_acmpeq],
  [Op.ifnull, Op.ifnonnull],
  [Op.ifnonnull, Op.ifnull],
]);

/** Bytes of a conditional branch that does not reach: the inverted branch (3) then goto_w (5). */
const LONG_CONDITIONAL_LENGTH = 8;

/** Throws unless every label the node refers to has a position. */
function checkLabelsPlaced(node: CodeNode): void {
  switch (node.kind) {
    case 'jump':
      checkPlaced(node, node.label);
      return;
    case 'tableswitch':
    case 'lookupswitch':
      checkPlaced(node, node.defaultLabel);
      for (let labelIndex = 0; labelIndex < node.labels.length; labelIndex++) checkPlaced(node, node.labels[labelIndex] as Label);
      return;
    default:
      // A block or a place: no label to resolve.
      return;
  }
}

function checkPlaced(node: CodeNode, label: Label): void {
  if (!label.resolved) throw new BytecodeError(`${node.kind} to label ${label.id}, which is never placed`);
}

/**
 * Assigns pcs (to the nodes and their labels) and returns them, with the code length at index
 * `nodes.length`. Every branch starts short; the ones whose offset does not fit 16 bits are widened and
 * the pcs recomputed until nothing changes. Widening only grows the code, so this terminates.
 */
export function layoutCode(nodes: readonly CodeNode[]): { readonly pcs: Int32Array; readonly isLong: Uint8Array } {
  const count = nodes.length;
  const isLong = new Uint8Array(count);
  for (let i = 0; i < count; i++) {
    const node = nodes[i] as CodeNode;
    if (node.kind === 'block' || node.kind === 'place') continue;
    checkLabelsPlaced(node);
    if (node.kind === 'jump' && isLongForm(node.opcode)) isLong[i] = 1;
  }
  const pcs = new Int32Array(count + 1);
  for (;;) {
    let pc = 0;
    for (let i = 0; i < count; i++) {
      const node = nodes[i] as CodeNode;
      pcs[i] = pc;
      // Blocks and places, most of the nodes, without a call.
      if (node.kind === 'block') pc += node.end - node.at;
      else if (node.kind === 'place') node.label.assignPc(pc);
      else pc += nodeLength(node, pc, isLong[i] === 1);
    }
    pcs[count] = pc;
    let widened = false;
    for (let i = 0; i < count; i++) {
      const node = nodes[i] as CodeNode;
      if (node.kind !== 'jump' || isLong[i] === 1) continue;
      const offset = node.label.pc - (pcs[i] as number);
      if (offset < -0x8000 || offset > 0x7fff) {
        isLong[i] = 1;
        widened = true;
      }
    }
    if (!widened) return { pcs, isLong };
  }
}

/** The pc layout gave a mark: its node's pc plus how far into that node's block it was taken. */
export function markPc(mark: PositionMark, nodes: readonly CodeNode[], pcs: Int32Array, bufferLength: number): number {
  const node = nodes[mark.node];
  return (pcs[mark.node] as number) + mark.at - (node === undefined ? bufferLength : node.at);
}

/** goto_w and jsr_w asked for explicitly are long from the start. */
export function isLongForm(opcode: OpCode): boolean {
  return opcode === Op.goto_w || opcode === Op.jsr_w;
}

/** Bytes the node takes at `pc`, with its branch in the long form when `long`. */
export function nodeLength(node: CodeNode, pc: number, long: boolean): number {
  switch (node.kind) {
    case 'block':
      return node.end - node.at;
    case 'place':
      return 0;
    case 'jump':
      if (!long) return 3;
      return INVERTED_BRANCH.has(node.opcode) ? LONG_CONDITIONAL_LENGTH : 5;
    case 'tableswitch':
      return 1 + switchPadding(pc) + 12 + 4 * node.labels.length;
    case 'lookupswitch':
      return 1 + switchPadding(pc) + 8 + 8 * node.labels.length;
  }
}

/** The code array: the blocks' bytes copied from `buffer`, branches and switches encoded at their pcs. */
export function encodeNodes(nodes: readonly CodeNode[], pcs: Int32Array, isLong: Uint8Array, buffer: Uint8Array): Uint8Array {
  const count = nodes.length;
  const out = new Uint8Array(pcs[count] as number);
  for (let i = 0; i < count; i++) {
    const node = nodes[i] as CodeNode;
    const pc = pcs[i] as number;
    switch (node.kind) {
      case 'block':
        // A loop: blocks are short, and a subarray per block was most of what this function allocated.
        for (let from = node.at, to = pc; from < node.end; from++, to++) out[to] = buffer[from] as number;
        break;
      case 'place':
        break;
      case 'jump':
        encodeJump(out, pc, node.opcode, node.label.pc, isLong[i] === 1);
        break;
      case 'tableswitch': {
        let p = pc + 1 + switchPadding(pc);
        out[pc] = Op.tableswitch;
        p = putS4(out, p, node.defaultLabel.pc - pc);
        p = putS4(out, p, node.low);
        p = putS4(out, p, node.high);
        for (let t = 0; t < node.labels.length; t++) p = putS4(out, p, (node.labels[t] as Label).pc - pc);
        break;
      }
      case 'lookupswitch': {
        let p = pc + 1 + switchPadding(pc);
        out[pc] = Op.lookupswitch;
        p = putS4(out, p, node.defaultLabel.pc - pc);
        p = putS4(out, p, node.matches.length);
        for (let t = 0; t < node.matches.length; t++) {
          p = putS4(out, p, node.matches[t] as number);
          p = putS4(out, p, (node.labels[t] as Label).pc - pc);
        }
        break;
      }
    }
  }
  return out;
}

function encodeJump(out: Uint8Array, pc: number, opcode: OpCode, target: number, long: boolean): void {
  if (!long) {
    out[pc] = opcode;
    putS2(out, pc + 1, target - pc);
    return;
  }
  const inverted = INVERTED_BRANCH.get(opcode);
  if (inverted === undefined) {
    out[pc] = opcode === Op.jsr || opcode === Op.jsr_w ? Op.jsr_w : Op.goto_w;
    putS4(out, pc + 1, target - pc);
    return;
  }
  out[pc] = inverted;
  putS2(out, pc + 1, LONG_CONDITIONAL_LENGTH);
  out[pc + 3] = Op.goto_w;
  putS4(out, pc + 4, target - (pc + 3));
}

function putS2(out: Uint8Array, p: number, v: number): void {
  out[p] = v >> 8;
  out[p + 1] = v;
}

function putS4(out: Uint8Array, p: number, v: number): number {
  out[p] = v >> 24;
  out[p + 1] = v >> 16;
  out[p + 2] = v >> 8;
  out[p + 3] = v;
  return p + 4;
}
