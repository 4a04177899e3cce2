import { describe, expect, it } from 'vitest';
import { formatDiagnostic, formatErrorCount, type SourceText } from '../../src/diagnostics.js';
import { parse } from '../../src/syntax/parser.js';

function formatted(text: string, path = 'File.oak'): string[] {
  const source: SourceText = { path, text };
  return parse(source).diagnostics.map((d) => formatDiagnostic(d, source));
}

function errors(text: string): string[] {
  return parse({ path: 'T.oak', text }).diagnostics.map((d) => `${d.line}:${d.column} ${d.message}`);
}

describe('formatDiagnostic', () => {
  it('prints FILE:LINE:COL: error: message, the source line and a caret, as javac does', () => {
    const text = 'class A {\n  void m() {\n    int x = 1\n  }\n}\n';
    expect(formatted(text)).toEqual(["File.oak:3:14: error: ';' expected\n    int x = 1\n             ^"]);
  });

  it('copies tabs into the caret line so the caret lines up', () => {
    const text = 'class A {\n\tvoid m() {\n\t\tx = ;\n\t}\n}\n';
    expect(formatted(text)).toEqual(['File.oak:3:7: error: illegal start of expression\n\t\tx = ;\n\t\t    ^']);
  });

  it('finds the line after \\r\\n and \\r line ends', () => {
    const text = 'class A {\r\n  int x = 1 # 2;\r}';
    expect(formatted(text, 'dir/A.oak')).toEqual(["dir/A.oak:2:13: error: illegal character: '#'\n  int x = 1 # 2;\n            ^"]);
  });

  it('prints only the header when the line is not in the text', () => {
    expect(formatDiagnostic({ file: 'A.oak', line: 9, column: 1, start: 0, end: 0, message: 'm', code: 'c' }, { path: 'A.oak', text: 'x' })).toBe(
      'A.oak:9:1: error: m',
    );
  });

  it('prints the detail lines of a multi-line message after the caret, as javac does', () => {
    const d = { file: 'A.oak', line: 2, column: 5, start: 0, end: 0, message: 'cannot find symbol\n  symbol:   variable y\n  location: class A', code: 'c' };
    expect(formatDiagnostic(d, { path: 'A.oak', text: 'class A {\n    y = 1;\n}' })).toBe(
      'A.oak:2:5: error: cannot find symbol\n    y = 1;\n    ^\n  symbol:   variable y\n  location: class A',
    );
    expect(formatDiagnostic({ ...d, line: 9 }, { path: 'A.oak', text: 'x' })).toBe('A.oak:9:5: error: cannot find symbol\n  symbol:   variable y\n  location: class A');
  });

  it('leaves misplaced this(...)/super(...) to the checker, as javac does', () => {
    expect(errors('class A { A() { f(); this(1); } void m() { super(); } A(int x) { if (b) { super(); } } }')).toEqual([]);
  });

  it('counts errors as javac does', () => {
    expect([formatErrorCount(1), formatErrorCount(2)]).toEqual(['1 error', '2 errors']);
  });
});

describe('syntax errors, worded and placed as javac does', () => {
  it.each([
    ['missing semicolon after the previous token', 'class A { int x = 1 int y; }', ["1:20 ';' expected"]],
    ['missing closing parenthesis', 'class A { void m() { f(1; } }', ["1:25 ')' expected"]],
    ['missing identifier', 'class A { int ; }', ['1:14 <identifier> expected']],
    ['illegal start of expression', 'class A { void m() { x = ); } }', ['1:26 illegal start of expression']],
    ['not a statement', 'class A { void m() { a + b; } }', ['1:24 not a statement']],
    ['not a statement for a name', 'class A { void m() { a; } }', ['1:22 not a statement']],
    ['not a statement for a parenthesised call', 'class A { void m() { (f()); } }', ['1:22 not a statement']],
    ['end of file', 'class A { void m() {', ['1:21 reached end of file while parsing']],
    ['else without if', 'class A { void m() { else f(); } }', ["1:22 'else' without 'if'"]],
    ['orphaned case', 'class A { void m() { case 1: f(); } }', ['1:22 orphaned case']],
    ['catch without try', 'class A { void m() { catch (E e) { } f(); } }', ["1:22 'catch' without 'try'"]],
    ['try without catch', 'class A { void m() { try { } } }', ["1:22 'try' without 'catch', 'finally' or resource declarations"]],
    ['repeated modifier', 'class A { public static public int x; }', ['1:25 repeated modifier']],
    ['variable in a sub-statement', 'class A { void m() { if (b) int y = 1; } }', ['1:33 variable declaration not allowed here']],
    ['array dimension missing', 'class A { Object o = new int[]; }', ['1:31 array dimension missing']],
    ['int too large', 'class A { int x = 2147483648; }', ['1:19 integer number too large']],
    ['long too large', 'class A { long x = -9223372036854775809L; }', ['1:21 integer number too large']],
    ['hex int too large', 'class A { int x = 0x1_0000_0000; }', ['1:19 integer number too large']],
    ['negated int too large in parentheses', 'class A { int x = -(2147483648); }', ['1:21 integer number too large']],
    ['stray token after the classes', 'class A { } }', ['1:13 class, interface, enum, or record expected']],
    ['method without a return type', 'class A { foo() { } }', ['1:11 invalid method declaration; return type required']],
    ['switch body without a label', 'class A { void m() { switch (x) { f(); } } }', ["1:35 case, default, or '}' expected"]],
    ['illegal start of type', 'class A { 5 }', ['1:11 illegal start of type']],
    ['modifier on a local', 'class A { void m() { final static int x; } }', ['1:39 modifier static not allowed here']],
    ['modifier on a parameter', 'class A { void m(public int a) { } }', ['1:29 modifier public not allowed here']],
    ['modifier on an initializer', 'class A { public { } }', ['1:11 modifier public not allowed here']],
  ])('%s', (_, text, expected) => {
    expect(errors(text)).toEqual(expected);
  });
});

