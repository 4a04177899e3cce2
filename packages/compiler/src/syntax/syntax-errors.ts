// The stable codes of the diagnostics the lexer and parser report. Messages follow javac's wording.

export const SyntaxCode = {
  illegalCharacter: 'syntax.illegal-character',
  illegalUnicodeEscape: 'syntax.illegal-unicode-escape',
  illegalEscape: 'syntax.illegal-escape',
  illegalUnderscore: 'syntax.illegal-underscore',
  malformedFloat: 'syntax.malformed-float',
  floatTooLarge: 'syntax.float-too-large',
  floatTooSmall: 'syntax.float-too-small',
  noHexDigits: 'syntax.no-hex-digits',
  noBinaryDigits: 'syntax.no-binary-digits',
  intTooLarge: 'syntax.int-too-large',
  unclosedChar: 'syntax.unclosed-char',
  emptyChar: 'syntax.empty-char',
  unclosedString: 'syntax.unclosed-string',
  unclosedComment: 'syntax.unclosed-comment',
  underscoreIdentifier: 'syntax.underscore-identifier',
  /** "<feature> is not supported in Oak". */
  notSupported: 'syntax.not-supported',
  /** "';' expected" and the like. */
  expected: 'syntax.expected',
  illegalStartOfExpr: 'syntax.illegal-start-of-expression',
  illegalStartOfType: 'syntax.illegal-start-of-type',
  notAStatement: 'syntax.not-a-statement',
  prematureEof: 'syntax.premature-eof',
  classExpected: 'syntax.class-expected',
  repeatedModifier: 'syntax.repeated-modifier',
  modifierNotAllowed: 'syntax.modifier-not-allowed',
  tryWithoutCatch: 'syntax.try-without-catch',
  elseWithoutIf: 'syntax.else-without-if',
  orphaned: 'syntax.orphaned',
  variableNotAllowed: 'syntax.variable-not-allowed',
  arrayDimensionMissing: 'syntax.array-dimension-missing',
  constructorCallNotFirst: 'syntax.constructor-call-not-first',
  invalidMethodDeclaration: 'syntax.invalid-method-declaration',
  tooDeeplyNested: 'syntax.too-deeply-nested',
  /** A defect in the parser itself; the fuzz test makes sure it never happens. */
  internalError: 'syntax.internal-error',
} as const;

export type SyntaxCodeValue = (typeof SyntaxCode)[keyof typeof SyntaxCode];
