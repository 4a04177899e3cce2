// The bootstrap loader reads its own build's image as trusted: that path must find exactly what the
// checksummed reader finds and still reject malformed headers; the checked path must catch corruption.
import { RuntimeImageError, readRuntimeImage, writeRuntimeImage } from '@oakvm/classfile';
import { describe, expect, it } from 'vitest';

const indexRuntimeImage = (bytes: Uint8Array, checksum: boolean): Map<string, Uint8Array> =>
  readRuntimeImage(bytes, { trusted: !checksum });

const classFile = (extra: number[]): Uint8Array => new Uint8Array([0xca, 0xfe, 0xba, 0xbe, ...extra]);
const image = writeRuntimeImage(
  new Map([
    ['java/lang/Object', classFile([1, 2, 3])],
    ['p/Caf\u00e9', classFile([4])],
    ['p/Empty', classFile([])],
  ]),
);

describe('readRuntimeImage for the bootstrap loader', () => {
  it('without the checksum finds the same entries as readRuntimeImage', () => {
    const fast = indexRuntimeImage(image, false);
    const checked = readRuntimeImage(image);
    expect([...fast.keys()].sort()).toEqual([...checked.keys()].sort());
    for (const [name, bytes] of checked) expect(fast.get(name)).toEqual(bytes);
  });

  it('checks the CRC-32 only when asked to', () => {
    const corrupt = image.slice();
    corrupt[corrupt.length - 6] = (corrupt[corrupt.length - 6] ?? 0) ^ 1;
    expect(() => indexRuntimeImage(corrupt, true)).toThrow(/checksum/);
    expect(indexRuntimeImage(corrupt, false).size).toBe(3);
  });

  it('rejects truncated images and foreign files with RuntimeImageError either way', () => {
    for (const checksum of [false, true]) {
      for (const n of [0, 11, 20, 40]) {
        expect(() => indexRuntimeImage(image.subarray(0, n), checksum), `length ${n}`).toThrow(RuntimeImageError);
      }
      const foreign = image.slice();
      foreign[0] = 0;
      expect(() => indexRuntimeImage(foreign, checksum)).toThrow(/not a runtime image/);
    }
  });
});
