// The machinery under the Oak grammar: positions and spans, diagnostics, skipping what Oak does not
// support, and resynchronisation after a syntax error at statement, member and type-declaration level.
// Everything here runs only outside chevrotain's recording phase (from ACTIONs, GATEs and catch blocks).
import {
  EmbeddedActionsParser,
  EOF,
  isRecognitionException,
  tokenMatcher,
  type IParserConfig,
  type IParserErrorMessageProvider,
  type IOrAlt,
  type IRecognitionException,
  type IToken,
  type OrMethodOpts,
  type Rule,
  type TokenType,
} from 'chevrotain';
import { diagnosticAt, type Diagnostic } from '../diagnostics.js';
import { alternativesByFirstToken, optionalFirstTokens, pickAlternative, type AlternativesByFirstToken } from './lazy-lookahead.js';
import type { Expr, ExprStmt, Identifier as IdentifierNode, Modifier, Modifiers, Span, TypeNode } from './ast.js';
import type { OakToken } from './lexer.js';
import { isModifier, skipTypeArguments, type Peek } from './lookahead.js';
import { numberLiteral, numberTooLarge, placeholderExpr, pointSpan, spanBetween, tokenSpan } from './node-builders.js';
import { SyntaxCode } from './syntax-errors.js';
import { allTokens, Kw, Op } from './tokens.js';

const typeRules: ReadonlySet<string> = new Set(['type', 'classType', 'member', 'memberRest', 'classBody']);

const messages: IParserErrorMessageProvider = {
  buildMismatchTokenMessage: ({ expected }) => `${expected.LABEL ?? expected.name} expected`,
  buildNotAllInputParsedMessage: () => 'class, interface, enum, or record expected',
  buildNoViableAltMessage: ({ ruleName }) => (typeRules.has(ruleName) ? 'illegal start of type' : 'illegal start of expression'),
  buildEarlyExitMessage: ({ ruleName }) => (typeRules.has(ruleName) ? 'illegal start of type' : 'illegal start of expression'),
};

/** Thrown when nesting is so deep that recursing further would exhaust the JavaScript stack. */
class TooDeeplyNested extends Error {
  constructor(readonly token: IToken) {
    super('too deeply nested');
  }
}

/** How deeply statements and expressions may nest before the parser gives up on the construct. */
const MAX_NESTING = 200;

const statementStarts: ReadonlySet<TokenType> = new Set([
  Kw.if,
  Kw.while,
  Kw.do,
  Kw.for,
  Kw.return,
  Kw.switch,
  Kw.try,
  Kw.throw,
  Kw.break,
  Kw.continue,
  Kw.synchronized,
]);

const isStatementExpression = (e: Expr): boolean =>
  !e.parenthesized && (e.kind === 'Assign' || e.kind === 'IncDec' || e.kind === 'MethodCall' || e.kind === 'New');


/**
 * What a rule returns during chevrotain's recording phase, when rule bodies run once without input to
 * record the grammar and their results are never used. Rules build their nodes in plain code guarded by
 * RECORDING_PHASE rather than in ACTION closures: a closure per node was a measurable share of parsing.
 */
export const RECORDED = undefined as never;

/** The state and helpers every part of the grammar uses. */
export abstract class ParserBase extends EmbeddedActionsParser {
  /** The file being parsed, for diagnostics. */
  file = '';
  diagnostics: Diagnostic[] = [];
  /** The tokens being parsed (the array chevrotain reads too; past its end chevrotain gives EOF). */
  tokens: readonly IToken[] = [];
  /** Offsets of lexical errors: a syntax error right after one is its consequence and is not reported. */
  lexicalErrorOffsets: readonly number[] = [];
  protected lastErrorOffset = -1;
  protected reportedEof = false;
  /** Current statement and expression nesting depth. */
  protected nesting = 0;
  /** The class whose body is being parsed, to recognise its constructors. */
  protected className = '';
  /** The stand-ins for unsupported expressions created in this parse. */
  protected placeholders = new WeakSet<Expr>();
  /** LA for the lookahead.ts scans, made once rather than as a closure at every GATE. */
  protected readonly peek: Peek = (i) => this.LA(i);

