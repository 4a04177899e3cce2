import type { ClassSymbol } from '../semantics/symbols.js';
import type { Span } from '../syntax/ast.js';

// Failures of the code generator's own assumptions (an unannotated tree, an impossible type). They are
// bugs, not user errors: compile() turns them into an "internal compiler error" diagnostic.
export class InternalCompilerError extends Error {
  override readonly name = 'InternalCompilerError';
}

export function internalError(message: string): InternalCompilerError {
  return new InternalCompilerError(message);
}

export function assertNever(value: never, what: string): never {
  throw new InternalCompilerError(`unexpected ${what}: ${JSON.stringify(value)}`);
}

/**
 * A program that is valid Java but exceeds a class-file limit (JVMS 4.11): javac's "code too large",
 * "too many constants", "constant string too long". compile() reports it as an ordinary error at `span`
 * in the class's source file.
 */
export class ClassFileLimitError extends Error {
  override readonly name = 'ClassFileLimitError';

  constructor(
    message: string,
    readonly cls: ClassSymbol,
    readonly span: Span,
  ) {
    super(message);
  }
}

/** The javac message for a class-file builder failure caused by the program's size, if it is one. */
export function limitMessage(e: unknown): string | undefined {
  if (!(e instanceof Error)) return undefined;
  if (/constant pool too large/.test(e.message)) return 'too many constants';
  if (/modified UTF-8 exceeds/.test(e.message)) return 'constant string too long';
  if (/code too large/.test(e.message)) return 'code too large';
  if (/local slots exceed|local slot \d+ is not/.test(e.message)) return 'too many local variables';
  return undefined;
}
