import { describe, expect, it } from 'vitest';
import { validateOakLexer } from '../../src/syntax/lexer.js';
import { validateOakGrammar } from '../../src/syntax/parser.js';

describe('the chevrotain grammar', () => {
  // Production runs skip chevrotain's grammar checks to save start-up time; this keeps them honest.
  it('passes chevrotain self-analysis with validations on', () => {
    expect(() => validateOakGrammar()).not.toThrow();
  });

  it('builds the lexer with validations on', () => {
    expect(() => validateOakLexer()).not.toThrow();
  });
});