  constructor(config: IParserConfig) {
    super(allTokens, { ...config, recoveryEnabled: false, errorMessageProvider: messages });
  }

  override reset(): void {
    super.reset();
    this.diagnostics = [];
    this.lastErrorOffset = -1;
    this.reportedEof = false;
    this.nesting = 0;
    this.className = '';
  }

  /** Index of the last consumed token (chevrotain keeps it in a field its typings do not declare). */
  protected get position(): number {
    return (this as unknown as { currIdx: number }).currIdx;
  }

  protected setPosition(index: number): void {
    (this as unknown as { currIdx: number }).currIdx = index;
  }

  protected at(type: TokenType, i = 1): boolean {
    return this.LA(i).tokenType === type;
  }

  /**
   * Whether a production that can only start with a token of `type` (or of its category) may start
   * here; always true in the recording phase, which must reach every production. Hot rules wrap an
   * OPTION or MANY in it, so that where the production cannot start (most of the time) they do not
   * build its closures: those were a large share of what parsing allocates.
   */
  protected mayStart(type: TokenType): boolean {
    return this.RECORDING_PHASE || tokenMatcher(this.LA(1), type);
  }

  /**
   * `OR(alts)` (or OR2, OR3, as `occurrence` says) where, outside recording, `table` (built once from the recorded grammar by
   * alternativeTable) picks the alternative as chevrotain's lookahead would, and it runs directly: the OR
   * machinery is a dozen calls per decision, many of them while the code is still cold. Without a
   * table, or where no alternative can start, chevrotain's OR decides (and reports the error).
   */
  protected orByTable<T>(table: AlternativesByFirstToken | undefined, alts: OrMethodOpts<T> | IOrAlt<T>[], occurrence: 0 | 2 | 3 = 0): T {
    if (table !== undefined) {
      const list = Array.isArray(alts) ? alts : alts.DEF;
      const alt = pickAlternative(table, this.LA(1), list, this);
      if (alt !== undefined) return (list[alt] as IOrAlt<T>).ALT.call(this);
    }
    return occurrence === 0 ? this.OR(alts) : occurrence === 2 ? this.OR2(alts) : this.OR3(alts);
  }

  /** The first-token table of OR number `occurrence` of rule `name`; undefined while recording. */
  protected alternativeTable(name: string, occurrence: number): AlternativesByFirstToken | undefined {
    return this.RECORDING_PHASE ? undefined : alternativesByFirstToken(this.recordedRule(name), occurrence);
  }

  /** The first tokens of OPTION or MANY number `occurrence` of rule `name`; undefined while recording. */
  protected optionalStarts(name: string, prodType: 'Option' | 'Repetition', occurrence: number): readonly boolean[] | undefined {
    return this.RECORDING_PHASE ? undefined : optionalFirstTokens(this.recordedRule(name), prodType, occurrence);
  }

  /** Whether the next token is one of `starts` (see optionalStarts). */
  protected nextIn(starts: readonly boolean[]): boolean {
    return starts[this.LA(1).tokenTypeIdx] === true;
  }

  private recordedRule(name: string): Rule {
    const rule = this.getGAstProductions()[name];
    if (rule === undefined) throw new Error(`internal parser error: no rule ${name}`);
    return rule;
  }

  protected atEof(): boolean {
    return this.LA(1).tokenType === EOF;
  }

  protected report(span: Span, code: string, message: string): void {
    if (span.start === this.lastErrorOffset) return;
    this.lastErrorOffset = span.start;
    this.diagnostics.push(diagnosticAt(this.file, span, code, message));
  }

  /** "<feature> is not supported in Oak" ("are" for a plural feature name such as "generics"). */
  protected notSupported(span: Span, feature: string, plural = false): void {
    this.report(span, SyntaxCode.notSupported, `${feature} ${plural ? 'are' : 'is'} not supported in Oak`);
  }

  /** The empty span just after `t`. */
  protected endOf(t: IToken): Span {
    const end = (t.endOffset ?? t.startOffset) + 1;
    return { start: end, end, line: t.endLine ?? t.startLine ?? 1, column: (t.endColumn ?? t.startColumn ?? 0) + 1 };
  }

