// Everything the code generator knows while it generates one method: where code goes, the slots, the
// enclosing statements that break/continue/return must leave (with the finalizers they run on the way),
// and the class being compiled.
import type { Stmt } from '../syntax/ast.js';
import type { ClassSymbol, MethodSymbol } from '../semantics/symbols.js';
import type { Type } from '../semantics/types.js';
import type { Emitter, Label } from './emitter.js';
import type { Locals } from './locals.js';
import type { SubtypeTest } from './generate-options.js';

/**
 * Code run when control leaves a try-finally or synchronized statement early (break, continue, return)
 * and at its normal and exceptional ends. `gen` emits one inlined copy and records the copy as a gap in
 * the protected range: javac leaves a finally copy unprotected, but keeps a monitorexit protected (so it
 * records the gap after it).
 */
export interface Finalizer {
  /** Emits one copy of the finalizer, opening a gap in the protected range. */
  gen(): void;
  /** False for a try without finally (its environment only collects gaps). */
  readonly hasFinalizer: boolean;
}

/** One enclosing statement that jumps can target or must pass through (javac's GenContext). */
export interface JumpEnv {
  readonly tree: Stmt | 'method';
  /** Where `break` goes (placed when the statement ends). */
  breakLabel?: Label;
  /** Where `continue` goes, for loops. */
  continueLabel?: Label;
  finalizer?: Finalizer;
  /** Positions alternately opening and closing unprotected stretches of a try body (javac's gaps). */
  gaps?: Label[];
}

/** An exception-table entry; its labels are marked, so their pcs are known. */
export interface ExceptionEntry {
  readonly start: Label;
  readonly end: Label;
  readonly handler: Label;
  readonly catchType: string | undefined;
}

export interface MethodContext {
  readonly emitter: Emitter;
  readonly locals: Locals;
  readonly cls: ClassSymbol;
  readonly method: MethodSymbol;
  readonly returnType: Type;
  /** Innermost last. */
  readonly envs: JumpEnv[];
  readonly exceptionTable: ExceptionEntry[];
  readonly isSubtype: SubtypeTest;
  /** Line of a source offset in this class's file, for the closing-brace lines javac records. */
  readonly lineAt: (offset: number) => number | undefined;
}
