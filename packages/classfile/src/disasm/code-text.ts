// The Code attribute as javap prints it (CodeWriter): one line per instruction with constant-pool
// comments and switch tables, and the exception table. Instructions are decoded here the way javap's
// own decoder does it, leniently, rather than with the strict InstructionCursor the VM uses: an
// undefined or reserved opcode prints as "bytecode N", a branch outside the code prints as is, and only
// an instruction that runs past the end of the code stops the listing, with javap's error line.
import type { CodeAttribute } from '../model.js';
import { OPCODES } from '../bytecode/opcodes.js';
import { switchPadding } from '../bytecode/instructions.js';
import { assertNever } from '../io/assert-never.js';
import type { ConstantText } from './constant-text.js';
import type { LineWriter } from './line-writer.js';

/** newarray's atype operand (JVMS table 6.5.newarray-A). */
const ARRAY_TYPE_NAMES: { readonly [atype: number]: string } = {
  4: 'boolean',
  5: 'char',
  6: 'float',
  7: 'double',
  8: 'byte',
  9: 'short',
  10: 'int',
  11: 'long',
};

/** Thrown by the operand readers when an instruction runs past the end of the code. */
class PastEnd {}

class CodeBytes {
  constructor(private readonly code: Uint8Array) {}

  get length(): number {
    return this.code.length;
  }

  u1(p: number): number {
    const b = this.code[p];
    if (b === undefined) throw new PastEnd();
    return b;
  }

  s1(p: number): number {
    return (this.u1(p) << 24) >> 24;
  }

  u2(p: number): number {
    return (this.u1(p) << 8) | this.u1(p + 1);
  }

  s2(p: number): number {
    return (this.u2(p) << 16) >> 16;
  }

  s4(p: number): number {
    return (this.u1(p) << 24) | (this.u1(p + 1) << 16) | (this.u1(p + 2) << 8) | this.u1(p + 3);
  }
}

/** Writes every instruction of `code`. */
export function writeInstructions(out: LineWriter, code: CodeAttribute, constants: ConstantText): void {
  const bytes = new CodeBytes(code.code);
  let pc = 0;
  while (pc < bytes.length) {
    const next = writeInstruction(out, bytes, pc, constants);
    if (next === undefined) return;
    pc = next;
  }
}

/** Writes the instruction at `pc` and returns the pc after it, or undefined when the listing must stop. */
function writeInstruction(out: LineWriter, code: CodeBytes, pc: number, constants: ConstantText): number | undefined {
  const opcode = code.u1(pc);
  let info = OPCODES[opcode];
  let wide = false;
  if (info?.format === 'wide') {
    if (pc + 1 >= code.length) return stop(out, pc);
    const modified = OPCODES[code.u1(pc + 1)];
    // javap shows `wide` before anything it cannot widen as an unknown one-byte instruction.
    info = modified?.widenable === true ? modified : undefined;
    wide = info !== undefined;
  }
  if (info === undefined) {
    out.println(`${String(pc).padStart(4)}: bytecode ${opcode}`);
    return pc + 1;
  }
  out.print(`${String(pc).padStart(4)}: ${(wide ? `${info.name}_w` : info.name).padEnd(13)} `);
  try {
    const next = writeOperands(out, code, pc, info.format, wide, constants);
    out.println();
    return next;
  } catch (e) {
    if (!(e instanceof PastEnd)) throw e;
    return stop(out, pc);
  }
}

/**
 * javap's report of an instruction it cannot read: the error line goes straight to the output, then
 * "???" ends the instruction's line (or stands on its own when nothing of it was printed).
 */
function stop(out: LineWriter, pc: number): undefined {
  out.raw(`Error: error at or after byte ${pc}`);
  out.println('???');
  return undefined;
}

