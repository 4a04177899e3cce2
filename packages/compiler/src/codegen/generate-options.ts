// Optional knowledge the code generator can use when compile() has it: the class hierarchy (to leave out
// checkcasts that only widen, as javac does) and source lines of offsets (for the LineNumberTable entries
// javac gives closing braces).
import type { ClassSymbol } from '../semantics/symbols.js';
import type { Type } from '../semantics/types.js';

/** Whether every value of type `from` is already a `to` (reference types). */
export type SubtypeTest = (from: Type, to: Type) => boolean;

export interface GenerateOptions {
  isSubtype?: SubtypeTest;
  /** The line of an offset in the source file of a class compiled from source. */
  lineAt?: (cls: ClassSymbol, offset: number) => number | undefined;
}
