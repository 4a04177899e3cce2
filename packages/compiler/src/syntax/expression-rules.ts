// Grammar rules for expressions: Java's operators with their precedence, casts, primaries, creation and
// array initialisers.
import { tokenMatcher, type IOrAlt, type OrMethodOpts, type IToken, type TokenType } from 'chevrotain';
import type {
  ArrayLiteral,
  AssignOperator as AssignOperatorText,
  BinaryOperator as BinaryOperatorText,
  ClassTypeNode,
  Expr,
  PrimitiveTypeNode,
  Span,
} from './ast.js';
import type { AlternativesByFirstToken } from './lazy-lookahead.js';
import type { OakToken } from './lexer.js';
import { startsCast, startsLambda } from './lookahead.js';
import { buildBinary, buildOneStep, spanBetween, tokenSpan, type BinaryStep } from './node-builders.js';
import { RECORDED } from './parser-base.js';
import { SyntaxCode } from './syntax-errors.js';
import { AssignOperator, BinaryOperator, CharLiteral, Identifier, Kw, NumberLiteral, Op, StringLiteral } from './tokens.js';
import { TypeRules } from './type-rules.js';

/** Tokens after a name or number that make it more than a simple operand (see simpleOperand). */
const EXTENDS_OPERAND: ReadonlySet<TokenType> = new Set([Op.LParen, Op.Dot, Op.LBracket, Op.ColonColon, Op.PlusPlus, Op.MinusMinus]);

/** The tokens that start unaryExpression's prefix-operator alternatives. */
const PREFIX_OPERATORS: ReadonlySet<TokenType> = new Set([Op.PlusPlus, Op.MinusMinus, Op.Minus, Op.Plus, Op.Tilde, Op.Bang]);

export abstract class ExpressionRules extends TypeRules {
  // The alternatives of the hottest ORs, built once: chevrotain accepts a cached array, and rebuilding
  // a dozen closures on every call was a large share of parse time (garbage collection).
  private expressionAlts: OrMethodOpts<Expr> | undefined;
  private unaryAlts: OrMethodOpts<Expr> | undefined;
  private incDecAlts: IOrAlt<IToken>[] | undefined;
  private conditionalLastAlts: OrMethodOpts<Expr> | undefined;
  /** unaryExpression's first-token table (see ParserBase.orByTable), made on first use. */
  private unaryTable: AlternativesByFirstToken | undefined;
  private selectorTable: AlternativesByFirstToken | undefined;
  private selectorAlts: IOrAlt<Expr>[] | undefined;
  private argumentStarts: readonly boolean[] | undefined;
  private variableInitializerAlts: IOrAlt<Expr>[] | undefined;
  private binaryStepLoop: (() => void) | undefined;
  private binaryStepAlts: IOrAlt<BinaryStep>[] | undefined;

  expression = this.RULE('expression', (): Expr => {
    this.enter();
    // Outside recording, an expression that is not a lambda goes straight to the OR's second
    // alternative: its lookahead would try the same GATE, and chevrotain's OR machinery (several calls
    // deep) ran for every expression. Where neither alternative can start, unaryExpression's OR reports
    // the same "illegal start of expression" at the same token.
    const e = !this.RECORDING_PHASE && !this.atLambda() ? this.assignmentOrConditional() : this.OR((this.expressionAlts ??= {
      IGNORE_AMBIGUITIES: true,
      DEF: [
        {
          GATE: () => startsLambda(this.peek),
          ALT: () => {
            const first = this.OR2([{ ALT: () => this.CONSUME(Identifier) }, { ALT: () => this.CONSUME(Op.LParen) }]);
            this.ACTION(() => {
              this.notSupported(tokenSpan(first), 'lambda expressions', true);
              while (!this.atEof() && !this.at(Op.Arrow)) this.SKIP_TOKEN();
              this.skip();
              if (this.at(Op.LBrace)) this.skipBalanced();
              else this.skipExpressionRest();
            });
            return this.RECORDING_PHASE ? RECORDED : this.placeholder(this.spanFrom(first));
          },
        },
        { ALT: () => this.assignmentOrConditional() },
      ],
    }));
    this.leave();
    return e;
  });

