// Decoding a Code array into instructions and encoding instructions back into bytes. Both follow the
// operand formats of the opcode table; neither keeps its own list of instructions.
import { ClassFormatError } from '../errors.js';
import { BytecodeError } from './bytecode-error.js';
import { OPCODES, Op, RESERVED_OPCODES, opcodeInfo, type OpCode, type OpcodeInfo, type OperandFormat } from './opcodes.js';

/** Where an instruction is and how it is encoded; common to every instruction kind. */
interface Placement {
  /** Offset of the opcode byte in the code array. */
  readonly pc: number;
  /** Bytes the instruction takes, including `wide` and switch padding. */
  readonly length: number;
  /** The opcode; for a `wide` instruction, the opcode it modifies (iload, iinc...). */
  readonly opcode: OpCode;
  /** Encoded with the `wide` prefix (only local-variable instructions and iinc). */
  readonly wide: boolean;
}

/** The operands, by the shape of the opcode's operand format. Branch targets are absolute pcs. */
export type Operands =
  | { readonly kind: 'none' }
  /** Loads, stores and ret. */
  | { readonly kind: 'local'; readonly index: number }
  /** bipush and sipush. */
  | { readonly kind: 'immediate'; readonly value: number }
  /** Every instruction whose only operand is a constant-pool index (ldc, getfield, invokevirtual, new...). */
  | { readonly kind: 'constant'; readonly index: number }
  | { readonly kind: 'branch'; readonly target: number }
  | { readonly kind: 'iinc'; readonly index: number; readonly delta: number }
  /** `atype` is the array type code, 4 (boolean) to 11 (long). */
  | { readonly kind: 'newarray'; readonly atype: number }
  | {
      readonly kind: 'tableswitch';
      readonly defaultTarget: number;
      readonly low: number;
      readonly high: number;
      /** Targets for low, low+1, ..., high. */
      readonly targets: readonly number[];
    }
  | {
      readonly kind: 'lookupswitch';
      readonly defaultTarget: number;
      /** Match values in increasing order; `targets[i]` is the target of `matches[i]`. */
      readonly matches: readonly number[];
      readonly targets: readonly number[];
    }
  | { readonly kind: 'invokeinterface'; readonly index: number; readonly count: number }
  | { readonly kind: 'invokedynamic'; readonly index: number }
  | { readonly kind: 'multianewarray'; readonly index: number; readonly dimensions: number };

export type OperandKind = Operands['kind'];

export type Instruction = Placement & Operands;

/** An instruction before layout has given it a pc: what the code builder records. */
export type UnplacedInstruction = Operands & { readonly opcode: OpCode; readonly wide: boolean };

/** The operand kind of each format (`wide` never appears: it is folded into the modified instruction). */
export function operandKindOf(format: Exclude<OperandFormat, 'wide'>): OperandKind {
  switch (format) {
    case 'none':
      return 'none';
    case 'local_u1':
      return 'local';
    case 's1':
    case 's2':
      return 'immediate';
    case 'cp_u1':
    case 'cp_u2':
      return 'constant';
    case 'branch_s2':
    case 'branch_s4':
      return 'branch';
    case 'iinc':
    case 'newarray':
    case 'tableswitch':
    case 'lookupswitch':
    case 'invokeinterface':
    case 'invokedynamic':
    case 'multianewarray':
      return format;
  }
}

/** Padding bytes after a switch opcode at `pc` so that its operands start at a multiple of 4. */
export function switchPadding(pc: number): number {
  return (4 - ((pc + 1) % 4)) % 4;
}

const RESERVED_NAMES: ReadonlyMap<number, string> = new Map(
  Object.entries(RESERVED_OPCODES).map(([name, code]) => [code, name]),
);

/**
 * Steps through a Code array one instruction at a time without allocating per instruction (switch
 * tables excepted): the VM's loader and the verifier read the fields after each `next()`. Which fields
 * are meaningful depends on the opcode's format:
 * - `index`: local-variable index (loads, stores, ret, iinc) or constant-pool index;
 * - `value`: bipush/sipush immediate, iinc delta, newarray type, multianewarray dimensions, invokeinterface count;
 * - `target`: absolute branch target; `defaultTarget`, `low`, `high`, `matches`, `targets`: switches.
 * Malformed code throws ClassFormatError; `codeOffset`, the code array's offset in the class file, lets
 * the error say at which byte of the file.
 */
