// A growable big-endian output buffer. Each write checks that the value fits its field, so a model with an
// out-of-range number (a pool index above 65535, a negative length) is reported instead of being
// silently truncated into a corrupt file.
import { ClassFormatError } from '../errors.js';
import { encodeModifiedUtf8Into, modifiedUtf8Length } from './mutf8.js';

export class ByteWriter {
  private buf: Uint8Array;
  private view: DataView;
  pos = 0;

  constructor(initialCapacity = 4096) {
    this.buf = new Uint8Array(initialCapacity);
    this.view = new DataView(this.buf.buffer);
  }

  private ensure(n: number): void {
    const needed = this.pos + n;
    if (needed <= this.buf.length) return;
    let size = this.buf.length * 2;
    while (size < needed) size *= 2;
    const next = new Uint8Array(size);
    next.set(this.buf.subarray(0, this.pos));
    this.buf = next;
    this.view = new DataView(next.buffer);
  }

  u1(v: number, what: string): void {
    checkRange(v, 0xff, what);
    this.ensure(1);
    this.buf[this.pos++] = v;
  }

  u2(v: number, what: string): void {
    checkRange(v, 0xffff, what);
    this.ensure(2);
    this.buf[this.pos++] = v >>> 8;
    this.buf[this.pos++] = v & 0xff;
  }

  u4(v: number, what: string): void {
    checkRange(v, 0xffffffff, what);
    this.ensure(4);
    this.view.setUint32(this.pos, v);
    this.pos += 4;
  }

  /** Any 32-bit pattern, given as a signed or unsigned number. */
  s4(v: number, what: string): void {
    if (!Number.isInteger(v) || v < -0x80000000 || v > 0xffffffff) {
      throw new ClassFormatError(`Cannot write ${what}: ${v} is not a 32-bit integer`);
    }
    this.ensure(4);
    this.view.setUint32(this.pos, v >>> 0);
    this.pos += 4;
  }

  f4(v: number): void {
    this.ensure(4);
    this.view.setFloat32(this.pos, v);
    this.pos += 4;
  }

  f8(v: number): void {
    this.ensure(8);
    this.view.setFloat64(this.pos, v);
    this.pos += 8;
  }

  bytes(b: Uint8Array): void {
    this.ensure(b.length);
    this.buf.set(b, this.pos);
    this.pos += b.length;
  }

  /** A u2 length followed by the modified UTF-8 bytes of `s`. */
  utf8(s: string, what: string): void {
    const length = modifiedUtf8Length(s);
    if (length > 0xffff) throw new ClassFormatError(`Cannot write ${what}: ${length} bytes of modified UTF-8 exceed 65535`);
    this.u2(length, what);
    this.ensure(length);
    this.pos = encodeModifiedUtf8Into(s, this.buf, this.pos);
  }

  /** Overwrites the u4 at `at`, for lengths known only after their content is written. */
  patchU4(at: number, v: number, what: string): void {
    checkRange(v, 0xffffffff, what);
    this.view.setUint32(at, v);
  }

  /** A copy of what has been written. */
  result(): Uint8Array {
    return this.buf.slice(0, this.pos);
  }
}

function checkRange(v: number, max: number, what: string): void {
  if (!Number.isInteger(v) || v < 0 || v > max) {
    throw new ClassFormatError(`Cannot write ${what}: ${v} is not in the range 0 to ${max}`);
  }
}
