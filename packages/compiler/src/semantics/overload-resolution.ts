// Method and constructor selection as Java's first phase (JLS 15.12.2.2, 15.12.2.5): applicable by strict
// or loose invocation without boxing and without varargs, then the most specific method; several maximally
// specific methods with different signatures are ambiguous.
import { ACC_ABSTRACT } from '@oakvm/classfile';
import type { ClassEnvironment } from './class-environment.js';
import { displayMethod, displayType, displayTypes } from './display.js';
import { sameParams } from './members.js';
import type { MethodSymbol } from './symbols.js';
import { isInvocationConvertible } from './type-relations.js';
import type { Type } from './types.js';

export type Resolution =
  | { readonly kind: 'found'; readonly method: MethodSymbol }
  | { readonly kind: 'none' }
  | { readonly kind: 'ambiguous'; readonly first: MethodSymbol; readonly second: MethodSymbol }
  | { readonly kind: 'inapplicable'; readonly candidates: readonly MethodSymbol[] };

export function isApplicable(env: ClassEnvironment, method: MethodSymbol, args: readonly Type[]): boolean {
  return method.params.length === args.length && convertsAll(env, args, method.params);
}

/** m1 is more specific than m2 when each of its parameter types converts to m2's (JLS 15.12.2.5). */
function moreSpecific(env: ClassEnvironment, m1: MethodSymbol, m2: MethodSymbol): boolean {
  return convertsAll(env, m1.params, m2.params);
}

/** Does each of `from` convert to the type at its index in `to` (itself where `to` is shorter)? */
function convertsAll(env: ClassEnvironment, from: readonly Type[], to: readonly Type[]): boolean {
  for (let i = 0; i < from.length; i++) {
    const f = from[i] as Type;
    if (!isInvocationConvertible(env, f, to[i] ?? f)) return false;
  }
  return true;
}

export function selectMethod(env: ClassEnvironment, candidates: readonly MethodSymbol[], args: readonly Type[]): Resolution {
  if (candidates.length === 0) return { kind: 'none' };
  // Most calls have one candidate: it is found without building the lists below.
  if (candidates.length === 1) {
    const only = candidates[0] as MethodSymbol;
    return isApplicable(env, only, args) ? { kind: 'found', method: only } : { kind: 'inapplicable', candidates };
  }
  const applicable = candidates.filter((m) => isApplicable(env, m, args));
  if (applicable.length === 0) return { kind: 'inapplicable', candidates };
  // A method whose declaration had an error already reported accepts anything; it must not make calls
  // ambiguous, so it is chosen only when nothing else applies.
  const sound = applicable.filter((m) => !m.params.some((p) => p.kind === 'error'));
  if (sound.length === 0) return { kind: 'found', method: applicable[0] as MethodSymbol };
  return selectAmong(env, sound);
}

function selectAmong(env: ClassEnvironment, applicable: readonly MethodSymbol[]): Resolution {
  // Methods more specific than every other applicable one; several only when their signatures are equal.
  const maximal = applicable.filter((m1) => applicable.every((m2) => m1 === m2 || moreSpecific(env, m1, m2)));
  const first = maximal[0];
  if (first === undefined) {
    const [a, b] = mostSpecificPair(env, applicable);
    return { kind: 'ambiguous', first: a, second: b };
  }
  if (maximal.length === 1) return { kind: 'found', method: first };
  // Several with the same signature (inherited from a class and an interface): prefer the concrete one.
  if (maximal.every((m) => sameParams(m, first))) {
    const concrete = maximal.find((m) => (m.accessFlags & ACC_ABSTRACT) === 0);
    return { kind: 'found', method: concrete ?? first };
  }
  return { kind: 'ambiguous', first, second: maximal[1] ?? first };
}

/** Two applicable methods neither of which is more specific than the other, for the ambiguity message. */
function mostSpecificPair(env: ClassEnvironment, applicable: readonly MethodSymbol[]): [MethodSymbol, MethodSymbol] {
  for (const a of applicable) {
    for (const b of applicable) {
      if (a !== b && !moreSpecific(env, a, b) && !moreSpecific(env, b, a)) return [a, b];
    }
  }
  const a = applicable[0] as MethodSymbol;
  return [a, applicable[1] ?? a];
}

/** javac's explanation of why one candidate does not apply. */
export function mismatchReason(env: ClassEnvironment, method: MethodSymbol, args: readonly Type[]): string {
  if (method.params.length !== args.length) return 'actual and formal argument lists differ in length';
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as Type;
    const param = method.params[i] as Type;
    if (!isInvocationConvertible(env, arg, param)) {
      return `argument mismatch; ${conversionProblem(arg, param)}`;
    }
  }
  return 'argument mismatch';
}

/** "possible lossy conversion from long to int" or "String cannot be converted to int". */
export function conversionProblem(from: Type, to: Type): string {
  if (from.kind === 'primitive' && to.kind === 'primitive' && from.name !== 'boolean' && to.name !== 'boolean') {
    return `possible lossy conversion from ${displayType(from)} to ${displayType(to)}`;
  }
  return `${displayType(from)} cannot be converted to ${displayType(to)}${boxingHint(from, to)}`;
}

/** Classes a primitive would box to, or a supertype of one: where Java would box, Oak says why it does not. */
const boxTargets = new Set([
  'java/lang/Object',
  'java/lang/Number',
  'java/io/Serializable',
  'java/lang/Comparable',
  'java/lang/Boolean',
  'java/lang/Byte',
  'java/lang/Short',
  'java/lang/Character',
  'java/lang/Integer',
  'java/lang/Long',
  'java/lang/Float',
  'java/lang/Double',
]);

export function boxingHint(from: Type, to: Type): string {
  const boxes = (p: Type, c: Type): boolean => p.kind === 'primitive' && c.kind === 'class' && boxTargets.has(c.name);
  return boxes(from, to) || boxes(to, from) ? '\n  (boxing and unboxing are not supported in Oak)' : '';
}

/** The message for a call no candidate applies to (JLS 15.12.2 failure), as javac words it. */
export function inapplicableMessage(
  env: ClassEnvironment,
  candidates: readonly MethodSymbol[],
  name: string,
  args: readonly Type[],
  isConstructor: boolean,
): string {
  const what = isConstructor ? 'constructor' : 'method';
  const only = candidates[0];
  if (candidates.length === 1 && only !== undefined) {
    const owner = only.owner.name.slice(only.owner.name.lastIndexOf('/') + 1);
    const required = only.params.length === 0 ? 'no arguments' : displayTypes(only.params);
    const found = args.length === 0 ? 'no arguments' : displayTypes(args);
    return (
      `${what} ${name} in class ${owner} cannot be applied to given types;\n` +
      `  required: ${required}\n  found:    ${found}\n  reason: ${mismatchReason(env, only, args)}`
    );
  }
  const lines = candidates.map((m) => {
    const owner = m.owner.name.slice(m.owner.name.lastIndexOf('/') + 1);
    return `    ${what} ${owner}.${displayMethod(m)} is not applicable\n      (${mismatchReason(env, m, args)})`;
  });
  return `no suitable ${what} found for ${name}(${displayTypes(args)})\n${lines.join('\n')}`;
}
