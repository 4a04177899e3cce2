// JVM local-variable slots for one method: `this`, then the parameters, then locals in declaration order,
// long and double taking two. A block's slots are freed when it ends and reused by later declarations,
// as javac's Code.newLocal/endScopes do; LocalVariableTable entries are written when a scope ends.
import { descriptorOf, type Type } from '../semantics/types.js';
import type { LocalSymbol } from '../semantics/symbols.js';
import type { Emitter, Label } from './emitter.js';
import { internalError } from './internal-error.js';
import { slotSize } from './jvm-types.js';

interface LiveVariable {
  readonly name: string;
  readonly type: Type;
  readonly slot: number;
  /** Where the variable gets its value; unset until its first store. */
  start: Label | undefined;
}

export class Locals {
  private readonly slots = new Map<LocalSymbol, number>();
  /** Named variables in scope (temporaries are not listed in the LocalVariableTable). */
  private live: LiveVariable[] = [];
  private readonly bySlot = new Map<number, LiveVariable>();
  private next = 0;
  private highWater = 0;

  constructor(private readonly emitter: Emitter) {}

  /** The first free slot: a scope saves it and passes it back to `endScope`. */
  get mark(): number {
    return this.next;
  }

  /** Slots used so far (max_locals before the builder's own check). */
  get maxLocals(): number {
    return this.highWater;
  }

  /** `this` or a parameter, live from the start of the code. */
  declareParameter(name: string, type: Type, symbol: LocalSymbol | undefined, start: Label): number {
    const slot = this.allocate(type);
    if (symbol !== undefined) this.slots.set(symbol, slot);
    this.track({ name, type, slot, start });
    return slot;
  }

  /** A source variable; its LocalVariableTable range starts at its first store. */
  declare(symbol: LocalSymbol): number {
    const slot = this.allocate(symbol.type);
    this.slots.set(symbol, slot);
    this.track({ name: symbol.name, type: symbol.type, slot, start: undefined });
    return slot;
  }

  /** A compiler temporary (finally's exception, a saved return value, a monitor, a for-each index). */
  temp(type: Type): number {
    return this.allocate(type);
  }

  slotOf(symbol: LocalSymbol): number {
    const slot = this.slots.get(symbol);
    if (slot === undefined) throw internalError(`local variable ${symbol.name} has no slot`);
    return slot;
  }

  /** Records that a slot got its value, starting its LocalVariableTable range if it had none. */
  stored(slot: number): void {
    const variable = this.bySlot.get(slot);
    if (variable !== undefined && variable.start === undefined) variable.start = this.emitter.mark();
  }

  /** Ends the variables declared since `mark`: their table entries end here and their slots are reused. */
  endScope(mark: number): void {
    if (mark >= this.next) return;
    const ending = this.live.filter((v) => v.slot >= mark);
    if (ending.length > 0) {
      const end = this.emitter.mark();
      for (const v of ending.sort((a, b) => a.slot - b.slot)) {
        this.bySlot.delete(v.slot);
        if (v.start !== undefined) this.emitter.localVariable(v.name, descriptorOf(v.type), v.slot, v.start, end);
      }
      this.live = this.live.filter((v) => v.slot < mark);
    }
    this.next = mark;
  }

  /** javac's newRegSegment: later temporaries go above every slot used so far, never reusing one. */
  newSegment(): void {
    this.next = this.highWater;
  }

  private allocate(type: Type): number {
    const slot = this.next;
    this.next += slotSize(type);
    this.highWater = Math.max(this.highWater, this.next);
    return slot;
  }

  private track(variable: LiveVariable): void {
    this.live.push(variable);
    this.bySlot.set(variable.slot, variable);
  }
}
