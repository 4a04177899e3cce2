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
import type { Modifier, ModifierName, Modifiers, Span } from '../syntax/ast.js';
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

// Every modifier has an access flag of its own, so sets of modifiers are flag masks: the common case, a
// declaration whose modifiers are all allowed and compatible, is decided without iterators or arrays.
const allowedMasks = maskPerSite();
const illegalPairMasks = illegalPairs.map(([a, b]) => modifierFlags[a] | modifierFlags[b]);

function maskPerSite(): { readonly [S in ModifierSite]: number } {
  const mask = (names: readonly ModifierName[]): number => names.reduce((m, n) => m | modifierFlags[n], 0);
  return {
    class: mask(allowed.class),
    interface: mask(allowed.interface),
    field: mask(allowed.field),
    interfaceField: mask(allowed.interfaceField),
    method: mask(allowed.method),
    interfaceMethod: mask(allowed.interfaceMethod),
    constructor: mask(allowed.constructor),
    local: mask(allowed.local),
  };
}

/** The index in illegalPairs of the first pair all of whose modifiers are in `present`, or -1. */
function illegalPairIn(present: number): number {
  for (let i = 0; i < illegalPairMasks.length; i++) {
    const pair = illegalPairMasks[i] as number;
    if ((present & pair) === pair) return i;
  }
  return -1;
}

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
  const items = modifiers.items;
  // Most declarations (every local and parameter, many members) have no modifiers.
  if (items.length === 0) return 0;
  let present = 0;
  for (let i = 0; i < items.length; i++) present |= modifierFlags[(items[i] as Modifier).name];
  const flags = present & allowedMasks[site];
  const pair = illegalPairIn(present);
  if (flags === present && pair < 0) return flags;
  const at = typeof where === 'function' ? where() : where;
  const rejected = items.filter((m) => (modifierFlags[m.name] & allowedMasks[site]) === 0);
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
  const illegal = illegalPairs[pair];
  if (illegal !== undefined) {
    reporter.error(file, at, 'check.illegal-modifier-combination', `illegal combination of modifiers: ${illegal[0]} and ${illegal[1]}`);
  }
  return flags;
}