function writeOperands(
  out: LineWriter,
  code: CodeBytes,
  pc: number,
  format: NonNullable<(typeof OPCODES)[number]>['format'],
  wide: boolean,
  constants: ConstantText,
): number {
  const constant = (index: number, extra?: number): void => {
    out.print(extra === undefined ? `#${index}` : `#${index},  ${extra}`);
    out.tab();
    out.print(`// ${constants.reference(index)}`);
  };
  switch (format) {
    case 'none':
      return pc + 1;
    case 'local_u1':
      if (wide) {
        out.print(code.u2(pc + 2));
        return pc + 4;
      }
      out.print(code.u1(pc + 1));
      return pc + 2;
    case 's1':
      out.print(code.s1(pc + 1));
      return pc + 2;
    case 's2':
      out.print(code.s2(pc + 1));
      return pc + 3;
    case 'cp_u1':
      constant(code.u1(pc + 1));
      return pc + 2;
    case 'cp_u2':
      constant(code.u2(pc + 1));
      return pc + 3;
    case 'branch_s2':
      out.print(pc + code.s2(pc + 1));
      return pc + 3;
    case 'branch_s4':
      out.print(pc + code.s4(pc + 1));
      return pc + 5;
    case 'iinc':
      if (wide) {
        out.print(`${code.u2(pc + 2)}, ${code.s2(pc + 4)}`);
        return pc + 6;
      }
      out.print(`${code.u1(pc + 1)}, ${code.s1(pc + 2)}`);
      return pc + 3;
    case 'newarray': {
      const atype = code.u1(pc + 1);
      out.print(` ${ARRAY_TYPE_NAMES[atype] ?? String(atype)}`);
      return pc + 2;
    }
    case 'tableswitch': {
      const p = pc + 1 + switchPadding(pc);
      const defaultTarget = pc + code.s4(p);
      const low = code.s4(p + 4);
      const high = code.s4(p + 8);
      // A table whose size the code cannot hold (or a negative one) cannot be listed.
      if (high < low || (high - low + 1) * 4 > code.length - (p + 12)) throw new PastEnd();
      const cases: [number, number][] = [];
      for (let i = 0; i <= high - low; i++) cases.push([low + i, pc + code.s4(p + 12 + 4 * i)]);
      writeSwitch(out, `{ // ${low} to ${high}`, cases, defaultTarget);
      return p + 12 + 4 * cases.length;
    }
    case 'lookupswitch': {
      const p = pc + 1 + switchPadding(pc);
      const defaultTarget = pc + code.s4(p);
      const npairs = code.s4(p + 4);
      if (npairs < 0 || npairs * 8 > code.length - (p + 8)) throw new PastEnd();
      const cases: [number, number][] = [];
      for (let i = 0; i < npairs; i++) cases.push([code.s4(p + 8 + 8 * i), pc + code.s4(p + 12 + 8 * i)]);
      writeSwitch(out, `{ // ${npairs}`, cases, defaultTarget);
      return p + 8 + 8 * npairs;
    }
    case 'invokeinterface':
    case 'invokedynamic':
      // javap shows the third operand byte: invokeinterface's count, invokedynamic's (zero) padding.
      constant(code.u2(pc + 1), code.u1(pc + 3));
      return pc + 5;
    case 'multianewarray':
      constant(code.u2(pc + 1), code.u1(pc + 3));
      return pc + 4;
    case 'wide':
      return pc + 1;
    default:
      return assertNever(format);
  }
}

/** A switch's cases, each on its own line under the instruction, as javap lays them out. */
function writeSwitch(out: LineWriter, header: string, cases: readonly [number, number][], defaultTarget: number): void {
  // javap indents the table by the width of "%4d: " rounded up to whole indentation steps.
  const indent = 3;
  out.print(header);
  out.indent(indent);
  for (const [match, target] of cases) out.print(`\n${String(match).padStart(12)}: ${target}`);
  out.print(`\n     default: ${defaultTarget}\n}`);
  out.indent(-indent);
}

/** The `Exception table:` block, when the method has handlers. */
export function writeExceptionTable(out: LineWriter, code: CodeAttribute, constants: ConstantText): void {
  if (code.exceptionTable.length === 0) return;
  out.println('Exception table:');
  out.indent(+1);
  out.println(' from    to  target type');
  for (const h of code.exceptionTable) {
    out.print(` ${String(h.startPc).padStart(5)} ${String(h.endPc).padStart(5)} ${String(h.handlerPc).padStart(5)}`);
    out.print('   ');
    if (h.catchType === 0) out.println('any');
    else out.println(`Class ${constants.value(h.catchType)}`);
  }
  out.indent(-1);
}
