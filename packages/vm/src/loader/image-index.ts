// Indexing the runtime image for the bootstrap loader. The image our own build writes next to the VM is
// read without checksumming all of it (a CRC-32 over ~220 KB cost 3-6 ms of every start); its header and
// directory are still checked, so a truncated or foreign file gives a RuntimeImageError rather than a
// JavaScript error. Any other image goes through @oakvm/classfile's readRuntimeImage, which also checks
// the CRC-32 and every entry (the layout is described in docs/classlib.md).
import { RUNTIME_IMAGE_MAGIC, RUNTIME_IMAGE_MAJOR, RuntimeImageError, readRuntimeImage } from '@oakvm/classfile';

const HEADER_SIZE = 12;
const TRAILER_SIZE = 4;

/**
 * Internal class name -> class-file bytes (views into `bytes`). `checksum: false` skips the CRC-32 of the
 * whole image and the per-entry class-file magic check: use it only for images this installation built.
 */
export function indexRuntimeImage(bytes: Uint8Array, checksum: boolean): Map<string, Uint8Array> {
  if (checksum) return readRuntimeImage(bytes);
  if (bytes.length < HEADER_SIZE + TRAILER_SIZE) {
    throw new RuntimeImageError(`truncated image: ${bytes.length} bytes is shorter than its header and checksum`);
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const magic = view.getUint32(0);
  if (magic !== RUNTIME_IMAGE_MAGIC) {
    throw new RuntimeImageError(`not a runtime image: magic 0x${magic.toString(16).padStart(8, '0')}`, 0);
  }
  const major = view.getUint16(4);
  if (major !== RUNTIME_IMAGE_MAJOR) {
    throw new RuntimeImageError(`unsupported runtime image version ${major}.${view.getUint16(6)}`, 4);
  }
  const dataEnd = bytes.length - TRAILER_SIZE;
  const count = view.getUint32(8);
  const classes = new Map<string, Uint8Array>();
  let pos = HEADER_SIZE;
  for (let i = 0; i < count; i++) {
    const nameLength = pos + 2 <= dataEnd ? view.getUint16(pos) : -1;
    if (nameLength <= 0 || pos + 2 + nameLength + 8 > dataEnd) {
      throw new RuntimeImageError(`truncated directory at entry ${i} of ${count}`, pos);
    }
    const name = entryName(bytes, pos + 2, nameLength);
    const offset = view.getUint32(pos + 2 + nameLength);
    const length = view.getUint32(pos + 6 + nameLength);
    if (length > dataEnd - offset) {
      throw new RuntimeImageError(`class ${name} lies outside the image's data area (offset ${offset}, length ${length})`, pos);
    }
    classes.set(name, bytes.subarray(offset, offset + length));
    pos += 10 + nameLength;
  }
  return classes;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Class names are nearly always ASCII: decoded without TextDecoder, which costs more per short call. */
function entryName(bytes: Uint8Array, start: number, length: number): string {
  let name = '';
  for (let i = start; i < start + length; i++) {
    const b = bytes[i]!;
    if (b >= 0x80) {
      try {
        return utf8.decode(bytes.subarray(start, start + length));
      } catch {
        throw new RuntimeImageError('class name is not valid UTF-8', start);
      }
    }
    name += String.fromCharCode(b);
  }
  return name;
}
