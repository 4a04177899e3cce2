// The Code attribute as javap prints it (CodeWriter): the `stack=, locals=, args_size=` header of -v, one
// line per instruction with constant-pool comments, switch tables, and the exception table.
import { ClassFormatError } from '../errors.js';
import type { CodeAttribute } from '../model.js';
import { InstructionCursor } from '../bytecode/instructions.js';
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

/**
 * Writes every instruction of `code`. Malformed code ends the listing with javap's error line; the cursor
 * has set its pc to the instruction it failed on.
 */
export function writeInstructions(out: LineWriter, code: CodeAttribute, constants: ConstantText): void {
  const cursor = new InstructionCursor(code.code);
  for (;;) {
    let more: boolean;
    try {
      more = cursor.next();
    } catch (e) {
      if (!(e instanceof ClassFormatError)) throw e;
      // javap reports the failure on its own line, then prints "???" where the instruction would be.
      out.raw(`Error: error at or after byte ${cursor.pc}`);
      out.println('???');
      return;
    }
    if (!more) return;
    writeInstruction(out, cursor, constants);
  }
}

function writeInstruction(out: LineWriter, c: InstructionCursor, constants: ConstantText): void {
  const mnemonic = c.wide ? `${c.info.name}_w` : c.info.name;
  out.print(`${String(c.pc).padStart(4)}: ${mnemonic.padEnd(13)} `);
  const format = c.info.format;
  switch (format) {
    case 'none':
      break;
    case 'local_u1':
      out.print(c.index);
      break;
    case 's1':
    case 's2':
      out.print(c.value);
      break;
    case 'cp_u1':
    case 'cp_u2':
      out.print(`#${c.index}`);
      out.tab();
      out.print(`// ${constants.reference(c.index)}`);
      break;
    case 'branch_s2':
    case 'branch_s4':
      out.print(c.target);
      break;
    case 'iinc':
      out.print(`${c.index}, ${c.value}`);
      break;
    case 'newarray':
      out.print(` ${ARRAY_TYPE_NAMES[c.value] ?? String(c.value)}`);
      break;
    case 'tableswitch':
      writeSwitch(out, `{ // ${c.low} to ${c.high}`, c.targets.map((t, i) => [c.low + i, t]), c.defaultTarget);
      break;
    case 'lookupswitch':
      writeSwitch(out, `{ // ${c.matches.length}`, c.matches.map((m, i) => [m, c.targets[i] as number]), c.defaultTarget);
      break;
    case 'invokeinterface':
    case 'multianewarray':
      out.print(`#${c.index},  ${c.value}`);
      out.tab();
      out.print(`// ${constants.reference(c.index)}`);
      break;
    case 'invokedynamic':
      // javap shows the third operand byte, which the decoder has checked is zero.
      out.print(`#${c.index},  0`);
      out.tab();
      out.print(`// ${constants.reference(c.index)}`);
      break;
    case 'wide':
      break;
    default:
      assertNever(format);
  }
  out.println();
}

/** A switch's cases, each on its own line under the instruction, as javap lays them out. */
function writeSwitch(out: LineWriter, header: string, cases: [number, number][], defaultTarget: number): void {
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
