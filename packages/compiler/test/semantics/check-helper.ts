// Runs the parser and the checker on test sources, against the signature-only JDK classes the code
// generator's tests use as their runtime image (java.lang, java.io.PrintStream, java.util.Arrays).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { readClassFile, readRuntimeImage } from '@oakvm/classfile';
import type { Diagnostic, SourceText } from '../../src/diagnostics.js';
import { check } from '../../src/semantics/checker.js';
import { ClassEnvironment } from '../../src/semantics/class-environment.js';
import type { ClassSymbol } from '../../src/semantics/symbols.js';
import type { CompilationUnit } from '../../src/syntax/ast.js';
import { parse } from '../../src/syntax/parser.js';

const imagePath = fileURLToPath(new URL('../codegen/fixtures/jdk-symbols.img', import.meta.url));
let image: Map<string, Uint8Array> | undefined;

function jdkImage(): Map<string, Uint8Array> {
  image ??= readRuntimeImage(new Uint8Array(readFileSync(imagePath)));
  return image;
}

export function jdkEnvironment(): ClassEnvironment {
  const classes = jdkImage();
  const packages = new Set<string>();
  for (const name of classes.keys()) {
    for (let i = name.indexOf('/'); i >= 0; i = name.indexOf('/', i + 1)) packages.add(name.slice(0, i));
  }
  return new ClassEnvironment((name) => classes.get(name), readClassFile, (pkg) => packages.has(pkg));
}

export interface Checked {
  readonly units: CompilationUnit[];
  readonly classes: ClassSymbol[];
  /** Parse and check diagnostics together. */
  readonly diagnostics: Diagnostic[];
  readonly env: ClassEnvironment;
}

/** Parses and checks one or more sources (a single string is Main.oak). */
export function checkSources(input: string | readonly SourceText[]): Checked {
  const sources = typeof input === 'string' ? [{ path: 'Main.oak', text: input }] : input;
  const diagnostics: Diagnostic[] = [];
  const units = sources.map((s) => {
    const parsed = parse(s);
    diagnostics.push(...parsed.diagnostics);
    return parsed.unit;
  });
  const env = jdkEnvironment();
  const result = check(units, env, { sources });
  diagnostics.push(...result.diagnostics);
  return { units, classes: result.classes, diagnostics, env };
}

/** "LINE:COL message" of every diagnostic, the message cut to its first line (javac's headline). */
export function errorLines(input: string | readonly SourceText[]): string[] {
  return checkSources(input).diagnostics.map((d) => `${d.line}:${d.column} ${d.message.split('\n')[0] ?? ''}`);
}
