// Grammar rules for types, qualified names and modifiers.
import { tokenMatcher, type DSLMethodOptsWithErr, type IOrAlt, type IToken } from 'chevrotain';
import type {
  ClassTypeNode,
  Identifier as IdentifierNode,
  Modifier,
  ModifierName,
  Modifiers,
  PrimitiveTypeNode,
  QualifiedName,
  Span,
  TypeNode,
} from './ast.js';
import { tokenSpan } from './node-builders.js';
import { SyntaxCode } from './syntax-errors.js';
import { Identifier, Kw, ModifierKeyword, Op, PrimitiveKeyword } from './tokens.js';
import { ParserBase, RECORDED } from './parser-base.js';

const NO_DIMS: readonly Span[] = Object.freeze([]);

function primitiveTypeNode(t: IToken): PrimitiveTypeNode {
  return { kind: 'PrimitiveType', name: t.image as PrimitiveTypeNode['name'], span: tokenSpan(t) };
}

export abstract class TypeRules extends ParserBase {
  // Alternatives that capture nothing but the parser, built once (as in ExpressionRules).
  private typeAlts: IOrAlt<PrimitiveTypeNode | ClassTypeNode>[] | undefined;
  private modifierLoop: DSLMethodOptsWithErr<void> | undefined;
  private modifierAlts: IOrAlt<void>[] | undefined;

  qualifiedName = this.RULE('qualifiedName', (): QualifiedName => {
    const parts: IdentifierNode[] = [];
    const first = this.CONSUME(Identifier);
    if (!this.RECORDING_PHASE) parts.push(this.ident(first));
    if (this.mayStart(Op.Dot)) {
      this.MANY({
        GATE: () => this.at(Identifier, 2),
        DEF: () => {
          this.CONSUME(Op.Dot);
          const part = this.CONSUME2(Identifier);
          if (!this.RECORDING_PHASE) parts.push(this.ident(part));
        },
      });
    }
    if (this.RECORDING_PHASE) return RECORDED;
    // Most names have one part: its text and span are the name's (spans are never changed, so shared).
    const only = parts.length === 1 ? (parts[0] as IdentifierNode) : undefined;
    return only !== undefined ? { parts, text: only.name, span: only.span } : { parts, text: parts.map((p) => p.name).join('.'), span: this.spanFrom(first) };
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
    list.push(first);
    this.MANY(() => {
      this.CONSUME(Op.Comma);
      const next = this.SUBRULE2(this.classType);
      list.push(next);
    });
    return list;
  });

  /**
   * `modifiers` (as SUBRULE, occurrence 0) where one may start, else the empty modifiers without invoking
   * the rule: most locals and parameters have none.
   */
  protected modifiersIfAny(): Modifiers {
    if (this.mayStart(ModifierKeyword) || this.at(Op.At) || this.at(Kw.default)) return this.SUBRULE(this.modifiers);
    return this.modifiersFrom([], this.LA(1));
  }

  modifiers = this.RULE('modifiers', (): Modifiers => {
    const first = this.LA(1);
    if (this.RECORDING_PHASE) {
      this.MANY((this.modifierLoop ??= { GATE: () => this.modifierMayBeNext(), DEF: () => this.OR(this.modifierAlternatives()) }));
      return RECORDED;
    }
    // The MANY and its OR as a plain loop on the next token: their lookahead is the same first-token test
    // (see ExpressionRules.assignmentRest).
    const items: Modifier[] = [];
    while (this.modifierMayBeNext()) {
      const t = this.LA(1);
      if (tokenMatcher(t, ModifierKeyword)) this.modifierKeyword(items);
      else if (t.tokenType === Op.At) this.annotation();
      else if (t.tokenType === Kw.default) this.defaultModifier();
      else break;
    }
    return this.modifiersFrom(items, first);
  });

  /** `@interface` starts a declaration and `default:` a switch label; neither is a modifier. */
  private modifierMayBeNext(): boolean {
    return !(this.at(Op.At) && this.at(Kw.interface, 2)) && !(this.at(Kw.default) && (this.at(Op.Colon, 2) || this.at(Op.Arrow, 2)));
  }

