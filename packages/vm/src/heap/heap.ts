// The managed heap: one ArrayBuffer with typed-array views over it. Allocation goes through `allocate`
// only, a bump pointer that the collector (a later issue) replaces; everything else addresses memory
// through the views.
import { HDR_CLASS, HDR_HASH, HEAP_START_WORD } from './layout.js';

/** Largest heap the word-addressed layout supports with byte indexes that fit in an int32. */
export const MAX_HEAP_BYTES = 2 ** 31 - 8;

/** The buffer a new heap starts with; it doubles on demand up to the limit. */
export const INITIAL_HEAP_BYTES = 8 * 1024 * 1024;

export class Heap {
  buffer: ArrayBuffer;
  // The views are replaced when the heap grows: hold them only until the next allocation.
  i32: Int32Array;
  f32: Float32Array;
  f64: Float64Array;
  u16: Uint16Array;
  i16: Int16Array;
  i8: Int8Array;
  u8: Uint8Array;
  /** Next free word. */
  top = HEAP_START_WORD;
  /** Words the guest may use (-Xmx). */
  readonly limitWords: number;
  /**
   * Words past the limit kept back so the VM can still build the OutOfMemoryError (and its stack trace)
   * once the guest has used up the heap.
   */
  private readonly reserveWords: number;
  private useReserve = false;
  private hashState = 0x2545f491;

  constructor(maxBytes: number) {
    const bytes = Math.min(MAX_HEAP_BYTES, Math.max(1 << 20, maxBytes)) & ~7;
    this.limitWords = bytes >> 2;
    this.reserveWords = 64 * 1024;
    // Allocating (and zeroing) the whole -Xmx at start-up would cost tens of milliseconds; the buffer
    // starts small and doubles as the bump pointer needs.
    this.buffer = new ArrayBuffer(Math.min(INITIAL_HEAP_BYTES, (this.limitWords + this.reserveWords) * 4));
    this.i32 = new Int32Array(this.buffer);
    this.f32 = new Float32Array(this.buffer);
    this.f64 = new Float64Array(this.buffer);
    this.u16 = new Uint16Array(this.buffer);
    this.i16 = new Int16Array(this.buffer);
    this.i8 = new Int8Array(this.buffer);
    this.u8 = new Uint8Array(this.buffer);
  }

  /** Replaces the buffer by one of at least `words` words (copying the used part) and renews the views. */
  private grow(words: number): void {
    const max = (this.limitWords + this.reserveWords) * 4;
    let bytes = this.buffer.byteLength;
    while (bytes < words * 4) bytes *= 2;
    bytes = Math.min(max, bytes);
    const next = new ArrayBuffer(bytes);
    new Uint8Array(next).set(this.u8.subarray(0, this.top * 4));
    this.buffer = next;
    this.i32 = new Int32Array(next);
    this.f32 = new Float32Array(next);
    this.f64 = new Float64Array(next);
    this.u16 = new Uint16Array(next);
    this.i16 = new Int16Array(next);
    this.i8 = new Int8Array(next);
    this.u8 = new Uint8Array(next);
  }

  /**
   * Allocates `words` zeroed words (an even count) for an object of class `classId` and returns its
   * reference, or 0 when the heap limit is reached.
   */
  allocate(words: number, classId: number): number {
    const ref = this.top;
    const end = ref + words;
    const limit = this.useReserve ? this.limitWords + this.reserveWords : this.limitWords;
    if (end > limit || end < ref) return 0;
    if (end > this.i32.length) this.grow(end);
    this.top = end;
    this.i32[ref + HDR_CLASS] = classId;
    return ref;
  }

  /** Lets the next allocations dip into the reserve (while an OutOfMemoryError is being built). */
  enterReserve(): void {
    this.useReserve = true;
  }

  leaveReserve(): void {
    this.useReserve = false;
  }

  get usedBytes(): number {
    return (this.top - HEAP_START_WORD) * 4;
  }

  /** The object's identity hash, chosen at random (as HotSpot does) on first request. */
  identityHash(ref: number): number {
    let h = this.i32[ref + HDR_HASH]!;
    if (h !== 0) return h;
    do {
      // xorshift32: cheap, deterministic per run, and never returns 0 for a non-zero state.
      let x = this.hashState;
      x ^= x << 13;
      x ^= x >>> 17;
      x ^= x << 5;
      this.hashState = x;
      h = x & 0x7fffffff;
    } while (h === 0);
    this.i32[ref + HDR_HASH] = h;
    return h;
  }
}

/** Parses a JVM size option value: `64m`, `1g`, `512k`, `1048576`. Returns undefined when malformed. */
export function parseSize(text: string): number | undefined {
  const m = /^(\d+)([kKmMgG]?)$/.exec(text);
  if (!m) return undefined;
  const n = Number(m[1]);
  const unit = (m[2] ?? '').toLowerCase();
  const scale = unit === 'k' ? 1024 : unit === 'm' ? 1024 ** 2 : unit === 'g' ? 1024 ** 3 : 1;
  return n * scale;
}
