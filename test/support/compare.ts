// Compares what a tier actually did with a program's expectations and renders a readable difference.
import type { ExpectedDiagnostic, RunExpectation } from './expectations.js';

/** What running a program produced, whichever tier ran it. */
export interface RunResult {
  readonly stdout: string;
  readonly stderr: string;
  readonly exitCode: number;
}

export interface Comparison {
  readonly ok: boolean;
  /** Empty when ok; otherwise a multi-line report fit for a test failure message. */
  readonly diff: string;
}

/** A diagnostic as a compiler reported it. */
export interface ActualDiagnostic {
  readonly line: number;
  readonly column: number;
  readonly message: string;
}

export interface DiagnosticCompareOptions {
  /** 'exact' (default) requires the message text to match too; 'position' compares LINE:COL only. */
  readonly messages?: 'exact' | 'position';
  /** Allow errors beyond the expected ones (cascades). Default false. */
  readonly allowExtra?: boolean;
}

const CONTEXT = 2;

/** Splits program output into lines the way the expectations were recorded (a final newline ends a line). */
export function outputLines(text: string): string[] {
  const normalised = text.replace(/\r\n/g, '\n');
  if (normalised === '') return [];
  return normalised.replace(/\n$/, '').split('\n');
}

export function compareRun(expected: RunExpectation, actual: RunResult): Comparison {
  const sections: string[] = [];
  const stdout = outputLines(actual.stdout);
  const stdoutDiff = diffLines(expected.stdout, stdout);
  if (stdoutDiff !== '') sections.push(`stdout differs (- expected, + actual):\n${stdoutDiff}`);
  const stderrFirst = actual.stderr === '' ? null : (outputLines(actual.stderr)[0] ?? '');
  if (stderrFirst !== expected.stderrFirstLine) {
    sections.push(
      `stderr's first line differs:\n  expected: ${show(expected.stderrFirstLine)}\n  actual:   ${show(stderrFirst)}` +
        (actual.stderr !== '' ? `\n  whole actual stderr:\n${indent(actual.stderr.trimEnd(), '    ')}` : ''),
    );
  }
  if (actual.exitCode !== expected.exitCode) {
    sections.push(`exit code differs: expected ${expected.exitCode}, actual ${actual.exitCode}`);
  }
  return { ok: sections.length === 0, diff: sections.join('\n') };
}

export function compareDiagnostics(
  expected: readonly ExpectedDiagnostic[],
  actual: readonly ActualDiagnostic[],
  options: DiagnosticCompareOptions = {},
): Comparison {
  const exact = (options.messages ?? 'exact') === 'exact';
  const key = (d: ActualDiagnostic): string => `${d.line}:${d.column}` + (exact ? ` ${d.message}` : '');
  const remaining = actual.map(key);
  const missing: string[] = [];
  for (const e of expected) {
    const at = remaining.indexOf(key(e));
    if (at < 0) missing.push(key(e));
    else remaining.splice(at, 1);
  }
  const extra = options.allowExtra ? [] : remaining;
  if (missing.length === 0 && extra.length === 0) return { ok: true, diff: '' };
  const lines = [
    ...missing.map((m) => `  missing error: ${m}`),
    ...extra.map((m) => `  unexpected error: ${m}`),
    '  all reported errors:',
    ...(actual.length === 0 ? ['    (none)'] : actual.map((d) => `    ${d.line}:${d.column} ${d.message}`)),
  ];
  return { ok: false, diff: `diagnostics differ:\n${lines.join('\n')}` };
}

/**
 * Parses compiler output in the project's diagnostic format (`File.oak:LINE:COL: error: message`, then
 * the source line and a caret) into diagnostics, ignoring the source and caret lines.
 */
export function parseDiagnostics(output: string): ActualDiagnostic[] {
  const found: ActualDiagnostic[] = [];
  for (const line of outputLines(output)) {
    const m = /^.*?:(\d+):(\d+): error: (.*)$/.exec(line);
    if (m) found.push({ line: Number(m[1]), column: Number(m[2]), message: m[3] ?? '' });
  }
  return found;
}

/** A line diff with a little context: the shortest edit script over lines (LCS). */
export function diffLines(expected: readonly string[], actual: readonly string[]): string {
  const n = expected.length;
  const m = actual.length;
  // Sizes stay small (corpus programs print at most a few hundred lines), so the quadratic table is fine.
  const lcs: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i--) {
    const row = lcs[i]!;
    const below = lcs[i + 1]!;
    for (let j = m - 1; j >= 0; j--) {
      row[j] = expected[i] === actual[j] ? below[j + 1]! + 1 : Math.max(below[j]!, row[j + 1]!);
    }
  }
  type Edit = { readonly op: ' ' | '-' | '+'; readonly text: string };
  const edits: Edit[] = [];
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && expected[i] === actual[j]) {
      edits.push({ op: ' ', text: expected[i++]! });
      j++;
    } else if (i < n && (j === m || lcs[i + 1]![j]! >= lcs[i]![j + 1]!)) {
      edits.push({ op: '-', text: expected[i++]! });
    } else {
      edits.push({ op: '+', text: actual[j++]! });
    }
  }
  if (edits.every((e) => e.op === ' ')) return '';
  const out: string[] = [];
  let lastShown = -1;
  edits.forEach((edit, index) => {
    const near = edits.slice(Math.max(0, index - CONTEXT), index + CONTEXT + 1).some((e) => e.op !== ' ');
    if (!near) return;
    if (lastShown >= 0 && index > lastShown + 1) out.push('  ...');
    out.push(`${edit.op} ${edit.text}`);
    lastShown = index;
  });
  return out.join('\n');
}

function show(line: string | null): string {
  return line === null ? '(no stderr)' : JSON.stringify(line);
}

function indent(text: string, prefix: string): string {
  return text
    .split('\n')
    .map((l) => prefix + l)
    .join('\n');
}
