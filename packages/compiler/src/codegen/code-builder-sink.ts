// The CodeSink over @oakvm/classfile's CodeBuilder: each call goes straight to the builder, whose labels
// can be made aliases of other labels (a do-while condition's jumps back to the loop start), and whose
// provisional pc is the pc the generator applies javac's pc-based decisions to. Only line numbers wait
// for the next instruction, for javac's rule that a second entry at the same pc replaces the first.
import { Label as BuilderLabel, type CodeBuilder, type OpCode } from '@oakvm/classfile';
import Long from 'long';
import type { CodeSink, SinkLabel } from './code-sink.js';
import { internalError } from './internal-error.js';

export class CodeBuilderSink implements CodeSink {
  /** A line number not yet given to the builder (-1: none), and the pc it is for. */
  private pendingLine = -1;
  private pendingLinePc = 0;
  /**
   * Long and double constants whose pool entries wait for the end of the method's code: javac adds
   * them after the entries the rest of the code refers to (and before the exception handlers' classes).
   */
  private wideGive: ((index: number) => void)[] = [];
  /** The constant of each of `wideGive`'s instructions: a Long, or a double. */
  private wideValues: (Long | number)[] = [];

  constructor(private readonly code: CodeBuilder) {}

  get pc(): number {
    return this.code.provisionalPc;
  }

  newLabel(): SinkLabel {
    return this.code.newLabel();
  }

  place(label: SinkLabel): void {
    this.code.place(asBuilderLabel(label));
  }

  alias(label: SinkLabel, target: SinkLabel): boolean {
    const l = asBuilderLabel(label);
    if (l.placed) throw internalError('aliasing a placed label');
    return this.code.alias(l, asBuilderLabel(target));
  }

  simple(op: OpCode): void {
    if (this.pendingLine >= 0) this.flushLine();
    this.code.emit(op);
  }

  local(op: OpCode, slot: number): void {
    if (this.pendingLine >= 0) this.flushLine();
    this.code.local(op, slot);
  }

  iinc(slot: number, delta: number): void {
    if (this.pendingLine >= 0) this.flushLine();
    this.code.iinc(slot, delta);
  }

  intConstant(value: number): void {
    if (this.pendingLine >= 0) this.flushLine();
    this.code.pushInt(value);
  }

  longConstant(value: bigint): void {
    if (this.pendingLine >= 0) this.flushLine();
    const long = toLong(value);
    if (long.isZero() || long.equals(Long.ONE)) {
      this.code.pushLong(long);
      return;
    }
    this.wideGive.push(this.code.wideConstantLater());
    this.wideValues.push(long);
  }

  floatConstant(value: number): void {
    if (this.pendingLine >= 0) this.flushLine();
    this.code.pushFloat(value);
  }

  doubleConstant(value: number): void {
    if (this.pendingLine >= 0) this.flushLine();
    if (Object.is(value, 0) || value === 1) {
      this.code.pushDouble(value);
      return;
    }
    this.wideGive.push(this.code.wideConstantLater());
    this.wideValues.push(value);
  }

  stringConstant(value: string): void {
    if (this.pendingLine >= 0) this.flushLine();
    this.code.pushString(value);
  }

  // References enter the constant pool as they are met, as javac's do, so that constants used early get
  // the low indexes (and the short ldc) they get from javac.
  field(op: OpCode, owner: string, name: string, descriptor: string): void {
    if (this.pendingLine >= 0) this.flushLine();
    this.code.field(op, owner, name, descriptor);
  }

  invoke(op: OpCode, owner: string, name: string, descriptor: string, isInterface: boolean): void {
    if (this.pendingLine >= 0) this.flushLine();
    this.code.invoke(op, owner, name, descriptor, isInterface);
  }

  classOp(op: OpCode, className: string): void {
    if (this.pendingLine >= 0) this.flushLine();
    this.code.typeInstruction(op, className);
  }