  private modifierAlternatives(): IOrAlt<void>[] {
    return (this.modifierAlts ??= [
      // Recording only: the list is not used.
      { ALT: () => this.modifierKeyword([]) },
      { ALT: () => this.annotation() },
      { ALT: () => this.defaultModifier() },
    ]);
  }

  private modifierKeyword(items: Modifier[]): void {
    const t = this.CONSUME(ModifierKeyword);
    if (this.RECORDING_PHASE) return;
    const span = tokenSpan(t);
    if (items.some((m) => m.name === t.image)) this.report(span, SyntaxCode.repeatedModifier, 'repeated modifier');
    else items.push({ name: t.image as ModifierName, span });
  }

  private annotation(): void {
    const at = this.CONSUME(Op.At);
    if (this.RECORDING_PHASE) return;
    this.notSupported(tokenSpan(at), 'annotations', true);
    while (this.at(Identifier) && this.at(Op.Dot, 2)) {
      this.SKIP_TOKEN();
      this.SKIP_TOKEN();
    }
    this.skip();
    if (this.at(Op.LParen)) this.skipBalanced();
  }

  private defaultModifier(): void {
    const d = this.CONSUME(Kw.default);
    if (!this.RECORDING_PHASE) this.notSupported(tokenSpan(d), 'default methods', true);
  }

  type = this.RULE('type', (): TypeNode => {
    // Outside recording the alternative is picked here from the next token, as the OR's lookahead would
    // pick it, without chevrotain's OR machinery; the OR remains for recording and for the error.
    const next = this.LA(1);
    const base = this.RECORDING_PHASE
      ? this.OR(this.typeAlternatives())
      : tokenMatcher(next, PrimitiveKeyword)
        ? this.primitiveTypeHere()
        : next.tokenType === Identifier
          ? this.SUBRULE(this.classType)
          : this.OR(this.typeAlternatives());
    const dims = this.dimsIfAny();
    return this.RECORDING_PHASE ? RECORDED : this.withDims(base, dims);
  });

  private typeAlternatives(): IOrAlt<PrimitiveTypeNode | ClassTypeNode>[] {
    return (this.typeAlts ??= [
      // primitiveType's body, inline: most types are primitive, and a rule invocation has a fixed cost.
      { ALT: () => this.primitiveTypeHere() },
      { ALT: () => this.SUBRULE(this.classType) },
    ]);
  }

  /** A primitive type keyword, consumed by the calling rule (`type`, occurrence 0). */
  private primitiveTypeHere(): PrimitiveTypeNode {
    const t = this.CONSUME(PrimitiveKeyword);
    return this.RECORDING_PHASE ? RECORDED : primitiveTypeNode(t);
  }

  primitiveType = this.RULE('primitiveType', (): PrimitiveTypeNode => {
    const t = this.CONSUME(PrimitiveKeyword);
    return this.RECORDING_PHASE ? RECORDED : primitiveTypeNode(t);
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
    return this.RECORDING_PHASE ? RECORDED : { kind: 'ClassType' as const, name, span: name.span };
  });

  /**
   * `dims` (as SUBRULE, occurrence 0) where a `[` is next, else no dimensions without invoking the rule:
   * most types and declarators have none, and a chevrotain rule invocation has a fixed cost.
   */
  protected dimsIfAny(): readonly Span[] {
    return this.mayStart(Op.LBracket) ? this.SUBRULE(this.dims) : NO_DIMS;
  }

  /** `[]` pairs; returns the span of each pair. */
  dims = this.RULE('dims', (): Span[] => {
    const spans: Span[] = [];
    if (this.mayStart(Op.LBracket)) {
      this.MANY({
        GATE: () => this.at(Op.RBracket, 2),
        DEF: () => {
          const open = this.CONSUME(Op.LBracket);
          this.CONSUME(Op.RBracket);
          if (!this.RECORDING_PHASE) spans.push(this.spanFrom(open));
        },
      });
    }
    return spans;
  });
}
