// Grammar rules for blocks and statements, local declarations and parameters.
import type { DSLMethodOptsWithErr, IOrAlt, OrMethodOpts, IToken, TokenType } from 'chevrotain';
import type {
  Block,
  CatchClause,
  ClassTypeNode,
  Expr,
  ExprStmt,
  LocalVar,
  Param,
  Stmt,
  Span,
  SwitchCase,
  SwitchLabel,
  TypeNode,
  VarDeclarator,
} from './ast.js';
import type { AlternativesByFirstToken } from './lazy-lookahead.js';
import { startsForEach, startsLocalVarDecl } from './lookahead.js';
import { tokenSpan } from './node-builders.js';
import { RECORDED } from './parser-base.js';
import { SyntaxCode } from './syntax-errors.js';
import { Identifier, Kw, Op } from './tokens.js';
import { ExpressionRules } from './expression-rules.js';

/** blockStatements' argument (whether `case` and `default` end the statements), one object each. */
const OUTSIDE_SWITCH: { ARGS: [boolean] } = { ARGS: [false] };
const IN_SWITCH: { ARGS: [boolean] } = { ARGS: [true] };

export abstract class StatementRules extends ExpressionRules {
  // Built once, as in ExpressionRules.
  private statementAlts: OrMethodOpts<Stmt> | undefined;
  private blockStatementAlts: OrMethodOpts<Stmt | null> | undefined;
  private statementAltList: IOrAlt<Stmt>[] | undefined;
  private localVariableNotAllowedAlt: IOrAlt<Stmt> | undefined;
  private switchLabelAlts: IOrAlt<SwitchLabel>[] | undefined;
  private caseEndAlts: IOrAlt<unknown>[] | undefined;
  private initializerOption: (() => Expr) | undefined;
  private caseConstantsLoop: (() => void) | undefined;
  private varargsOption: (() => void) | undefined;
  private blockStatementLoop: DSLMethodOptsWithErr<void> | undefined;
  // First-token tables from the recorded grammar (see ParserBase.orByTable), made on first use.
  private blockStatementStarts: readonly boolean[] | undefined;
  private blockStatementTable: AlternativesByFirstToken | undefined;
  private statementTable: AlternativesByFirstToken | undefined;
  private jumpTable: AlternativesByFirstToken | undefined;
  private switchLabelTable: AlternativesByFirstToken | undefined;
  private caseEndTable: AlternativesByFirstToken | undefined;
  private defaultEndTable: AlternativesByFirstToken | undefined;
  private initializerTable: AlternativesByFirstToken | undefined;
  private returnValueStarts: readonly boolean[] | undefined;
  private jumpAlts: IOrAlt<IToken>[] | undefined;
  /** The statements of the block being parsed (see blockStatements). */
  private statementList: Stmt[] = [];
  private defaultEndAlts: IOrAlt<unknown>[] | undefined;

  block = this.RULE('block', (): Block => {
    const open = this.CONSUME(Op.LBrace);
    const statements = this.SUBRULE(this.blockStatements, OUTSIDE_SWITCH);
    this.CONSUME(Op.RBrace);
    return this.RECORDING_PHASE ? RECORDED : { kind: 'Block' as const, statements, span: this.spanFrom(open) };
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
    const rest = this.SUBRULE(this.blockStatements, OUTSIDE_SWITCH);
    this.CONSUME(Op.RBrace);
    return this.RECORDING_PHASE ? RECORDED : { kind: 'Block' as const, statements: call === undefined ? rest : [call, ...rest], span: this.spanFrom(open) };
  });

  /**
   * `this(...)` or `super(...)`, anywhere a statement may be. One that is not the first statement of a
   * constructor body is an error javac reports during attribution, so the checker reports it (a parse
   * error would stop compilation before attribution and hide the program's other errors).
   */
  explicitConstructorCall = this.RULE('explicitConstructorCall', (): Stmt => {
    const kw = this.OR([{ ALT: () => this.CONSUME(Kw.this) }, { ALT: () => this.CONSUME(Kw.super) }]);
    const open = this.LA(1);
    const args = this.SUBRULE(this.arguments);
    this.CONSUME(Op.Semicolon);
    if (this.RECORDING_PHASE) return RECORDED;
    const call = kw.tokenType === Kw.this ? ('this' as const) : ('super' as const);
    return { kind: 'ExplicitConstructorCall' as const, call, args, openParen: tokenSpan(open), span: this.spanFrom(kw) };
  });

