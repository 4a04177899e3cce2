// The token vocabulary of Oak: every Java token, including the keywords and operators of features Oak
// leaves out, so the parser can name the feature instead of reporting a confusing syntax error.
import { createToken, Lexer, type TokenType } from 'chevrotain';

// Every token declares `line_breaks`, and every regexp token `start_chars_hint`: without them chevrotain
// analyses each pattern (regexp-to-ast) when the lexer is built, to find its first characters and whether
// it can span lines, which is start-up time of every compiler run. tokens.test.ts checks the declarations
// against the patterns.

/** The characters from `from` to `to`, inclusive, as start-character hints. */
function charRange(from: string, to: string): number[] {
  const codes: number[] = [];
  for (let c = from.charCodeAt(0); c <= to.charCodeAt(0); c++) codes.push(c);
  return codes;
}

/**
 * Hints for every character from U+0080 to U+FFFF. chevrotain files characters from U+0100 up in buckets
 * of 255 consecutive codes, so one character every 128 codes reaches every bucket without a 65,000-entry
 * list; tokens.test.ts lexes an identifier starting with each of these characters to keep this honest.
 */
function nonAsciiHints(): number[] {
  const codes = charRange('\u0080', '\u00ff');
  for (let c = 0x100; c < 0xffff; c += 128) codes.push(c);
  codes.push(0xffff);
  return codes;
}

const digits = charRange('0', '9');
/** Characters that can start a Java identifier in Oak's generous lexical pattern (checked afterwards). */
const identifierStarts = [...charRange('A', 'Z'), ...charRange('a', 'z'), '_'.charCodeAt(0), '$'.charCodeAt(0), ...nonAsciiHints()];

export const WhiteSpace = createToken({
  name: 'WhiteSpace',
  pattern: /[ \t\f\r\n]+/,
  group: Lexer.SKIPPED,
  line_breaks: true,
  start_chars_hint: [' ', '\t', '\f', '\r', '\n'],
});
export const LineComment = createToken({ name: 'LineComment', pattern: /\/\/[^\r\n]*/, group: Lexer.SKIPPED, line_breaks: false, start_chars_hint: ['/'] });
export const BlockComment = createToken({
  name: 'BlockComment',
  pattern: /\/\*[\s\S]*?\*\//,
  group: Lexer.SKIPPED,
  line_breaks: true,
  start_chars_hint: ['/'],
});

