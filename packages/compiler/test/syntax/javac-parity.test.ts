// Compares the parser's syntax errors with javac's on the programs in javac-parity/cases/. javac's output
// is committed in javac-diagnostics.json (regenerate with javac-parity/regenerate.mjs), so this test needs
// no JDK. Where Oak deliberately says something else, the difference is listed below with the reason.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from '../../src/syntax/parser.js';

interface Reported {
  readonly line: number;
  /** null when javac printed no caret (end of file). */
  readonly column: number | null;
  readonly message: string;
}

const dir = new URL('./javac-parity/', import.meta.url);
const javac = JSON.parse(readFileSync(new URL('javac-diagnostics.json', dir), 'utf8')) as Record<string, Reported[]>;
const names = readdirSync(new URL('cases/', dir))
  .filter((f) => f.endsWith('.oak'))
  .map((f) => f.slice(0, -'.oak'.length))
  .sort();

/** Cases where Oak's diagnostics differ from javac's on purpose: what Oak reports instead, and why. */
const deviations: Record<string, { readonly oak: Reported[]; readonly why: string }> = {
  'local-modifier': {
    oak: [{ line: 3, column: 26, message: 'modifier static not allowed here' }],
    why: 'javac reports this same diagnostic, at the same place, when it attributes the method; it is missing from javac-diagnostics.json only because the other cases stop javac after parsing',
  },
  'missing-brace-class': {
    oak: [{ line: 1, column: 8, message: "'{' expected" }],
    why: "javac's recovery then rejects the final '}' too; Oak resynchronises at the next class and reports only the cause",
  },
  'missing-close-bracket': {
    oak: [{ line: 3, column: 16, message: "']' expected" }],
    why: 'javac inserts the bracket and reports a follow-on "not a statement"; Oak skips the broken statement',
  },
  'missing-condition-paren': {
    oak: [{ line: 3, column: 11, message: "'(' expected" }],
    why: "javac inserts the parenthesis and reports the matching ')' too; Oak skips the broken statement",
  },
  'unclosed-comment': {
    oak: [
      { line: 1, column: 10, message: 'reached end of file while parsing' },
      { line: 2, column: 5, message: 'unclosed comment' },
    ],
    why: 'Oak puts the end-of-file error after the last token, where javac puts it at the end of the text',
  },
};

function oakDiagnostics(name: string): Reported[] {
  const text = readFileSync(new URL(`cases/${name}.oak`, dir), 'utf8');
  return parse({ path: `${name}.oak`, text }).diagnostics.map((d) => ({ line: d.line, column: d.column, message: d.message }));
}

describe('syntax errors match javac', () => {
  it('has javac output for every case', () => {
    expect(Object.keys(javac).sort()).toEqual(names);
  });

  it.each(names)('%s', (name) => {
    const expected = (javac[name] ?? []).map((d) => ({ ...d, column: d.column ?? expect.any(Number) }));
    const deviation = deviations[name];
    expect(oakDiagnostics(name)).toEqual(deviation === undefined ? expected : deviation.oak);
  });
});

const hasJdk = spawnSync('javac', ['-version'], { stdio: 'ignore' }).status === 0;
if (!hasJdk) console.warn('javac-parity.test.ts: no javac on the PATH, so the sample programs are not checked against javac');

describe.skipIf(!hasJdk)('the sample programs are valid Java', () => {
  it('javac compiles every program the parser tests use', () => {
    const programs = fileURLToPath(new URL('./programs/', import.meta.url));
    const work = mkdtempSync(join(tmpdir(), 'oak-samples-'));
    try {
      const files = readdirSync(programs)
        .filter((f) => f.endsWith('.oak'))
        .map((f) => {
          const target = join(work, f.replace(/\.oak$/, '.java'));
          copyFileSync(join(programs, f), target);
          return target;
        });
      const result = spawnSync('javac', ['-proc:none', '-d', join(work, 'out'), ...files], { encoding: 'utf8' });
      expect(result.stderr).toBe('');
      expect(result.status).toBe(0);
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  });
});
