// The state of checking one body (a method, constructor, initialiser block or field initialiser): the
// class it belongs to, whether `this` is available, the local variables in scope, and the statements
// `break` and `continue` can leave.
import type { Binding, Identifier, Span, Stmt } from '../syntax/ast.js';
import type { CheckContext } from './check-context.js';
import type { SourceClass, SourceField } from './class-declarations.js';
import { displayTypes } from './display.js';
import type { MemberLookups } from './member-lookups.js';
import type { FieldSymbol, LocalSymbol, MethodSymbol } from './symbols.js';
import type { Type } from './types.js';

export type BodyKind = 'method' | 'constructor' | 'staticInit' | 'instanceInit' | 'staticField' | 'instanceField';

/** A statement `break` or `continue` can leave: a loop, a switch or a labelled statement. */
export type JumpTarget = Extract<Stmt, { kind: 'While' | 'DoWhile' | 'For' | 'ForEach' | 'Switch' | 'Labeled' }>;

/** Everything the body checker needs from outside: the shared context and the lazily folded field constants. */
export interface CheckerServices {
  readonly ctx: CheckContext;
  /** Computes (once) the constant value of a source field and returns its symbol's constantValue. */
  readonly fieldConstant: (field: FieldSymbol) => void;
  readonly sourceFields: ReadonlyMap<FieldSymbol, SourceField>;
  readonly members: MemberLookups;
}

/** Up to this many locals in scope, a name is found by searching them. */
const SEARCHED_LOCALS = 32;

function indexLocal(byName: Map<string, LocalSymbol[]>, local: LocalSymbol): void {
  const locals = byName.get(local.name);
  if (locals === undefined) byName.set(local.name, [local]);
  else locals.push(local);
}

export class BodyContext {
  /**
   * The locals in scope, innermost last, and where each open scope's locals start. A body has few locals
   * in scope at once, so a backwards search finds a name faster than a map per scope would, and
   * allocates nothing.
   */
  private readonly visible: LocalSymbol[] = [];
  private readonly scopeStarts: number[] = [];
  /**
   * Made once more than SEARCHED_LOCALS locals are in scope (generated code can have thousands), and
   * kept from then on: name -> the locals in scope of that name, innermost last.
   */
  private byName: Map<string, LocalSymbol[]> | undefined;
  private nextIndex = 0;
  /** The binding of each local by index, shared by every name that denotes it. */
  private readonly localBindings: Binding[] = [];
  /** Innermost last. */
  readonly jumpTargets: JumpTarget[] = [];
  /** True while checking the arguments of this(...) / super(...), where `this` is not yet usable. */
  inConstructorPrologue = false;
  /** Final locals declared with an initialiser (made by the first): assigning them is an attribution error, not a flow one. */
  private initializedFinals: Set<LocalSymbol> | undefined;
  /** A constructor's first statement: the one place this(...)/super(...) may appear. */
  firstStatement: Stmt | undefined;

  constructor(
    readonly services: CheckerServices,
    readonly cls: SourceClass,
    readonly kind: BodyKind,
    readonly method: MethodSymbol | undefined,
    readonly returnType: Type,
    /** No `this`: static methods, static initialisers and static field initialisers. */
    readonly isStatic: boolean,
  ) {}

  get ctx(): CheckContext {
    return this.services.ctx;
  }

  get file(): string {
    return this.cls.scope.file;
  }

  get localCount(): number {
    return this.nextIndex;
  }

  error(span: Span, code: string, message: string): void {
    this.ctx.reporter.error(this.file, span, code, message);
  }

  pushScope(): void {
    this.scopeStarts.push(this.visible.length);
  }

  popScope(): void {
    const start = this.scopeStarts.pop();
    if (start === undefined) return;
    const byName = this.byName;
    if (byName !== undefined) {
      for (let i = this.visible.length - 1; i >= start; i--) byName.get((this.visible[i] as LocalSymbol).name)?.pop();
    }
    this.visible.length = start;
  }

  findLocal(name: string): LocalSymbol | undefined {
    if (this.byName !== undefined) {
      const locals = this.byName.get(name);
      return locals === undefined ? undefined : locals[locals.length - 1];
    }
    const visible = this.visible;
    for (let i = visible.length - 1; i >= 0; i--) {
      const local = visible[i] as LocalSymbol;
      if (local.name === name) return local;
    }
    return undefined;
  }

  /** The binding of a name that denotes `local` (one record per local, not per use). */
  localBinding(local: LocalSymbol): Binding {
    let binding = this.localBindings[local.index];
    if (binding === undefined) {
      binding = { kind: 'local', local };
      this.localBindings[local.index] = binding;
    }
    return binding;
  }

  markInitializedFinal(local: LocalSymbol): void {
    (this.initializedFinals ??= new Set()).add(local);
  }

  isInitializedFinal(local: LocalSymbol): boolean {
    return this.initializedFinals?.has(local) === true;
  }

  /** Declares a local in the innermost scope; reports a name already used by a local in scope (JLS 6.4). */
  declareLocal(name: Identifier, type: Type, isFinal: boolean, origin: LocalSymbol['origin']): LocalSymbol {
    if (this.findLocal(name.name) !== undefined) {
      this.error(name.span, 'check.duplicate-variable', `variable ${name.name} is already defined in ${this.describe()}`);
    }
    const local: LocalSymbol = { name: name.name, type, isFinal, index: this.nextIndex++, origin };
    this.visible.push(local);
    if (this.byName !== undefined) indexLocal(this.byName, local);
    else if (this.visible.length > SEARCHED_LOCALS) {
      const byName = new Map<string, LocalSymbol[]>();
      for (let i = 0; i < this.visible.length; i++) indexLocal(byName, this.visible[i] as LocalSymbol);
      this.byName = byName;
    }
    return local;
  }

  /** "method m(int)", "constructor Main()", "class Main" for "already defined in" messages. */
  describe(): string {
    const m = this.method;
    const clsName = this.cls.decl.name.name;
    if (m === undefined || this.kind === 'staticInit' || this.kind === 'instanceInit') return `class ${clsName}`;
    const params = displayTypes(m.params);
    return m.name === '<init>' ? `constructor ${clsName}(${params})` : `method ${m.name}(${params})`;
  }
}
