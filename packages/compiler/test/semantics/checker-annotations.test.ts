// The annotations the code generator and the interpreter read: types, constants, bindings, chosen
// methods, invoke kinds, qualifying classes, operation types, locals and jump targets.
import { describe, expect, it } from 'vitest';
import type { Block, ClassDecl, Expr, LocalVar, MethodCall, NormalMethodDecl, Stmt } from '../../src/syntax/ast.js';
import { checkSources } from './check-helper.js';

const program = `
interface Shape { double area(); }
class Base {
    int size() { return 1; }
    private int secret() { return 2; }
    int both() { return secret() + size(); }
}
public class Main extends Base implements Shape {
    static final int LATER = Main.EARLY * 2;
    static final int EARLY = 21;
    static final String GREETING = "n=" + EARLY + ':' + 1.0e10 + (char) 66 + 2L;
    static final long BIG = 1L << 40;
    static final double HALF = 1 / 2.0;
    static final byte SMALL = 10;
    final int instanceConstant = 5;
    static int counter;
    public double area() { return 2.5; }
    int size() { return super.size() + 1; }
    static int pick(int x) { return 1; }
    static int pick(long x) { return 2; }
    void run(Shape s, Runnable r, int[] a, String text) {
        final int k = 3;
        int total = k + LATER;
        long wide = total + 1L;
        String joined = text + total;
        byte b = 1;
        b += 300;
        b++;
        char c = 'a';
        c *= 2;
        s.area();
        r.run();
        s.toString();
        int n = a.length;
        int[] copy = a.clone();
        StringBuilder sb = new StringBuilder();
        sb.append(1).append("x");
        System.out.println(pick(c));
        outer:
        for (int i = 0; i < n; i++) {
            while (true) {
                if (i > 2) break outer;
                continue outer;
            }
        }
        counter++;
        Main.counter = total;
    }
}
`;

const checked = checkSources(program);
const main = checked.units[0]?.types.find((t) => t.name.name === 'Main') as ClassDecl;
const method = (name: string): NormalMethodDecl =>
  main.members.find((m): m is NormalMethodDecl => m.kind === 'Method' && m.name.name === name) as NormalMethodDecl;
const statements = (name: string): readonly Stmt[] => (method(name).body as Block).statements;
const field = (name: string) => main.symbol?.fields.find((f) => f.name === name);
const runStatements = statements('run');
/** The initialiser of local `name` in run(). */
const init = (name: string): Expr => {
  for (const s of runStatements) {
    if (s.kind !== 'LocalVar') continue;
    const d = (s as LocalVar).declarators.find((x) => x.name.name === name);
    if (d?.init) return d.init;
  }
  throw new Error(`no local ${name}`);
};
/** The expression of the expression statement whose source starts with `prefix`. */
const call = (index: number): MethodCall => {
  const s = runStatements.filter((x) => x.kind === 'ExprStmt')[index];
  if (s?.kind !== 'ExprStmt' || s.expr.kind !== 'MethodCall') throw new Error(`statement ${index} is not a call`);
  return s.expr;
};