export class InstructionCursor {
  pc = 0;
  length = 0;
  opcode: OpCode = Op.nop;
  info: OpcodeInfo = opcodeInfo(Op.nop);
  wide = false;
  index = 0;
  value = 0;
  target = 0;
  defaultTarget = 0;
  low = 0;
  high = 0;
  matches: number[] = [];
  targets: number[] = [];
  private nextPc = 0;

  constructor(
    readonly code: Uint8Array,
    private readonly codeOffset?: number,
  ) {}

  /** Whether the whole array has been read. */
  get done(): boolean {
    return this.nextPc >= this.code.length;
  }

  /** Decodes the next instruction into the fields; returns false when the code is exhausted. */
  next(): boolean {
    if (this.done) return false;
    const pc = this.nextPc;
    this.pc = pc;
    this.wide = false;
    let code = this.code[pc] as number;
    let info = OPCODES[code];
    if (info === undefined) throw this.error(pc, `${RESERVED_NAMES.get(code) ?? 'unknown'} opcode 0x${hex(code)}`);
    let p = pc + 1;
    if (info.format === 'wide') {
      code = this.u1(p, info.name);
      const modified = OPCODES[code];
      if (modified === undefined || !modified.widenable) {
        throw this.error(p, `wide applied to ${modified?.name ?? `unknown opcode 0x${hex(code)}`}`);
      }
      info = modified;
      this.wide = true;
      p++;
    }
    this.opcode = info.code;
    this.info = info;
    p = this.readOperands(info, pc, p);
    this.length = p - pc;
    this.nextPc = p;
    return true;
  }

  private readOperands(info: OpcodeInfo, pc: number, p: number): number {
    const name = info.name;
    const format = info.format;
    switch (format) {
      case 'none':
        return p;
      case 'local_u1':
        this.index = this.wide ? this.u2(p, name) : this.u1(p, name);
        return p + (this.wide ? 2 : 1);
      case 's1':
        this.value = (this.u1(p, name) << 24) >> 24;
        return p + 1;
      case 's2':
        this.value = (this.u2(p, name) << 16) >> 16;
        return p + 2;
      case 'cp_u1':
        this.index = this.u1(p, name);
        return p + 1;
      case 'cp_u2':
        this.index = this.u2(p, name);
        return p + 2;
      case 'branch_s2':
        this.target = this.branchTarget(pc, (this.u2(p, name) << 16) >> 16);
        return p + 2;
      case 'branch_s4':
        this.target = this.branchTarget(pc, this.s4(p, name));
        return p + 4;
      case 'iinc':
        if (this.wide) {
          this.index = this.u2(p, name);
          this.value = (this.u2(p + 2, name) << 16) >> 16;
          return p + 4;
        }
        this.index = this.u1(p, name);
        this.value = (this.u1(p + 1, name) << 24) >> 24;
        return p + 2;
      case 'newarray':
        this.value = this.u1(p, name);
        if (this.value < 4 || this.value > 11) throw this.error(p, `newarray with bad array type ${this.value}`);
        return p + 1;
      case 'tableswitch':
        return this.readTableSwitch(pc, p + switchPadding(pc));
      case 'lookupswitch':
        return this.readLookupSwitch(pc, p + switchPadding(pc));
      case 'invokeinterface':
        this.index = this.u2(p, name);
        this.value = this.u1(p + 2, name);
        if (this.value === 0) throw this.error(p + 2, 'invokeinterface with a zero count');
        if (this.u1(p + 3, name) !== 0) throw this.error(p + 3, 'invokeinterface whose fourth operand byte is not zero');
        return p + 4;
      case 'invokedynamic':
        this.index = this.u2(p, name);
        if (this.u2(p + 2, name) !== 0) throw this.error(p + 2, 'invokedynamic whose last two operand bytes are not zero');
        return p + 4;
      case 'multianewarray':
        this.index = this.u2(p, name);
        this.value = this.u1(p + 2, name);
        if (this.value === 0) throw this.error(p + 2, 'multianewarray with zero dimensions');
        return p + 3;
      case 'wide':
        throw this.error(p, 'wide applied to wide');
    }
  }

  private readTableSwitch(pc: number, p: number): number {
    this.defaultTarget = this.branchTarget(pc, this.s4(p, 'tableswitch'));
    this.low = this.s4(p + 4, 'tableswitch');
    this.high = this.s4(p + 8, 'tableswitch');
    if (this.low > this.high) throw this.error(p + 4, `tableswitch low ${this.low} is greater than high ${this.high}`);
    const count = this.high - this.low + 1;
    p += 12;
    // Check the length before allocating, so a lying low/high cannot make us allocate gigabytes.
    if (count > (this.code.length - p) / 4) throw this.error(pc, 'truncated tableswitch');
    this.matches = [];
    this.targets = new Array<number>(count);
    for (let i = 0; i < count; i++, p += 4) this.targets[i] = this.branchTarget(pc, this.s4(p, 'tableswitch'));
    return p;
  }

