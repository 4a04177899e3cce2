// Member lookup through the class hierarchy (JLS 8.2, 8.3, 8.4.8, 9.2) and accessibility (JLS 6.6).
import { ACC_PRIVATE, ACC_PROTECTED, ACC_PUBLIC, ACC_STATIC } from '@oakvm/classfile';
import { packageOf } from './check-context.js';
import { isInterface, type ClassEnvironment } from './class-environment.js';
import type { ClassSymbol, FieldSymbol, MethodSymbol } from './symbols.js';
import { isSubclassOf } from './type-relations.js';
import { sameType, type Type } from './types.js';

/**
 * Closures already computed: name lookups ask for them constantly. They are valid while the
 * environment's hierarchy version is unchanged (the checker bumps it whenever it sets supertypes).
 */
const closures = new WeakMap<ClassSymbol, { version: number; closure: ClassSymbol[] }>();

/** Every class and interface `start` inherits from, itself first, each once (cycles in bad input end the walk). */
export function supertypeClosure(env: ClassEnvironment, start: ClassSymbol): ClassSymbol[] {
  const cached = closures.get(start);
  if (cached !== undefined && cached.version === env.hierarchyVersion) return cached.closure;
  const closure = computeClosure(env, start);
  closures.set(start, { version: env.hierarchyVersion, closure });
  return closure;
}

function computeClosure(env: ClassEnvironment, start: ClassSymbol): ClassSymbol[] {
  const result: ClassSymbol[] = [];
  const seen = new Set<string>();
  const visit = (cls: ClassSymbol): void => {
    if (seen.has(cls.name)) return;
    seen.add(cls.name);
    result.push(cls);
    if (cls.superName !== null) {
      const sup = env.lookup(cls.superName);
      if (sup !== undefined) visit(sup);
    }
    for (const i of cls.interfaces) {
      const sup = env.lookup(i);
      if (sup !== undefined) visit(sup);
    }
  };
  visit(start);
  if (isInterface(start)) {
    const object = env.lookup('java/lang/Object');
    if (object !== undefined && !seen.has(object.name)) result.push(object);
  }
  return result;
}

/** The field `name` as seen from class `start`: its own, then the superclasses' and superinterfaces'. */
export function findField(env: ClassEnvironment, start: ClassSymbol, name: string): FieldSymbol | undefined {
  const closure = supertypeClosure(env, start);
  for (let k = 0; k < closure.length; k++) {
    const fields = (closure[k] as ClassSymbol).fields;
    for (let i = 0; i < fields.length; i++) if ((fields[i] as FieldSymbol).name === name) return fields[i];
  }
  return undefined;
}

export function sameParams(a: MethodSymbol, b: MethodSymbol): boolean {
  const pa = a.params;
  const pb = b.params;
  if (pa.length !== pb.length) return false;
  for (let i = 0; i < pa.length; i++) if (!sameType(pa[i] as Type, pb[i] as Type)) return false;
  return true;
}

/**
 * The methods named `name` that are members of `start` (or its constructors, for "<init>"): declared
 * ones plus inherited ones that are not overridden by a method with the same parameter types seen first.
 */
export function findMethods(env: ClassEnvironment, start: ClassSymbol, name: string): MethodSymbol[] {
  if (name === '<init>') return start.methods.filter((m) => m.name === '<init>');
  const result: MethodSymbol[] = [];
  const closure = supertypeClosure(env, start);
  for (let k = 0; k < closure.length; k++) {
    const cls = closure[k] as ClassSymbol;
    for (let i = 0; i < cls.methods.length; i++) {
      const m = cls.methods[i] as MethodSymbol;
      if (m.name !== name) continue;
      if (cls !== start && (m.accessFlags & ACC_PRIVATE) !== 0) continue;
      if (result.some((r) => sameParams(r, m) && !overridesAcrossInterface(env, r, m))) continue;
      result.push(m);
    }
  }
  return result;
}

/**
 * Two methods with the same signature from unrelated supertypes (a concrete class method and an
 * interface's abstract one) both stay candidates so most-specific selection can prefer the concrete one;
 * a method seen first in a subtype hides the same method of its supertypes.
 */
function overridesAcrossInterface(env: ClassEnvironment, seen: MethodSymbol, candidate: MethodSymbol): boolean {
  return !isSubclassOf(env, seen.owner.name, candidate.owner.name);
}

export function isStatic(member: { accessFlags: number }): boolean {
  return (member.accessFlags & ACC_STATIC) !== 0;
}

/** Is class `cls` accessible from code in package `fromPackage` (JLS 6.6.1)? */
export function isClassAccessible(cls: ClassSymbol, fromPackage: string): boolean {
  return (cls.accessFlags & ACC_PUBLIC) !== 0 || packageOf(cls.name) === fromPackage;
}

/**
 * Is a member accessible from code in class `from` (JLS 6.6)? `qualifier` is the static type of the
 * expression it is accessed through (undefined for simple names, `super.` and static access), which the
 * protected rule of JLS 6.6.2 constrains.
 */
export function isMemberAccessible(
  env: ClassEnvironment,
  member: { owner: ClassSymbol; accessFlags: number },
  from: ClassSymbol,
  qualifier?: string,
): boolean {
  const flags = member.accessFlags;
  if ((flags & ACC_PUBLIC) !== 0) return true;
  if ((flags & ACC_PRIVATE) !== 0) return member.owner.name === from.name;
  const samePackage = packageOf(member.owner.name) === packageOf(from.name);
  if (samePackage) return true;
  if ((flags & ACC_PROTECTED) === 0) return false;
  if (!isSubclassOf(env, from.name, member.owner.name)) return false;
  if (qualifier === undefined || (flags & ACC_STATIC) !== 0) return true;
  return qualifier.startsWith('[') || isSubclassOf(env, qualifier, from.name);
}
