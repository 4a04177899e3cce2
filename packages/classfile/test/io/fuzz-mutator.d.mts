export interface Random {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [0, n). */
  int(n: number): number;
  pick<T>(xs: readonly T[]): T;
}

export type MutationKind = 'bitFlip' | 'byteOverwrite' | 'truncate' | 'u2Overwrite' | 'u4Overwrite' | 'poolIndex' | 'insert' | 'delete';

export const MUTATIONS: readonly MutationKind[];

export function createRandom(seed: number): Random;

export function mutate(original: Uint8Array, random: Random): { bytes: Uint8Array; applied: MutationKind[] };
