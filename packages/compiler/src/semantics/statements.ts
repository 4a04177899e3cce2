// Attribution of statements (JLS chapter 14): scopes of local variables, conditions, switch labels,
// break/continue targets, return values, catch clauses and explicit constructor calls. Definite
// assignment, reachability and exception checking come afterwards in flow-analysis.ts.
import { ACC_FINAL } from '@oakvm/classfile';
import type {
  Block,
  CatchClause,
  ExplicitConstructorCall,
  ForEach,
  LocalVar,
  Return,
  Stmt,
  Switch,
  SwitchCase,
  SwitchLabel,
  Try,
  VarDeclarator,
} from '../syntax/ast.js';
import type { BodyContext, JumpTarget } from './body-context.js';
import { simpleName } from './check-context.js';
import { convertConstant } from './constant-folding.js';
import { displayType } from './display.js';
import type { ExpressionChecker } from './expressions.js';
import { dotBefore } from './javac-positions.js';
import { checkModifiers } from './modifiers.js';
import { conversionProblem } from './overload-resolution.js';
import { isAssignable, isSubclassOf, isSubtype } from './type-relations.js';
import { resolveClassType, resolveType } from './type-names.js';
import { isReference, isString, sameType, Types, unaryPromote, type Type } from './types.js';

export class StatementChecker {
  constructor(
    private readonly body: BodyContext,
    private readonly exprs: ExpressionChecker,
  ) {}

  private error(span: Stmt['span'], code: string, message: string): void {
    this.body.error(span, code, message);
  }

  block(b: Block): void {
    this.body.pushScope();
    this.statements(b.statements);
    this.body.popScope();
  }

  private statements(list: readonly Stmt[]): void {
    for (let i = 0; i < list.length; i++) this.stmt(list[i] as Stmt);
  }

  /** A statement that is the body of a loop or if: it gets its own scope. */
  private nested(s: Stmt): void {
    this.body.pushScope();
    this.stmt(s);
    this.body.popScope();
  }

  /** The body of a loop, which `break` and `continue` may leave. */
  private loopBody(loop: JumpTarget, body: Stmt): void {
    this.body.jumpTargets.push(loop);
    this.nested(body);
    this.body.jumpTargets.pop();
  }

  stmt(s: Stmt): void {
    switch (s.kind) {
      case 'Block':
        this.block(s);
        return;
      case 'LocalVar':
        this.localVar(s);
        return;
      case 'ExprStmt':
        this.exprs.check(s.expr);
        return;
      case 'If':
        this.exprs.checkCondition(s.condition);
        this.nested(s.thenStmt);
        if (s.elseStmt !== null) this.nested(s.elseStmt);
        return;
      case 'While':
        this.exprs.checkCondition(s.condition);
        this.loopBody(s, s.body);
        return;
      case 'DoWhile':
        this.loopBody(s, s.body);
        this.exprs.checkCondition(s.condition);
        return;
      case 'For':
        this.body.pushScope();
        this.statements(s.init);
        if (s.condition !== null) this.exprs.checkCondition(s.condition);
        this.statements(s.update);
        this.loopBody(s, s.body);
        this.body.popScope();
        return;
      case 'ForEach':
        this.forEach(s);
        return;
      case 'Labeled': {
        const name = s.label.name;
        if (this.labelInUse(name)) this.error(s.label.span, 'check.label-in-use', `label ${name} already in use`);
        this.body.jumpTargets.push(s);
        this.stmt(s.body);
        this.body.jumpTargets.pop();
        return;
      }
      case 'Break': {
        const target = this.jumpTarget(s.label?.name, false, s.span);
        if (target !== undefined) s.target = target;
        return;
      }
      case 'Continue': {
        const target = this.jumpTarget(s.label?.name, true, s.span);
        if (target !== undefined) s.target = target;
        return;
      }
      case 'Return':
        this.returnStmt(s);
        return;
      case 'Switch':
        this.switchStmt(s);
        return;
      case 'Throw': {
        const type = this.exprs.check(s.expr);
        if (type.kind !== 'error' && !isSubtype(this.body.ctx.env, type, Types.classType('java/lang/Throwable'))) {
          this.error(s.span, 'check.incompatible-types', `incompatible types: ${displayType(type)} cannot be converted to Throwable`);
        }
        return;
      }
      case 'Try':
        this.tryStmt(s);
        return;
      case 'Synchronized': {
        const type = this.exprs.check(s.lock);
        if (type.kind !== 'error' && (!isReference(type) || type.kind === 'null')) {
          this.error(s.span, 'check.unexpected-type', `unexpected type\n  required: reference\n  found:    ${displayType(type)}`);
        }
        this.block(s.body);
        return;
      }
      case 'Empty':
        return;
      case 'ExplicitConstructorCall':
        this.constructorCall(s);
        return;
    }
  }