describe('recovery: independent errors are all reported', () => {
  it('reports one error per broken statement and keeps the good ones', () => {
    const text = ['class A {', '  void m() {', '    int x = ;', '    x = 1;', '    y = (2;', '    z = 3;', '    f(;', '  }', '}'].join('\n');
    const { unit, diagnostics } = parse({ path: 'A.oak', text });
    expect(diagnostics.map((d) => `${d.line}:${d.column} ${d.message}`)).toEqual([
      '3:13 illegal start of expression',
      "5:11 ')' expected",
      "7:7 ')' expected",
    ]);
    const m = unit.types[0]?.members[0];
    if (m?.kind !== 'Method' || m.body === null) throw new Error('method lost');
    expect(m.body.statements.map((s) => s.kind)).toEqual(['ExprStmt', 'ExprStmt']);
  });

  it('recovers at member level and keeps later members and classes', () => {
    const text = ['class A {', '  int x = ;', '  void m( { }', '  int y;', '}', 'class B { int z; }'].join('\n');
    const { unit, diagnostics } = parse({ path: 'A.oak', text });
    expect(diagnostics.map((d) => d.line)).toEqual([2, 3]);
    expect(unit.types.map((t) => t.name.name)).toEqual(['A', 'B']);
    expect(unit.types[0]?.members.map((m) => (m.kind === 'Field' ? m.declarators[0]?.name.name : m.kind))).toEqual(['y']);
  });

  it('reports a missing semicolon in each of several methods', () => {
    expect(errors('class A { int m() { return 1 } int n() { return 2 } }')).toEqual(["1:29 ';' expected", "1:50 ';' expected"]);
  });

  it('does not add a syntax error on top of a lexical one', () => {
    expect(errors('class A { int x = 1 # 2; int y = 3; }')).toEqual(["1:21 illegal character: '#'"]);
  });

  it('reports the end of file once', () => {
    expect(errors('class A { void m() { if (x) { while (y) {')).toEqual(['1:42 reached end of file while parsing']);
  });

  it('always returns a unit, even for empty or hopeless input', () => {
    for (const text of ['', '   ', '}}}}', '(((', 'class', 'class {', '@', '"', '/*']) {
      const { unit } = parse({ path: 'X.oak', text });
      expect(unit.kind).toBe('CompilationUnit');
    }
  });

  it('gives up on absurdly deep nesting with a diagnostic, not a stack overflow', () => {
    const deep = `class A { int x = ${'('.repeat(5000)}1${')'.repeat(5000)}; void m() { ${'{'.repeat(3000)} ${'}'.repeat(3000)} } }`;
    const { diagnostics } = parse({ path: 'A.oak', text: deep });
    expect(diagnostics.length).toBeGreaterThan(0);
    expect(diagnostics[0]?.message).toBe('code too deeply nested');
  });

  it('does not mistake many errors inside nested expressions for deep nesting', () => {
    const text = `class A { void m() {\n${'    x = f((((a + ;\n'.repeat(300)}} }`;
    const found = errors(text);
    expect(found).toHaveLength(300);
    expect(found.every((e) => e.endsWith('illegal start of expression'))).toBe(true);
  });

  it('accepts nesting that real programs use', () => {
    const text = `class A { int x = ${'('.repeat(60)}1${')'.repeat(60)}; void m() { ${'{'.repeat(60)} ${'}'.repeat(60)} } }`;
    expect(errors(text)).toEqual([]);
  });
});
