// The verifier's working state at one instruction: the types of the locals and of the operand stack,
// and whether `this` has been initialized (constructors only). Pops check what they take and fail with
// HotSpot's messages; `fail` throws, so the checks read as guards.
import {
  DOUBLE,
  FLOAT,
  INT,
  LONG,
  TOP,
  Tag,
  isInitializedReference,
  isReference,
  type VType,
} from './verification-type.js';

export type Fail = (reason: string) => never;

export class TypeState {
  readonly locals: VType[];
  readonly stack: VType[];
  sp = 0;
  thisInitialized = true;

  constructor(
    readonly maxLocals: number,
    readonly maxStack: number,
    private readonly fail: Fail,
  ) {
    this.locals = new Array<VType>(maxLocals).fill(TOP);
    this.stack = new Array<VType>(maxStack).fill(TOP);
  }

  load(locals: readonly VType[], stack: readonly VType[], thisInitialized: boolean): void {
    for (let i = 0; i < this.maxLocals; i++) this.locals[i] = locals[i] as VType;
    for (let i = 0; i < stack.length; i++) this.stack[i] = stack[i] as VType;
    this.sp = stack.length;
    this.thisInitialized = thisInitialized;
  }

  // ---- the operand stack ---------------------------------------------------------------------------

  push(t: VType): void {
    if (this.sp >= this.maxStack) this.fail('Stack size too large');
    this.stack[this.sp++] = t;
  }

  /** Pushes a value's one or two slots. */
  pushValue(slots: readonly VType[]): void {
    for (const t of slots) this.push(t);
  }

  pop(): VType {
    if (this.sp === 0) this.fail('Unable to pop operand off an empty stack');
    return this.stack[--this.sp] as VType;
  }

  peek(depth: number): VType {
    return this.stack[this.sp - 1 - depth] as VType;
  }

  popInt(): void {
    if (this.pop().tag !== Tag.Int) this.fail('Expecting to find integer on stack');
  }

  popFloat(): void {
    if (this.pop().tag !== Tag.Float) this.fail('Expecting to find float on stack');
  }

  popLong(): void {
    this.popPair(Tag.Long, Tag.LongHi, 'Expecting to find long on stack');
  }

  popDouble(): void {
    this.popPair(Tag.Double, Tag.DoubleHi, 'Expecting to find double on stack');
  }

  /** HotSpot looks at the top slot's type before counting slots, so one int where a long is due reads as a type error. */
  private popPair(low: Tag, high: Tag, message: string): void {
    if (this.sp === 0) this.fail('Unable to pop operand off an empty stack');
    if ((this.stack[this.sp - 1] as VType).tag !== high || this.sp < 2 || (this.stack[this.sp - 2] as VType).tag !== low) this.fail(message);
    this.sp -= 2;
  }

  /** An initialized object, array or null. */
  popReference(): VType {
    const t = this.pop();
    if (!isInitializedReference(t)) this.fail('Expecting to find object/array on stack');
    return t;
  }

  /** Any reference, initialized or not (astore may hold an uninitialized object). */
  popAnyReference(): VType {
    const t = this.pop();
    if (!isReference(t)) this.fail('Expecting to find object/array on stack');
    return t;
  }

  /** A value of a descriptor's type: checks the kind and returns the (first-slot) type found. */
  popValue(slots: readonly VType[]): VType {
    const expected = slots[0] as VType;
    switch (expected.tag) {
      case Tag.Int:
        this.popInt();
        return INT;
      case Tag.Float:
        this.popFloat();
        return FLOAT;
      case Tag.Long:
        this.popLong();
        return LONG;
      case Tag.Double:
        this.popDouble();
        return DOUBLE;
      default:
        return this.popReference();
    }
  }

  /**
   * Pops `n` raw slots for the type-blind stack instructions (pop, dup, swap...), bottom first into
   * `into`. The bottom slot may not be the second half of a long or double (that would split it), and the
   * positions set in `singles` (bit i for the i-th slot from the bottom) must hold one-slot values.
   */
  popSlots(n: number, into: VType[], singles: number): void {
    if (this.sp < n) this.fail('Unable to pop operand off an empty stack');
    for (let i = 0; i < n; i++) {
      const t = this.stack[this.sp - n + i] as VType;
      const half = t.tag === Tag.LongHi || t.tag === Tag.DoubleHi;
      if ((i === 0 && half) || ((singles >> i) & 1 && (half || t.tag === Tag.Long || t.tag === Tag.Double))) {
        this.fail('Attempt to split long or double on the stack');
      }
      into[i] = t;
    }
    this.sp -= n;
  }

  // ---- locals --------------------------------------------------------------------------------------

  /** Reads a one-slot local that must have tag `tag` (iload, fload). */
  loadLocal(index: number, tag: Tag): VType {
    const t = this.locals[index] as VType;
    if (t.tag !== tag) this.badRegister(index);
    return t;
  }

  loadReferenceLocal(index: number): VType {
    const t = this.locals[index] as VType;
    if (!isReference(t)) this.badRegister(index);
    return t;
  }

  /** Reads a two-slot local (lload, dload). */
  loadPair(index: number, low: Tag, high: Tag): void {
    const a = this.locals[index] as VType;
    const b = this.locals[index + 1] as VType;
    if (a.tag === low && b.tag === high) return;
    if (index + 1 >= this.trackedLocals()) this.fail(`Accessing value from uninitialized register pair ${index}/${index + 1}`);
    this.fail(`Register pair ${index}/${index + 1} contains wrong type`);
  }

  private badRegister(index: number): never {
    if (index >= this.trackedLocals()) this.fail(`Accessing value from uninitialized register ${index}`);
    return this.fail(`Register ${index} contains wrong type`);
  }

  /**
   * HotSpot calls a local uninitialized only past the registers it tracks, which grow as locals are
   * written and shrink where paths meet: here, past the highest local that holds anything.
   */
  private trackedLocals(): number {
    let tracked = this.maxLocals;
    while (tracked > 0 && (this.locals[tracked - 1] as VType).tag === Tag.Top) tracked--;
    return tracked;
  }

  /**
   * Writes one slot. A long or double the write overlaps is not cleared: its other half stays as it was,
   * and since a two-slot load checks both halves, the broken pair can no longer be read as one (HotSpot
   * keeps its registers the same way, which decides its messages).
   */
  store(index: number, t: VType): void {
    this.locals[index] = t;
  }

  storePair(index: number, low: VType, high: VType): void {
    this.locals[index] = low;
    this.locals[index + 1] = high;
  }

  /** Replaces every occurrence of `from` in locals and stack (an object's constructor has run). */
  replace(from: VType, to: VType): void {
    for (let i = 0; i < this.maxLocals; i++) if (this.locals[i] === from) this.locals[i] = to;
    for (let i = 0; i < this.sp; i++) if (this.stack[i] === from) this.stack[i] = to;
  }
}
