// Attribution of expressions (JLS chapter 15): every expression gets its `type`, constant expressions
// their folded `constant`, names and field accesses their `binding`, calls their `method`, `invoke` and
// `qualifyingClass`, operators their `opType`. Errors are reported once and the expression then has the
// error type, which every later check accepts silently.
import { ACC_ABSTRACT, ACC_FINAL, ACC_PRIVATE, ACC_PROTECTED, ACC_PUBLIC } from '@oakvm/classfile';
import type {
  ArrayLiteral,
  Assign,
  Binary,
  Cast,
  Conditional,
  Expr,
  FieldAccess,
  IncDec,
  InstanceOf,
  Literal,
  MethodCall,
  Name,
  New,
  NewArray,
  Span,
  Super,
  Unary,
} from '../syntax/ast.js';
import type { BodyContext } from './body-context.js';
import { simpleName } from './check-context.js';
import { locationOf } from './class-declarations.js';
import { isInterface } from './class-environment.js';
import { convertConstant, foldBinary, foldUnary } from './constant-folding.js';
import { displayMethod, displayType, displayTypes } from './display.js';
import { isClassAccessible, isMemberAccessible, isStatic } from './members.js';
import { boxingHint, conversionProblem, inapplicableMessage, selectMethod } from './overload-resolution.js';
import type { ClassSymbol, ConstantValue, FieldSymbol, LocalSymbol, MethodSymbol } from './symbols.js';
import { dotBefore, exprPosition } from './javac-positions.js';
import { isAssignable, isCastable, isInvocationConvertible, isSubtype } from './type-relations.js';
import { lookupSimpleClassName, resolveClassType, resolveType } from './type-names.js';
import {
  binaryPromote,
  isBoolean,
  isIntegral,
  isNumeric,
  isReference,
  isString,
  sameType,
  Types,
  unaryPromote,
  type Type,
} from './types.js';

/** What a name or qualifier denotes before it is used (JLS 6.5.2). */
type Meaning =
  | { readonly kind: 'value'; readonly type: Type }
  | { readonly kind: 'class'; readonly cls: ClassSymbol }
  | { readonly kind: 'package'; readonly name: string }
  | { readonly kind: 'error' };

export class ExpressionChecker {
  constructor(readonly body: BodyContext) {}

  private get env() {
    return this.body.ctx.env;
  }

  private get current(): ClassSymbol {
    return this.body.cls.symbol;
  }

  private error(span: Span, code: string, message: string): void {
    this.body.error(span, code, message);
  }

  /** Attributes an expression used as a value. */
  check(e: Expr): Type {
    // Only names can mean something other than a value; the rest skip meaningOf's record.
    if (e.kind !== 'Name' && e.kind !== 'FieldAccess') return this.value(e);
    if (e.kind === 'Name') {
      // Locals, the commonest names, without meaningOf's record.
      const local = this.body.findLocal(e.name);
      if (local !== undefined) return this.localName(e, local);
    }
    const meaning = this.meaningOf(e);
    switch (meaning.kind) {
      case 'value':
        return meaning.type;
      case 'error':
        e.type = Types.error;
        return Types.error;
      case 'class':
      case 'package': {
        const name = e.kind === 'Name' ? e.name : e.kind === 'FieldAccess' ? e.name.name : '';
        const span = e.kind === 'FieldAccess' ? dotBefore(e.name.span) : e.span;
        this.error(span, 'check.cant-resolve', `cannot find symbol\n  symbol:   variable ${name}\n  location: ${locationOf(this.current)}`);
        e.type = Types.error;
        return Types.error;
      }
    }
  }

  /** Attributes an expression whose value must convert to `target` by assignment conversion (JLS 5.2). */
  checkAssignableTo(e: Expr, target: Type): void {
    if (e.kind === 'ArrayLiteral') {
      this.checkArrayLiteral(e, target);
      return;
    }
    const type = this.check(e);
    this.requireAssignable(e, type, target);
  }

  requireAssignable(e: Expr, type: Type, target: Type): void {
    if (type.kind === 'void') {
      this.error(exprPosition(e), 'check.incompatible-types', `incompatible types: void cannot be converted to ${displayType(target)}`);
      return;
    }
    if (!isAssignable(this.env, type, target, e.constant)) {
      if (e.kind === 'Conditional' && !isPrimitiveConditional(e)) {
        // A reference conditional in assignment context is a poly expression: javac checks each branch.
        for (const branch of [e.whenTrue, e.whenFalse]) {
          const t = branch.type ?? Types.error;
          if (t.kind !== 'error' && !isAssignable(this.env, t, target, branch.constant)) {
            this.error(exprPosition(branch), 'check.incompatible-types', `incompatible types: bad type in conditional expression\n    ${conversionProblem(t, target)}`);
          }
        }
        return;
      }
      this.error(exprPosition(e), 'check.incompatible-types', `incompatible types: ${conversionProblem(type, target)}`);
    }
  }

  /** Attributes a condition: it must be boolean. */
  checkCondition(e: Expr): void {
    const type = this.check(e);
    if (type.kind !== 'error' && !isBoolean(type)) {
      this.error(exprPosition(e), 'check.incompatible-types', `incompatible types: ${displayType(type)} cannot be converted to boolean`);
    }
  }

  /** A dimension or index expression: promoted to int, so long, float, double and boolean are rejected. */
  private checkIndex(e: Expr): void {
    const type = this.check(e);
    if (type.kind === 'error') return;
    const promoted = unaryPromote(type);
    if (!sameType(promoted, Types.int)) {
      this.error(exprPosition(e), 'check.incompatible-types', `incompatible types: ${conversionProblem(type, Types.int)}`);
    }
  }

