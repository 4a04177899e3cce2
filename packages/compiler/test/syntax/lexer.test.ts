import { describe, expect, it } from 'vitest';
import { tokenize, type TokenPayload } from '../../src/syntax/lexer.js';
import { translateUnicodeEscapes } from '../../src/syntax/unicode-escapes.js';

function lex(text: string): { tokens: { type: string; image: string; payload?: TokenPayload }[]; errors: string[] } {
  const r = tokenize({ path: 'T.oak', text });
  return {
    tokens: r.tokens.map((t) => ({ type: t.tokenType.name, image: t.image, ...(t.payload === undefined ? {} : { payload: t.payload }) })),
    errors: r.diagnostics.map((d) => `${d.line}:${d.column} ${d.message}`),
  };
}

function payloadOf(text: string): TokenPayload | undefined {
  const r = lex(text);
  expect(r.errors).toEqual([]);
  expect(r.tokens).toHaveLength(1);
  return r.tokens[0]?.payload;
}

describe('integer literals', () => {
  it.each([
    ['0', 'int', 0n, true],
    ['42', 'int', 42n, true],
    ['2147483647', 'int', 2147483647n, true],
    ['2147483648', 'int', 2147483648n, true],
    ['1_000', 'int', 1000n, true],
    ['1__2', 'int', 12n, true],
    ['0x1F', 'int', 31n, false],
    ['0XfF', 'int', 255n, false],
    ['0xCAFE_BABE', 'int', 0xcafebaben, false],
    ['0xFFFFFFFF', 'int', 0xffffffffn, false],
    ['0b101', 'int', 5n, false],
    ['0B1_0', 'int', 2n, false],
    ['017', 'int', 15n, false],
    ['0_17', 'int', 15n, false],
    ['00', 'int', 0n, false],
    ['42L', 'long', 42n, true],
    ['42l', 'long', 42n, true],
    ['0x7fff_ffff_ffff_ffffL', 'long', 0x7fffffffffffffffn, false],
    ['0b1L', 'long', 1n, false],
    ['0777L', 'long', 511n, false],
    ['9223372036854775808L', 'long', 9223372036854775808n, true],
  ])('%s', (text, kind, magnitude, decimal) => {
    expect(payloadOf(text)).toEqual({ kind, magnitude, decimal });
  });
});

describe('floating-point literals', () => {
  it.each([
    ['1.5', 'double', 1.5],
    ['1.', 'double', 1],
    ['.25', 'double', 0.25],
    ['1e10', 'double', 1e10],
    ['1E+2', 'double', 100],
    ['1e-2', 'double', 0.01],
    ['1.5e3', 'double', 1500],
    ['1_0.2_5', 'double', 10.25],
    ['1d', 'double', 1],
    ['1D', 'double', 1],
    ['2.5f', 'float', 2.5],
    ['0.1f', 'float', Math.fround(0.1)],
    ['3.4028235e38f', 'float', 3.4028234663852886e38],
    ['1.4e-45f', 'float', 1.401298464324817e-45],
    ['1e-46f', 'float', 0],
    ['4.9e-324', 'double', 5e-324],
    ['1.7976931348623157e308', 'double', 1.7976931348623157e308],
    ['0x1p3', 'double', 8],
    ['0x1.8p1', 'double', 3],
    ['0X.8P0', 'double', 0.5],
    ['0x1p-2f', 'float', 0.25],
    ['0x1.fffffeP+127f', 'float', 3.4028234663852886e38],
    ['0x1p-1074', 'double', 5e-324],
    ['0x1p-1074d', 'double', 5e-324],
    ['0e0', 'double', 0],
    ['0.0f', 'float', 0],
  ])('%s', (text, kind, value) => {
    const r = lex(text);
    if (text === '1e-46f') {
      expect(r.errors).toEqual(['1:1 floating-point number too small']);
      return;
    }
    expect(r.errors).toEqual([]);
    expect(r.tokens[0]?.payload).toEqual({ kind, value });
  });

  it('rounds floats once from the exact decimal value, as Float.parseFloat does', () => {
    // 1.00000017881393432617187499 lies just below the midpoint between two floats; rounding it to double
    // first would land exactly on the midpoint and then round up (to even).
    expect(payloadOf('1.00000017881393432617187499f')).toEqual({ kind: 'float', value: 1.0000001192092896 });
    expect(payloadOf('1.000000178813934326171875f')).toEqual({ kind: 'float', value: 1.0000002384185791 });
  });
});

