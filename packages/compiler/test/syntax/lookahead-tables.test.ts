import { createToken, EmbeddedActionsParser, Lexer, type IOrAlt, type IToken, type Rule, type TokenType } from 'chevrotain';
import { describe, expect, it } from 'vitest';
import { alternativesByFirstToken, optionalFirstTokens, pickAlternative } from '../../src/syntax/lazy-lookahead.js';

// The first-token tables the Oak parser decides its hottest ORs, OPTIONs and MANYs with outside
// recording (ParserBase.orByTable) must make chevrotain's choices. Checked here on a small grammar:
// an OR whose alternatives share a first token and are told apart by GATEs, one that a category
// starts, and an OPTION and a MANY.

const Category = createToken({ name: 'Category', pattern: Lexer.NA });
const A = createToken({ name: 'A', pattern: /a/ });
const B = createToken({ name: 'B', pattern: /b/, categories: [Category] });
const C = createToken({ name: 'C', pattern: /c/, categories: [Category] });
const D = createToken({ name: 'D', pattern: /d/ });
const tokens = [Category, A, B, C, D];

class Small extends EmbeddedActionsParser {
  /** What the GATE of the OR's first alternative answers. */
  gateOpen = true;
  readonly alts: IOrAlt<string>[] = [
    { GATE: () => this.gateOpen, ALT: () => this.CONSUME(A).image + '1' },
    { ALT: () => this.CONSUME2(A).image + '2' },
    { ALT: () => this.CONSUME(Category).image },
  ];

  choice = this.RULE('choice', (): string => this.OR(this.alts));

  optional = this.RULE('optional', (): void => {
    this.OPTION(() => this.CONSUME(D));
    this.MANY(() => this.CONSUME(B));
    this.CONSUME(A);
  });

  constructor() {
    super(tokens, { maxLookahead: 1 });
    this.performSelfAnalysis();
  }

  rule(name: string): Rule {
    return this.getGAstProductions()[name] as Rule;
  }
}

const token = (type: TokenType): IToken => ({ image: type.name, startOffset: 0, tokenType: type, tokenTypeIdx: type.tokenTypeIdx as number }) as IToken;

describe('first-token tables', () => {
  const parser = new Small();
  const table = alternativesByFirstToken(parser.rule('choice'), 0);

  it('list, for each token, the alternatives it can start, a category standing for its members', () => {
    expect(table).toBeDefined();
    expect(table?.[A.tokenTypeIdx as number]).toEqual([0, 1]);
    expect(table?.[B.tokenTypeIdx as number]).toEqual([2]);
    expect(table?.[C.tokenTypeIdx as number]).toEqual([2]);
    expect(table?.[D.tokenTypeIdx as number]).toBeUndefined();
  });

  it('pick the alternative chevrotain takes: the first whose GATE passes', () => {
    if (table === undefined) throw new Error('no table');
    for (const open of [true, false]) {
      parser.gateOpen = open;
      parser.input = [token(A)];
      const chevrotains = parser.choice();
      expect(pickAlternative(table, token(A), parser.alts, parser)).toBe(open ? 0 : 1);
      expect(chevrotains).toBe(open ? 'A1' : 'A2');
    }
    expect(pickAlternative(table, token(C), parser.alts, parser)).toBe(2);
    expect(pickAlternative(table, token(D), parser.alts, parser)).toBeUndefined();
  });

  it('give the first tokens of an OPTION and of a MANY', () => {
    const option = optionalFirstTokens(parser.rule('optional'), 'Option', 0);
    const many = optionalFirstTokens(parser.rule('optional'), 'Repetition', 0);
    expect(option?.[D.tokenTypeIdx as number]).toBe(true);
    expect(option?.[A.tokenTypeIdx as number]).toBeUndefined();
    expect(many?.[B.tokenTypeIdx as number]).toBe(true);
    expect(many?.[A.tokenTypeIdx as number]).toBeUndefined();
  });
});
