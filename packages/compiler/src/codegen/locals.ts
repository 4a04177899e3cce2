// JVM local-variable slots for one method: `this`, then the parameters, then locals in declaration order,
// long and double taking two. A block's slots are freed when it ends and reused by later declarations,
// as javac's Code.newLocal/endScopes do.
//
// The LocalVariableTable follows javac too: a variable's range opens at the store that defines it and
// closes where it stops being definitely assigned (a jump target some path reaches without assigning
// it) or where its scope ends; it reopens at the next store. Entries are written as ranges close.
import { descriptorOf, type Type } from '../semantics/types.js';
import type { LocalSymbol } from '../semantics/symbols.js';
import type { Emitter, FlowState, FlowTracker, Label } from './emitter.js';
import { internalError } from './internal-error.js';
import { slotSize } from './jvm-types.js';

interface LiveVariable {
  readonly name: string;
  readonly type: Type;
  readonly slot: number;
  /** Where the open range starts; unset while the variable is not definitely assigned. */
  start: Label | undefined;
}

export class Locals implements FlowTracker {
  private readonly slots = new Map<LocalSymbol, number>();
  /**
   * Named variables in scope, indexed by slot (temporaries are not listed in the LocalVariableTable).
   * Walked in slot order, which is declaration order: a new slot is always `next`, above every slot
   * still listed, because endScope removes every slot from its mark up and resets `next` to it.
   */
  private readonly bySlot: (LiveVariable | undefined)[] = [];
  /**
   * Slots of named variables that are definitely assigned here. A snapshot (taken at every jump) is the
   * set itself, so once one has been taken (`shared`) the set is copied before it changes.
   */
  private defined = new Set<number>();
  private shared = false;
  /**
   * Temporaries that have been stored to, by slot (true): like javac's synthetic variables, their scope
   * end fixes the pc.
   */
  private readonly storedTemps: boolean[] = [];
  private next = 0;
  private highWater = 0;

  constructor(private readonly emitter: Emitter) {
    emitter.trackFlow(this);
  }

  /** The first free slot: a scope saves it and passes it back to `endScope`. */
  get mark(): number {
    return this.next;
  }

  /** Slots used so far (max_locals before the builder's own check). */
  get maxLocals(): number {
    return this.highWater;
  }

  /** `this` or a parameter, assigned from the start of the code. */
  declareParameter(name: string, type: Type, symbol: LocalSymbol | undefined, start: Label): number {
    const slot = this.allocate(type);
    if (symbol !== undefined) this.slots.set(symbol, slot);
    this.bySlot[slot] = { name, type, slot, start };
    this.define(slot);
    return slot;
  }

  /** A source variable, not yet assigned. */
  declare(symbol: LocalSymbol): number {
    const slot = this.allocate(symbol.type);
    this.slots.set(symbol, slot);
    this.bySlot[slot] = { name: symbol.name, type: symbol.type, slot, start: undefined };
    this.undefine(slot);
    return slot;
  }

  /** A compiler temporary (finally's exception, a saved return value, a monitor, a for-each index). */
  temp(type: Type): number {
    const slot = this.allocate(type);
    this.storedTemps[slot] = false;
    return slot;
  }

  /** A store to a temporary was just emitted. */
  tempStored(slot: number): void {
    this.storedTemps[slot] = true;
  }

  slotOf(symbol: LocalSymbol): number {
    const slot = this.slots.get(symbol);
    if (slot === undefined) throw internalError(`local variable ${symbol.name} has no slot`);
    return slot;
  }

  /** A store to a slot just emitted: a named variable becomes assigned and its range opens. */
  stored(slot: number): void {
    const variable = this.bySlot[slot];
    if (variable === undefined) return;
    if (!this.defined.has(slot)) {
      this.define(slot);
      variable.start = this.emitter.mark();
    }
  }

  snapshot(): FlowState {
    this.shared = true;
    return this.defined;
  }

  private define(slot: number): void {
    if (this.defined.has(slot)) return;
    this.unshare();
    this.defined.add(slot);
  }

  private undefine(slot: number): void {
    if (!this.defined.has(slot)) return;
    this.unshare();
    this.defined.delete(slot);
  }

  /** Makes `defined` a set no snapshot refers to, so it can change in place. */
  private unshare(): void {
    if (!this.shared) return;
    this.defined = new Set(this.defined);
    this.shared = false;
  }

  /** Control arrives here in `state` (a merge of jumps, a switch case, a handler): ranges end or restart. */
  enter(state: FlowState): void {
    if (state === this.defined) return;
    const defined = new Set<number>();
    for (let slot = 0; slot < this.bySlot.length; slot++) {
      const variable = this.bySlot[slot];
      if (variable === undefined) continue;
      const was = this.defined.has(slot);
      const will = state.has(slot);
      if (was && !will) this.closeRange(variable);
      else if (!was && will) variable.start = this.emitter.mark();
      if (will && slot < this.next) defined.add(slot);
    }
    this.defined = defined;
    this.shared = false;
  }

  /** Ends the variables declared since `mark`: their ranges close here and their slots are reused. */
  endScope(mark: number): void {
    if (mark >= this.next) return;
    // javac measures the range of a synthetic variable too (without writing it), which resolves the
    // jumps pending here: a goto that follows can no longer absorb them.
    let tempsEnd = false;
    for (let slot = mark; slot < this.storedTemps.length; slot++) {
      if (this.storedTemps[slot] !== true) continue;
      tempsEnd = true;
      this.storedTemps[slot] = false;
    }
    if (tempsEnd) this.emitter.mark();
    for (let slot = mark; slot < this.bySlot.length; slot++) {
      const v = this.bySlot[slot];
      if (v === undefined) continue;
      this.closeRange(v);
      this.bySlot[slot] = undefined;
      this.undefine(slot);
    }
    this.next = mark;
  }

  /** javac's newRegSegment: later temporaries go above every slot used so far, never reusing one. */
  newSegment(): void {
    this.next = this.highWater;
  }

  private closeRange(v: LiveVariable): void {
    const start = v.start;
    if (start === undefined) return;
    v.start = undefined;
    const end = this.emitter.mark();
    if ((end.pc ?? 0) > (start.pc ?? 0)) this.emitter.localVariable(v.name, descriptorOf(v.type), v.slot, start, end);
  }

  private allocate(type: Type): number {
    const slot = this.next;
    this.next += slotSize(type);
    this.highWater = Math.max(this.highWater, this.next);
    return slot;
  }
}