  /** Span from `first` to the last consumed token (one object: this runs for most nodes). */
  protected spanFrom(first: IToken | Span): Span {
    const last = this.LA(0);
    const lastEnd = (last.endOffset ?? last.startOffset) + 1;
    if ('startOffset' in first) {
      const end = (first.endOffset ?? first.startOffset) + 1;
      const reaches = last.tokenType !== EOF && last.startOffset >= first.startOffset;
      return { start: first.startOffset, end: reaches ? Math.max(end, lastEnd) : end, line: first.startLine ?? 1, column: first.startColumn ?? 1 };
    }
    if (last.tokenType === EOF || last.startOffset < first.start) return first;
    return { start: first.start, end: Math.max(first.end, lastEnd), line: first.line, column: first.column };
  }

  protected ident(t: IToken): IdentifierNode {
    return { name: t.image, span: tokenSpan(t) };
  }

  /** Skips one token; at the end of input does nothing. */
  protected skip(): void {
    if (!this.atEof()) this.SKIP_TOKEN();
  }

  /** At an opening bracket: skips through its matching close (or to the end of input). */
  protected skipBalanced(): void {
    let depth = 0;
    do {
      const t = this.LA(1).tokenType;
      if (t === EOF) return;
      if (t === Op.LParen || t === Op.LBrace || t === Op.LBracket) depth++;
      else if (t === Op.RParen || t === Op.RBrace || t === Op.RBracket) depth--;
      this.SKIP_TOKEN();
    } while (depth > 0);
  }

  /** Skips a declaration Oak does not support: through its `{ ... }` body, or through a `;`. */
  protected skipDeclaration(): void {
    while (!this.atEof()) {
      if (this.at(Op.LBrace)) {
        this.skipBalanced();
        return;
      }
      if (this.at(Op.Semicolon) || this.at(Op.RBrace)) {
        if (this.at(Op.Semicolon)) this.SKIP_TOKEN();
        return;
      }
      if (this.at(Op.LParen)) this.skipBalanced();
      else this.SKIP_TOKEN();
    }
  }

  /** Skips the rest of an expression Oak does not support, up to a token that ends an expression. */
  protected skipExpressionRest(): void {
    while (!this.atEof()) {
      const t = this.LA(1).tokenType;
      if (t === Op.RParen || t === Op.RBracket || t === Op.RBrace || t === Op.Semicolon || t === Op.Comma) return;
      if (t === Op.LParen || t === Op.LBrace || t === Op.LBracket) this.skipBalanced();
      else this.SKIP_TOKEN();
    }
  }

  protected skipTypeArgumentsHere(): void {
    const end = skipTypeArguments(this.peek, 1);
    if (end < 0) {
      this.SKIP_TOKEN();
      return;
    }
    for (let i = 1; i < end; i++) this.SKIP_TOKEN();
  }

  protected enter(): void {
    if (++this.nesting > MAX_NESTING) {
      this.nesting = 0;
      throw new TooDeeplyNested(this.LA(1));
    }
  }

  protected leave(): void {
    if (this.nesting > 0) this.nesting--;
  }

  /** Turns a parse failure into a diagnostic, or rethrows what is not one. */
  protected reportFailure(e: unknown): void {
    if (e instanceof TooDeeplyNested) {
      this.report(tokenSpan(e.token), SyntaxCode.tooDeeplyNested, 'code too deeply nested');
      return;
    }
    if (!(e instanceof Error) || !isRecognitionException(e)) throw e;
    const err = e as IRecognitionException;
    const token = err.token;
    if (token.tokenType !== EOF && this.followsLexicalError(token)) return;
    if (token.tokenType === EOF) {
      if (this.reportedEof) return;
      this.reportedEof = true;
      const last = this.lastRealToken();
      // javac points just after the last token.
      this.report(last === undefined ? { start: 0, end: 0, line: 1, column: 1 } : this.endOf(last), SyntaxCode.prematureEof, 'reached end of file while parsing');
      return;
    }
    if (err.name === 'MismatchedTokenException') {
      // javac puts "'x' expected" just after the previous token.
      const prev = this.LA(0);
      this.report(prev.tokenType === EOF ? tokenSpan(token) : this.endOf(prev), SyntaxCode.expected, err.message);
      return;
    }
    const code = err.message === 'illegal start of type' ? SyntaxCode.illegalStartOfType : SyntaxCode.illegalStartOfExpr;
    this.report(tokenSpan(token), code, err.message);
  }

