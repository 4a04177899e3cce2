import { describe, expect, it } from 'vitest';
import { parse } from '../../src/syntax/parser.js';
import { SyntaxCode } from '../../src/syntax/syntax-errors.js';

/** Diagnostics of `text` as "LINE:COL message". */
function errors(text: string): string[] {
  return parse({ path: 'T.oak', text }).diagnostics.map((d) => `${d.line}:${d.column} ${d.message}`);
}

const inMethod = (body: string): string => `class T {\n  void m() {\n    ${body}\n  }\n}\n`;
const inClass = (member: string): string => `class T {\n  ${member}\n  int after;\n}\n`;

describe('features Oak leaves out give one clear diagnostic each', () => {
  it.each([
    ['generic class', 'class T<E> { }', ['1:8 generics are not supported in Oak']],
    ['generic supertype', 'class T extends java.util.ArrayList<String> { }', ['1:36 generics are not supported in Oak']],
    ['enum', 'enum Color { RED, GREEN }\nclass T { }', ['1:1 enums are not supported in Oak']],
    ['record', 'record P(int x, int y) { }', ['1:1 records are not supported in Oak']],
    ['annotation on a class', '@Deprecated class T { }', ['1:1 annotations are not supported in Oak']],
    ['annotation type', '@interface A { String value(); }', ['1:1 annotations are not supported in Oak']],
    ['static import', 'import static java.lang.Math.max;\nclass T { }', ['1:8 static import is not supported in Oak']],
    ['text block', 'class T { String s = """\n  x\n  """; }', ['1:22 text blocks are not supported in Oak']],
  ])('%s', (_, text, expected) => {
    expect(errors(text)).toEqual(expected);
  });

  it.each([
    ['static nested class', 'static class N { int x; }', '2:10 static nested classes are not supported in Oak'],
    ['inner class', 'class N { void f() { } }', '2:3 inner classes are not supported in Oak'],
    ['nested interface', 'interface N { }', '2:3 nested interfaces are not supported in Oak'],
    ['nested enum', 'enum E { A }', '2:3 enums are not supported in Oak'],
    ['nested record', 'record R(int a) { }', '2:3 records are not supported in Oak'],
    ['generic method', '<U> U id(U u) { return u; }', '2:3 generics are not supported in Oak'],
    ['varargs', 'void f(int... xs) { }', '2:13 varargs is not supported in Oak'],
    ['annotation on a method', '@Override public String toString() { return ""; }', '2:3 annotations are not supported in Oak'],
    ['annotation with arguments', '@SuppressWarnings("x") void f() { }', '2:3 annotations are not supported in Oak'],
    ['default method', 'default void f() { }', '2:3 default methods are not supported in Oak'],
  ])('%s', (_, member, expected) => {
    expect(errors(inClass(member))).toEqual([expected]);
  });

  it.each([
    ['local class', 'class L { }', '3:5 local classes are not supported in Oak'],
    ['local generic type', 'java.util.List<String> xs = null;', '3:19 generics are not supported in Oak'],
    ['diamond', 'Object o = new java.util.ArrayList<>();', '3:39 generics are not supported in Oak'],
    ['generic cast', 'Object o = (java.util.List<String>) null;', '3:31 generics are not supported in Oak'],
    ['lambda', 'Runnable r = () -> { };', '3:18 lambda expressions are not supported in Oak'],
    ['lambda with one parameter', 'F f = x -> x + 1;', '3:11 lambda expressions are not supported in Oak'],
    ['lambda with typed parameters', 'F f = (int a, int b) -> a + b;', '3:11 lambda expressions are not supported in Oak'],
    ['lambda as an argument', 'run(() -> 1, 2);', '3:9 lambda expressions are not supported in Oak'],
    ['method reference', 'F f = String::valueOf;', '3:17 method references are not supported in Oak'],
    ['super method reference', 'F f = super::toString;', '3:16 method references are not supported in Oak'],
    ['anonymous class', 'Object o = new Object() { };', '3:29 anonymous classes are not supported in Oak'],
    ['assert', 'assert x > 0 : "x";', '3:5 assert statements are not supported in Oak'],
    ['var', 'var x = 1;', "3:5 local variable type inference ('var') is not supported in Oak"],
    ['switch expression', 'int k = switch (x) { default -> 1; };', '3:13 switch expressions are not supported in Oak'],
    ['switch rule', 'switch (x) { case 1 -> f(); }', "3:25 switch rules ('case ->') are not supported in Oak"],
    ['several case constants', 'switch (x) { case 1, 2: f(); }', '3:24 several case constants in one label are not supported in Oak'],
    ['try-with-resources', 'try (R r = open()) { }', '3:9 try-with-resources is not supported in Oak'],
    ['primitive class literal', 'Object c = int.class;', '3:16 class literals are not supported in Oak'],
    ['class literal', 'Object c = String.class;', '3:23 class literals are not supported in Oak'],
    ['array class literal', 'Object c = String[].class;', '3:22 class literals are not supported in Oak'],
    ['pattern matching', 'if (o instanceof String s) { }', '3:29 pattern matching in instanceof is not supported in Oak'],
    ['qualified this', 'Object o = T.this;', '3:18 qualified this is not supported in Oak'],
    ['qualified super call', 'T.super.m();', '3:7 qualified super is not supported in Oak'],
    ['inner class creation', 'Object o = t.new Inner();', '3:18 inner class creation is not supported in Oak'],
    ['explicit type arguments', 'Object o = java.util.Collections.<String>emptyList();', '3:38 generics are not supported in Oak'],
  ])('%s', (_, body, expected) => {
    expect(errors(inMethod(`${body}\n    int after = 1;`))).toEqual([expected]);
  });

  it('uses the not-supported code, and parsing carries on after the construct', () => {
    const { unit, diagnostics } = parse({ path: 'T.oak', text: inClass('class N { int x; }') });
    expect(diagnostics.map((d) => d.code)).toEqual([SyntaxCode.notSupported]);
    expect(unit.types[0]?.members.map((m) => m.kind)).toEqual(['Field']);
  });

  it('reports each unsupported construct in a file', () => {
    const text = ['enum E { A }', 'class T<X> {', '  static class N { }', '  void f(int... a) { Runnable r = () -> { }; assert true; }', '}'].join('\n');
    expect(errors(text)).toEqual([
      '1:1 enums are not supported in Oak',
      '2:8 generics are not supported in Oak',
      '3:10 static nested classes are not supported in Oak',
      '4:13 varargs is not supported in Oak',
      '4:35 lambda expressions are not supported in Oak',
      '4:46 assert statements are not supported in Oak',
    ]);
  });
});