  private localVar(s: LocalVar): void {
    // `final` is the one modifier a local may have, so it is in the flags whenever it was written.
    const isFinal = (checkModifiers(this.body.ctx.reporter, this.body.file, s.modifiers, 'local', s.declarators[0]?.name.span ?? s.span) & ACC_FINAL) !== 0;
    for (let i = 0; i < s.declarators.length; i++) {
      const d = s.declarators[i] as VarDeclarator;
      const type = resolveType(this.body.ctx, this.body.cls.scope, d.type, this.body.cls.symbol);
      const local = this.body.declareLocal(d.name, type, isFinal, 'local');
      d.local = local;
      if (d.init === null) continue;
      if (isFinal) this.body.markInitializedFinal(local);
      this.exprs.checkAssignableTo(d.init, type);
      const c = d.init.constant;
      if (isFinal && c !== undefined && (type.kind === 'primitive' || isString(type))) {
        const converted = convertConstant(c, type.kind === 'primitive' ? type.name : 'string');
        if (converted !== undefined) local.constantValue = converted;
      }
    }
  }

  private forEach(s: ForEach): void {
    const iterableType = this.exprs.check(s.iterable);
    this.body.pushScope();
    const v = s.variable;
    const isFinal = (checkModifiers(this.body.ctx.reporter, this.body.file, v.modifiers, 'local', v.name.span) & ACC_FINAL) !== 0;
    const type = resolveType(this.body.ctx, this.body.cls.scope, v.type, this.body.cls.symbol);
    v.local = this.body.declareLocal(v.name, type, isFinal, 'foreach');
    if (iterableType.kind !== 'error') {
      if (iterableType.kind !== 'array') {
        this.error(
          s.iterable.span,
          'check.foreach-not-applicable',
          `for-each not applicable to expression type\n  required: array or java.lang.Iterable\n  found:    ${displayType(iterableType)}`,
        );
      } else if (type.kind !== 'error' && !isAssignable(this.body.ctx.env, iterableType.element, type)) {
        this.error(s.iterable.span, 'check.incompatible-types', `incompatible types: ${conversionProblem(iterableType.element, type)}`);
      }
    }
    this.loopBody(s, s.body);
    this.body.popScope();
  }

  private labelInUse(name: string): boolean {
    const targets = this.body.jumpTargets;
    for (let i = 0; i < targets.length; i++) {
      const t = targets[i] as JumpTarget;
      if (t.kind === 'Labeled' && t.label.name === name) return true;
    }
    return false;
  }

  private jumpTarget(label: string | undefined, isContinue: boolean, span: Stmt['span']): Stmt | undefined {
    const targets = this.body.jumpTargets;
    if (label === undefined) {
      for (let i = targets.length - 1; i >= 0; i--) {
        const t = targets[i] as JumpTarget;
        if (t.kind !== 'Labeled' && (t.kind !== 'Switch' || !isContinue)) return t;
      }
      this.error(span, isContinue ? 'check.continue-outside-loop' : 'check.break-outside', isContinue ? 'continue outside of loop' : 'break outside switch or loop');
      return undefined;
    }
    for (let i = targets.length - 1; i >= 0; i--) {
      const t = targets[i] as JumpTarget;
      if (t.kind !== 'Labeled' || t.label.name !== label) continue;
      if (isContinue) {
        const inner = innermostLabeledBody(t.body);
        if (inner.kind !== 'While' && inner.kind !== 'DoWhile' && inner.kind !== 'For' && inner.kind !== 'ForEach') {
          this.error(span, 'check.not-loop-label', `not a loop label: ${label}`);
          return undefined;
        }
      }
      return t;
    }
    this.error(span, 'check.undefined-label', `undefined label: ${label}`);
    return undefined;
  }

  private returnStmt(s: Return): void {
    const kind = this.body.kind;
    if (kind === 'staticInit' || kind === 'instanceInit') {
      this.error(s.span, 'check.return-outside-method', 'return outside method');
      if (s.value !== null) this.exprs.check(s.value);
      return;
    }
    const expected = this.body.returnType;
    if (s.value === null) {
      if (expected.kind !== 'void' && expected.kind !== 'error') {
        this.error(s.span, 'check.missing-return-value', 'incompatible types: missing return value');
      }
      return;
    }
    if (expected.kind === 'void') {
      this.exprs.check(s.value);
      this.error(s.value.span, 'check.unexpected-return-value', 'incompatible types: unexpected return value');
      return;
    }
    this.exprs.checkAssignableTo(s.value, expected);
  }

