// Small constructors the parser uses to build nodes: spans from tokens, literals with javac's range
// checks, and the precedence-climbing assembly of binary expressions.
import type { IToken } from 'chevrotain';
import type { BinaryOperator, Expr, Literal, Span, TypeNode } from './ast.js';
import type { TokenPayload } from './lexer.js';

export function tokenSpan(t: IToken): Span {
  return { start: t.startOffset, end: (t.endOffset ?? t.startOffset) + 1, line: t.startLine ?? 1, column: t.startColumn ?? 1 };
}

/** From the start of `first` to the end of `last`. */
export function spanBetween(first: Span, last: Span): Span {
  return { start: first.start, end: Math.max(first.end, last.end), line: first.line, column: first.column };
}

/** An empty span where `t` starts (modifiers that are absent, for instance). */
export function pointSpan(t: IToken): Span {
  return { start: t.startOffset, end: t.startOffset, line: t.startLine ?? 1, column: t.startColumn ?? 1 };
}

/** Stands in for an expression Oak does not support, after the diagnostic has been reported. */
export function placeholderExpr(span: Span): Literal {
  return { kind: 'Literal', text: 'null', value: { kind: 'null' }, span };
}

const INT_LIMIT = 1n << 31n;
const LONG_LIMIT = 1n << 63n;

/**
 * The Literal for a number token. `negated` is true when a '-' directly precedes a decimal literal, which
 * javac folds into the literal so that -2147483648 and -9223372036854775808L are in range. An integer
 * that does not fit (see `numberTooLarge`) gets the value 0.
 */
export function numberLiteral(payload: TokenPayload, text: string, span: Span, negated: boolean): Literal {
  switch (payload.kind) {
    case 'int':
    case 'long': {
      const long = payload.kind === 'long';
      const m = payload.magnitude;
      let value: bigint;
      if (numberTooLarge(payload, negated)) value = 0n;
      else if (payload.decimal) value = negated ? -m : m;
      else {
        value = long ? BigInt.asIntN(64, m) : BigInt.asIntN(32, m);
        if (negated) value = long ? BigInt.asIntN(64, -value) : BigInt.asIntN(32, -value);
      }
      return { kind: 'Literal', text, value: { kind: payload.kind, value }, span };
    }
    case 'float':
    case 'double':
      return { kind: 'Literal', text, value: { kind: payload.kind, value: negated ? -payload.value : payload.value }, span };
    case 'char':
    case 'string':
      throw new Error(`internal parser error: a ${payload.kind} payload on a number token`);
  }
}

/** Whether an integer literal is out of range ("integer number too large"); see numberLiteral. */
export function numberTooLarge(payload: TokenPayload, negated: boolean): boolean {
  if (payload.kind !== 'int' && payload.kind !== 'long') return false;
  const limit = payload.kind === 'long' ? LONG_LIMIT : INT_LIMIT;
  const m = payload.magnitude;
  if (payload.decimal) return negated ? m > limit : m >= limit;
  return m >= limit * 2n;
}

const precedence: { readonly [op in BinaryOperator]: number } = {
  '||': 1,
  '&&': 2,
  '|': 3,
  '^': 4,
  '&': 5,
  '==': 6,
  '!=': 6,
  '<': 7,
  '>': 7,
  '<=': 7,
  '>=': 7,
  '<<': 8,
  '>>': 8,
  '>>>': 8,
  '+': 9,
  '-': 9,
  '*': 10,
  '/': 10,
  '%': 10,
};
const INSTANCEOF_PRECEDENCE = 7;

/** One step after the first operand of a binary-expression chain. */
export type BinaryStep =
  | { readonly kind: 'operator'; readonly operator: BinaryOperator; readonly operatorSpan: Span; readonly right: Expr }
  | { readonly kind: 'instanceof'; readonly type: TypeNode; readonly span: Span };

/** The node of a chain with one step: `first op e` or `first instanceof T`. */
export function buildOneStep(first: Expr, step: BinaryStep): Expr {
  if (step.kind === 'instanceof') return { kind: 'InstanceOf', expr: first, targetType: step.type, span: spanBetween(first.span, step.span) };
  return { kind: 'Binary', operator: step.operator, operatorSpan: step.operatorSpan, left: first, right: step.right, span: spanBetween(first.span, step.right.span) };
}

/** Builds the tree of `first op e op e ...` with Java's precedences, all binary operators left-associative. */
export function buildBinary(first: Expr, steps: readonly BinaryStep[]): Expr {
  // Most chains have one step: its node needs no climbing.
  if (steps.length === 1) return buildOneStep(first, steps[0] as BinaryStep);
  // Precedence climbing over the steps, without the stacks and records of an operator-stack version:
  // this runs for every chain of two or more operators.
  cursor = 0;
  return climb(first, 0, steps);
}

/** The next step climb looks at (buildBinary is not re-entered while it runs). */
let cursor = 0;

function levelOf(step: BinaryStep): number {
  return step.kind === 'instanceof' ? INSTANCEOF_PRECEDENCE : precedence[step.operator];
}

/** `left` extended by the steps from `cursor` on whose level is at least `minLevel`. */
function climb(left: Expr, minLevel: number, steps: readonly BinaryStep[]): Expr {
  let result = left;
  while (cursor < steps.length) {
    const step = steps[cursor] as BinaryStep;
    const level = levelOf(step);
    if (level < minLevel) break;
    cursor++;
    if (step.kind === 'instanceof') {
      result = { kind: 'InstanceOf', expr: result, targetType: step.type, span: spanBetween(result.span, step.span) };
      continue;
    }
    let right = step.right;
    while (cursor < steps.length && levelOf(steps[cursor] as BinaryStep) > level) right = climb(right, level + 1, steps);
    result = { kind: 'Binary', operator: step.operator, operatorSpan: step.operatorSpan, left: result, right, span: spanBetween(result.span, right.span) };
  }
  return result;
}
