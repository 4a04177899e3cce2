// The static pass over one method's code, before any data flow (what check_code.c's
// verify_opcode_operands does): decode every instruction with the shared decoder, check what can be
// checked without types (branch targets on instruction boundaries, local indexes against max_locals,
// constant-pool entries of the right kind, the exception table), and resolve each instruction's
// constant-pool operand once into the form the data flow needs.
import {
  ClassFormatError,
  InstructionCursor,
  OPCODES,
  Op,
  switchPadding,
  cpClassName,
  cpNameAndType,
  parseFieldDescriptor,
  parseMethodDescriptor,
  type CodeAttribute,
  type ConstantPoolEntries,
  type CpEntry,
  type CpKind,
} from '@oakvm/classfile';
import { TypePool, type VType } from './verification-type.js';

/** A field reference's class, name and the types its value takes (one or two slots). */
export interface FieldOperand {
  readonly kind: 'field';
  readonly className: string;
  readonly name: string;
  readonly descriptor: string;
  readonly value: readonly VType[];
}

/** A method reference (or invokedynamic's name and type): parameter types in order, and the result. */
export interface MethodOperand {
  readonly kind: 'method';
  /** "" for invokedynamic, which has no class. */
  readonly className: string;
  readonly name: string;
  readonly descriptor: string;
  readonly isInterfaceRef: boolean;
  readonly parameters: readonly (readonly VType[])[];
  readonly result: readonly VType[];
}

/** A class operand of new, anewarray, checkcast, instanceof or multianewarray (name or array descriptor). */
export interface ClassOperand {
  readonly kind: 'class';
  readonly name: string;
}

/** What ldc and ldc2_w push. */
export interface ConstantOperand {
  readonly kind: 'constant';
  readonly value: readonly VType[];
}

export type ResolvedOperand = FieldOperand | MethodOperand | ClassOperand | ConstantOperand;

export interface Handler {
  readonly startPc: number;
  readonly endPc: number;
  readonly handlerPc: number;
  /** Instruction index of the handler. */
  readonly handlerIndex: number;
  /** Internal name of the caught class; java/lang/Throwable for catch-all entries. */
  readonly catchType: string;
}

/** A switch's targets (absolute pcs). */
export interface SwitchTargets {
  readonly defaultTarget: number;
  readonly targets: readonly number[];
}

/**
 * The decoded instructions as parallel arrays indexed by instruction number: read straight from the
 * shared decoder's cursor, which allocates nothing per instruction (an object per instruction costs
 * more than the whole verification of a long method).
 */
export interface CodeTable {
  readonly count: number;
  /** Offset of each instruction; `pcs[count]` is the code length. */
  readonly pcs: Int32Array;
  /** The opcode (for a `wide` instruction, the opcode it modifies). */
  readonly opcodes: Uint8Array;
  /** Local-variable index (loads, stores, iinc) or constant-pool index, else 0. */
  readonly indexes: Int32Array;
  /** newarray's type code, multianewarray's dimensions, invokeinterface's count, else 0. */
  readonly values: Int32Array;
  /** Branch target pc of if*, goto and goto_w, else -1. */
  readonly targets: Int32Array;
  /** The targets of each switch instruction, by instruction number. */
  readonly switches: ReadonlyMap<number, SwitchTargets>;
}

export interface DecodedMethod {
  readonly code: CodeTable;
  /** The instruction index starting at each pc, or -1 inside or past an instruction (length codeLength + 1). */
  readonly indexAt: Int32Array;
  /** The resolved constant-pool operand of each instruction that has one. */
  readonly operands: readonly (ResolvedOperand | undefined)[];
  readonly handlers: readonly Handler[];
}

/** Raised by the static pass with the offending pc; the caller turns it into a VerifyError. */
export class StaticCheckFailure extends Error {
  override readonly name = 'StaticCheckFailure';
  constructor(
    readonly pc: number | undefined,
    readonly reason: string,
    /** HotSpot reports this one as a ClassFormatError. */
    readonly formatError = false,
  ) {
    super(reason);
  }
}

const fail = (pc: number | undefined, reason: string): never => {
  throw new StaticCheckFailure(pc, reason);
};

const formatError = (reason: string): never => {
  throw new StaticCheckFailure(undefined, reason, true);
};

/** JVMS 4.3.2: at most 255 array dimensions. */
const MAX_DIMENSIONS = 255;