describe('checker annotations', () => {
  it('checks the program without diagnostics', () => {
    expect(checked.diagnostics).toEqual([]);
  });

  it('records constant values of static final fields, folded in dependency order', () => {
    expect(field('EARLY')?.constantValue).toEqual({ kind: 'int', value: 21 });
    expect(field('LATER')?.constantValue).toEqual({ kind: 'int', value: 42 });
    expect(field('GREETING')?.constantValue).toEqual({ kind: 'string', value: 'n=21:1.0E10B2' });
    expect(field('BIG')?.constantValue).toEqual({ kind: 'long', value: 1n << 40n });
    expect(field('HALF')?.constantValue).toEqual({ kind: 'double', value: 0.5 });
    expect(field('SMALL')?.constantValue).toEqual({ kind: 'byte', value: 10 });
    expect(field('instanceConstant')?.constantValue).toEqual({ kind: 'int', value: 5 });
    expect(field('counter')?.constantValue).toBeUndefined();
  });

  it('folds constant expressions, constant locals included', () => {
    const total = init('total');
    expect(total.constant).toEqual({ kind: 'int', value: 45 });
    expect(total.type).toEqual({ kind: 'primitive', name: 'int' });
  });

  it('gives operators the promoted operation type', () => {
    const wide = init('wide');
    expect(wide.kind === 'Binary' && wide.opType).toEqual({ kind: 'primitive', name: 'long' });
    const joined = init('joined');
    expect(joined.kind === 'Binary' && joined.opType).toEqual({ kind: 'class', name: 'java/lang/String' });
    expect(joined.type).toEqual({ kind: 'class', name: 'java/lang/String' });
  });

  it('types compound assignments and ++ with implicit narrowing', () => {
    const stmts = runStatements.filter((s) => s.kind === 'ExprStmt');
    const compound = stmts[0];
    expect(compound?.kind === 'ExprStmt' && compound.expr.kind === 'Assign' && compound.expr.opType).toEqual({ kind: 'primitive', name: 'int' });
    expect(compound?.kind === 'ExprStmt' && compound.expr.type).toEqual({ kind: 'primitive', name: 'byte' });
    const inc = stmts[1];
    expect(inc?.kind === 'ExprStmt' && inc.expr.kind === 'IncDec' && inc.expr.opType).toEqual({ kind: 'primitive', name: 'int' });
  });

  it('chooses invoke kinds and qualifying classes as javac does', () => {
    const area = call(3);
    expect([area.invoke, area.qualifyingClass, area.method?.owner.name]).toEqual(['interface', 'Shape', 'Shape']);
    const run = call(4);
    expect([run.invoke, run.qualifyingClass]).toEqual(['interface', 'java/lang/Runnable']);
    const objectMethod = call(5);
    expect([objectMethod.invoke, objectMethod.qualifyingClass]).toEqual(['virtual', 'java/lang/Object']);
    const append = call(6);
    expect([append.invoke, append.qualifyingClass, append.method?.descriptor]).toEqual([
      'virtual',
      'java/lang/StringBuilder',
      '(Ljava/lang/String;)Ljava/lang/StringBuilder;',
    ]);
    const println = call(7);
    expect(println.method?.descriptor).toBe('(I)V');
    const pick = println.args[0] as MethodCall;
    expect([pick.invoke, pick.method?.descriptor, pick.qualifyingClass]).toEqual(['static', '(I)I', 'Main']);
  });

  it('uses invokespecial for super calls and private methods', () => {
    const sizeReturn = statements('size')[0];
    const superCall = sizeReturn?.kind === 'Return' && sizeReturn.value?.kind === 'Binary' ? sizeReturn.value.left : undefined;
    expect(superCall?.kind === 'MethodCall' && [superCall.invoke, superCall.qualifyingClass]).toEqual(['special', 'Base']);
    const base = checked.units[0]?.types.find((t) => t.name.name === 'Base') as ClassDecl;
    const both = base.members.find((m) => m.kind === 'Method' && m.name.name === 'both') as NormalMethodDecl;
    const ret = (both.body as Block).statements[0];
    const secret = ret?.kind === 'Return' && ret.value?.kind === 'Binary' ? ret.value.left : undefined;
    expect(secret?.kind === 'MethodCall' && secret.invoke).toBe('special');
  });

  it('binds names, fields, classes and array length', () => {
    const n = init('n');
    expect(n.kind === 'FieldAccess' && n.binding).toEqual({ kind: 'arrayLength' });
    const copy = init('copy');
    expect(copy.kind === 'MethodCall' && [copy.qualifyingClass, copy.type]).toEqual(['[I', { kind: 'array', element: { kind: 'primitive', name: 'int' } }]);
    const out = call(7).target;
    expect(out?.kind === 'FieldAccess' && [out.binding?.kind, out.qualifyingClass]).toEqual(['field', 'java/lang/System']);
    expect(out?.kind === 'FieldAccess' && out.target.kind === 'Name' && out.target.binding?.kind).toBe('class');
  });

  it('numbers locals densely, parameters first, and counts them', () => {
    const m = method('run');
    expect(m.params.map((p) => p.local?.index)).toEqual([0, 1, 2, 3]);
    expect(m.params[0]?.local?.origin).toBe('param');
    const k = runStatements[0];
    expect(k?.kind === 'LocalVar' && k.declarators[0]?.local?.index).toBe(4);
    expect(k?.kind === 'LocalVar' && k.declarators[0]?.local?.constantValue).toEqual({ kind: 'int', value: 3 });
    // s, r, a, text, k, total, wide, joined, b, c, n, copy, sb, i
    expect(m.localCount).toBe(14);
  });

  it('resolves break and continue targets', () => {
    const labeled = runStatements.find((s) => s.kind === 'Labeled');
    if (labeled?.kind !== 'Labeled' || labeled.body.kind !== 'For' || labeled.body.body.kind !== 'Block') throw new Error('shape');
    const loop = labeled.body.body.statements[0];
    if (loop?.kind !== 'While' || loop.body.kind !== 'Block') throw new Error('shape');
    const ifStmt = loop.body.statements[0];
    const brk = ifStmt?.kind === 'If' ? ifStmt.thenStmt : undefined;
    expect(brk?.kind === 'Break' && brk.target).toBe(labeled);
    const cont = loop.body.statements[1];
    expect(cont?.kind === 'Continue' && cont.target).toBe(labeled);
  });

  it('adds the implicit default constructor', () => {
    const base = checked.classes.find((c) => c.name === 'Base');
    expect(base?.methods.filter((m) => m.name === '<init>').map((m) => [m.descriptor, m.decl])).toEqual([['()V', undefined]]);
  });
});