  private switchStmt(s: Switch): void {
    const selector = this.exprs.check(s.selector);
    let labelType: Type | undefined;
    // javac positions the selector at the '(' of `switch (...)`.
    const at = dotBefore(s.selector.span);
    if (selector.kind === 'class' && (isString(selector) || this.isEnum(selector.name))) {
      this.error(at, 'check.unsupported', `switch on ${isString(selector) ? 'String' : 'an enum'} is not supported in Oak`);
    } else if (selector.kind !== 'error') {
      const promoted = unaryPromote(selector);
      if (selector.kind === 'primitive' && sameType(promoted, Types.int)) labelType = selector;
      else this.error(at, 'check.incompatible-types', `incompatible types: ${conversionProblem(selector, Types.int)}`);
    }
    const seen = new Set<number>();
    let hasDefault = false;
    this.body.pushScope();
    this.body.jumpTargets.push(s);
    for (let g = 0; g < s.cases.length; g++) {
      const group = s.cases[g] as SwitchCase;
      for (let l = 0; l < group.labels.length; l++) {
        const label = group.labels[l] as SwitchLabel;
        if (label.kind === 'Default') {
          if (hasDefault) {
            // javac puts this caret on the label's colon.
            const colon = { ...label.span, start: label.span.end - 1, column: label.span.column + (label.span.end - label.span.start) - 1 };
            this.error(colon, 'check.duplicate-default', 'duplicate default label');
          }
          hasDefault = true;
          continue;
        }
        const type = this.exprs.check(label.value);
        if (type.kind === 'error' || labelType === undefined) continue;
        const c = label.value.constant;
        if (c === undefined) {
          this.error(label.value.span, 'check.constant-required', 'constant expression required');
          continue;
        }
        if (!isAssignable(this.body.ctx.env, type, labelType, c)) {
          this.error(label.value.span, 'check.incompatible-types', `incompatible types: ${conversionProblem(type, labelType)}`);
          continue;
        }
        const value = convertConstant(c, 'int');
        if (value?.kind !== 'int') continue;
        if (seen.has(value.value)) this.error(label.span, 'check.duplicate-case', 'duplicate case label');
        seen.add(value.value);
      }
      this.statements(group.body);
    }
    this.body.jumpTargets.pop();
    this.body.popScope();
  }

  private isEnum(name: string): boolean {
    const cls = this.body.ctx.env.lookup(name);
    return cls !== undefined && (cls.accessFlags & 0x4000) !== 0;
  }

  private tryStmt(s: Try): void {
    this.block(s.block);
    const caught: string[] = [];
    for (let i = 0; i < s.catches.length; i++) this.catchClause(s.catches[i] as CatchClause, caught);
    if (s.finallyBlock !== null) this.block(s.finallyBlock);
  }

  /** Alternatives already reported as related are left out of the catch parameter's type. */
  private catchClause(c: CatchClause, caught: string[]): void {
    const env = this.body.ctx.env;
    const types: string[] = [];
    for (const node of c.types) {
      const t = resolveClassType(this.body.ctx, this.body.cls.scope, node, this.body.cls.symbol);
      if (t.kind !== 'class') continue;
      if (!isSubclassOf(env, t.name, 'java/lang/Throwable')) {
        this.error(node.span, 'check.incompatible-types', `incompatible types: ${simpleName(t.name)} cannot be converted to Throwable`);
        continue;
      }
      const related = types.find((o) => isSubclassOf(env, t.name, o) || isSubclassOf(env, o, t.name));
      if (related !== undefined) {
        const [sub, sup] = isSubclassOf(env, t.name, related) ? [t.name, related] : [related, t.name];
        this.error(
          node.span,
          'check.multicatch-related',
          `Alternatives in a multi-catch statement cannot be related by subclassing\n  Alternative ${simpleName(sub)} is a subclass of alternative ${simpleName(sup)}`,
        );
        continue;
      }
      types.push(t.name);
    }
    caught.push(...types);
    const paramType = types.length === 1 ? Types.classType(types[0] as string) : types.length === 0 ? Types.error : this.lub(types);
    this.body.pushScope();
    const isFinal = types.length > 1 || c.modifiers.items.some((m) => m.name === 'final');
    c.local = this.body.declareLocal(c.name, paramType, isFinal, 'catch');
    this.statements(c.body.statements);
    this.body.popScope();
  }

  /** The nearest common superclass of the alternatives of a multi-catch. */
  private lub(names: readonly string[]): Type {
    const env = this.body.ctx.env;
    let candidate: string | null = names[0] ?? 'java/lang/Throwable';
    const seen = new Set<string>();
    while (candidate !== null && !seen.has(candidate)) {
      seen.add(candidate);
      const c: string = candidate;
      if (names.every((n) => isSubclassOf(env, n, c))) return Types.classType(c);
      candidate = env.lookup(c)?.superName ?? null;
    }
    return Types.classType('java/lang/Throwable');
  }

  private constructorCall(s: ExplicitConstructorCall): void {
    const env = this.body.ctx.env;
    this.body.inConstructorPrologue = true;
    const args = s.args.map((a) => this.exprs.check(a));
    this.body.inConstructorPrologue = false;
    if (this.body.kind !== 'constructor' || this.body.firstStatement !== s) {
      this.error(s.openParen, 'check.ctor-call-position', `call to ${s.call} must be first statement in constructor`);
      return;
    }
    const current = this.body.cls.symbol;
    const targetName = s.call === 'this' ? current.name : current.superName;
    if (targetName === null) return;
    const target = env.lookup(targetName);
    if (target === undefined) return;
    const ctor = this.exprs.resolveConstructor(target, s.args, args, s.span, s.call === 'super');
    if (ctor !== undefined) s.ctor = ctor;
  }
}

function innermostLabeledBody(s: Stmt): Stmt {
  return s.kind === 'Labeled' ? innermostLabeledBody(s.body) : s;
}
