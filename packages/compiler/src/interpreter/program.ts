// Front end for the interpreter: parses and checks the class library's Oak sources once per process
// (kept in memory), then checks a program against the checked library, so both run from checked trees.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Diagnostic, SourceText } from '../diagnostics.js';
import { check } from '../semantics/checker.js';
import { ClassEnvironment } from '../semantics/class-environment.js';
import type { ClassSymbol } from '../semantics/symbols.js';
import type { ClassDecl } from '../syntax/ast.js';
import { parse } from '../syntax/parser.js';

export interface CheckedLibrary {
  readonly classes: readonly ClassSymbol[];
  /** Source file name (for stack traces) of each class declaration. */
  readonly fileOf: Map<ClassDecl, string>;
}

export interface CheckedProgram {
  readonly library: CheckedLibrary;
  /** The program's own classes, in source order. */
  readonly classes: readonly ClassSymbol[];
  readonly fileOf: Map<ClassDecl, string>;
  readonly diagnostics: readonly Diagnostic[];
}

/** The library failed to check: a broken installation, reported as such. */
export class LibraryError extends Error {}

const libraries = new Map<string, CheckedLibrary>();

/** Checks the library under `root` (the folder holding `java/`), once per process and root. */
export function loadLibrary(root: string): CheckedLibrary {
  const cached = libraries.get(root);
  if (cached !== undefined) return cached;
  const sources: SourceText[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir).sort()) {
      const path = join(dir, entry);
      if (statSync(path).isDirectory()) walk(path);
      else if (entry.endsWith('.oak')) sources.push({ path: relative(root, path), text: readFileSync(path, 'utf8') });
    }
  };
  walk(join(root, 'java'));
  const units = sources.map((s) => parse(s));
  const problems = units.flatMap((u) => u.diagnostics);
  const checked = check(
    units.map((u) => u.unit),
    new ClassEnvironment(),
    { sources },
  );
  problems.push(...checked.diagnostics);
  if (problems.length > 0) {
    const first = problems[0] as Diagnostic;
    throw new LibraryError(`the class library does not check: ${first.file}:${first.line}: ${first.message}`);
  }
  const library: CheckedLibrary = { classes: checked.classes, fileOf: fileNames(units.map((u) => u.unit)) };
  libraries.set(root, library);
  return library;
}

/** Parses and checks the program's sources against the checked library. */
export function checkProgram(sources: readonly SourceText[], library: CheckedLibrary): CheckedProgram {
  const env = new ClassEnvironment();
  for (const cls of library.classes) env.define(cls);
  const parsed = sources.map((s) => parse(s));
  const diagnostics: Diagnostic[] = parsed.flatMap((p) => p.diagnostics);
  const units = parsed.map((p) => p.unit);
  const checked = check(units, env, { sources });
  diagnostics.push(...checked.diagnostics);
  return { library, classes: checked.classes, fileOf: fileNames(units), diagnostics };
}

function fileNames(units: readonly { file: string; types: readonly ClassDecl[] }[]): Map<ClassDecl, string> {
  const map = new Map<ClassDecl, string>();
  for (const unit of units) {
    const base = unit.file.split(/[\\/]/).pop() ?? unit.file;
    for (const type of unit.types) map.set(type, base);
  }
  return map;
}
