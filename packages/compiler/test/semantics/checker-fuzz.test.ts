// Mutated and truncated programs must never make the checker throw: every run ends in diagnostics or
// success. Parser failures are outside this test (the parser has its own fuzz test); a mutant the
// parser throws on is skipped and counted.
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { check } from '../../src/semantics/checker.js';
import type { CompilationUnit } from '../../src/syntax/ast.js';
import { parse } from '../../src/syntax/parser.js';
import { jdkEnvironment } from './check-helper.js';
import { mulberry32 as random } from '../../../../test/support/seeded-random.mjs';

const casesDir = fileURLToPath(new URL('./cases/', import.meta.url));
const seeds = readdirSync(casesDir)
  .filter((f) => f.endsWith('.oak'))
  .sort()
  .map((f) => readFileSync(`${casesDir}${f}`, 'utf8'));
seeds.push(`
interface Shape { double area(); int SIDES = 4; }
abstract class Base implements Shape {
    static final int K = 3;
    final int id;
    Base(int id) { this.id = id; }
    abstract int size();
}
public class Main extends Base {
    static int[] table = {1, 2, 3};
    Main() { super(K); }
    public double area() { return size() * 1.5; }
    int size() { return table.length; }
    static int f(int x) throws Exception { if (x < 0) throw new Exception("neg"); return x; }
    public static void main(String[] args) {
        int total = 0;
        label: for (int i = 0; i < 10; i++) {
            switch (i % 3) { case 0: total += i; break; case 1: continue label; default: total--; }
            try { total += f(i); } catch (Exception e) { total = -1; } finally { total++; }
        }
        synchronized (table) { table[0] = total > 0 ? total : -total; }
        String s = "t=" + total + (char) 65 + 1.5f + true;
        System.out.println(s + new Main().area());
    }
}
`);

const fragments = ['{', '}', ';', '(', ')', '[', ']', '.', ',', '=', '+=', '++', '?', ':', 'int', 'long', 'x', 'Main',
  'return', 'new', 'this', 'super', 'class', 'interface', 'static', 'final', 'abstract', 'void', '1', '1L', '2.5',
  '"s"', "'c'", 'null', 'throw', 'try', 'catch', 'finally', 'break', 'continue', 'case', 'default:', 'switch',
  'extends', 'implements', 'String', 'Object', 'Exception', 'throws', 'if', 'else', 'while', 'for', 'do', 'label:'];

function mutate(text: string, rnd: () => number): string {
  const at = (): number => Math.floor(rnd() * (text.length + 1));
  switch (Math.floor(rnd() * 5)) {
    case 0: {
      const a = at();
      return text.slice(0, a) + text.slice(Math.min(text.length, a + 1 + Math.floor(rnd() * 20)));
    }
    case 1: {
      const a = at();
      return `${text.slice(0, a)} ${fragments[Math.floor(rnd() * fragments.length)]} ${text.slice(a)}`;
    }
    case 2: {
      const a = at();
      const b = at();
      const [lo, hi] = a < b ? [a, b] : [b, a];
      return text.slice(0, hi) + text.slice(lo, Math.min(hi, lo + 40)) + text.slice(hi);
    }
    case 3:
      return text.slice(0, at());
    default: {
      const a = at();
      const b = at();
      const [lo, hi] = a < b ? [a, b] : [b, a];
      return text.slice(0, lo) + text.slice(hi, hi + (hi - lo)) + text.slice(lo, hi) + text.slice(hi + (hi - lo));
    }
  }
}

describe('checker fuzz', () => {
  it('never throws on mutated programs', () => {
    const rnd = random(20261126);
    let checked = 0;
    let parserFailures = 0;
    for (let i = 0; i < 1500; i++) {
      let text = seeds[i % seeds.length] as string;
      const rounds = 1 + Math.floor(rnd() * 3);
      for (let r = 0; r < rounds; r++) text = mutate(text, rnd);
      let unit: CompilationUnit;
      try {
        unit = parse({ path: 'Main.oak', text }).unit;
      } catch {
        parserFailures++;
        continue;
      }
      let result: ReturnType<typeof check> | undefined;
      try {
        result = check([unit], jdkEnvironment(), { sources: [{ path: 'Main.oak', text }] });
      } catch (e) {
        throw new Error(`checker threw on mutant ${i}: ${e instanceof Error ? e.stack : String(e)}\n--- program ---\n${text}`);
      }
      checked++;
      for (const d of result.diagnostics) {
        expect(d.line).toBeGreaterThanOrEqual(1);
        expect(d.column).toBeGreaterThanOrEqual(1);
        expect(d.code).toMatch(/^check\./);
      }
    }
    expect(checked).toBeGreaterThan(1000);
    if (parserFailures > 0) console.warn(`checker fuzz: the parser threw on ${parserFailures} mutants (not checked)`);
  });
});