/**
 * Two passes, in HotSpot's order: first the instruction boundaries (so a truncated or undefined
 * instruction anywhere is reported before any operand), then, instruction by instruction, decoding,
 * operand checks and constant-pool resolution.
 */
/** Checks of the static pass that need more than the class file (the class hierarchy). */
export interface StaticHierarchyChecks {
  /** Whether an invokespecial of an ordinary method may name this method's class. */
  nonvirtualTargetAllowed(method: MethodOperand): boolean;
}

export function decodeMethod(
  code: CodeAttribute,
  pool: ConstantPoolEntries,
  types: TypePool,
  majorVersion: number,
  hierarchyChecks: StaticHierarchyChecks,
): DecodedMethod {
  const bytes = code.code;
  if (bytes.length === 0) fail(undefined, 'Empty code');
  const { indexAt, count } = instructionBoundaries(bytes);
  const table = emptyTable(count, bytes.length);
  const resolver = new OperandResolver(pool, types, majorVersion);
  const operands = new Array<ResolvedOperand | undefined>(count);
  const cursor = new InstructionCursor(bytes);
  for (let i = 0; i < count; i++) {
    const pc = cursorNextPc(cursor);
    if (bytes[pc] === Op.invokedynamic && majorVersion < 51) fail(pc, 'invokedynamic bytecode is not supported in this class file version');
    // HotSpot checks the constant of these before the other operands the decoder checks (counts, zero bytes).
    const early = EARLY_CONSTANT_KINDS.get(bytes[pc] as number);
    if (early !== undefined) resolver.checkEntry(((bytes[pc + 1] as number) << 8) | (bytes[pc + 2] as number), early, pc);
    if (bytes[pc] === Op.invokeinterface) resolver.checkInterfaceCount(((bytes[pc + 1] as number) << 8) | (bytes[pc + 2] as number), bytes[pc + 3] as number, pc);
    if (bytes[pc] === Op.tableswitch || bytes[pc] === Op.lookupswitch) checkSwitch(bytes, pc, indexAt, majorVersion);
    decodeNext(cursor, table, i);
    checkInstruction(table, i, indexAt, code.maxLocals);
    const operand = resolver.resolve(table, i);
    if (table.opcodes[i] === Op.invokespecial && operand?.kind === 'method' && !hierarchyChecks.nonvirtualTargetAllowed(operand)) {
      fail(pc, 'Illegal use of nonvirtual function call');
    }
    operands[i] = operand;
  }
  const handlers = code.exceptionTable.map((h) => {
    const endOk = h.endPc === bytes.length || (h.endPc < bytes.length && (indexAt[h.endPc] as number) >= 0);
    if (h.startPc >= h.endPc || (indexAt[h.startPc] ?? -1) < 0 || !endOk) formatError('Illegal exception table range');
    const handlerIndex = h.handlerPc < bytes.length ? (indexAt[h.handlerPc] as number) : -1;
    if (handlerIndex < 0) formatError('Illegal exception table handler');
    const catchType = h.catchType === 0 ? 'java/lang/Throwable' : resolver.className(h.catchType, undefined);
    return { startPc: h.startPc, endPc: h.endPc, handlerPc: h.handlerPc, handlerIndex, catchType };
  });
  return { code: table, indexAt, operands, handlers };
}

/**
 * Instruction starts, by the lengths HotSpot's verifier computes (check_code.c's instruction_length):
 * a switch whose header runs past the end or whose size is absurd, and `wide` of an opcode it cannot
 * modify, are illegal instructions; an instruction longer than the rest of the code is truncated.
 */
function instructionBoundaries(bytes: Uint8Array): { indexAt: Int32Array; count: number } {
  const indexAt = new Int32Array(bytes.length + 1).fill(-1);
  let count = 0;
  for (let pc = 0; pc < bytes.length; ) {
    const length = instructionLength(bytes, pc);
    if (length <= 0) fail(pc, `Illegal instruction found at offset ${pc}`);
    if (pc + length > bytes.length) fail(pc, `Code stops in the middle of instruction  starting at offset ${pc}`);
    indexAt[pc] = count++;
    pc += length;
  }
  return { indexAt, count };
}

