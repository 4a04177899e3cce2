import { describe, expect, it } from 'vitest';
import { parse } from '../../src/syntax/parser.js';
import { expr } from './ast-print.js';

describe('expression precedence and associativity', () => {
  it.each([
    ['1 + 2 * 3', '(+ 1 (* 2 3))'],
    ['1 * 2 + 3', '(+ (* 1 2) 3)'],
    ['a - b - c', '(- (- a b) c)'],
    ['a / b * c % d', '(% (* (/ a b) c) d)'],
    ['a << 1 + 2', '(<< a (+ 1 2))'],
    ['a >> b >>> c', '(>>> (>> a b) c)'],
    ['a < b == c > d', '(== (< a b) (> c d))'],
    ['a & b ^ c | d', '(| (^ (& a b) c) d)'],
    ['a || b && c', '(|| a (&& b c))'],
    ['a && b || c && d', '(|| (&& a b) (&& c d))'],
    ['a == b != c', '(!= (== a b) c)'],
    ['a | b == c', '(| a (== b c))'],
    ['-a * b', '(* (- a) b)'],
    ['!a && ~b != 0', '(&& (! a) (!= (~ b) 0))'],
    ['- - a', '(- (- a))'],
    ['a ? b : c ? d : e', '(? a b (? c d e))'],
    ['a ? b ? c : d : e', '(? a (? b c d) e)'],
    ['a || b ? c : d', '(? (|| a b) c d)'],
    ['a = b = c', '(= a (= b c))'],
    ['a += b -= c', '(+= a (-= b c))'],
    ['a >>>= b <<= 2', '(>>>= a (<<= b 2))'],
    ['a = b ? c : d', '(= a (? b c d))'],
    ['a + b instanceof String', '(instanceof (+ a b) String)'],
    ['a instanceof String == true', '(== (instanceof a String) true)'],
    ['a < b instanceof Object', '(instanceof (< a b) Object)'],
    ['x instanceof int[][]', '(instanceof x int[][])'],
    ['i++ + ++i', '(+ (post++ i) (++pre i))'],
    ['i-- - --i', '(- (post-- i) (--pre i))'],
    ['a[i]++', '(post++ ([] a i))'],
    ['-a[0].b', '(- (. ([] a 0) b))'],
    ['"s" + 1 + 2', '(+ (+ "s" 1) 2)'],
    ['"s" + (1 + 2)', '(+ "s" (+ 1 2))'],
  ])('%s', (source, expected) => {
    expect(expr(source)).toBe(expected);
  });
});

describe('casts and parenthesised expressions', () => {
  it.each([
    ['(int) x', '(cast int x)'],
    ['(int) -x', '(cast int (- x))'],
    ['(int) +x', '(cast int (+ x))'],
    ['(a) - b', '(- a b)'],
    ['(a) + b', '(+ a b)'],
    ['(String) s', '(cast String s)'],
    ['(java.lang.String) s', '(cast java.lang.String s)'],
    ['(int[]) o', '(cast int[] o)'],
    ['(String[][]) o', '(cast String[][] o)'],
    ['(Object) (int[]) null', '(cast Object (cast int[] null))'],
    ['(a) (b)', '(cast a b)'],
    ['(Runnable) this', '(cast Runnable this)'],
    ['(a)', 'a'],
    ['(a)[0]', '([] a 0)'],
    ['(a).b()', '(call a b)'],
    ['(int) x + y', '(+ (cast int x) y)'],
    ["(long) 'a'", "(cast long 'a')"],
    ['(Foo) !b', '(cast Foo (! b))'],
    ['(Foo) ~b', '(cast Foo (~ b))'],
    ['(Foo) new Bar()', '(cast Foo (new Bar))'],
    ['(char) (x + 1)', '(cast char (+ x 1))'],
    ['(int) ++b', '(cast int (++pre b))'],
  ])('%s', (source, expected) => {
    expect(expr(source)).toBe(expected);
  });

  it('marks parenthesised expressions and spans them with the parentheses', () => {
    const { unit } = parse({ path: 'T.oak', text: 'class T { int x = (1 + 2) * 3; }' });
    const field = unit.types[0]?.members[0];
    if (field?.kind !== 'Field') throw new Error('no field');
    const init = field.declarators[0]?.init;
    if (init?.kind !== 'Binary') throw new Error('not binary');
    expect(init.left.parenthesized).toBe(true);
    expect(init.left.span).toMatchObject({ start: 18, end: 25, column: 19 });
    expect(init.right.parenthesized).toBeUndefined();
  });
});