  private meaningOf(e: Expr): Meaning {
    switch (e.kind) {
      case 'Name':
        return this.name(e);
      case 'FieldAccess':
        return this.fieldAccess(e);
      default:
        return { kind: 'value', type: this.value(e) };
    }
  }

  private value(e: Exclude<Expr, Name | FieldAccess>): Type {
    let type: Type;
    switch (e.kind) {
      case 'Literal':
        type = this.literal(e);
        break;
      case 'ArrayAccess': {
        const arrayType = this.check(e.array);
        this.checkIndex(e.index);
        if (arrayType.kind === 'array') type = arrayType.element;
        else {
          if (arrayType.kind !== 'error') {
            this.error(exprPosition(e), 'check.array-required', `array required, but ${displayType(arrayType)} found`);
          }
          type = Types.error;
        }
        break;
      }
      case 'MethodCall':
        type = this.methodCall(e);
        break;
      case 'New':
        type = this.newObject(e);
        break;
      case 'NewArray':
        type = this.newArray(e);
        break;
      case 'ArrayLiteral':
        this.error(e.span, 'check.array-initializer-context', 'illegal start of expression');
        for (const element of e.elements) this.check(element);
        type = Types.error;
        break;
      case 'Unary':
        type = this.unary(e);
        break;
      case 'Binary':
        type = this.binary(e);
        break;
      case 'Assign':
        type = this.assign(e);
        break;
      case 'IncDec':
        type = this.incDec(e);
        break;
      case 'Cast':
        type = this.cast(e);
        break;
      case 'InstanceOf':
        type = this.instanceOf(e);
        break;
      case 'Conditional':
        type = this.conditional(e);
        break;
      case 'This':
        if (this.body.isStatic) {
          this.error(e.span, 'check.static-context', 'non-static variable this cannot be referenced from a static context');
          type = Types.error;
        } else if (this.body.inConstructorPrologue) {
          this.error(e.span, 'check.before-super', 'cannot reference this before supertype constructor has been called');
          type = Types.error;
        } else {
          type = Types.classType(this.current.name);
        }
        break;
    }
    e.type = type;
    return type;
  }

  private literal(e: Literal): Type {
    const v = e.value;
    switch (v.kind) {
      case 'int': {
        // Exact below 2^53, which every int literal is; BigInt.asIntN would allocate.
        const n = Number(v.value);
        e.constant = intConstant(Number.isSafeInteger(n) ? n | 0 : Number(BigInt.asIntN(32, v.value)));
        return Types.int;
      }
      case 'long':
        e.constant = { kind: 'long', value: BigInt.asIntN(64, v.value) };
        return Types.long;
      case 'float':
        e.constant = { kind: 'float', value: Math.fround(v.value) };
        return Types.float;
      case 'double':
        e.constant = { kind: 'double', value: v.value };
        return Types.double;
      case 'char':
        e.constant = { kind: 'char', value: v.value & 0xffff };
        return Types.char;
      case 'string':
        e.constant = { kind: 'string', value: v.value };
        return Types.string;
      case 'boolean':
        e.constant = { kind: 'boolean', value: v.value };
        return Types.boolean;
      case 'null':
        return Types.null;
    }
  }

  // ---- names and field access

  /** Binds a name to the local it denotes; its type. */
  private localName(e: Name, local: LocalSymbol): Type {
    e.binding = this.body.localBinding(local);
    e.type = local.type;
    if (local.constantValue !== undefined && this.assigning !== e) e.constant = local.constantValue;
    return local.type;
  }

  private name(e: Name): Meaning {
    const local = this.body.findLocal(e.name);
    if (local !== undefined) return { kind: 'value', type: this.localName(e, local) };
    const field = this.body.services.members.fieldOf(this.current, e.name);
    if (field !== undefined) {
      if (!isMemberAccessible(this.env, field, this.current)) {
        this.accessError(e.span, e.name, field);
        return { kind: 'error' };
      }
      if (!isStatic(field)) {
        if (this.body.isStatic) {
          this.error(e.span, 'check.static-context', `non-static variable ${e.name} cannot be referenced from a static context`);
          return { kind: 'error' };
        }
        if (this.body.inConstructorPrologue) {
          this.error(e.span, 'check.before-super', `cannot reference ${e.name} before supertype constructor has been called`);
          return { kind: 'error' };
        }
      }
      this.checkForwardReference(e, field);
      e.binding = { kind: 'field', field };
      e.qualifyingClass = field.owner.name === 'java/lang/Object' ? field.owner.name : this.current.name;
      e.type = field.type;
      const constant = this.constantOfField(field);
      if (constant !== undefined) e.constant = constant;
      return { kind: 'value', type: field.type };
    }
    const cls = this.classNamed(e.name);
    if (cls !== undefined) {
      e.binding = { kind: 'class', cls };
      return { kind: 'class', cls };
    }
    e.binding = { kind: 'package', name: e.name };
    return { kind: 'package', name: e.name };
  }

