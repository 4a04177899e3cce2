// Where javac puts the caret. javac positions a tree at its "operator": the '.' of a qualified name or
// member select, the '(' of a call, the operator of a binary or assignment expression, the name of a
// declaration. The syntax tree keeps spans from the first character, so these derive javac's position
// from them (assuming no blank between a name and its '.' or '(', as almost all code is written).
import type { Expr, Span, Stmt } from '../syntax/ast.js';

/** The character just before a span: the '.' of `a.b` given the span of `b`. */
export function dotBefore(name: Span): Span {
  return { start: name.start - 1, end: name.start, line: name.line, column: Math.max(1, name.column - 1) };
}

/** The character just after a span on the same line: the '(' after a method name. */
export function after(span: Span): Span {
  return { start: span.end, end: span.end + 1, line: span.line, column: span.column + (span.end - span.start) };
}

/** javac's preferred position of an expression. */
export function exprPosition(e: Expr): Span {
  switch (e.kind) {
    case 'IncDec':
      return e.prefix ? e.span : after(e.operand.span);
    case 'ArrayAccess':
      return after(e.array.span);
    case 'Binary':
    case 'Assign':
      return e.operatorSpan;
    case 'MethodCall':
      return after(e.name.span);
    case 'FieldAccess':
      return dotBefore(e.name.span);
    default:
      // javac looks through parentheses; the span includes them, so step over the '('.
      return e.parenthesized === true ? { ...e.span, start: e.span.start + 1, column: e.span.column + 1 } : e.span;
  }
}

/** javac's position of a statement for "unreachable statement": a declaration's name, else its start. */
export function stmtPosition(s: Stmt): Span {
  if (s.kind === 'LocalVar') return s.declarators[0]?.name.span ?? s.span;
  return s.span;
}
