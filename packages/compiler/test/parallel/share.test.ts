// A compilation split between two threads must give compile()'s class files byte for byte. Both "threads"
// run here in turn: each parses every source itself, keeps its own classes whole and sees the other's as
// the declaration-only copies a worker would post (structured-cloned as postMessage clones them).
import { describe, expect, it } from 'vitest';
import { listPrograms } from '../../../../test/support/corpus.js';
import { compile, compileShare, type CompileResult } from '../../src/compile.js';
import type { SourceText } from '../../src/diagnostics.js';
import { classDeclarations } from '../../src/parallel/declarations.js';
import type { ClassDecl, CompilationUnit } from '../../src/syntax/ast.js';
import { parse } from '../../src/syntax/parser.js';
import { jdkClassPath } from '../codegen/support.js';

const options = { classPath: jdkClassPath };

/** One thread's view: the classes `mine` picks whole, the others as declarations only. */
function threadView(sources: readonly SourceText[], mine: (index: number) => boolean): { units: CompilationUnit[]; owned: Set<ClassDecl> } {
  const owned = new Set<ClassDecl>();
  let index = 0;
  const units = sources.map((s) => {
    const unit = parse(s).unit;
    const types = unit.types.map((decl) => {
      if (!mine(index++)) return structuredClone(classDeclarations(decl));
      owned.add(decl);
      return decl;
    });
    return { ...unit, types };
  });
  return { units, owned };
}

function compileSplit(sources: readonly SourceText[], mine: (index: number) => boolean): CompileResult[] {
  return [mine, (i: number) => !mine(i)].map((picks) => {
    const { units, owned } = threadView(sources, picks);
    return compileShare(sources, units, (decl) => owned.has(decl), options);
  });
}

function expectSameClasses(sources: readonly SourceText[], mine: (index: number) => boolean): void {
  const whole = compile(sources, options);
  expect(whole.diagnostics).toEqual([]);
  const shares = compileSplit(sources, mine);
  const split = new Map<string, Uint8Array>();
  for (const share of shares) {
    expect(share.diagnostics).toEqual([]);
    for (const [name, bytes] of share.classes) {
      expect(split.has(name), `${name} compiled by both threads`).toBe(false);
      split.set(name, bytes);
    }
  }
  expect([...split.keys()].sort()).toEqual([...whole.classes.keys()].sort());
  for (const [name, bytes] of whole.classes) expect(Buffer.from(split.get(name) ?? []).equals(Buffer.from(bytes)), name).toBe(true);
}

const LIBRARY = `
public class Shapes {
    static final int SIDES = Polygon.BASE + 1;
    static final String NAME = "shape" + SIDES;
    public static void main(String[] args) {
        Polygon p = new Square(3);
        System.out.println(NAME + " " + p.area() + " " + Square.describe(p) + " " + Polygon.BASE);
    }
}
abstract class Polygon implements Measured {
    static final int BASE = 2 * Limits.MAX;
    protected int side;
    Polygon(int side) { this.side = side; }
    public abstract long area();
}
interface Measured { long area(); int UNIT = 7; }
class Limits { static final int MAX = 21; static int calls; }
`;

const SQUARE = `
class Square extends Polygon {
    private final int[] cache = new int[Shapes.SIDES];
    Square(int side) { super(side); Limits.calls++; }
    public long area() {
        long a = (long) side * side;
        switch (side % 3) { case 0: a += Measured.UNIT; break; default: a -= Limits.MAX; }
        return a + cache.length;
    }
    static String describe(Polygon p) { return p instanceof Square ? "square:" + Shapes.NAME : "other"; }
}
`;

describe('a compilation split between threads', () => {
  const sources = [
    { path: 'Shapes.oak', text: LIBRARY },
    { path: 'Square.oak', text: SQUARE },
  ];

  it('gives compile()\'s bytes whichever thread compiles which class', () => {
    expectSameClasses(sources, (i) => i % 2 === 0);
    expectSameClasses(sources, (i) => i % 2 === 1);
    expectSameClasses(sources, (i) => i < 2);
  });

  it('reports a diagnostic on the thread whose class has the error, so oakc compiles sequentially', () => {
    const broken = [sources[0] as SourceText, { path: 'Square.oak', text: SQUARE.replace('return a + cache.length;', 'return a + missing;') }];
    const square = (i: number) => i === 4;
    const [others, own] = compileSplit(broken, (i) => !square(i));
    expect(others?.diagnostics).toEqual([]);
    expect(own?.diagnostics.map((d) => d.message.split('\n')[0])).toEqual(['cannot find symbol']);
    expect(own?.classes.size).toBe(0);
  });

  const programs = listPrograms({ kind: 'run' }).filter((p) => (p.source.match(/^(?:public |abstract |final )*(?:class|interface) /gm) ?? []).length >= 2);
  it('the corpus has multi-class programs', () => expect(programs.length).toBeGreaterThan(10));
  it.each(programs.map((p) => [p.relativePath, p] as const))('%s', (_, program) => {
    expectSameClasses([{ path: `${program.name}.oak`, text: program.source }], (i) => i % 2 === 1);
  });
});
