// The code builder the compiler emits through. Instructions whose length does not depend on their pc are
// encoded as they are emitted, with their stack effects summed per block; branches and switches are
// recorded with symbolic labels. `build()` lays the code out (widening branches that do not reach),
// writes the code array and derives max_stack from the blocks' summaries. (One object per instruction,
// and encoding and analysing every instruction again at the end, were most of the builder's cost.)
import Long from 'long';
import type { Attribute, CodeAttribute, ExceptionTableEntry, LineNumberEntry, LocalVariableEntry } from '../model.js';
import { BytecodeError } from './bytecode-error.js';
import type { ConstantPoolBuilder } from './constant-pool-builder.js';
import { fieldDescriptorSlots, parameterSlots, parseMethodDescriptor, type BaseTypeChar } from './descriptors.js';
import { blockMaxStack, INCONSISTENT } from './block-max-stack.js';
import { encodeNodes, isLongForm, layoutCode, markPc, type CodeNode, type PositionMark } from './code-layout.js';
import { decodeInstructions, switchPadding } from './instructions.js';
import { Label } from './label.js';
import { computeMaxStack } from './max-stack.js';
import { localSlotsEnd } from './max-locals.js';
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

/**
 * What emission needs of the opcode table, per opcode, in flat tables: the slots a fixed stack effect
 * pops (-1 when the effect is not fixed) and pushes, whether control stops after the instruction, and
 * one past the local slot an implicit-index form (iload_2...) touches.
 */
