// The runtime image: every class file of the class library in one container the VM's bootstrap loader
// and oakc read. Layout (big-endian, like class files; described in docs/classlib.md):
//   u4 magic 'OAKI', u2 major, u2 minor, u4 count,
//   count × { u2 nameLength, name (UTF-8), u4 offset, u4 length },
//   the class files, u4 CRC-32 of everything before it.
// A directory up front lets the reader hand out views into the image without copying anything.
import { crc32 } from './crc32.js';
import { RuntimeImageError } from './runtime-image-error.js';

export const RUNTIME_IMAGE_MAGIC = 0x4f414b49;
export const RUNTIME_IMAGE_MAJOR = 1;
export const RUNTIME_IMAGE_MINOR = 0;

const HEADER_SIZE = 12;
const TRAILER_SIZE = 4;
const CLASS_MAGIC = 0xcafebabe;
const MAX_U2 = 0xffff;
const MAX_U4 = 0xffffffff;

/** Packs class files (internal name -> bytes) into an image. Entries are sorted by name, so equal maps give equal bytes. */
export function writeRuntimeImage(classes: ReadonlyMap<string, Uint8Array>): Uint8Array {
  const encoder = new TextEncoder();
  const names = [...classes.keys()].sort();
  const encodedNames = names.map((name) => {
    const bytes = encoder.encode(name);
    if (bytes.length === 0 || bytes.length > MAX_U2) {
      throw new RuntimeImageError(`class name of ${bytes.length} bytes cannot be stored: ${JSON.stringify(name)}`);
    }
    return bytes;
  });
  for (const name of names) {
    const bytes = classes.get(name)!;
    // The reader rejects such entries, so refuse to write an image it could not read back.
    if (bytes.length < 4 || new DataView(bytes.buffer, bytes.byteOffset, 4).getUint32(0) !== CLASS_MAGIC) {
      throw new RuntimeImageError(`entry ${name} is not a class file`);
    }
  }
  const directorySize = encodedNames.reduce((sum, bytes) => sum + 2 + bytes.length + 8, 0);
  const dataSize = names.reduce((sum, name) => sum + classes.get(name)!.length, 0);
  const total = HEADER_SIZE + directorySize + dataSize + TRAILER_SIZE;
  if (total > MAX_U4) throw new RuntimeImageError(`image of ${total} bytes exceeds the 4 GiB limit`);

  const out = new Uint8Array(total);
  const view = new DataView(out.buffer);
  view.setUint32(0, RUNTIME_IMAGE_MAGIC);
  view.setUint16(4, RUNTIME_IMAGE_MAJOR);
  view.setUint16(6, RUNTIME_IMAGE_MINOR);
  view.setUint32(8, names.length);
  let entry = HEADER_SIZE;
  let data = HEADER_SIZE + directorySize;
  names.forEach((name, i) => {
    const nameBytes = encodedNames[i]!;
    const classBytes = classes.get(name)!;
    view.setUint16(entry, nameBytes.length);
    out.set(nameBytes, entry + 2);
    entry += 2 + nameBytes.length;
    view.setUint32(entry, data);
    view.setUint32(entry + 4, classBytes.length);
    entry += 8;
    out.set(classBytes, data);
    data += classBytes.length;
  });
  view.setUint32(data, crc32(out, 0, data));
  return out;
}

export interface ReadRuntimeImageOptions {
  /**
   * The image was written by this installation's own build: skip the CRC-32 over the whole image and the
   * per-entry class-file checks (the CRC costs several milliseconds of every VM start). The header and the
   * directory are still checked, so a truncated or foreign file still gives a RuntimeImageError.
   */
  readonly trusted?: boolean;
}

/**
 * Unpacks an image into internal name -> class-file bytes. The arrays are views into `bytes`, which the
 * caller must therefore not modify. Throws RuntimeImageError for anything malformed.
 */
export function readRuntimeImage(bytes: Uint8Array, options: ReadRuntimeImageOptions = {}): Map<string, Uint8Array> {
  const trusted = options.trusted === true;
  if (bytes.length < HEADER_SIZE + TRAILER_SIZE) {
    throw new RuntimeImageError(`truncated image: ${bytes.length} bytes is shorter than its header and checksum`);
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const magic = view.getUint32(0);
  if (magic !== RUNTIME_IMAGE_MAGIC) {
    throw new RuntimeImageError(`not a runtime image: magic 0x${magic.toString(16).padStart(8, '0')}`, 0);
  }
  const major = view.getUint16(4);
  const minor = view.getUint16(6);
  if (major !== RUNTIME_IMAGE_MAJOR) {
    throw new RuntimeImageError(`unsupported runtime image version ${major}.${minor}`, 4);
  }
  const dataEnd = bytes.length - TRAILER_SIZE;
  const expected = view.getUint32(dataEnd);
  const actual = trusted ? expected : crc32(bytes, 0, dataEnd);
  if (expected !== actual) {
    throw new RuntimeImageError(
      `corrupt image: checksum 0x${actual.toString(16).padStart(8, '0')} does not match 0x${expected.toString(16).padStart(8, '0')}`,
      dataEnd,
    );
  }

  const count = view.getUint32(8);
  const classes = new Map<string, Uint8Array>();
  let pos = HEADER_SIZE;
  // The directory ends where the first class file begins, so no entry may point inside it.
  const entries: { name: string; offset: number; length: number; at: number }[] = [];
  for (let i = 0; i < count; i++) {
    if (pos + 2 > dataEnd) throw new RuntimeImageError(`truncated directory at entry ${i} of ${count}`, pos);
    const nameLength = view.getUint16(pos);
    if (nameLength === 0) throw new RuntimeImageError(`empty class name in entry ${i}`, pos);
    if (pos + 2 + nameLength + 8 > dataEnd) throw new RuntimeImageError(`truncated directory at entry ${i} of ${count}`, pos);
    const name = entryName(bytes, pos + 2, nameLength, i);
    const at = pos;
    pos += 2 + nameLength;
    entries.push({ name, offset: view.getUint32(pos), length: view.getUint32(pos + 4), at });
    pos += 8;
  }
  const dataStart = pos;
  for (const { name, offset, length, at } of entries) {
    if (offset < dataStart || length > dataEnd - offset) {
      throw new RuntimeImageError(`class ${name} lies outside the image's data area (offset ${offset}, length ${length})`, at);
    }
    if (!trusted && (length < 4 || view.getUint32(offset) !== CLASS_MAGIC)) {
      throw new RuntimeImageError(`entry ${name} is not a class file`, offset);
    }
    if (classes.has(name)) throw new RuntimeImageError(`class ${name} appears twice`, at);
    classes.set(name, bytes.subarray(offset, offset + length));
  }
  return classes;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Class names are nearly always ASCII: those are decoded without TextDecoder, which costs more per short call. */
function entryName(bytes: Uint8Array, start: number, length: number, entry: number): string {
  let name = '';
  for (let i = start; i < start + length; i++) {
    const b = bytes[i]!;
    if (b >= 0x80) {
      try {
        return utf8.decode(bytes.subarray(start, start + length));
      } catch {
        throw new RuntimeImageError(`class name of entry ${entry} is not valid UTF-8`, start);
      }
    }
    name += String.fromCharCode(b);
  }
  return name;
}
