// Layout of a method body recorded by the CodeBuilder: assigns pcs, chooses the short or long form of each
// branch, and lowers the recorded items to instructions for the shared encoder.
import { BytecodeError } from './bytecode-error.js';
import { switchPadding, type Instruction, type UnplacedInstruction } from './instructions.js';
import type { Label } from './label.js';
import { Op, type OpCode } from './opcodes.js';

/** The kinds of instruction whose length does not depend on the pc: all but branches and switches. */
type FixedKind = Exclude<UnplacedInstruction['kind'], 'branch' | 'tableswitch' | 'lookupswitch'>;

/**
 * An instruction whose length does not depend on its pc, recorded with its length; layout sets its pc and
 * hands the same object to the encoder, so instructions are not copied (copying every instruction was
 * the builder's largest cost), and it is itself the recorded item (a wrapper per instruction was the
 * next largest allocation).
 */
export type PendingInstruction = Extract<UnplacedInstruction, { kind: FixedKind }> & { pc: number; length: number };

/** What the builder records: instructions whose encoding needs no pc, and the ones that refer to labels. */
export type CodeItem =
  | PendingInstruction
  /** A branch_s2 or branch_s4 instruction to a label. */
  | { readonly kind: 'jump'; readonly opcode: OpCode; readonly label: Label }
  | { readonly kind: 'tableswitch'; readonly low: number; readonly high: number; readonly defaultLabel: Label; readonly labels: readonly Label[] }
  | { readonly kind: 'lookupswitch'; readonly defaultLabel: Label; readonly matches: readonly number[]; readonly labels: readonly Label[] }
  | { readonly kind: 'place'; readonly label: Label }
  | PositionMark;

/**
 * A position that only the builder itself refers to (where a line starts), which layout gives a pc as it
 * does a placed label, without the label: one object per source line instead of a label, its item and
 * the line's record.
 */
export interface PositionMark {
  readonly kind: 'mark';
  pc: number;
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

/** Throws unless every label the item refers to has a position. */
function checkLabelsPlaced(item: CodeItem): void {
  switch (item.kind) {
    case 'jump':
      checkPlaced(item, item.label);
      return;
    case 'tableswitch':
    case 'lookupswitch':
      checkPlaced(item, item.defaultLabel);
      for (let labelIndex = 0; labelIndex < item.labels.length; labelIndex++) {
        const label = item.labels[labelIndex];
        checkPlaced(item, label);
      }
      return;
    default:
      // A place or an instruction whose operands name no label.
      return;
  }
}

function checkPlaced(item: CodeItem, label: Label): void {
  if (!label.resolved) throw new BytecodeError(`${item.kind} to label ${label.id}, which is never placed`);
}

/**
 * Assigns pcs (to the items and their labels) and returns the instructions. Every branch starts short;
 * the ones whose offset does not fit 16 bits are widened and the pcs recomputed until nothing changes.
 * Widening only grows the code, so this terminates. (Plain loops: this runs once per method, on every
 * instruction, and closures and per-item arrays here were a visible share of code generation.)
 */
export function layoutCode(items: readonly CodeItem[]): Instruction[] {
  const count = items.length;
  const isLong = new Uint8Array(count);
  for (let i = 0; i < count; i++) {
    const item = items[i] as CodeItem;
    checkLabelsPlaced(item);
    if (item.kind === 'jump' && isLongForm(item.opcode)) isLong[i] = 1;
  }
  const pcs = new Int32Array(count);
  for (;;) {
    let pc = 0;
    for (let i = 0; i < count; i++) {
      const item = items[i] as CodeItem;
      pcs[i] = pc;
      if (item.kind === 'place') item.label.assignPc(pc);
      else if (item.kind === 'mark') item.pc = pc;
      pc += itemLength(item, pc, isLong[i] === 1);
    }
    let widened = false;
    for (let i = 0; i < count; i++) {
      const item = items[i] as CodeItem;
      if (item.kind !== 'jump' || isLong[i] === 1) continue;
      const offset = item.label.pc - (pcs[i] as number);
      if (offset < -0x8000 || offset > 0x7fff) {
        isLong[i] = 1;
        widened = true;
      }
    }
    if (!widened) break;
  }
  const out: Instruction[] = [];
  for (let i = 0; i < count; i++) lower(items[i] as CodeItem, pcs[i] as number, isLong[i] === 1, out);
  return out;
}

/** goto_w and jsr_w asked for explicitly are long from the start. */
export function isLongForm(opcode: OpCode): boolean {
  return opcode === Op.goto_w || opcode === Op.jsr_w;
}

/** Bytes the item takes at `pc`, with its branch in the long form when `long`. */
export function itemLength(item: CodeItem, pc: number, long: boolean): number {
  switch (item.kind) {
    case 'place':
    case 'mark':
      return 0;
    case 'jump':
      if (!long) return 3;
      return INVERTED_BRANCH.has(item.opcode) ? LONG_CONDITIONAL_LENGTH : 5;
    case 'tableswitch':
      return 1 + switchPadding(pc) + 12 + 4 * item.labels.length;
    case 'lookupswitch':
      return 1 + switchPadding(pc) + 8 + 8 * item.labels.length;
    default:
      return item.length;
  }
}

function lower(item: CodeItem, pc: number, long: boolean, out: Instruction[]): void {
  const length = itemLength(item, pc, long);
  switch (item.kind) {
    case 'place':
    case 'mark':
      return;
    case 'jump': {
      const target = item.label.pc;
      if (!long) {
        out.push({ kind: 'branch', opcode: item.opcode, target, pc, length, wide: false });
        return;
      }
      const inverted = INVERTED_BRANCH.get(item.opcode);
      if (inverted === undefined) {
        const opcode = item.opcode === Op.jsr || item.opcode === Op.jsr_w ? Op.jsr_w : Op.goto_w;
        out.push({ kind: 'branch', opcode, target, pc, length, wide: false });
        return;
      }
      out.push({ kind: 'branch', opcode: inverted, target: pc + LONG_CONDITIONAL_LENGTH, pc, length: 3, wide: false });
      out.push({ kind: 'branch', opcode: Op.goto_w, target, pc: pc + 3, length: 5, wide: false });
      return;
    }
    case 'tableswitch':
      out.push({
        kind: 'tableswitch',
        opcode: Op.tableswitch,
        pc,
        length,
        wide: false,
        defaultTarget: item.defaultLabel.pc,
        low: item.low,
        high: item.high,
        targets: item.labels.map((l) => l.pc),
      });
      return;
    case 'lookupswitch':
      out.push({
        kind: 'lookupswitch',
        opcode: Op.lookupswitch,
        pc,
        length,
        wide: false,
        defaultTarget: item.defaultLabel.pc,
        matches: item.matches,
        targets: item.labels.map((l) => l.pc),
      });
      return;
    default:
      item.pc = pc;
      out.push(item);
      return;
  }
}