const FIXED_POP = new Int8Array(256).fill(-1);
const FIXED_PUSH = new Int8Array(256);
const ENDS_FLOW = new Uint8Array(256);
const IMPLICIT_LOCALS_END = new Uint8Array(256);
for (let opcode = 0; opcode < OPCODES.length; opcode++) {
  const info = OPCODES[opcode];
  if (info === undefined) continue;
  if (info.stack.kind === 'fixed') {
    FIXED_POP[opcode] = info.stack.pop;
    FIXED_PUSH[opcode] = info.stack.push;
  }
  if (info.flow === 'return' || info.flow === 'throw' || info.flow === 'ret') ENDS_FLOW[opcode] = 1;
  if (info.format === 'none') IMPLICIT_LOCALS_END[opcode] = localSlotsEnd(opcode, 0);
}

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
  /**
   * Instructions whose length does not depend on their pc, encoded as they are emitted; the nodes cut
   * it into blocks around what layout decides (branches, switches, label positions).
   */
  private buffer = new Uint8Array(128);
  private length = 0;
  private readonly nodes: CodeNode[] = [];
  // The stack summary of the block being emitted (see CodeBlock), relative to its entry depth.
  private blockStart = 0;
  private blockDepth = 0;
  private blockNeed = 0;
  private blockRise = 0;
  /** One past the highest local slot an instruction touches. */
  private localsEnd = 0;
  /**
   * The first operand that does not fit its field (reported by build() where the encoder reported it,
   * with the instruction's final pc).
   */
  private badOperand: { readonly mark: PositionMark; readonly what: string; readonly value: number; readonly min: number; readonly max: number } | undefined;
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
    this.record({ kind: 'place', at: this.length, label }, 0);
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
    // The most frequent call: written out with the flat tables instead of the helpers the other
    // instructions use.
    const info = this.info(opcode);
    if (info.format !== 'none') throw new BytecodeError(`${info.name} takes operands; use its own builder method`);
    const pop = FIXED_POP[opcode] as number;
    if (pop < 0) throw new BytecodeError(`${info.name} has no fixed stack effect`);
    this.begin(1);
    this.buffer[this.length++] = opcode;
    const end = IMPLICIT_LOCALS_END[opcode] as number;
    if (end > this.localsEnd) this.localsEnd = end;
    const before = this.blockDepth;
    if (pop - before > this.blockNeed) this.blockNeed = pop - before;
    const after = before - pop + (FIXED_PUSH[opcode] as number);
    this.blockDepth = after;
    if (after > this.blockRise) this.blockRise = after;
    if (ENDS_FLOW[opcode] === 1) this.closeBlock(true);
    return this;
  }

  /** Pushes an int constant with the shortest form: iconst_m1..iconst_5, bipush, sipush, else ldc/ldc_w. */
  pushInt(value: number): this {
    if (!Number.isInteger(value) || value < -0x80000000 || value > 0x7fffffff) {
      throw new BytecodeError(`${value} is not a Java int`);
    }
    if (value >= -1 && value <= 5) return this.emit((Op.iconst_0 + value) as OpCode);
    if (value >= -0x80 && value <= 0x7f) {
      this.begin(2);
      this.put1(Op.bipush);
      this.put1(value);
      return this.effect(0, 1);
    }
    if (value >= -0x8000 && value <= 0x7fff) return this.withU2(Op.sipush, value, 0, 1);
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
    const at = this.length;
    this.withU2(Op.ldc2_w, 0, 0, 2);
    this.unresolvedConstants++;
    let resolved = false;
    return (index: number): void => {
      if (resolved) throw new BytecodeError('the constant of this ldc2_w is already given');
      const kind = this.pool.entry(index)?.kind;
      if (kind !== 'Long' && kind !== 'Double') throw new BytecodeError(`ldc2_w of constant-pool index ${index}, which is ${kind ?? 'no entry'}, not Long or Double`);
      resolved = true;
      this.buffer[at + 1] = index >> 8;
      this.buffer[at + 2] = index;
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
    if (entry.kind === 'Long' || entry.kind === 'Double') return this.withU2(Op.ldc2_w, index, 0, 2);
    if (index > 0xff) return this.withU2(Op.ldc_w, index, 0, 1);
    this.begin(2);
    this.put1(Op.ldc);
    this.put1(index);
    return this.effect(0, 1);
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
    if (slot > 0xff) {
      this.begin(4);
      this.put1(Op.wide);
      this.put1(opcode);
      this.put2(slot);
    } else {
      this.begin(2);
      this.put1(opcode);
      this.put1(slot);
    }
    const end = localSlotsEnd(opcode, slot);
    if (end > this.localsEnd) this.localsEnd = end;
    return this.fixedEffect(info);
  }

  /** Adds a constant to an int local; wide when the slot or increment does not fit a byte. */
  iinc(slot: number, delta: number): this {
    checkSlot(slot);
    if (!Number.isInteger(delta) || delta < -0x8000 || delta > 0x7fff) {
      throw new BytecodeError(`iinc increment ${delta} does not fit 16 bits; add with iadd instead`);
    }
    if (slot > 0xff || delta < -0x80 || delta > 0x7f) {
      this.begin(6);
      this.put1(Op.wide);
      this.put1(Op.iinc);
      this.put2(slot);
      this.put2(delta);
    } else {
      this.begin(3);
      this.put1(Op.iinc);
      this.put1(slot);
      this.put1(delta);
    }
    if (slot + 1 > this.localsEnd) this.localsEnd = slot + 1;
    return this;
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
    return this.record({ kind: 'jump', at: this.length, opcode, label }, isLongForm(opcode) ? 5 : 3);
  }

  /** A tableswitch over low..high: `labels[i]` is the target for `low + i`. */
  tableswitch(low: number, high: number, defaultLabel: Label, labels: readonly Label[]): this {
    if (!Number.isInteger(low) || !Number.isInteger(high) || low > high || low < -0x80000000 || high > 0x7fffffff) {
      throw new BytecodeError(`tableswitch range ${low}..${high} is not a non-empty int range`);
    }
    if (labels.length !== high - low + 1) {
      throw new BytecodeError(`tableswitch ${low}..${high} needs ${high - low + 1} labels, got ${labels.length}`);
    }
    this.checkLabel(defaultLabel);
    for (let i = 0; i < labels.length; i++) this.checkLabel(labels[i] as Label);
    const length = 1 + switchPadding(this.nextPc) + 12 + 4 * labels.length;
    return this.record({ kind: 'tableswitch', at: this.length, low, high, defaultLabel, labels: labels.slice() }, length);
  }

  /** A lookupswitch; cases may come in any order (they are sorted) but each match only once. */
  lookupswitch(defaultLabel: Label, cases: readonly (readonly [match: number, label: Label])[]): this {
    const sorted = [...cases].sort((a, b) => a[0] - b[0]);
    const matches: number[] = [];
    const labels: Label[] = [];
    for (let i = 0; i < sorted.length; i++) {
      const [match, label] = sorted[i] as readonly [number, Label];
      if (!Number.isInteger(match) || match < -0x80000000 || match > 0x7fffffff) throw new BytecodeError(`lookupswitch match ${match} is not an int`);
      if (i > 0 && matches[i - 1] === match) throw new BytecodeError(`lookupswitch has match ${match} twice`);
      this.checkLabel(label);
      matches.push(match);
      labels.push(label);
    }
    this.checkLabel(defaultLabel);
    const length = 1 + switchPadding(this.nextPc) + 8 + 8 * labels.length;
    return this.record({ kind: 'lookupswitch', at: this.length, defaultLabel, matches, labels }, length);
  }

  // ---- objects, fields and calls -------------------------------------------------------------------

  /** getstatic, putstatic, getfield or putfield. */
  field(opcode: OpCode, owner: string, name: string, descriptor: string): this {
    const info = this.info(opcode);
    const stack = info.stack;
    if (stack.kind !== 'field') throw new BytecodeError(`${info.name} is not a field instruction`);
    const size = fieldDescriptorSlots(descriptor);
    const receiver = stack.isStatic ? 0 : 1;
    const index = this.pool.fieldRef(owner, name, descriptor);
    return stack.isPut ? this.withU2(opcode, index, receiver + size, 0) : this.withU2(opcode, index, receiver, size);
  }

  /**
   * invokevirtual, invokespecial, invokestatic or invokeinterface. `isInterface` says whether `owner` is
   * an interface (an InterfaceMethodref); invokeinterface always uses one.
   */
  invoke(opcode: OpCode, owner: string, name: string, descriptor: string, isInterface = opcode === Op.invokeinterface): this {
    const info = this.info(opcode);
    const stack = info.stack;
    if (stack.kind !== 'invoke' || opcode === Op.invokedynamic) throw new BytecodeError(`${info.name} is not an invoke instruction with a method reference`);
    const method = parseMethodDescriptor(descriptor);
    const pop = method.argumentSlots + (stack.hasReceiver ? 1 : 0);
    if (opcode === Op.invokeinterface) {
      const index = this.pool.interfaceMethodRef(owner, name, descriptor);
      // The historical count operand: argument slots plus the receiver.
      const count = method.argumentSlots + 1;
      if (count > 0xff) this.operandDoesNotFit('invokeinterface count', count, 1, 0xff);
      this.begin(5);
      this.put1(opcode);
      this.put2(index);
      this.put1(count);
      this.put1(0);
      return this.effect(pop, method.returnSlots);
    }
    const index = isInterface ? this.pool.interfaceMethodRef(owner, name, descriptor) : this.pool.methodRef(owner, name, descriptor);
    return this.withU2(opcode, index, pop, method.returnSlots);
  }

  /** invokedynamic through entry `bootstrapMethodAttrIndex` of the class's BootstrapMethods attribute. */
  invokeDynamic(bootstrapMethodAttrIndex: number, name: string, descriptor: string): this {
    const method = parseMethodDescriptor(descriptor);
    const index = this.pool.invokeDynamic(bootstrapMethodAttrIndex, name, descriptor);
    this.begin(5);
    this.put1(Op.invokedynamic);
    this.put2(index);
    this.put2(0);
    return this.effect(method.argumentSlots, method.returnSlots);
  }

  /** new, anewarray, checkcast or instanceof with a class (internal name or array descriptor). */
  typeInstruction(opcode: OpCode, className: string): this {
    if (opcode !== Op.new && opcode !== Op.anewarray && opcode !== Op.checkcast && opcode !== Op.instanceof) {
      throw new BytecodeError(`${this.info(opcode).name} does not take a class operand`);
    }
    const index = this.pool.class(className);
    this.begin(3);
    this.put1(opcode);
    this.put2(index);
    return this.fixedEffect(this.info(opcode));
  }

  /** newarray of a primitive element type given by its descriptor character. */
  newArray(element: BaseTypeChar): this {
    const atype = NEWARRAY_TYPE[element];
    if (atype === undefined) throw new BytecodeError(`newarray of "${String(element)}": not a primitive type`);
    this.begin(2);
    this.put1(Op.newarray);
    this.put1(atype);
    return this.effect(1, 1);
  }

  /** multianewarray: `arrayDescriptor` is the created type ("[[I"), `dimensions` how many counts it pops. */
  multiANewArray(arrayDescriptor: string, dimensions: number): this {
    let depth = 0;
    while (arrayDescriptor[depth] === '[') depth++;
    fieldDescriptorSlots(arrayDescriptor);
    if (!Number.isInteger(dimensions) || dimensions < 1 || dimensions > depth) {
      throw new BytecodeError(`multianewarray of ${arrayDescriptor} with ${dimensions} dimensions (1..${depth} allowed)`);
    }
    const index = this.pool.class(arrayDescriptor);
    if (dimensions > 0xff) this.operandDoesNotFit('multianewarray dimensions', dimensions, 1, 0xff);
    this.begin(4);
    this.put1(Op.multianewarray);
    this.put2(index);
    this.put1(dimensions);
    return this.effect(dimensions, 1);
  }

  // ---- tables --------------------------------------------------------------------------------------

  /**
   * Protects [start, end) with a handler; `catchType` is a class internal name, or null to catch
   * everything (finally). Empty ranges are dropped at build time, as javac drops them.
   */
  exceptionHandler(start: Label, end: Label, handler: Label, catchType: string | null): this {
    this.checkLabel(start);
    this.checkLabel(end);
    this.checkLabel(handler);
    this.handlers.push({ start, end, handler, catchType: catchType === null ? 0 : this.pool.class(catchType) });
    return this;
  }

  /** Source line `line` starts at `label`, or at the current position when no label is given. */
  lineNumber(line: number, label?: Label): this {
    let at: Label | PositionMark;
    if (label === undefined) {
      if (this.built) throw new BytecodeError('cannot emit into code that has been built');
      at = this.mark();
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
    this.closeBlock(false);
    const nodes = this.nodes;
    const { pcs, isLong } = layoutCode(nodes);
    const codeLength = pcs[nodes.length] as number;
    if (codeLength === 0) throw new BytecodeError('a method with code needs at least one instruction');
    if (codeLength > MAX_CODE_LENGTH) throw new BytecodeError(`code too large: ${codeLength} bytes, the limit is ${MAX_CODE_LENGTH}`);
    const bad = this.badOperand;
    if (bad !== undefined) {
      const pc = markPc(bad.mark, nodes, pcs, this.length);
      throw new BytecodeError(`${bad.what} ${bad.value} at pc ${pc} is outside ${bad.min}..${bad.max}`);
    }
    const code = encodeNodes(nodes, pcs, isLong, this.buffer);
    const exceptionTable = this.exceptionTable(codeLength);
    let maxStack = blockMaxStack(nodes, pcs, exceptionTable);
    // Inconsistent code: the instruction-by-instruction analysis says where.
    if (maxStack === INCONSISTENT) maxStack = computeMaxStack(decodeInstructions(code), exceptionTable, (i) => this.pool.entry(i));
    const localEntries = this.localVariableEntries();
    let maxLocals = Math.max(parameterSlots(this.method.descriptor, this.method.isStatic), this.localsEnd);
    for (let li = 0; li < this.locals.length; li++) {
      const l = this.locals[li] as PendingLocal;
      maxLocals = Math.max(maxLocals, l.slot + fieldDescriptorSlots(l.descriptor));
    }
    if (maxLocals > 0xffff) throw new BytecodeError(`${maxLocals} local slots exceed the 65535 max_locals can hold`);
    const attributes: Attribute[] = [];
    if (this.lines.length > 0) {
      attributes.push({ kind: 'LineNumberTable', nameIndex: this.pool.utf8('LineNumberTable'), entries: this.lineEntries(codeLength, pcs) });
    }
    if (localEntries.length > 0) {
      attributes.push({ kind: 'LocalVariableTable', nameIndex: this.pool.utf8('LocalVariableTable'), entries: localEntries });
    }
    return { kind: 'Code', nameIndex: this.pool.utf8('Code'), maxStack, maxLocals, code, exceptionTable, attributes };
  }

  private exceptionTable(codeLength: number): ExceptionTableEntry[] {
    const table: ExceptionTableEntry[] = [];
    for (let hi = 0; hi < this.handlers.length; hi++) {
      const h = this.handlers[hi] as PendingHandler;
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

  private lineEntries(codeLength: number, pcs: Int32Array): LineNumberEntry[] {
    const entries: LineNumberEntry[] = [];
    let sorted = true;
    for (let li = 0; li < this.lines.length; li++) {
      const l = this.lines[li] as PendingLine;
      const at = l.at;
      const startPc = at instanceof Label ? this.placedPc(at, 'line number') : markPc(at, this.nodes, pcs, this.length);
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
    const entries: LocalVariableEntry[] = [];
    for (let li = 0; li < this.locals.length; li++) {
      const l = this.locals[li] as PendingLocal;
      // The messages are built only for a label that is not placed (a string per local was a visible cost).
      if (!l.start.resolved) this.placedPc(l.start, `local ${l.name} start`);
      if (!l.end.resolved) this.placedPc(l.end, `local ${l.name} end`);
      const startPc = l.start.pc;
      const endPc = l.end.pc;
      if (endPc < startPc) throw new BytecodeError(`local ${l.name} ends at ${endPc} before it starts at ${startPc}`);
      entries.push({
        startPc,
        length: endPc - startPc,
        nameIndex: this.pool.utf8(l.name),
        descriptorIndex: this.pool.utf8(l.descriptor),
        index: l.slot,
      });
    }
    return entries;
  }

  private placedPc(label: Label, what: string): number {
    if (!label.resolved) throw new BytecodeError(`${what} label ${label.id} is never placed`);
    return label.pc;
  }

  // ---- emission ------------------------------------------------------------------------------------

  /** Makes room for an instruction of `length` bytes, whose length does not depend on its pc. */
  private begin(length: number): void {
    if (this.built) throw new BytecodeError('cannot emit into code that has been built');
    if (this.length + length > this.buffer.length) this.grow(this.length + length);
    this.nextPc += length;
  }

  private grow(needed: number): void {
    const grown = new Uint8Array(Math.max(this.buffer.length * 2, needed));
    grown.set(this.buffer.subarray(0, this.length));
    this.buffer = grown;
  }

  private put1(v: number): void {
    this.buffer[this.length++] = v;
  }

  private put2(v: number): void {
    this.buffer[this.length++] = v >> 8;
    this.buffer[this.length++] = v;
  }

  /** An opcode with a u2 operand (a constant-pool index, or sipush's immediate) and its stack effect. */
  private withU2(opcode: OpCode, operand: number, pop: number, push: number): this {
    this.begin(3);
    this.put1(opcode);
    this.put2(operand);
    return this.effect(pop, push);
  }

  /** Adds the opcode table's stack effect to the block's summary; a return, athrow or ret ends the block. */
  private fixedEffect(info: OpcodeInfo): this {
    const opcode = info.code;
    const pop = FIXED_POP[opcode] as number;
    if (pop < 0) throw new BytecodeError(`${info.name} has no fixed stack effect`);
    this.effect(pop, FIXED_PUSH[opcode] as number);
    if (ENDS_FLOW[opcode] === 1) this.closeBlock(true);
    return this;
  }

  private effect(pop: number, push: number): this {
    const before = this.blockDepth;
    if (pop - before > this.blockNeed) this.blockNeed = pop - before;
    const after = before - pop + push;
    this.blockDepth = after;
    if (after > this.blockRise) this.blockRise = after;
    return this;
  }

  /** Ends the block being emitted (if it has any instruction): a node is coming, or control stops. */
  private closeBlock(ends: boolean): void {
    if (this.length === this.blockStart) return;
    this.nodes.push({ kind: 'block', at: this.blockStart, end: this.length, need: this.blockNeed, net: this.blockDepth, rise: this.blockRise, ends });
    this.blockStart = this.length;
    this.blockDepth = 0;
    this.blockNeed = 0;
    this.blockRise = 0;
  }

  /** Records a node whose encoding layout decides; `length` is its provisional length at nextPc. */
  private record(node: CodeNode, length: number): this {
    if (this.built) throw new BytecodeError('cannot emit into code that has been built');
    this.closeBlock(false);
    this.nodes.push(node);
    this.nextPc += length;
    return this;
  }

  /** The current position, for a line number. */
  private mark(): PositionMark {
    // The block being emitted, if any, becomes node nodes.length when it closes.
    return { kind: 'mark', at: this.length, node: this.nodes.length };
  }

  private operandDoesNotFit(what: string, value: number, min: number, max: number): void {
    if (this.badOperand === undefined) this.badOperand = { mark: this.mark(), what, value, min, max };
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