  /** Whether a lambda starts here: startsLambda, called only where the next token can start one. */
  private atLambda(): boolean {
    const type = this.LA(1).tokenType;
    return (type === Identifier || type === Op.LParen) && startsLambda(this.peek);
  }

  /** An assignment or a conditional expression; `expression`'s second alternative. */
  private assignmentOrConditional(): Expr {
    const target = this.conditionalBody();
    return this.mayStart(AssignOperator) ? this.assignmentRest(target) : target;
  }

  // The hottest OPTIONs and MANYs sit in methods of their own (assignmentRest, binaryChain,
  // conditionalRest, selectorsAndPostfix, callRest), entered only where the production can start; the
  // DSL calls in them still belong to the rule that runs them. Outside recording they do not go through
  // chevrotain's OPTION or MANY at all: where the caller has seen the production's first token, the
  // OPTION's lookahead would pass, and a MANY's is the same first-token test as a plain loop's. That
  // saves chevrotain's dispatch and the closures (with a context for what they assign) on every call.

  /** `= value` (or another assignment operator) after an assignment's target; in `expression`. */
  private assignmentRest(target: Expr): Expr {
    if (this.RECORDING_PHASE) {
      this.OPTION(() => this.assignment(target));
      return RECORDED;
    }
    return this.assignment(target);
  }

  private assignment(target: Expr): Expr {
    const op = this.CONSUME(AssignOperator);
    const value = this.SUBRULE(this.expression);
    if (this.RECORDING_PHASE) return RECORDED;
    return { kind: 'Assign', operator: op.image as AssignOperatorText, target, value, operatorSpan: tokenSpan(op), span: spanBetween(target.span, value.span) };
  }

  /**
   * A binary-operator chain (built with Java's precedences by buildBinary) and an optional `? :` after
   * it. `expression` runs this inline and the rule serves only a conditional's last operand: every
   * expression passes through here, and each chevrotain rule invocation has a fixed cost. (Its DSL calls
   * use occurrence indexes from 5 up, which `expression`'s own calls do not use.)
   */
  protected conditionalBody(): Expr {
    this.enter();
    const first = this.simpleOperand() ?? this.SUBRULE5(this.unaryExpression);
    const condition = this.mayStart(BinaryOperator) || this.at(Kw.instanceof) ? this.binaryChain(first) : first;
    const result = this.mayStart(Op.Question) ? this.conditionalRest(condition) : condition;
    this.leave();
    return result;
  }

  /**
   * The operators and operands after a chain's first operand. Outside recording the loop is a plain
   * one: the MANY's lookahead and the OR's are both "a binary operator or `instanceof` is next", and
   * going through them cost two chevrotain dispatches per operator. Most chains have one step, which
   * is built into its node without a list.
   */
  private binaryChain(first: Expr): Expr {
    if (this.RECORDING_PHASE) {
      this.MANY5((this.binaryStepLoop ??= () => this.OR5(this.binaryStepAlternatives())));
      return RECORDED;
    }
    const step = this.binaryStepIfAny() as BinaryStep;
    let steps: BinaryStep[] | undefined;
    for (let next = this.binaryStepIfAny(); next !== undefined; next = this.binaryStepIfAny()) {
      steps ??= [step];
      steps.push(next);
    }
    return steps === undefined ? buildOneStep(first, step) : buildBinary(first, steps);
  }

  /** The next step of a chain, or undefined where none starts (outside recording only). */
  private binaryStepIfAny(): BinaryStep | undefined {
    if (tokenMatcher(this.LA(1), BinaryOperator)) return this.binaryOperatorStep();
    return this.at(Kw.instanceof) ? this.instanceofStep() : undefined;
  }

