import { describe, expect, it } from 'vitest';
import { hasModifier } from '../../src/syntax/ast.js';
import { parse } from '../../src/syntax/parser.js';
import { statements, stmts, typeText } from './ast-print.js';

describe('statements', () => {
  it.each([
    ['int a;', '(var [int a])'],
    ['int a = 1, b[], c[][] = {};', '(var [int a 1] [int[] b] [int[][] c {}])'],
    ['final String s = "x";', '(var final [String s "x"])'],
    ['int[] a[] = null;', '(var [int[][] a null])'],
    ['java.util.Random r;', '(var [java.util.Random r])'],
    ['Foo[] fs = new Foo[2];', '(var [Foo[] fs (newarray Foo [2] 0)])'],
    ['x = 1;', '(= x 1)'],
    ['a.b.c = 1;', '(= (. (. a b) c) 1)'],
    ['a[0] = 1;', '(= ([] a 0) 1)'],
    ['i++;', '(post++ i)'],
    ['--i;', '(--pre i)'],
    ['f();', '(call _ f)'],
    ['new Foo();', '(new Foo)'],
    ['if (a) b(); else c();', '(if a (call _ b) (call _ c))'],
    ['if (a) if (b) c(); else d();', '(if a (if b (call _ c) (call _ d)))'],
    ['while (true) ;', '(while true ;)'],
    ['do x++; while (x < 3);', '(do (post++ x) (< x 3))'],
    ['for (;;) {}', '(for [] _ [] { })'],
    ['for (int i = 0, j = 1; i < j; i++, j--) f();', '(for [(var [int i 0] [int j 1])] (< i j) [(post++ i) (post-- j)] (call _ f))'],
    ['for (i = 0, j = 0; ; ) break;', '(for [(= i 0) (= j 0)] _ [] (break))'],
    ['for (int x : xs) s += x;', '(foreach int x xs (+= s x))'],
    ['for (final String[] row : grid) ;', '(foreach String[] row grid ;)'],
    ['outer: for (;;) { continue outer; }', '(label outer (for [] _ [] { (continue outer) }))'],
    ['a: b: break a;', '(label a (label b (break a)))'],
    ['return;', '(return)'],
    ['return a + 1;', '(return (+ a 1))'],
    ['throw new Error();', '(throw (new Error))'],
    ['synchronized (this) { x++; }', '(sync this { (post++ x) })'],
    [';', ';'],
    ['{ int a; { int b; } }', '{ (var [int a]) { (var [int b]) } }'],
    ['try { f(); } finally { g(); }', '(try { (call _ f) } (finally { (call _ g) }))'],
    [
      'try { f(); } catch (A | b.B e) { g(); } catch (final C c) {} finally {}',
      '(try { (call _ f) } (catch A|b.B e { (call _ g) }) (catch C c { }) (finally { }))',
    ],
  ])('%s', (source, expected) => {
    expect(stmts(source)).toBe(expected);
  });

  it('parses switch groups with several labels, default and fall-through', () => {
    expect(stmts("switch (x) { case 1: case 2: a(); case 'c': b(); break; default: c(); case 3: }")).toBe(
      "(switch x [case 1, case 2: (call _ a)] [case 'c': (call _ b) (break)] [default: (call _ c)] [case 3:])",
    );
    expect(stmts('switch (x) { }')).toBe('(switch x)');
    expect(stmts('switch (x) { default: case -1: { int y; } }')).toBe('(switch x [default, case -1: { (var [int y]) }])');
    expect(stmts('switch (x) { case A.B + 1: break; }')).toBe('(switch x [case (+ (. A B) 1): (break)])');
  });

  it('treats this(...) and super(...) as explicit constructor calls at the start of a constructor', () => {
    const { unit, diagnostics } = parse({
      path: 'T.oak',
      text: 'class T extends S { T() { this(1); } T(int a) { super(a, 2); x = a; } T(long l) { super.m(); } }',
    });
    expect(diagnostics).toEqual([]);
    const bodies = unit.types[0]?.members.map((m) => (m.kind === 'Constructor' ? m.body.statements[0] : undefined));
    expect(bodies?.map((s) => s?.kind)).toEqual(['ExplicitConstructorCall', 'ExplicitConstructorCall', 'ExprStmt']);
    expect(bodies?.[1]).toMatchObject({ kind: 'ExplicitConstructorCall', call: 'super', args: [{ kind: 'Name', name: 'a' }, { kind: 'Literal' }] });
  });

  it('gives each declarator its own type, counting brackets after the name', () => {
    const [decl] = statements('int a[], b, c[][];');
    if (decl?.kind !== 'LocalVar') throw new Error('not a declaration');
    expect(typeText(decl.declaredType)).toBe('int');
    expect(decl.declarators.map((d) => typeText(d.type))).toEqual(['int[]', 'int', 'int[][]']);
  });
});