/** The length of the instruction at `pc`, or -1 when it is not a legal instruction. */
function instructionLength(bytes: Uint8Array, pc: number): number {
  const info = OPCODES[bytes[pc] as number];
  if (info === undefined) return -1;
  // HotSpot only checks that a switch's size field starts inside the code; bytes past the end read as 0.
  const byte = (p: number): number => bytes[p] ?? 0;
  const s4 = (p: number): number => (byte(p) << 24) | (byte(p + 1) << 16) | (byte(p + 2) << 8) | byte(p + 3);
  const aligned = pc + 1 + switchPadding(pc);
  switch (info.format) {
    case 'tableswitch': {
      if (aligned + 8 >= bytes.length) return -1;
      const entries = s4(aligned + 8) - s4(aligned + 4);
      return entries < 0 || entries > 65535 ? -1 : aligned + 4 * (entries + 4) - pc;
    }
    case 'lookupswitch': {
      if (aligned + 4 >= bytes.length) return -1;
      const pairs = s4(aligned + 4);
      return pairs < 0 || pairs >= 65536 ? -1 : aligned + 8 * (pairs + 1) - pc;
    }
    case 'wide': {
      if (pc + 1 >= bytes.length) return -1;
      const modified = OPCODES[bytes[pc + 1] as number];
      if (modified?.widenable !== true) return -1;
      return modified.format === 'iinc' ? 6 : 4;
    }
    default:
      return info.length === 'variable' ? -1 : info.length;
  }
}

function emptyTable(count: number, codeLength: number): CodeTable & { pcs: Int32Array; switches: Map<number, SwitchTargets> } {
  const pcs = new Int32Array(count + 1);
  pcs[count] = codeLength;
  return {
    count,
    pcs,
    opcodes: new Uint8Array(count),
    indexes: new Int32Array(count),
    values: new Int32Array(count),
    targets: new Int32Array(count).fill(-1),
    switches: new Map<number, SwitchTargets>(),
  };
}

/** Decodes instruction `i` with the shared cursor, turning its ClassFormatErrors into HotSpot's verifier messages. */
function decodeNext(cursor: InstructionCursor, table: ReturnType<typeof emptyTable>, i: number): void {
  const pc = cursorNextPc(cursor);
  try {
    cursor.next();
  } catch (e) {
    if (!(e instanceof ClassFormatError)) throw e;
    fail(pc, reasonForDecodeError(e, pc));
  }
  table.pcs[i] = cursor.pc;
  table.opcodes[i] = cursor.opcode;
  switch (cursor.info.format) {
    case 'local_u1':
    case 'cp_u1':
    case 'cp_u2':
    case 'invokedynamic':
      table.indexes[i] = cursor.index;
      return;
    case 'iinc':
    case 'invokeinterface':
    case 'multianewarray':
      table.indexes[i] = cursor.index;
      table.values[i] = cursor.value;
      return;
    case 'newarray':
      table.values[i] = cursor.value;
      return;
    case 'branch_s2':
    case 'branch_s4':
      table.targets[i] = cursor.target;
      return;
    case 'tableswitch':
    case 'lookupswitch':
      table.switches.set(i, { defaultTarget: cursor.defaultTarget, targets: cursor.targets });
      return;
    case 'none':
    case 's1':
    case 's2':
    case 'wide':
      return;
  }
}

/** Where the cursor's next instruction starts (its current one's end; 0 before the first). */
function cursorNextPc(cursor: InstructionCursor): number {
  return cursor.length === 0 ? 0 : cursor.pc + cursor.length;
}

/**
 * A switch's targets, read from the bytes and checked in HotSpot's order (padding, lookupswitch keys
 * sorted, then the default, then the cases) before the decoder, which would stop at the first target outside the code.
 * The boundary pass has made sure the whole switch lies inside the code.
 */
