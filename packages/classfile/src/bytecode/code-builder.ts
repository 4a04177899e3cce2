// The code builder the compiler emits through. Instructions are recorded with symbolic labels; `build()`
// lays them out (widening branches that do not reach), encodes them with the shared encoder, and derives
// max_stack and max_locals from the result.
import Long from 'long';
import type { Attribute, CodeAttribute, ExceptionTableEntry, LineNumberEntry, LocalVariableEntry } from '../model.js';
import { BytecodeError } from './bytecode-error.js';
import type { ConstantPoolBuilder } from './constant-pool-builder.js';
import { fieldDescriptorSlots, parameterSlots, parseMethodDescriptor, type BaseTypeChar } from './descriptors.js';
import { isLongForm, itemLength, layoutCode, type CodeItem, type PendingInstruction, type PositionMark } from './code-layout.js';
import { encodedLength, encodeInstructions } from './instructions.js';
import { Label } from './label.js';
import { computeMaxStack } from './max-stack.js';
import { localsUsedBy } from './max-locals.js';
import { Op, OPCODES, type OpCode, type OpcodeInfo } from './opcodes.js';

/** JVMS 4.7.3: code_length must be less than 65536. */
const MAX_CODE_LENGTH = 0xffff;

/** The JVM's computational kinds of a local variable or stack value. */
export type ValueKind = 'int' | 'long' | 'float' | 'double' | 'reference';

/** The kind a value of a field descriptor's type has on the stack and in locals (boolean..short are int). */
export function valueKindOf(descriptor: string): ValueKind {
  switch (descriptor[0]) {
    case 'Z':
    case 'B':
    case 'C':
    case 'S':
    case 'I':
      return 'int';
    case 'J':
      return 'long';
    case 'F':
      return 'float';
    case 'D':
      return 'double';
    case 'L':
    case '[':
      return 'reference';
    default:
      throw new BytecodeError(`"${descriptor}" is not a field descriptor`);
  }
}

const KIND_ORDER: { readonly [K in ValueKind]: number } = { int: 0, long: 1, float: 2, double: 3, reference: 4 };

/** JVMS table 6.5.newarray-A. */
const NEWARRAY_TYPE: { readonly [C in BaseTypeChar]: number } = { Z: 4, C: 5, F: 6, D: 7, B: 8, S: 9, I: 10, J: 11 };

interface PendingHandler {
  readonly start: Label;
  readonly end: Label;
  readonly handler: Label;
  readonly catchType: number;
}

interface PendingLine {
  /** A label the caller gave, or the position of the instruction emitted next. */
  readonly at: Label | PositionMark;
  readonly line: number;
}

interface PendingLocal {
  readonly name: string;
  readonly descriptor: string;
  readonly slot: number;
  readonly start: Label;
  readonly end: Label;
}

/** The method a CodeBuilder writes code for: its parameters occupy the first locals. */
export interface MethodShape {
  readonly descriptor: string;
  readonly isStatic: boolean;
}

export class CodeBuilder {
  private readonly items: CodeItem[] = [];
  private readonly handlers: PendingHandler[] = [];
  private readonly lines: PendingLine[] = [];
  private readonly locals: PendingLocal[] = [];
  private labelCount = 0;
  /** ldc2_w instructions from wideConstantLater whose constant has not been given yet. */
  private unresolvedConstants = 0;
  private built = false;
  private nextPc = 0;

  constructor(
    readonly pool: ConstantPoolBuilder,
    readonly method: MethodShape,
  ) {
    parseMethodDescriptor(method.descriptor);
  }

  // ---- labels --------------------------------------------------------------------------------------

  newLabel(): Label {
    return new Label(this, this.labelCount++);
  }

  /** Binds the label to the position of the next instruction emitted. */
  place(label: Label): this {
    this.checkLabel(label);
    if (label.placed) throw new BytecodeError(`label ${label.id} is placed twice`);
    this.record({ kind: 'place', label });
    label.markPlaced();
    return this;
  }

