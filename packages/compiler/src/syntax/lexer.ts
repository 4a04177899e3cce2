// The Oak lexer: unicode-escape translation (JLS 3.3), chevrotain tokenisation, then a pass that checks
// and decodes literals and identifiers. Every lexical problem becomes a diagnostic; the token stream the
// parser gets is always usable (bad literals are replaced by literal tokens so parsing carries on).
import { Lexer, type IToken, type TokenType } from 'chevrotain';
import { diagnosticAt, type Diagnostic, type SourceText } from '../diagnostics.js';
import { decodeEscapes, decodeNumber, type LiteralProblem, type NumberPayload } from './literals.js';
import {
  CharLiteral,
  Identifier,
  keywordTypes,
  lexerTokens,
  NumberLiteral,
  StringLiteral,
  TextBlock,
  UnclosedChar,
  UnclosedComment,
  UnclosedString,
} from './tokens.js';
import { translateUnicodeEscapes, type OffsetMap } from './unicode-escapes.js';
import { SyntaxCode } from './syntax-errors.js';

/** The decoded value of a literal token. */
export type TokenPayload = NumberPayload | { readonly kind: 'char'; readonly value: number } | { readonly kind: 'string'; readonly value: string };

/** A chevrotain token whose positions refer to the original text, with its literal value when it has one. */
export interface OakToken extends IToken {
  payload?: TokenPayload;
}

export interface LexResult {
  readonly tokens: OakToken[];
  readonly diagnostics: Diagnostic[];
}

let lexer: Lexer | undefined;

function createLexer(skipValidations: boolean): Lexer {
  return new Lexer(lexerTokens, { positionTracking: 'full', ensureOptimizations: true, skipValidations });
}

function oakLexer(): Lexer {
  // chevrotain's checks of the token definitions cost tens of milliseconds of every compiler start;
  // validateOakLexer runs them in the tests instead.
  lexer ??= createLexer(true);
  return lexer;
}

/** Builds the lexer with chevrotain's token-definition validations on; throws if any fails. */
export function validateOakLexer(): void {
  createLexer(false);
}

/** Maps offsets of the translated text back to the original text and computes lines and columns. */
class Positions {
  private lineStarts: number[] | undefined;

  constructor(
    private readonly originalText: string,
    private readonly offsets: OffsetMap | null,
  ) {}

  original(offset: number): number {
    return this.offsets === null ? offset : this.offsets.original(offset);
  }

  /** 1-based line and column of an original offset (\n, \r\n and \r end lines, as in Java). */
  lineColumn(offset: number): { line: number; column: number } {
    if (this.lineStarts === undefined) {
      const starts = [0];
      const t = this.originalText;
      for (let i = 0; i < t.length; i++) {
        const c = t.charCodeAt(i);
        if (c === 10 || (c === 13 && t.charCodeAt(i + 1) !== 10)) starts.push(i + 1);
      }
      this.lineStarts = starts;
    }
    const starts = this.lineStarts;
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((starts[mid] as number) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - (starts[lo] as number) + 1 };
  }
}

function describeChar(c: string): string {
  const code = c.charCodeAt(0);
  return code < 32 || code > 126 ? `\\u${code.toString(16).padStart(4, '0')}` : c;
}

const nonAscii = /[^\0-\x7f]/;
const javaIdentifierStart = /[\p{L}\p{Nl}\p{Sc}\p{Pc}]/u;
const javaIdentifierPart = /[\p{L}\p{Nl}\p{Sc}\p{Pc}\p{Nd}\p{Mn}\p{Mc}\p{Cf}]/u;

