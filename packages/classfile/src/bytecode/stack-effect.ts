// Operand-stack effects in slots of whole instructions: the opcode table's fixed effects, completed for
// field and invoke instructions by the descriptor their constant-pool entry names.
import { ClassFormatError } from '../errors.js';
import type { CpEntry, CpKind } from '../model.js';
import { fieldDescriptorSlots, parseMethodDescriptor } from './descriptors.js';
import type { Instruction } from './instructions.js';
import { OPCODES } from './opcodes.js';

/** Reads a constant-pool entry by index; undefined for unused or out-of-range indexes. */
export type PoolLookup = (index: number) => CpEntry | undefined;

export interface SlotEffect {
  readonly pop: number;
  readonly push: number;
}

/**
 * Who refers to an entry, for error messages: a string, or an instruction, named only when a message is
 * needed (building "getfield at pc 12" for every instruction was a visible share of max_stack's time).
 */
type User = string | Instruction;

function userText(user: User): string {
  return typeof user === 'string' ? user : `${OPCODES[user.opcode]?.name ?? String(user.opcode)} at pc ${user.pc}`;
}

function entryOf<K extends CpKind>(pool: PoolLookup, index: number, kinds: readonly K[], user: User): Extract<CpEntry, { kind: K }> {
  const entry = pool(index);
  if (entry === undefined || !(kinds as readonly CpKind[]).includes(entry.kind)) {
    throw new ClassFormatError(`${userText(user)} refers to constant-pool entry ${index}, which is ${entry?.kind ?? 'missing'}, not ${kinds.join(' or ')}`);
  }
  return entry as Extract<CpEntry, { kind: K }>;
}

/** The descriptor a member reference (or InvokeDynamic) entry names through its NameAndType. */
export function referencedDescriptor(pool: PoolLookup, index: number, kinds: readonly CpKind[], user: User): string {
  const ref = entryOf(pool, index, kinds, user);
  if (!('nameAndTypeIndex' in ref)) throw new ClassFormatError(`${userText(user)}: entry ${index} has no name and type`);
  const nat = entryOf(pool, ref.nameAndTypeIndex, NAME_AND_TYPE, user);
  return entryOf(pool, nat.descriptorIndex, UTF8, user).value;
}

const NAME_AND_TYPE: readonly ['NameAndType'] = ['NameAndType'];
const UTF8: readonly ['Utf8'] = ['Utf8'];

const MEMBER_REFS: readonly CpKind[] = ['Fieldref'];
const METHOD_REFS: readonly CpKind[] = ['Methodref', 'InterfaceMethodref'];
const DYNAMIC_REFS: readonly CpKind[] = ['InvokeDynamic'];

/**
 * Slots an instruction pops and pushes. Descriptor-dependent instructions look their descriptor up in
 * the pool; a bad reference throws ClassFormatError.
 */
export function stackEffectOf(instruction: Instruction, pool: PoolLookup): SlotEffect {
  const info = OPCODES[instruction.opcode];
  if (info === undefined) throw new ClassFormatError(`unknown opcode ${instruction.opcode} at pc ${instruction.pc}`);
  const effect = info.stack;
  switch (effect.kind) {
    case 'fixed':
      return effect;
    case 'field': {
      const index = 'index' in instruction ? instruction.index : 0;
      const size = fieldDescriptorSlots(referencedDescriptor(pool, index, MEMBER_REFS, instruction));
      const receiver = effect.isStatic ? 0 : 1;
      return effect.isPut ? { pop: receiver + size, push: 0 } : { pop: receiver, push: size };
    }
    case 'invoke': {
      const index = 'index' in instruction ? instruction.index : 0;
      const kinds = instruction.kind === 'invokedynamic' ? DYNAMIC_REFS : METHOD_REFS;
      const method = parseMethodDescriptor(referencedDescriptor(pool, index, kinds, instruction));
      return { pop: method.argumentSlots + (effect.hasReceiver ? 1 : 0), push: method.returnSlots };
    }
    case 'multianewarray':
      return { pop: instruction.kind === 'multianewarray' ? instruction.dimensions : 0, push: 1 };
    case 'wide':
      throw new ClassFormatError(`wide is not an instruction by itself (pc ${instruction.pc})`);
  }
}
