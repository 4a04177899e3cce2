// The compiler as a library: sources in, class files and diagnostics out. Parse every source, check them
// together against the class path, and generate code only when nothing was reported. Any failure of the
// compiler itself becomes an "internal compiler error" diagnostic, never an exception.
import { readClassFile } from '@oakvm/classfile';
import { diagnosticAt, type Diagnostic, type SourceText } from './diagnostics.js';
import { ClassFileLimitError } from './codegen/internal-error.js';
import { generate } from './codegen/generate.js';
import type { GenerateOptions } from './codegen/generate-options.js';
import { check } from './semantics/checker.js';
import { ClassEnvironment, type ClassPathLookup } from './semantics/class-environment.js';
import { isSubtype } from './semantics/type-relations.js';
import type { ClassSymbol } from './semantics/symbols.js';
import type { ClassDecl, CompilationUnit } from './syntax/ast.js';
import { parse, type ParseResult } from './syntax/parser.js';

export interface CompileOptions {
  /** Where classes not compiled from these sources come from (the runtime image, then -cp entries). */
  readonly classPath?: ClassPathLookup;
  /**
   * Whether the class path has a package ("java/util"), for javac's "package x does not exist"; without
   * it only packages of classes already loaded count. `mapClassPath`/`chainClassPaths` give both.
   */
  readonly packageExists?: (packageName: string) => boolean;
}

export interface CompileResult {
  /** Internal name -> class-file bytes; empty when there are diagnostics. */
  readonly classes: Map<string, Uint8Array>;
  /** Sorted by file (in the order the sources were given), then position. */
  readonly diagnostics: Diagnostic[];
  /** Internal name -> the path of the source that declared the class. */
  readonly sourceOf: Map<string, string>;
}

export function compile(sources: readonly SourceText[], options: CompileOptions = {}): CompileResult {
  let parsed: ParseResult[];
  try {
    parsed = sources.map((s) => parse(s));
  } catch (e) {
    return { classes: new Map(), diagnostics: [internalErrorDiagnostic(sources, e)], sourceOf: new Map() };
  }
  return compileParsed(sources, parsed, options);
}

/** compile() for sources already parsed (`parsed[i]` is `parse(sources[i])`), by a caller that needed the trees. */
export function compileParsed(sources: readonly SourceText[], parsed: readonly ParseResult[], options: CompileOptions = {}): CompileResult {
  const diagnostics: Diagnostic[] = [];
  let classes = new Map<string, Uint8Array>();
  const sourceOf = new Map<string, string>();
  try {
    const units: CompilationUnit[] = [];
    for (const result of parsed) {
      units.push(result.unit);
      diagnostics.push(...result.diagnostics);
    }
    // As javac, attribution does not start when parsing failed: the tree is missing what failed to parse.
    if (diagnostics.length > 0) return { classes, diagnostics: sortDiagnostics(diagnostics, sources), sourceOf };
    const env = new ClassEnvironment(options.classPath ?? (() => undefined), readClassFile, options.packageExists);
    const checked = check(units, env, { sources });
    diagnostics.push(...checked.diagnostics);
    const fileOfDecl = new Map<ClassDecl, string>();
    for (const unit of units) for (const type of unit.types) fileOfDecl.set(type, unit.file);
    for (const cls of checked.classes) {
      const file = cls.decl === undefined ? undefined : fileOfDecl.get(cls.decl);
      if (file !== undefined) sourceOf.set(cls.name, file);
    }
    if (diagnostics.length === 0) {
      classes = generate(checked.classes, generateOptions(env, units, sources));
    }
  } catch (e) {
    diagnostics.push(e instanceof ClassFileLimitError ? limitDiagnostic(e, sourceOf) : internalErrorDiagnostic(sources, e));
    classes = new Map();
  }
  return { classes, diagnostics: sortDiagnostics(diagnostics, sources), sourceOf };
}

function generateOptions(env: ClassEnvironment, units: readonly CompilationUnit[], sources: readonly SourceText[]): GenerateOptions {
  const lineStartsByDecl = new Map<ClassDecl, () => number[]>();
  units.forEach((unit, i) => {
    const text = sources[i]?.text ?? '';
    let starts: number[] | undefined;
    const lazy = (): number[] => (starts ??= lineStarts(text));
    for (const type of unit.types) lineStartsByDecl.set(type, lazy);
  });
  return {
    isSubtype: (from, to) => isSubtype(env, from, to),
    lineAt: (cls: ClassSymbol, offset: number) => {
      const starts = cls.decl === undefined ? undefined : lineStartsByDecl.get(cls.decl)?.();
      return starts === undefined ? undefined : lineOf(starts, offset);
    },
  };
}

/** Offsets where each line starts; Java's line terminators are \n, \r\n and \r. */
function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 13 && text.charCodeAt(i + 1) === 10) continue;
    if (c === 10 || c === 13) starts.push(i + 1);
  }
  return starts;
}

function lineOf(starts: readonly number[], offset: number): number {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if ((starts[mid] as number) <= offset) low = mid;
    else high = mid - 1;
  }
  return low + 1;
}

function limitDiagnostic(e: ClassFileLimitError, sourceOf: ReadonlyMap<string, string>): Diagnostic {
  const file = sourceOf.get(e.cls.name) ?? e.cls.sourceFile ?? '<unknown>';
  return diagnosticAt(file, e.span, 'codegen.limit', e.message);
}

function internalErrorDiagnostic(sources: readonly SourceText[], e: unknown): Diagnostic {
  const detail = e instanceof Error ? e.message : String(e);
  return {
    file: sources[0]?.path ?? '<no source>',
    line: 1,
    column: 1,
    start: 0,
    end: 0,
    message: `internal compiler error: ${detail}`,
    code: 'internal',
  };
}

function sortDiagnostics(diagnostics: Diagnostic[], sources: readonly SourceText[]): Diagnostic[] {
  const order = new Map(sources.map((s, i) => [s.path, i]));
  return diagnostics
    .map((d, i) => ({ d, i }))
    .sort((a, b) => {
      const fa = order.get(a.d.file) ?? sources.length;
      const fb = order.get(b.d.file) ?? sources.length;
      if (fa !== fb) return fa - fb;
      if (a.d.start !== b.d.start) return a.d.start - b.d.start;
      return a.i - b.i;
    })
    .map(({ d }) => d);
}