function checkSwitch(bytes: Uint8Array, pc: number, indexAt: Int32Array, majorVersion: number): void {
  const s4 = (p: number): number => ((bytes[p] as number) << 24) | ((bytes[p + 1] as number) << 16) | ((bytes[p + 2] as number) << 8) | (bytes[p + 3] as number);
  const isTarget = (offset: number): boolean => pc + offset >= 0 && pc + offset < bytes.length && (indexAt[pc + offset] as number) >= 0;
  const aligned = pc + 1 + switchPadding(pc);
  // Before version 51 the padding must be zeros.
  if (majorVersion < 51) for (let p = pc + 1; p < aligned; p++) if (bytes[p] !== 0) fail(pc, 'Non zero padding bytes in switch');
  const cases: number[] = [];
  if (bytes[pc] === Op.tableswitch) {
    const count = s4(aligned + 8) - s4(aligned + 4) + 1;
    for (let k = 0; k < count; k++) cases.push(s4(aligned + 12 + 4 * k));
  } else {
    const pairs = s4(aligned + 4);
    for (let k = 0; k < pairs; k++) {
      if (k > 0 && s4(aligned + 8 + 8 * k) <= s4(aligned + 8 * k)) fail(pc, 'Unsorted lookup switch');
      cases.push(s4(aligned + 12 + 8 * k));
    }
  }
  if (!isTarget(s4(aligned))) fail(pc, 'Illegal default target in switch');
  for (const offset of cases) if (!isTarget(offset)) fail(pc, 'Illegal branch in tableswitch');
}

/** The decoder words its errors for class files; the verifier reports them as HotSpot's verifier does. */
function reasonForDecodeError(e: ClassFormatError, pc: number): string {
  if (e.detail.includes('outside the code')) return 'Illegal target of jump or branch';
  if (e.detail.includes('truncated')) return `Code stops in the middle of instruction  starting at offset ${pc}`;
  if (e.detail.includes('newarray with bad array type')) return 'Bad type passed to newarray';
  if (e.detail.includes('invokeinterface with a zero count')) return 'Inconsistent args_size for invokeinterface';
  if (e.detail.includes('invokeinterface whose fourth operand')) return 'Fourth operand byte of invokeinterface must be zero';
  if (e.detail.includes('multianewarray with zero dimensions')) return 'Illegal dimension argument';
  return e.detail.replace(/^bad code at pc \d+: /, '');
}

function checkInstruction(table: CodeTable, i: number, indexAt: Int32Array, maxLocals: number): void {
  const isTarget = (target: number): boolean => target < indexAt.length - 1 && (indexAt[target] as number) >= 0;
  const opcode = table.opcodes[i] as number;
  const pc = table.pcs[i] as number;
  const format = OPCODES[opcode]?.format;
  switch (format) {
    case 'branch_s2':
    case 'branch_s4':
      if (!isTarget(table.targets[i] as number)) fail(pc, 'Illegal target of jump or branch');
      return;
    case 'local_u1':
      if ((table.indexes[i] as number) + (LOCAL_WIDTH[opcode] as number) > maxLocals) fail(pc, 'Illegal local variable number');
      return;
    case 'iinc':
      if ((table.indexes[i] as number) >= maxLocals) fail(pc, 'Illegal local variable number');
      return;
    case 'none':
      if (implicitLocal(opcode) + (LOCAL_WIDTH[opcode] as number) > maxLocals) fail(pc, 'Illegal local variable number');
      return;
    default:
      return;
  }
}

/** Slots each opcode's local variable takes: 2 for long and double loads and stores, 1 for the others, 0 for non-local instructions. */
const LOCAL_WIDTH: Uint8Array = (() => {
  const width = new Uint8Array(256);
  for (const info of OPCODES) {
    if (info === undefined || !/^[ilfda](load|store)(_\d)?$/.test(info.name)) continue;
    width[info.code] = info.name[0] === 'l' || info.name[0] === 'd' ? 2 : 1;
  }
  return width;
})();

/** The local index of the _0.._3 forms (iload_2 is 2), else 0. */
function implicitLocal(opcode: number): number {
  if (opcode >= Op.iload_0 && opcode <= Op.aload_3) return (opcode - Op.iload_0) % 4;
  if (opcode >= Op.istore_0 && opcode <= Op.astore_3) return (opcode - Op.istore_0) % 4;
  return 0;
}

const FIELD_REFS: readonly CpKind[] = ['Fieldref'];
const METHOD_REFS: readonly CpKind[] = ['Methodref'];
const ANY_METHOD_REFS: readonly CpKind[] = ['Methodref', 'InterfaceMethodref'];
const INTERFACE_METHOD_REFS: readonly CpKind[] = ['InterfaceMethodref'];

const EARLY_CONSTANT_KINDS: ReadonlyMap<number, readonly CpKind[]> = new Map<number, readonly CpKind[]>([
  [Op.invokeinterface, INTERFACE_METHOD_REFS],
  [Op.invokedynamic, ['InvokeDynamic']],
  [Op.multianewarray, ['Class']],
]);

