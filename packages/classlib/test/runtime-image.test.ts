import { describe, expect, it } from 'vitest';
import { readRuntimeImage, RuntimeImageError, writeRuntimeImage } from '@oakvm/classfile';
import { crc32 } from '../../classfile/src/image/crc32.js';

/** A byte array that passes the image's class-file check: the magic then some payload. */
function classBytes(...payload: number[]): Uint8Array {
  return new Uint8Array([0xca, 0xfe, 0xba, 0xbe, ...payload]);
}

const sample = new Map<string, Uint8Array>([
  ['java/lang/Object', classBytes(1, 2, 3)],
  ['java/lang/String', classBytes(4, 5)],
  ['java/util/Arrays', classBytes()],
  ['p/Ünïcödé', classBytes(9)],
]);

/** Recomputes the trailing checksum so a deliberately edited image fails on its structure, not its CRC. */
function resealed(image: Uint8Array): Uint8Array {
  const copy = image.slice();
  new DataView(copy.buffer).setUint32(copy.length - 4, crc32(copy, 0, copy.length - 4));
  return copy;
}

function expectImageError(bytes: Uint8Array, message: RegExp): void {
  let caught: unknown;
  try {
    readRuntimeImage(bytes);
  } catch (e) {
    caught = e;
  }
  expect(caught).toBeInstanceOf(RuntimeImageError);
  expect((caught as RuntimeImageError).message).toMatch(message);
}

describe('runtime image', () => {
  it('round-trips every class byte for byte', () => {
    const back = readRuntimeImage(writeRuntimeImage(sample));
    expect([...back.keys()].sort()).toEqual([...sample.keys()].sort());
    for (const [name, bytes] of sample) expect(back.get(name)).toEqual(bytes);
  });

  it('round-trips an empty library', () => {
    expect(readRuntimeImage(writeRuntimeImage(new Map())).size).toBe(0);
  });

  it('is deterministic whatever the insertion order', () => {
    const reversed = new Map([...sample].reverse());
    expect(writeRuntimeImage(reversed)).toEqual(writeRuntimeImage(sample));
  });

  it('starts with the OAKI magic and version 1.0', () => {
    const image = writeRuntimeImage(sample);
    expect([...image.subarray(0, 8)]).toEqual([0x4f, 0x41, 0x4b, 0x49, 0, 1, 0, 0]);
  });

  it('reads an image that sits at an offset inside a larger buffer', () => {
    const image = writeRuntimeImage(sample);
    const padded = new Uint8Array(image.length + 10);
    padded.set(image, 7);
    expect(readRuntimeImage(padded.subarray(7, 7 + image.length)).get('java/lang/String')).toEqual(
      sample.get('java/lang/String'),
    );
  });

  it('rejects truncation at every length', () => {
    const image = writeRuntimeImage(sample);
    for (let n = 0; n < image.length; n++) {
      expect(() => readRuntimeImage(image.subarray(0, n)), `length ${n}`).toThrow(RuntimeImageError);
    }
  });

  it('rejects every single flipped bit', () => {
    const image = writeRuntimeImage(sample);
    for (let i = 0; i < image.length; i++) {
      for (let bit = 0; bit < 8; bit++) {
        const copy = image.slice();
        copy[i]! ^= 1 << bit;
        expect(() => readRuntimeImage(copy), `byte ${i} bit ${bit}`).toThrow(RuntimeImageError);
      }
    }
  });

  it('names what is wrong', () => {
    const image = writeRuntimeImage(sample);
    const notMagic = image.slice();
    notMagic[0] = 0;
    expectImageError(notMagic, /not a runtime image: magic 0x00414b49/);

    const version = image.slice();
    version[5] = 2;
    expectImageError(version, /unsupported runtime image version 2\.0/);

    const corrupt = image.slice();
    corrupt[corrupt.length - 6]! ^= 0xff;
    expectImageError(corrupt, /checksum/);

    expectImageError(new Uint8Array(3), /truncated image/);
  });

  it('rejects structural damage even with a valid checksum', () => {
    const image = writeRuntimeImage(new Map([['A', classBytes(1)], ['B', classBytes(2)]]));
    const view = (bytes: Uint8Array): DataView => new DataView(bytes.buffer);
    // Directory: 12-byte header, then {u2 1, 'A', u4 offset, u4 length}, {u2 1, 'B', ...}.
    const outOfBounds = image.slice();
    view(outOfBounds).setUint32(12 + 3 + 4, 1000);
    expectImageError(resealed(outOfBounds), /class A lies outside the image's data area/);

    const intoDirectory = image.slice();
    view(intoDirectory).setUint32(12 + 3, 0);
    expectImageError(resealed(intoDirectory), /class A lies outside/);

    const duplicate = image.slice();
    duplicate[12 + 11 + 2] = 'A'.charCodeAt(0);
    expectImageError(resealed(duplicate), /class A appears twice/);

    const badUtf8 = image.slice();
    badUtf8[14] = 0xff;
    expectImageError(resealed(badUtf8), /not valid UTF-8/);

    const notClass = image.slice();
    notClass[view(notClass).getUint32(12 + 3)] = 0;
    expectImageError(resealed(notClass), /entry A is not a class file/);

    const tooMany = image.slice();
    view(tooMany).setUint32(8, 1_000_000);
    expectImageError(resealed(tooMany), /truncated directory|outside|not a class file/);
  });

  it('refuses to store what it could not read back', () => {
    expect(() => writeRuntimeImage(new Map([['', classBytes()]]))).toThrow(RuntimeImageError);
    expect(() => writeRuntimeImage(new Map([['A', new Uint8Array([0xca, 0xfe])]]))).toThrow(/entry A is not a class file/);
    expect(() => writeRuntimeImage(new Map([['A', new Uint8Array([1, 2, 3, 4])]]))).toThrow(/entry A is not a class file/);
  });
});
