// What the code generator needs from a bytecode assembler, one call per instruction. code-builder-sink.ts
// implements it over @oakvm/classfile's CodeBuilder; keeping the generator on this narrow surface leaves
// instruction-form choices (short forms, wide, ldc vs ldc_w, goto_w, padding, max_stack) to the builder.
import type { OpCode } from '@oakvm/classfile';

/** A position in the code, created before or after the position is known. */
export interface SinkLabel {
  readonly placed: boolean;
}

export interface CodeSink {
  /** Bytes emitted so far (exact unless a branch later needs goto_w). */
  readonly pc: number;
  newLabel(): SinkLabel;
  place(label: SinkLabel): void;
  /**
   * Makes `label` stand for the position of `target`, which may already be placed. Returns false (and
   * changes nothing) when `target` already stands for `label`.
   */
  alias(label: SinkLabel, target: SinkLabel): boolean;
  /** An instruction without operands. */
  simple(op: OpCode): void;
  /** A local-variable load or store (the builder picks iload_0..3 or wide). */
  local(op: OpCode, slot: number): void;
  iinc(slot: number, delta: number): void;
  /** Pushes an int constant with the shortest form (iconst_*, bipush, sipush, ldc). */
  intConstant(value: number): void;
  longConstant(value: bigint): void;
  floatConstant(value: number): void;
  doubleConstant(value: number): void;
  stringConstant(value: string): void;
  field(op: OpCode, owner: string, name: string, descriptor: string): void;
  invoke(op: OpCode, owner: string, name: string, descriptor: string, isInterface: boolean): void;
  /** new, anewarray, checkcast, instanceof: `className` is an internal name or an array descriptor. */
  classOp(op: OpCode, className: string): void;
  newarray(typeCode: number): void;
  multianewarray(descriptor: string, dimensions: number): void;
  branch(op: OpCode, target: SinkLabel): void;
  tableswitch(low: number, high: number, defaultTarget: SinkLabel, targets: readonly SinkLabel[]): void;
  lookupswitch(defaultTarget: SinkLabel, keys: readonly number[], targets: readonly SinkLabel[]): void;
  /** An exception-table entry; `catchType` undefined catches everything. Entries keep the call order. */
  handler(start: SinkLabel, end: SinkLabel, handlerLabel: SinkLabel, catchType: string | undefined): void;
  /** A LineNumberTable entry at the current pc. */
  line(line: number): void;
  localVariable(name: string, descriptor: string, slot: number, start: SinkLabel, end: SinkLabel): void;
}