  private binaryStepAlternatives(): IOrAlt<BinaryStep>[] {
    return (this.binaryStepAlts ??= [{ ALT: () => this.binaryOperatorStep() }, { ALT: () => this.instanceofStep() }]);
  }

  /** `op operand` in a chain; binaryChain's first alternative. */
  private binaryOperatorStep(): BinaryStep {
    const op = this.CONSUME(BinaryOperator);
    const right = this.simpleOperand() ?? this.SUBRULE6(this.unaryExpression);
    return this.RECORDING_PHASE ? RECORDED : { kind: 'operator', operator: op.image as BinaryOperatorText, operatorSpan: tokenSpan(op), right };
  }

  /** `instanceof Type` in a chain; binaryChain's second alternative. */
  private instanceofStep(): BinaryStep {
    this.CONSUME(Kw.instanceof);
    this.OPTION6(() => {
      const f = this.CONSUME(Kw.final);
      this.ACTION(() => this.notSupported(tokenSpan(f), 'pattern matching in instanceof'));
    });
    const type = this.SUBRULE5(this.type);
    this.OPTION7(() => {
      const binding = this.CONSUME5(Identifier);
      this.ACTION(() => this.notSupported(tokenSpan(binding), 'pattern matching in instanceof'));
    });
    return this.RECORDING_PHASE ? RECORDED : { kind: 'instanceof', type, span: this.spanFrom(type.span) };
  }

  /**
   * An operand that is a lone name or number (most operands), read without invoking `unaryExpression`:
   * what that rule would return and where it would stop, as its only alternative for the token gives it
   * when no selector, postfix operator or arguments follow. Undefined otherwise, and while recording.
   */
  private simpleOperand(): Expr | undefined {
    if (this.RECORDING_PHASE) return undefined;
    const t = this.LA(1);
    const type = t.tokenType;
    if ((type !== Identifier && type !== NumberLiteral) || EXTENDS_OPERAND.has(this.LA(2).tokenType)) return undefined;
    // As unaryExpression counts itself in the nesting depth.
    this.enter();
    this.SKIP_TOKEN();
    this.leave();
    return type === Identifier ? { kind: 'Name', name: t.image, span: tokenSpan(t) } : this.numberLiteral(t);
  }

  /** `? whenTrue : whenFalse` after a conditional's condition. */
  private conditionalRest(condition: Expr): Expr {
    if (this.RECORDING_PHASE) {
      this.OPTION5(() => this.conditional(condition));
      return RECORDED;
    }
    return this.conditional(condition);
  }

  private conditional(condition: Expr): Expr {
    this.CONSUME(Op.Question);
    const whenTrue = this.SUBRULE5(this.expression);
    this.CONSUME(Op.Colon);
    // As in `expression`: a last operand that is not a lambda skips the OR, whose other alternative
    // would report the same error at the same token.
    const whenFalse =
      !this.RECORDING_PHASE && !this.atLambda()
        ? this.SUBRULE5(this.conditionalExpression)
        : this.OR6((this.conditionalLastAlts ??= {
            IGNORE_AMBIGUITIES: true,
            DEF: [
              { GATE: () => startsLambda(this.peek), ALT: () => this.SUBRULE6(this.expression) },
              { ALT: () => this.SUBRULE5(this.conditionalExpression) },
            ],
          }));
    if (this.RECORDING_PHASE) return RECORDED;
    return { kind: 'Conditional', condition, whenTrue, whenFalse, span: spanBetween(condition.span, whenFalse.span) };
  }

  conditionalExpression = this.RULE('conditionalExpression', (): Expr => this.conditionalBody());