  /**
   * JLS 8.3.3: a field initialiser may not read a field of its own class declared later by simple name
   * (javac's "illegal forward reference"); assignments to it are allowed and are checked by the caller.
   */
  private checkForwardReference(e: Name, field: FieldSymbol): void {
    const kind = this.body.kind;
    if (kind !== 'staticField' && kind !== 'instanceField' && kind !== 'staticInit' && kind !== 'instanceInit') return;
    if (field.owner !== this.current || isStatic(field) !== this.body.isStatic || this.assigning === e) return;
    const source = this.body.services.sourceFields.get(field);
    if (source === undefined) return;
    if (this.initializerStart !== undefined && source.declarator.span.start >= this.initializerStart) {
      this.error(e.span, 'check.forward-reference', 'illegal forward reference');
    }
  }

  /** Set by the body checker: where the field initialiser or initialiser block being checked starts. */
  initializerStart: number | undefined;
  private assigning: Expr | undefined;

  private classNamed(name: string): ClassSymbol | undefined {
    const found = lookupSimpleClassName(this.body.ctx, this.body.cls.scope, name);
    return found.kind === 'found' ? found.cls : undefined;
  }

  private constantOfField(field: FieldSymbol): ConstantValue | undefined {
    if ((field.accessFlags & ACC_FINAL) === 0) return undefined;
    this.body.services.fieldConstant(field);
    return field.constantValue;
  }

  private accessError(span: Span, name: string, member: { owner: ClassSymbol; accessFlags: number }): void {
    const owner = simpleName(member.owner.name);
    if ((member.accessFlags & ACC_PRIVATE) !== 0) {
      this.error(span, 'check.access', `${name} has private access in ${owner}`);
    } else if ((member.accessFlags & ACC_PROTECTED) !== 0) {
      this.error(span, 'check.access', `${name} has protected access in ${owner}`);
    } else {
      this.error(span, 'check.access', `${name} is not public in ${owner}; cannot be accessed from outside package`);
    }
  }

  private fieldAccess(e: FieldAccess): Meaning {
    const name = e.name.name;
    if (e.target.kind === 'Super') {
      const sup = this.superclass(e.target);
      if (sup === undefined) return { kind: 'error' };
      return this.memberField(e, sup, Types.classType(sup.name), false, true);
    }
    const target = this.meaningOf(e.target);
    switch (target.kind) {
      case 'error':
        return { kind: 'error' };
      case 'package': {
        const internal = `${target.name}/${name}`;
        const cls = this.env.lookup(internal);
        if (cls !== undefined) {
          e.binding = { kind: 'class', cls };
          return { kind: 'class', cls };
        }
        e.binding = { kind: 'package', name: internal };
        return { kind: 'package', name: internal };
      }
      case 'class':
        return this.memberField(e, target.cls, Types.classType(target.cls.name), true, false);
      case 'value': {
        const type = target.type;
        if (type.kind === 'error') return { kind: 'error' };
        if (type.kind === 'array') {
          if (name === 'length') {
            e.binding = { kind: 'arrayLength' };
            e.type = Types.int;
            return { kind: 'value', type: Types.int };
          }
          this.error(dotBefore(e.name.span), 'check.cant-resolve', `cannot find symbol\n  symbol:   variable ${name}\n  location: class ${displayType(type)}`);
          return { kind: 'error' };
        }
        if (type.kind !== 'class') {
          this.error(dotBefore(e.name.span), 'check.cant-dereference', `${displayType(type)} cannot be dereferenced`);
          return { kind: 'error' };
        }
        const cls = this.env.lookup(type.name);
        if (cls === undefined) return { kind: 'error' };
        return this.memberField(e, cls, type, false, false);
      }
    }
  }

  private memberField(e: FieldAccess, cls: ClassSymbol, site: Type, staticOnly: boolean, viaSuper: boolean): Meaning {
    const name = e.name.name;
    const field = this.body.services.members.fieldOf(cls, name);
    if (field === undefined) {
      this.error(dotBefore(e.name.span), 'check.cant-resolve', `cannot find symbol\n  symbol:   variable ${name}\n  location: ${locationOf(cls)}`);
      return { kind: 'error' };
    }
    const qualifier = staticOnly || viaSuper || site.kind !== 'class' ? undefined : site.name;
    if (!isMemberAccessible(this.env, field, this.current, qualifier)) {
      this.accessError(dotBefore(e.name.span), name, field);
      return { kind: 'error' };
    }
    if (staticOnly && !isStatic(field)) {
      this.error(dotBefore(e.name.span), 'check.static-context', `non-static variable ${name} cannot be referenced from a static context`);
      return { kind: 'error' };
    }
    e.binding = { kind: 'field', field };
    e.qualifyingClass = field.owner.name === 'java/lang/Object' ? field.owner.name : cls.name;
    e.type = field.type;
    // JLS 15.29: only simple names and TypeName.Identifier denote constant variables.
    if (staticOnly) {
      const constant = this.constantOfField(field);
      if (constant !== undefined) e.constant = constant;
    }
    return { kind: 'value', type: field.type };
  }

  private superclass(node: Super): ClassSymbol | undefined {
    if (this.body.isStatic) {
      this.error(node.span, 'check.static-context', 'non-static variable super cannot be referenced from a static context');
      return undefined;
    }
    if (this.body.inConstructorPrologue) {
      this.error(node.span, 'check.before-super', 'cannot reference super before supertype constructor has been called');
      return undefined;
    }
    const superName = this.current.superName;
    if (superName === null || this.body.cls.decl.isInterface) {
      this.error(node.span, 'check.cant-resolve', 'cannot find symbol\n  symbol: variable super');
      return undefined;
    }
    return this.env.lookup(superName);
  }

  // ---- calls and instance creation

