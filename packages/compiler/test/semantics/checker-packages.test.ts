// Packages, imports and access across them (JLS 6.6, 7.5), with the errors javac 17 gives the same two
// files (checked by hand with javac: same lines, carets and headlines).
import { describe, expect, it } from 'vitest';
import { checkSources } from './check-helper.js';

const base = `package a;
public class Base {
    protected int p;
    int pkg;
    protected void m() {}
    protected static void s() {}
    protected Base() {}
}
class Hidden {}
`;

const main = `package b;
import a.Base;
import a.Hidden;
import a.*;
import java.util.*;
import nope.*;
public class Main extends Base {
    void t(Base other, Main same) {
        p = 1;
        other.p = 2;
        same.p = 3;
        pkg = 4;
        m();
        other.m();
        s();
        Base.s();
        new Base();
        Object o = new Main();
    }
}
`;

describe('packages and access', () => {
  it('reports what javac reports', () => {
    const { diagnostics } = checkSources([
      { path: 'a/Base.oak', text: base },
      { path: 'b/Main.oak', text: main },
    ]);
    expect(diagnostics.map((d) => `${d.file}:${d.line}:${d.column} ${d.message.split('\n')[0]}`)).toEqual([
      'b/Main.oak:3:9 Hidden is not public in a; cannot be accessed from outside package',
      'b/Main.oak:6:1 package nope does not exist',
      'b/Main.oak:10:14 p has protected access in Base',
      'b/Main.oak:12:9 pkg is not public in Base; cannot be accessed from outside package',
      'b/Main.oak:14:14 m() has protected access in Base',
      'b/Main.oak:17:9 Base() has protected access in Base',
    ]);
  });

  it('puts a missing on-demand package at the import, however long its name, as javac 17 does', () => {
    const text = 'import java.nothere.*;\nimport java.util.Nope.*;\n  import a.b.c.*;\npublic class Main { }\n';
    expect(checkSources(text).diagnostics.map((d) => `${d.line}:${d.column} ${d.message}`)).toEqual([
      '1:1 package java.nothere does not exist',
      '2:1 package java.util.Nope does not exist',
      '3:3 package a.b.c does not exist',
    ]);
  });

  it('resolves classes of the same package without imports, across files', () => {
    const { diagnostics, classes } = checkSources([
      { path: 'p/One.oak', text: 'package p;\npublic class One { Two two = new Two(); }\n' },
      { path: 'p/Two.oak', text: 'package p;\nclass Two { One back; static int K = 1; }\n' },
    ]);
    expect(diagnostics).toEqual([]);
    expect(classes.map((c) => [c.name, c.sourceFile, c.superName])).toEqual([
      ['p/One', 'One.oak', 'java/lang/Object'],
      ['p/Two', 'Two.oak', 'java/lang/Object'],
    ]);
  });

  it('reports a duplicate class and a public class in the wrong file', () => {
    const { diagnostics } = checkSources([
      { path: 'A.oak', text: 'public class B {}\nclass A {}\n' },
      { path: 'C.oak', text: 'class A {}\n' },
    ]);
    expect(diagnostics.map((d) => `${d.file}:${d.line}:${d.column} ${d.message}`)).toEqual([
      'A.oak:1:8 class B is public, should be declared in a file named B.oak',
      'C.oak:1:1 duplicate class: A',
    ]);
  });
});
