// Front end for the interpreter: the class library's Oak sources are parsed and checked lazily, in closed
// batches: a program needs the library classes its text names, those classes need the ones their text
// names, and so on. Each batch is checked against the batches before it (which never refer to a later
// one) and kept in memory for the rest of the process. Then the program is checked against the library.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Diagnostic, SourceText } from '../diagnostics.js';
import { check } from '../semantics/checker.js';
import { ClassEnvironment } from '../semantics/class-environment.js';
import type { ClassSymbol } from '../semantics/symbols.js';
import type { ClassDecl } from '../syntax/ast.js';
import { parse } from '../syntax/parser.js';

/**
 * Library classes the interpreter or the checker use without a program naming them: the implicit
 * superclass and array supertypes, string literals, the thread and stack-trace machinery, and the
 * exceptions the runtime raises itself.
 */
const ALWAYS_NEEDED = [
  'Object',
  'String',
  'Class',
  'Cloneable',
  'Serializable',
  'Thread',
  'Throwable',
  'StackTraceElement',
  'System',
  'Runtime',
  'ArithmeticException',
  'ArrayIndexOutOfBoundsException',
  'ArrayStoreException',
  'ClassCastException',
  'NegativeArraySizeException',
  'NullPointerException',
  'ExceptionInInitializerError',
  'NoClassDefFoundError',
  'StackOverflowError',
  'AbstractMethodError',
  'UnsatisfiedLinkError',
  'IllegalMonitorStateException',
  'IllegalArgumentException',
  'CloneNotSupportedException',
  'ClassNotFoundException',
  'IOException',
];

export interface CheckedLibrary {
  /** The library classes checked so far (a batch is added whenever a program needs more). */
  readonly classes: readonly ClassSymbol[];
  /** Source file name (for stack traces) of each class declaration. */
  readonly fileOf: ReadonlyMap<ClassDecl, string>;
  /** Checks the library classes of these simple names (and what they need), if not done yet. */
  need(names: Iterable<string>): void;
  /** Whether the library has a package ("java/util"), loaded or not. */
  hasPackage(packageName: string): boolean;
}

export interface CheckedProgram {
  readonly library: CheckedLibrary;
  /** The program's own classes, in source order. */
  readonly classes: readonly ClassSymbol[];
  readonly fileOf: ReadonlyMap<ClassDecl, string>;
  readonly diagnostics: readonly Diagnostic[];
}

/** The library failed to check: a broken installation, reported as such. */
export class LibraryError extends Error {}

/** The class library of one root folder, checked as far as programs have needed it. */
class LazyLibrary implements CheckedLibrary {
  readonly classes: ClassSymbol[] = [];
  readonly fileOf = new Map<ClassDecl, string>();
  /** Simple class name -> source paths (relative to the root) declaring a class of that name. */
  private readonly pathsByName = new Map<string, string[]>();
  private readonly loaded = new Set<string>();
  private readonly packages = new Set<string>();

  constructor(private readonly root: string) {
    const walk = (dir: string): void => {
      for (const entry of readdirSync(dir).sort()) {
        const path = join(dir, entry);
        if (statSync(path).isDirectory()) {
          this.packages.add(relative(root, path).split(/[\\/]/).join('/'));
          walk(path);
        } else if (entry.endsWith('.oak')) {
          const name = entry.slice(0, -'.oak'.length);
          const paths = this.pathsByName.get(name) ?? [];
          paths.push(relative(root, path));
          this.pathsByName.set(name, paths);
        }
      }
    };
    walk(join(root, 'java'));
    this.need(ALWAYS_NEEDED);
  }

  hasPackage(packageName: string): boolean {
    return this.packages.has(packageName);
  }