  /** The last token of the file (chevrotain pads the token vector with EOF tokens for its lookahead). */
  protected lastRealToken(): IToken | undefined {
    for (let i = this.tokens.length - 1; i >= 0; i--) {
      const t = this.tokens[i] as IToken;
      if (t.tokenType !== EOF) return t;
    }
    return undefined;
  }

  /**
   * Is there a lexical error in or after the previous token, up to `token`? (An unclosed string literal,
   * for one, swallows the rest of its line, so the syntax error after it is its consequence.)
   */
  protected followsLexicalError(token: IToken): boolean {
    const prev = this.LA(0);
    const from = prev.tokenType === EOF ? 0 : prev.startOffset;
    return this.lexicalErrorOffsets.some((o) => o >= from && o <= token.startOffset);
  }

  /**
   * After a failed statement: skips to just after a ';' or to a '}' closing the enclosing block, or to the
   * next statement keyword once the broken statement has been left.
   */
  protected resyncStatement(startIdx: number): void {
    let depth = 0;
    let progressed = this.position > startIdx;
    while (!this.atEof()) {
      const t = this.LA(1).tokenType;
      if (depth === 0) {
        if (t === Op.Semicolon) {
          this.SKIP_TOKEN();
          return;
        }
        if (t === Op.RBrace) {
          if (!progressed) this.SKIP_TOKEN();
          return;
        }
        if (progressed && statementStarts.has(t)) return;
      }
      if (t === Op.LParen || t === Op.LBracket || t === Op.LBrace) depth++;
      else if ((t === Op.RParen || t === Op.RBracket || t === Op.RBrace) && depth > 0) {
        depth--;
        if (depth === 0 && t === Op.RBrace) {
          this.SKIP_TOKEN();
          return;
        }
      }
      this.SKIP_TOKEN();
      progressed = true;
    }
  }

  /** After a failed member: skips through a ';' or a balanced body, or to the '}' closing the class. */
  protected resyncMember(startIdx: number): void {
    let progressed = this.position > startIdx;
    while (!this.atEof()) {
      const t = this.LA(1).tokenType;
      if (t === Op.Semicolon) {
        this.SKIP_TOKEN();
        return;
      }
      if (t === Op.RBrace) {
        if (!progressed) this.SKIP_TOKEN();
        return;
      }
      if (t === Op.LBrace) {
        this.skipBalanced();
        return;
      }
      if (progressed && isModifier(this.LA(1))) return;
      this.SKIP_TOKEN();
      progressed = true;
    }
  }

  /** After a failed type declaration: skips to the next thing that can start one. */
  protected resyncTypeDecl(startIdx: number): void {
    let progressed = this.position > startIdx;
    while (!this.atEof()) {
      const t = this.LA(1);
      if (progressed && (t.tokenType === Kw.class || t.tokenType === Kw.interface || t.tokenType === Kw.public || t.tokenType === Kw.abstract || t.tokenType === Kw.final)) {
        return;
      }
      if (t.tokenType === Op.LBrace) this.skipBalanced();
      else this.SKIP_TOKEN();
      progressed = true;
    }
  }