  /** The arguments' types; a void argument is reported and counts as the error type. */
  private checkArgs(args: readonly Expr[]): Type[] {
    const types: Type[] = [];
    for (let i = 0; i < args.length; i++) {
      const a = args[i] as Expr;
      let t = this.check(a);
      if (t.kind === 'void') {
        this.error(exprPosition(a), 'check.void-not-allowed', "'void' type not allowed here");
        t = Types.error;
      }
      types.push(t);
    }
    return types;
  }

  private methodCall(e: MethodCall): Type {
    const name = e.name.name;
    let cls: ClassSymbol | undefined;
    let site: Type | undefined;
    let staticOnly = false;
    let viaSuper = false;
    if (e.target === null) {
      cls = this.current;
    } else if (e.target.kind === 'Super') {
      cls = this.superclass(e.target);
      viaSuper = true;
    } else {
      const target = this.meaningOf(e.target);
      switch (target.kind) {
        case 'error':
          break;
        case 'package':
          this.error(e.target.span, 'check.package-missing', `package ${target.name.replace(/\//g, '.')} does not exist`);
          break;
        case 'class':
          cls = target.cls;
          staticOnly = true;
          break;
        case 'value':
          site = target.type;
          if (site.kind === 'class') cls = this.env.lookup(site.name);
          else if (site.kind === 'array') cls = this.env.lookup('java/lang/Object');
          else if (site.kind !== 'error') {
            this.error(dotBefore(e.name.span), 'check.cant-dereference', `${displayType(site)} cannot be dereferenced`);
          }
          break;
      }
    }
    const args = this.checkArgs(e.args);
    if (cls === undefined || hasErrorType(args)) return Types.error;
    const at = e.target === null ? e.name.span : dotBefore(e.name.span);
    const candidates = this.body.services.members.methodsOf(cls, name);
    const qualifier = staticOnly || viaSuper || site?.kind !== 'class' ? undefined : site.name;
    const isArrayCloneCall = site?.kind === 'array' && name === 'clone' && args.length === 0;
    const accessible = isArrayCloneCall ? candidates : this.accessibleMethods(candidates, qualifier);
    const resolution = this.selectAccessible(candidates, accessible, args, at);
    if (resolution === undefined) return Types.error;
    switch (resolution.kind) {
      case 'none':
        this.error(
          at,
          'check.cant-resolve',
          `cannot find symbol\n  symbol:   method ${name}(${displayTypes(args)})\n  location: ${site?.kind === 'array' ? `class ${displayType(site)}` : locationOf(cls)}`,
        );
        return Types.error;
      case 'inapplicable':
        this.reportInapplicable(resolution.candidates, e.args, args, name, at, false);
        return Types.error;
      case 'ambiguous':
        this.error(
          at,
          'check.ambiguous',
          `reference to ${name} is ambiguous\n  both method ${displayMethod(resolution.first)} in ${simpleName(resolution.first.owner.name)} and method ${displayMethod(resolution.second)} in ${simpleName(resolution.second.owner.name)} match`,
        );
        return Types.error;
      case 'found':
        break;
    }
    const method = resolution.method;
    const isArrayClone = isArrayCloneCall;
    const methodIsStatic = isStatic(method);
    if (!methodIsStatic) {
      if (staticOnly || (e.target === null && this.body.isStatic)) {
        this.error(at, 'check.static-context', `non-static method ${displayMethod(method)} cannot be referenced from a static context`);
        return Types.error;
      }
      if (e.target === null && this.body.inConstructorPrologue) {
        this.error(at, 'check.before-super', `cannot reference ${name} before supertype constructor has been called`);
        return Types.error;
      }
    }
    if (viaSuper && (method.accessFlags & ACC_ABSTRACT) !== 0) {
      this.error(at, 'check.abstract-super-call', `abstract method ${displayMethod(method)} in ${simpleName(method.owner.name)} cannot be accessed directly`);
      return Types.error;
    }
    // An array's clone() is public and throws nothing (JLS 10.7), unlike Object's.
    e.method = isArrayClone ? { ...method, accessFlags: ACC_PUBLIC, thrown: [] } : method;
    const qualifying = isArrayClone && site !== undefined ? arrayDescriptor(site) : method.owner.name === 'java/lang/Object' ? method.owner.name : cls.name;
    e.qualifyingClass = qualifying;
    if (methodIsStatic) e.invoke = 'static';
    else if (viaSuper || (method.accessFlags & ACC_PRIVATE) !== 0) e.invoke = 'special';
    else if (method.owner.name !== 'java/lang/Object' && isInterface(cls)) e.invoke = 'interface';
    else e.invoke = 'virtual';
    // Java 5+: clone() on an array returns the array type (the code generator adds the checkcast).
    return isArrayClone && site !== undefined ? site : method.returnType;
  }

  /** Resolves a constructor of `cls` for `new` or this(...)/super(...); reports and returns undefined on failure. */
  resolveConstructor(
    cls: ClassSymbol,
    argExprs: readonly Expr[],
    args: readonly Type[],
    span: Span,
    viaSuperCall: boolean,
  ): MethodSymbol | undefined {
    if (hasErrorType(args)) return undefined;
    const candidates = this.body.services.members.methodsOf(cls, '<init>');
    // A protected constructor is usable through super(...) from a subclass, never through `new` elsewhere.
    const usable = this.accessibleMethods(candidates, viaSuperCall || cls.name === this.current.name ? undefined : '');
    const resolution = this.selectAccessible(candidates, usable, args, span);
    if (resolution === undefined) return undefined;
    const name = simpleName(cls.name);
    switch (resolution.kind) {
      case 'none':
      case 'inapplicable':
        this.reportInapplicable(resolution.kind === 'inapplicable' ? resolution.candidates : candidates, argExprs, args, name, span, true);
        return undefined;
      case 'ambiguous':
        this.error(
          span,
          'check.ambiguous',
          `reference to ${name} is ambiguous\n  both constructor ${displayMethod(resolution.first)} in ${name} and constructor ${displayMethod(resolution.second)} in ${name} match`,
        );
        return undefined;
      case 'found':
        return resolution.method;
    }
  }

