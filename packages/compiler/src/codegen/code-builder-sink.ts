// The CodeSink over @oakvm/classfile's CodeBuilder. Calls are recorded and replayed into the builder when
// the method is finished, so that a label can still be made an alias of an already placed one (a
// do-while condition's jumps back to the loop start). The pc is tracked with the builder's own
// instruction-length rules so the generator can apply javac's pc-based decisions.
import { Op, type CodeBuilder, type OpCode, type ConstantPoolBuilder } from '@oakvm/classfile';
import Long from 'long';
import type { CodeSink, SinkLabel } from './code-sink.js';
import { internalError } from './internal-error.js';

type BuilderLabel = ReturnType<CodeBuilder['newLabel']>;

class RecordedLabel implements SinkLabel {
  placed = false;
  aliasOf: RecordedLabel | undefined;
  private builderLabel: BuilderLabel | undefined;

  resolve(code: CodeBuilder): BuilderLabel {
    if (this.aliasOf !== undefined) return this.aliasOf.resolve(code);
    this.builderLabel ??= code.newLabel();
    return this.builderLabel;
  }
}

type Replay = (code: CodeBuilder) => void;

export class CodeBuilderSink implements CodeSink {
  private position = 0;
  private readonly replay: Replay[] = [];
  private lastLine: { pc: number; index: number } | undefined;

  constructor(private readonly pool: ConstantPoolBuilder) {}

  get pc(): number {
    return this.position;
  }

  newLabel(): SinkLabel {
    return new RecordedLabel();
  }

  place(label: SinkLabel): void {
    const l = asRecorded(label);
    l.placed = true;
    this.replay.push((code) => code.place(l.resolve(code)));
  }

  alias(label: SinkLabel, target: SinkLabel): boolean {
    const l = asRecorded(label);
    if (l.placed) throw internalError('aliasing a placed label');
    for (let t: RecordedLabel | undefined = asRecorded(target); t !== undefined; t = t.aliasOf) {
      if (t === l) return false;
    }
    l.aliasOf = asRecorded(target);
    l.placed = true;
    return true;
  }

  simple(op: OpCode): void {
    this.record(1, (code) => code.emit(op));
  }

  local(op: OpCode, slot: number): void {
    const length = slot <= 3 ? 1 : slot <= 0xff ? 2 : 4;
    this.record(length, (code) => code.local(op, slot));
  }

  iinc(slot: number, delta: number): void {
    const wide = slot > 0xff || delta < -0x80 || delta > 0x7f;
    this.record(wide ? 6 : 3, (code) => code.iinc(slot, delta));
  }

  intConstant(value: number): void {
    let length: number;
    if (value >= -1 && value <= 5) length = 1;
    else if (value >= -0x80 && value <= 0x7f) length = 2;
    else if (value >= -0x8000 && value <= 0x7fff) length = 3;
    else length = this.ldcLength(this.pool.integer(value));
    this.record(length, (code) => code.pushInt(value));
  }

  longConstant(value: bigint): void {
    const long = Long.fromString(BigInt.asIntN(64, value).toString());
    this.record(value === 0n || value === 1n ? 1 : 3, (code) => code.pushLong(long));
  }

  floatConstant(value: number): void {
    const short = Object.is(value, 0) || value === 1 || value === 2;
    const length = short ? 1 : this.ldcLength(this.pool.float(value));
    this.record(length, (code) => code.pushFloat(value));
  }

  doubleConstant(value: number): void {
    this.record(Object.is(value, 0) || value === 1 ? 1 : 3, (code) => code.pushDouble(value));
  }

  stringConstant(value: string): void {
    this.record(this.ldcLength(this.pool.string(value)), (code) => code.pushString(value));
  }

  // References enter the constant pool as they are met, as javac's do, so that constants used early get
  // the low indexes (and the short ldc) they get from javac.
  field(op: OpCode, owner: string, name: string, descriptor: string): void {
    this.pool.fieldRef(owner, name, descriptor);
    this.record(3, (code) => code.field(op, owner, name, descriptor));
  }