  private readLookupSwitch(pc: number, p: number): number {
    this.defaultTarget = this.branchTarget(pc, this.s4(p, 'lookupswitch'));
    const count = this.s4(p + 4, 'lookupswitch');
    if (count < 0) throw this.error(p + 4, `lookupswitch with negative npairs ${count}`);
    p += 8;
    if (count > (this.code.length - p) / 8) throw this.error(pc, 'truncated lookupswitch');
    this.matches = new Array<number>(count);
    this.targets = new Array<number>(count);
    for (let i = 0; i < count; i++, p += 8) {
      this.matches[i] = this.s4(p, 'lookupswitch');
      this.targets[i] = this.branchTarget(pc, this.s4(p + 4, 'lookupswitch'));
    }
    return p;
  }

  private branchTarget(pc: number, offset: number): number {
    const target = pc + offset;
    if (target < 0 || target >= this.code.length) {
      throw this.error(pc, `branch at pc ${pc} to ${target}, outside the code (length ${this.code.length})`);
    }
    return target;
  }

  private u1(p: number, name: string): number {
    if (p >= this.code.length) throw this.error(p, `truncated ${name} at pc ${this.pc}`);
    return this.code[p] as number;
  }

  private u2(p: number, name: string): number {
    if (p + 2 > this.code.length) throw this.error(p, `truncated ${name} at pc ${this.pc}`);
    return ((this.code[p] as number) << 8) | (this.code[p + 1] as number);
  }

  private s4(p: number, name: string): number {
    if (p + 4 > this.code.length) throw this.error(p, `truncated ${name} at pc ${this.pc}`);
    const c = this.code;
    return ((c[p] as number) << 24) | ((c[p + 1] as number) << 16) | ((c[p + 2] as number) << 8) | (c[p + 3] as number);
  }

  private error(p: number, detail: string): ClassFormatError {
    const message = `bad code at pc ${p}: ${detail}`;
    return this.codeOffset === undefined ? new ClassFormatError(message) : new ClassFormatError(message, this.codeOffset + p);
  }

  /** The current instruction as an immutable object. */
  snapshot(): Instruction {
    const at = { pc: this.pc, length: this.length, opcode: this.opcode, wide: this.wide };
    const format = this.info.format;
    if (format === 'wide') throw new BytecodeError('wide is never the current instruction');
    const kind = operandKindOf(format);
    switch (kind) {
      case 'none':
        return { ...at, kind };
      case 'local':
      case 'constant':
      case 'invokedynamic':
        return { ...at, kind, index: this.index };
      case 'immediate':
        return { ...at, kind, value: this.value };
      case 'branch':
        return { ...at, kind, target: this.target };
      case 'iinc':
        return { ...at, kind, index: this.index, delta: this.value };
      case 'newarray':
        return { ...at, kind, atype: this.value };
      case 'tableswitch':
        return { ...at, kind, defaultTarget: this.defaultTarget, low: this.low, high: this.high, targets: this.targets };
      case 'lookupswitch':
        return { ...at, kind, defaultTarget: this.defaultTarget, matches: this.matches, targets: this.targets };
      case 'invokeinterface':
        return { ...at, kind, index: this.index, count: this.value };
      case 'multianewarray':
        return { ...at, kind, index: this.index, dimensions: this.value };
    }
  }
}

/** Decodes a whole Code array. Throws ClassFormatError on malformed code. */
export function decodeInstructions(code: Uint8Array, codeOffset?: number): Instruction[] {
  const cursor = new InstructionCursor(code, codeOffset);
  const out: Instruction[] = [];
  while (cursor.next()) out.push(cursor.snapshot());
  return out;
}

/** Bytes an instruction takes when its opcode is at `pc` (switch padding depends on it). */
export function encodedLength(instruction: UnplacedInstruction, pc: number): number {
  switch (instruction.kind) {
    case 'tableswitch':
      return 1 + switchPadding(pc) + 12 + 4 * instruction.targets.length;
    case 'lookupswitch':
      return 1 + switchPadding(pc) + 8 + 8 * instruction.matches.length;
    case 'local':
      return instruction.wide ? 4 : 2;
    case 'iinc':
      return instruction.wide ? 6 : 3;
    default: {
      const length = infoFor(instruction.opcode).length;
      if (length === 'variable') throw new BytecodeError(`no fixed length for opcode ${instruction.opcode}`);
      return length;
    }
  }
}