  /**
   * Makes the unplaced `label` stand for the position of `target`, which may be placed now or later:
   * instructions and tables that refer to `label` end up at `target`'s pc. A compiler uses it to send
   * jumps already emitted to a label to where another label is (a loop condition's jumps back to the
   * loop start). Returns false, changing nothing, when `target` already stands for `label`.
   */
  alias(label: Label, target: Label): boolean {
    this.checkLabel(label);
    this.checkLabel(target);
    if (label.placed) throw new BytecodeError(`label ${label.id} is already placed; only an unplaced label can be an alias`);
    if (target.leadsTo(label)) return false;
    label.aliasTo(target);
    return true;
  }

  /**
   * The pc the next instruction gets if no branch has to be widened: exact for code under 32 KiB, and
   * what javac's pc-based choices (such as tableswitch against lookupswitch) are made on.
   */
  get provisionalPc(): number {
    return this.nextPc;
  }

  /** A new label placed at the current position. */
  here(): Label {
    const label = this.newLabel();
    this.place(label);
    return label;
  }

  // ---- plain instructions --------------------------------------------------------------------------

  /** An instruction without operands (iadd, dup2_x2, areturn, athrow, arraylength, monitorenter...). */
  emit(opcode: OpCode): this {
    const info = this.info(opcode);
    if (info.format !== 'none') throw new BytecodeError(`${info.name} takes operands; use its own builder method`);
    return this.fixed({ pc: 0, length: 0, kind: 'none', opcode, wide: false });
  }

  /** Pushes an int constant with the shortest form: iconst_m1..iconst_5, bipush, sipush, else ldc/ldc_w. */
  pushInt(value: number): this {
    if (!Number.isInteger(value) || value < -0x80000000 || value > 0x7fffffff) {
      throw new BytecodeError(`${value} is not a Java int`);
    }
    if (value >= -1 && value <= 5) return this.emit((Op.iconst_0 + value) as OpCode);
    if (value >= -0x80 && value <= 0x7f) return this.fixed({ pc: 0, length: 0, kind: 'immediate', opcode: Op.bipush, value, wide: false });
    if (value >= -0x8000 && value <= 0x7fff) return this.fixed({ pc: 0, length: 0, kind: 'immediate', opcode: Op.sipush, value, wide: false });
    return this.ldc(this.pool.integer(value));
  }

  /** Pushes a long constant: lconst_0, lconst_1, else ldc2_w. */
  pushLong(value: Long | number): this {
    if (typeof value === 'number' && !Number.isSafeInteger(value)) {
      throw new BytecodeError(`${value} is not exactly a long; pass a Long`);
    }
    const long = typeof value === 'number' ? Long.fromNumber(value) : value;
    if (long.isZero()) return this.emit(Op.lconst_0);
    if (long.equals(Long.ONE)) return this.emit(Op.lconst_1);
    return this.ldc(this.pool.long(long.toSigned()));
  }

  /** Pushes a float constant (rounded to float): fconst_0 (for +0.0 only), fconst_1, fconst_2, else ldc. */
  pushFloat(value: number): this {
    const f = Math.fround(value);
    if (Object.is(f, 0)) return this.emit(Op.fconst_0);
    if (f === 1) return this.emit(Op.fconst_1);
    if (f === 2) return this.emit(Op.fconst_2);
    return this.ldc(this.pool.float(f));
  }

  /** Pushes a double constant: dconst_0 (for +0.0 only), dconst_1, else ldc2_w. */
  pushDouble(value: number): this {
    if (Object.is(value, 0)) return this.emit(Op.dconst_0);
    if (value === 1) return this.emit(Op.dconst_1);
    return this.ldc(this.pool.double(value));
  }

  /**
   * An ldc2_w whose Long or Double constant-pool entry the caller adds later and names with the returned
   * function, before build(). javac's constant pool has a method's long and double constants after the
   * other entries its code refers to; a compiler that matches javac's pool order needs the instruction
   * in place before the entry exists.
   */
  wideConstantLater(): (index: number) => void {
    const instruction = { pc: 0, length: 0, kind: 'constant' as const, opcode: Op.ldc2_w, index: 0, wide: false };
    this.fixed(instruction);
    this.unresolvedConstants++;
    let resolved = false;
    return (index: number): void => {
      if (resolved) throw new BytecodeError('the constant of this ldc2_w is already given');
      const kind = this.pool.entry(index)?.kind;
      if (kind !== 'Long' && kind !== 'Double') throw new BytecodeError(`ldc2_w of constant-pool index ${index}, which is ${kind ?? 'no entry'}, not Long or Double`);
      resolved = true;
      instruction.index = index;
      this.unresolvedConstants--;
    };
  }

