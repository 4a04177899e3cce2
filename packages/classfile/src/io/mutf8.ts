// Modified UTF-8 (JVMS 4.4.7), the encoding of CONSTANT_Utf8 entries. It differs from UTF-8 in two ways:
// U+0000 is written as the two bytes C0 80, and characters outside the BMP are written as their UTF-16
// surrogates, three bytes each. JavaScript strings are UTF-16 too, so each 1-, 2- or 3-byte group maps to
// exactly one code unit, lone surrogates included. Only the shortest form of each code unit is accepted
// (C0 80 for U+0000 being the one two-byte form of a one-byte value), which makes decoding then encoding
// give back the same bytes.
import { ClassFormatError } from '../errors.js';

/** Code units are gathered and turned into a string in chunks, below any engine's argument-count limit. */
const CHUNK = 4096;

/**
 * Decodes `bytes[start, end)`. `fileOffset` is the file offset of `bytes[0]`, so an error names the
 * position of the bad byte in the file.
 */
export function decodeModifiedUtf8(bytes: Uint8Array, start: number, end: number, fileOffset = 0): string {
  let ascii = true;
  for (let i = start; i < end; i++) {
    const b = bytes[i]!;
    if (b === 0 || b >= 0x80) {
      ascii = false;
      break;
    }
  }
  if (ascii) return asciiToString(bytes, start, end);

  const units: number[] = [];
  let out = '';
  let i = start;
  while (i < end) {
    const a = bytes[i]!;
    if (a !== 0 && a < 0x80) {
      units.push(a);
      i += 1;
    } else if ((a & 0xe0) === 0xc0) {
      const b = continuation(bytes, i, 1, end, fileOffset);
      const unit = ((a & 0x1f) << 6) | (b & 0x3f);
      if (unit !== 0 && unit < 0x80) malformed(`overlong two-byte form of U+${hex4(unit)}`, i, fileOffset);
      units.push(unit);
      i += 2;
    } else if ((a & 0xf0) === 0xe0) {
      const b = continuation(bytes, i, 1, end, fileOffset);
      const c = continuation(bytes, i, 2, end, fileOffset);
      const unit = ((a & 0x0f) << 12) | ((b & 0x3f) << 6) | (c & 0x3f);
      if (unit < 0x800) malformed(`overlong three-byte form of U+${hex4(unit)}`, i, fileOffset);
      units.push(unit);
      i += 3;
    } else {
      malformed(`illegal byte 0x${hex2(a)}`, i, fileOffset);
    }
    if (units.length >= CHUNK) {
      out += String.fromCharCode(...units);
      units.length = 0;
    }
  }
  return out + String.fromCharCode(...units);
}

/** The number of bytes `s` takes in modified UTF-8. */
export function modifiedUtf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const u = s.charCodeAt(i);
    n += u !== 0 && u < 0x80 ? 1 : u < 0x800 ? 2 : 3;
  }
  return n;
}

/** Writes `s` into `out` at `pos` (which must have room for `modifiedUtf8Length(s)` bytes); returns the end. */
export function encodeModifiedUtf8Into(s: string, out: Uint8Array, pos: number): number {
  let p = pos;
  for (let i = 0; i < s.length; i++) {
    const u = s.charCodeAt(i);
    if (u !== 0 && u < 0x80) {
      out[p++] = u;
    } else if (u < 0x800) {
      out[p++] = 0xc0 | (u >> 6);
      out[p++] = 0x80 | (u & 0x3f);
    } else {
      out[p++] = 0xe0 | (u >> 12);
      out[p++] = 0x80 | ((u >> 6) & 0x3f);
      out[p++] = 0x80 | (u & 0x3f);
    }
  }
  return p;
}

export function encodeModifiedUtf8(s: string): Uint8Array {
  const out = new Uint8Array(modifiedUtf8Length(s));
  encodeModifiedUtf8Into(s, out, 0);
  return out;
}

/** Bytes 0x01 to 0x7F mean the same in UTF-8, and the platform's native decoder is the fastest way to a string. */
const asciiDecoder = new TextDecoder();

function asciiToString(bytes: Uint8Array, start: number, end: number): string {
  return asciiDecoder.decode(bytes.subarray(start, end));
}

function continuation(bytes: Uint8Array, lead: number, k: number, end: number, fileOffset: number): number {
  if (lead + k >= end) malformed(`sequence starting with 0x${hex2(bytes[lead]!)} is cut off`, lead, fileOffset);
  const b = bytes[lead + k]!;
  if ((b & 0xc0) !== 0x80) malformed(`byte 0x${hex2(b)} is not a continuation byte`, lead + k, fileOffset);
  return b;
}

function malformed(what: string, at: number, fileOffset: number): never {
  throw new ClassFormatError(`Illegal modified UTF-8: ${what}`, fileOffset + at);
}

function hex2(n: number): string {
  return n.toString(16).padStart(2, '0');
}

function hex4(n: number): string {
  return n.toString(16).toUpperCase().padStart(4, '0');
}