  /** In a block: reports and skips a token that cannot start a statement. Returns false at the block's end. */
  protected skipStrayInBlock(inSwitch: boolean): boolean {
    const t = this.LA(1);
    const type = t.tokenType;
    if (type === EOF || type === Op.RBrace) return false;
    if (inSwitch && (type === Kw.case || type === Kw.default)) return false;
    const span = tokenSpan(t);
    if (type === Kw.else) this.report(span, SyntaxCode.elseWithoutIf, "'else' without 'if'");
    else if (type === Kw.case || type === Kw.default) {
      this.report(span, SyntaxCode.orphaned, `orphaned ${t.image}`);
      // The label's expression and colon go with it.
      while (!this.atEof() && !this.at(Op.Colon) && !this.at(Op.Semicolon) && !this.at(Op.RBrace)) this.SKIP_TOKEN();
      if (this.at(Op.Colon)) this.SKIP_TOKEN();
      return true;
    }
    else if (type === Kw.catch || type === Kw.finally) {
      this.report(span, SyntaxCode.orphaned, `'${t.image}' without 'try'`);
      // A catch clause's parameter goes with it; its block is parsed as a block.
      this.SKIP_TOKEN();
      if (this.at(Op.LParen)) this.skipBalanced();
      return true;
    }
    else this.report(span, SyntaxCode.illegalStartOfExpr, 'illegal start of expression');
    this.SKIP_TOKEN();
    return true;
  }

  protected modifiersFrom(items: Modifier[], first: IToken): Modifiers {
    if (items.length === 0) return { items, span: pointSpan(first) };
    const head = items[0] as Modifier;
    const tail = items[items.length - 1] as Modifier;
    return { items, span: spanBetween(head.span, tail.span) };
  }

  /**
   * Locals, parameters and catch parameters take `final` only (annotations are reported already). javac
   * reports this when it attributes the variable, at the variable's name; so does Oak.
   */
  protected checkOnlyFinal(mods: Modifiers, name: Span): void {
    const items = mods.items;
    for (let i = 0; i < items.length; i++) {
      const m = items[i] as Modifier;
      if (m.name !== 'final') {
        this.report(name, SyntaxCode.modifierNotAllowed, `modifier ${m.name} not allowed here`);
        return;
      }
    }
  }

  /** Stands in for an unsupported expression; remembered so it does not also count as "not a statement". */
  protected placeholder(span: Span): Expr {
    const p = placeholderExpr(span);
    this.placeholders.add(p);
    return p;
  }

  protected checkStatementExpression(e: Expr): void {
    if (isStatementExpression(e) || this.placeholders.has(e)) return;
    const span = e.kind === 'Binary' ? e.operatorSpan : e.kind === 'Assign' ? e.operatorSpan : e.span;
    this.report(span, SyntaxCode.notAStatement, 'not a statement');
  }

  protected exprStmt(e: Expr): ExprStmt {
    return { kind: 'ExprStmt', expr: e, span: e.span };
  }

  protected withDims(base: TypeNode, dims: readonly Span[]): TypeNode {
    let type = base;
    for (let i = 0; i < dims.length; i++) type = { kind: 'ArrayType', element: type, span: spanBetween(base.span, dims[i] as Span) };
    return type;
  }

  protected startsLocalClass(): boolean {
    let i = 1;
    while (isModifier(this.LA(i))) i++;
    const t = this.LA(i).tokenType;
    return t === Kw.class || t === Kw.interface || t === Kw.enum;
  }

  protected packageAfterAnnotations(): boolean {
    let i = 1;
    while (this.LA(i).tokenType !== EOF && i < 64) {
      if (this.LA(i).tokenType === Kw.package) return true;
      if (this.LA(i).tokenType === Kw.class || this.LA(i).tokenType === Kw.interface) return false;
      i++;
    }
    return false;
  }

  protected isDecimalInteger(t: IToken): boolean {
    const payload = (t as OakToken).payload;
    return payload !== undefined && (payload.kind === 'int' || payload.kind === 'long') && payload.decimal;
  }

  protected numberLiteral(t: IToken, minus?: IToken): Expr {
    const payload = (t as OakToken).payload ?? { kind: 'int', magnitude: 0n, decimal: true };
    const span = minus === undefined ? tokenSpan(t) : spanBetween(tokenSpan(minus), tokenSpan(t));
    const text = minus === undefined ? t.image : `-${t.image}`;
    const negated = minus !== undefined;
    if (numberTooLarge(payload, negated)) this.report(tokenSpan(t), SyntaxCode.intTooLarge, 'integer number too large');
    return numberLiteral(payload, text, span, negated);
  }
}
