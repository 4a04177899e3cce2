// Tricky Java semantics under oaki, each checked against what HotSpot prints.
import { describe, expect, it } from 'vitest';
import { mainProgram, runProgram } from './run-program.js';

function out(body: string, members = ''): string {
  const r = runProgram('Main', mainProgram(body, members));
  expect(r.stderr).toBe('');
  return r.stdout;
}

describe('arithmetic', () => {
  it('wraps int and long, divides toward zero, keeps float precision', () => {
    expect(
      out(`
        int big = Integer.MAX_VALUE; big++;
        System.out.println(big + " " + (Integer.MIN_VALUE / -1) + " " + (-7 / 2) + " " + (-7 % 2) + " " + (7 >>> 1) + " " + (-1 >>> 28));
        long l = Long.MAX_VALUE; l += 1;
        System.out.println(l + " " + (Long.MIN_VALUE / -1L) + " " + (-1L >>> 60) + " " + (1L << 65) + " " + (1 << 33));
        float f = 0.1f; double d = f;
        System.out.println(f + " " + d + " " + (f * 3) + " " + (0.1 + 0.2) + " " + (float) 1e40 + " " + (int) Double.NaN + " " + (long) 1e30);
        byte b = (byte) 200; short s = (short) 70000; char c = (char) -1;
        b += 100; c++;
        System.out.println(b + " " + s + " " + (int) c + " " + (char) ('a' + 2) + " " + ('a' + 2));
        int i = 10; i *= 2.5; System.out.println(i);`),
    ).toBe(
      [
        '-2147483648 -2147483648 -3 -1 3 15',
        '-9223372036854775808 -9223372036854775808 15 2 2',
        '0.1 0.10000000149011612 0.3 0.30000000000000004 Infinity 0 9223372036854775807',
        '44 4464 0 c 99',
        '25',
        '',
      ].join('\n'),
    );
  });

  it('raises ArithmeticException for integer division by zero only', () => {
    expect(
      out(`
        try { int z = 0; System.out.println(1 / z); } catch (ArithmeticException e) { System.out.println(e.getMessage()); }
        try { long z = 0; System.out.println(1L % z); } catch (ArithmeticException e) { System.out.println(e); }
        System.out.println(1.0 / 0 + " " + (0.0 / 0));`),
    ).toBe('/ by zero\njava.lang.ArithmeticException: / by zero\nInfinity NaN\n');
  });
});

describe('runtime exceptions have HotSpot messages', () => {
  it('arrays, casts and null', () => {
    expect(
      out(
        `
        try { int[] a = new int[3]; a[5] = 1; } catch (ArrayIndexOutOfBoundsException e) { System.out.println(e.getMessage()); }
        try { int[] a = new int[-2]; } catch (NegativeArraySizeException e) { System.out.println(e.getMessage()); }
        try { Object o = new Main(); String s = (String) o; } catch (ClassCastException e) { System.out.println(e.getMessage()); }
        try { Object[] os = new String[1]; os[0] = new Main(); } catch (ArrayStoreException e) { System.out.println(e.getMessage()); }
        try { String s = null; s.length(); } catch (NullPointerException e) { System.out.println(e.getMessage()); }
        try { int[] n = null; System.out.println(n.length); } catch (NullPointerException e) { System.out.println("npe"); }`,
      ),
    ).toBe(
      [
        'Index 5 out of bounds for length 3',
        '-2',
        "class Main cannot be cast to class java.lang.String (Main is in unnamed module of loader 'app'; java.lang.String is in module java.base of loader 'bootstrap')",
        'Main',
        'null',
        'npe',
        '',
      ].join('\n'),
    );
  });
});

