// compile() on mutated and truncated programs (seeded, so failures reproduce): every run must end in
// class files or diagnostics, never an exception, and class files it produces must read back.
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readClassFile } from '@oakvm/classfile';
import { describe, expect, it } from 'vitest';
import { compile } from '../../src/compile.js';
import { jdkClassPath } from './support.js';
import { mulberry32 as prng } from '../../../../test/support/seeded-random.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const programsDir = join(here, '..', 'golden', 'programs');
const seeds = readdirSync(programsDir)
  .filter((f) => f.endsWith('.oak'))
  .sort()
  .map((f) => ({ path: f, text: readFileSync(join(programsDir, f), 'utf8') }));

const TOKENS = ['{', '}', '(', ')', ';', ',', '=', '+=', '++', '--', '<', '>>>', '&&', '||', '!', '?', ':', 'null', 'this', 'super', 'return', 'break', 'continue', 'if', 'else', 'while', 'for', 'do', 'switch', 'case 1:', 'default:', 'try', 'catch (Exception e)', 'finally', 'synchronized', 'throw', 'new', 'int', 'long', 'double', 'char', 'boolean', 'String', '[]', '0', '1L', '2.5', "'c'", '"s"', 'x', 'i', 'static', 'final'];

function mutate(source: string, random: () => number): string {
  const pick = (n: number): number => Math.floor(random() * n);
  let text = source;
  const edits = 1 + pick(3);
  for (let e = 0; e < edits; e++) {
    const at = pick(text.length + 1);
    switch (pick(5)) {
      case 0:
        text = text.slice(0, at);
        break;
      case 1:
        text = text.slice(0, at) + text.slice(at + 1 + pick(20));
        break;
      case 2:
        text = `${text.slice(0, at)} ${TOKENS[pick(TOKENS.length)]} ${text.slice(at)}`;
        break;
      case 3: {
        const from = pick(text.length);
        text = text.slice(0, at) + text.slice(from, from + pick(40)) + text.slice(at);
        break;
      }
      default:
        text = text.slice(0, at) + String.fromCharCode(pick(128)) + text.slice(at);
    }
  }
  return text;
}

const CASES = 200;

describe('compile() on mutated programs', () => {
  it('ends every run in class files or diagnostics', () => {
    const random = prng(20261126);
    let compiled = 0;
    let rejected = 0;
    for (let i = 0; i < CASES; i++) {
      const seed = seeds[i % seeds.length] as { path: string; text: string };
      const source = mutate(seed.text, random);
      let result: ReturnType<typeof compile> | undefined;
      try {
        result = compile([{ path: seed.path, text: source }], { classPath: jdkClassPath });
      } catch (e) {
        throw new Error(`case ${i} threw ${String(e)}\n--- source ---\n${source}`);
      }
      const internal = result.diagnostics.find((d) => d.code === 'internal');
      expect(internal, `case ${i}: ${internal?.message}\n--- source ---\n${source}`).toBeUndefined();
      if (result.diagnostics.length === 0) {
        compiled++;
        for (const bytes of result.classes.values()) readClassFile(bytes);
      } else {
        rejected++;
        expect(result.classes.size).toBe(0);
      }
    }
    expect(compiled + rejected).toBe(CASES);
    expect(compiled).toBeGreaterThan(0);
  });
});