  invoke(op: OpCode, owner: string, name: string, descriptor: string, isInterface: boolean): void {
    if (op === Op.invokeinterface || isInterface) this.pool.interfaceMethodRef(owner, name, descriptor);
    else this.pool.methodRef(owner, name, descriptor);
    this.record(op === Op.invokeinterface ? 5 : 3, (code) => code.invoke(op, owner, name, descriptor, isInterface));
  }

  classOp(op: OpCode, className: string): void {
    this.pool.class(className);
    this.record(3, (code) => code.typeInstruction(op, className));
  }

  newarray(typeCode: number): void {
    const descriptor = newarrayDescriptors[typeCode];
    if (descriptor === undefined) throw internalError(`newarray type code ${typeCode}`);
    this.record(2, (code) => code.newArray(descriptor));
  }

  multianewarray(descriptor: string, dimensions: number): void {
    this.pool.class(descriptor);
    this.record(4, (code) => code.multiANewArray(descriptor, dimensions));
  }

  branch(op: OpCode, target: SinkLabel): void {
    const t = asRecorded(target);
    this.record(3, (code) => code.branch(op, t.resolve(code)));
  }

  tableswitch(low: number, high: number, defaultTarget: SinkLabel, targets: readonly SinkLabel[]): void {
    const d = asRecorded(defaultTarget);
    const ts = targets.map(asRecorded);
    const length = 1 + padding(this.position) + 12 + 4 * targets.length;
    this.record(length, (code) =>
      code.tableswitch(
        low,
        high,
        d.resolve(code),
        ts.map((t) => t.resolve(code)),
      ),
    );
  }

  lookupswitch(defaultTarget: SinkLabel, keys: readonly number[], targets: readonly SinkLabel[]): void {
    const d = asRecorded(defaultTarget);
    const ts = targets.map(asRecorded);
    const length = 1 + padding(this.position) + 8 + 8 * keys.length;
    this.record(length, (code) =>
      code.lookupswitch(
        d.resolve(code),
        keys.map((k, i) => [k, (ts[i] as RecordedLabel).resolve(code)] as const),
      ),
    );
  }

  handler(start: SinkLabel, end: SinkLabel, handlerLabel: SinkLabel, catchType: string | undefined): void {
    const [s, e, h] = [start, end, handlerLabel].map(asRecorded) as [RecordedLabel, RecordedLabel, RecordedLabel];
    this.replay.push((code) => code.exceptionHandler(s.resolve(code), e.resolve(code), h.resolve(code), catchType ?? null));
  }

  line(line: number): void {
    // javac's rule: a second entry at the same pc replaces the first.
    if (this.lastLine !== undefined && this.lastLine.pc === this.position) {
      this.replay[this.lastLine.index] = () => undefined;
    }
    this.lastLine = { pc: this.position, index: this.replay.length };
    this.replay.push((code) => code.lineNumber(line));
  }

  localVariable(name: string, descriptor: string, slot: number, start: SinkLabel, end: SinkLabel): void {
    const [s, e] = [start, end].map(asRecorded) as [RecordedLabel, RecordedLabel];
    this.replay.push((code) => code.localVariable(name, descriptor, slot, s.resolve(code), e.resolve(code)));
  }

  /** Emits everything recorded into the builder. */
  finishInto(code: CodeBuilder): void {
    for (const step of this.replay) step(code);
  }

  private record(length: number, step: Replay): void {
    this.position += length;
    this.replay.push(step);
  }

  private ldcLength(index: number): number {
    return index <= 0xff ? 2 : 3;
  }
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

function padding(pc: number): number {
  return (4 - ((pc + 1) % 4)) % 4;
}

function asRecorded(label: SinkLabel): RecordedLabel {
  if (!(label instanceof RecordedLabel)) throw internalError('label from another sink');
  return label;
}