  /** The candidates accessible from the current class through `qualifier` (see isMemberAccessible); the array itself when all are. */
  private accessibleMethods(candidates: readonly MethodSymbol[], qualifier: string | undefined): readonly MethodSymbol[] {
    for (let i = 0; i < candidates.length; i++) {
      if (!isMemberAccessible(this.env, candidates[i] as MethodSymbol, this.current, qualifier)) {
        return candidates.filter((m) => isMemberAccessible(this.env, m, this.current, qualifier));
      }
    }
    return candidates;
  }

  /**
   * Overload resolution among the accessible candidates (JLS 15.12.2.1). When there are only inaccessible
   * ones and one of them applies, the error is javac's "m() has private access in C"; undefined then.
   */
  private selectAccessible(
    all: readonly MethodSymbol[],
    accessible: readonly MethodSymbol[],
    args: readonly Type[],
    at: Span,
  ): ReturnType<typeof selectMethod> | undefined {
    if (accessible.length > 0 || all.length === 0) return selectMethod(this.env, accessible, args);
    const hidden = selectMethod(this.env, all, args);
    if (hidden.kind === 'found') {
      this.accessError(at, displayMethod(hidden.method), hidden.method);
      return undefined;
    }
    return hidden;
  }

  /**
   * javac's compact form: with a single candidate of the right arity, the error is the first argument's
   * "incompatible types"; otherwise the full "cannot be applied" / "no suitable method" explanation.
   */
  private reportInapplicable(
    candidates: readonly MethodSymbol[],
    argExprs: readonly Expr[],
    args: readonly Type[],
    name: string,
    span: Span,
    isConstructor: boolean,
  ): void {
    const only = candidates.length === 1 ? candidates[0] : undefined;
    if (only !== undefined && only.params.length === args.length) {
      const i = args.findIndex((a, k) => !isInvocationConvertible(this.env, a, only.params[k] ?? a));
      const arg = argExprs[i];
      const param = only.params[i];
      if (arg !== undefined && param !== undefined) {
        this.error(arg.span, 'check.incompatible-types', `incompatible types: ${conversionProblem(args[i] ?? param, param)}`);
        return;
      }
    }
    this.error(span, 'check.inapplicable', inapplicableMessage(this.env, candidates, name, args, isConstructor));
  }

  private newObject(e: New): Type {
    const type = resolveClassType(this.body.ctx, this.body.cls.scope, e.classType, this.current);
    const args = this.checkArgs(e.args);
    if (type.kind !== 'class') return Types.error;
    const cls = this.env.lookup(type.name);
    if (cls === undefined) return Types.error;
    if (!isClassAccessible(cls, this.current.packageName ?? '')) {
      this.error(e.classType.span, 'check.access', `${simpleName(cls.name)} is not public in ${cls.name.slice(0, cls.name.lastIndexOf('/')).replace(/\//g, '.')}; cannot be accessed from outside package`);
      return Types.error;
    }
    if ((cls.accessFlags & ACC_ABSTRACT) !== 0) {
      this.error(e.span, 'check.abstract-instantiation', `${simpleName(cls.name)} is abstract; cannot be instantiated`);
      return Types.error;
    }
    const ctor = this.resolveConstructor(cls, e.args, args, e.span, false);
    if (ctor === undefined) return Types.error;
    e.ctor = ctor;
    return type;
  }

  private newArray(e: NewArray): Type {
    let type = resolveType(this.body.ctx, this.body.cls.scope, e.elementType, this.current);
    for (const d of e.dimensions) this.checkIndex(d);
    if (type.kind === 'error') {
      if (e.initializer !== null) for (const el of e.initializer.elements) this.check(el);
      return Types.error;
    }
    for (let i = 0; i < e.dimensions.length + e.extraDimensions; i++) type = Types.arrayOf(type);
    if (e.initializer !== null) this.checkArrayLiteral(e.initializer, type);
    return type;
  }

  /** `{ a, b }` creating an array of type `target` (JLS 10.6). */
  checkArrayLiteral(e: ArrayLiteral, target: Type): void {
    if (target.kind !== 'array') {
      if (target.kind !== 'error') this.error(e.span, 'check.illegal-initializer', `illegal initializer for ${displayType(target)}`);
      for (const el of e.elements) if (el.kind !== 'ArrayLiteral') this.check(el);
      e.type = Types.error;
      return;
    }
    e.type = target;
    for (const el of e.elements) this.checkAssignableTo(el, target.element);
  }

  // ---- operators

  private unary(e: Unary): Type {
    const type = this.check(e.operand);
    if (type.kind === 'error') return Types.error;
    let opType: Type | undefined;
    switch (e.operator) {
      case '+':
      case '-':
        if (isNumeric(type)) opType = unaryPromote(type);
        break;
      case '~':
        if (isIntegral(type)) opType = unaryPromote(type);
        break;
      case '!':
        if (isBoolean(type)) opType = Types.boolean;
        break;
    }
    if (opType === undefined) {
      this.error(e.span, 'check.bad-operand', `bad operand type ${displayType(type)} for unary operator '${e.operator}'`);
      return Types.error;
    }
    e.opType = opType;
    if (e.operand.constant !== undefined) {
      const folded = foldUnary(e.operator, e.operand.constant, opType);
      if (folded !== undefined) e.constant = folded;
    }
    return opType;
  }