  newarray(typeCode: number): void {
    const descriptor = newarrayDescriptors[typeCode];
    if (descriptor === undefined) throw internalError(`newarray type code ${typeCode}`);
    if (this.pendingLine >= 0) this.flushLine();
    this.code.newArray(descriptor);
  }

  multianewarray(descriptor: string, dimensions: number): void {
    if (this.pendingLine >= 0) this.flushLine();
    this.code.multiANewArray(descriptor, dimensions);
  }

  branch(op: OpCode, target: SinkLabel): void {
    if (this.pendingLine >= 0) this.flushLine();
    this.code.branch(op, asBuilderLabel(target));
  }

  tableswitch(low: number, high: number, defaultTarget: SinkLabel, targets: readonly SinkLabel[]): void {
    if (this.pendingLine >= 0) this.flushLine();
    this.code.tableswitch(low, high, asBuilderLabel(defaultTarget), targets.map(asBuilderLabel));
  }

  lookupswitch(defaultTarget: SinkLabel, keys: readonly number[], targets: readonly SinkLabel[]): void {
    if (this.pendingLine >= 0) this.flushLine();
    this.code.lookupswitch(
      asBuilderLabel(defaultTarget),
      keys.map((k, i) => [k, asBuilderLabel(targets[i] as SinkLabel)] as const),
    );
  }

  handler(start: SinkLabel, end: SinkLabel, handlerLabel: SinkLabel, catchType: string | undefined): void {
    this.flushWideConstants();
    this.code.exceptionHandler(asBuilderLabel(start), asBuilderLabel(end), asBuilderLabel(handlerLabel), catchType ?? null);
  }

  line(line: number): void {
    const pc = this.code.provisionalPc;
    // javac's rule: a second entry at the same pc replaces the first.
    if (this.pendingLine >= 0 && this.pendingLinePc !== pc) this.flushLine();
    this.pendingLine = line;
    this.pendingLinePc = pc;
  }

  localVariable(name: string, descriptor: string, slot: number, start: SinkLabel, end: SinkLabel): void {
    this.code.localVariable(name, descriptor, slot, asBuilderLabel(start), asBuilderLabel(end));
  }

  /** Gives the builder what is still pending; call once the method's code is complete. */
  finish(): void {
    this.flushLine();
    this.flushWideConstants();
  }

  private flushWideConstants(): void {
    const gives = this.wideGive;
    if (gives.length === 0) return;
    const values = this.wideValues;
    const pool = this.code.pool;
    for (let i = 0; i < gives.length; i++) {
      const value = values[i] as Long | number;
      (gives[i] as (index: number) => void)(typeof value === 'number' ? pool.double(value) : pool.long(value));
    }
    this.wideGive = [];
    this.wideValues = [];
  }

  /** A pending line starts at the current position, which no instruction has taken since it was set. */
  private flushLine(): void {
    const line = this.pendingLine;
    if (line < 0) return;
    this.pendingLine = -1;
    this.code.lineNumber(line);
  }
}

/** A long constant as the builder takes it: through a number when exact, else its two 32-bit halves. */
function toLong(value: bigint): Long {
  const small = Number(value);
  if (Number.isSafeInteger(small)) return Long.fromNumber(small);
  const bits = BigInt.asUintN(64, value);
  return Long.fromBits(Number(bits & 0xffffffffn) | 0, Number(bits >> 32n) | 0);
}

const newarrayDescriptors: Record<number, 'Z' | 'C' | 'F' | 'D' | 'B' | 'S' | 'I' | 'J'> = {
  4: 'Z',
  5: 'C',
  6: 'F',
  7: 'D',
  8: 'B',
  9: 'S',
  10: 'I',
  11: 'J',
};

function asBuilderLabel(label: SinkLabel): BuilderLabel {
  if (!(label instanceof BuilderLabel)) throw internalError('label from another sink');
  return label;
}