export function tokenize(source: SourceText): LexResult {
  const translated = translateUnicodeEscapes(source.text);
  const positions = new Positions(source.text, translated.offsets);
  const diagnostics: Diagnostic[] = [];
  const report = (translatedOffset: number, length: number, code: string, message: string): void => {
    const start = positions.original(translatedOffset);
    const end = positions.original(translatedOffset + length);
    const { line, column } = positions.lineColumn(start);
    diagnostics.push(diagnosticAt(source.path, { start, end, line, column }, code, message));
  };
  for (const offset of translated.malformed) {
    const { line, column } = positions.lineColumn(offset);
    diagnostics.push(diagnosticAt(source.path, { start: offset, end: offset + 1, line, column }, SyntaxCode.illegalUnicodeEscape, 'illegal unicode escape'));
  }

  const result = oakLexer().tokenize(translated.text);
  for (const e of result.errors) {
    const c = translated.text[e.offset] ?? '';
    report(e.offset, 1, SyntaxCode.illegalCharacter, `illegal character: '${describeChar(c)}'`);
  }

  const reportProblems = (token: IToken, problems: readonly LiteralProblem[]): void => {
    for (const p of problems) report(token.startOffset + p.offset, 1, p.code, p.message);
  };
  const retype = (token: OakToken, type: TokenType): void => {
    token.tokenType = type;
    token.tokenTypeIdx = type.tokenTypeIdx as number;
  };

  const lexed = result.tokens as OakToken[];
  // Identifiers need checking against Java's rules only for non-ASCII characters (and `_`): one scan of
  // the text finds whether there are any, instead of a loop over every identifier.
  const asciiOnly = !nonAscii.test(translated.text);
  // The tokens the parser gets are written back into chevrotain's array (skipping unclosed comments),
  // rather than pushed to a new one that grows a hundred thousand times; only a number split in two
  // (javac's `09`) needs more room, and moves them to a new array.
  let tokens = lexed;
  let kept = 0;
  // An index loop: this visits every token, much of it before the loop is optimised, where for-of
  // allocates an iterator result per token.
  const count = lexed.length;
  for (let i = 0; i < count; i++) {
    const token = lexed[i] as OakToken;
    const type = token.tokenType;
    if (type === Identifier) {
      const keyword = keywordTypes.get(token.image);
      if (keyword !== undefined) retype(token, keyword);
      else if (!asciiOnly || token.image === '_') checkIdentifier(token, report);
    } else if (type === NumberLiteral) {
      let current: OakToken = token;
      for (;;) {
        const decoded = decodeNumber(current.image);
        reportProblems(current, decoded.problems);
        if (decoded.splitAt === undefined) {
          current.payload = decoded.payload;
          tokens[kept++] = current;
          break;
        }
        if (tokens === lexed) tokens = lexed.slice(0, kept);
        const rest = splitToken(current, decoded.splitAt);
        current.payload = decoded.payload;
        tokens[kept++] = current;
        current = rest;
      }
      continue;
    } else if (type === StringLiteral) {
      const decoded = decodeEscapes(token.image.slice(1, -1), 1);
      reportProblems(token, decoded.problems);
      token.payload = { kind: 'string', value: decoded.value };
    } else if (type === CharLiteral || type === UnclosedChar) {
      const closed = type === CharLiteral;
      const decoded = decodeEscapes(token.image.slice(1, closed ? -1 : undefined), 1);
      reportProblems(token, decoded.problems);
      if (!closed || decoded.value.length > 1) {
        report(token.startOffset, 1, SyntaxCode.unclosedChar, 'unclosed character literal');
      } else if (decoded.value.length === 0 && decoded.problems.length === 0) {
        report(token.startOffset, 1, SyntaxCode.emptyChar, 'empty character literal');
      }
      token.payload = { kind: 'char', value: decoded.value.length > 0 ? decoded.value.charCodeAt(0) : 0 };
      retype(token, CharLiteral);
    } else if (type === UnclosedString) {
      report(token.startOffset, 1, SyntaxCode.unclosedString, 'unclosed string literal');
      token.payload = { kind: 'string', value: decodeEscapes(token.image.slice(1), 1).value };
      retype(token, StringLiteral);
    } else if (type === TextBlock) {
      report(token.startOffset, 3, SyntaxCode.notSupported, 'text blocks are not supported in Oak');
      token.payload = { kind: 'string', value: '' };
      retype(token, StringLiteral);
    } else if (type === UnclosedComment) {
      report(token.startOffset, 2, SyntaxCode.unclosedComment, 'unclosed comment');
      continue;
    }
    tokens[kept++] = token;
  }
  tokens.length = kept;

  if (translated.offsets !== null) {
    for (let i = 0; i < tokens.length; i++) {
      const token = tokens[i] as OakToken;
      const start = positions.original(token.startOffset);
      const end = positions.original((token.endOffset ?? token.startOffset) + 1) - 1;
      const { line, column } = positions.lineColumn(start);
      const last = positions.lineColumn(end);
      token.startOffset = start;
      token.endOffset = end;
      token.startLine = line;
      token.startColumn = column;
      token.endLine = last.line;
      token.endColumn = last.column;
    }
  }
  diagnostics.sort((a, b) => a.start - b.start);
  return { tokens, diagnostics };
}

/** Cuts `token` after `at` characters and returns the rest as a new number token. */
function splitToken(token: OakToken, at: number): OakToken {
  const rest: OakToken = {
    ...token,
    image: token.image.slice(at),
    startOffset: token.startOffset + at,
    startColumn: (token.startColumn ?? 0) + at,
  };
  delete rest.payload;
  token.image = token.image.slice(0, at);
  token.endOffset = token.startOffset + at - 1;
  token.endColumn = (token.startColumn ?? 0) + at - 1;
  return rest;
}

function checkIdentifier(token: IToken, report: (offset: number, length: number, code: string, message: string) => void): void {
  const image = token.image;
  if (image === '_') {
    report(token.startOffset, 1, SyntaxCode.underscoreIdentifier, "as of release 9, '_' is a keyword, and may not be used as an identifier");
    return;
  }
  for (let i = 0; i < image.length; i++) {
    const c = image.charCodeAt(i);
    if (c < 128) continue;
    // Surrogate pairs: check the code point they form.
    const cp = image.codePointAt(i) as number;
    const ch = String.fromCodePoint(cp);
    const ok = i === 0 ? javaIdentifierStart.test(ch) : javaIdentifierPart.test(ch);
    if (!ok) report(token.startOffset + i, 1, SyntaxCode.illegalCharacter, `illegal character: '${describeChar(image[i] as string)}'`);
    if (cp > 0xffff) i++;
  }
}
