// The Oak parser: a chevrotain EmbeddedActionsParser that builds the AST directly (no CST). Decisions
// Java's grammar cannot make with a few tokens of lookahead are GATEs over lookahead.ts scans. Constructs
// Oak leaves out are recognised, reported once as "<feature> is not supported in Oak" and skipped.
// Syntax errors are recovered from at statement, member and type-declaration level, so independent errors
// are all reported in one run.
import {
  EmbeddedActionsParser,
  EOF,
  isRecognitionException,
  type IParserErrorMessageProvider,
  type IRecognitionException,
  type OrMethodOpts,
  type IToken,
  type TokenType,
} from 'chevrotain';
import { diagnosticAt, type Diagnostic, type SourceText } from '../diagnostics.js';
import type {
  ArrayLiteral,
  AssignOperator as AssignOperatorText,
  BinaryOperator as BinaryOperatorText,
  Block,
  CatchClause,
  ClassDecl,
  ClassTypeNode,
  CompilationUnit,
  Expr,
  ExprStmt,
  Identifier as IdentifierNode,
  ImportDecl,
  LocalVar,
  Member,
  Modifier,
  ModifierName,
  Modifiers,
  Param,
  PrimitiveTypeNode,
  QualifiedName,
  Span,
  Stmt,
  SwitchCase,
  SwitchLabel,
  TypeNode,
  VarDeclarator,
  VoidTypeNode,
} from './ast.js';
import { tokenize, type OakToken } from './lexer.js';
import {
  isModifier,
  skipTypeArguments,
  startsCast,
  startsConstructor,
  startsForEach,
  startsLambda,
  startsLocalVarDecl,
} from './lookahead.js';
import { buildBinary, numberLiteral, placeholderExpr, pointSpan, spanBetween, tokenSpan, type BinaryStep } from './node-builders.js';
import { SyntaxCode } from './syntax-errors.js';
import {
  allTokens,
  AssignOperator,
  BinaryOperator,
  CharLiteral,
  Identifier,
  Kw,
  ModifierKeyword,
  NumberLiteral,
  Op,
  PrimitiveKeyword,
  StringLiteral,
} from './tokens.js';

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
 * Chevrotain's grammar validations cost start-up time on every run; the test suite constructs the parser
 * with them on (see `validateOakGrammar`), so production runs skip them.
 */
let validateGrammar = false;

class OakParser extends EmbeddedActionsParser {
  file = '';
  diagnostics: Diagnostic[] = [];
  tokens: readonly IToken[] = [];
  /** Offsets of lexical errors: a syntax error right after one is its consequence and is not reported. */
  lexicalErrorOffsets: readonly number[] = [];
  private lastErrorOffset = -1;
  private reportedEof = false;
  private nesting = 0;
  private className = '';
  private placeholders = new WeakSet<Expr>();
  // The alternatives of the hottest ORs, built once: chevrotain accepts a cached array, and rebuilding
  // a dozen closures on every call was a large share of parse time (garbage collection).
  private statementAlts: OrMethodOpts<Stmt> | undefined;
  private blockStatementAlts: OrMethodOpts<Stmt | null> | undefined;
  private expressionAlts: OrMethodOpts<Expr> | undefined;
  private unaryAlts: OrMethodOpts<Expr> | undefined;
  private primaryAlts: OrMethodOpts<Expr> | undefined;

  constructor() {
    super(allTokens, { recoveryEnabled: false, maxLookahead: 1, errorMessageProvider: messages, skipValidations: !validateGrammar });
    this.performSelfAnalysis();
  }

  override reset(): void {
    super.reset();
    this.diagnostics = [];
    this.lastErrorOffset = -1;
    this.reportedEof = false;
    this.nesting = 0;
    this.className = '';
  }

  // ---------------------------------------------------------------------------------------------------
  // Helpers (run only outside the recording phase)

  /** Index of the last consumed token (chevrotain keeps it in a field its typings do not declare). */
  private get position(): number {
    return (this as unknown as { currIdx: number }).currIdx;
  }

  private setPosition(index: number): void {
    (this as unknown as { currIdx: number }).currIdx = index;
  }

  private at(type: TokenType, i = 1): boolean {
    return this.LA(i).tokenType === type;
  }

  private atEof(): boolean {
    return this.LA(1).tokenType === EOF;
  }

  private report(span: Span, code: string, message: string): void {
    if (span.start === this.lastErrorOffset) return;
    this.lastErrorOffset = span.start;
    this.diagnostics.push(diagnosticAt(this.file, span, code, message));
  }

  /** "<feature> is not supported in Oak" ("are" for a plural feature name such as "generics"). */
  private notSupported(span: Span, feature: string, plural = false): void {
    this.report(span, SyntaxCode.notSupported, `${feature} ${plural ? 'are' : 'is'} not supported in Oak`);
  }

  /** The empty span just after `t`. */
  private endOf(t: IToken): Span {
    const end = (t.endOffset ?? t.startOffset) + 1;
    return { start: end, end, line: t.endLine ?? t.startLine ?? 1, column: (t.endColumn ?? t.startColumn ?? 0) + 1 };
  }

  /** Span from `first` to the last consumed token. */
  private spanFrom(first: IToken | Span): Span {
    const start = 'startOffset' in first ? tokenSpan(first) : first;
    const last = this.LA(0);
    if (last.tokenType === EOF || last.startOffset < start.start) return start;
    return spanBetween(start, tokenSpan(last));
  }

  private ident(t: IToken): IdentifierNode {
    return { name: t.image, span: tokenSpan(t) };
  }

  /** Skips one token; at the end of input does nothing. */
  private skip(): void {
    if (!this.atEof()) this.SKIP_TOKEN();
  }