  /** The operation type of `left op right`, or undefined when the operand types do not fit the operator. */
  private binaryOpType(op: Binary['operator'], left: Type, right: Type): OperationTypes | undefined {
    switch (op) {
      case '+':
        if (isString(left) || isString(right)) {
          if (left.kind === 'void' || right.kind === 'void') return undefined;
          return concatenation;
        }
        if (isNumeric(left) && isNumeric(right)) return arithmetic(binaryPromote(left, right));
        return undefined;
      case '-':
      case '*':
      case '/':
      case '%':
        return isNumeric(left) && isNumeric(right) ? arithmetic(binaryPromote(left, right)) : undefined;
      case '<<':
      case '>>':
      case '>>>':
        if (!isIntegral(left) || !isIntegral(right)) return undefined;
        return arithmetic(unaryPromote(left));
      case '<':
      case '>':
      case '<=':
      case '>=':
        return isNumeric(left) && isNumeric(right) ? comparison(binaryPromote(left, right)) : undefined;
      case '==':
      case '!=':
        if (isNumeric(left) && isNumeric(right)) return comparison(binaryPromote(left, right));
        if (isBoolean(left) && isBoolean(right)) return logical;
        if (isReference(left) && isReference(right)) {
          const comparable = left.kind === 'null' || right.kind === 'null' || isCastable(this.env, left, right);
          return comparable ? referenceComparison : undefined;
        }
        return undefined;
      case '&':
      case '|':
      case '^':
        if (isBoolean(left) && isBoolean(right)) return logical;
        return isIntegral(left) && isIntegral(right) ? arithmetic(binaryPromote(left, right)) : undefined;
      case '&&':
      case '||':
        return isBoolean(left) && isBoolean(right) ? logical : undefined;
    }
  }

  /**
   * Left spines of the binary expressions being attributed, nested ones above outer ones. The first
   * `spineTop` entries are in use; the array is never shortened, which would give up its storage.
   */
  private readonly spine: Binary[] = [];
  private spineTop = 0;

  private binary(e: Binary): Type {
    if (e.left.kind !== 'Binary') {
      const type = this.binaryStep(e, this.check(e.left));
      e.type = type;
      return type;
    }
    // Long chains such as a + b + c + ... nest to the left: walk that spine in a loop so the JavaScript
    // stack does not grow with the length of the chain.
    const spine = this.spine;
    const base = this.spineTop;
    let top = base;
    let bottom: Expr = e;
    while (bottom.kind === 'Binary') {
      spine[top++] = bottom;
      bottom = bottom.left;
    }
    this.spineTop = top;
    let type = this.check(bottom);
    for (let i = top - 1; i >= base; i--) {
      const b = spine[i] as Binary;
      type = this.binaryStep(b, type);
      b.type = type;
    }
    this.spineTop = base;
    return type;
  }

  private binaryStep(e: Binary, left: Type): Type {
    const right = this.check(e.right);
    if (left.kind === 'error' || right.kind === 'error') return Types.error;
    const op = this.binaryOpType(e.operator, left, right);
    if (op === undefined) {
      if ((e.operator === '==' || e.operator === '!=') && isReference(left) && isReference(right)) {
        this.error(e.operatorSpan, 'check.incomparable', `incomparable types: ${displayType(left)} and ${displayType(right)}`);
      } else if (left.kind === 'void' || right.kind === 'void') {
        this.error(exprPosition(left.kind === 'void' ? e.left : e.right), 'check.void-not-allowed', "'void' type not allowed here");
      } else {
        this.error(
          e.operatorSpan,
          'check.bad-operand',
          `bad operand types for binary operator '${e.operator}'\n  first type:  ${displayType(left)}\n  second type: ${displayType(right)}`,
        );
      }
      return Types.error;
    }
    e.opType = op.opType;
    if (e.left.constant !== undefined && e.right.constant !== undefined) {
      const folded = foldBinary(e.operator, e.left.constant, e.right.constant, op.opType);
      if (folded !== undefined) e.constant = folded;
    }
    return op.result;
  }

  /** Checks that `target` is a variable; returns its type, or undefined after reporting. */
  private variableType(target: Expr): Type | undefined {
    this.assigning = target;
    const type = this.check(target);
    this.assigning = undefined;
    if (type.kind === 'error') return undefined;
    const isVariable =
      (target.kind === 'Name' && (target.binding?.kind === 'local' || target.binding?.kind === 'field')) ||
      (target.kind === 'FieldAccess' && (target.binding?.kind === 'field' || target.binding?.kind === 'arrayLength')) ||
      target.kind === 'ArrayAccess';
    if (!isVariable) {
      this.error(exprPosition(target), 'check.not-variable', 'unexpected type\n  required: variable\n  found:    value');
      return undefined;
    }
    if (target.kind === 'FieldAccess' && target.binding?.kind === 'arrayLength') {
      this.error(dotBefore(target.name.span), 'check.final-assign', 'cannot assign a value to final variable length');
      return undefined;
    }
    if (target.kind === 'Name' && target.binding?.kind === 'local') target.binding.local.reassigned = true;
    this.checkFinalAssignment(target);
    // A constant variable read is folded, but as an assignment target it is a variable.
    if (target.constant !== undefined) delete target.constant;
    return type;
  }