class OperandResolver {
  private readonly fields = new Map<number, FieldOperand>();
  private readonly methods = new Map<number, MethodOperand>();

  constructor(
    private readonly pool: ConstantPoolEntries,
    private readonly types: TypePool,
    private readonly majorVersion: number,
  ) {}

  resolve(table: CodeTable, i: number): ResolvedOperand | undefined {
    const opcode = table.opcodes[i] as number;
    const pc = table.pcs[i] as number;
    const index = table.indexes[i] as number;
    switch (opcode) {
      case Op.ldc:
      case Op.ldc_w:
        return this.constant(pc, index, false);
      case Op.ldc2_w:
        return this.constant(pc, index, true);
      case Op.getstatic:
      case Op.putstatic:
      case Op.getfield:
      case Op.putfield:
        return this.field(pc, index);
      case Op.invokevirtual:
        return this.method(pc, index, METHOD_REFS, opcode);
      case Op.invokespecial:
      case Op.invokestatic:
        // Java 8 (version 52) allows both to name interface methods (default and static ones).
        return this.method(pc, index, this.majorVersion >= 52 ? ANY_METHOD_REFS : METHOD_REFS, opcode);
      case Op.invokeinterface: {
        const m = this.method(pc, index, INTERFACE_METHOD_REFS, opcode);
        const slots = 1 + parseMethodDescriptor(m.descriptor).argumentSlots;
        if (table.values[i] !== slots) fail(pc, 'Inconsistent args_size for invokeinterface');
        return m;
      }
      case Op.invokedynamic:
        return this.dynamic(pc, index);
      case Op.new: {
        const name = this.className(index, pc);
        if (name.charCodeAt(0) === 0x5b) fail(pc, 'Illegal creation of multi-dimensional array');
        return { kind: 'class', name };
      }
      case Op.anewarray: {
        const name = this.className(index, pc);
        if (dimensionsOf(name) >= MAX_DIMENSIONS) fail(pc, 'Array with too many dimensions');
        return { kind: 'class', name };
      }
      case Op.multianewarray: {
        const name = this.className(index, pc);
        if (dimensionsOf(name) < (table.values[i] as number)) fail(pc, 'Illegal dimension argument');
        return { kind: 'class', name };
      }
      case Op.checkcast:
      case Op.instanceof:
        return { kind: 'class', name: this.className(index, pc) };
      default:
        return undefined;
    }
  }

  /** The name of Class entry `index`; throws the verifier's constant-pool errors. */
  className(index: number, pc: number | undefined): string {
    this.entry(index, ['Class'], pc);
    return this.guard(pc, () => cpClassName(this.pool, index));
  }

  /** HotSpot: 0 or an index past the pool is a bad index; the slot after a long or double has no type. */
  checkEntry(index: number, kinds: readonly CpKind[], pc: number | undefined): void {
    this.entry(index, kinds, pc);
  }

  /** invokeinterface's count operand must be the argument slots plus the receiver (checked before its zero byte). */
  checkInterfaceCount(index: number, count: number, pc: number): void {
    const m = this.method(pc, index, INTERFACE_METHOD_REFS, Op.invokeinterface);
    if (count !== 1 + parseMethodDescriptor(m.descriptor).argumentSlots) fail(pc, 'Inconsistent args_size for invokeinterface');
  }

  private entry(index: number, kinds: readonly CpKind[], pc: number | undefined): void {
    if (index <= 0 || index >= this.pool.length) fail(pc, 'Illegal constant pool index');
    const entry = this.pool[index];
    if (entry === undefined || !kinds.includes(entry.kind)) fail(pc, 'Illegal type in constant pool');
  }

  private guard<T>(pc: number | undefined, read: () => T): T {
    try {
      return read();
    } catch (e) {
      if (e instanceof ClassFormatError) return fail(pc, 'Illegal type in constant pool');
      throw e;
    }
  }

