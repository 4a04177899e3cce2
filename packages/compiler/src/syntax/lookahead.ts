// The decisions of Java's grammar that need more than a fixed number of tokens of lookahead: local
// declaration or expression, cast or parenthesised expression, lambda, enhanced for. Each scans ahead over
// the token vector without consuming, the way javac's parser peeks.
import { tokenMatcher, type IToken, type TokenType } from 'chevrotain';
import {
  CharLiteral,
  Identifier,
  Kw,
  ModifierKeyword,
  NumberLiteral,
  Op,
  PrimitiveKeyword,
  StringLiteral,
} from './tokens.js';

/** Token `i` ahead (1 = the next one); past the end it is chevrotain's EOF token. */
export type Peek = (i: number) => IToken;

export const isPrimitive = (t: IToken): boolean => tokenMatcher(t, PrimitiveKeyword);
export const isModifier = (t: IToken): boolean => tokenMatcher(t, ModifierKeyword);
const is = (t: IToken, type: TokenType): boolean => t.tokenType === type;

/**
 * Skips `< ... >` starting at index `i` (which holds '<'); returns the index after the closing '>' or -1
 * when this does not look like type arguments.
 */
export function skipTypeArguments(peek: Peek, i: number): number {
  let depth = 0;
  for (let j = i; ; j++) {
    const t = peek(j);
    const type = t.tokenType;
    if (type === Op.Lt) depth++;
    else if (type === Op.Gt) depth -= 1;
    else if (type === Op.GtGt) depth -= 2;
    else if (type === Op.GtGtGt) depth -= 3;
    else if (
      type !== Identifier &&
      type !== Op.Dot &&
      type !== Op.Comma &&
      type !== Op.Question &&
      type !== Op.And &&
      type !== Op.LBracket &&
      type !== Op.RBracket &&
      type !== Kw.extends &&
      type !== Kw.super &&
      !isPrimitive(t)
    ) {
      return -1;
    }
    if (depth <= 0) return depth === 0 ? j + 1 : -1;
  }
}

/** Skips `[ ]` pairs from index `i`; returns the index after them. */
function skipDims(peek: Peek, i: number): number {
  let j = i;
  while (is(peek(j), Op.LBracket) && is(peek(j + 1), Op.RBracket)) j += 2;
  return j;
}

/**
 * Scans a type starting at index `i`: a primitive or a dotted name, optional type arguments, optional
 * dimensions. Returns the index after it and what it saw, or null when there is no type there.
 */
export function scanType(peek: Peek, i: number): { next: number; primitive: boolean; generic: boolean; dims: boolean } | null {
  const first = peek(i);
  if (isPrimitive(first)) {
    const next = skipDims(peek, i + 1);
    return { next, primitive: true, generic: false, dims: next > i + 1 };
  }
  if (!is(first, Identifier)) return null;
  let j = i + 1;
  let generic = false;
  for (;;) {
    if (is(peek(j), Op.Lt)) {
      const after = skipTypeArguments(peek, j);
      if (after < 0) return null;
      generic = true;
      j = after;
    }
    if (is(peek(j), Op.Dot) && is(peek(j + 1), Identifier)) {
      j += 2;
      continue;
    }
    break;
  }
  const next = skipDims(peek, j);
  return { next, primitive: false, generic, dims: next > j };
}

/** At a block statement: does a local variable declaration start here? */
export function startsLocalVarDecl(peek: Peek): boolean {
  const first = peek(1);
  if (is(first, Kw.final) || is(first, Op.At)) return true;
  // The usual shapes, `T name` and `name op`, without the scan and its record (this runs for nearly
  // every block statement).
  const second = peek(2).tokenType;
  if (second === Identifier && (is(first, Identifier) || isPrimitive(first))) return true;
  if (is(first, Identifier) && second !== Op.Lt && second !== Op.Dot && second !== Op.LBracket) return false;
  const type = scanType(peek, 1);
  if (type === null) return false;
  return is(peek(type.next), Identifier);
}

/** At '(': is this a cast? (JLS 15.16; the operand of a reference-type cast cannot start with + or -.) */
export function startsCast(peek: Peek): boolean {
  if (!is(peek(1), Op.LParen)) return false;
  const type = scanType(peek, 2);
  if (type === null || !is(peek(type.next), Op.RParen)) return false;
  if (type.primitive || type.dims || type.generic) return true;
  const after = peek(type.next + 1);
  const t = after.tokenType;
  return (
    t === Identifier ||
    t === NumberLiteral ||
    t === StringLiteral ||
    t === CharLiteral ||
    t === Kw.true ||
    t === Kw.false ||
    t === Kw.null ||
    t === Kw.this ||
    t === Kw.super ||
    t === Kw.new ||
    t === Kw.switch ||
    t === Op.LParen ||
    t === Op.Bang ||
    t === Op.Tilde
  );
}

/** At '(' or an identifier: does a lambda expression start here? */
export function startsLambda(peek: Peek): boolean {
  const first = peek(1);
  if (is(first, Identifier)) return is(peek(2), Op.Arrow);
  if (!is(first, Op.LParen)) return false;
  let depth = 0;
  for (let j = 1; ; j++) {
    const t = peek(j).tokenType;
    if (t === Op.LParen) depth++;
    else if (t === Op.RParen) {
      depth--;
      if (depth === 0) return is(peek(j + 1), Op.Arrow);
    } else if (t === Op.Semicolon || t === Op.LBrace || t === Op.RBrace || peek(j).tokenType.name === 'EOF') {
      return false;
    }
  }
}

/** After `for (`: is this an enhanced for (`for (T x : e)`)? */
export function startsForEach(peek: Peek): boolean {
  let j = 1;
  while (isModifier(peek(j))) j++;
  const type = scanType(peek, j);
  if (type === null || !is(peek(type.next), Identifier)) return false;
  return is(peek(skipDims(peek, type.next + 1)), Op.Colon);
}

/** At a class-body member after its modifiers: is this a constructor (`Name(`)? */
export function startsConstructor(peek: Peek): boolean {
  return is(peek(1), Identifier) && is(peek(2), Op.LParen);
}