  pushString(value: string): this {
    return this.ldc(this.pool.string(value));
  }

  /** Pushes a java.lang.Class constant for an internal name or array descriptor. */
  pushClass(internalName: string): this {
    return this.ldc(this.pool.class(internalName));
  }

  pushNull(): this {
    return this.emit(Op.aconst_null);
  }

  /** Loads a constant-pool entry: ldc2_w for Long and Double, else ldc when the index fits a byte, else ldc_w. */
  ldc(index: number): this {
    const entry = this.pool.entry(index);
    if (entry === undefined) throw new BytecodeError(`ldc of constant-pool index ${index}, which has no entry`);
    if (entry.kind === 'Long' || entry.kind === 'Double') return this.fixed({ pc: 0, length: 0, kind: 'constant', opcode: Op.ldc2_w, index, wide: false });
    const opcode = index <= 0xff ? Op.ldc : Op.ldc_w;
    return this.fixed({ pc: 0, length: 0, kind: 'constant', opcode, index, wide: false });
  }

  // ---- locals --------------------------------------------------------------------------------------

  /** Loads a local of the given kind: the _0.._3 form, the one-byte index form, or wide. */
  load(kind: ValueKind, slot: number): this {
    return this.local((Op.iload + KIND_ORDER[kind]) as OpCode, slot);
  }

  store(kind: ValueKind, slot: number): this {
    return this.local((Op.istore + KIND_ORDER[kind]) as OpCode, slot);
  }

  /** A local-variable instruction given by its index form (iload..astore, istore..astore, ret). */
  local(opcode: OpCode, slot: number): this {
    const info = this.info(opcode);
    if (info.format !== 'local_u1') throw new BytecodeError(`${info.name} is not a local-variable instruction with an index`);
    checkSlot(slot);
    if (slot <= 3 && opcode !== Op.ret) {
      // iload..aload are 0x15..0x19 and their _n forms start at 0x1a; stores likewise from 0x36 and 0x3b.
      const base = opcode <= Op.aload ? Op.iload_0 + (opcode - Op.iload) * 4 : Op.istore_0 + (opcode - Op.istore) * 4;
      return this.emit((base + slot) as OpCode);
    }
    return this.fixed({ pc: 0, length: 0, kind: 'local', opcode, index: slot, wide: slot > 0xff });
  }

  /** Adds a constant to an int local; wide when the slot or increment does not fit a byte. */
  iinc(slot: number, delta: number): this {
    checkSlot(slot);
    if (!Number.isInteger(delta) || delta < -0x8000 || delta > 0x7fff) {
      throw new BytecodeError(`iinc increment ${delta} does not fit 16 bits; add with iadd instead`);
    }
    const wide = slot > 0xff || delta < -0x80 || delta > 0x7f;
    return this.fixed({ pc: 0, length: 0, kind: 'iinc', opcode: Op.iinc, index: slot, delta, wide });
  }

  /** The return instruction for a value of this kind, or `return` for void. */
  returnValue(kind: ValueKind | 'void'): this {
    return this.emit(kind === 'void' ? Op.return : ((Op.ireturn + KIND_ORDER[kind]) as OpCode));
  }

  // ---- control flow --------------------------------------------------------------------------------

  /**
   * A branch to a label (if*, if_icmp*, if_acmp*, ifnull, ifnonnull, goto, jsr, goto_w, jsr_w). Layout
   * turns goto/jsr into goto_w/jsr_w and a conditional branch into the inverted condition over a goto_w
   * when the target is more than 32 KiB away.
   */
  branch(opcode: OpCode, label: Label): this {
    const info = this.info(opcode);
    if (info.format !== 'branch_s2' && info.format !== 'branch_s4') throw new BytecodeError(`${info.name} is not a branch`);
    this.checkLabel(label);
    return this.record({ kind: 'jump', opcode, label });
  }

