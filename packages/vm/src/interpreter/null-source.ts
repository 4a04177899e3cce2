// The "because ..." half of JDK 17's helpful NullPointerException messages: which expression produced
// the null reference an instruction used. Like HotSpot's ExceptionMessageBuilder it simulates the
// operand stack over the method's original bytecode, recording for every stack slot the instruction
// that pushed it and merging the states where control flow joins (a slot with two different producers
// is unknown and yields no clause). The producer is then described as Java source would name it:
// "<local4>", "<parameter1>", "this", "Cls.field", "<local1>.next", "<local2>[3]", or "the return value
// of "Cls.m()"".
import { OPCODES, decodeInstructions, stackEffectOf, type Instruction } from '@oakvm/classfile';
import type { RtMethod } from '../runtime/class-model.js';
import { memberRef, printClassName, printMethod, splitDescriptor } from './exception-messages.js';

const UNKNOWN = -1;

type StackState = number[];

/** Which stack slot (counted from the top, 0 = top) an instruction dereferences. */
function nullSlotDepth(ins: Instruction, method: RtMethod): number {
  const name = OPCODES[ins.opcode]?.name ?? '';
  switch (name) {
    case 'iaload': case 'laload': case 'faload': case 'daload': case 'aaload': case 'baload': case 'caload': case 'saload':
      return 1;
    case 'iastore': case 'fastore': case 'aastore': case 'bastore': case 'castore': case 'sastore':
      return 2;
    case 'lastore': case 'dastore':
      return 3;
    case 'getfield': case 'arraylength': case 'athrow': case 'monitorenter': case 'monitorexit':
      return 0;
    case 'putfield': {
      const ref = 'index' in ins ? memberRef(method.cls.file?.constantPool, ins.index) : undefined;
      return ref && (ref.descriptor === 'J' || ref.descriptor === 'D') ? 2 : 1;
    }
    case 'invokevirtual': case 'invokespecial': case 'invokeinterface': {
      const ref = 'index' in ins ? memberRef(method.cls.file?.constantPool, ins.index) : undefined;
      if (!ref) return -1;
      let slots = 0;
      for (const p of splitDescriptor(ref.descriptor).params) slots += p === 'J' || p === 'D' ? 2 : 1;
      return slots;
    }
    default:
      return -1;
  }
}

/** Moves producer pcs through the dup/swap family; other instructions pop and push their own pc. */
function step(state: StackState, ins: Instruction, pop: number, push: number): StackState {
  const s = state.slice();
  const name = OPCODES[ins.opcode]?.name ?? '';
  const top = (i: number): number => s[s.length - 1 - i] ?? UNKNOWN;
  switch (name) {
    case 'dup': s.push(top(0)); return s;
    case 'dup_x1': { const [a, b] = [top(0), top(1)]; s.splice(s.length - 2, 2, a, b, a); return s; }
    case 'dup_x2': { const [a, b, c] = [top(0), top(1), top(2)]; s.splice(s.length - 3, 3, a, c, b, a); return s; }
    case 'dup2': { const [a, b] = [top(0), top(1)]; s.push(b, a); return s; }
    case 'dup2_x1': { const [a, b, c] = [top(0), top(1), top(2)]; s.splice(s.length - 3, 3, b, a, c, b, a); return s; }
    case 'dup2_x2': { const [a, b, c, d] = [top(0), top(1), top(2), top(3)]; s.splice(s.length - 4, 4, b, a, d, c, b, a); return s; }
    case 'swap': { const [a, b] = [top(0), top(1)]; s.splice(s.length - 2, 2, a, b); return s; }
    case 'checkcast': return s;
    default:
      s.length = Math.max(0, s.length - pop);
      for (let i = 0; i < push; i++) s.push(ins.pc);
      return s;
  }
}

function successors(ins: Instruction): number[] {
  const info = OPCODES[ins.opcode];
  const next = ins.pc + ins.length;
  switch (info?.flow) {
    case 'goto': return ins.kind === 'branch' ? [ins.target] : [];
    case 'branch': return ins.kind === 'branch' ? [next, ins.target] : [next];
    case 'switch': return ins.kind === 'tableswitch' || ins.kind === 'lookupswitch' ? [ins.defaultTarget, ...ins.targets] : [];
    case 'return': case 'throw': case 'ret': case 'jsr': return [];
    default: return [next];
  }
}

function originalCode(method: RtMethod): Uint8Array | undefined {
  const file = method.cls.file;
  if (!file) return undefined;
  for (const m of file.methods) {
    const n = file.constantPool[m.nameIndex];
    const d = file.constantPool[m.descriptorIndex];
    if (n?.kind === 'Utf8' && n.value === method.name && d?.kind === 'Utf8' && d.value === method.descriptor) {
      const code = m.attributes.find((a) => a.kind === 'Code');
      return code?.kind === 'Code' ? code.code : undefined;
    }
  }
  return undefined;
}

