// The Oak checker: declares the classes of all units (supertypes, members, modifiers, inheritance
// rules), attributes every body (names, types, constants, overloads), then runs flow analysis
// (reachability, definite assignment, checked exceptions). See docs in the report of issue 3 for how the
// code generator reads the annotations.
import { ACC_FINAL, ACC_STATIC } from '@oakvm/classfile';
import type { Diagnostic, SourceText } from '../diagnostics.js';
import type { CompilationUnit, ConstructorDecl, FieldDecl, Member, MethodDecl, Modifier, Param, Stmt } from '../syntax/ast.js';
import { BodyContext, type BodyKind, type CheckerServices } from './body-context.js';
import { classPosition, Reporter, type CheckContext } from './check-context.js';
import {
  declareMembers,
  enterClasses,
  resolveSupertypes,
  type SourceClass,
  type SourceField,
} from './class-declarations.js';
import type { ClassEnvironment } from './class-environment.js';
import { checkClassFlow } from './class-flow.js';
import { convertConstant } from './constant-folding.js';
import { ExpressionChecker } from './expressions.js';
import { checkInheritance } from './inheritance-checks.js';
import { MemberLookups } from './member-lookups.js';
import { SourcePositions } from './source-positions.js';
import { StatementChecker } from './statements.js';
import type { ClassSymbol, FieldSymbol, MethodSymbol } from './symbols.js';
import { isString, Types } from './types.js';

export interface CheckOptions {
  /** The texts of the units, so diagnostics at closing braces get their exact line and column. */
  readonly sources?: readonly SourceText[];
}

export interface CheckResult {
  /** The classes compiled from source, each with `decl`, in source order. */
  readonly classes: ClassSymbol[];
  readonly diagnostics: Diagnostic[];
}

export function check(units: readonly CompilationUnit[], env: ClassEnvironment, options: CheckOptions = {}): CheckResult {
  const positions = new SourcePositions(options.sources ?? []);
  const ctx: CheckContext = { env, reporter: new Reporter(), sourceClasses: new Map(), positions };
  const classes = enterClasses(ctx, units);
  resolveSupertypes(ctx, classes);
  const fields = declareMembers(ctx, classes);
  for (const c of classes) checkInheritance(ctx, c);
  const attribution = new Attribution(ctx, fields);
  for (const c of classes) attribution.attributeClass(c);
  // As javac does, flow analysis runs only on attributed programs: its errors would mostly echo earlier ones.
  if (ctx.reporter.diagnostics.length === 0) {
    for (const c of classes) checkClassFlow(ctx, c, positions);
  }
  return { classes: classes.map((c) => c.symbol), diagnostics: ctx.reporter.diagnostics };
}

/** Attributes bodies; also folds field constants on demand, since a constant may use a later field. */
class Attribution implements CheckerServices {
  readonly sourceFields = new Map<FieldSymbol, SourceField>();
  private readonly done = new Set<FieldSymbol>();
  private readonly inProgress = new Set<FieldSymbol>();
  readonly members: MemberLookups;

  constructor(
    readonly ctx: CheckContext,
    fields: readonly SourceField[],
  ) {
    this.members = new MemberLookups(ctx.env);
    for (const f of fields) this.sourceFields.set(f.symbol, f);
  }

  readonly fieldConstant = (field: FieldSymbol): void => {
    const source = this.sourceFields.get(field);
    if (source === undefined || this.done.has(field) || this.inProgress.has(field)) return;
    this.attributeField(source);
  };

  private attributeField(f: SourceField): void {
    const { symbol, declarator, owner } = f;
    if (this.done.has(symbol)) return;
    this.done.add(symbol);
    const init = declarator.init;
    if (init === null) return;
    this.inProgress.add(symbol);
    const isStatic = (symbol.accessFlags & ACC_STATIC) !== 0;
    const body = new BodyContext(this, owner, isStatic ? 'staticField' : 'instanceField', undefined, Types.void, isStatic);
    const exprs = new ExpressionChecker(body);
    exprs.initializerStart = declarator.span.start;
    exprs.checkAssignableTo(init, symbol.type);
    this.inProgress.delete(symbol);
    const type = symbol.type;
    if ((symbol.accessFlags & ACC_FINAL) !== 0 && init.constant !== undefined && (type.kind === 'primitive' || isString(type))) {
      const value = convertConstant(init.constant, type.kind === 'primitive' ? type.name : 'string');
      if (value !== undefined) symbol.constantValue = value;
    }
  }