  blockStatements = this.RULE('blockStatements', (inSwitch: boolean): Stmt[] => {
    // The list goes to a field that the MANY's body (built once, capturing only the parser) fills;
    // blocks nest, so the enclosing block's list is put back afterwards.
    const outer = this.statementList;
    const statements: Stmt[] = [];
    this.statementList = statements;
    let more = true;
    while (more) {
      const starts = this.RECORDING_PHASE ? undefined : (this.blockStatementStarts ??= this.optionalStarts('blockStatements', 'Repetition', 0));
      if (starts !== undefined) this.blockStatementsLoop(starts);
      else {
        this.MANY((this.blockStatementLoop ??= {
          // A `case` or `default` here is either the next switch group or an orphan for skipStrayInBlock.
          GATE: () => !this.at(Op.RBrace) && !this.at(Kw.case) && !this.at(Kw.default),
          DEF: () => this.blockStatementInList(),
        }));
      }
      more = !this.RECORDING_PHASE && this.skipStrayInBlock(inSwitch);
    }
    this.statementList = outer;
    return statements;
  });

  /**
   * blockStatements' MANY outside recording: its GATE, then its lookahead from `starts` (the first tokens
   * of a block statement, from the recorded grammar), and it stops, as chevrotain's MANY does, after an
   * iteration that consumed nothing. chevrotain's MANY is a dozen calls per statement.
   */
  private blockStatementsLoop(starts: readonly boolean[]): void {
    for (;;) {
      const next = this.LA(1);
      const type = next.tokenType;
      if (type === Op.RBrace || type === Kw.case || type === Kw.default || starts[next.tokenTypeIdx] !== true) return;
      const before = this.position;
      this.blockStatementInList();
      if (this.position <= before) return;
    }
  }

  /** One statement of blockStatements, added to `statementList`; a failed one is reported and skipped. */
  private blockStatementInList(): void {
    const start = this.position;
    const depth = this.nesting;
    const statements = this.statementList;
    try {
      const s = this.blockStatement();
      if (s !== null) statements.push(s);
    } catch (e) {
      if (this.RECORDING_PHASE) throw e;
      // Rules left by the exception did not decrement the nesting depth.
      this.nesting = depth;
      this.reportFailure(e);
      this.resyncStatement(start);
    }
  }

