// State shared by the checker's phases: where diagnostics go, and the scope of one compilation unit
// (package, imports) in which type names are resolved.
import { diagnosticAt, type Diagnostic } from '../diagnostics.js';
import type { ClassDecl, CompilationUnit, Span } from '../syntax/ast.js';
import type { ClassEnvironment } from './class-environment.js';
import type { SourcePositions } from './source-positions.js';
import type { ClassSymbol } from './symbols.js';

export class Reporter {
  readonly diagnostics: Diagnostic[] = [];
  private readonly seen = new Set<string>();

  error(file: string, span: Span, code: string, message: string): void {
    // Like javac, at most one error per source position: the first explains the later ones.
    const key = `${file}:${span.start}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    this.diagnostics.push(diagnosticAt(file, span, code, message));
  }
}

/** What a compilation unit can name without qualification. */
export interface UnitScope {
  readonly unit: CompilationUnit;
  readonly file: string;
  /** Internal package name, "" for the unnamed package. */
  readonly packageName: string;
  /** Single-type imports and the unit's own classes: simple name -> internal name. */
  readonly singleTypes: Map<string, string>;
  /** Internal names of packages imported on demand, java/lang included. */
  readonly onDemand: string[];
}

export interface CheckContext {
  readonly env: ClassEnvironment;
  readonly reporter: Reporter;
  /** Classes compiled from source in this run, by internal name. */
  readonly sourceClasses: Map<string, ClassSymbol>;
  readonly positions: SourcePositions;
}

/** "java/lang/String" -> "String": javac names classes by simple name in its messages. */
export function simpleName(internalName: string): string {
  const slash = internalName.lastIndexOf('/');
  return slash < 0 ? internalName : internalName.slice(slash + 1);
}

export function packageOf(internalName: string): string {
  const slash = internalName.lastIndexOf('/');
  return slash < 0 ? '' : internalName.slice(0, slash);
}

/** Where javac reports errors about a whole class: its `class` or `interface` keyword. */
export function classPosition(ctx: CheckContext, file: string, decl: ClassDecl): Span {
  const from = decl.modifiers.items.length === 0 ? decl.span.start : decl.modifiers.span.end;
  return ctx.positions.classKeyword(file, from, decl.name.span);
}