describe('declarations', () => {
  const source = [
    'package a.b;',
    'import java.util.Arrays;',
    'import java.io.*;',
    'public abstract class C extends p.Base implements I, J {',
    '  private static final int K = 1, L[] = {};',
    '  static { }',
    '  { }',
    '  C() { super(); }',
    '  public C(int a, final String... rest) { }',
    '  abstract int[] f(int x[])[] throws E, F;',
    '  native void n();',
    '  synchronized strictfp void s() { }',
    '}',
    'interface I extends J, K { int X = 1; void m(); }',
    'final class D {}',
    ';',
  ].join('\n');

  it('parses packages, imports, classes, interfaces and every member kind', () => {
    const { unit, diagnostics } = parse({ path: 'C.oak', text: source });
    expect(diagnostics.map((d) => d.message)).toEqual(['varargs is not supported in Oak']);
    expect(unit.file).toBe('C.oak');
    expect(unit.packageName?.text).toBe('a.b');
    expect(unit.imports.map((i) => [i.name.text, i.onDemand])).toEqual([
      ['java.util.Arrays', false],
      ['java.io', true],
    ]);
    expect(unit.types.map((t) => [t.name.name, t.isInterface])).toEqual([
      ['C', false],
      ['I', true],
      ['D', false],
    ]);
    const c = unit.types[0];
    if (c === undefined) throw new Error('no class');
    expect(c.superclass?.name.text).toBe('p.Base');
    expect(c.interfaces.map((i) => i.name.text)).toEqual(['I', 'J']);
    expect(hasModifier(c.modifiers, 'abstract')).toBe(true);
    expect(c.members.map((m) => m.kind)).toEqual(['Field', 'Initializer', 'Initializer', 'Constructor', 'Constructor', 'Method', 'Method', 'Method']);
    const [field, clinit, init, , ctor, f, n, s] = c.members;
    if (field?.kind !== 'Field' || clinit?.kind !== 'Initializer' || init?.kind !== 'Initializer') throw new Error('bad members');
    expect(field.declarators.map((d) => [d.name.name, typeText(d.type)])).toEqual([
      ['K', 'int'],
      ['L', 'int[]'],
    ]);
    expect(field.modifiers.items.map((m) => m.name)).toEqual(['private', 'static', 'final']);
    expect([clinit.isStatic, init.isStatic]).toEqual([true, false]);
    if (ctor?.kind !== 'Constructor' || f?.kind !== 'Method' || n?.kind !== 'Method' || s?.kind !== 'Method') throw new Error('bad members');
    expect(ctor.params.map((p) => [typeText(p.type), p.name.name, hasModifier(p.modifiers, 'final')])).toEqual([
      ['int', 'a', false],
      ['String[]', 'rest', true],
    ]);
    expect(typeText(f.returnType)).toBe('int[][]');
    expect(f.params.map((p) => typeText(p.type))).toEqual(['int[]']);
    expect(f.throws.map((t) => t.name.text)).toEqual(['E', 'F']);
    expect(f.body).toBeNull();
    expect(n.body).toBeNull();
    expect(typeText(n.returnType)).toBe('void');
    expect(s.modifiers.items.map((m) => m.name)).toEqual(['synchronized', 'strictfp']);
    const i = unit.types[1];
    expect(i?.superclass).toBeNull();
    expect(i?.interfaces.map((t) => t.name.text)).toEqual(['J', 'K']);
    expect(i?.members.map((m) => m.kind)).toEqual(['Field', 'Method']);
  });

  it('records positions: 1-based line and column, offsets into the text', () => {
    const { unit } = parse({ path: 'C.oak', text: source });
    const c = unit.types[0];
    if (c === undefined) throw new Error('no class');
    expect(c.name.span).toEqual({ start: source.indexOf('C extends'), end: source.indexOf('C extends') + 1, line: 4, column: 23 });
    expect(c.span.line).toBe(4);
    expect(c.span.column).toBe(1);
    expect(source.slice(c.span.start, c.span.end).endsWith('}')).toBe(true);
    const f = c.members[5];
    expect(f?.span.line).toBe(10);
    expect(source.slice(f?.span.start, f?.span.end)).toBe('abstract int[] f(int x[])[] throws E, F;');
  });

  it('positions tokens after unicode escapes in the original text', () => {
    const text = 'class T {\n  char c = \'\\u0041\'; int \\u0078 = 1; }';
    const { unit, diagnostics } = parse({ path: 'T.oak', text });
    expect(diagnostics).toEqual([]);
    const [c, x] = unit.types[0]?.members ?? [];
    if (c?.kind !== 'Field' || x?.kind !== 'Field') throw new Error('no fields');
    expect(c.declarators[0]?.init).toMatchObject({ kind: 'Literal', value: { kind: 'char', value: 65 } });
    const name = x.declarators[0]?.name;
    expect(name?.name).toBe('x');
    expect(name?.span).toEqual({ start: text.indexOf('\\u0078'), end: text.indexOf('\\u0078') + 6, line: 2, column: 26 });
  });

  it('parses the sample programs without diagnostics', async () => {
    const { readdirSync, readFileSync } = await import('node:fs');
    const dir = new URL('./programs/', import.meta.url);
    const files = readdirSync(dir).filter((f) => f.endsWith('.oak'));
    expect(files.length).toBeGreaterThan(2);
    for (const f of files) {
      const { diagnostics } = parse({ path: f, text: readFileSync(new URL(f, dir), 'utf8') });
      expect(diagnostics, f).toEqual([]);
    }
  });
});
