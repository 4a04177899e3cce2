// The Oak parser: a chevrotain EmbeddedActionsParser that builds the AST directly (no CST). The grammar is
// split by concept along a class chain: parser-base.ts (positions, diagnostics, recovery) <- type-rules.ts
// <- expression-rules.ts <- statement-rules.ts <- this file (compilation units and declarations, and
// `parse`). Decisions Java's grammar cannot make with one token of lookahead are GATEs over lookahead.ts
// scans. Constructs Oak leaves out are recognised, reported once as "<feature> is not supported in Oak"
// and skipped. Syntax errors are recovered from at statement, member and type-declaration level, so
// independent errors are all reported in one run.
import type { IOrAlt, IToken } from 'chevrotain';
import { diagnosticAt, type Diagnostic, type SourceText } from '../diagnostics.js';
import type {
  Block,
  ClassDecl,
  ClassTypeNode,
  CompilationUnit,
  ImportDecl,
  Member,
  Modifiers,
  Param,
  QualifiedName,
  Span,
  TypeNode,
  VarDeclarator,
  VoidTypeNode,
} from './ast.js';
import { LazyLookaheadStrategy, type AlternativesByFirstToken } from './lazy-lookahead.js';
import { tokenize } from './lexer.js';
import { startsConstructor } from './lookahead.js';
import { tokenSpan } from './node-builders.js';
import { RECORDED } from './parser-base.js';
import { SyntaxCode } from './syntax-errors.js';
import { Identifier, Kw, Op } from './tokens.js';
import { StatementRules } from './statement-rules.js';

/**
 * Chevrotain's grammar validations cost start-up time on every run; the test suite constructs the parser
 * with them on (see `validateOakGrammar`), so production runs skip them.
 */
let validateGrammar = false;

/** Decisions needing more than one token are GATEs over lookahead.ts scans. */
const MAX_LOOKAHEAD = 1;

/** Compilation units and declarations; the rest of the grammar is inherited. */
class OakParser extends StatementRules {
  /** Built once, as in ExpressionRules. */
  private memberAlts: IOrAlt<Member | null>[] | undefined;
  private memberRestAlts: IOrAlt<Member | null>[] | undefined;
  private typeParametersOption: (() => void) | undefined;
  private methodBodyAlts: IOrAlt<Block | null>[] | undefined;
  // First-token tables from the recorded grammar (see ParserBase.orByTable), made on first use.
  private memberTable: AlternativesByFirstToken | undefined;
  private memberRestTable: AlternativesByFirstToken | undefined;
  private methodBodyTable: AlternativesByFirstToken | undefined;
  private parameterStarts: readonly boolean[] | undefined;

  constructor() {
    super({ maxLookahead: MAX_LOOKAHEAD, skipValidations: !validateGrammar, lookaheadStrategy: new LazyLookaheadStrategy(MAX_LOOKAHEAD) });
    this.performSelfAnalysis();
  }

