// Subtyping and the conversions of JLS chapter 5 that Oak has (no boxing, no generics): identity, widening
// and narrowing primitive, widening and narrowing reference. The checker asks these when it types
// assignments, method arguments, casts, ?: and comparisons.
import { ACC_FINAL } from '@oakvm/classfile';
import { isInterface, type ClassEnvironment } from './class-environment.js';
import type { ConstantValue } from './symbols.js';
import { isNumeric, sameType, type PrimitiveName, type Type } from './types.js';

/** Widening primitive conversions (JLS 5.1.2): from -> the types it widens to. */
const wideningTargets: { readonly [N in PrimitiveName]: readonly PrimitiveName[] } = {
  boolean: [],
  byte: ['short', 'int', 'long', 'float', 'double'],
  short: ['int', 'long', 'float', 'double'],
  char: ['int', 'long', 'float', 'double'],
  int: ['long', 'float', 'double'],
  long: ['float', 'double'],
  float: ['double'],
  double: [],
};

export function isWideningPrimitive(from: PrimitiveName, to: PrimitiveName): boolean {
  return wideningTargets[from].includes(to);
}

/** True when class or interface `sub` is `sup` or inherits from it. Cycles in bad input end the walk. */
export function isSubclassOf(env: ClassEnvironment, sub: string, sup: string): boolean {
  if (sub === sup || sup === 'java/lang/Object') return true;
  const seen = new Set<string>();
  const pending = [sub];
  while (pending.length > 0) {
    const name = pending.pop() as string;
    if (name === sup) return true;
    if (seen.has(name)) continue;
    seen.add(name);
    const symbol = env.lookup(name);
    if (symbol === undefined) continue;
    if (symbol.superName !== null) pending.push(symbol.superName);
    pending.push(...symbol.interfaces);
  }
  return false;
}

/** Subtyping among reference types (JLS 4.10), arrays included: S[] <: T[] when S <: T for references. */
export function isSubtype(env: ClassEnvironment, from: Type, to: Type): boolean {
  if (from.kind === 'error' || to.kind === 'error') return true;
  if (sameType(from, to)) return true;
  if (from.kind === 'null') return to.kind === 'class' || to.kind === 'array';
  if (from.kind === 'class' && to.kind === 'class') return isSubclassOf(env, from.name, to.name);
  if (from.kind === 'array') {
    if (to.kind === 'class') {
      return to.name === 'java/lang/Object' || to.name === 'java/lang/Cloneable' || to.name === 'java/io/Serializable';
    }
    if (to.kind === 'array') {
      if (from.element.kind === 'primitive' || to.element.kind === 'primitive') return sameType(from.element, to.element);
      return isSubtype(env, from.element, to.element);
    }
  }
  return false;
}

/**
 * Method invocation conversion, strict and loose without boxing (JLS 5.3): identity, widening primitive,
 * widening reference.
 */
export function isInvocationConvertible(env: ClassEnvironment, from: Type, to: Type): boolean {
  if (from.kind === 'error' || to.kind === 'error') return true;
  if (from.kind === 'primitive' && to.kind === 'primitive') {
    return from.name === to.name || isWideningPrimitive(from.name, to.name);
  }
  if (from.kind === 'primitive' || to.kind === 'primitive') return false;
  if (from.kind === 'void' || to.kind === 'void') return false;
  return isSubtype(env, from, to);
}

/**
 * Assignment conversion (JLS 5.2): invocation conversion plus the narrowing of an int-range constant of
 * type byte, short, char or int to byte, short or char when the value fits.
 */
export function isAssignable(env: ClassEnvironment, from: Type, to: Type, constant?: ConstantValue): boolean {
  if (isInvocationConvertible(env, from, to)) return true;
  if (constant === undefined || from.kind !== 'primitive' || to.kind !== 'primitive') return false;
  if (from.name !== 'int' && from.name !== 'short' && from.name !== 'char' && from.name !== 'byte') return false;
  const value = constant.kind === 'int' || constant.kind === 'short' || constant.kind === 'char' || constant.kind === 'byte' ? constant.value : undefined;
  if (value === undefined) return false;
  switch (to.name) {
    case 'byte':
      return value >= -128 && value <= 127;
    case 'short':
      return value >= -32768 && value <= 32767;
    case 'char':
      return value >= 0 && value <= 0xffff;
    default:
      return false;
  }
}

/** Casting conversion (JLS 5.5) without boxing: is `(to) expr` legal for an expression of type `from`? */
export function isCastable(env: ClassEnvironment, from: Type, to: Type): boolean {
  if (from.kind === 'error' || to.kind === 'error') return true;
  if (from.kind === 'primitive' || to.kind === 'primitive') {
    if (from.kind !== 'primitive' || to.kind !== 'primitive') return false;
    if (from.name === 'boolean' || to.name === 'boolean') return from.name === to.name;
    return isNumeric(from) && isNumeric(to);
  }
  if (from.kind === 'void' || to.kind === 'void' || to.kind === 'null') return false;
  if (from.kind === 'null') return true;
  return isReferenceCastable(env, from, to);
}

function isReferenceCastable(env: ClassEnvironment, from: Type, to: Type): boolean {
  if (isSubtype(env, from, to) || isSubtype(env, to, from)) return true;
  if (from.kind === 'class' && to.kind === 'class') {
    const s = env.lookup(from.name);
    const t = env.lookup(to.name);
    if (s === undefined || t === undefined) return true;
    const sInterface = isInterface(s);
    const tInterface = isInterface(t);
    if (!sInterface && !tInterface) return false;
    if (sInterface && tInterface) return true;
    // One is an interface: a final class that does not implement it can never be an instance of it.
    const cls = sInterface ? t : s;
    return (cls.accessFlags & ACC_FINAL) === 0;
  }
  if (from.kind === 'array' && to.kind === 'array') {
    if (from.element.kind === 'primitive' || to.element.kind === 'primitive') return sameType(from.element, to.element);
    return isReferenceCastable(env, from.element, to.element);
  }
  return false;
}