describe('classes', () => {
  it('initialises lazily on first active use, superclass first; constants do not initialise', () => {
    const source = `
class InitA { static { System.out.println("A init"); } static int a = 1; }
class InitB extends InitA { static final int K = 42; static { System.out.println("B init"); } static int b = 2; }
public class Main {
    public static void main(String[] args) {
        System.out.println("start " + InitB.K);
        System.out.println(InitB.b);
        System.out.println(InitA.a);
    }
}`;
    const r = runProgram('Main', source);
    expect(r.stdout).toBe('start 42\nA init\nB init\n2\n1\n');
  });

  it('wraps a static initialiser failure in ExceptionInInitializerError, then NoClassDefFoundError', () => {
    const source = `
class Bad { static int v = 1 / Integer.parseInt("0"); }
public class Main {
    public static void main(String[] args) {
        try { System.out.println(Bad.v); } catch (ExceptionInInitializerError e) { System.out.println(e.getCause()); }
        try { System.out.println(Bad.v); } catch (NoClassDefFoundError e) { System.out.println(e.getMessage()); }
    }
}`;
    expect(runProgram('Main', source).stdout).toBe('java.lang.ArithmeticException: / by zero\nCould not initialize class Bad\n');
  });

  it('dispatches virtually, calls super, and interns literals but not computed strings', () => {
    const source = `
interface Shape { String name(); }
class Base implements Shape { public String name() { return "base"; } String who() { return name(); } }
class Derived extends Base { public String name() { return "derived/" + super.name(); } }
public class Main {
    public static void main(String[] args) {
        Shape s = new Derived();
        System.out.println(s.name() + " " + new Derived().who());
        String a = "oak"; String b = "o" + "ak"; String c = new StringBuilder("o").append("ak").toString();
        System.out.println((a == b) + " " + (a == c) + " " + (a == c.intern()) + " " + a.equals(c));
        System.out.println(new Object().equals(null) + " " + (new int[0].getClass().getName()));
    }
}`;
    expect(runProgram('Main', source).stdout).toBe('derived/base derived/base\ntrue false true true\nfalse [I\n');
  });
});

describe('control flow', () => {
  it('runs finally on break, continue and return, and lets finally override', () => {
    expect(
      out(
        `
        outer:
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                try { if (j == 1) continue outer; if (i == 2) break outer; } finally { System.out.print(i + "" + j + " "); }
            }
        }
        System.out.println(f());
        int k = 0;
        switch (k) { case 0: System.out.print("zero "); case 1: System.out.println("one"); break; default: System.out.println("other"); }`,
        '    static int f() { try { return 1; } finally { System.out.print("fin "); } }',
      ),
    ).toBe('00 01 10 11 20 fin 1\nzero one\n');
  });
});

describe('the program boundary', () => {
  it('prints an uncaught exception as the VM does, with stack lines, and exits 1', () => {
    const r = runProgram('Main', mainProgram('        int[] a = new int[1];\n        System.out.println("before");\n        a[2] = 3;'));
    expect(r.stdout).toBe('before\n');
    expect(r.stderr).toBe('Exception in thread "main" java.lang.ArrayIndexOutOfBoundsException: Index 2 out of bounds for length 1\n\tat Main.main(Main.oak:6)\n');
    expect(r.exitCode).toBe(1);
  });

  it('exits with System.exit status without running finally blocks', () => {
    const r = runProgram('Main', mainProgram('        try { System.out.println("bye"); System.exit(7); } finally { System.out.println("not printed"); }'));
    expect(r).toEqual({ stdout: 'bye\n', stderr: '', exitCode: 7 });
  });

  it('reports diagnostics as oakc does, with exit code 1', () => {
    const r = runProgram('Main', mainProgram('        int x = "no";'));
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toBe('Main.oak:4:17: error: incompatible types: String cannot be converted to int\n        int x = "no";\n                ^\n1 error\n');
  });

  it('says clearly that threads are not supported', () => {
    const r = runProgram('Main', mainProgram('        new Thread().start();'));
    expect(r.stderr).toBe('oaki: the program started a thread, and the tree-walking interpreter does not support threads\n');
    expect(r.exitCode).toBe(1);
  });
});

describe('guest recursion', () => {
  it('throws StackOverflowError at the configured depth, well before the host stack ends', () => {
    const members = '    static int depth;\n    static int down(int n) { depth++; return down(n + 1) + 1; }';
    const body = '        try { down(0); } catch (StackOverflowError e) { System.out.println("overflow at " + depth); }\n        depth = 0;\n        try { down(0); } catch (Throwable t) { System.out.println(t + " " + depth); }';
    const r = runProgram('Main', mainProgram(body, members), { maxDepth: 300 });
    expect(r.stdout).toBe('overflow at 299\njava.lang.StackOverflowError 299\n');
  });

  it('reports uncaught StackOverflowError like the VM', () => {
    const r = runProgram('Main', mainProgram('        recurse();', '    static void recurse() { recurse(); }'), { maxDepth: 200 });
    expect(r.stderr.split('\n')[0]).toBe('Exception in thread "main" java.lang.StackOverflowError');
    expect(r.stderr.split('\n')[1]).toBe('\tat Main.recurse(Main.oak:2)');
    expect(r.exitCode).toBe(1);
  });
});