  /** Parses and checks every library class the given names lead to, transitively. */
  need(names: Iterable<string>): void {
    const batch: SourceText[] = [];
    const queue = [...names];
    for (let name = queue.pop(); name !== undefined; name = queue.pop()) {
      for (const path of this.pathsByName.get(name) ?? []) {
        if (this.loaded.has(path)) continue;
        this.loaded.add(path);
        const text = readFileSync(join(this.root, path), 'utf8');
        batch.push({ path, text });
        queue.push(...classNamesIn(text));
      }
    }
    if (batch.length === 0) return;
    const env = new ClassEnvironment();
    for (const cls of this.classes) env.define(cls);
    const units = batch.map((s) => parse(s));
    const problems = units.flatMap((u) => u.diagnostics);
    const checked = check(
      units.map((u) => u.unit),
      env,
      { sources: batch },
    );
    problems.push(...checked.diagnostics);
    const first = problems[0];
    if (first !== undefined) throw new LibraryError(`the class library does not check: ${first.file}:${first.line}: ${first.message}`);
    this.classes.push(...checked.classes);
    for (const [decl, file] of fileNames(units.map((u) => u.unit))) this.fileOf.set(decl, file);
  }
}

const libraries = new Map<string, LazyLibrary>();

function libraryAt(root: string): LazyLibrary {
  let library = libraries.get(root);
  if (library === undefined) {
    library = new LazyLibrary(root);
    libraries.set(root, library);
  }
  return library;
}

/** The library under `root` (the folder holding `java/`), cached for the process. */
export function loadLibrary(root: string): CheckedLibrary {
  return libraryAt(root);
}

/** Parses and checks the program's sources against the library (loading the part of it they name). */
export function checkProgram(sources: readonly SourceText[], library: CheckedLibrary): CheckedProgram {
  const parsed = sources.map((s) => parse(s));
  const units = parsed.map((p) => p.unit);
  const diagnostics: Diagnostic[] = parsed.flatMap((p) => p.diagnostics);
  // As javac and oakc, checking does not start when parsing failed: the tree lacks what failed to parse.
  if (diagnostics.length > 0) return { library, classes: [], fileOf: fileNames(units), diagnostics: inSourceOrder(diagnostics, sources) };
  library.need(sources.flatMap((s) => [...classNamesIn(s.text)]));
  const env = new ClassEnvironment(undefined, undefined, (pkg) => library.hasPackage(pkg));
  for (const cls of library.classes) env.define(cls);
  const checked = check(units, env, { sources });
  diagnostics.push(...checked.diagnostics);
  return { library, classes: checked.classes, fileOf: fileNames(units), diagnostics: inSourceOrder(diagnostics, sources) };
}

/** Sorted by file (in the order given), then position, as oakc reports them. */
function inSourceOrder(diagnostics: readonly Diagnostic[], sources: readonly SourceText[]): Diagnostic[] {
  const order = new Map(sources.map((s, i) => [s.path, i]));
  return diagnostics
    .map((d, i) => ({ d, i }))
    .sort((a, b) => (order.get(a.d.file) ?? 0) - (order.get(b.d.file) ?? 0) || a.d.start - b.d.start || a.i - b.i)
    .map(({ d }) => d);
}

/**
 * Every identifier in `text` that could name a class (starts with a capital letter), outside comments and
 * string and character literals. An over-approximation is harmless: it only loads a class too many.
 */
function classNamesIn(text: string): Set<string> {
  const code = text.replace(/\/\/[^\n]*|\/\*[\s\S]*?\*\/|"(?:\\.|[^"\\\n])*"|'(?:\\.|[^'\\\n])*'/g, ' ');
  return new Set(code.match(/\b[A-Z][A-Za-z0-9_$]*/g) ?? []);
}

function fileNames(units: readonly { file: string; types: readonly ClassDecl[] }[]): Map<ClassDecl, string> {
  const map = new Map<ClassDecl, string>();
  for (const unit of units) {
    const base = unit.file.split(/[\\/]/).pop() ?? unit.file;
    for (const type of unit.types) map.set(type, base);
  }
  return map;
}
