// Modifier checks as javac does them (JLS 8.1.1, 8.3.1, 8.4.3, 8.8.3, 9.1.1, 9.3, 9.4) and their access flags.
import {
  ACC_ABSTRACT,
  ACC_FINAL,
  ACC_NATIVE,
  ACC_PRIVATE,
  ACC_PROTECTED,
  ACC_PUBLIC,
  ACC_STATIC,
  ACC_STRICT,
  ACC_SYNCHRONIZED,
  ACC_TRANSIENT,
  ACC_VOLATILE,
} from '@oakvm/classfile';
import type { ModifierName, Modifiers, Span } from '../syntax/ast.js';
import type { Reporter } from './check-context.js';

export type ModifierSite = 'class' | 'interface' | 'field' | 'interfaceField' | 'method' | 'interfaceMethod' | 'constructor' | 'local';

const allowed: { readonly [S in ModifierSite]: readonly ModifierName[] } = {
  class: ['public', 'abstract', 'final', 'strictfp'],
  interface: ['public', 'abstract', 'strictfp'],
  field: ['public', 'protected', 'private', 'static', 'final', 'transient', 'volatile'],
  interfaceField: ['public', 'static', 'final'],
  method: ['public', 'protected', 'private', 'abstract', 'static', 'final', 'synchronized', 'native', 'strictfp'],
  interfaceMethod: ['public', 'abstract'],
  constructor: ['public', 'protected', 'private'],
  local: ['final'],
};

export const modifierFlags: { readonly [M in ModifierName]: number } = {
  public: ACC_PUBLIC,
  protected: ACC_PROTECTED,
  private: ACC_PRIVATE,
  static: ACC_STATIC,
  final: ACC_FINAL,
  abstract: ACC_ABSTRACT,
  native: ACC_NATIVE,
  synchronized: ACC_SYNCHRONIZED,
  transient: ACC_TRANSIENT,
  volatile: ACC_VOLATILE,
  strictfp: ACC_STRICT,
};

/** Pairs javac rejects as "illegal combination of modifiers: a and b", in the order it checks them. */
const illegalPairs: readonly (readonly [ModifierName, ModifierName])[] = [
  ['public', 'private'],
  ['public', 'protected'],
  ['private', 'protected'],
  ['abstract', 'private'],
  ['abstract', 'static'],
  ['abstract', 'final'],
  ['abstract', 'native'],
  ['abstract', 'synchronized'],
  ['abstract', 'strictfp'],
  ['final', 'volatile'],
];

/**
 * Reports modifiers not allowed at `site` and illegal combinations, at `where` (a function when the
 * position costs something to find); returns the access flags of the modifiers that are allowed.
 */
export function checkModifiers(
  reporter: Reporter,
  file: string,
  modifiers: Modifiers,
  site: ModifierSite,
  where: Span | (() => Span),
): number {
  // Most declarations (every local and parameter, many members) have no modifiers.
  if (modifiers.items.length === 0) return 0;
  const at = typeof where === 'function' ? where() : where;
  let flags = 0;
  const permitted = allowed[site];
  const names = modifiers.items.map((m) => m.name);
  const rejected = modifiers.items.filter((m) => !permitted.includes(m.name));
  const first = rejected[0];
  if (first !== undefined) {
    if (site === 'interfaceMethod' && (first.name === 'static' || first.name === 'private')) {
      reporter.error(file, at, 'check.unsupported', `${first.name} interface methods are not supported in Oak`);
    } else {
      reporter.error(
        file,
        at,
        'check.modifier-not-allowed',
        `modifier ${rejected.map((m) => m.name).join(',')} not allowed here`,
      );
    }
  }
  for (const m of modifiers.items) {
    if (permitted.includes(m.name)) flags |= modifierFlags[m.name];
  }
  for (const [a, b] of illegalPairs) {
    if (names.includes(a) && names.includes(b)) {
      reporter.error(file, at, 'check.illegal-modifier-combination', `illegal combination of modifiers: ${a} and ${b}`);
      break;
    }
  }
  return flags;
}
