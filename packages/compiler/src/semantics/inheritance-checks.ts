// Class-level rules that need the whole hierarchy (JLS 8.4.8, 8.1.1.1, 9.4.1): overriding (static/instance
// clashes, final methods, return types, weaker access, throws clauses) and abstract methods a concrete
// class leaves unimplemented.
import { ACC_ABSTRACT, ACC_FINAL, ACC_PRIVATE, ACC_PROTECTED, ACC_PUBLIC, ACC_STATIC } from '@oakvm/classfile';
import { classPosition, simpleName, type CheckContext } from './check-context.js';
import type { SourceClass } from './class-declarations.js';
import { isInterface } from './class-environment.js';
import { displayMethod, displayType } from './display.js';
import { isMemberAccessible, sameParams, supertypeClosure } from './members.js';
import type { ClassSymbol, MethodSymbol } from './symbols.js';
import { isSubclassOf, isSubtype } from './type-relations.js';
import { sameType } from './types.js';

function accessRank(flags: number): number {
  if ((flags & ACC_PUBLIC) !== 0) return 3;
  if ((flags & ACC_PROTECTED) !== 0) return 2;
  if ((flags & ACC_PRIVATE) !== 0) return 0;
  return 1;
}

function accessName(flags: number): string {
  if ((flags & ACC_PUBLIC) !== 0) return 'public';
  if ((flags & ACC_PROTECTED) !== 0) return 'protected';
  if ((flags & ACC_PRIVATE) !== 0) return 'private';
  return 'package';
}

function isCheckedException(ctx: CheckContext, name: string): boolean {
  return !isSubclassOf(ctx.env, name, 'java/lang/RuntimeException') && !isSubclassOf(ctx.env, name, 'java/lang/Error');
}

export function checkInheritance(ctx: CheckContext, c: SourceClass): void {
  // Asked once per class, not per method: the supertypes are the same for all of its methods.
  const all = supertypeClosure(ctx.env, c.symbol);
  const methods = c.symbol.methods;
  for (let i = 0; i < methods.length; i++) {
    const method = methods[i] as MethodSymbol;
    if (method.name === '<init>' || (method.accessFlags & ACC_PRIVATE) !== 0 || method.decl === undefined) continue;
    checkOverrides(ctx, c, method, all);
  }
  if (!c.decl.isInterface && (c.symbol.accessFlags & ACC_ABSTRACT) === 0) checkAbstractsImplemented(ctx, c, all);
}

/** `all` is the class's supertype closure, the class itself first (and skipped). */
function checkOverrides(ctx: CheckContext, c: SourceClass, method: MethodSymbol, all: readonly ClassSymbol[]): void {
  for (let s = 1; s < all.length; s++) {
    const supMethods = (all[s] as ClassSymbol).methods;
    for (let i = 0; i < supMethods.length; i++) {
      const other = supMethods[i] as MethodSymbol;
      if (other.name !== method.name || !sameParams(other, method)) continue;
      if ((other.accessFlags & ACC_PRIVATE) !== 0 || !isMemberAccessible(ctx.env, other, c.symbol)) continue;
      const problem = overrideProblem(ctx, method, other);
      if (problem === undefined) continue;
      const verb = isInterface(other.owner) && !isInterface(method.owner) && (other.accessFlags & ACC_ABSTRACT) !== 0 ? 'implement' : 'override';
      const span = method.decl?.kind === 'Method' ? method.decl.name.span : classPosition(ctx, c.scope.file, c.decl);
      ctx.reporter.error(
        c.scope.file,
        span,
        'check.bad-override',
        `${displayMethod(method)} in ${simpleName(method.owner.name)} cannot ${verb} ${displayMethod(other)} in ${simpleName(other.owner.name)}\n  ${problem}`,
      );
      return;
    }
  }
}

function overrideProblem(ctx: CheckContext, method: MethodSymbol, other: MethodSymbol): string | undefined {
  const mStatic = (method.accessFlags & ACC_STATIC) !== 0;
  const oStatic = (other.accessFlags & ACC_STATIC) !== 0;
  if (mStatic && !oStatic) return 'overriding method is static';
  if (!mStatic && oStatic) return 'overridden method is static';
  if ((other.accessFlags & ACC_FINAL) !== 0) return `overridden method is ${mStatic ? 'static final' : 'final'}`;
  if (!sameType(method.returnType, other.returnType) && method.returnType.kind !== 'error' && other.returnType.kind !== 'error') {
    const covariant =
      method.returnType.kind !== 'primitive' &&
      method.returnType.kind !== 'void' &&
      other.returnType.kind !== 'primitive' &&
      isSubtype(ctx.env, method.returnType, other.returnType);
    return covariant
      ? `return type ${displayType(method.returnType)} is not compatible with ${displayType(other.returnType)} (covariant return types are not supported in Oak)`
      : `return type ${displayType(method.returnType)} is not compatible with ${displayType(other.returnType)}`;
  }
  if (accessRank(method.accessFlags) < accessRank(other.accessFlags)) {
    return `attempting to assign weaker access privileges; was ${accessName(other.accessFlags)}`;
  }
  for (const thrown of method.thrown ?? []) {
    if (!isCheckedException(ctx, thrown)) continue;
    if (!(other.thrown ?? []).some((t) => isSubclassOf(ctx.env, thrown, t))) {
      return `overridden method does not throw ${simpleName(thrown)}`;
    }
  }
  return undefined;
}

function checkAbstractsImplemented(ctx: CheckContext, c: SourceClass, all: readonly ClassSymbol[]): void {
  for (let k = 0; k < all.length; k++) {
    const methods = (all[k] as ClassSymbol).methods;
    for (let i = 0; i < methods.length; i++) {
      const m = methods[i] as MethodSymbol;
      if ((m.accessFlags & ACC_ABSTRACT) === 0 || m.name === '<init>') continue;
      if (hasConcrete(all, m)) continue;
      ctx.reporter.error(
        c.scope.file,
        classPosition(ctx, c.scope.file, c.decl),
        'check.missing-abstract-impl',
        `${simpleName(c.symbol.name)} is not abstract and does not override abstract method ${displayMethod(m)} in ${simpleName(m.owner.name)}`,
      );
      return;
    }
  }
}

/** Does a class (not an interface) among `all` declare a concrete instance method with m's signature? */
function hasConcrete(all: readonly ClassSymbol[], m: MethodSymbol): boolean {
  for (let k = 0; k < all.length; k++) {
    const cls = all[k] as ClassSymbol;
    if (isInterface(cls)) continue;
    for (let i = 0; i < cls.methods.length; i++) {
      const x = cls.methods[i] as MethodSymbol;
      if (x.name === m.name && sameParams(x, m) && (x.accessFlags & (ACC_ABSTRACT | ACC_STATIC)) === 0) return true;
    }
  }
  return false;
}