  unaryExpression = this.RULE('unaryExpression', (): Expr => {
    this.enter();
    const first = this.LA(1);
    const table = this.RECORDING_PHASE ? undefined : (this.unaryTable ??= this.alternativeTable('unaryExpression', 0));
    const operand = this.orByTable(table, (this.unaryAlts ??= {
      IGNORE_AMBIGUITIES: true,
      DEF: [
        {
          ALT: () => {
            const first = this.LA(1);
            const op = this.OR2([{ ALT: () => this.CONSUME(Op.PlusPlus) }, { ALT: () => this.CONSUME(Op.MinusMinus) }]);
            const operand = this.SUBRULE(this.unaryExpression);
            if (this.RECORDING_PHASE) return RECORDED;
            return {
              kind: 'IncDec' as const,
              operator: op.image as '++' | '--',
              prefix: true,
              operand,
              span: this.spanFrom(first),
            };
          },
        },
        {
          GATE: () => this.at(NumberLiteral, 2) && this.isDecimalInteger(this.LA(2)),
          ALT: () => {
            const first = this.LA(1);
            this.CONSUME(Op.Minus);
            const lit = this.CONSUME(NumberLiteral);
            return this.RECORDING_PHASE ? RECORDED : this.numberLiteral(lit, first);
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
            if (this.RECORDING_PHASE) return RECORDED;
            return {
              kind: 'Unary' as const,
              operator: op.image as '+' | '-' | '~' | '!',
              operand,
              span: this.spanFrom(first),
            };
          },
        },
        {
          GATE: () => startsCast(this.peek),
          ALT: () => {
            const first = this.LA(1);
            this.CONSUME(Op.LParen);
            const targetType = this.SUBRULE(this.type);
            this.CONSUME(Op.RParen);
            const expr = this.SUBRULE3(this.unaryExpression);
            return this.RECORDING_PHASE ? RECORDED : { kind: 'Cast' as const, targetType, expr, span: this.spanFrom(first) };
          },
        },
        {
          ALT: () => {
            const t = this.CONSUME2(NumberLiteral);
            return this.RECORDING_PHASE ? RECORDED : this.numberLiteral(t);
          },
        },
        {
          ALT: () => {
            const t = this.CONSUME(StringLiteral);
            if (this.RECORDING_PHASE) return RECORDED;
            const payload = (t as OakToken).payload;
            const value = payload !== undefined && payload.kind === 'string' ? payload.value : '';
            return { kind: 'Literal' as const, text: t.image, value: { kind: 'string' as const, value }, span: tokenSpan(t) };
          },
        },
        {
          ALT: () => {
            const t = this.CONSUME(CharLiteral);
            if (this.RECORDING_PHASE) return RECORDED;
            const payload = (t as OakToken).payload;
            const value = payload !== undefined && payload.kind === 'char' ? payload.value : 0;
            return { kind: 'Literal' as const, text: t.image, value: { kind: 'char' as const, value }, span: tokenSpan(t) };
          },
        },
        {
          ALT: () => {
            const t = this.OR5([{ ALT: () => this.CONSUME(Kw.true) }, { ALT: () => this.CONSUME(Kw.false) }]);
            if (this.RECORDING_PHASE) return RECORDED;
            return {
              kind: 'Literal' as const,
              text: t.image,
              value: { kind: 'boolean' as const, value: t.tokenType === Kw.true },
              span: tokenSpan(t),
            };
          },
        },
        {
          ALT: () => {
            const t = this.CONSUME(Kw.null);
            return this.RECORDING_PHASE ? RECORDED : { kind: 'Literal' as const, text: 'null', value: { kind: 'null' as const }, span: tokenSpan(t) };
          },
        },
        {
          ALT: () => {
            const t = this.CONSUME(Kw.this);
            return this.RECORDING_PHASE ? RECORDED : { kind: 'This' as const, span: tokenSpan(t) };
          },
        },
        {
          ALT: () => {
            const t = this.CONSUME(Kw.super);
            return this.OR6([
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
                  if (this.RECORDING_PHASE) return RECORDED;
                  this.notSupported(tokenSpan(cc), 'method references', true);
                  this.skipExpressionRest();
                  return this.placeholder(this.spanFrom(t));
                },
              },
            ]);
          },
        },
        { ALT: () => this.SUBRULE(this.creator) },
        {
          ALT: () => {
            const open = this.CONSUME2(Op.LParen);
            const inner = this.SUBRULE(this.expression);
            this.CONSUME2(Op.RParen);
            return this.RECORDING_PHASE ? RECORDED : this.parenthesize(inner, this.spanFrom(open));
          },
        },
        {
          ALT: () => {
            const name = this.CONSUME2(Identifier);
            if (this.mayStart(Op.LParen)) return this.callRest(name);
            return this.RECORDING_PHASE ? RECORDED : { kind: 'Name' as const, name: name.image, span: tokenSpan(name) };
          },
        },
        {
          ALT: () => {
            const first = this.LA(1);
            this.OR7([{ ALT: () => this.SUBRULE(this.primitiveType) }, { ALT: () => this.CONSUME(Kw.void) }]);
            this.SUBRULE(this.dims);
            this.CONSUME2(Op.Dot);
            this.CONSUME(Kw.class);
            if (this.RECORDING_PHASE) return RECORDED;
            this.notSupported(tokenSpan(first), 'class literals', true);
            return this.placeholder(this.spanFrom(first));
          },
        },
        {
          ALT: () => {
            const kw = this.CONSUME(Kw.switch);
            if (this.RECORDING_PHASE) return RECORDED;
            this.notSupported(tokenSpan(kw), 'switch expressions', true);
            if (this.at(Op.LParen)) this.skipBalanced();
            if (this.at(Op.LBrace)) this.skipBalanced();
            return this.placeholder(this.spanFrom(kw));
          },
        },
      ],
    }));
    // After a prefix operator or a cast the operand has taken every selector and postfix operator that
    // follows (a negative literal takes none: `-5[0]` is javac's `-(5[0])`, an error); after a primary
    // they are this rule's to parse.
    const prefixed = !this.RECORDING_PHASE && (PREFIX_OPERATORS.has(first.tokenType) || (operand.kind === 'Cast' && operand.parenthesized !== true));
    const e = !prefixed && this.followsPrimary() ? this.selectorsAndPostfix(operand) : operand;
    this.leave();
    return e;
  });

  /** Whether a selector or a postfix operator may be next (always, while recording). */
  private followsPrimary(): boolean {
    return this.mayStart(Op.Dot) || this.at(Op.LBracket) || this.at(Op.ColonColon) || this.at(Op.PlusPlus) || this.at(Op.MinusMinus);
  }

  /** A primary's selectors and postfix operators; in `unaryExpression`. */
  private selectorsAndPostfix(primary: Expr): Expr {
    if (this.RECORDING_PHASE) {
      this.MANY(() => this.SUBRULE(this.selector, { ARGS: [primary] }));
      this.MANY2(() => this.OR4((this.incDecAlts ??= [{ ALT: () => this.CONSUME3(Op.PlusPlus) }, { ALT: () => this.CONSUME3(Op.MinusMinus) }])));
      return RECORDED;
    }
    let e = primary;
    while (this.at(Op.Dot) || this.at(Op.LBracket) || this.at(Op.ColonColon)) e = this.SUBRULE(this.selector, { ARGS: [e] });
    for (let type = this.LA(1).tokenType; type === Op.PlusPlus || type === Op.MinusMinus; type = this.LA(1).tokenType) {
      const op = this.CONSUME3(type);
      e = { kind: 'IncDec', operator: op.image as '++' | '--', prefix: false, operand: e, span: spanBetween(e.span, tokenSpan(op)) };
    }
    return e;
  }

  /**
   * `inner` marked as written in parentheses, with their span. Changed in place: the parser has just made
   * it and nothing holds it yet, and a spread copy (nodes of every kind pass here) took V8's slow generic
   * path. A placeholder is copied, since it is remembered by identity as one.
   */
  private parenthesize(inner: Expr, span: Span): Expr {
    if (this.placeholders.has(inner)) return { ...inner, parenthesized: true, span };
    const node: { parenthesized?: boolean; span: Span } = inner;
    node.parenthesized = true;
    node.span = span;
    return inner;
  }

  /** A method call's arguments after its name; in `unaryExpression`. */
  private callRest(name: IToken): Expr {
    if (this.RECORDING_PHASE) {
      this.OPTION(() => this.SUBRULE(this.arguments));
      return RECORDED;
    }
    const args = this.SUBRULE(this.arguments);
    return { kind: 'MethodCall' as const, target: null, name: this.ident(name), args, span: this.spanFrom(name) };
  }

  selector = this.RULE('selector', (target: Expr): Expr => {
    // The alternatives are built once and read the selector's target from this field on entry.
    this.selectorTarget = target;
    const table = this.RECORDING_PHASE ? undefined : (this.selectorTable ??= this.alternativeTable('selector', 0));
    return this.orByTable(table, this.selectorAlternatives());
  });

  private selectorTarget: Expr = RECORDED;

  private selectorAlternatives(): IOrAlt<Expr>[] {
    return (this.selectorAlts ??= [
      {
        ALT: () => {
          const target = this.selectorTarget;
          this.CONSUME(Op.Dot);
          // A name (nearly always) is the OR2's first alternative; taken without building the OR.
          if (!this.RECORDING_PHASE && this.at(Identifier)) return this.memberAfterDot(target);
          return this.OR2([
            { ALT: () => this.memberAfterDot(target) },
            {
              ALT: () => {
                const t = this.OR3([
                  { ALT: () => this.CONSUME(Kw.new) },
                  { ALT: () => this.CONSUME(Kw.this) },
                  { ALT: () => this.CONSUME(Kw.super) },
                  { ALT: () => this.CONSUME(Kw.class) },
                  { ALT: () => this.CONSUME(Op.Lt) },
                ]);
                if (this.RECORDING_PHASE) return RECORDED;
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
              },
            },
          ]);
        },
      },
      {
        // `String[].class`
        GATE: () => this.at(Op.RBracket, 2),
        ALT: () => {
          const target = this.selectorTarget;
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
          return this.RECORDING_PHASE ? RECORDED : this.placeholder(this.spanFrom(target.span));
        },
      },
      {
        ALT: () => {
          const target = this.selectorTarget;
          this.CONSUME(Op.LBracket);
          const index = this.SUBRULE(this.expression);
          this.CONSUME(Op.RBracket);
          return this.RECORDING_PHASE ? RECORDED : { kind: 'ArrayAccess' as const, array: target, index, span: this.spanFrom(target.span) };
        },
      },
      {
        ALT: () => {
          const target = this.selectorTarget;
          const t = this.CONSUME(Op.ColonColon);
          if (this.RECORDING_PHASE) return RECORDED;
          this.notSupported(tokenSpan(t), 'method references', true);
          this.skipExpressionRest();
          return this.placeholder(this.spanFrom(target.span));
        },
      },
    ]);
  }

  /** `name` and a method call's arguments or nothing, after `target.`; in `selector`. */
  private memberAfterDot(target: Expr): Expr {
    const name = this.CONSUME(Identifier);
    return this.SUBRULE(this.memberSuffix, { ARGS: [target, name] });
  }

  /** After `target.name`: a method call when arguments follow, else a field access. */
  memberSuffix = this.RULE('memberSuffix', (target: Expr | { kind: 'Super'; span: Span }, name: IToken): Expr => {
    if (this.RECORDING_PHASE) {
      this.OPTION(() => this.SUBRULE(this.arguments));
      return RECORDED;
    }
    // The OPTION's lookahead is `(`, tested here without it (see assignmentRest).
    const args = this.at(Op.LParen) ? this.SUBRULE(this.arguments) : undefined;
    const span = this.spanFrom(target.span);
    if (args === undefined) return { kind: 'FieldAccess' as const, target, name: this.ident(name), span };
    return { kind: 'MethodCall' as const, target, name: this.ident(name), args, span };
  });

  arguments = this.RULE('arguments', (): Expr[] => {
    const args: Expr[] = [];
    this.CONSUME(Op.LParen);
    // The OPTION decided by the first tokens of an expression, from the recorded grammar, outside
    // recording (see ParserBase.orByTable).
    const starts = this.RECORDING_PHASE ? undefined : (this.argumentStarts ??= this.optionalStarts('arguments', 'Option', 0));
    if (starts === undefined) this.OPTION(() => this.argumentList(args));
    else if (this.nextIn(starts)) this.argumentList(args);
    this.CONSUME(Op.RParen);
    return args;
  });

  /** `expression (, expression)*` into `args`; the body of `arguments`' OPTION. */
  private argumentList(args: Expr[]): void {
    args.push(this.SUBRULE(this.expression));
    if (this.RECORDING_PHASE) {
      this.MANY(() => {
        this.CONSUME(Op.Comma);
        this.SUBRULE2(this.expression);
      });
      return;
    }
    // The MANY's lookahead is the comma, tested here without it (see assignmentRest).
    while (this.at(Op.Comma)) {
      this.CONSUME(Op.Comma);
      args.push(this.SUBRULE2(this.expression));
    }
  }

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
                if (this.RECORDING_PHASE) return RECORDED;
                if (this.at(Op.LBrace)) {
                  this.notSupported(tokenSpan(this.LA(1)), 'anonymous classes', true);
                  this.skipBalanced();
                }
                return { kind: 'New' as const, classType, args, span: this.spanFrom(kw) };
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
          if (this.RECORDING_PHASE) return RECORDED;
          if (initializer === null) this.report(tokenSpan(this.LA(1)), SyntaxCode.arrayDimensionMissing, 'array dimension missing');
          return { kind: 'NewArray' as const, elementType, dimensions: [], extraDimensions: dims.length, initializer, span: this.spanFrom(kw) };
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
              dimensions.push(d);
            },
          });
          const extra = this.SUBRULE2(this.dims);
          if (this.RECORDING_PHASE) return RECORDED;
          return {
            kind: 'NewArray' as const,
            elementType,
            dimensions,
            extraDimensions: extra.length,
            initializer: null,
            span: this.spanFrom(kw),
          };
        },
      },
    ]);
  });

  variableInitializer = this.RULE('variableInitializer', (): Expr => this.OR(this.variableInitializerAlternatives()));

  /** An array initialiser or an expression; declarators run this OR inline (occurrence 0 of its DSL calls). */
  protected variableInitializerAlternatives(): IOrAlt<Expr>[] {
    return (this.variableInitializerAlts ??= [{ ALT: () => this.SUBRULE(this.arrayInitializer) }, { ALT: () => this.SUBRULE(this.expression) }]);
  }

  arrayInitializer = this.RULE('arrayInitializer', (): ArrayLiteral => {
    const open = this.CONSUME(Op.LBrace);
    this.enter();
    const elements: Expr[] = [];
    this.OPTION(() => {
      const first = this.SUBRULE(this.variableInitializer);
      elements.push(first);
      this.MANY({
        GATE: () => !this.at(Op.RBrace, 2),
        DEF: () => {
          this.CONSUME(Op.Comma);
          const next = this.SUBRULE2(this.variableInitializer);
          elements.push(next);
        },
      });
    });
    this.OPTION2(() => this.CONSUME2(Op.Comma));
    this.CONSUME(Op.RBrace);
    this.leave();
    return this.RECORDING_PHASE ? RECORDED : { kind: 'ArrayLiteral' as const, elements, span: this.spanFrom(open) };
  });
}
