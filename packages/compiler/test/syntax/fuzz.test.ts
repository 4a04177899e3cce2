// Feeds the parser thousands of mutated, truncated and spliced programs (seeded, so every run sees the
// same inputs) and checks it always returns a well-formed tree and sane diagnostics, never throws.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatDiagnostic } from '../../src/diagnostics.js';
import { parse } from '../../src/syntax/parser.js';
import { mulberry32 as prng } from '../../../../test/support/seeded-random.mjs';

const dir = new URL('./programs/', import.meta.url);
const programs = readdirSync(dir)
  .filter((f) => f.endsWith('.oak'))
  .sort()
  .map((f) => readFileSync(new URL(f, dir), 'utf8'));

const fragments = [
  '(', ')', '{', '}', '[', ']', ';', ',', '.', '...', '@', '::', '->', '=', '==', '<', '>', '>>>=', '?', ':', '+', '-', '++',
  'class', 'interface', 'enum', 'new', 'this', 'super', 'int', 'void', 'static', 'final', 'if', 'else', 'for', 'while', 'do',
  'switch', 'case', 'default', 'try', 'catch', 'finally', 'return', 'break', 'continue', 'throw', 'synchronized', 'instanceof',
  'x', 'Foo', '0', '0x', '1e', "'", '"', '"""', '\\u', '\\u0041', '/*', '//', '\n', '\t', '#', '\u00a0', '09', '1_', "'ab'",
  '2147483648', '-', 'assert', 'var', 'record', '<T>', '() -> 1', 'int.class',
];

function mutate(random: () => number, text: string): string {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)] as T;
  const at = (): number => Math.floor(random() * (text.length + 1));
  switch (Math.floor(random() * 7)) {
    case 0:
      return text.slice(0, at());
    case 1: {
      const a = at();
      return text.slice(0, a) + text.slice(a + 1 + Math.floor(random() * 40));
    }
    case 2: {
      const a = at();
      return text.slice(0, a) + pick(fragments) + text.slice(a);
    }
    case 3: {
      const other = pick(programs);
      const from = Math.floor(random() * other.length);
      const a = at();
      return text.slice(0, a) + other.slice(from, from + Math.floor(random() * 200)) + text.slice(a);
    }
    case 4: {
      const a = at();
      const b = at();
      return text.slice(0, Math.min(a, b)) + text.slice(Math.max(a, b)) + text.slice(Math.min(a, b), Math.max(a, b));
    }
    case 5: {
      const a = at();
      return text.slice(0, a) + String.fromCharCode(Math.floor(random() * 128)) + text.slice(a + 1);
    }
    default: {
      const a = at();
      return text.slice(0, a) + text.slice(a, a + Math.floor(random() * 80)).repeat(2) + text.slice(a);
    }
  }
}

interface Problem {
  readonly input: string;
  readonly problem: string;
}

/** Every node (an object with a `kind`) must have a span of integers inside the text. */
function checkTree(node: unknown, length: number, path: string, problems: string[]): void {
  if (Array.isArray(node)) {
    node.forEach((child, i) => checkTree(child, length, `${path}[${i}]`, problems));
    return;
  }
  if (node === null || typeof node !== 'object') return;
  const record = node as Record<string, unknown>;
  if ('kind' in record && 'span' in record) {
    const span = record.span as { start: unknown; end: unknown; line: unknown; column: unknown };
    const ok = [span.start, span.end, span.line, span.column].every((v) => Number.isInteger(v));
    if (!ok || (span.start as number) < 0 || (span.end as number) > length || (span.line as number) < 1) {
      problems.push(`bad span at ${path}: ${JSON.stringify(span)}`);
    }
  }
  for (const [key, value] of Object.entries(record)) {
    if (value === undefined) problems.push(`undefined field ${path}.${key}`);
    else if (key !== 'span') checkTree(value, length, `${path}.${key}`, problems);
  }
}

/** Parses `input` and returns what is wrong with the result, if anything, and how many diagnostics it had. */
function run(input: string): { problem: string | undefined; diagnostics: number } {
  const source = { path: 'Fuzz.oak', text: input };
  let result;
  try {
    result = parse(source);
  } catch (e) {
    return { problem: `threw ${e instanceof Error ? e.stack : String(e)}`, diagnostics: 0 };
  }
  const problems: string[] = [];
  checkTree(result.unit, input.length, 'unit', problems);
  for (const d of result.diagnostics) {
    if (!(d.line >= 1 && d.column >= 1 && d.start >= 0 && d.start <= d.end && d.end <= input.length + 1)) problems.push(`bad position ${JSON.stringify(d)}`);
    if (d.message.length === 0 || d.message.startsWith('internal')) problems.push(`bad message ${d.message}`);
    try {
      formatDiagnostic(d, source);
    } catch (e) {
      problems.push(`formatDiagnostic threw ${String(e)}`);
    }
  }
  return { problem: problems.length > 0 ? problems.join('; ') : undefined, diagnostics: result.diagnostics.length };
}

describe('parser fuzzing', () => {
  it('returns a tree or diagnostics for 2000 mutated programs, never throws', () => {
    const random = prng(0x0a4b);
    const failures: Problem[] = [];
    let withDiagnostics = 0;
    for (let i = 0; i < 2000; i++) {
      let text = programs[i % programs.length] as string;
      const rounds = 1 + Math.floor(random() * 4);
      for (let r = 0; r < rounds; r++) text = mutate(random, text);
      const { problem, diagnostics } = run(text);
      if (problem !== undefined) failures.push({ input: text, problem });
      if (diagnostics > 0) withDiagnostics++;
    }
    expect(failures.slice(0, 3)).toEqual([]);
    // The mutations must actually exercise the error paths.
    expect(withDiagnostics).toBeGreaterThan(1300);
  });

  it('handles 500 random token soups', () => {
    const random = prng(0x50a9);
    const failures: Problem[] = [];
    for (let i = 0; i < 500; i++) {
      const parts: string[] = [];
      const length = Math.floor(random() * 60);
      for (let k = 0; k < length; k++) parts.push(fragments[Math.floor(random() * fragments.length)] as string);
      const text = parts.join(random() < 0.5 ? ' ' : '');
      const { problem } = run(text);
      if (problem !== undefined) failures.push({ input: text, problem });
    }
    expect(failures.slice(0, 3)).toEqual([]);
  });

  it('handles every prefix of a program', () => {
    const text = programs[0] as string;
    const failures: Problem[] = [];
    for (let end = 0; end <= text.length; end += 7) {
      const { problem } = run(text.slice(0, end));
      if (problem !== undefined) failures.push({ input: text.slice(0, end), problem });
    }
    expect(failures.slice(0, 3)).toEqual([]);
  });
});