  attributeClass(c: SourceClass): void {
    const members = c.decl.members;
    let constructors = 0;
    for (let i = 0; i < members.length; i++) {
      const member = members[i] as Member;
      if (member.kind === 'Field') this.attributeFieldDecl(member);
      else {
        if (member.kind === 'Constructor') constructors++;
        this.attributeMethod(c, member);
      }
    }
    if (!c.decl.isInterface && constructors === 0) {
      const exprs = new ExpressionChecker(new BodyContext(this, c, 'constructor', undefined, Types.void, false));
      this.checkImplicitSuper(c, undefined, exprs);
    }
    if (constructors > 0) checkRecursiveConstructors(this.ctx, c);
  }

  private attributeFieldDecl(decl: FieldDecl): void {
    for (const d of decl.declarators) {
      if (d.symbol === undefined) continue;
      const source = this.sourceFields.get(d.symbol);
      if (source !== undefined) this.attributeField(source);
    }
  }

  private attributeMethod(c: SourceClass, decl: MethodDecl): void {
    const method = decl.symbol;
    if (method === undefined) return;
    let kind: BodyKind;
    if (decl.kind === 'Initializer') kind = decl.isStatic ? 'staticInit' : 'instanceInit';
    else kind = decl.kind === 'Constructor' ? 'constructor' : 'method';
    const isStatic = (method.accessFlags & ACC_STATIC) !== 0;
    const body = new BodyContext(this, c, kind, decl.kind === 'Initializer' ? undefined : method, method.returnType, isStatic);
    const exprs = new ExpressionChecker(body);
    if (decl.kind === 'Initializer') exprs.initializerStart = decl.span.start;
    const statements = new StatementChecker(body, exprs);
    if (decl.kind !== 'Initializer') declareParams(body, decl.params);
    if (decl.kind === 'Constructor') body.firstStatement = decl.body.statements[0];
    if (decl.body !== null) statements.block(decl.body);
    decl.localCount = body.localCount;
    if (decl.kind === 'Constructor') this.checkImplicitSuper(c, decl, exprs);
  }

  /**
   * A constructor without this(...)/super(...) calls the superclass's no-argument constructor (JLS 8.8.7).
   * `exprs` checks the constructor's body, or the default constructor's.
   */
  private checkImplicitSuper(c: SourceClass, decl: ConstructorDecl | undefined, exprs: ExpressionChecker): void {
    const superName = c.symbol.superName;
    if (superName === null) return;
    // javac inserts no super() into a constructor with a this(...)/super(...) anywhere (a misplaced one is an error of its own).
    if (decl !== undefined && hasConstructorCall(decl.body.statements)) return;
    const sup = this.ctx.env.lookup(superName);
    if (sup === undefined) return;
    exprs.resolveConstructor(sup, [], [], decl === undefined ? classPosition(this.ctx, c.scope.file, c.decl) : decl.body.span, true);
  }
}

function declareParams(body: BodyContext, params: readonly Param[]): void {
  for (let i = 0; i < params.length; i++) {
    const p = params[i] as Param;
    const type = p.type.type ?? Types.error;
    p.local = body.declareLocal(p.name, type, hasFinal(p.modifiers.items), 'param');
  }
}

function hasConstructorCall(statements: readonly Stmt[]): boolean {
  for (let i = 0; i < statements.length; i++) if ((statements[i] as Stmt).kind === 'ExplicitConstructorCall') return true;
  return false;
}

function hasFinal(modifiers: readonly Modifier[]): boolean {
  for (let i = 0; i < modifiers.length; i++) if ((modifiers[i] as Modifier).name === 'final') return true;
  return false;
}

/** javac's "recursive constructor invocation": a cycle of this(...) calls. */
function checkRecursiveConstructors(ctx: CheckContext, c: SourceClass): void {
  const next = new Map<MethodSymbol, MethodSymbol>();
  for (const m of c.decl.members) {
    if (m.kind !== 'Constructor' || m.symbol === undefined) continue;
    const first = m.body.statements[0];
    if (first?.kind === 'ExplicitConstructorCall' && first.call === 'this' && first.ctor !== undefined) next.set(m.symbol, first.ctor);
  }
  const reported = new Set<MethodSymbol>();
  for (const start of next.keys()) {
    const seen = new Set<MethodSymbol>();
    let at: MethodSymbol | undefined = start;
    while (at !== undefined && !seen.has(at)) {
      seen.add(at);
      at = next.get(at);
    }
    if (at === start && !reported.has(start)) {
      for (const m of seen) reported.add(m);
      // javac's caret: the declaration of a constructor that calls itself, else the first call of the cycle.
      const decl = start.decl;
      if (decl?.kind === 'Constructor') {
        const call = decl.body.statements[0];
        const span = next.get(start) === start || call === undefined ? decl.name.span : call.span;
        ctx.reporter.error(c.scope.file, span, 'check.recursive-constructor', 'recursive constructor invocation');
      }
    }
  }
}
