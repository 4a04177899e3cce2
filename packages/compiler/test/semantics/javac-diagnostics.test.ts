// Every program in cases/ must get exactly the errors javac gives it: same line, same caret column,
// same headline. cases/expected.json comes from javac (regen-expected.mjs regenerates it).
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { errorLines } from './check-helper.js';

const dir = fileURLToPath(new URL('./cases/', import.meta.url));
const expected = JSON.parse(readFileSync(`${dir}expected.json`, 'utf8')) as Record<string, string[]>;

/** By position, then text: javac orders by phase, which is not part of the contract. */
function byPosition(lines: readonly string[]): string[] {
  const key = (l: string): [number, number] => {
    const m = /^(\d+):(\d+)/.exec(l);
    return m === null ? [0, 0] : [Number(m[1]), Number(m[2])];
  };
  return [...lines].sort((a, b) => {
    const [la, ca] = key(a);
    const [lb, cb] = key(b);
    return la - lb || ca - cb || a.localeCompare(b);
  });
}

describe('checker diagnostics match javac', () => {
  const programs = readdirSync(dir).filter((f) => f.endsWith('.oak')).sort();
  it('has an expectation for every program', () => {
    expect(programs.map((p) => p.replace(/\.oak$/, '')).sort()).toEqual(Object.keys(expected).sort());
  });
  for (const program of programs) {
    const name = program.replace(/\.oak$/, '');
    it(name, () => {
      const text = readFileSync(`${dir}${program}`, 'utf8');
      expect(byPosition(errorLines([{ path: 'Main.oak', text }]))).toEqual(byPosition(expected[name] ?? []));
    });
  }
});
