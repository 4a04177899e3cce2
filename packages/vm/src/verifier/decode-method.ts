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

export function decodeMethod(code: CodeAttribute, pool: ConstantPoolEntries, types: TypePool, majorVersion: number): DecodedMethod {
  const bytes = code.code;
  if (bytes.length === 0) fail(undefined, 'Empty code');
  const table = decodeAll(bytes);
  const indexAt = new Int32Array(bytes.length + 1).fill(-1);
  for (let i = 0; i < table.count; i++) indexAt[table.pcs[i] as number] = i;
  const resolver = new OperandResolver(pool, types, majorVersion);
  const operands = new Array<ResolvedOperand | undefined>(table.count);
  for (let i = 0; i < table.count; i++) {
    checkInstruction(table, i, indexAt, code.maxLocals);
    operands[i] = resolver.resolve(table, i);
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

/** Decodes the whole array, turning the decoder's ClassFormatErrors into HotSpot's verifier messages. */
function decodeAll(bytes: Uint8Array): CodeTable {
  const cursor = new InstructionCursor(bytes);
  // No instruction is shorter than a byte, so the code length bounds the count.
  const capacity = bytes.length;
  const pcs = new Int32Array(capacity + 1);
  const opcodes = new Uint8Array(capacity);
  const indexes = new Int32Array(capacity);
  const values = new Int32Array(capacity);
  const targets = new Int32Array(capacity).fill(-1);
  const switches = new Map<number, SwitchTargets>();
  let count = 0;
  let pc = 0;
  while (pc < bytes.length) {
    const opcode = bytes[pc] as number;
    if (OPCODES[opcode] === undefined) fail(pc, `Illegal instruction found at offset ${pc}`);
    if (opcode === Op.wide && pc + 1 < bytes.length && OPCODES[bytes[pc + 1] as number]?.widenable !== true) {
      fail(pc, `Illegal instruction found at offset ${pc}`);
    }
    try {
      cursor.next();
    } catch (e) {
      if (!(e instanceof ClassFormatError)) throw e;
      fail(pc, reasonForDecodeError(e, pc));
    }
    pcs[count] = pc;
    opcodes[count] = cursor.opcode;
    switch (cursor.info.format) {
      case 'local_u1':
      case 'cp_u1':
      case 'cp_u2':
      case 'invokedynamic':
        indexes[count] = cursor.index;
        break;
      case 'iinc':
      case 'invokeinterface':
      case 'multianewarray':
        indexes[count] = cursor.index;
        values[count] = cursor.value;
        break;
      case 'newarray':
        values[count] = cursor.value;
        break;
      case 'branch_s2':
      case 'branch_s4':
        targets[count] = cursor.target;
        break;
      case 'tableswitch':
      case 'lookupswitch':
        switches.set(count, { defaultTarget: cursor.defaultTarget, targets: cursor.targets });
        if (cursor.info.format === 'lookupswitch') checkSorted(cursor.matches, pc);
        break;
      case 'none':
      case 's1':
      case 's2':
      case 'wide':
        break;
    }
    count++;
    pc = cursor.pc + cursor.length;
  }
  pcs[count] = pc;
  return { count, pcs, opcodes, indexes, values, targets, switches };
}

function checkSorted(matches: readonly number[], pc: number): void {
  for (let i = 1; i < matches.length; i++) {
    if ((matches[i] as number) <= (matches[i - 1] as number)) fail(pc, 'Unsorted lookup switch');
  }
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

const UNSUPPORTED_SUBROUTINES = 'jsr and ret are not supported (subroutines are rejected)';

function checkInstruction(table: CodeTable, i: number, indexAt: Int32Array, maxLocals: number): void {
  const isTarget = (target: number): boolean => target < indexAt.length - 1 && (indexAt[target] as number) >= 0;
  const opcode = table.opcodes[i] as number;
  const pc = table.pcs[i] as number;
  const format = OPCODES[opcode]?.format;
  switch (format) {
    case 'branch_s2':
    case 'branch_s4':
      if (opcode === Op.jsr || opcode === Op.jsr_w) fail(pc, UNSUPPORTED_SUBROUTINES);
      if (!isTarget(table.targets[i] as number)) fail(pc, 'Illegal target of jump or branch');
      return;
    case 'tableswitch':
    case 'lookupswitch': {
      const sw = table.switches.get(i);
      if (sw === undefined) return;
      if (!isTarget(sw.defaultTarget)) fail(pc, 'Illegal default target in switch');
      for (const t of sw.targets) if (!isTarget(t)) fail(pc, 'Illegal target of jump or branch');
      return;
    }
    case 'local_u1':
      if (opcode === Op.ret) fail(pc, UNSUPPORTED_SUBROUTINES);
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

  private entry(index: number, kinds: readonly CpKind[], pc: number | undefined): void {
    const entry = index > 0 && index < this.pool.length ? this.pool[index] : undefined;
    if (entry === undefined) fail(pc, 'Illegal constant pool index');
    else if (!kinds.includes(entry.kind)) fail(pc, 'Illegal type in constant pool');
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
