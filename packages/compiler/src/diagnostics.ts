// Compiler diagnostics: one shape for every phase (lexer, parser, checker), printed as javac prints them.
import type { Span } from './syntax/ast.js';

/** A source file handed to the compiler. `path` is used in diagnostics exactly as given. */
export interface SourceText {
  readonly path: string;
  readonly text: string;
}

export interface Diagnostic {
  /** The path of the source file, as in SourceText. */
  readonly file: string;
  /** 1-based line of `start`. */
  readonly line: number;
  /** 1-based column of `start`, counted in UTF-16 code units (a tab counts as one). */
  readonly column: number;
  /** Offset into the text where the problem starts. */
  readonly start: number;
  /** Offset just past the end of the offending text (equal to `start` for a point). */
  readonly end: number;
  readonly message: string;
  /**
   * A stable identifier of the kind of problem, so tests and tools need not match message text. Syntax
   * codes start with `syntax.` (see syntax/syntax-errors.ts); the checker uses its own prefix.
   */
  readonly code: string;
}

/** A diagnostic pointing at a node's span. */
export function diagnosticAt(file: string, span: Span, code: string, message: string): Diagnostic {
  return { file, line: span.line, column: span.column, start: span.start, end: span.end, message, code };
}

/**
 * `File.oak:LINE:COL: error: ` and the message's first line, then the source line, then a caret under
 * the column, then the message's remaining lines (symbol:, location:, required:, found:, reason:), as
 * javac prints them. The caret line copies the tabs of the source line so the caret lines up in a terminal.
 */
export function formatDiagnostic(d: Diagnostic, source: SourceText): string {
  const newline = d.message.indexOf('\n');
  const first = newline < 0 ? d.message : d.message.slice(0, newline);
  const rest = newline < 0 ? '' : d.message.slice(newline);
  const header = `${d.file}:${d.line}:${d.column}: error: ${first}`;
  const line = sourceLine(source.text, d.line);
  if (line === undefined) return header + rest;
  const upTo = line.slice(0, Math.max(0, d.column - 1));
  const indent = upTo.replace(/[^\t]/g, ' ') + ' '.repeat(Math.max(0, d.column - 1 - upTo.length));
  return `${header}\n${line}\n${indent}^${rest}`;
}

/** javac's summary line: "1 error", "3 errors". */
export function formatErrorCount(count: number): string {
  return count === 1 ? '1 error' : `${count} errors`;
}

/** The text of 1-based line `n` without its terminator; Java's line terminators are \n, \r\n and \r. */
function sourceLine(text: string, n: number): string | undefined {
  let start = 0;
  for (let line = 1; line < n; line++) {
    const nl = nextTerminator(text, start);
    if (nl < 0) return undefined;
    start = nl + (text.charCodeAt(nl) === 13 && text.charCodeAt(nl + 1) === 10 ? 2 : 1);
  }
  if (start > text.length) return undefined;
  const end = nextTerminator(text, start);
  return text.slice(start, end < 0 ? text.length : end);
}

function nextTerminator(text: string, from: number): number {
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) return i;
  }
  return -1;
}
