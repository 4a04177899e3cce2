// Sets of variables for flow analysis, one bit per variable. A body with at most SMALL_SET_BITS
// variables (nearly all of them) uses a small integer (a V8 Smi: 31 bits, signed), whose operations
// allocate nothing; a larger one uses a bigint, each operation of which allocates. One analyser makes all
// its sets from one VarSets, so the two representations never meet in one operation.

export type VarSet = number | bigint;

/**
 * The most variables a number-backed set holds. Every such set is then below 2^30, a Smi: a larger
 * number is a heap number, and one stored in a FlowState field would make V8 box that field in every
 * FlowState.
 */
export const SMALL_SET_BITS = 30;

/** The sets of one analysis: the empty set, all variables, and each variable's one-bit set. */
export class VarSets {
  readonly empty: VarSet;
  readonly all: VarSet;
  private readonly bits: bigint[] = [];

  constructor(readonly size: number) {
    this.empty = size <= SMALL_SET_BITS ? 0 : 0n;
    this.all = this.firstN(size);
  }

  /** The set holding variable `index`; a bigint one is made once per analysis (a variable is looked up at every use). */
  bit(index: number): VarSet {
    if (this.size <= SMALL_SET_BITS) return 1 << index;
    let bit = this.bits[index];
    if (bit === undefined) {
      bit = 1n << BigInt(index);
      this.bits[index] = bit;
    }
    return bit;
  }

  /** The set of variables 0 to n - 1. */
  firstN(n: number): VarSet {
    return this.size <= SMALL_SET_BITS ? (1 << n) - 1 : (1n << BigInt(n)) - 1n;
  }
}

export function union(a: VarSet, b: VarSet): VarSet {
  return typeof a === 'number' ? a | (b as number) : a | (b as bigint);
}

export function intersection(a: VarSet, b: VarSet): VarSet {
  return typeof a === 'number' ? a & (b as number) : a & (b as bigint);
}

/** The variables of `a` that are not in `b`. */
export function difference(a: VarSet, b: VarSet): VarSet {
  return typeof a === 'number' ? a & ~(b as number) : a & ~(b as bigint);
}

export function intersects(a: VarSet, b: VarSet): boolean {
  return typeof a === 'number' ? (a & (b as number)) !== 0 : (a & (b as bigint)) !== 0n;
}
