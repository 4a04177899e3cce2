// A bounds-checked big-endian cursor over a class file. Every read checks the bytes left before the
// current limit (the end of the file, or of the attribute being parsed), so truncated or lying input
// becomes a ClassFormatError naming the offset instead of a RangeError or a silent zero.
import { ClassFormatError } from '../errors.js';

export class ByteReader {
  /** Offset of the next byte to read, from the start of the file. */
  pos = 0;
  /** Reads may not go past this offset. */
  limit: number;
  /** The name of the attribute `limit` ends, or '' when it is the end of the file; for error messages. */
  scope = '';

  constructor(readonly bytes: Uint8Array) {
    this.limit = bytes.length;
  }

  get remaining(): number {
    return this.limit - this.pos;
  }

  /** Throws unless `n` more bytes are available for `what`. */
  need(n: number, what: string): void {
    if (n > this.limit - this.pos) {
      throw new ClassFormatError(
        `Truncated ${this.scopeName()}: ${what} needs ${n} byte${n === 1 ? '' : 's'} but only ${this.limit - this.pos} remain`,
        this.pos,
      );
    }
  }

  /**
   * Throws unless `count` items of at least `minSize` bytes each fit in what remains. Checked before an
   * array of `count` items is built, so a lying count fails fast.
   */
  needItems(count: number, minSize: number, what: string): void {
    if (count * minSize > this.limit - this.pos) {
      throw new ClassFormatError(
        `Truncated ${this.scopeName()}: ${count} ${what} need at least ${count * minSize} bytes but only ${this.limit - this.pos} remain`,
        this.pos,
      );
    }
  }

  private scopeName(): string {
    return this.scope === '' ? 'class file' : `${this.scope} attribute`;
  }

  u1(what: string): number {
    this.need(1, what);
    return this.bytes[this.pos++]!;
  }

  u2(what: string): number {
    this.need(2, what);
    const b = this.bytes;
    const p = this.pos;
    this.pos = p + 2;
    return (b[p]! << 8) | b[p + 1]!;
  }

  /** An unsigned 32-bit value. */
  u4(what: string): number {
    return this.s4(what) >>> 0;
  }

  /** A signed 32-bit value. */
  s4(what: string): number {
    this.need(4, what);
    const b = this.bytes;
    const p = this.pos;
    this.pos = p + 4;
    return (b[p]! << 24) | (b[p + 1]! << 16) | (b[p + 2]! << 8) | b[p + 3]!;
  }

  /** A copy of the next `n` bytes, so the model never aliases the caller's buffer. */
  copy(n: number, what: string): Uint8Array {
    this.need(n, what);
    const out = this.bytes.slice(this.pos, this.pos + n);
    this.pos += n;
    return out;
  }
}