  /** A tableswitch over low..high: `labels[i]` is the target for `low + i`. */
  tableswitch(low: number, high: number, defaultLabel: Label, labels: readonly Label[]): this {
    if (!Number.isInteger(low) || !Number.isInteger(high) || low > high || low < -0x80000000 || high > 0x7fffffff) {
      throw new BytecodeError(`tableswitch range ${low}..${high} is not a non-empty int range`);
    }
    if (labels.length !== high - low + 1) {
      throw new BytecodeError(`tableswitch ${low}..${high} needs ${high - low + 1} labels, got ${labels.length}`);
    }
    [defaultLabel, ...labels].forEach((l) => this.checkLabel(l));
    return this.record({ kind: 'tableswitch', low, high, defaultLabel, labels: [...labels] });
  }

  /** A lookupswitch; cases may come in any order (they are sorted) but each match only once. */
  lookupswitch(defaultLabel: Label, cases: readonly (readonly [match: number, label: Label])[]): this {
    const sorted = [...cases].sort((a, b) => a[0] - b[0]);
    sorted.forEach(([match, label], i) => {
      if (!Number.isInteger(match) || match < -0x80000000 || match > 0x7fffffff) throw new BytecodeError(`lookupswitch match ${match} is not an int`);
      if (i > 0 && (sorted[i - 1] as readonly [number, Label])[0] === match) throw new BytecodeError(`lookupswitch has match ${match} twice`);
      this.checkLabel(label);
    });
    this.checkLabel(defaultLabel);
    return this.record({ kind: 'lookupswitch', defaultLabel, matches: sorted.map((c) => c[0]), labels: sorted.map((c) => c[1]) });
  }

  // ---- objects, fields and calls -------------------------------------------------------------------

  /** getstatic, putstatic, getfield or putfield. */
  field(opcode: OpCode, owner: string, name: string, descriptor: string): this {
    const info = this.info(opcode);
    if (info.stack.kind !== 'field') throw new BytecodeError(`${info.name} is not a field instruction`);
    fieldDescriptorSlots(descriptor);
    return this.fixed({ pc: 0, length: 0, kind: 'constant', opcode, index: this.pool.fieldRef(owner, name, descriptor), wide: false });
  }

  /**
   * invokevirtual, invokespecial, invokestatic or invokeinterface. `isInterface` says whether `owner` is
   * an interface (an InterfaceMethodref); invokeinterface always uses one.
   */
  invoke(opcode: OpCode, owner: string, name: string, descriptor: string, isInterface = opcode === Op.invokeinterface): this {
    const info = this.info(opcode);
    if (info.stack.kind !== 'invoke' || opcode === Op.invokedynamic) throw new BytecodeError(`${info.name} is not an invoke instruction with a method reference`);
    const method = parseMethodDescriptor(descriptor);
    if (opcode === Op.invokeinterface) {
      const index = this.pool.interfaceMethodRef(owner, name, descriptor);
      // The historical count operand: argument slots plus the receiver.
      return this.fixed({ pc: 0, length: 0, kind: 'invokeinterface', opcode, index, count: method.argumentSlots + 1, wide: false });
    }
    const index = isInterface ? this.pool.interfaceMethodRef(owner, name, descriptor) : this.pool.methodRef(owner, name, descriptor);
    return this.fixed({ pc: 0, length: 0, kind: 'constant', opcode, index, wide: false });
  }

  /** invokedynamic through entry `bootstrapMethodAttrIndex` of the class's BootstrapMethods attribute. */
  invokeDynamic(bootstrapMethodAttrIndex: number, name: string, descriptor: string): this {
    parseMethodDescriptor(descriptor);
    const index = this.pool.invokeDynamic(bootstrapMethodAttrIndex, name, descriptor);
    return this.fixed({ pc: 0, length: 0, kind: 'invokedynamic', opcode: Op.invokedynamic, index, wide: false });
  }

  /** new, anewarray, checkcast or instanceof with a class (internal name or array descriptor). */
  typeInstruction(opcode: OpCode, className: string): this {
    if (opcode !== Op.new && opcode !== Op.anewarray && opcode !== Op.checkcast && opcode !== Op.instanceof) {
      throw new BytecodeError(`${this.info(opcode).name} does not take a class operand`);
    }
    return this.fixed({ pc: 0, length: 0, kind: 'constant', opcode, index: this.pool.class(className), wide: false });
  }