describe('reflection', () => {
  it('finds classes by name, including library classes the program never names', () => {
    expect(
      out(`
        System.out.println(Class.forName("java.util.Random").getName());
        System.out.println(Class.forName("[I").getName() + " " + Class.forName("[Ljava.lang.String;").getComponentType().getName());
        try { Class.forName("no.Such"); } catch (ClassNotFoundException e) { System.out.println("CNFE " + e.getMessage()); }`),
    ).toBe('java.util.Random\n[I java.lang.String\nCNFE no.Such\n');
  });
});

describe('static members through expressions', () => {
  it('evaluates the qualifier for its side effects, and a null qualifier is no NullPointerException', () => {
    expect(
      out(
        `
        Main m = null;
        m.count = 5;
        m.count += 2;
        System.out.println(m.count + " " + pick().count + " " + calls);
        pick().count = 1;
        System.out.println(count + " " + calls);`,
        '    static int count;\n    static int calls;\n    static Main pick() { calls++; return null; }',
      ),
    ).toBe('7 7 1\n1 2\n');
  });
});

describe('one thread', () => {
  it('sleeps, and a timed wait ends by its timeout', () => {
    expect(
      out(`
        long t = System.currentTimeMillis();
        Thread.sleep(30);
        Object o = new Object();
        synchronized (o) { o.wait(20); o.notify(); }
        System.out.println((System.currentTimeMillis() - t >= 50) + " " + Thread.currentThread().getName());`),
    ).toBe('true main\n');
  });
});

describe('conversions in every assignment context', () => {
  it('widens for-each elements, arguments, returns and conditional operands', () => {
    expect(
      out(
        `
        long sum = 0;
        for (long x : new int[] { 1, 2, Integer.MAX_VALUE }) sum += x;
        double d = 0;
        for (double x : new float[] { 0.5f, 0.1f }) d += x;
        char c = 'a';
        System.out.println(sum + " " + d + " " + twice(3) + " " + half('x') + " " + (c > 'b' ? c : 66) + " " + (true ? 1 : 2L));`,
        '    static long twice(long v) { return v * 2; }\n    static double half(int v) { return v / 2; }',
      ),
    ).toBe('2147483650 0.6000000014901161 6 60.0 B 1\n');
  });

  it("converts returned values to the method's result type", () => {
    expect(
      out('        System.out.println(one() + one() + " " + letter() + " " + (one() << 40));', "    static long one() { return 1; }\n    static double letter() { return 'a'; }"),
    ).toBe('2 97.0 1099511627776\n');
  });
});

describe('number formatting', () => {
  it("prints doubles and floats as JDK 17's FloatingDecimal does, not the shortest decimal", () => {
    expect(
      out(
        '        System.out.println(1.0E23 + " " + (float) Math.pow(2, -24) + " " + Double.MIN_VALUE + " " + 100.0 + " " + 1e-5 + " " + Float.MIN_NORMAL + " " + Double.parseDouble("0x1.8p3") + " " + Float.parseFloat("1.1f") + " " + Long.MIN_VALUE);',
      ),
    ).toBe('9.999999999999999E22 5.9604645E-8 4.9E-324 100.0 1.0E-5 1.17549435E-38 12.0 1.1 -9223372036854775808\n');
  });
});

describe('imports of library packages the program does not use', () => {
  it('accepts them, though the library is checked lazily', () => {
    const source = 'import java.util.*;\nimport java.io.*;\npublic class Main {\n    public static void main(String[] args) {\n        System.out.println("ok");\n    }\n}\n';
    expect(runProgram('Main', source)).toEqual({ stdout: 'ok\n', stderr: '', exitCode: 0 });
  });

  it('reports a missing package as oakc does', () => {
    const r = runProgram('Main', 'import java.nothere.*;\npublic class Main {\n    public static void main(String[] args) {\n    }\n}\n');
    expect(r.exitCode).toBe(1);
    expect(r.stderr.split('\n')[0]).toBe('Main.oak:1:1: error: package java.nothere does not exist');
  });
});