function infoFor(opcode: number): OpcodeInfo {
  const info = OPCODES[opcode];
  if (info === undefined) throw new BytecodeError(`cannot encode unknown opcode 0x${hex(opcode)}`);
  return info;
}

function hex(n: number): string {
  return n.toString(16).padStart(2, '0');
}

/** A byte buffer that grows as it is written. */
class ByteSink {
  private bytes: Uint8Array;
  length = 0;

  /** `capacity`: the expected size, a hint only (the buffer grows past it; a bad one is ignored). */
  constructor(capacity: number) {
    this.bytes = new Uint8Array(Number.isInteger(capacity) && capacity > 0 ? Math.min(capacity, 0x10000) : 16);
  }

  private reserve(n: number): void {
    if (this.length + n <= this.bytes.length) return;
    const grown = new Uint8Array(Math.max(this.bytes.length * 2, this.length + n));
    grown.set(this.bytes.subarray(0, this.length));
    this.bytes = grown;
  }

  u1(v: number): void {
    this.reserve(1);
    this.bytes[this.length++] = v & 0xff;
  }

  u2(v: number): void {
    this.u1(v >> 8);
    this.u1(v);
  }

  s4(v: number): void {
    this.u2(v >>> 16);
    this.u2(v & 0xffff);
  }

  result(): Uint8Array {
    return this.length === this.bytes.length ? this.bytes : this.bytes.slice(0, this.length);
  }
}

function inRange(value: number, min: number, max: number): boolean {
  return Number.isInteger(value) && value >= min && value <= max;
}

/** A branch operand: the target relative to the instruction. */
function branchOffset(info: OpcodeInfo, pc: number, target: number, min: number, max: number): number {
  // The message names the instruction, so it is built only when the offset does not fit.
  if (!inRange(target - pc, min, max)) checkRange(`${info.name} target offset`, target - pc, min, max, pc);
  return target - pc;
}

function checkRange(what: string, value: number, min: number, max: number, pc: number): void {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new BytecodeError(`${what} ${value} at pc ${pc} is outside ${min}..${max}`);
  }
}

/**
 * Encodes instructions laid out back to back from pc 0. Each instruction's `pc` must be where it falls
 * (that is what makes absolute branch targets and switch padding meaningful); operands that do not fit
 * their fields throw BytecodeError. Switch padding is written as zeros. Constant-pool indexes are written
 * as given, 0 included, so any decoded code re-encodes; whether they name fitting entries is for the
 * verifier to say.
 */
export function encodeInstructions(instructions: readonly Instruction[]): Uint8Array {
  // Laid out back to back, so the code's size is where the last instruction ends.
  const last = instructions[instructions.length - 1];
  const sink = new ByteSink(last === undefined ? 0 : last.pc + last.length);
  for (let i = 0; i < instructions.length; i++) {
    const instruction = instructions[i] as Instruction;
    if (instruction.pc !== sink.length) {
      throw new BytecodeError(`instruction claims pc ${instruction.pc} but falls at ${sink.length}`);
    }
    encodeOne(sink, instruction);
  }
  return sink.result();
}

