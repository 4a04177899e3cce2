// The state of checking one body (a method, constructor, initialiser block or field initialiser): the
// class it belongs to, whether `this` is available, the local variables in scope, and the statements
// `break` and `continue` can leave.
import type { Identifier, Span, Stmt } from '../syntax/ast.js';
import type { CheckContext } from './check-context.js';
import type { SourceClass, SourceField } from './class-declarations.js';
import { displayTypes } from './display.js';
import type { MemberLookups } from './member-lookups.js';
import type { FieldSymbol, LocalSymbol, MethodSymbol } from './symbols.js';
import type { Type } from './types.js';

export type BodyKind = 'method' | 'constructor' | 'staticInit' | 'instanceInit' | 'staticField' | 'instanceField';

export interface JumpTarget {
  readonly stmt: Stmt;
  /** The label of a labelled statement; a loop or switch has none of its own. */
  readonly label?: string;
  readonly isLoop: boolean;
  readonly isSwitch: boolean;
}

/** Everything the body checker needs from outside: the shared context and the lazily folded field constants. */
export interface CheckerServices {
  readonly ctx: CheckContext;
  /** Computes (once) the constant value of a source field and returns its symbol's constantValue. */
  readonly fieldConstant: (field: FieldSymbol) => void;
  readonly sourceFields: ReadonlyMap<FieldSymbol, SourceField>;
  readonly members: MemberLookups;
}

export class BodyContext {
  /** Innermost last; a scope's map is made when it declares its first local (most blocks declare none). */
  private readonly scopes: (Map<string, LocalSymbol> | undefined)[] = [undefined];
  private nextIndex = 0;
  readonly jumpTargets: JumpTarget[] = [];
  /** True while checking the arguments of this(...) / super(...), where `this` is not yet usable. */
  inConstructorPrologue = false;
  /** Final locals declared with an initialiser: assigning them is an attribution error, not a flow one. */
  readonly initializedFinals = new Set<LocalSymbol>();
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
    this.scopes.push(undefined);
  }

  popScope(): void {
    this.scopes.pop();
  }

  findLocal(name: string): LocalSymbol | undefined {
    for (let i = this.scopes.length - 1; i >= 0; i--) {
      const found = this.scopes[i]?.get(name);
      if (found !== undefined) return found;
    }
    return undefined;
  }

  /** Declares a local in the innermost scope; reports a name already used by a local in scope (JLS 6.4). */
  declareLocal(name: Identifier, type: Type, isFinal: boolean, origin: LocalSymbol['origin']): LocalSymbol {
    if (this.findLocal(name.name) !== undefined) {
      this.error(name.span, 'check.duplicate-variable', `variable ${name.name} is already defined in ${this.describe()}`);
    }
    const local: LocalSymbol = { name: name.name, type, isFinal, index: this.nextIndex++, origin };
    const top = this.scopes.length - 1;
    let scope = this.scopes[top];
    if (scope === undefined) {
      scope = new Map();
      this.scopes[top] = scope;
    }
    scope.set(name.name, local);
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