describe('character and string literals', () => {
  it.each([
    ["'a'", 97],
    ["'\\b'", 8],
    ["'\\t'", 9],
    ["'\\n'", 10],
    ["'\\f'", 12],
    ["'\\r'", 13],
    ["'\\s'", 32],
    ["'\\\"'", 34],
    ['"\\\'"'.replace(/"/g, "'"), 39],
    ["'\\\\'", 92],
    ["'\\0'", 0],
    ["'\\7'", 7],
    ["'\\77'", 63],
    ["'\\377'", 255],
    ["'\\u0041'", 65],
    ["'\\uuu0041'", 65],
    ["'\\u005c\\u005c'", 92],
    ["'\\uD800'", 0xd800],
    ["'é'", 0xe9],
  ])('%s', (text, value) => {
    expect(payloadOf(text)).toEqual({ kind: 'char', value });
  });

  it.each([
    ['""', ''],
    ['"abc"', 'abc'],
    ['"a\\tb\\nc"', 'a\tb\nc'],
    ['"\\"q\\""', '"q"'],
    ["\"it's\"", "it's"],
    ['"\\101\\60\\0"', 'A0\0'],
    ['"\\400"', ' 0'],
    ['"\\1234"', 'S4'],
    ['"\\u0048\\u0069"', 'Hi'],
    ['"\\u005cn"', '\n'],
    ['"\\\\u0041"', '\\u0041'],
    ['"\\s\\s"', '  '],
    ['"😀"', '😀'],
  ])('%s', (text, value) => {
    expect(payloadOf(text)).toEqual({ kind: 'string', value });
  });
});

describe('unicode escapes', () => {
  it('translate anywhere, including identifiers and keywords', () => {
    expect(lex('\\u0069nt \\u0078;').tokens.map((t) => `${t.type}:${t.image}`)).toEqual(['Kw_int:int', 'Identifier:x', 'Semicolon:;']);
  });

  it('take part in comments and can end a line comment', () => {
    expect(lex('// comment \\u000a int x').tokens.map((t) => t.image)).toEqual(['int', 'x']);
  });

  it('only start after an even number of backslashes', () => {
    expect(translateUnicodeEscapes('\\\\u0041 \\\\\\u0041').text).toBe('\\\\u0041 \\\\A');
  });

  it('map offsets back to the original text', () => {
    const t = translateUnicodeEscapes('a\\u0062c\\uuu0064e');
    expect(t.text).toBe('abcde');
    expect([0, 1, 2, 3, 4, 5].map((i) => t.offsets?.original(i))).toEqual([0, 1, 7, 8, 16, 17]);
  });
});

describe('tokens', () => {
  it('splits operators longest first', () => {
    expect(lex('a>>>=b>>=c>>>d>>e>=f->g::h...i').tokens.map((t) => t.image)).toEqual([
      'a', '>>>=', 'b', '>>=', 'c', '>>>', 'd', '>>', 'e', '>=', 'f', '->', 'g', '::', 'h', '...', 'i',
    ]);
  });

  it('does not split identifiers that start with a keyword', () => {
    expect(lex('interface internal double doubles finally finals throws thrown').tokens.map((t) => t.type)).toEqual([
      'Kw_interface',
      'Identifier',
      'Kw_double',
      'Identifier',
      'Kw_finally',
      'Identifier',
      'Kw_throws',
      'Identifier',
    ]);
  });

  it('skips comments and whitespace, tracking lines across \\r\\n, \\r and \\n', () => {
    const r = tokenize({ path: 'T.oak', text: 'a /* x\n y */ b\r\nc\rd // e\n\tf' });
    expect(r.tokens.map((t) => [t.image, t.startLine, t.startColumn])).toEqual([
      ['a', 1, 1],
      ['b', 2, 7],
      ['c', 3, 1],
      ['d', 4, 1],
      ['f', 5, 2],
    ]);
  });

  it('accepts Java identifiers beyond ASCII', () => {
    expect(lex('café $x _y x1 Δ').tokens.map((t) => t.type)).toEqual(Array(5).fill('Identifier'));
  });
});

describe('lexical errors', () => {
  it.each([
    ['x # y', ['1:3 illegal character: \'#\'']],
    ['x \\ y', ["1:3 illegal character: '\\'"]],
    ['a\u00a0b', ["1:2 illegal character: '\\u00a0'"]],
    ['"abc', ['1:1 unclosed string literal']],
    ['"abc\nx', ['1:1 unclosed string literal']],
    ["'a", ['1:1 unclosed character literal']],
    ["'ab'", ['1:1 unclosed character literal']],
    ["''", ['1:1 empty character literal']],
    ['"\\q"', ['1:3 illegal escape character']],
    ["'\\8'", ['1:3 illegal escape character']],
    ['/* x', ['1:1 unclosed comment']],
    ['"""\ntext"""', ['1:1 text blocks are not supported in Oak']],
    ['1_', ['1:2 illegal underscore']],
    ['1_L', ['1:2 illegal underscore']],
    ['0x_1', ['1:3 illegal underscore']],
    ['0b_1', ['1:3 illegal underscore']],
    ['1_.5', ['1:2 illegal underscore']],
    ['1._5', ['1:3 illegal underscore']],
    ['1e_5', ['1:3 illegal underscore']],
    ['0x', ['1:1 hexadecimal numbers must contain at least one hexadecimal digit']],
    ['0xL', ['1:1 hexadecimal numbers must contain at least one hexadecimal digit']],
    ['0b', ['1:1 binary numbers must contain at least one binary digit']],
    ['0b2', ['1:1 binary numbers must contain at least one binary digit']],
    ['1e', ['1:1 malformed floating-point literal']],
    ['1e+', ['1:1 malformed floating-point literal']],
    ['0x1.8', ['1:1 malformed floating-point literal']],
    ['0x1p', ['1:1 malformed floating-point literal']],
    ['1e39f', ['1:1 floating-point number too large']],
    ['1e309', ['1:1 floating-point number too large']],
    ['1e-400', ['1:1 floating-point number too small']],
    ['1e99999999999', ['1:1 floating-point number too large']],
    ["'\\u00'", ['1:1 empty character literal', '1:6 illegal unicode escape']],
    ['\\u12G4', ['1:5 illegal unicode escape']],
    ['_', ["1:1 as of release 9, '_' is a keyword, and may not be used as an identifier"]],
  ])('%s', (text, expected) => {
    expect(lex(text).errors).toEqual(expected);
  });

  it('reads 09 as two tokens, as javac does', () => {
    expect(lex('09').tokens.map((t) => t.image)).toEqual(['0', '9']);
    expect(lex('09.5').tokens).toEqual([{ type: 'NumberLiteral', image: '09.5', payload: { kind: 'double', value: 9.5 } }]);
  });

  it('keeps a usable literal token after an error so parsing can go on', () => {
    expect(lex('"abc').tokens).toEqual([{ type: 'StringLiteral', image: '"abc', payload: { kind: 'string', value: 'abc' } }]);
    expect(lex("'ab'").tokens[0]?.type).toBe('CharLiteral');
  });
});
