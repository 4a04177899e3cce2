/** mulberry32 seeded with `seed`: each call returns the next float in [0, 1). */
export function mulberry32(seed: number): () => number;
