// this(...)/super(...) anywhere but first in a constructor: javac reports it during attribution, at the
// '(' after the keyword, and inserts no implicit super() into that constructor.
import { describe, expect, it } from 'vitest';
import { errorLines } from './check-helper.js';

describe('explicit constructor calls out of place', () => {
  it.each([
    ['after another statement', 'class A { A(int x) { } A() { int y = 1; this(y); } }', ['1:45 call to this must be first statement in constructor']],
    ['nested in a block', 'class A { boolean b; A() { if (b) { super(); } } }', ['1:42 call to super must be first statement in constructor']],
    ['in a method', 'class A { void m() { super (); } }', ['1:28 call to super must be first statement in constructor']],
    ['first in a constructor is fine', 'class A { A(int x) { } A() { this(1); } }', []],
  ])('%s', (_, text, expected) => {
    expect(errorLines(text)).toEqual(expected);
  });

  it('adds no implicit super() error to a constructor holding a misplaced call, and still checks the others', () => {
    const text = [
      'class B { B(int x) { } }',
      'class C extends B { C() { } }',
      'class D extends B { D() { int y = 1; super(y); } }',
    ].join('\n');
    expect(errorLines(text)).toEqual([
      '2:25 constructor B in class B cannot be applied to given types;',
      '3:43 call to super must be first statement in constructor',
    ]);
  });
});