  /**
   * A block statement: a local declaration or a statement, whose alternatives this OR shares with
   * `statement`. `blockStatements` runs it inline, so that most statements cost no chevrotain rule
   * invocation of their own (they were two each, a fixed cost apiece). Its DSL calls must not reuse
   * blockStatements' occurrence indexes; the nesting depth counts it as `statement` counts itself.
   */
  protected blockStatement(): Stmt | null {
    this.enter();
    const table = this.RECORDING_PHASE ? undefined : (this.blockStatementTable ??= this.alternativeTable('blockStatements', 0));
    const s = this.orByTable(table, (this.blockStatementAlts ??= {
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
          GATE: () => startsLocalVarDecl(this.peek),
          ALT: () => {
            const decl = this.SUBRULE(this.localVariableDeclaration);
            this.CONSUME4(Op.Semicolon);
            return this.RECORDING_PHASE ? RECORDED : this.withSemicolon(decl);
          },
        },
        ...this.statementAlternatives(),
      ],
    }));
    this.leave();
    return s;
  }

  /**
   * A local declaration statement: the declaration's span extended over its `;`. Changed in place, as
   * `parenthesize` does: the rule has just made the node and nothing else holds it, and a spread copy
   * took V8's generic path.
   */
  private withSemicolon(decl: LocalVar): LocalVar {
    const node: { span: Span } = decl;
    node.span = this.spanFrom(decl.span);
    return decl;
  }

  localVariableDeclaration = this.RULE('localVariableDeclaration', (): LocalVar => {
    const first = this.LA(1);
    const mods = this.modifiersIfAny();
    const declaredType = this.SUBRULE(this.type);
    const args = { ARGS: [declaredType] as [TypeNode] };
    const declarators: VarDeclarator[] = [this.SUBRULE(this.variableDeclarator, args)];
    if (this.RECORDING_PHASE) {
      this.MANY(() => {
        this.CONSUME(Op.Comma);
        this.SUBRULE2(this.variableDeclarator, args);
      });
      return RECORDED;
    }
    // The MANY's lookahead is the comma, tested here without it (see ExpressionRules.assignmentRest).
    while (this.at(Op.Comma)) {
      this.CONSUME(Op.Comma);
      declarators.push(this.SUBRULE2(this.variableDeclarator, args));
    }
    this.checkOnlyFinal(mods, declarators[0]?.name.span ?? declaredType.span);
    if (declaredType.kind === 'ClassType' && declaredType.name.text === 'var') {
      this.notSupported(declaredType.span, "local variable type inference ('var')");
    }
    return { kind: 'LocalVar' as const, modifiers: mods, declaredType, declarators, span: this.spanFrom(first) };
  });

  variableDeclarator = this.RULE('variableDeclarator', (declaredType: TypeNode): VarDeclarator => {
    const name = this.CONSUME(Identifier);
    return this.declaratorBody(declaredType, name);
  });

  /** The rest of a declarator after its name, for a field's first declarator (its name read already). */
  declaratorRest = this.RULE('declaratorRest', (declaredType: TypeNode, name: IToken): VarDeclarator => this.declaratorBody(declaredType, name));

  /**
   * `[]`s and an optional initialiser, run inline by both declarator rules: one rule invocation per
   * declarator where there were three (declarator, rest, initialiser), each a fixed cost.
   */
  private declaratorBody(declaredType: TypeNode, name: IToken): VarDeclarator {
    const dims = this.dimsIfAny();
    if (this.RECORDING_PHASE) {
      this.OPTION((this.initializerOption ??= () => this.initializer()));
      return RECORDED;
    }
    // The OPTION's lookahead is `=`, tested here without it (see ExpressionRules.assignmentRest).
    const init = this.at(Op.Eq) ? this.initializer() : null;
    return { name: this.ident(name), type: this.withDims(declaredType, dims), init, span: this.spanFrom(name) };
  }

  /** `= initialiser` in a declarator; declaratorBody's OPTION. */
  private initializer(): Expr {
    this.CONSUME(Op.Eq);
    // Both declarator rules run this OR (occurrence 0) with the same alternatives, so one table serves.
    const table = this.RECORDING_PHASE ? undefined : (this.initializerTable ??= this.alternativeTable('variableDeclarator', 0));
    return this.orByTable(table, this.variableInitializerAlternatives());
  }

  statement = this.RULE('statement', (): Stmt => {
    this.enter();
    const table = this.RECORDING_PHASE ? undefined : (this.statementTable ??= this.alternativeTable('statement', 0));
    const s = this.orByTable(table, (this.statementAlts ??= {
      IGNORE_AMBIGUITIES: true,
      DEF: [...this.statementAlternatives().slice(0, -1), this.localVariableNotAllowed(), ...this.statementAlternatives().slice(-1)],
    }));
    this.leave();
    return s;
  });

  /**
   * The alternatives of a statement other than a local declaration, in the order they are tried (the
   * expression statement last), one array for `statement` and `blockStatement`. Each rule running them
   * records their DSL calls as its own, so these occurrence indexes are reserved in both.
   */
  private statementAlternatives(): IOrAlt<Stmt>[] {
    return (this.statementAltList ??= [
      { ALT: () => this.SUBRULE(this.block) as Stmt },
      {
        ALT: () => {
          const t = this.CONSUME(Op.Semicolon);
          return this.RECORDING_PHASE ? RECORDED : { kind: 'Empty' as const, span: tokenSpan(t) };
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
          return this.RECORDING_PHASE ? RECORDED : { kind: 'Labeled' as const, label: this.ident(label), body, span: this.spanFrom(label) };
        },
      },
      {
        GATE: () => (this.at(Kw.this) || this.at(Kw.super)) && this.at(Op.LParen, 2),
        ALT: () => this.SUBRULE2(this.explicitConstructorCall),
      },
      {
        ALT: () => {
          const kw = this.CONSUME(Kw.assert);
          this.ACTION(() => {
            this.notSupported(tokenSpan(kw), 'assert statements', true);
            this.resyncStatement(this.position - 1);
          });
          return this.RECORDING_PHASE ? RECORDED : { kind: 'Empty' as const, span: this.spanFrom(kw) };
        },
      },
      {
        ALT: () => {
          const first = this.LA(1);
          const e = this.SUBRULE(this.expression);
          this.CONSUME3(Op.Semicolon);
          if (this.RECORDING_PHASE) return RECORDED;
          this.checkStatementExpression(e);
          return { kind: 'ExprStmt' as const, expr: e, span: this.spanFrom(first) };
        },
      },
    ]);
  }

  /** A local declaration where only a statement may be: parsed, and reported as javac does. */
  private localVariableNotAllowed(): IOrAlt<Stmt> {
    return (this.localVariableNotAllowedAlt ??= {
      GATE: () => startsLocalVarDecl(this.peek),
      ALT: () => {
        const decl = this.SUBRULE(this.localVariableDeclaration);
        this.CONSUME2(Op.Semicolon);
        this.ACTION(() => this.report(decl.declarators[0]?.name.span ?? decl.span, SyntaxCode.variableNotAllowed, 'variable declaration not allowed here'));
        return this.RECORDING_PHASE ? RECORDED : this.withSemicolon(decl);
      },
    });
  }

  ifStatement = this.RULE('ifStatement', (): Stmt => {
    const kw = this.CONSUME(Kw.if);
    const condition = this.parenthesized();
    const thenStmt = this.SUBRULE(this.statement);
    if (this.RECORDING_PHASE) {
      this.OPTION(() => {
        this.CONSUME(Kw.else);
        this.SUBRULE2(this.statement);
      });
      return RECORDED;
    }
    // The OPTION's lookahead is `else`, tested here without it (see ExpressionRules.assignmentRest).
    let elseStmt: Stmt | null = null;
    if (this.at(Kw.else)) {
      this.CONSUME(Kw.else);
      elseStmt = this.SUBRULE2(this.statement);
    }
    return { kind: 'If' as const, condition, thenStmt, elseStmt, span: this.spanFrom(kw) };
  });

  /**
   * `( expression )` after `if`, `while`, `switch` and `synchronized`, inline in their rules (CONSUME and
   * SUBRULE occurrence 0 of `(`, `)` and expression) rather than a rule invocation of its own.
   */
  private parenthesized(): Expr {
    this.CONSUME(Op.LParen);
    const e = this.SUBRULE(this.expression);
    this.CONSUME(Op.RParen);
    return e;
  }

  whileStatement = this.RULE('whileStatement', (): Stmt => {
    const kw = this.CONSUME(Kw.while);
    const condition = this.parenthesized();
    const body = this.SUBRULE(this.statement);
    return this.RECORDING_PHASE ? RECORDED : { kind: 'While' as const, condition, body, span: this.spanFrom(kw) };
  });

  doStatement = this.RULE('doStatement', (): Stmt => {
    const kw = this.CONSUME(Kw.do);
    const body = this.SUBRULE(this.statement);
    this.CONSUME(Kw.while);
    const condition = this.parenthesized();
    this.CONSUME(Op.Semicolon);
    return this.RECORDING_PHASE ? RECORDED : { kind: 'DoWhile' as const, body, condition, span: this.spanFrom(kw) };
  });

  forStatement = this.RULE('forStatement', (): Stmt => {
    const kw = this.CONSUME(Kw.for);
    this.CONSUME(Op.LParen);
    return this.OR({
      IGNORE_AMBIGUITIES: true,
      DEF: [
        {
          GATE: () => startsForEach(this.peek),
          ALT: () => {
            const variable = this.SUBRULE(this.formalParameter);
            this.CONSUME(Op.Colon);
            const iterable = this.SUBRULE(this.expression);
            this.CONSUME(Op.RParen);
            const body = this.SUBRULE(this.statement);
            return this.RECORDING_PHASE ? RECORDED : { kind: 'ForEach' as const, variable, iterable, body, span: this.spanFrom(kw) };
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
                    GATE: () => startsLocalVarDecl(this.peek),
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
            return this.RECORDING_PHASE ? RECORDED : { kind: 'For' as const, init, condition, update, body, span: this.spanFrom(kw) };
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
    const table = this.RECORDING_PHASE ? undefined : (this.jumpTable ??= this.alternativeTable('jumpStatement', 0));
    const kw = this.orByTable(table, (this.jumpAlts ??= [{ ALT: () => this.CONSUME(Kw.break) }, { ALT: () => this.CONSUME(Kw.continue) }]));
    if (this.RECORDING_PHASE) {
      this.OPTION(() => this.CONSUME(Identifier));
      this.CONSUME(Op.Semicolon);
      return RECORDED;
    }
    // The OPTION's lookahead is an identifier, tested here without it (see ExpressionRules.assignmentRest).
    const label = this.at(Identifier) ? this.CONSUME(Identifier) : undefined;
    this.CONSUME(Op.Semicolon);
    return {
      kind: kw.tokenType === Kw.break ? ('Break' as const) : ('Continue' as const),
      label: label === undefined ? null : this.ident(label),
      span: this.spanFrom(kw),
    };
  });

  returnStatement = this.RULE('returnStatement', (): Stmt => {
    const kw = this.CONSUME(Kw.return);
    const starts = this.RECORDING_PHASE ? undefined : (this.returnValueStarts ??= this.optionalStarts('returnStatement', 'Option', 0));
    let value: Expr | null = null;
    if (starts === undefined) {
      this.OPTION(() => {
        value = this.SUBRULE(this.expression);
      });
    } else if (this.nextIn(starts)) value = this.SUBRULE(this.expression);
    this.CONSUME(Op.Semicolon);
    return this.RECORDING_PHASE ? RECORDED : { kind: 'Return' as const, value, span: this.spanFrom(kw) };
  });

  throwStatement = this.RULE('throwStatement', (): Stmt => {
    const kw = this.CONSUME(Kw.throw);
    const expr = this.SUBRULE(this.expression);
    this.CONSUME(Op.Semicolon);
    return this.RECORDING_PHASE ? RECORDED : { kind: 'Throw' as const, expr, span: this.spanFrom(kw) };
  });

  synchronizedStatement = this.RULE('synchronizedStatement', (): Stmt => {
    const kw = this.CONSUME(Kw.synchronized);
    const lock = this.parenthesized();
    const body = this.SUBRULE(this.block);
    return this.RECORDING_PHASE ? RECORDED : { kind: 'Synchronized' as const, lock, body, span: this.spanFrom(kw) };
  });

  switchStatement = this.RULE('switchStatement', (): Stmt => {
    const kw = this.CONSUME(Kw.switch);
    const selector = this.parenthesized();
    this.CONSUME(Op.LBrace);
    const cases: SwitchCase[] = [];
    let more = true;
    while (more) {
      this.MANY(() => {
        const group = this.SUBRULE(this.switchGroup);
        cases.push(group);
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
    return this.RECORDING_PHASE ? RECORDED : { kind: 'Switch' as const, selector, cases, span: this.spanFrom(kw) };
  });

  switchGroup = this.RULE('switchGroup', (): SwitchCase => {
    const first = this.LA(1);
    const labels: SwitchLabel[] = [];
    if (this.RECORDING_PHASE) {
      this.AT_LEAST_ONE(() => this.SUBRULE(this.switchLabel));
    } else {
      // The AT_LEAST_ONE's lookahead is `case` or `default`, which switchStatement's MANY has seen
      // before invoking this rule; tested here without it (see ExpressionRules.assignmentRest).
      do labels.push(this.SUBRULE(this.switchLabel));
      while (this.at(Kw.case) || this.at(Kw.default));
    }
    const body = this.SUBRULE(this.blockStatements, IN_SWITCH);
    return this.RECORDING_PHASE ? RECORDED : { labels, body, span: this.spanFrom(first) };
  });

  switchLabel = this.RULE('switchLabel', (): SwitchLabel => {
    const table = this.RECORDING_PHASE ? undefined : (this.switchLabelTable ??= this.alternativeTable('switchLabel', 0));
    return this.orByTable(table, (this.switchLabelAlts ??= [
      {
        ALT: () => {
          const kw = this.CONSUME(Kw.case);
          const value = this.SUBRULE(this.expression);
          this.MANY((this.caseConstantsLoop ??= () => {
            const comma = this.CONSUME(Op.Comma);
            this.SUBRULE2(this.expression);
            this.ACTION(() => this.notSupported(tokenSpan(comma), 'several case constants in one label', true));
          }));
          const endTable = this.RECORDING_PHASE ? undefined : (this.caseEndTable ??= this.alternativeTable('switchLabel', 2));
          this.orByTable(endTable, (this.caseEndAlts ??= this.switchLabelEndAlternatives()), 2);
          return this.RECORDING_PHASE ? RECORDED : { kind: 'Case' as const, value, span: this.spanFrom(kw) };
        },
      },
      {
        ALT: () => {
          const kw = this.CONSUME(Kw.default);
          const endTable = this.RECORDING_PHASE ? undefined : (this.defaultEndTable ??= this.alternativeTable('switchLabel', 3));
          this.orByTable(endTable, (this.defaultEndAlts ??= this.switchLabelEndAlternatives(2)), 3);
          return this.RECORDING_PHASE ? RECORDED : { kind: 'Default' as const, span: this.spanFrom(kw) };
        },
      },
    ]));
  });

  /**
   * The `:` (or an unsupported `->`) ending a switch label, once for each of switchLabel's two
   * alternatives, which run it inline: `occurrence` keeps their CONSUME indexes apart.
   */
  private switchLabelEndAlternatives(occurrence: 0 | 2 = 0): IOrAlt<unknown>[] {
    const consume = (type: TokenType): IToken => (occurrence === 0 ? this.CONSUME(type) : this.CONSUME2(type));
    return [
      { ALT: () => consume(Op.Colon) },
      {
        ALT: () => {
          const arrow = consume(Op.Arrow);
          this.ACTION(() => this.notSupported(tokenSpan(arrow), "switch rules ('case ->')", true));
        },
      },
    ];
  }

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
      catches.push(c);
    });
    let finallyBlock: Block | null = null;
    this.OPTION2(() => {
      this.CONSUME(Kw.finally);
      finallyBlock = this.SUBRULE2(this.block);
    });
    if (this.RECORDING_PHASE) return RECORDED;
    if (catches.length === 0 && finallyBlock === null && !resources) {
      this.report(tokenSpan(kw), SyntaxCode.tryWithoutCatch, "'try' without 'catch', 'finally' or resource declarations");
    }
    return { kind: 'Try' as const, block, catches, finallyBlock, span: this.spanFrom(kw) };
  });

  catchClause = this.RULE('catchClause', (): CatchClause => {
    const kw = this.CONSUME(Kw.catch);
    this.CONSUME(Op.LParen);
    const mods = this.modifiersIfAny();
    const types: ClassTypeNode[] = [];
    const first = this.SUBRULE(this.classType);
    types.push(first);
    this.MANY(() => {
      this.CONSUME(Op.Or);
      const next = this.SUBRULE2(this.classType);
      types.push(next);
    });
    const name = this.CONSUME(Identifier);
    this.CONSUME(Op.RParen);
    const body = this.SUBRULE(this.block);
    if (this.RECORDING_PHASE) return RECORDED;
    this.checkOnlyFinal(mods, tokenSpan(name));
    return { modifiers: mods, types, name: this.ident(name), body, span: this.spanFrom(kw) };
  });

  formalParameter = this.RULE('formalParameter', (): Param => {
    const first = this.LA(1);
    const mods = this.modifiersIfAny();
    let type = this.SUBRULE(this.type);
    // The OPTION's lookahead is `...`, tested here without it outside recording (see
    // ExpressionRules.assignmentRest); its body captures only the parser, so it is built once.
    if (this.RECORDING_PHASE || this.at(Op.Ellipsis)) {
      this.OPTION((this.varargsOption ??= () => {
        const dots = this.CONSUME(Op.Ellipsis);
        this.ACTION(() => this.notSupported(tokenSpan(dots), 'varargs'));
      }));
      if (!this.RECORDING_PHASE) type = { kind: 'ArrayType', element: type, span: this.spanFrom(type.span) };
    }
    const name = this.CONSUME(Identifier);
    const dims = this.dimsIfAny();
    if (this.RECORDING_PHASE) return RECORDED;
    this.checkOnlyFinal(mods, tokenSpan(name));
    return { modifiers: mods, type: this.withDims(type, dims), name: this.ident(name), span: this.spanFrom(first) };
  });
}