// Error tokens: the lexer turns them into diagnostics (and, for literals, a usable literal token) so one
// unterminated literal does not derail the rest of the file.
export const UnclosedComment = createToken({ name: 'UnclosedComment', pattern: /\/\*[\s\S]*/, line_breaks: true, start_chars_hint: ['/'] });
export const TextBlock = createToken({ name: 'TextBlock', pattern: /"""[\s\S]*?"""|"""[\s\S]*/, line_breaks: true, start_chars_hint: ['"'] });
export const UnclosedString = createToken({ name: 'UnclosedString', pattern: /"(?:[^"\\\r\n]|\\[^\r\n])*\\?/, line_breaks: false, start_chars_hint: ['"'] });
export const UnclosedChar = createToken({ name: 'UnclosedChar', pattern: /'(?:[^'\\\r\n]|\\[^\r\n])*\\?/, line_breaks: false, start_chars_hint: ["'"] });

export const Identifier = createToken({
  name: 'Identifier',
  label: '<identifier>',
  // Non-ASCII characters are accepted here and checked against Java's identifier rules afterwards.
  pattern: /[A-Za-z_$\u0080-\uffff][A-Za-z0-9_$\u0080-\uffff]*/,
  line_breaks: false,
  start_chars_hint: identifierStarts,
});

export const StringLiteral = createToken({ name: 'StringLiteral', pattern: /"(?:[^"\\\r\n]|\\[^\r\n])*"/, line_breaks: false, start_chars_hint: ['"'] });
export const CharLiteral = createToken({ name: 'CharLiteral', pattern: /'(?:[^'\\\r\n]|\\[^\r\n])*'/, line_breaks: false, start_chars_hint: ["'"] });

/**
 * Every numeric literal form, matched generously (bad digits, misplaced underscores, missing exponent
 * digits) so that literals.ts can report the exact problem as javac does.
 */
export const NumberLiteral = createToken({
  name: 'NumberLiteral',
  pattern:
    /0[xX][0-9a-fA-F_]*(?:\.[0-9a-fA-F_]*)?(?:[pP][+-]?[0-9_]*)?[fFdDlL]?|0[bB][0-9_]*[lL]?|(?:[0-9][0-9_]*(?:\.[0-9_]*)?|\.[0-9][0-9_]*)(?:[eE][+-]?[0-9_]*)?[fFdDlL]?/,
  line_breaks: false,
  start_chars_hint: [...digits, '.'],
});

const keywordNames = [
  'abstract',
  'assert',
  'boolean',
  'break',
  'byte',
  'case',
  'catch',
  'char',
  'class',
  'const',
  'continue',
  'default',
  'do',
  'double',
  'else',
  'enum',
  'extends',
  'false',
  'final',
  'finally',
  'float',
  'for',
  'goto',
  'if',
  'implements',
  'import',
  'instanceof',
  'int',
  'interface',
  'long',
  'native',
  'new',
  'null',
  'package',
  'private',
  'protected',
  'public',
  'return',
  'short',
  'static',
  'strictfp',
  'super',
  'switch',
  'synchronized',
  'this',
  'throw',
  'throws',
  'transient',
  'true',
  'try',
  'void',
  'volatile',
  'while',
] as const;

export type KeywordName = (typeof keywordNames)[number];

export const Keyword = createToken({ name: 'Keyword', pattern: Lexer.NA });
/** The eight primitive type keywords. */
export const PrimitiveKeyword = createToken({ name: 'PrimitiveKeyword', pattern: Lexer.NA });
/** Keywords that are modifiers. */
export const ModifierKeyword = createToken({ name: 'ModifierKeyword', pattern: Lexer.NA });
/** Binary operators of Java's expression grammar (`instanceof` aside). */
export const BinaryOperator = createToken({ name: 'BinaryOperator', pattern: Lexer.NA });
/** `=` and the compound assignment operators. */
export const AssignOperator = createToken({ name: 'AssignOperator', pattern: Lexer.NA });

const primitiveNames: ReadonlySet<string> = new Set(['boolean', 'byte', 'short', 'char', 'int', 'long', 'float', 'double']);
const modifierNames: ReadonlySet<string> = new Set([
  'public',
  'protected',
  'private',
  'static',
  'final',
  'abstract',
  'native',
  'synchronized',
  'transient',
  'volatile',
  'strictfp',
]);

function keyword(name: KeywordName): TokenType {
  const categories = [Keyword];
  if (primitiveNames.has(name)) categories.push(PrimitiveKeyword);
  if (modifierNames.has(name)) categories.push(ModifierKeyword);
  // Not lexed by a pattern of its own: lexer.ts retypes Identifier tokens whose text is a keyword.
  return createToken({ name: `Kw_${name}`, label: `'${name}'`, pattern: Lexer.NA, categories });
}

export const Kw = Object.fromEntries(keywordNames.map((k) => [k, keyword(k)])) as { readonly [K in KeywordName]: TokenType };

const operatorList = [
  ['GtGtGtEq', '>>>='],
  ['GtGtGt', '>>>'],
  ['GtGtEq', '>>='],
  ['LtLtEq', '<<='],
  ['Ellipsis', '...'],
  ['ColonColon', '::'],
  ['Arrow', '->'],
  ['GtGt', '>>'],
  ['LtLt', '<<'],
  ['GtEq', '>='],
  ['LtEq', '<='],
  ['EqEq', '=='],
  ['NotEq', '!='],
  ['AndAnd', '&&'],
  ['OrOr', '||'],
  ['PlusPlus', '++'],
  ['MinusMinus', '--'],
  ['PlusEq', '+='],
  ['MinusEq', '-='],
  ['StarEq', '*='],
  ['SlashEq', '/='],
  ['AndEq', '&='],
  ['OrEq', '|='],
  ['CaretEq', '^='],
  ['PercentEq', '%='],
  ['LParen', '('],
  ['RParen', ')'],
  ['LBrace', '{'],
  ['RBrace', '}'],
  ['LBracket', '['],
  ['RBracket', ']'],
  ['Semicolon', ';'],
  ['Comma', ','],
  ['Dot', '.'],
  ['At', '@'],
  ['Eq', '='],
  ['Gt', '>'],
  ['Lt', '<'],
  ['Bang', '!'],
  ['Tilde', '~'],
  ['Question', '?'],
  ['Colon', ':'],
  ['Plus', '+'],
  ['Minus', '-'],
  ['Star', '*'],
  ['Slash', '/'],
  ['And', '&'],
  ['Or', '|'],
  ['Caret', '^'],
  ['Percent', '%'],
] as const;

type OperatorName = (typeof operatorList)[number][0];

const binaryOperators: ReadonlySet<string> = new Set(['||', '&&', '|', '^', '&', '==', '!=', '<', '>', '<=', '>=', '<<', '>>', '>>>', '+', '-', '*', '/', '%']);
const assignOperators: ReadonlySet<string> = new Set(['=', '+=', '-=', '*=', '/=', '%=', '&=', '|=', '^=', '<<=', '>>=', '>>>=']);

function operator(name: string, text: string): TokenType {
  const categories: TokenType[] = [];
  if (binaryOperators.has(text)) categories.push(BinaryOperator);
  if (assignOperators.has(text)) categories.push(AssignOperator);
  return createToken({ name, label: `'${text}'`, pattern: text, categories, line_breaks: false });
}

export const Op = Object.fromEntries(operatorList.map(([name, text]) => [name, operator(name, text)])) as {
  readonly [K in OperatorName]: TokenType;
};

/** Keyword token types by their text. */
export const keywordTypes: ReadonlyMap<string, TokenType> = new Map(keywordNames.map((k) => [k, Kw[k]]));

/**
 * What the lexer matches. Order matters: chevrotain takes the first pattern that matches, so longer forms
 * come first. Keywords are not here: the lexer reads every word as an Identifier and lexer.ts retypes the
 * words that are keywords (by `keywordTypes`), which is what keyword patterns with Identifier as their
 * longer alternative would give, for one regexp per word instead of trying each keyword that starts with
 * the same letter.
 */
export const lexerTokens: TokenType[] = [
  WhiteSpace,
  BlockComment,
  UnclosedComment,
  LineComment,
  TextBlock,
  StringLiteral,
  UnclosedString,
  CharLiteral,
  UnclosedChar,
  NumberLiteral,
  Identifier,
  ...operatorList.map(([name]) => Op[name]),
];

/** The parser's vocabulary: every token type, the keywords and the categories included. */
export const allTokens: TokenType[] = [
  ...lexerTokens,
  Keyword,
  PrimitiveKeyword,
  ModifierKeyword,
  BinaryOperator,
  AssignOperator,
  ...keywordNames.map((k) => Kw[k]),
];
