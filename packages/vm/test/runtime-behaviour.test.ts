// Whole programs compiled by javac whose complete output (stdout, all of stderr including stack traces,
// exit code) must equal HotSpot's: uncaught exceptions with causes, class initialisation order and
// failures, stack overflow, System.exit, threads and monitors. JDK-gated.
import { describe, expect, it } from 'vitest';
import { javac, runJava } from './support/javac.js';
import { runProgram } from './support/run-program.js';
import { hasJdk, NO_IMAGE_REASON, runtimeImage } from './support/runtime-image.js';

const image = runtimeImage();
if (!hasJdk) console.warn('runtime-behaviour: skipped: no JDK (javac/java) on PATH');
else if (!image) console.warn(`runtime-behaviour: ${NO_IMAGE_REASON}`);

const PROGRAMS: Record<string, string> = {
  Uncaught: `
public class Uncaught {
    static void inner(int depth) {
        if (depth == 0) throw new IllegalStateException("deep");
        inner(depth - 1);
    }
    static void outer() {
        try {
            inner(3);
        } catch (IllegalStateException e) {
            throw new RuntimeException("wrapped", e);
        }
    }
    public static void main(String[] args) {
        System.out.println("before");
        outer();
    }
}`,
  InitOrder: `
class InitOrderBase {
    static { System.out.println("base init"); }
    static int touch() { return 1; }
}
class InitOrderSub extends InitOrderBase {
    static int VALUE = compute();
    static { System.out.println("sub init " + VALUE); }
    static int compute() { System.out.println("compute"); return 42; }
}
class InitOrderBad {
    static int X = 1 / Integer.parseInt("0");
    static void use() {}
}
public class InitOrder {
    public static void main(String[] args) {
        System.out.println("main");
        System.out.println(InitOrderSub.VALUE);
        System.out.println(InitOrderSub.VALUE);
        try { InitOrderBad.use(); } catch (ExceptionInInitializerError e) { System.out.println("EIIE " + e.getCause()); }
        try { InitOrderBad.use(); } catch (NoClassDefFoundError e) { System.out.println("NCDFE " + e.getMessage()); }
        InitOrderBad.use();
    }
}`,
  Overflow: `
public class Overflow {
    static int depth = 0;
    static void recurse() { depth++; recurse(); }
    public static void main(String[] args) {
        try { recurse(); } catch (StackOverflowError e) { System.out.println("caught " + (depth > 1000)); }
        depth = 0;
        try { recurse(); } catch (StackOverflowError e) { System.out.println("again " + (depth > 1000)); }
        System.exit(3);
    }
}`,
  Threads: `
class ThreadsWorker extends Thread {
    static final Object LOCK = new Object();
    static int counter = 0;
    public void run() {
        for (int i = 0; i < 10000; i++) { synchronized (LOCK) { counter++; } }
    }
}
class ThreadsFailing implements Runnable {
    public void run() { throw new UnsupportedOperationException("in thread"); }
}
public class Threads {
    public static void main(String[] args) throws Exception {
        ThreadsWorker a = new ThreadsWorker();
        ThreadsWorker b = new ThreadsWorker();
        a.start(); b.start();
        a.join(); b.join();
        System.out.println(ThreadsWorker.counter);
        Thread t = new Thread(new ThreadsFailing(), "failing");
        t.start();
        t.join();
        Object o = new Object();
        synchronized (o) { o.notifyAll(); }
        try { o.wait(); } catch (IllegalMonitorStateException e) { System.out.println("IMSE " + e.getMessage()); }
        Thread.sleep(5);
        System.out.println("done");
    }
}`,
  // Allocates about 28 MB, so the heap grows (and is copied) several times while the program runs.
  HeapGrowth: `
public class HeapGrowth {
    static class Node { long a; double b; Node next; int[] data = new int[3]; }
    public static void main(String[] args) {
        Node head = null;
        long sum = 0;
        for (int i = 0; i < 400000; i++) {
            Node n = new Node();
            n.a = i; n.b = i * 0.5; n.next = head; n.data[2] = i;
            head = n;
        }
        for (Node n = head; n != null; n = n.next) sum += n.a + (long) n.b + n.data[2];
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 20000; i++) sb.append(i % 10);
        System.out.println(sum + " " + sb.length() + " " + sb.toString().hashCode());
    }
}`,
  NativeFrames: `
public class NativeFrames {
    static void copy(int[] a, int n) { System.arraycopy(a, 0, a, 1, n); }
    public static void main(String[] args) throws Exception {
        try { copy(new int[3], 5); } catch (ArrayIndexOutOfBoundsException e) { e.printStackTrace(); }
        Object o = new Object();
        o.wait();
    }
}`,
};