  /**
   * Attr's part of the final-variable rules: a final field may be assigned only in an initialiser or
   * constructor of its class through its simple name or `this.name`; a final local with an initialiser
   * and a final parameter never. Blank final locals and fields get the flow rules (definite unassignment).
   */
  private checkFinalAssignment(target: Expr): void {
    const binding = target.kind === 'Name' || target.kind === 'FieldAccess' ? target.binding : undefined;
    if (binding?.kind === 'local') {
      const local = binding.local;
      if (!local.isFinal) return;
      // Final parameters and blank finals are flow analysis's business (JLS 16), as in javac.
      if (this.body.isInitializedFinal(local)) {
        this.error(target.span, 'check.final-assign', `cannot assign a value to final variable ${local.name}`);
      }
      return;
    }
    if (binding?.kind !== 'field') return;
    const field = binding.field;
    if ((field.accessFlags & ACC_FINAL) === 0) return;
    const span = target.kind === 'FieldAccess' ? dotBefore(target.name.span) : target.span;
    const viaSimpleName = target.kind === 'Name' || (target.kind === 'FieldAccess' && target.target.kind === 'This');
    const kind = this.body.kind;
    const inInitializer = isStatic(field)
      ? kind === 'staticInit' || kind === 'staticField'
      : kind === 'constructor' || kind === 'instanceInit' || kind === 'instanceField';
    const source = this.body.services.sourceFields.get(field);
    if (field.owner !== this.current || !viaSimpleName || !inInitializer || source === undefined || source.declarator.init !== null) {
      this.error(span, 'check.final-assign', `cannot assign a value to final variable ${field.name}`);
    }
  }

  private assign(e: Assign): Type {
    const targetType = this.variableType(e.target);
    if (e.operator === '=') {
      if (targetType === undefined) {
        if (e.value.kind !== 'ArrayLiteral') this.check(e.value);
        return Types.error;
      }
      this.checkAssignableTo(e.value, targetType);
      return targetType;
    }
    const valueType = this.check(e.value);
    if (targetType === undefined || valueType.kind === 'error') return Types.error;
    const operator = e.operator.slice(0, -1) as Binary['operator'];
    const op = this.binaryOpType(operator, targetType, valueType);
    // JLS 15.26.2: `s += x` needs a String target; otherwise the result is cast back to the target type.
    const ok = op !== undefined && (!isString(op.opType) || isString(targetType)) && (op.opType.kind !== 'class' || isString(op.opType));
    if (!ok || op === undefined) {
      this.error(
        e.operatorSpan,
        'check.bad-operand',
        `bad operand types for binary operator '${operator}'\n  first type:  ${displayType(targetType)}\n  second type: ${displayType(valueType)}`,
      );
      return Types.error;
    }
    e.opType = op.opType;
    return targetType;
  }

  private incDec(e: IncDec): Type {
    const type = this.variableType(e.operand);
    if (type === undefined) return Types.error;
    if (!isNumeric(type)) {
      this.error(exprPosition(e), 'check.bad-operand', `bad operand type ${displayType(type)} for unary operator '${e.operator}'`);
      return Types.error;
    }
    e.opType = binaryPromote(type, Types.int);
    return type;
  }

  private cast(e: Cast): Type {
    const target = resolveType(this.body.ctx, this.body.cls.scope, e.targetType, this.current);
    const type = this.check(e.expr);
    if (target.kind === 'error' || type.kind === 'error') return Types.error;
    if (!isCastable(this.env, type, target)) {
      this.error(exprPosition(e.expr), 'check.incompatible-types', `incompatible types: ${displayType(type)} cannot be converted to ${displayType(target)}${boxingHint(type, target)}`);
      return Types.error;
    }
    if (e.expr.constant !== undefined && (target.kind === 'primitive' || isString(target))) {
      const converted = convertConstant(e.expr.constant, target.kind === 'primitive' ? target.name : 'string');
      if (converted !== undefined) e.constant = converted;
    }
    return target;
  }

  private instanceOf(e: InstanceOf): Type {
    const type = this.check(e.expr);
    const target = resolveType(this.body.ctx, this.body.cls.scope, e.targetType, this.current);
    if (type.kind === 'error' || target.kind === 'error') return Types.boolean;
    if (!isReference(type)) {
      this.error(e.expr.span, 'check.unexpected-type', `unexpected type\n  required: reference\n  found:    ${displayType(type)}`);
    } else if (!isReference(target)) {
      this.error(e.targetType.span, 'check.unexpected-type', `unexpected type\n  required: reference\n  found:    ${displayType(target)}`);
    } else if (!isCastable(this.env, type, target)) {
      this.error(e.span, 'check.incompatible-types', `incompatible types: ${displayType(type)} cannot be converted to ${displayType(target)}`);
    }
    return Types.boolean;
  }

