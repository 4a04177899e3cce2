import { describe, expect, it } from 'vitest';
import { ClassFormatError, decodeModifiedUtf8, encodeModifiedUtf8, modifiedUtf8Length } from '@oakvm/classfile';

const bytes = (...b: number[]): Uint8Array => Uint8Array.from(b);
const decode = (b: Uint8Array): string => decodeModifiedUtf8(b, 0, b.length);

describe('modified UTF-8 (JVMS 4.4.7)', () => {
  it.each([
    ['empty', '', []],
    ['ASCII', 'Az~', [0x41, 0x7a, 0x7e]],
    ['U+0001 and U+007F take one byte', '\u0001\u007f', [0x01, 0x7f]],
    ['U+0000 takes two bytes, never a zero byte', '\0', [0xc0, 0x80]],
    ['U+0080 is the first two-byte character', '\u0080', [0xc2, 0x80]],
    ['U+07FF is the last two-byte character', '\u07ff', [0xdf, 0xbf]],
    ['U+0800 is the first three-byte character', '\u0800', [0xe0, 0xa0, 0x80]],
    ['U+FFFF takes three bytes', '\uffff', [0xef, 0xbf, 0xbf]],
    ['a supplementary character is two three-byte surrogates, not four bytes', '\u{1F600}', [0xed, 0xa0, 0xbd, 0xed, 0xb8, 0x80]],
    ['a lone high surrogate is kept', '\ud800', [0xed, 0xa0, 0x80]],
    ['a lone low surrogate is kept', 'x\udfff', [0x78, 0xed, 0xbf, 0xbf]],
  ])('%s', (_what, text, encoded) => {
    expect([...encodeModifiedUtf8(text)]).toEqual(encoded);
    expect(modifiedUtf8Length(text)).toBe(encoded.length);
    expect(decode(Uint8Array.from(encoded))).toBe(text);
  });

  it('round-trips every UTF-16 code unit', () => {
    let all = '';
    for (let u = 0; u <= 0xffff; u++) all += String.fromCharCode(u);
    const encoded = encodeModifiedUtf8(all);
    expect(encoded.includes(0)).toBe(false);
    expect(decodeModifiedUtf8(encoded, 0, encoded.length)).toBe(all);
  });

  it('decodes long strings past the chunk size, ASCII and not', () => {
    const ascii = 'abcdefgh'.repeat(2000);
    const mixed = 'a\u00e9\u4e2d\0'.repeat(5000);
    for (const s of [ascii, mixed]) expect(decode(encodeModifiedUtf8(s))).toBe(s);
  });

  it('decodes a slice and reports errors at file offsets', () => {
    const file = bytes(0x11, 0x22, 0x68, 0x69, 0x33);
    expect(decodeModifiedUtf8(file, 2, 4)).toBe('hi');
    try {
      decodeModifiedUtf8(bytes(0x61, 0x00), 0, 2, 100);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ClassFormatError);
      expect((e as ClassFormatError).offset).toBe(101);
    }
  });

  it.each([
    ['a zero byte', [0x61, 0x00], /illegal byte 0x00/, 1],
    ['a four-byte UTF-8 lead byte', [0xf0, 0x9f, 0x98, 0x80], /illegal byte 0xf0/, 0],
    ['bytes 0xF8 to 0xFF', [0xff], /illegal byte 0xff/, 0],
    ['a lone continuation byte', [0x80], /illegal byte 0x80/, 0],
    ['a two-byte sequence cut off', [0x61, 0xc3], /cut off/, 1],
    ['a three-byte sequence cut off', [0xe4, 0xb8], /cut off/, 0],
    ['a bad continuation byte', [0xc3, 0x41], /0x41 is not a continuation byte/, 1],
    ['a bad third byte', [0xe4, 0xb8, 0xc0], /0xc0 is not a continuation byte/, 2],
    ['an overlong two-byte ASCII character', [0xc1, 0x81], /overlong two-byte form of U\+0041/, 0],
    ['an overlong three-byte character', [0xe0, 0x81, 0x81], /overlong three-byte form of U\+0041/, 0],
    ['an overlong three-byte NUL', [0xe0, 0x80, 0x80], /overlong three-byte form of U\+0000/, 0],
  ])('rejects %s', (_what, input, message, offset) => {
    expect(() => decode(Uint8Array.from(input))).toThrow(ClassFormatError);
    try {
      decode(Uint8Array.from(input));
    } catch (e) {
      expect((e as ClassFormatError).detail).toMatch(message);
      expect((e as ClassFormatError).offset).toBe(offset);
    }
  });
});