const NPE_PROGRAM = `public class Npe {
    String name;
    Npe next;
    int[] data;
    static Npe shared;
    static Npe make() { return null; }
    static void show(Runnable r) { }
    static void t(int k, Npe p, String s, Object[] arr) {
        try {
            switch (k) {
                case 0: System.out.println(s.length()); break;
                case 1: System.out.println(p.name); break;
                case 2: p.name = "x"; break;
                case 3: System.out.println(p.next.name); break;
                case 4: System.out.println(shared.name); break;
                case 5: System.out.println(make().name); break;
                case 6: System.out.println(p.data[0]); break;
                case 7: System.out.println(arr[1].hashCode()); break;
                case 8: Npe local = null; System.out.println(local.next); break;
                case 9: throw null;
                case 10: synchronized (p) { System.out.println(1); } break;
                case 11: System.out.println(p.data.length); break;
                case 12: System.out.println(s.substring(1, 2)); break;
            }
        } catch (NullPointerException e) {
            System.out.println(k + ": " + e.getMessage());
        }
    }
    public static void main(String[] args) {
        Npe p = new Npe();
        for (int k = 0; k <= 12; k++) t(k, k == 3 || k == 6 || k == 11 ? p : null, null, new Object[2]);
    }
}
`;


describe.skipIf(!hasJdk || !image)('whole programs print exactly what HotSpot prints', () => {
  for (const [name, text] of Object.entries(PROGRAMS)) {
    it(name, async () => {
      const dir = javac({ [`${name}.java`]: text });
      const expected = runJava(dir, name, [], ['-XX:-ShowCodeDetailsInExceptionMessages']);
      const actual = await runProgram({ main: name, classPath: [dir], helpfulNullPointerMessages: false });
      // Frames inside the class library name different files and lines than the JDK's (Thread.oak vs
      // Thread.java), so they are left out of the comparison.
      const ownFrames = (text: string): string => text.split('\n').filter((l) => !l.startsWith('\tat java.base/')).join('\n');
      expect(actual.stdout).toBe(expected.stdout);
      expect(ownFrames(actual.stderr)).toBe(ownFrames(expected.stderr));
      expect(actual.exitCode).toBe(expected.exitCode);
    });
  }

  it('gives JDK 17\'s helpful NullPointerException messages', async () => {
    const dir = javac({ 'Npe.java': NPE_PROGRAM });
    const expected = runJava(dir, 'Npe');
    const actual = await runProgram({ main: 'Npe', classPath: [dir] });
    expect(actual.stdout).toBe(expected.stdout);
  });

  it('raises a catchable OutOfMemoryError at the -Xmx limit', async () => {
    const dir = javac({
      'Oom.java': `
public class Oom {
    public static void main(String[] args) {
        Object[] keep = new Object[100000];
        int n = 0;
        try {
            while (true) keep[n++ % keep.length] = new long[10000];
        } catch (OutOfMemoryError e) {
            keep = null;
            System.out.println("caught " + e.getMessage());
        }
    }
}`,
    });
    const r = await runProgram({ main: 'Oom', classPath: [dir], maxHeapBytes: 8 * 1024 * 1024 });
    expect(r.stdout).toBe('caught Java heap space\n');
    expect(r.exitCode).toBe(0);
  });

  it('reports a missing main class and a missing main method as the java launcher does', async () => {
    const dir = javac({ 'NoMain.java': 'public class NoMain { static void main() {} }' });
    const missing = await runProgram({ main: 'Nope', classPath: [dir] });
    expect(missing.stderr).toBe('Error: Could not find or load main class Nope\nCaused by: java.lang.ClassNotFoundException: Nope\n');
    expect(missing.exitCode).toBe(1);
    const noMain = await runProgram({ main: 'NoMain', classPath: [dir] });
    expect(noMain.stderr.split('\n')[0]).toBe('Error: Main method not found in class NoMain, please define the main method as:');
    expect(noMain.exitCode).toBe(1);
  });
});
