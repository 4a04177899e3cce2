// The garbage collector's view of a verified method (DESIGN decision 4): at each safepoint pc, which
// slots of the frame hold references. Slots are numbered as the VM lays a frame out: locals 0 ..
// maxLocals-1, then operand-stack entries from the bottom (slot maxLocals + i is stack entry i). The
// state described is the one *before* the instruction at that pc runs, so a frame stopped in a call
// still shows the call's arguments (which the callee's frame now owns as its first locals).
//
// Storage: safepoint pcs ascending in one array, with each one's stack depth and the index of its bitset;
// bitsets are deduplicated (most safepoints of a method share a few), `wordsPerMap` 32-bit words each.

/**
 * Which instructions get a map: every place the VM may collect or switch threads. `may-throw` covers
 * the instructions the opcode table marks as able to throw (the VM allocates the exception object with
 * the frame stopped there); `handler` is an exception handler's first instruction, where a frame stands
 * while the exception unwinds into it.
 */
export type SafepointKind = 'entry' | 'invoke' | 'allocation' | 'backward-branch' | 'may-throw' | 'handler';

export class ReferenceMaps {
  constructor(
    readonly maxLocals: number,
    readonly maxStack: number,
    /** Safepoint pcs, ascending. */
    readonly pcs: Uint16Array,
    /** Operand-stack depth in slots at each safepoint. */
    readonly stackDepths: Uint16Array,
    /** Index into the bitsets of each safepoint's map. */
    readonly mapIndex: Uint32Array,
    /** 32-bit words per bitset: ceil((maxLocals + maxStack) / 32), at least 1. */
    readonly wordsPerMap: number,
    /** The distinct bitsets, back to back; bit k of a bitset is frame slot k. */
    readonly bits: Uint32Array,
  ) {}

  get safepointCount(): number {
    return this.pcs.length;
  }

  /** The safepoint number of `pc`, or -1 when the instruction there has no map. */
  indexOf(pc: number): number {
    let lo = 0;
    let hi = this.pcs.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const at = this.pcs[mid] as number;
      if (at === pc) return mid;
      if (at < pc) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  }

  /** Whether frame slot `slot` holds a reference at safepoint `pc` (false when `pc` has no map). */
  isReference(pc: number, slot: number): boolean {
    const i = this.indexOf(pc);
    if (i < 0 || slot < 0 || slot >= this.maxLocals + this.maxStack) return false;
    const word = this.bits[(this.mapIndex[i] as number) * this.wordsPerMap + (slot >>> 5)] as number;
    return ((word >>> (slot & 31)) & 1) === 1;
  }

  /** Calls `visit(slot)` for each reference slot at `pc`, in slot order; returns false when `pc` has no map. */
  forEachReference(pc: number, visit: (slot: number) => void): boolean {
    const i = this.indexOf(pc);
    if (i < 0) return false;
    const base = (this.mapIndex[i] as number) * this.wordsPerMap;
    for (let w = 0; w < this.wordsPerMap; w++) {
      let word = this.bits[base + w] as number;
      while (word !== 0) {
        const bit = 31 - Math.clz32(word & -word);
        visit(w * 32 + bit);
        word &= word - 1;
      }
    }
    return true;
  }

  /** The reference slots at `pc` as a list (tests and debugging), or undefined when `pc` has no map. */
  referencesAt(pc: number): number[] | undefined {
    const out: number[] = [];
    return this.forEachReference(pc, (slot) => out.push(slot)) ? out : undefined;
  }
}

/** Collects safepoints in ascending pc order and deduplicates their bitsets. */
export class ReferenceMapsBuilder {
  private readonly pcs: number[] = [];
  private readonly depths: number[] = [];
  private readonly indexes: number[] = [];
  private readonly words: number[] = [];
  private readonly seen = new Map<string, number>();
  readonly wordsPerMap: number;
  private readonly current: Uint32Array;

  constructor(
    private readonly maxLocals: number,
    private readonly maxStack: number,
  ) {
    this.wordsPerMap = Math.max(1, Math.ceil((maxLocals + maxStack) / 32));
    this.current = new Uint32Array(this.wordsPerMap);
  }

  /** Adds a safepoint; `isRef(slot)` answers for slots 0 .. maxLocals + depth - 1. */
  add(pc: number, depth: number, isRef: (slot: number) => boolean): void {
    const map = this.current;
    map.fill(0);
    const slots = this.maxLocals + depth;
    for (let k = 0; k < slots; k++) if (isRef(k)) map[k >>> 5] = (map[k >>> 5] as number) | (1 << (k & 31));
    const key = map.join(',');
    let index = this.seen.get(key);
    if (index === undefined) {
      index = this.seen.size;
      this.seen.set(key, index);
      for (const w of map) this.words.push(w);
    }
    this.pcs.push(pc);
    this.depths.push(depth);
    this.indexes.push(index);
  }

  build(): ReferenceMaps {
    return new ReferenceMaps(
      this.maxLocals,
      this.maxStack,
      Uint16Array.from(this.pcs),
      Uint16Array.from(this.depths),
      Uint32Array.from(this.indexes),
      this.wordsPerMap,
      Uint32Array.from(this.words),
    );
  }
}