describe('primaries, selectors and creation', () => {
  it.each([
    ['a.b.c', '(. (. a b) c)'],
    ['java.lang.System.out', '(. (. (. java lang) System) out)'],
    ['System.out.println("x")', '(call (. System out) println "x")'],
    ['f()', '(call _ f)'],
    ['f(1, g(2), h)', '(call _ f 1 (call _ g 2) h)'],
    ['this.x', '(. this x)'],
    ['this.m(1)', '(call this m 1)'],
    ['super.x', '(. super x)'],
    ['super.toString()', '(call super toString)'],
    ['a[1][2]', '([] ([] a 1) 2)'],
    ['a.length', '(. a length)'],
    ['m()[0].f', '(. ([] (call _ m) 0) f)'],
    ['new Object()', '(new Object)'],
    ['new java.util.Random(42L)', '(new java.util.Random 42L)'],
    ['new Foo().bar()', '(call (new Foo) bar)'],
    ['new int[3]', '(newarray int [3] 0)'],
    ['new int[3][4]', '(newarray int [3 4] 0)'],
    ['new String[n][]', '(newarray String [n] 1)'],
    ['new int[2][][]', '(newarray int [2] 2)'],
    ['new int[] {1, 2, 3}', '(newarray int [] 1 {1 2 3})'],
    ['new int[][] {{1}, {2, 3}, {}}', '(newarray int [] 2 {{1} {2 3} {}})'],
    ['new int[] {1, 2,}', '(newarray int [] 1 {1 2})'],
    ['new int[] {}', '(newarray int [] 1 {})'],
    ['new int[] {1}[0]', '([] (newarray int [] 1 {1}) 0)'],
    ['new int[3].length', '(. (newarray int [3] 0) length)'],
  ])('%s', (source, expected) => {
    expect(expr(source)).toBe(expected);
  });
});

describe('literals in expressions', () => {
  it.each([
    ['-2147483648', '-2147483648'],
    ['-9223372036854775808L', '-9223372036854775808L'],
    ['-5', '-5'],
    ['- 5', '-5'],
    ['-0x80000000', '(- -2147483648)'],
    ['0xFFFFFFFF', '-1'],
    ['0x7fffffff', '2147483647'],
    ['0xFFFFFFFFFFFFFFFFL', '-1L'],
    ['0b1111_1111', '255'],
    ['017', '15'],
    ['0', '0'],
    ['00', '0'],
    ['1_000_000', '1000000'],
    ['-1.5', '(- 1.5d)'],
    ['1e3', '1000d'],
    ['1.5f', '1.5f'],
    ['.5', '0.5d'],
    ['5.', '5d'],
    ['1e-3d', '0.001d'],
    ['0x1p4', '16d'],
    ['0x1.8p1f', '3f'],
    ['0x.8p0', '0.5d'],
    ["'a'", "'a'"],
    ['true', 'true'],
    ['false', 'false'],
    ['null', 'null'],
    ['"a" + "b"', '(+ "a" "b")'],
    ['- -2147483648', '(- -2147483648)'],
    ['a-1', '(- a 1)'],
    ['a - -1', '(- a -1)'],
  ])('%s', (source, expected) => {
    expect(expr(source)).toBe(expected);
  });

  it('keeps the source text of a literal, with a folded minus', () => {
    const { unit } = parse({ path: 'T.oak', text: 'class T { long x = -0_7L; double y = 1_0.0e1_0; }' });
    const texts = unit.types[0]?.members.map((m) => (m.kind === 'Field' && m.declarators[0]?.init?.kind === 'Literal' ? m.declarators[0].init.text : ''));
    expect(texts).toEqual(['', '1_0.0e1_0']);
    const first = unit.types[0]?.members[0];
    if (first?.kind !== 'Field') throw new Error('no field');
    expect(first.declarators[0]?.init?.kind).toBe('Unary');
  });

  it('folds a minus only into a decimal literal, with the combined text', () => {
    const { unit } = parse({ path: 'T.oak', text: 'class T { int x = -12; }' });
    const field = unit.types[0]?.members[0];
    if (field?.kind !== 'Field') throw new Error('no field');
    const init = field.declarators[0]?.init;
    expect(init).toMatchObject({ kind: 'Literal', text: '-12', value: { kind: 'int', value: -12n }, span: { start: 18, end: 21 } });
  });
});