  /** newarray of a primitive element type given by its descriptor character. */
  newArray(element: BaseTypeChar): this {
    const atype = NEWARRAY_TYPE[element];
    if (atype === undefined) throw new BytecodeError(`newarray of "${String(element)}": not a primitive type`);
    return this.fixed({ pc: 0, length: 0, kind: 'newarray', opcode: Op.newarray, atype, wide: false });
  }

  /** multianewarray: `arrayDescriptor` is the created type ("[[I"), `dimensions` how many counts it pops. */
  multiANewArray(arrayDescriptor: string, dimensions: number): this {
    let depth = 0;
    while (arrayDescriptor[depth] === '[') depth++;
    fieldDescriptorSlots(arrayDescriptor);
    if (!Number.isInteger(dimensions) || dimensions < 1 || dimensions > depth) {
      throw new BytecodeError(`multianewarray of ${arrayDescriptor} with ${dimensions} dimensions (1..${depth} allowed)`);
    }
    return this.fixed({ pc: 0, length: 0, kind: 'multianewarray', opcode: Op.multianewarray, index: this.pool.class(arrayDescriptor), dimensions, wide: false });
  }

  // ---- tables --------------------------------------------------------------------------------------

  /**
   * Protects [start, end) with a handler; `catchType` is a class internal name, or null to catch
   * everything (finally). Empty ranges are dropped at build time, as javac drops them.
   */
  exceptionHandler(start: Label, end: Label, handler: Label, catchType: string | null): this {
    [start, end, handler].forEach((l) => this.checkLabel(l));
    this.handlers.push({ start, end, handler, catchType: catchType === null ? 0 : this.pool.class(catchType) });
    return this;
  }

  /** Source line `line` starts at `label`, or at the current position when no label is given. */
  lineNumber(line: number, label?: Label): this {
    let at: Label | PositionMark;
    if (label === undefined) {
      at = { kind: 'mark', pc: -1 };
      this.record(at);
    } else {
      at = label;
    }
    if (!Number.isInteger(line) || line < 0 || line > 0xffff) throw new BytecodeError(`line number ${line} is not a u2`);
    if (label !== undefined) this.checkLabel(label);
    this.lines.push({ at, line });
    return this;
  }

  /** A LocalVariableTable entry: `name` of type `descriptor` lives in `slot` over [start, end). */
  localVariable(name: string, descriptor: string, slot: number, start: Label, end: Label): this {
    fieldDescriptorSlots(descriptor);
    checkSlot(slot);
    this.checkLabel(start);
    this.checkLabel(end);
    this.locals.push({ name, descriptor, slot, start, end });
    return this;
  }

  // ---- building ------------------------------------------------------------------------------------

  /** Lays out and encodes the code and returns the Code attribute. A builder builds once. */
  build(): CodeAttribute {
    if (this.built) throw new BytecodeError('this code has already been built');
    if (this.unresolvedConstants > 0) throw new BytecodeError(`${this.unresolvedConstants} ldc2_w constants from wideConstantLater were never given`);
    this.built = true;
    const instructions = layoutCode(this.items);
    const last = instructions[instructions.length - 1];
    const codeLength = last === undefined ? 0 : last.pc + last.length;
    if (codeLength === 0) throw new BytecodeError('a method with code needs at least one instruction');
    if (codeLength > MAX_CODE_LENGTH) throw new BytecodeError(`code too large: ${codeLength} bytes, the limit is ${MAX_CODE_LENGTH}`);
    const code = encodeInstructions(instructions);
    const exceptionTable = this.exceptionTable(codeLength);
    const maxStack = computeMaxStack(instructions, exceptionTable, (i) => this.pool.entry(i));
    const localEntries = this.localVariableEntries();
    let maxLocals = Math.max(parameterSlots(this.method.descriptor, this.method.isStatic), localsUsedBy(instructions));
    for (let li = 0; li < this.locals.length; li++) {
      const l = this.locals[li];
      maxLocals = Math.max(maxLocals, l.slot + fieldDescriptorSlots(l.descriptor));
    }
    if (maxLocals > 0xffff) throw new BytecodeError(`${maxLocals} local slots exceed the 65535 max_locals can hold`);
    const attributes: Attribute[] = [];
    if (this.lines.length > 0) {
      attributes.push({ kind: 'LineNumberTable', nameIndex: this.pool.utf8('LineNumberTable'), entries: this.lineEntries(codeLength) });
    }
    if (localEntries.length > 0) {
      attributes.push({ kind: 'LocalVariableTable', nameIndex: this.pool.utf8('LocalVariableTable'), entries: localEntries });
    }
    return { kind: 'Code', nameIndex: this.pool.utf8('Code'), maxStack, maxLocals, code, exceptionTable, attributes };
  }