function encodeOne(sink: ByteSink, ins: Instruction): void {
  const info = infoFor(ins.opcode);
  const pc = ins.pc;
  if (info.format === 'wide') throw new BytecodeError(`encode the modified instruction with wide: true, not wide itself (pc ${pc})`);
  const expected = operandKindOf(info.format);
  if (ins.kind !== expected) {
    throw new BytecodeError(`${info.name} at pc ${pc} takes ${expected} operands, not ${ins.kind}`);
  }
  if (ins.wide && !info.widenable) throw new BytecodeError(`${info.name} at pc ${pc} cannot be wide`);
  if (ins.wide) sink.u1(Op.wide);
  sink.u1(info.code);
  switch (ins.kind) {
    case 'none':
      return;
    case 'local':
      if (ins.wide) {
        checkRange('local index', ins.index, 0, 0xffff, pc);
        sink.u2(ins.index);
      } else {
        checkRange('local index', ins.index, 0, 0xff, pc);
        sink.u1(ins.index);
      }
      return;
    case 'immediate':
      if (info.format === 's1') {
        checkRange(info.name, ins.value, -0x80, 0x7f, pc);
        sink.u1(ins.value);
      } else {
        checkRange(info.name, ins.value, -0x8000, 0x7fff, pc);
        sink.u2(ins.value);
      }
      return;
    case 'constant':
      if (info.format === 'cp_u1') {
        if (!inRange(ins.index, 0, 0xff)) checkRange(`${info.name} constant index`, ins.index, 0, 0xff, pc);
        sink.u1(ins.index);
      } else {
        if (!inRange(ins.index, 0, 0xffff)) checkRange(`${info.name} constant index`, ins.index, 0, 0xffff, pc);
        sink.u2(ins.index);
      }
      return;
    case 'branch':
      if (info.format === 'branch_s2') sink.u2(branchOffset(info, pc, ins.target, -0x8000, 0x7fff));
      else sink.s4(branchOffset(info, pc, ins.target, -0x80000000, 0x7fffffff));
      return;
    case 'iinc':
      if (ins.wide) {
        checkRange('iinc index', ins.index, 0, 0xffff, pc);
        checkRange('iinc increment', ins.delta, -0x8000, 0x7fff, pc);
        sink.u2(ins.index);
        sink.u2(ins.delta);
      } else {
        checkRange('iinc index', ins.index, 0, 0xff, pc);
        checkRange('iinc increment', ins.delta, -0x80, 0x7f, pc);
        sink.u1(ins.index);
        sink.u1(ins.delta);
      }
      return;
    case 'newarray':
      checkRange('newarray type', ins.atype, 4, 11, pc);
      sink.u1(ins.atype);
      return;
    case 'tableswitch': {
      checkRange('tableswitch low', ins.low, -0x80000000, 0x7fffffff, pc);
      checkRange('tableswitch high', ins.high, ins.low, 0x7fffffff, pc);
      if (ins.targets.length !== ins.high - ins.low + 1) {
        throw new BytecodeError(`tableswitch at pc ${pc} has ${ins.targets.length} targets for ${ins.low}..${ins.high}`);
      }
      for (let i = switchPadding(pc); i > 0; i--) sink.u1(0);
      sink.s4(branchOffset(info, pc, ins.defaultTarget, -0x80000000, 0x7fffffff));
      sink.s4(ins.low);
      sink.s4(ins.high);
      for (let i = 0; i < ins.targets.length; i++) sink.s4(branchOffset(info, pc, ins.targets[i] as number, -0x80000000, 0x7fffffff));
      return;
    }
    case 'lookupswitch': {
      if (ins.targets.length !== ins.matches.length) {
        throw new BytecodeError(`lookupswitch at pc ${pc} has ${ins.matches.length} matches but ${ins.targets.length} targets`);
      }
      for (let i = switchPadding(pc); i > 0; i--) sink.u1(0);
      sink.s4(branchOffset(info, pc, ins.defaultTarget, -0x80000000, 0x7fffffff));
      sink.s4(ins.matches.length);
      // A loop, not a callback: a closure here would make every call of encodeOne allocate a context for
      // the variables it captures, whatever the instruction.
      for (let i = 0; i < ins.matches.length; i++) {
        const match = ins.matches[i] as number;
        checkRange('lookupswitch match', match, -0x80000000, 0x7fffffff, pc);
        // JVMS 6.5.lookupswitch: sorted so the VM can binary-search.
        if (i > 0 && match <= (ins.matches[i - 1] as number)) {
          throw new BytecodeError(`lookupswitch at pc ${pc}: matches are not strictly increasing at ${match}`);
        }
        sink.s4(match);
        sink.s4(branchOffset(info, pc, ins.targets[i] as number, -0x80000000, 0x7fffffff));
      }
      return;
    }
    case 'invokeinterface':
      checkRange('invokeinterface constant index', ins.index, 0, 0xffff, pc);
      checkRange('invokeinterface count', ins.count, 1, 0xff, pc);
      sink.u2(ins.index);
      sink.u1(ins.count);
      sink.u1(0);
      return;
    case 'invokedynamic':
      checkRange('invokedynamic constant index', ins.index, 0, 0xffff, pc);
      sink.u2(ins.index);
      sink.u2(0);
      return;
    case 'multianewarray':
      checkRange('multianewarray constant index', ins.index, 0, 0xffff, pc);
      checkRange('multianewarray dimensions', ins.dimensions, 1, 0xff, pc);
      sink.u2(ins.index);
      sink.u1(ins.dimensions);
      return;
  }
}
