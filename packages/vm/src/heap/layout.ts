// Object layout in the managed heap (DESIGN 3). The heap is addressed in 32-bit words; a reference is the
// word index of an object's header, and 0 is null. Every object starts on an even word so that 8-byte
// fields and array elements are naturally aligned for the Float64Array view.
//
//   word 0  class id (index into the VM's class table)
//   word 1  identity hash (0 until first asked for)
//   word 2  lock word (0 = unlocked, otherwise an index into the monitor table)
//   word 3  arrays: length; instances: first field
//   word 4  arrays: first element (8-byte aligned)

export const HDR_CLASS = 0;
export const HDR_HASH = 1;
export const HDR_LOCK = 2;
export const ARRAY_LENGTH = 3;
/** Word offset of an array's first element. */
export const ARRAY_DATA = 4;
/** Word offset of the first instance field (4-byte fields may use it; 8-byte fields start at 4). */
export const FIRST_FIELD_WORD = 3;
export const HEADER_WORDS = 3;
/** The lowest address handed out, so that 0 can mean null. */
export const HEAP_START_WORD = 8;

/** Element kinds of arrays, named by their descriptor character. */
export type ElementKind = 'Z' | 'B' | 'C' | 'S' | 'I' | 'F' | 'J' | 'D' | 'L';

/** Bytes per element of each array kind; reference arrays hold 32-bit references. */
export const ELEMENT_BYTES: { readonly [K in ElementKind]: number } = {
  Z: 1,
  B: 1,
  C: 2,
  S: 2,
  I: 4,
  F: 4,
  J: 8,
  D: 8,
  L: 4,
};

/** Words an array of `length` elements of `kind` occupies, header included, rounded to an even count. */
export function arrayWords(kind: ElementKind, length: number): number {
  const dataWords = Math.ceil((length * ELEMENT_BYTES[kind]) / 4);
  return (ARRAY_DATA + dataWords + 1) & ~1;
}