  compilationUnit = this.RULE('compilationUnit', (): CompilationUnit => {
    let packageName: QualifiedName | null = null;
    const imports: ImportDecl[] = [];
    const types: ClassDecl[] = [];
    this.OPTION({
      GATE: () => this.at(Kw.package) || (this.at(Op.At) && this.packageAfterAnnotations()),
      DEF: () => {
        const mods = this.SUBRULE(this.modifiers);
        this.CONSUME(Kw.package);
        const name = this.SUBRULE(this.qualifiedName);
        this.CONSUME(Op.Semicolon);
        this.ACTION(() => {
          packageName = name;
          const first = mods.items[0];
          if (first !== undefined) this.report(first.span, SyntaxCode.modifierNotAllowed, `modifier ${first.name} not allowed here`);
        });
      },
    });
    this.MANY(() => {
      const start = this.position;
      const depth = this.nesting;
      try {
        const decl = this.SUBRULE(this.importDeclaration);
        if (decl !== null) imports.push(decl);
      } catch (e) {
        if (this.RECORDING_PHASE) throw e;
        // Rules left by the exception did not decrement the nesting depth.
        this.nesting = depth;
        this.reportFailure(e);
        this.resyncStatement(start);
      }
    });
    let more = true;
    while (more) {
      this.MANY2(() => {
        const start = this.position;
        const depth = this.nesting;
        try {
          const decl = this.SUBRULE(this.typeDeclaration);
          if (decl !== null) types.push(decl);
        } catch (e) {
          if (this.RECORDING_PHASE) throw e;
          // Rules left by the exception did not decrement the nesting depth.
          this.nesting = depth;
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
    if (this.RECORDING_PHASE) return RECORDED;
    return {
      kind: 'CompilationUnit' as const,
      file: this.file,
      packageName,
      imports,
      types,
      span: { start: 0, end: (this.lastRealToken()?.endOffset ?? -1) + 1, line: 1, column: 1 },
    };
  });

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
    if (this.RECORDING_PHASE) return RECORDED;
    if (isStatic !== undefined) {
      this.notSupported(tokenSpan(isStatic), 'static import');
      return null;
    }
    return { kind: 'Import' as const, name, onDemand, span: this.spanFrom(kw) };
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
    if (this.RECORDING_PHASE) return RECORDED;
    return {
      kind: 'Class' as const,
      isInterface: false,
      modifiers: mods,
      name: this.ident(name),
      superclass,
      interfaces,
      members,
      span: this.spanFrom(mods.items.length > 0 ? mods.span : tokenSpan(first)),
    };
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
    if (this.RECORDING_PHASE) return RECORDED;
    return {
      kind: 'Class' as const,
      isInterface: true,
      modifiers: mods,
      name: this.ident(name),
      superclass: null,
      interfaces,
      members,
      span: this.spanFrom(mods.items.length > 0 ? mods.span : tokenSpan(first)),
    };
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
          const depth = this.nesting;
          try {
            const member = this.SUBRULE(this.member);
            this.ACTION(() => {
              if (member !== null) members.push(member);
              this.className = className;
            });
          } catch (e) {
            if (this.RECORDING_PHASE) throw e;
            this.className = className;
            // Rules left by the exception did not decrement the nesting depth.
            this.nesting = depth;
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
    const table = this.RECORDING_PHASE ? undefined : (this.memberTable ??= this.alternativeTable('member', 0));
    return this.orByTable(table, (this.memberAlts ??= [
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
    ]));
  });

  memberRest = this.RULE('memberRest', (mods: Modifiers, first: IToken): Member | null => {
    if (this.RECORDING_PHASE || this.at(Op.Lt)) this.OPTION((this.typeParametersOption ??= () => this.SUBRULE(this.typeParameters)));
    // The alternatives are built once and read the member's modifiers and first token from these
    // fields on entry, before anything nested can set them again.
    this.memberMods = mods;
    this.memberFirst = first;
    const table = this.RECORDING_PHASE ? undefined : (this.memberRestTable ??= this.alternativeTable('memberRest', 0));
    return this.orByTable(table, this.memberRestAlternatives());
  });

  /** The modifiers and first token of the member memberRest is parsing (see memberRestAlternatives). */
  private memberMods: Modifiers = RECORDED;
  private memberFirst: IToken = RECORDED;

  /** Where a member starts: at its first modifier, or else at its first token. */
  private memberStart(mods: Modifiers, first: IToken): Span | IToken {
    return mods.items.length > 0 ? mods.span : first;
  }

  private memberRestAlternatives(): IOrAlt<Member | null>[] {
    return (this.memberRestAlts ??= [
      {
        ALT: () => {
          const mods = this.memberMods;
          const first = this.memberFirst;
          const body = this.SUBRULE(this.block);
          if (this.RECORDING_PHASE) return RECORDED;
          const isStatic = mods.items.some((m) => m.name === 'static');
          for (const m of mods.items) {
            if (m.name !== 'static') this.report(m.span, SyntaxCode.modifierNotAllowed, `modifier ${m.name} not allowed here`);
          }
          return { kind: 'Initializer' as const, isStatic, body, span: this.spanFrom(this.memberStart(mods, first)) };
        },
      },
      {
        ALT: () => {
          const mods = this.memberMods;
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
        GATE: () => startsConstructor(this.peek),
        ALT: () => {
          const mods = this.memberMods;
          const first = this.memberFirst;
          const name = this.CONSUME2(Identifier);
          const params = this.SUBRULE(this.formalParameters);
          const throws = this.SUBRULE(this.throwsClause);
          const body = this.SUBRULE(this.constructorBody);
          if (this.RECORDING_PHASE) return RECORDED;
          if (name.image !== this.className) {
            this.report(tokenSpan(name), SyntaxCode.invalidMethodDeclaration, 'invalid method declaration; return type required');
          }
          return { kind: 'Constructor' as const, modifiers: mods, name: this.ident(name), params, throws, body, span: this.spanFrom(this.memberStart(mods, first)) };
        },
      },
      {
        ALT: () => {
          const mods = this.memberMods;
          const first = this.memberFirst;
          const v = this.CONSUME(Kw.void);
          const name = this.CONSUME3(Identifier);
          const returnType: VoidTypeNode = { kind: 'VoidType', span: tokenSpan(v) };
          return this.SUBRULE(this.methodRest, { ARGS: [mods, returnType, name, first] });
        },
      },
      {
        ALT: () => {
          const mods = this.memberMods;
          const first = this.memberFirst;
          const type = this.SUBRULE(this.type);
          const name = this.CONSUME4(Identifier);
          const args = { ARGS: [mods, type, name, first] as [Modifiers, TypeNode, IToken, IToken] };
          // Outside recording the OR's choice is made from the next token: `(` for a method, what can
          // start the rest of a field for a field; the OR remains for recording and for the error.
          if (!this.RECORDING_PHASE) {
            if (this.at(Op.LParen)) return this.SUBRULE2(this.methodRest, args);
            const next = this.LA(1).tokenType;
            if (next === Op.Semicolon || next === Op.Eq || next === Op.Comma || next === Op.LBracket) return this.SUBRULE(this.fieldRest, args);
          }
          return this.OR3([
            { GATE: () => this.at(Op.LParen), ALT: () => this.SUBRULE2(this.methodRest, args) },
            { ALT: () => this.SUBRULE(this.fieldRest, args) },
          ]);
        },
      },
    ]);
  }

  methodRest = this.RULE('methodRest', (mods: Modifiers, declaredReturn: TypeNode | VoidTypeNode, name: IToken, head: IToken): Member => {
    const params = this.SUBRULE(this.formalParameters);
    const dims = this.dimsIfAny();
    const throws = this.SUBRULE(this.throwsClause);
    const table = this.RECORDING_PHASE ? undefined : (this.methodBodyTable ??= this.alternativeTable('methodRest', 0));
    const body = this.orByTable(
      table,
      (this.methodBodyAlts ??= [
        { ALT: () => this.SUBRULE(this.block) },
        {
          ALT: () => {
            this.CONSUME(Op.Semicolon);
            return null;
          },
        },
      ]),
    );
    if (this.RECORDING_PHASE) return RECORDED;
    let returnType = declaredReturn;
    if (dims.length > 0) {
      if (returnType.kind === 'VoidType') this.report(dims[0] as Span, SyntaxCode.expected, "'(' expected");
      else returnType = this.withDims(returnType, dims);
    }
    return { kind: 'Method' as const, modifiers: mods, returnType, name: this.ident(name), params, throws, body, span: this.spanFrom(this.memberStart(mods, head)) };
  });

  fieldRest = this.RULE('fieldRest', (mods: Modifiers, declaredType: TypeNode, name: IToken, head: IToken): Member => {
    const declarators: VarDeclarator[] = [];
    const first = this.SUBRULE(this.declaratorRest, { ARGS: [declaredType, name] });
    declarators.push(first);
    this.MANY(() => {
      this.CONSUME(Op.Comma);
      const next = this.SUBRULE(this.variableDeclarator, { ARGS: [declaredType] });
      declarators.push(next);
    });
    this.CONSUME(Op.Semicolon);
    return this.RECORDING_PHASE ? RECORDED : { kind: 'Field' as const, modifiers: mods, declaredType, declarators, span: this.spanFrom(this.memberStart(mods, head)) };
  });

  throwsClause = this.RULE('throwsClause', (): ClassTypeNode[] => {
    if (this.RECORDING_PHASE) {
      this.OPTION(() => {
        this.CONSUME(Kw.throws);
        this.SUBRULE(this.classTypeList);
      });
      return RECORDED;
    }
    // The OPTION's lookahead is `throws`, tested here without it (see ExpressionRules.assignmentRest).
    if (!this.at(Kw.throws)) return [];
    this.CONSUME(Kw.throws);
    return this.SUBRULE(this.classTypeList);
  });

  formalParameters = this.RULE('formalParameters', (): Param[] => {
    const params: Param[] = [];
    this.CONSUME(Op.LParen);
    // As `arguments` does (see ExpressionRules.arguments).
    const starts = this.RECORDING_PHASE ? undefined : (this.parameterStarts ??= this.optionalStarts('formalParameters', 'Option', 0));
    if (starts === undefined) this.OPTION(() => this.parameterList(params));
    else if (this.nextIn(starts)) this.parameterList(params);
    this.CONSUME(Op.RParen);
    return params;
  });

  /** `parameter (, parameter)*` into `params`; the body of formalParameters' OPTION. */
  private parameterList(params: Param[]): void {
    params.push(this.SUBRULE(this.formalParameter));
    if (this.RECORDING_PHASE) {
      this.MANY(() => {
        this.CONSUME(Op.Comma);
        this.SUBRULE2(this.formalParameter);
      });
      return;
    }
    while (this.at(Op.Comma)) {
      this.CONSUME(Op.Comma);
      params.push(this.SUBRULE2(this.formalParameter));
    }
  }
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
  parser.tokens = lexed.tokens;
  parser.input = lexed.tokens;
  parser.lexicalErrorOffsets = lexed.diagnostics.map((d) => d.start);
  parser.file = source.path;
  try {
    unit = parser.compilationUnit();
  } catch (e) {
    // A stack overflow on absurdly nested input is the one failure the grammar cannot rule out.
    const deep = e instanceof RangeError;
    const message = deep ? 'code too deeply nested' : `internal parser error: ${e instanceof Error ? e.message : String(e)}`;
    parser.diagnostics.push(diagnosticAt(source.path, { start: 0, end: 0, line: 1, column: 1 }, deep ? SyntaxCode.tooDeeplyNested : SyntaxCode.internalError, message));
  }
  const diagnostics = [...lexed.diagnostics, ...parser.diagnostics].sort((a, b) => a.start - b.start);
  parser.input = [];
  parser.tokens = [];
  return { unit: unit ?? empty, diagnostics };
}