  private exceptionTable(codeLength: number): ExceptionTableEntry[] {
    const table: ExceptionTableEntry[] = [];
    for (let hi = 0; hi < this.handlers.length; hi++) {
      const h = this.handlers[hi];
      const startPc = this.placedPc(h.start, 'exception range start');
      const endPc = this.placedPc(h.end, 'exception range end');
      const handlerPc = this.placedPc(h.handler, 'exception handler');
      if (startPc > endPc) throw new BytecodeError(`exception range ${startPc}..${endPc} ends before it starts`);
      if (handlerPc >= codeLength) throw new BytecodeError(`exception handler at ${handlerPc} is past the end of the code`);
      if (startPc === endPc) continue;
      table.push({ startPc, endPc, handlerPc, catchType: h.catchType });
    }
    return table;
  }

  private lineEntries(codeLength: number): LineNumberEntry[] {
    const entries: LineNumberEntry[] = [];
    let sorted = true;
    for (let li = 0; li < this.lines.length; li++) {
      const l = this.lines[li];
      const startPc = l.at instanceof Label ? this.placedPc(l.at, 'line number') : l.at.pc;
      // A line placed after the last instruction starts no code, and JVMS 4.7.12 wants a pc inside it.
      if (startPc >= codeLength) continue;
      const previous = entries[entries.length - 1];
      if (previous !== undefined && previous.startPc > startPc) sorted = false;
      entries.push({ startPc, lineNumber: l.line });
    }
    // Stable sort: the order lines were given in decides between entries at the same pc.
    return sorted ? entries : entries.sort((a, b) => a.startPc - b.startPc);
  }

  private localVariableEntries(): LocalVariableEntry[] {
    return this.locals.map((l) => {
      const startPc = this.placedPc(l.start, `local ${l.name} start`);
      const endPc = this.placedPc(l.end, `local ${l.name} end`);
      if (endPc < startPc) throw new BytecodeError(`local ${l.name} ends at ${endPc} before it starts at ${startPc}`);
      return {
        startPc,
        length: endPc - startPc,
        nameIndex: this.pool.utf8(l.name),
        descriptorIndex: this.pool.utf8(l.descriptor),
        index: l.slot,
      };
    });
  }

  private placedPc(label: Label, what: string): number {
    if (!label.resolved) throw new BytecodeError(`${what} label ${label.id} is never placed`);
    return label.pc;
  }

  /** Records an instruction that layout will place (setting its pc) without copying it. */
  private fixed(instruction: PendingInstruction): this {
    if (this.built) throw new BytecodeError('cannot emit into code that has been built');
    // Most of what a compiler emits comes here: its length is known, so record's general case is skipped.
    const length = encodedLength(instruction, 0);
    instruction.length = length;
    this.items.push(instruction);
    this.nextPc += length;
    return this;
  }

  private record(item: CodeItem): this {
    if (this.built) throw new BytecodeError('cannot emit into code that has been built');
    this.items.push(item);
    this.nextPc += itemLength(item, this.nextPc, item.kind === 'jump' && isLongForm(item.opcode));
    return this;
  }

  private info(opcode: OpCode): OpcodeInfo {
    const info = OPCODES[opcode];
    if (info === undefined) throw new BytecodeError(`${opcode} is not an opcode`);
    return info;
  }

  private checkLabel(label: Label): void {
    if (label.owner !== this) throw new BytecodeError(`label ${label.id} belongs to another code builder`);
  }
}

function checkSlot(slot: number): void {
  if (!Number.isInteger(slot) || slot < 0 || slot > 0xffff) throw new BytecodeError(`local slot ${slot} is not 0..65535`);
}