  /** At an opening bracket: skips through its matching close (or to the end of input). */
  private skipBalanced(): void {
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
  private skipDeclaration(): void {
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
  private skipExpressionRest(): void {
    while (!this.atEof()) {
      const t = this.LA(1).tokenType;
      if (t === Op.RParen || t === Op.RBracket || t === Op.RBrace || t === Op.Semicolon || t === Op.Comma) return;
      if (t === Op.LParen || t === Op.LBrace || t === Op.LBracket) this.skipBalanced();
      else this.SKIP_TOKEN();
    }
  }

  private skipTypeArgumentsHere(): void {
    const end = skipTypeArguments((i) => this.LA(i), 1);
    if (end < 0) {
      this.SKIP_TOKEN();
      return;
    }
    for (let i = 1; i < end; i++) this.SKIP_TOKEN();
  }

  private enter(): void {
    if (++this.nesting > MAX_NESTING) {
      this.nesting = 0;
      throw new TooDeeplyNested(this.LA(1));
    }
  }

  private leave(): void {
    if (this.nesting > 0) this.nesting--;
  }

  /** Turns a parse failure into a diagnostic, or rethrows what is not one. */
  private reportFailure(e: unknown): void {
    if (e instanceof TooDeeplyNested) {
      this.report(tokenSpan(e.token), SyntaxCode.unexpected, 'code too deeply nested');
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
  private lastRealToken(): IToken | undefined {
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
  private followsLexicalError(token: IToken): boolean {
    const prev = this.LA(0);
    const from = prev.tokenType === EOF ? 0 : prev.startOffset;
    return this.lexicalErrorOffsets.some((o) => o >= from && o <= token.startOffset);
  }

  /**
   * After a failed statement: skips to just after a ';' or to a '}' closing the enclosing block, or to the
   * next statement keyword once the broken statement has been left.
   */
  private resyncStatement(startIdx: number): void {
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
  private resyncMember(startIdx: number): void {
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
  private resyncTypeDecl(startIdx: number): void {
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
  private skipStrayInBlock(inSwitch: boolean): boolean {
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

  private modifiersFrom(items: Modifier[], first: IToken): Modifiers {
    if (items.length === 0) return { items, span: pointSpan(first) };
    const head = items[0] as Modifier;
    const tail = items[items.length - 1] as Modifier;
    return { items, span: spanBetween(head.span, tail.span) };
  }

  /**
   * Locals, parameters and catch parameters take `final` only (annotations are reported already). javac
   * reports this when it attributes the variable, at the variable's name; so does Oak.
   */
  private checkOnlyFinal(mods: Modifiers, name: Span): void {
    const bad = mods.items.find((m) => m.name !== 'final');
    if (bad !== undefined) this.report(name, SyntaxCode.modifierNotAllowed, `modifier ${bad.name} not allowed here`);
  }

  /** Stands in for an unsupported expression; remembered so it does not also count as "not a statement". */
  private placeholder(span: Span): Expr {
    const p = placeholderExpr(span);
    this.placeholders.add(p);
    return p;
  }

  private checkStatementExpression(e: Expr): void {
    if (isStatementExpression(e) || this.placeholders.has(e)) return;
    const span = e.kind === 'Binary' ? e.operatorSpan : e.kind === 'Assign' ? e.operatorSpan : e.span;
    this.report(span, SyntaxCode.notAStatement, 'not a statement');
  }

  private exprStmt(e: Expr): ExprStmt {
    return { kind: 'ExprStmt', expr: e, span: e.span };
  }

  // ---------------------------------------------------------------------------------------------------
  // Compilation units and type declarations

  compilationUnit = this.RULE('compilationUnit', (): CompilationUnit => {
    let packageName: QualifiedName | null = null;
    const imports: ImportDecl[] = [];
    const types: ClassDecl[] = [];
    this.OPTION({
      GATE: () => this.at(Kw.package) || (this.at(Op.At) && this.packageAfterAnnotations()),
      DEF: () => {
        const mods = this.SUBRULE(this.modifiers);
        const kw = this.CONSUME(Kw.package);
        const name = this.SUBRULE(this.qualifiedName);
        this.CONSUME(Op.Semicolon);
        this.ACTION(() => {
          packageName = name;
          if (mods.items.length > 0) this.report(mods.items[0]!.span, SyntaxCode.unexpected, "modifiers are not allowed on 'package'");
          void kw;
        });
      },
    });
    this.MANY(() => {
      const start = this.position;
      try {
        const decl = this.SUBRULE(this.importDeclaration);
        this.ACTION(() => decl !== null && imports.push(decl));
      } catch (e) {
        if (this.RECORDING_PHASE) throw e;
        this.reportFailure(e);
        this.resyncStatement(start);
      }
    });
    let more = true;
    while (more) {
      this.MANY2(() => {
        const start = this.position;
        try {
          const decl = this.SUBRULE(this.typeDeclaration);
          this.ACTION(() => decl !== null && types.push(decl));
        } catch (e) {
          if (this.RECORDING_PHASE) throw e;
          this.reportFailure(e);
          this.resyncTypeDecl(start);
        }
      });
      more =
        this.ACTION(() => {
          if (this.atEof()) return false;
          const t = this.LA(1);
          this.report(tokenSpan(t), SyntaxCode.classExpected, 'class, interface, enum, or record expected');
          const start = this.position;
          this.SKIP_TOKEN();
          this.resyncTypeDecl(start);
          return true;
        }) ?? false;
    }
    return this.ACTION(() => ({
      kind: 'CompilationUnit' as const,
      file: this.file,
      packageName,
      imports,
      types,
      span: { start: 0, end: (this.lastRealToken()?.endOffset ?? -1) + 1, line: 1, column: 1 },
    })) as CompilationUnit;
  });

  private packageAfterAnnotations(): boolean {
    let i = 1;
    while (this.LA(i).tokenType !== EOF && i < 64) {
      if (this.LA(i).tokenType === Kw.package) return true;
      if (this.LA(i).tokenType === Kw.class || this.LA(i).tokenType === Kw.interface) return false;
      i++;
    }
    return false;
  }

  importDeclaration = this.RULE('importDeclaration', (): ImportDecl | null => {
    const kw = this.CONSUME(Kw.import);
    const isStatic = this.OPTION(() => this.CONSUME(Kw.static));
    const name = this.SUBRULE(this.qualifiedName);
    let onDemand = false;
    this.OPTION2(() => {
      this.CONSUME(Op.Dot);
      this.CONSUME(Op.Star);
      onDemand = true;
    });
    this.CONSUME(Op.Semicolon);
    return this.ACTION(() => {
      if (isStatic !== undefined) {
        this.notSupported(tokenSpan(isStatic), 'static import');
        return null;
      }
      return { kind: 'Import' as const, name, onDemand, span: this.spanFrom(kw) };
    }) as ImportDecl | null;
  });

  qualifiedName = this.RULE('qualifiedName', (): QualifiedName => {
    const parts: IdentifierNode[] = [];
    const first = this.CONSUME(Identifier);
    this.ACTION(() => parts.push(this.ident(first)));
    this.MANY({
      GATE: () => this.at(Identifier, 2),
      DEF: () => {
        this.CONSUME(Op.Dot);
        const part = this.CONSUME2(Identifier);
        this.ACTION(() => parts.push(this.ident(part)));
      },
    });
    return this.ACTION(() => ({ parts, text: parts.map((p) => p.name).join('.'), span: this.spanFrom(first) })) as QualifiedName;
  });

  typeDeclaration = this.RULE('typeDeclaration', (): ClassDecl | null => {
    const first = this.LA(1);
    const mods = this.SUBRULE(this.modifiers);
    return this.OR([
      { ALT: () => this.SUBRULE(this.classDeclaration, { ARGS: [mods, first] }) },
      { ALT: () => this.SUBRULE(this.interfaceDeclaration, { ARGS: [mods, first] }) },
      {
        ALT: () => {
          const kw = this.CONSUME(Kw.enum);
          this.ACTION(() => {
            this.notSupported(tokenSpan(kw), 'enums', true);
            this.skipDeclaration();
          });
          return null;
        },
      },
      {
        GATE: () => this.LA(1).image === 'record' && this.at(Identifier, 2),
        ALT: () => {
          const kw = this.CONSUME(Identifier);
          this.ACTION(() => {
            this.notSupported(tokenSpan(kw), 'records', true);
            this.skipDeclaration();
          });
          return null;
        },
      },
      {
        ALT: () => {
          const at = this.CONSUME(Op.At);
          this.ACTION(() => {
            this.notSupported(tokenSpan(at), 'annotations', true);
            this.skipDeclaration();
          });
          return null;
        },
      },
      {
        ALT: () => {
          this.CONSUME(Op.Semicolon);
          return null;
        },
      },
    ]);
  });

  classDeclaration = this.RULE('classDeclaration', (mods: Modifiers, first: IToken): ClassDecl => {
    this.CONSUME(Kw.class);
    const name = this.CONSUME(Identifier);
    this.OPTION(() => this.SUBRULE(this.typeParameters));
    let superclass: ClassTypeNode | null = null;
    let interfaces: ClassTypeNode[] = [];
    this.OPTION2(() => {
      this.CONSUME(Kw.extends);
      superclass = this.SUBRULE(this.classType);
    });
    this.OPTION3(() => {
      this.CONSUME(Kw.implements);
      interfaces = this.SUBRULE(this.classTypeList);
    });
    this.ACTION(() => (this.className = name.image));
    const members = this.SUBRULE(this.classBody);
    return this.ACTION(() => ({
      kind: 'Class' as const,
      isInterface: false,
      modifiers: mods,
      name: this.ident(name),
      superclass,
      interfaces,
      members,
      span: this.spanFrom(mods.items.length > 0 ? mods.span : tokenSpan(first)),
    })) as ClassDecl;
  });

  interfaceDeclaration = this.RULE('interfaceDeclaration', (mods: Modifiers, first: IToken): ClassDecl => {
    this.CONSUME(Kw.interface);
    const name = this.CONSUME(Identifier);
    this.OPTION(() => this.SUBRULE(this.typeParameters));
    let interfaces: ClassTypeNode[] = [];
    this.OPTION2(() => {
      this.CONSUME(Kw.extends);
      interfaces = this.SUBRULE(this.classTypeList);
    });
    this.ACTION(() => (this.className = name.image));
    const members = this.SUBRULE(this.classBody);
    return this.ACTION(() => ({
      kind: 'Class' as const,
      isInterface: true,
      modifiers: mods,
      name: this.ident(name),
      superclass: null,
      interfaces,
      members,
      span: this.spanFrom(mods.items.length > 0 ? mods.span : tokenSpan(first)),
    })) as ClassDecl;
  });

  /** `<T, U extends V>`: reported as generics and skipped. */
  typeParameters = this.RULE('typeParameters', (): void => {
    const lt = this.CONSUME(Op.Lt);
    this.ACTION(() => {
      this.notSupported(tokenSpan(lt), 'generics', true);
      let depth = 1;
      while (depth > 0 && !this.atEof() && !this.at(Op.LBrace) && !this.at(Op.Semicolon)) {
        const t = this.LA(1).tokenType;
        if (t === Op.Lt) depth++;
        else if (t === Op.Gt) depth--;
        else if (t === Op.GtGt) depth -= 2;
        else if (t === Op.GtGtGt) depth -= 3;
        this.SKIP_TOKEN();
      }
    });
  });

  classTypeList = this.RULE('classTypeList', (): ClassTypeNode[] => {
    const list: ClassTypeNode[] = [];
    const first = this.SUBRULE(this.classType);
    this.ACTION(() => list.push(first));
    this.MANY(() => {
      this.CONSUME(Op.Comma);
      const next = this.SUBRULE2(this.classType);
      this.ACTION(() => list.push(next));
    });
    return list;
  });

  classBody = this.RULE('classBody', (): Member[] => {
    const members: Member[] = [];
    const className = this.className;
    this.CONSUME(Op.LBrace);
    let more = true;
    while (more) {
      this.MANY({
        GATE: () => !this.at(Op.RBrace),
        DEF: () => {
          const start = this.position;
          try {
            const member = this.SUBRULE(this.member);
            this.ACTION(() => {
              if (member !== null) members.push(member);
              this.className = className;
            });
          } catch (e) {
            if (this.RECORDING_PHASE) throw e;
            this.className = className;
            this.reportFailure(e);
            this.resyncMember(start);
          }
        },
      });
      more =
        this.ACTION(() => {
          if (this.atEof() || this.at(Op.RBrace)) return false;
          this.report(tokenSpan(this.LA(1)), SyntaxCode.illegalStartOfType, 'illegal start of type');
          const start = this.position;
          this.SKIP_TOKEN();
          this.resyncMember(start);
          return true;
        }) ?? false;
    }
    this.CONSUME(Op.RBrace);
    return members;
  });

  member = this.RULE('member', (): Member | null => {
    return this.OR([
      {
        ALT: () => {
          this.CONSUME(Op.Semicolon);
          return null;
        },
      },
      {
        ALT: () => {
          const first = this.LA(1);
          const mods = this.SUBRULE(this.modifiers);
          return this.SUBRULE(this.memberRest, { ARGS: [mods, first] });
        },
      },
    ]);
  });

  memberRest = this.RULE('memberRest', (mods: Modifiers, first: IToken): Member | null => {
    const start = (): Span => (mods.items.length > 0 ? mods.span : tokenSpan(first));
    this.OPTION(() => this.SUBRULE(this.typeParameters));
    return this.OR([
      {
        ALT: () => {
          const body = this.SUBRULE(this.block);
          return this.ACTION(() => {
            const isStatic = mods.items.some((m) => m.name === 'static');
            for (const m of mods.items) {
              if (m.name !== 'static') this.report(m.span, SyntaxCode.modifierNotAllowed, `modifier ${m.name} not allowed here`);
            }
            return { kind: 'Initializer' as const, isStatic, body, span: this.spanFrom(start()) };
          }) as Member;
        },
      },
      {
        ALT: () => {
          const kw = this.OR2([
            { ALT: () => this.CONSUME(Kw.class) },
            { ALT: () => this.CONSUME(Kw.interface) },
            { ALT: () => this.CONSUME(Kw.enum) },
          ]);
          this.ACTION(() => {
            const isStatic = mods.items.some((m) => m.name === 'static');
            const feature =
              kw.tokenType === Kw.enum ? 'enums' : kw.tokenType === Kw.interface ? 'nested interfaces' : isStatic ? 'static nested classes' : 'inner classes';
            this.notSupported(tokenSpan(kw), feature, true);
            this.skipDeclaration();
          });
          return null;
        },
      },
      {
        GATE: () => this.LA(1).image === 'record' && this.at(Identifier, 2),
        ALT: () => {
          const kw = this.CONSUME(Identifier);
          this.ACTION(() => {
            this.notSupported(tokenSpan(kw), 'records', true);
            this.skipDeclaration();
          });
          return null;
        },
      },
      {
        GATE: () => startsConstructor((i) => this.LA(i)),
        ALT: () => {
          const name = this.CONSUME2(Identifier);
          const params = this.SUBRULE(this.formalParameters);
          const throws = this.SUBRULE(this.throwsClause);
          const body = this.SUBRULE(this.constructorBody);
          return this.ACTION(() => {
            if (name.image !== this.className) {
              this.report(tokenSpan(name), SyntaxCode.invalidMethodDeclaration, 'invalid method declaration; return type required');
            }
            return { kind: 'Constructor' as const, modifiers: mods, name: this.ident(name), params, throws, body, span: this.spanFrom(start()) };
          }) as Member;
        },
      },
      {
        ALT: () => {
          const v = this.CONSUME(Kw.void);
          const name = this.CONSUME3(Identifier);
          const returnType: VoidTypeNode = { kind: 'VoidType', span: tokenSpan(v) };
          return this.SUBRULE(this.methodRest, { ARGS: [mods, returnType, name, start] });
        },
      },
      {
        ALT: () => {
          const type = this.SUBRULE(this.type);
          const name = this.CONSUME4(Identifier);
          return this.OR3([
            { GATE: () => this.at(Op.LParen), ALT: () => this.SUBRULE2(this.methodRest, { ARGS: [mods, type, name, start] }) },
            { ALT: () => this.SUBRULE(this.fieldRest, { ARGS: [mods, type, name, start] }) },
          ]);
        },
      },
    ]);
  });

  methodRest = this.RULE('methodRest', (mods: Modifiers, declaredReturn: TypeNode | VoidTypeNode, name: IToken, start: () => Span): Member => {
    const params = this.SUBRULE(this.formalParameters);
    const dims = this.SUBRULE(this.dims);
    const throws = this.SUBRULE(this.throwsClause);
    const body = this.OR([
      { ALT: () => this.SUBRULE(this.block) },
      {
        ALT: () => {
          this.CONSUME(Op.Semicolon);
          return null;
        },
      },
    ]);
    return this.ACTION(() => {
      let returnType = declaredReturn;
      if (dims.length > 0) {
        if (returnType.kind === 'VoidType') this.report(dims[0] as Span, SyntaxCode.expected, "'(' expected");
        else returnType = this.withDims(returnType, dims);
      }
      return { kind: 'Method' as const, modifiers: mods, returnType, name: this.ident(name), params, throws, body, span: this.spanFrom(start()) };
    }) as Member;
  });

  fieldRest = this.RULE('fieldRest', (mods: Modifiers, declaredType: TypeNode, name: IToken, start: () => Span): Member => {
    const declarators: VarDeclarator[] = [];
    const first = this.SUBRULE(this.declaratorRest, { ARGS: [declaredType, name] });
    this.ACTION(() => declarators.push(first));
    this.MANY(() => {
      this.CONSUME(Op.Comma);
      const next = this.SUBRULE(this.variableDeclarator, { ARGS: [declaredType] });
      this.ACTION(() => declarators.push(next));
    });
    this.CONSUME(Op.Semicolon);
    return this.ACTION(() => ({ kind: 'Field' as const, modifiers: mods, declaredType, declarators, span: this.spanFrom(start()) })) as Member;
  });

  throwsClause = this.RULE('throwsClause', (): ClassTypeNode[] => {
    let list: ClassTypeNode[] = [];
    this.OPTION(() => {
      this.CONSUME(Kw.throws);
      list = this.SUBRULE(this.classTypeList);
    });
    return list;
  });

  formalParameters = this.RULE('formalParameters', (): Param[] => {
    const params: Param[] = [];
    this.CONSUME(Op.LParen);
    this.OPTION(() => {
      const first = this.SUBRULE(this.formalParameter);
      this.ACTION(() => params.push(first));
      this.MANY(() => {
        this.CONSUME(Op.Comma);
        const next = this.SUBRULE2(this.formalParameter);
        this.ACTION(() => params.push(next));
      });
    });
    this.CONSUME(Op.RParen);
    return params;
  });

  formalParameter = this.RULE('formalParameter', (): Param => {
    const first = this.LA(1);
    const mods = this.SUBRULE(this.modifiers);
    let type = this.SUBRULE(this.type);
    this.OPTION(() => {
      const dots = this.CONSUME(Op.Ellipsis);
      this.ACTION(() => {
        this.notSupported(tokenSpan(dots), 'varargs');
        type = { kind: 'ArrayType', element: type, span: this.spanFrom(type.span) };
      });
    });
    const name = this.CONSUME(Identifier);
    const dims = this.SUBRULE(this.dims);
    return this.ACTION(() => {
      this.checkOnlyFinal(mods, tokenSpan(name));
      return { modifiers: mods, type: this.withDims(type, dims), name: this.ident(name), span: this.spanFrom(first) };
    }) as Param;
  });

  modifiers = this.RULE('modifiers', (): Modifiers => {
    const first = this.LA(1);
    const items: Modifier[] = [];
    this.MANY({
      // `@interface` starts a declaration and `default:` a switch label; neither is a modifier.
      GATE: () => !(this.at(Op.At) && this.at(Kw.interface, 2)) && !(this.at(Kw.default) && (this.at(Op.Colon, 2) || this.at(Op.Arrow, 2))),
      DEF: () => {
        this.OR([
          {
            ALT: () => {
              const t = this.CONSUME(ModifierKeyword);
              this.ACTION(() => {
                const span = tokenSpan(t);
                if (items.some((m) => m.name === t.image)) this.report(span, SyntaxCode.repeatedModifier, 'repeated modifier');
                else items.push({ name: t.image as ModifierName, span });
              });
            },
          },
          {
            ALT: () => {
              const at = this.CONSUME(Op.At);
              this.ACTION(() => {
                this.notSupported(tokenSpan(at), 'annotations', true);
                while (this.at(Identifier) && this.at(Op.Dot, 2)) {
                  this.SKIP_TOKEN();
                  this.SKIP_TOKEN();
                }
                this.skip();
                if (this.at(Op.LParen)) this.skipBalanced();
              });
            },
          },
          {
            ALT: () => {
              const d = this.CONSUME(Kw.default);
              this.ACTION(() => this.notSupported(tokenSpan(d), 'default methods', true));
            },
          },
        ]);
      },
    });
    return this.ACTION(() => this.modifiersFrom(items, first)) as Modifiers;
  });

  // ---------------------------------------------------------------------------------------------------
  // Types

  type = this.RULE('type', (): TypeNode => {
    const base = this.OR([{ ALT: () => this.SUBRULE(this.primitiveType) }, { ALT: () => this.SUBRULE(this.classType) }]);
    const dims = this.SUBRULE(this.dims);
    return this.ACTION(() => this.withDims(base, dims)) as TypeNode;
  });

  primitiveType = this.RULE('primitiveType', (): PrimitiveTypeNode => {
    const t = this.CONSUME(PrimitiveKeyword);
    return this.ACTION(() => ({ kind: 'PrimitiveType' as const, name: t.image as PrimitiveTypeNode['name'], span: tokenSpan(t) })) as PrimitiveTypeNode;
  });

  classType = this.RULE('classType', (): ClassTypeNode => {
    const name = this.SUBRULE(this.qualifiedName);
    this.OPTION({
      GATE: () => this.at(Op.Lt),
      DEF: () => {
        const lt = this.CONSUME(Op.Lt);
        this.ACTION(() => {
          this.notSupported(tokenSpan(lt), 'generics', true);
          this.setPosition(this.position - 1);
          this.skipTypeArgumentsHere();
          // A type argument list may be followed by more of the name (Outer<T>.Inner).
          while (this.at(Op.Dot) && this.at(Identifier, 2)) {
            this.SKIP_TOKEN();
            this.SKIP_TOKEN();
          }
        });
      },
    });
    return this.ACTION(() => ({ kind: 'ClassType' as const, name, span: name.span })) as ClassTypeNode;
  });

  /** `[]` pairs; returns the span of each pair. */
  dims = this.RULE('dims', (): Span[] => {
    const spans: Span[] = [];
    this.MANY({
      GATE: () => this.at(Op.RBracket, 2),
      DEF: () => {
        const open = this.CONSUME(Op.LBracket);
        this.CONSUME(Op.RBracket);
        this.ACTION(() => spans.push(this.spanFrom(open)));
      },
    });
    return spans;
  });

  private withDims(base: TypeNode, dims: readonly Span[]): TypeNode {
    let type = base;
    for (const d of dims) type = { kind: 'ArrayType', element: type, span: spanBetween(base.span, d) };
    return type;
  }

  // ---------------------------------------------------------------------------------------------------
  // Statements

  block = this.RULE('block', (): Block => {
    const open = this.CONSUME(Op.LBrace);
    const statements = this.SUBRULE(this.blockStatements, { ARGS: [false] });
    this.CONSUME(Op.RBrace);
    return this.ACTION(() => ({ kind: 'Block' as const, statements, span: this.spanFrom(open) })) as Block;
  });

  /** A constructor body: an explicit constructor call is allowed as its first statement. */
  constructorBody = this.RULE('constructorBody', (): Block => {
    const open = this.CONSUME(Op.LBrace);
    let call: Stmt | undefined;
    this.OPTION({
      GATE: () => (this.at(Kw.this) || this.at(Kw.super)) && this.at(Op.LParen, 2),
      DEF: () => {
        call = this.SUBRULE(this.explicitConstructorCall);
      },
    });
    const rest = this.SUBRULE(this.blockStatements, { ARGS: [false] });
    this.CONSUME(Op.RBrace);
    return this.ACTION(() => ({ kind: 'Block' as const, statements: call === undefined ? rest : [call, ...rest], span: this.spanFrom(open) })) as Block;
  });

  explicitConstructorCall = this.RULE('explicitConstructorCall', (): Stmt => {
    const kw = this.OR([{ ALT: () => this.CONSUME(Kw.this) }, { ALT: () => this.CONSUME(Kw.super) }]);
    const args = this.SUBRULE(this.arguments);
    this.CONSUME(Op.Semicolon);
    return this.ACTION(() => ({
      kind: 'ExplicitConstructorCall' as const,
      call: kw.tokenType === Kw.this ? ('this' as const) : ('super' as const),
      args,
      span: this.spanFrom(kw),
    })) as Stmt;
  });

  blockStatements = this.RULE('blockStatements', (inSwitch: boolean): Stmt[] => {
    const statements: Stmt[] = [];
    let more = true;
    while (more) {
      this.MANY({
        // A `case` or `default` here is either the next switch group or an orphan for skipStrayInBlock.
        GATE: () => !this.at(Op.RBrace) && !this.at(Kw.case) && !this.at(Kw.default),
        DEF: () => {
          const start = this.position;
          try {
            const s = this.SUBRULE(this.blockStatement);
            this.ACTION(() => s !== null && statements.push(s));
          } catch (e) {
            if (this.RECORDING_PHASE) throw e;
            this.reportFailure(e);
            this.resyncStatement(start);
          }
        },
      });
      more = this.ACTION(() => this.skipStrayInBlock(inSwitch)) ?? false;
    }
    return statements;
  });

  blockStatement = this.RULE('blockStatement', (): Stmt | null => {
    return this.OR((this.blockStatementAlts ??= {
      IGNORE_AMBIGUITIES: true,
      DEF: [
        {
          GATE: () => this.startsLocalClass(),
          ALT: () => {
            this.SUBRULE(this.modifiers);
            const kw = this.OR2([
              { ALT: () => this.CONSUME(Kw.class) },
              { ALT: () => this.CONSUME(Kw.interface) },
              { ALT: () => this.CONSUME(Kw.enum) },
            ]);
            this.ACTION(() => {
              this.notSupported(tokenSpan(kw), kw.tokenType === Kw.enum ? 'enums' : kw.tokenType === Kw.interface ? 'local interfaces' : 'local classes', true);
              this.skipDeclaration();
            });
            return null;
          },
        },
        {
          GATE: () => startsLocalVarDecl((i) => this.LA(i)),
          ALT: () => {
            const decl = this.SUBRULE(this.localVariableDeclaration);
            this.CONSUME(Op.Semicolon);
            return this.ACTION(() => ({ ...decl, span: this.spanFrom(decl.span) })) as Stmt;
          },
        },
        { ALT: () => this.SUBRULE(this.statement) },
      ],
    }));
  });

  private startsLocalClass(): boolean {
    let i = 1;
    while (isModifier(this.LA(i))) i++;
    const t = this.LA(i).tokenType;
    return t === Kw.class || t === Kw.interface || t === Kw.enum;
  }

  localVariableDeclaration = this.RULE('localVariableDeclaration', (): LocalVar => {
    const first = this.LA(1);
    const mods = this.SUBRULE(this.modifiers);
    const declaredType = this.SUBRULE(this.type);
    const declarators: VarDeclarator[] = [];
    const d = this.SUBRULE(this.variableDeclarator, { ARGS: [declaredType] });
    this.ACTION(() => declarators.push(d));
    this.MANY(() => {
      this.CONSUME(Op.Comma);
      const next = this.SUBRULE2(this.variableDeclarator, { ARGS: [declaredType] });
      this.ACTION(() => declarators.push(next));
    });
    return this.ACTION(() => {
      this.checkOnlyFinal(mods, declarators[0]?.name.span ?? declaredType.span);
      if (declaredType.kind === 'ClassType' && declaredType.name.text === 'var') {
        this.notSupported(declaredType.span, "local variable type inference ('var')");
      }
      return { kind: 'LocalVar' as const, modifiers: mods, declaredType, declarators, span: this.spanFrom(first) };
    }) as LocalVar;
  });

  variableDeclarator = this.RULE('variableDeclarator', (declaredType: TypeNode): VarDeclarator => {
    const name = this.CONSUME(Identifier);
    return this.SUBRULE(this.declaratorRest, { ARGS: [declaredType, name] });
  });

  /** The rest of a declarator after its name: `[]`s and an optional initialiser. */
  declaratorRest = this.RULE('declaratorRest', (declaredType: TypeNode, name: IToken): VarDeclarator => {
    const dims = this.SUBRULE(this.dims);
    let init: Expr | null = null;
    this.OPTION(() => {
      this.CONSUME(Op.Eq);
      init = this.SUBRULE(this.variableInitializer);
    });
    return this.ACTION(() => ({ name: this.ident(name), type: this.withDims(declaredType, dims), init, span: this.spanFrom(name) })) as VarDeclarator;
  });

  variableInitializer = this.RULE('variableInitializer', (): Expr => {
    return this.OR([{ ALT: () => this.SUBRULE(this.arrayInitializer) }, { ALT: () => this.SUBRULE(this.expression) }]);
  });

  arrayInitializer = this.RULE('arrayInitializer', (): ArrayLiteral => {
    const open = this.CONSUME(Op.LBrace);
    const elements: Expr[] = [];
    this.OPTION(() => {
      const first = this.SUBRULE(this.variableInitializer);
      this.ACTION(() => elements.push(first));
      this.MANY({
        GATE: () => !this.at(Op.RBrace, 2),
        DEF: () => {
          this.CONSUME(Op.Comma);
          const next = this.SUBRULE2(this.variableInitializer);
          this.ACTION(() => elements.push(next));
        },
      });
    });
    this.OPTION2(() => this.CONSUME2(Op.Comma));
    this.CONSUME(Op.RBrace);
    return this.ACTION(() => ({ kind: 'ArrayLiteral' as const, elements, span: this.spanFrom(open) })) as ArrayLiteral;
  });

  statement = this.RULE('statement', (): Stmt => {
    this.ACTION(() => this.enter());
    const s = this.OR((this.statementAlts ??= {
      IGNORE_AMBIGUITIES: true,
      DEF: [
        { ALT: () => this.SUBRULE(this.block) as Stmt },
        {
          ALT: () => {
            const t = this.CONSUME(Op.Semicolon);
            return this.ACTION(() => ({ kind: 'Empty' as const, span: tokenSpan(t) })) as Stmt;
          },
        },
        { ALT: () => this.SUBRULE(this.ifStatement) },
        { ALT: () => this.SUBRULE(this.whileStatement) },
        { ALT: () => this.SUBRULE(this.doStatement) },
        { ALT: () => this.SUBRULE(this.forStatement) },
        { ALT: () => this.SUBRULE(this.jumpStatement) },
        { ALT: () => this.SUBRULE(this.returnStatement) },
        { ALT: () => this.SUBRULE(this.switchStatement) },
        { ALT: () => this.SUBRULE(this.throwStatement) },
        { ALT: () => this.SUBRULE(this.tryStatement) },
        { GATE: () => this.at(Op.LParen, 2), ALT: () => this.SUBRULE(this.synchronizedStatement) },
        {
          GATE: () => this.at(Op.Colon, 2),
          ALT: () => {
            const label = this.CONSUME(Identifier);
            this.CONSUME(Op.Colon);
            const body = this.SUBRULE(this.statement);
            return this.ACTION(() => ({ kind: 'Labeled' as const, label: this.ident(label), body, span: this.spanFrom(label) })) as Stmt;
          },
        },
        {
          GATE: () => (this.at(Kw.this) || this.at(Kw.super)) && this.at(Op.LParen, 2),
          ALT: () => {
            const call = this.SUBRULE(this.explicitConstructorCall);
            this.ACTION(() => {
              const which = call.kind === 'ExplicitConstructorCall' ? call.call : 'super';
              this.report(call.span, SyntaxCode.constructorCallNotFirst, `call to ${which} must be first statement in constructor`);
            });
            return call;
          },
        },
        {
          ALT: () => {
            const kw = this.CONSUME(Kw.assert);
            this.ACTION(() => {
              this.notSupported(tokenSpan(kw), 'assert statements', true);
              this.resyncStatement(this.position - 1);
            });
            return this.ACTION(() => ({ kind: 'Empty' as const, span: this.spanFrom(kw) })) as Stmt;
          },
        },
        {
          GATE: () => startsLocalVarDecl((i) => this.LA(i)),
          ALT: () => {
            const decl = this.SUBRULE(this.localVariableDeclaration);
            this.CONSUME2(Op.Semicolon);
            this.ACTION(() => this.report(decl.declarators[0]?.name.span ?? decl.span, SyntaxCode.variableNotAllowed, 'variable declaration not allowed here'));
            return this.ACTION(() => ({ ...decl, span: this.spanFrom(decl.span) })) as Stmt;
          },
        },
        {
          ALT: () => {
            const first = this.LA(1);
            const e = this.SUBRULE(this.expression);
            this.CONSUME3(Op.Semicolon);
            return this.ACTION(() => {
              this.checkStatementExpression(e);
              return { kind: 'ExprStmt' as const, expr: e, span: this.spanFrom(first) };
            }) as Stmt;
          },
        },
      ],
    }));
    this.ACTION(() => this.leave());
    return s;
  });

  ifStatement = this.RULE('ifStatement', (): Stmt => {
    const kw = this.CONSUME(Kw.if);
    const condition = this.SUBRULE(this.parExpression);
    const thenStmt = this.SUBRULE(this.statement);
    let elseStmt: Stmt | null = null;
    this.OPTION(() => {
      this.CONSUME(Kw.else);
      elseStmt = this.SUBRULE2(this.statement);
    });
    return this.ACTION(() => ({ kind: 'If' as const, condition, thenStmt, elseStmt, span: this.spanFrom(kw) })) as Stmt;
  });

  parExpression = this.RULE('parExpression', (): Expr => {
    this.CONSUME(Op.LParen);
    const e = this.SUBRULE(this.expression);
    this.CONSUME(Op.RParen);
    return e;
  });

  whileStatement = this.RULE('whileStatement', (): Stmt => {
    const kw = this.CONSUME(Kw.while);
    const condition = this.SUBRULE(this.parExpression);
    const body = this.SUBRULE(this.statement);
    return this.ACTION(() => ({ kind: 'While' as const, condition, body, span: this.spanFrom(kw) })) as Stmt;
  });

  doStatement = this.RULE('doStatement', (): Stmt => {
    const kw = this.CONSUME(Kw.do);
    const body = this.SUBRULE(this.statement);
    this.CONSUME(Kw.while);
    const condition = this.SUBRULE(this.parExpression);
    this.CONSUME(Op.Semicolon);
    return this.ACTION(() => ({ kind: 'DoWhile' as const, body, condition, span: this.spanFrom(kw) })) as Stmt;
  });

  forStatement = this.RULE('forStatement', (): Stmt => {
    const kw = this.CONSUME(Kw.for);
    this.CONSUME(Op.LParen);
    return this.OR({
      IGNORE_AMBIGUITIES: true,
      DEF: [
        {
          GATE: () => startsForEach((i) => this.LA(i)),
          ALT: () => {
            const variable = this.SUBRULE(this.formalParameter);
            this.CONSUME(Op.Colon);
            const iterable = this.SUBRULE(this.expression);
            this.CONSUME(Op.RParen);
            const body = this.SUBRULE(this.statement);
            return this.ACTION(() => ({ kind: 'ForEach' as const, variable, iterable, body, span: this.spanFrom(kw) })) as Stmt;
          },
        },
        {
          ALT: () => {
            let init: (LocalVar | ExprStmt)[] = [];
            let condition: Expr | null = null;
            let update: ExprStmt[] = [];
            this.OPTION(() => {
              init = this.OR2({
                IGNORE_AMBIGUITIES: true,
                DEF: [
                  {
                    GATE: () => startsLocalVarDecl((i) => this.LA(i)),
                    ALT: () => {
                      const decl = this.SUBRULE(this.localVariableDeclaration);
                      return [decl] as (LocalVar | ExprStmt)[];
                    },
                  },
                  { ALT: () => this.SUBRULE(this.statementExpressionList) as (LocalVar | ExprStmt)[] },
                ],
              });
            });
            this.CONSUME2(Op.Semicolon);
            this.OPTION2(() => {
              condition = this.SUBRULE2(this.expression);
            });
            this.CONSUME3(Op.Semicolon);
            this.OPTION3(() => {
              update = this.SUBRULE2(this.statementExpressionList);
            });
            this.CONSUME2(Op.RParen);
            const body = this.SUBRULE2(this.statement);
            return this.ACTION(() => ({ kind: 'For' as const, init, condition, update, body, span: this.spanFrom(kw) })) as Stmt;
          },
        },
      ],
    });
  });

  statementExpressionList = this.RULE('statementExpressionList', (): ExprStmt[] => {
    const list: ExprStmt[] = [];
    const first = this.SUBRULE(this.expression);
    this.ACTION(() => {
      this.checkStatementExpression(first);
      list.push(this.exprStmt(first));
    });
    this.MANY(() => {
      this.CONSUME(Op.Comma);
      const next = this.SUBRULE2(this.expression);
      this.ACTION(() => {
        this.checkStatementExpression(next);
        list.push(this.exprStmt(next));
      });
    });
    return list;
  });

  jumpStatement = this.RULE('jumpStatement', (): Stmt => {
    const kw = this.OR([{ ALT: () => this.CONSUME(Kw.break) }, { ALT: () => this.CONSUME(Kw.continue) }]);
    let label: IToken | undefined;
    this.OPTION(() => {
      label = this.CONSUME(Identifier);
    });
    this.CONSUME(Op.Semicolon);
    return this.ACTION(() => ({
      kind: kw.tokenType === Kw.break ? ('Break' as const) : ('Continue' as const),
      label: label === undefined ? null : this.ident(label),
      span: this.spanFrom(kw),
    })) as Stmt;
  });

  returnStatement = this.RULE('returnStatement', (): Stmt => {
    const kw = this.CONSUME(Kw.return);
    let value: Expr | null = null;
    this.OPTION(() => {
      value = this.SUBRULE(this.expression);
    });
    this.CONSUME(Op.Semicolon);
    return this.ACTION(() => ({ kind: 'Return' as const, value, span: this.spanFrom(kw) })) as Stmt;
  });

  throwStatement = this.RULE('throwStatement', (): Stmt => {
    const kw = this.CONSUME(Kw.throw);
    const expr = this.SUBRULE(this.expression);
    this.CONSUME(Op.Semicolon);
    return this.ACTION(() => ({ kind: 'Throw' as const, expr, span: this.spanFrom(kw) })) as Stmt;
  });

  synchronizedStatement = this.RULE('synchronizedStatement', (): Stmt => {
    const kw = this.CONSUME(Kw.synchronized);
    const lock = this.SUBRULE(this.parExpression);
    const body = this.SUBRULE(this.block);
    return this.ACTION(() => ({ kind: 'Synchronized' as const, lock, body, span: this.spanFrom(kw) })) as Stmt;
  });

  switchStatement = this.RULE('switchStatement', (): Stmt => {
    const kw = this.CONSUME(Kw.switch);
    const selector = this.SUBRULE(this.parExpression);
    this.CONSUME(Op.LBrace);
    const cases: SwitchCase[] = [];
    let more = true;
    while (more) {
      this.MANY(() => {
        const group = this.SUBRULE(this.switchGroup);
        this.ACTION(() => cases.push(group));
      });
      more =
        this.ACTION(() => {
          if (this.atEof() || this.at(Op.RBrace)) return false;
          this.report(tokenSpan(this.LA(1)), SyntaxCode.expected, "case, default, or '}' expected");
          const start = this.position;
          this.SKIP_TOKEN();
          this.resyncStatement(start);
          return !this.at(Op.RBrace);
        }) ?? false;
    }
    this.CONSUME(Op.RBrace);
    return this.ACTION(() => ({ kind: 'Switch' as const, selector, cases, span: this.spanFrom(kw) })) as Stmt;
  });

  switchGroup = this.RULE('switchGroup', (): SwitchCase => {
    const first = this.LA(1);
    const labels: SwitchLabel[] = [];
    this.AT_LEAST_ONE(() => {
      const label = this.SUBRULE(this.switchLabel);
      this.ACTION(() => labels.push(label));
    });
    const body = this.SUBRULE(this.blockStatements, { ARGS: [true] });
    return this.ACTION(() => ({ labels, body, span: this.spanFrom(first) })) as SwitchCase;
  });

  switchLabel = this.RULE('switchLabel', (): SwitchLabel => {
    return this.OR([
      {
        ALT: () => {
          const kw = this.CONSUME(Kw.case);
          const value = this.SUBRULE(this.expression);
          this.MANY(() => {
            const comma = this.CONSUME(Op.Comma);
            this.SUBRULE2(this.expression);
            this.ACTION(() => this.notSupported(tokenSpan(comma), 'several case constants in one label', true));
          });
          this.SUBRULE(this.switchLabelEnd);
          return this.ACTION(() => ({ kind: 'Case' as const, value, span: this.spanFrom(kw) })) as SwitchLabel;
        },
      },
      {
        ALT: () => {
          const kw = this.CONSUME(Kw.default);
          this.SUBRULE2(this.switchLabelEnd);
          return this.ACTION(() => ({ kind: 'Default' as const, span: this.spanFrom(kw) })) as SwitchLabel;
        },
      },
    ]);
  });

  switchLabelEnd = this.RULE('switchLabelEnd', (): void => {
    this.OR([
      { ALT: () => this.CONSUME(Op.Colon) },
      {
        ALT: () => {
          const arrow = this.CONSUME(Op.Arrow);
          this.ACTION(() => this.notSupported(tokenSpan(arrow), "switch rules ('case ->')", true));
        },
      },
    ]);
  });

  tryStatement = this.RULE('tryStatement', (): Stmt => {
    const kw = this.CONSUME(Kw.try);
    let resources = false;
    this.OPTION({
      GATE: () => this.at(Op.LParen),
      DEF: () => {
        const open = this.CONSUME(Op.LParen);
        this.ACTION(() => {
          this.notSupported(tokenSpan(open), 'try-with-resources');
          resources = true;
          this.setPosition(this.position - 1);
          this.skipBalanced();
        });
      },
    });
    const block = this.SUBRULE(this.block);
    const catches: CatchClause[] = [];
    this.MANY(() => {
      const c = this.SUBRULE(this.catchClause);
      this.ACTION(() => catches.push(c));
    });
    let finallyBlock: Block | null = null;
    this.OPTION2(() => {
      this.CONSUME(Kw.finally);
      finallyBlock = this.SUBRULE2(this.block);
    });
    return this.ACTION(() => {
      if (catches.length === 0 && finallyBlock === null && !resources) {
        this.report(tokenSpan(kw), SyntaxCode.tryWithoutCatch, "'try' without 'catch', 'finally' or resource declarations");
      }
      return { kind: 'Try' as const, block, catches, finallyBlock, span: this.spanFrom(kw) };
    }) as Stmt;
  });

  catchClause = this.RULE('catchClause', (): CatchClause => {
    const kw = this.CONSUME(Kw.catch);
    this.CONSUME(Op.LParen);
    const mods = this.SUBRULE(this.modifiers);
    const types: ClassTypeNode[] = [];
    const first = this.SUBRULE(this.classType);
    this.ACTION(() => types.push(first));
    this.MANY(() => {
      this.CONSUME(Op.Or);
      const next = this.SUBRULE2(this.classType);
      this.ACTION(() => types.push(next));
    });
    const name = this.CONSUME(Identifier);
    this.CONSUME(Op.RParen);
    const body = this.SUBRULE(this.block);
    return this.ACTION(() => {
      this.checkOnlyFinal(mods, tokenSpan(name));
      return { modifiers: mods, types, name: this.ident(name), body, span: this.spanFrom(kw) };
    }) as CatchClause;
  });

  // ---------------------------------------------------------------------------------------------------
  // Expressions

  expression = this.RULE('expression', (): Expr => {
    this.ACTION(() => this.enter());
    const e = this.OR((this.expressionAlts ??= {
      IGNORE_AMBIGUITIES: true,
      DEF: [
        {
          GATE: () => startsLambda((i) => this.LA(i)),
          ALT: () => {
            const first = this.OR2([{ ALT: () => this.CONSUME(Identifier) }, { ALT: () => this.CONSUME(Op.LParen) }]);
            this.ACTION(() => {
              this.notSupported(tokenSpan(first), 'lambda expressions', true);
              while (!this.atEof() && !this.at(Op.Arrow)) this.SKIP_TOKEN();
              this.skip();
              if (this.at(Op.LBrace)) this.skipBalanced();
              else this.skipExpressionRest();
            });
            return this.ACTION(() => this.placeholder(this.spanFrom(first))) as Expr;
          },
        },
        {
          ALT: () => {
            const target = this.SUBRULE(this.conditionalExpression);
            let result = target;
            this.OPTION(() => {
              const op = this.CONSUME(AssignOperator);
              const value = this.SUBRULE(this.expression);
              this.ACTION(() => {
                result = {
                  kind: 'Assign',
                  operator: op.image as AssignOperatorText,
                  target,
                  value,
                  operatorSpan: tokenSpan(op),
                  span: spanBetween(target.span, value.span),
                };
              });
            });
            return result;
          },
        },
      ],
    }));
    this.ACTION(() => this.leave());
    return e;
  });

  conditionalExpression = this.RULE('conditionalExpression', (): Expr => {
    const condition = this.SUBRULE(this.binaryExpression);
    let result = condition;
    this.OPTION(() => {
      this.CONSUME(Op.Question);
      const whenTrue = this.SUBRULE(this.expression);
      this.CONSUME(Op.Colon);
      const whenFalse = this.OR({
        IGNORE_AMBIGUITIES: true,
        DEF: [
          { GATE: () => startsLambda((i) => this.LA(i)), ALT: () => this.SUBRULE2(this.expression) },
          { ALT: () => this.SUBRULE2(this.conditionalExpression) },
        ],
      });
      this.ACTION(() => {
        result = { kind: 'Conditional', condition, whenTrue, whenFalse, span: spanBetween(condition.span, whenFalse.span) };
      });
    });
    return result;
  });

  binaryExpression = this.RULE('binaryExpression', (): Expr => {
    const first = this.SUBRULE(this.unaryExpression);
    const steps: BinaryStep[] = [];
    this.MANY(() => {
      this.OR([
        {
          ALT: () => {
            const op = this.CONSUME(BinaryOperator);
            const right = this.SUBRULE2(this.unaryExpression);
            this.ACTION(() => steps.push({ kind: 'operator', operator: op.image as BinaryOperatorText, operatorSpan: tokenSpan(op), right }));
          },
        },
        {
          ALT: () => {
            this.CONSUME(Kw.instanceof);
            this.OPTION(() => {
              const f = this.CONSUME(Kw.final);
              this.ACTION(() => this.notSupported(tokenSpan(f), 'pattern matching in instanceof'));
            });
            const type = this.SUBRULE(this.type);
            this.OPTION2(() => {
              const binding = this.CONSUME(Identifier);
              this.ACTION(() => this.notSupported(tokenSpan(binding), 'pattern matching in instanceof'));
            });
            this.ACTION(() => steps.push({ kind: 'instanceof', type, span: this.spanFrom(type.span) }));
          },
        },
      ]);
    });
    return this.ACTION(() => (steps.length === 0 ? first : buildBinary(first, steps))) as Expr;
  });

  unaryExpression = this.RULE('unaryExpression', (): Expr => {
    this.ACTION(() => this.enter());
    const e = this.OR((this.unaryAlts ??= {
      IGNORE_AMBIGUITIES: true,
      DEF: [
        {
          ALT: () => {
            const first = this.LA(1);
            const op = this.OR2([{ ALT: () => this.CONSUME(Op.PlusPlus) }, { ALT: () => this.CONSUME(Op.MinusMinus) }]);
            const operand = this.SUBRULE(this.unaryExpression);
            return this.ACTION(() => ({
              kind: 'IncDec' as const,
              operator: op.image as '++' | '--',
              prefix: true,
              operand,
              span: this.spanFrom(first),
            })) as Expr;
          },
        },
        {
          GATE: () => this.at(NumberLiteral, 2) && this.isDecimalInteger(this.LA(2)),
          ALT: () => {
            const first = this.LA(1);
            this.CONSUME(Op.Minus);
            const lit = this.CONSUME(NumberLiteral);
            return this.ACTION(() => this.numberLiteral(lit, first)) as Expr;
          },
        },
        {
          ALT: () => {
            const first = this.LA(1);
            const op = this.OR3([
              { ALT: () => this.CONSUME2(Op.Minus) },
              { ALT: () => this.CONSUME(Op.Plus) },
              { ALT: () => this.CONSUME(Op.Tilde) },
              { ALT: () => this.CONSUME(Op.Bang) },
            ]);
            const operand = this.SUBRULE2(this.unaryExpression);
            return this.ACTION(() => ({
              kind: 'Unary' as const,
              operator: op.image as '+' | '-' | '~' | '!',
              operand,
              span: this.spanFrom(first),
            })) as Expr;
          },
        },
        {
          GATE: () => startsCast((i) => this.LA(i)),
          ALT: () => {
            const first = this.LA(1);
            this.CONSUME(Op.LParen);
            const targetType = this.SUBRULE(this.type);
            this.CONSUME(Op.RParen);
            const expr = this.SUBRULE3(this.unaryExpression);
            return this.ACTION(() => ({ kind: 'Cast' as const, targetType, expr, span: this.spanFrom(first) })) as Expr;
          },
        },
        { ALT: () => this.SUBRULE(this.postfixExpression) },
      ],
    }));
    this.ACTION(() => this.leave());
    return e;
  });

  private isDecimalInteger(t: IToken): boolean {
    const payload = (t as OakToken).payload;
    return payload !== undefined && (payload.kind === 'int' || payload.kind === 'long') && payload.decimal;
  }

  private numberLiteral(t: IToken, minus?: IToken): Expr {
    const payload = (t as OakToken).payload ?? { kind: 'int', magnitude: 0n, decimal: true };
    const span = minus === undefined ? tokenSpan(t) : spanBetween(tokenSpan(minus), tokenSpan(t));
    const text = minus === undefined ? t.image : `-${t.image}`;
    const { literal, tooLarge } = numberLiteral(payload, text, span, minus !== undefined);
    if (tooLarge) this.report(tokenSpan(t), SyntaxCode.intTooLarge, 'integer number too large');
    return literal;
  }

  postfixExpression = this.RULE('postfixExpression', (): Expr => {
    let e = this.SUBRULE(this.primary);
    this.MANY(() => {
      const next = this.SUBRULE(this.selector, { ARGS: [e] });
      this.ACTION(() => (e = next));
    });
    this.MANY2(() => {
      const op = this.OR([{ ALT: () => this.CONSUME(Op.PlusPlus) }, { ALT: () => this.CONSUME(Op.MinusMinus) }]);
      this.ACTION(() => {
        e = { kind: 'IncDec', operator: op.image as '++' | '--', prefix: false, operand: e, span: spanBetween(e.span, tokenSpan(op)) };
      });
    });
    return e;
  });

  selector = this.RULE('selector', (target: Expr): Expr => {
    return this.OR([
      {
        ALT: () => {
          this.CONSUME(Op.Dot);
          return this.OR2([
            {
              ALT: () => {
                const name = this.CONSUME(Identifier);
                return this.SUBRULE(this.memberSuffix, { ARGS: [target, name] });
              },
            },
            {
              ALT: () => {
                const t = this.OR3([
                  { ALT: () => this.CONSUME(Kw.new) },
                  { ALT: () => this.CONSUME(Kw.this) },
                  { ALT: () => this.CONSUME(Kw.super) },
                  { ALT: () => this.CONSUME(Kw.class) },
                  { ALT: () => this.CONSUME(Op.Lt) },
                ]);
                return this.ACTION(() => {
                  const feature =
                    t.tokenType === Kw.new
                      ? 'inner class creation'
                      : t.tokenType === Kw.this
                        ? 'qualified this'
                        : t.tokenType === Kw.super
                          ? 'qualified super'
                          : t.tokenType === Kw.class
                            ? 'class literals'
                            : 'generics';
                  this.notSupported(tokenSpan(t), feature, t.tokenType === Kw.class || t.tokenType === Op.Lt);
                  this.skipExpressionRest();
                  return this.placeholder(this.spanFrom(target.span));
                }) as Expr;
              },
            },
          ]);
        },
      },
      {
        // `String[].class`
        GATE: () => this.at(Op.RBracket, 2),
        ALT: () => {
          const open = this.CONSUME2(Op.LBracket);
          this.ACTION(() => {
            this.notSupported(tokenSpan(open), 'class literals', true);
            this.setPosition(this.position - 1);
            while (this.at(Op.LBracket) && this.at(Op.RBracket, 2)) {
              this.SKIP_TOKEN();
              this.SKIP_TOKEN();
            }
            if (this.at(Op.Dot) && this.at(Kw.class, 2)) {
              this.SKIP_TOKEN();
              this.SKIP_TOKEN();
            }
          });
          return this.ACTION(() => this.placeholder(this.spanFrom(target.span))) as Expr;
        },
      },
      {
        ALT: () => {
          this.CONSUME(Op.LBracket);
          const index = this.SUBRULE(this.expression);
          this.CONSUME(Op.RBracket);
          return this.ACTION(() => ({ kind: 'ArrayAccess' as const, array: target, index, span: this.spanFrom(target.span) })) as Expr;
        },
      },
      {
        ALT: () => {
          const t = this.CONSUME(Op.ColonColon);
          return this.ACTION(() => {
            this.notSupported(tokenSpan(t), 'method references', true);
            this.skipExpressionRest();
            return this.placeholder(this.spanFrom(target.span));
          }) as Expr;
        },
      },
    ]);
  });

  /** After `target.name`: a method call when arguments follow, else a field access. */
  memberSuffix = this.RULE('memberSuffix', (target: Expr | { kind: 'Super'; span: Span }, name: IToken): Expr => {
    let args: Expr[] | undefined;
    this.OPTION(() => {
      args = this.SUBRULE(this.arguments);
    });
    return this.ACTION(() => {
      const span = this.spanFrom(target.span);
      if (args === undefined) return { kind: 'FieldAccess' as const, target, name: this.ident(name), span };
      return { kind: 'MethodCall' as const, target, name: this.ident(name), args, span };
    }) as Expr;
  });

  arguments = this.RULE('arguments', (): Expr[] => {
    const args: Expr[] = [];
    this.CONSUME(Op.LParen);
    this.OPTION(() => {
      const first = this.SUBRULE(this.expression);
      this.ACTION(() => args.push(first));
      this.MANY(() => {
        this.CONSUME(Op.Comma);
        const next = this.SUBRULE2(this.expression);
        this.ACTION(() => args.push(next));
      });
    });
    this.CONSUME(Op.RParen);
    return args;
  });

  primary = this.RULE('primary', (): Expr => {
    return this.OR((this.primaryAlts ??= {
      IGNORE_AMBIGUITIES: true,
      DEF: [
        {
          ALT: () => {
            const t = this.CONSUME(NumberLiteral);
            return this.ACTION(() => this.numberLiteral(t)) as Expr;
          },
        },
        {
          ALT: () => {
            const t = this.CONSUME(StringLiteral);
            return this.ACTION(() => {
              const payload = (t as OakToken).payload;
              const value = payload !== undefined && payload.kind === 'string' ? payload.value : '';
              return { kind: 'Literal' as const, text: t.image, value: { kind: 'string' as const, value }, span: tokenSpan(t) };
            }) as Expr;
          },
        },
        {
          ALT: () => {
            const t = this.CONSUME(CharLiteral);
            return this.ACTION(() => {
              const payload = (t as OakToken).payload;
              const value = payload !== undefined && payload.kind === 'char' ? payload.value : 0;
              return { kind: 'Literal' as const, text: t.image, value: { kind: 'char' as const, value }, span: tokenSpan(t) };
            }) as Expr;
          },
        },
        {
          ALT: () => {
            const t = this.OR2([{ ALT: () => this.CONSUME(Kw.true) }, { ALT: () => this.CONSUME(Kw.false) }]);
            return this.ACTION(() => ({
              kind: 'Literal' as const,
              text: t.image,
              value: { kind: 'boolean' as const, value: t.tokenType === Kw.true },
              span: tokenSpan(t),
            })) as Expr;
          },
        },
        {
          ALT: () => {
            const t = this.CONSUME(Kw.null);
            return this.ACTION(() => ({ kind: 'Literal' as const, text: 'null', value: { kind: 'null' as const }, span: tokenSpan(t) })) as Expr;
          },
        },
        {
          ALT: () => {
            const t = this.CONSUME(Kw.this);
            return this.ACTION(() => ({ kind: 'This' as const, span: tokenSpan(t) })) as Expr;
          },
        },
        {
          ALT: () => {
            const t = this.CONSUME(Kw.super);
            return this.OR3([
              {
                ALT: () => {
                  this.CONSUME(Op.Dot);
                  const name = this.CONSUME(Identifier);
                  return this.SUBRULE(this.memberSuffix, { ARGS: [{ kind: 'Super', span: tokenSpan(t) }, name] });
                },
              },
              {
                ALT: () => {
                  const cc = this.CONSUME(Op.ColonColon);
                  return this.ACTION(() => {
                    this.notSupported(tokenSpan(cc), 'method references', true);
                    this.skipExpressionRest();
                    return this.placeholder(this.spanFrom(t));
                  }) as Expr;
                },
              },
            ]);
          },
        },
        { ALT: () => this.SUBRULE(this.creator) },
        {
          ALT: () => {
            const open = this.CONSUME(Op.LParen);
            const inner = this.SUBRULE(this.expression);
            this.CONSUME(Op.RParen);
            return this.ACTION(() => ({ ...inner, parenthesized: true, span: this.spanFrom(open) })) as Expr;
          },
        },
        {
          ALT: () => {
            const name = this.CONSUME2(Identifier);
            let args: Expr[] | undefined;
            this.OPTION(() => {
              args = this.SUBRULE(this.arguments);
            });
            return this.ACTION(() => {
              if (args === undefined) return { kind: 'Name' as const, name: name.image, span: tokenSpan(name) };
              return { kind: 'MethodCall' as const, target: null, name: this.ident(name), args, span: this.spanFrom(name) };
            }) as Expr;
          },
        },
        {
          ALT: () => {
            const first = this.LA(1);
            this.OR4([{ ALT: () => this.SUBRULE(this.primitiveType) }, { ALT: () => this.CONSUME(Kw.void) }]);
            this.SUBRULE(this.dims);
            this.CONSUME2(Op.Dot);
            this.CONSUME(Kw.class);
            return this.ACTION(() => {
              this.notSupported(tokenSpan(first), 'class literals', true);
              return this.placeholder(this.spanFrom(first));
            }) as Expr;
          },
        },
        {
          ALT: () => {
            const kw = this.CONSUME(Kw.switch);
            return this.ACTION(() => {
              this.notSupported(tokenSpan(kw), 'switch expressions', true);
              if (this.at(Op.LParen)) this.skipBalanced();
              if (this.at(Op.LBrace)) this.skipBalanced();
              return this.placeholder(this.spanFrom(kw));
            }) as Expr;
          },
        },
      ],
    }));
  });

  creator = this.RULE('creator', (): Expr => {
    const kw = this.CONSUME(Kw.new);
    return this.OR([
      {
        ALT: () => {
          const elementType = this.SUBRULE(this.primitiveType);
          return this.SUBRULE(this.arrayCreatorRest, { ARGS: [kw, elementType] });
        },
      },
      {
        ALT: () => {
          const classType = this.SUBRULE(this.classType);
          return this.OR2([
            {
              ALT: () => {
                const args = this.SUBRULE(this.arguments);
                return this.ACTION(() => {
                  if (this.at(Op.LBrace)) {
                    this.notSupported(tokenSpan(this.LA(1)), 'anonymous classes', true);
                    this.skipBalanced();
                  }
                  return { kind: 'New' as const, classType, args, span: this.spanFrom(kw) };
                }) as Expr;
              },
            },
            { ALT: () => this.SUBRULE2(this.arrayCreatorRest, { ARGS: [kw, classType] }) },
          ]);
        },
      },
    ]);
  });

  arrayCreatorRest = this.RULE('arrayCreatorRest', (kw: IToken, elementType: PrimitiveTypeNode | ClassTypeNode): Expr => {
    return this.OR([
      {
        GATE: () => this.at(Op.RBracket, 2),
        ALT: () => {
          const dims = this.SUBRULE(this.dims);
          let initializer: ArrayLiteral | null = null;
          this.OPTION(() => {
            initializer = this.SUBRULE(this.arrayInitializer);
          });
          return this.ACTION(() => {
            if (initializer === null) this.report(tokenSpan(this.LA(1)), SyntaxCode.arrayDimensionMissing, 'array dimension missing');
            return { kind: 'NewArray' as const, elementType, dimensions: [], extraDimensions: dims.length, initializer, span: this.spanFrom(kw) };
          }) as Expr;
        },
      },
      {
        ALT: () => {
          const dimensions: Expr[] = [];
          this.AT_LEAST_ONE({
            GATE: () => !this.at(Op.RBracket, 2),
            DEF: () => {
              this.CONSUME(Op.LBracket);
              const d = this.SUBRULE(this.expression);
              this.CONSUME(Op.RBracket);
              this.ACTION(() => dimensions.push(d));
            },
          });
          const extra = this.SUBRULE2(this.dims);
          return this.ACTION(() => ({
            kind: 'NewArray' as const,
            elementType,
            dimensions,
            extraDimensions: extra.length,
            initializer: null,
            span: this.spanFrom(kw),
          })) as Expr;
        },
      },
    ]);
  });
}

let instance: OakParser | undefined;

/** Builds a parser with chevrotain's grammar validations on; throws if the grammar has a defect. For tests. */
export function validateOakGrammar(): void {
  validateGrammar = true;
  try {
    new OakParser();
  } finally {
    validateGrammar = false;
  }
}

function oakParser(): OakParser {
  instance ??= new OakParser();
  return instance;
}

export interface ParseResult {
  readonly unit: CompilationUnit;
  readonly diagnostics: Diagnostic[];
}

/**
 * Parses one source file. Never throws: every problem is a diagnostic, and the unit is always a
 * well-formed tree (constructs that failed to parse are left out of it).
 */
export function parse(source: SourceText): ParseResult {
  const lexed = tokenize(source);
  const parser = oakParser();
  const empty: CompilationUnit = { kind: 'CompilationUnit', file: source.path, packageName: null, imports: [], types: [], span: { start: 0, end: 0, line: 1, column: 1 } };
  let unit: CompilationUnit | undefined;
  parser.tokens = lexed.tokens.slice();
  parser.input = lexed.tokens;
  parser.lexicalErrorOffsets = lexed.diagnostics.map((d) => d.start);
  parser.file = source.path;
  try {
    unit = parser.compilationUnit();
  } catch (e) {
    // A stack overflow on absurdly nested input is the one failure the grammar cannot rule out.
    const message = e instanceof RangeError ? 'code too deeply nested' : `internal parser error: ${e instanceof Error ? e.message : String(e)}`;
    parser.diagnostics.push(diagnosticAt(source.path, { start: 0, end: 0, line: 1, column: 1 }, SyntaxCode.unexpected, message));
  }
  const diagnostics = [...lexed.diagnostics, ...parser.diagnostics].sort((a, b) => a.start - b.start);
  parser.input = [];
  parser.tokens = [];
  return { unit: unit ?? empty, diagnostics };
}
