import { Lexer, type TokenType } from 'chevrotain';
import { describe, expect, it } from 'vitest';
import { tokenize } from '../../src/syntax/lexer.js';
import { allTokens, Identifier } from '../../src/syntax/tokens.js';

// The token definitions declare what chevrotain would otherwise work out from each regexp at lexer
// construction (tokens.ts says why); these tests check the declarations against the patterns.

const lexedTokens = allTokens.filter((t) => t.PATTERN !== Lexer.NA);
const regexpTokens = lexedTokens.filter((t): t is TokenType & { PATTERN: RegExp } => t.PATTERN instanceof RegExp);

/** Does the pattern match some text starting with the character `c`? A few continuations are tried. */
function canStartWith(pattern: RegExp, c: string): boolean {
  const sticky = new RegExp(pattern.source, 'y');
  return ['', 'a', '0', '/', '**/', '"', "'", '""', '"""""', 'x"', "x'"].some((rest) => {
    sticky.lastIndex = 0;
    return sticky.test(c + rest);
  });
}

describe('token definitions', () => {
  it('declare line_breaks on every token that has a pattern', () => {
    for (const t of lexedTokens) {
      if (typeof t.PATTERN === 'string' || t.PATTERN instanceof RegExp) expect(t.LINE_BREAKS, t.name).toBeTypeOf('boolean');
    }
  });

  it('declare line_breaks: false only where no match can contain a line terminator', () => {
    const probes = ['ab\ncd', 'ab\rcd', '\\\n"', '*\n*/', '"\n"""', '1\n2'];
    for (const t of regexpTokens) {
      if (t.LINE_BREAKS === true) continue;
      const sticky = new RegExp(t.PATTERN.source, 'y');
      for (const start of t.START_CHARS_HINT ?? []) {
        const c = typeof start === 'number' ? String.fromCharCode(start) : start;
        for (const probe of probes) {
          sticky.lastIndex = 0;
          const match = sticky.exec(c + probe);
          expect(match === null || !/[\r\n]/.test(match[0]), `${t.name} on ${JSON.stringify(c + probe)}`).toBe(true);
        }
      }
    }
  });

  it('give exactly the ASCII start characters of each regexp token', () => {
    for (const t of regexpTokens) {
      const hinted = new Set((t.START_CHARS_HINT ?? []).map((h) => (typeof h === 'number' ? h : h.charCodeAt(0))).filter((h) => h < 128));
      const actual = new Set<number>();
      for (let c = 0; c < 128; c++) if (canStartWith(t.PATTERN, String.fromCharCode(c))) actual.add(c);
      expect([...hinted].sort((a, b) => a - b), t.name).toEqual([...actual].sort((a, b) => a - b));
    }
  });

  it('give no non-ASCII start character to a token that cannot start with one', () => {
    for (const t of regexpTokens) {
      if (t === Identifier) continue;
      const nonAscii = (t.START_CHARS_HINT ?? []).filter((h) => (typeof h === 'number' ? h : h.charCodeAt(0)) >= 128);
      expect(nonAscii, t.name).toEqual([]);
      for (let c = 128; c < 0x10000; c += 61) expect(canStartWith(t.PATTERN, String.fromCharCode(c)), `${t.name} at ${c}`).toBe(false);
    }
  });

  it('let an identifier start with every character from U+0080 to U+FFFF', () => {
    const starts: string[] = [];
    for (let c = 0x80; c <= 0xffff; c++) starts.push(String.fromCharCode(c));
    const { tokens } = tokenize({ path: 'Ids.oak', text: starts.map((c) => `${c}x`).join(' ') });
    const notIdentifiers = tokens.filter((t) => t.tokenType !== Identifier).map((t) => t.image.charCodeAt(0).toString(16));
    expect(notIdentifiers).toEqual([]);
    expect(tokens.length).toBe(starts.length);
  });
});