  private constant(pc: number, index: number, wide: boolean): ConstantOperand {
    const allowed: readonly CpKind[] = wide
      ? ['Long', 'Double']
      : this.majorVersion >= 51
        ? ['Integer', 'Float', 'String', 'Class', 'MethodType', 'MethodHandle']
        : this.majorVersion >= 49
          ? ['Integer', 'Float', 'String', 'Class']
          : ['Integer', 'Float', 'String'];
    this.entry(index, allowed, pc);
    const entry = this.pool[index];
    switch (entry?.kind) {
      case 'Integer':
        return { kind: 'constant', value: this.types.fromDescriptor('I') };
      case 'Float':
        return { kind: 'constant', value: this.types.fromDescriptor('F') };
      case 'Long':
        return { kind: 'constant', value: this.types.fromDescriptor('J') };
      case 'Double':
        return { kind: 'constant', value: this.types.fromDescriptor('D') };
      case 'String':
        return { kind: 'constant', value: [this.types.ref('java/lang/String')] };
      case 'Class':
        return { kind: 'constant', value: [this.types.ref('java/lang/Class')] };
      case 'MethodType':
        return { kind: 'constant', value: [this.types.ref('java/lang/invoke/MethodType')] };
      case 'MethodHandle':
        return { kind: 'constant', value: [this.types.ref('java/lang/invoke/MethodHandle')] };
      default:
        return fail(pc, 'Illegal type in constant pool');
    }
  }

  private field(pc: number, index: number): FieldOperand {
    const cached = this.fields.get(index);
    if (cached !== undefined) return cached;
    this.entry(index, FIELD_REFS, pc);
    const operand = this.guard(pc, (): FieldOperand => {
      const ref = this.pool[index] as Extract<CpEntry, { kind: 'Fieldref' }>;
      const { name, descriptor } = cpNameAndType(this.pool, ref.nameAndTypeIndex);
      parseFieldDescriptor(descriptor);
      return { kind: 'field', className: cpClassName(this.pool, ref.classIndex), name, descriptor, value: this.types.fromDescriptor(descriptor) };
    });
    this.fields.set(index, operand);
    return operand;
  }

  private method(pc: number, index: number, kinds: readonly CpKind[], opcode: number): MethodOperand {
    this.entry(index, kinds, pc);
    let operand = this.methods.get(index);
    if (operand === undefined) {
      operand = this.guard(pc, (): MethodOperand => {
        const ref = this.pool[index] as Extract<CpEntry, { kind: 'Methodref' | 'InterfaceMethodref' }>;
        const { name, descriptor } = cpNameAndType(this.pool, ref.nameAndTypeIndex);
        return this.methodOperand(cpClassName(this.pool, ref.classIndex), name, descriptor, ref.kind === 'InterfaceMethodref');
      });
      this.methods.set(index, operand);
    }
    if (operand.name.charCodeAt(0) === 0x3c) {
      if (operand.name !== '<init>') fail(pc, 'Illegal call to internal method');
      if (opcode !== Op.invokespecial) fail(pc, 'Must call initializers using invokespecial');
      if (operand.result.length !== 0) fail(pc, `Illegal signature ${operand.descriptor}`);
    }
    return operand;
  }

  private dynamic(pc: number, index: number): MethodOperand {
    this.entry(index, ['InvokeDynamic'], pc);
    return this.guard(pc, (): MethodOperand => {
      const ref = this.pool[index] as Extract<CpEntry, { kind: 'InvokeDynamic' }>;
      const { name, descriptor } = cpNameAndType(this.pool, ref.nameAndTypeIndex);
      return this.methodOperand('', name, descriptor, false);
    });
  }

  private methodOperand(className: string, name: string, descriptor: string, isInterfaceRef: boolean): MethodOperand {
    const parsed = parseMethodDescriptor(descriptor);
    const parameters = splitParameters(descriptor).map((d) => this.types.fromDescriptor(d));
    const result = parsed.returnType.kind === 'void' ? [] : this.types.fromDescriptor(descriptor.slice(descriptor.indexOf(')') + 1));
    return { kind: 'method', className, name, descriptor, isInterfaceRef, parameters, result };
  }
}

function dimensionsOf(name: string): number {
  let d = 0;
  while (name.charCodeAt(d) === 0x5b) d++;
  return d;
}

/** The parameter descriptors of a method descriptor already validated by parseMethodDescriptor. */
export function splitParameters(descriptor: string): string[] {
  const out: string[] = [];
  let i = 1;
  while (descriptor[i] !== ')') {
    const start = i;
    while (descriptor[i] === '[') i++;
    i = descriptor[i] === 'L' ? descriptor.indexOf(';', i) + 1 : i + 1;
    out.push(descriptor.slice(start, i));
  }
  return out;
}