/** Simulates the stack up to `pc`; returns the state before the instruction there. */
function stateAt(method: RtMethod, instructions: Instruction[], pc: number): StackState | undefined {
  const pool = (i: number) => method.cls.cp(i);
  const byPc = new Map(instructions.map((i) => [i.pc, i]));
  const states = new Map<number, StackState>([[0, []]]);
  for (const h of method.handlers) states.set(h.handlerPc, [UNKNOWN]);
  const work = [0, ...method.handlers.map((h) => h.handlerPc)];
  let guard = 0;
  while (work.length > 0 && guard++ < 100_000) {
    const at = work.pop()!;
    const ins = byPc.get(at);
    const before = states.get(at);
    if (!ins || !before) continue;
    if (at === pc) continue;
    const { pop, push } = stackEffectOf(ins, pool);
    const after = step(before, ins, pop, push);
    for (const succ of successors(ins)) {
      const known = states.get(succ);
      if (known === undefined) {
        states.set(succ, after);
        work.push(succ);
      } else if (known.length === after.length && known.some((v, i) => v !== after[i] && v !== UNKNOWN)) {
        states.set(succ, known.map((v, i) => (v === after[i] ? v : UNKNOWN)));
        work.push(succ);
      }
    }
  }
  return states.get(pc);
}

function localName(method: RtMethod, slot: number, pc: number): string {
  const file = method.cls.file;
  if (!method.isStatic && slot === 0) return 'this';
  for (const m of file?.methods ?? []) {
    for (const a of m.attributes) {
      if (a.kind !== 'Code') continue;
      for (const la of a.attributes) {
        if (la.kind !== 'LocalVariableTable') continue;
        const e = la.entries.find((v) => v.index === slot && pc >= v.startPc && pc < v.startPc + v.length + 3);
        const n = e ? file?.constantPool[e.nameIndex] : undefined;
        const mn = file?.constantPool[m.nameIndex];
        if (n?.kind === 'Utf8' && mn?.kind === 'Utf8' && mn.value === method.name) return n.value;
      }
    }
  }
  let paramSlot = method.isStatic ? 0 : 1;
  const params = splitDescriptor(method.descriptor).params;
  for (let i = 0; i < params.length; i++) {
    if (slot === paramSlot) return `<parameter${i + 1}>`;
    paramSlot += params[i] === 'J' || params[i] === 'D' ? 2 : 1;
  }
  return `<local${slot}>`;
}

/** Source-like text for the value the instruction at `pc` pushed, or undefined when it has none. */
function describe(method: RtMethod, instructions: Map<number, Instruction>, all: Instruction[], pc: number, depth: number): { text: string; quoted: boolean } | undefined {
  const ins = instructions.get(pc);
  if (!ins || depth > 5) return undefined;
  const name = OPCODES[ins.opcode]?.name ?? '';
  const pool = method.cls.file?.constantPool;
  if (name === 'aconst_null') return { text: 'null', quoted: true };
  if (name.startsWith('aload') || name.startsWith('iload')) {
    const slot = ins.kind === 'local' ? ins.index : Number(name.slice(-1));
    return { text: localName(method, slot, pc), quoted: true };
  }
  if (name === 'iconst_m1') return { text: '-1', quoted: true };
  if (name.startsWith('iconst_')) return { text: name.slice(7), quoted: true };
  if ((name === 'bipush' || name === 'sipush') && ins.kind === 'immediate') return { text: String(ins.value), quoted: true };
  if (name === 'getstatic' && ins.kind === 'constant') {
    const ref = memberRef(pool, ins.index);
    return ref ? { text: `${printClassName(ref.owner)}.${ref.name}`, quoted: true } : undefined;
  }
  if (name === 'getfield' && ins.kind === 'constant') {
    const ref = memberRef(pool, ins.index);
    const before = stateAt(method, all, pc);
    const objPc = before?.[before.length - 1];
    const obj = objPc === undefined || objPc === UNKNOWN ? undefined : describe(method, instructions, all, objPc, depth + 1);
    if (!ref) return undefined;
    return { text: obj?.quoted ? `${obj.text}.${ref.name}` : ref.name, quoted: true };
  }
  if (name === 'aaload') {
    const before = stateAt(method, all, pc);
    if (!before) return undefined;
    const arr = before[before.length - 2];
    const idx = before[before.length - 1];
    const a = arr === undefined || arr === UNKNOWN ? undefined : describe(method, instructions, all, arr, depth + 1);
    const i = idx === undefined || idx === UNKNOWN ? undefined : describe(method, instructions, all, idx, depth + 1);
    if (!a?.quoted) return undefined;
    return { text: `${a.text}[${i?.quoted ? i.text : '...'}]`, quoted: true };
  }
  if (name.startsWith('invoke') && 'index' in ins) {
    const ref = memberRef(pool, ins.index);
    return ref ? { text: `the return value of "${printMethod(ref.owner, ref.name, ref.descriptor)}"`, quoted: false } : undefined;
  }
  return undefined;
}

/** `"<local1>"` or `the return value of "C.m()"`: what was null at the instruction at `pc`, if known. */
export function describeNullSource(method: RtMethod, pc: number): string | undefined {
  try {
    const code = originalCode(method);
    if (!code) return undefined;
    const all = decodeInstructions(code);
    const byPc = new Map(all.map((i) => [i.pc, i]));
    const ins = byPc.get(pc);
    if (!ins) return undefined;
    const depth = nullSlotDepth(ins, method);
    if (depth < 0) return undefined;
    const state = stateAt(method, all, pc);
    const producer = state?.[state.length - 1 - depth];
    if (producer === undefined || producer === UNKNOWN) return undefined;
    const d = describe(method, byPc, all, producer, 0);
    if (!d) return undefined;
    return d.quoted ? `"${d.text}"` : d.text;
  } catch {
    // Malformed code the verifier would reject: the message simply has no "because" clause.
    return undefined;
  }
}