  private conditional(e: Conditional): Type {
    this.checkCondition(e.condition);
    const a = this.check(e.whenTrue);
    const b = this.check(e.whenFalse);
    if (a.kind === 'error' || b.kind === 'error') return Types.error;
    const type = this.conditionalType(e, a, b);
    if (type === undefined) {
      // javac blames the branch that does not convert to the other's type.
      const [bad, badType, goodType] = a.kind === 'void' ? [e.whenTrue, a, b] : [e.whenFalse, b, a];
      this.error(exprPosition(bad), 'check.incompatible-types', `incompatible types: bad type in conditional expression\n    ${displayType(badType)} cannot be converted to ${displayType(goodType)}`);
      return Types.error;
    }
    const c = e.condition.constant;
    const constantType = type.kind === 'primitive' ? type.name : isString(type) ? 'string' : undefined;
    if (c?.kind === 'boolean' && constantType !== undefined && e.whenTrue.constant !== undefined && e.whenFalse.constant !== undefined) {
      const converted = convertConstant(c.value ? e.whenTrue.constant : e.whenFalse.constant, constantType);
      if (converted !== undefined) e.constant = converted;
    }
    return type;
  }

  /** JLS 15.25 without boxing. */
  private conditionalType(e: Conditional, a: Type, b: Type): Type | undefined {
    if (a.kind === 'void' || b.kind === 'void') return undefined;
    if (sameType(a, b)) return a;
    if (isNumeric(a) && isNumeric(b)) {
      const narrow = (t: Type, other: Expr, otherType: Type): boolean =>
        t.kind === 'primitive' &&
        (t.name === 'byte' || t.name === 'short' || t.name === 'char') &&
        sameType(otherType, Types.int) &&
        other.constant !== undefined &&
        isAssignable(this.env, otherType, t, other.constant);
      if (narrow(a, e.whenFalse, b)) return a;
      if (narrow(b, e.whenTrue, a)) return b;
      if (a.kind === 'primitive' && b.kind === 'primitive') {
        if ((a.name === 'byte' && b.name === 'short') || (a.name === 'short' && b.name === 'byte')) return Types.short;
      }
      return binaryPromote(a, b);
    }
    if (isReference(a) && isReference(b)) {
      if (a.kind === 'null') return b;
      if (b.kind === 'null') return a;
      if (isSubtype(this.env, a, b)) return b;
      if (isSubtype(this.env, b, a)) return a;
      return this.commonSuperclass(a, b);
    }
    return undefined;
  }

  /** The nearest common superclass, a simple stand-in for lub (JLS 4.10.4) without intersection types. */
  private commonSuperclass(a: Type, b: Type): Type {
    if (a.kind !== 'class') return Types.object;
    let name: string | null = a.name;
    const seen = new Set<string>();
    while (name !== null && !seen.has(name)) {
      seen.add(name);
      if (isSubtype(this.env, b, Types.classType(name))) return Types.classType(name);
      name = this.env.lookup(name)?.superName ?? null;
    }
    return Types.object;
  }
}

/** Both branches numeric or both boolean: a standalone conditional (JLS 15.25), not a poly expression. */
function isPrimitiveConditional(e: Conditional): boolean {
  const a = e.whenTrue.type;
  const b = e.whenFalse.type;
  return a !== undefined && b !== undefined && a.kind === 'primitive' && b.kind === 'primitive';
}

/** What a binary operator computes in (`opType`) and yields (`result`). */
interface OperationTypes {
  readonly opType: Type;
  readonly result: Type;
}

// Shared records: a binary operation's types are one of these few, so attribution allocates none.
const concatenation: OperationTypes = { opType: Types.string, result: Types.string };
const logical: OperationTypes = { opType: Types.boolean, result: Types.boolean };
const referenceComparison: OperationTypes = { opType: Types.object, result: Types.boolean };
const arithmeticOf = {
  int: { opType: Types.int, result: Types.int },
  long: { opType: Types.long, result: Types.long },
  float: { opType: Types.float, result: Types.float },
  double: { opType: Types.double, result: Types.double },
} as const;
const comparisonOf = {
  int: { opType: Types.int, result: Types.boolean },
  long: { opType: Types.long, result: Types.boolean },
  float: { opType: Types.float, result: Types.boolean },
  double: { opType: Types.double, result: Types.boolean },
} as const;

/** `t` is a promoted type: int, long, float or double. */
function promotedName(t: Type): keyof typeof arithmeticOf {
  if (t.kind === 'primitive' && (t.name === 'long' || t.name === 'float' || t.name === 'double')) return t.name;
  return 'int';
}

function arithmetic(promoted: Type): OperationTypes {
  return arithmeticOf[promotedName(promoted)];
}

function comparison(promoted: Type): OperationTypes {
  return comparisonOf[promotedName(promoted)];
}

/** Constants are never modified, so each small int (most int literals are small) has one shared record. */
const smallIntConstants: ConstantValue[] = [];
const SMALL_INT_MIN = -128;
const SMALL_INT_MAX = 1023;

function intConstant(value: number): ConstantValue {
  if (value < SMALL_INT_MIN || value > SMALL_INT_MAX) return { kind: 'int', value };
  let constant = smallIntConstants[value - SMALL_INT_MIN];
  if (constant === undefined) {
    constant = { kind: 'int', value };
    smallIntConstants[value - SMALL_INT_MIN] = constant;
  }
  return constant;
}

function hasErrorType(types: readonly Type[]): boolean {
  for (let i = 0; i < types.length; i++) if ((types[i] as Type).kind === 'error') return true;
  return false;
}

function arrayDescriptor(type: Type): string {
  switch (type.kind) {
    case 'array':
      return `[${arrayDescriptor(type.element)}`;
    case 'class':
      return `L${type.name};`;
    case 'primitive':
      return { boolean: 'Z', byte: 'B', short: 'S', char: 'C', int: 'I', long: 'J', float: 'F', double: 'D' }[type.name];
    default:
      return 'Ljava/lang/Object;';
  }
}
