// The shape of generated code, checked by decoding our own class files (no JDK needed): the choices
// javac makes that the HotSpot comparison would only catch indirectly.
import { describe, expect, it } from 'vitest';
import { cpUtf8, decodeInstructions, readClassFile, type ClassFile, type CodeAttribute } from '@oakvm/classfile';
import { compile } from '../../src/compile.js';
import { codeOf, compileMain, findMethod, jdkClassPath, methodOps } from './support.js';

function main(body: string, members = ''): Map<string, Uint8Array> {
  return compileMain(`public class Main {\n${members}\n static void m(int a, long b, double d, float f, Object o, int[] arr) {\n${body}\n }\n public static void main(String[] args) {}\n}\n`);
}

function opsOf(body: string, members = ''): string[] {
  return methodOps(main(body, members).get('Main') as Uint8Array, 'm');
}

function classOf(classes: Map<string, Uint8Array>, name = 'Main'): ClassFile {
  return readClassFile(classes.get(name) as Uint8Array);
}

function code(classes: Map<string, Uint8Array>, method: string): CodeAttribute {
  const cf = classOf(classes);
  return codeOf(cf, findMethod(cf, method));
}

describe('switch instruction choice (javac cost rule)', () => {
  it('uses tableswitch for dense labels', () => {
    expect(opsOf('switch (a) { case 1: a++; break; case 2: a--; break; case 4: a = 0; }')).toContain('tableswitch');
  });
  it('uses lookupswitch for sparse labels', () => {
    expect(opsOf('switch (a) { case 1: a++; break; case 1000: a--; break; case -50000: a = 0; }')).toContain('lookupswitch');
  });
  it('picks by cost at the boundary: 3 labels spanning 9 values still fit a table, 10 do not', () => {
    // table 4+9 + 3*3 = 22 <= lookup 3+6 + 3*3 = 18? No: 22 > 18, so lookup; span 5: 4+5+9 = 18 <= 18, table.
    expect(opsOf('switch (a) { case 0: a++; break; case 2: a--; break; case 4: a = 0; }')).toContain('tableswitch');
    expect(opsOf('switch (a) { case 0: a++; break; case 2: a--; break; case 5: a = 0; }')).toContain('lookupswitch');
  });
  it('compiles an empty switch to a pop of the selector', () => {
    expect(opsOf('switch (a) { }')).toEqual(['iload_0', 'pop', 'return']);
  });
});

describe('increments', () => {
  it('uses iinc for int locals, wide for 16-bit deltas, and add/narrow for other types', () => {
    const ops = opsOf('int i = 0; i++; i += 5; i -= 200; i += 40000; byte x = 1; x++; long l = 2; l++;');
    expect(ops.filter((o) => o === 'iinc').length).toBe(3);
    expect(ops).toContain('i2b');
    expect(ops).toContain('ladd');
    const decoded = decodeInstructions(code(main('int i = 0; i -= 200;'), 'm').code);
    expect(decoded.some((i) => i.kind === 'iinc' && i.wide && i.delta === -200)).toBe(true);
  });
  it('uses dup_x1, dup2_x1, dup_x2 and dup2_x2 for results of field and array updates', () => {
    const ops = opsOf('int x = this_.fi++; long y = ++this_.fl; x = arr[0]++; y = larr[1]++;', 'static Main this_; int fi; long fl; static long[] larr;');
    expect(ops).toEqual(expect.arrayContaining(['dup_x1', 'dup2_x1', 'dup_x2', 'dup2_x2']));
  });
});

describe('constants', () => {
  it('inlines constant expressions and static final constants', () => {
    const ops = opsOf('int x = K * 2 + 1; String s = "a" + K; long l = K;', 'static final int K = 3;');
    expect(ops).not.toContain('getstatic');
    expect(ops).not.toContain('imul');
    expect(ops.slice(0, 2)).toEqual(['bipush', 'istore']);
    expect(ops).toContain('ldc');
    expect(ops).toContain('ldc2_w');
  });
  it('gives static final constants a ConstantValue and no <clinit> code', () => {
    const classes = compileMain('public class Main { static final long L = 5; static final String S = "s"; static int plain = 3; }');
    const cf = classOf(classes);
    const withValue = cf.fields.filter((f) => f.attributes.some((a) => a.kind === 'ConstantValue')).map((f) => cpUtf8(cf.constantPool, f.nameIndex));
    expect(withValue).toEqual(['L', 'S']);
    expect(methodOps(classes.get('Main') as Uint8Array, '<clinit>')).toEqual(['iconst_3', 'putstatic', 'return']);
  });
  it('uses the shortest constant forms', () => {
    expect(opsOf('int v = -1; v = 5; v = 6; v = 127; v = 128; v = 32768; long l = 1; float x = 2; double y = 1; y = 0.5;')).toEqual([
      'iconst_m1', 'istore', 'iconst_5', 'istore', 'bipush', 'istore', 'bipush', 'istore', 'sipush', 'istore', 'ldc', 'istore',
      'lconst_1', 'lstore', 'fconst_2', 'fstore', 'dconst_1', 'dstore', 'ldc2_w', 'dstore', 'return',
    ]);
  });
});

describe('conditions', () => {
  it('compiles conditions to jumps without materialising booleans', () => {
    const ops = opsOf('if (a < 3 && b > 0L || !(d <= 1.0)) a = 7;');
    expect(ops).not.toContain('iconst_0');
    expect(ops).not.toContain('iconst_1');
    expect(ops).toEqual(['iload_0', 'iconst_3', 'if_icmpge', 'lload_1', 'lconst_0', 'lcmp', 'ifgt', 'dload_3', 'dconst_1', 'dcmpg', 'ifle', 'bipush', 'istore_0', 'return']);
  });
  it('picks fcmpg for < and <= and fcmpl otherwise, so NaN compares false', () => {
    expect(opsOf('if (f < 1f) a = 1;')).toContain('fcmpg');
    expect(opsOf('if (f >= 1f) a = 1;')).toContain('fcmpl');
    expect(opsOf('if (d == 0.5) a = 1;')).toContain('dcmpl');
  });
  it('compares with zero and null using the one-operand branches', () => {
    expect(opsOf('if (a == 0) a = 1; if (o != null) a = 2;')).toEqual(['iload_0', 'ifne', 'iconst_1', 'istore_0', 'aload', 'ifnull', 'iconst_2', 'istore_0', 'return']);
  });
  it('materialises a boolean value with iconst_1 / goto / iconst_0', () => {
    expect(opsOf('boolean z = a > 2;')).toEqual(['iload_0', 'iconst_2', 'if_icmple', 'iconst_1', 'goto', 'iconst_0', 'istore', 'return']);
  });
});

describe('string concatenation', () => {
  it('builds one StringBuilder chain with javac’s append overloads', () => {
    const classes = main('String s = "x" + a + b + (char) a + (byte) a + o + d + "y" + (a > 0);');
    const cf = classOf(classes);
    const c = codeOf(cf, findMethod(cf, 'm'));
    const appends = decodeInstructions(c.code)
      .filter((i) => i.kind === 'constant' && i.opcode === 0xb6)
      .map((i) => {
        const ref = cf.constantPool[(i as { index: number }).index];
        if (ref?.kind !== 'Methodref') return '';
        const nt = cf.constantPool[ref.nameAndTypeIndex];
        return nt?.kind === 'NameAndType' ? `${cpUtf8(cf.constantPool, nt.nameIndex)}${cpUtf8(cf.constantPool, nt.descriptorIndex)}` : '';
      });
    expect(appends).toEqual([
      'append(Ljava/lang/String;)Ljava/lang/StringBuilder;',
      'append(I)Ljava/lang/StringBuilder;',
      'append(J)Ljava/lang/StringBuilder;',
      'append(C)Ljava/lang/StringBuilder;',
      'append(I)Ljava/lang/StringBuilder;',
      'append(Ljava/lang/Object;)Ljava/lang/StringBuilder;',
      'append(D)Ljava/lang/StringBuilder;',
      'append(Ljava/lang/String;)Ljava/lang/StringBuilder;',
      'append(Z)Ljava/lang/StringBuilder;',
      'toString()Ljava/lang/String;',
    ]);
    expect(methodOps(classes.get('Main') as Uint8Array, 'm').filter((o) => o === 'new')).toEqual(['new']);
  });
});

describe('try, finally and synchronized', () => {
  const marker = 'static void fin() {} static void work() {}';
  it('inlines finally on the normal path, before a return, after each catch and in the catch-all handler', () => {
    const classes = main('try { work(); if (a > 0) return; work(); } catch (RuntimeException e) { a = 2; } finally { fin(); }', marker);
    const ops = methodOps(classes.get('Main') as Uint8Array, 'm');
    expect(ops.filter((o) => o === 'invokestatic').length).toBe(2 + 4);
    const c = code(classes, 'm');
    expect(c.exceptionTable.filter((e) => e.catchType === 0).length).toBeGreaterThanOrEqual(2);
    expect(c.exceptionTable.filter((e) => e.catchType !== 0).length).toBe(2);
    expect(ops.slice(-4)).toEqual(['invokestatic', 'aload', 'athrow', 'return']);
  });
  it('registers each type of a multi-catch with the same handler', () => {
    const c = code(main('try { work(); } catch (IllegalStateException | IllegalArgumentException e) { a = 1; }', marker), 'm');
    expect(c.exceptionTable.length).toBe(2);
    expect(new Set(c.exceptionTable.map((e) => e.handlerPc)).size).toBe(1);
  });
  it('releases the monitor on both paths, the handler protecting its own monitorexit', () => {
    const c = code(main('synchronized (o) { work(); }', marker), 'm');
    const ops = decodeInstructions(c.code);
    expect(ops.filter((i) => i.opcode === 0xc3).length).toBe(2);
    expect(c.exceptionTable.length).toBe(2);
    const [body, self] = c.exceptionTable;
    expect(self?.startPc).toBe(self?.handlerPc);
    expect(body?.handlerPc).toBe(self?.handlerPc);
  });
  it('saves a returned value in a temporary while finally runs', () => {
    const ops = methodOps(compileMain('public class Main { static void fin() {} static long m(long x) { try { return x + 1; } finally { fin(); } } }').get('Main') as Uint8Array, 'm');
    expect(ops.slice(0, 8)).toEqual(['lload_0', 'lconst_1', 'ladd', 'lstore_2', 'invokestatic', 'lload_2', 'lreturn', 'astore']);
  });
});

describe('locals and debug tables', () => {
  it('numbers slots this, parameters, locals (two for long and double) and reuses them after a block', () => {
    const classes = compileMain('public class Main { void m(long a, int b) { { double x = 1; b = (int) x; } int y = 2; b = y; } }');
    const c = code(classes, 'm');
    const lvt = c.attributes.find((a) => a.kind === 'LocalVariableTable');
    if (lvt?.kind !== 'LocalVariableTable') throw new Error('no LocalVariableTable');
    const cf = classOf(classes);
    const slots = Object.fromEntries(lvt.entries.map((e) => [cpUtf8(cf.constantPool, e.nameIndex), e.index]));
    expect(slots).toEqual({ this: 0, a: 1, b: 3, x: 4, y: 4 });
    expect(c.maxLocals).toBe(6);
  });
  it('emits LineNumberTable and SourceFile', () => {
    const classes = compileMain('public class Main {\n  static int m() {\n    int x = 1;\n    return x;\n  }\n}\n');
    const c = code(classes, 'm');
    const lines = c.attributes.find((a) => a.kind === 'LineNumberTable');
    if (lines?.kind !== 'LineNumberTable') throw new Error('no LineNumberTable');
    expect(lines.entries.map((e) => [e.startPc, e.lineNumber])).toEqual([[0, 3], [2, 4]]);
    const cf = classOf(classes);
    const source = cf.attributes.find((a) => a.kind === 'SourceFile');
    expect(source?.kind === 'SourceFile' && cpUtf8(cf.constantPool, source.sourceFileIndex)).toBe('Main.oak');
  });
});

describe('class structure', () => {
  it('gives abstract and native methods no Code, and adds the default constructor first', () => {
    const classes = compileMain('public abstract class Main { abstract void a(); native int n(); void c() {} }');
    const cf = classOf(classes);
    const names = cf.methods.map((m) => [cpUtf8(cf.constantPool, m.nameIndex), m.attributes.some((a) => a.kind === 'Code')]);
    expect(names).toEqual([['<init>', true], ['a', false], ['n', false], ['c', true]]);
    expect(cf.majorVersion).toBe(49);
  });
  it('inlines field initialisers and instance blocks after super() in constructors that call super', () => {
    const classes = compileMain('public class Main { int x = 4; { x++; } Main() { } Main(int y) { this(); x = y; } }');
    const cf = classOf(classes);
    const ctors = cf.methods.filter((m) => cpUtf8(cf.constantPool, m.nameIndex) === '<init>');
    const [first, second] = ctors.map((m) => decodeInstructions(codeOf(cf, m).code).length);
    expect(first).toBeGreaterThan(second as number);
  });
  it('runs static initialisers in source order in <clinit>', () => {
    const classes = compileMain('public class Main { static int a = 1; static { a = 2; } static int b = a + 1; }');
    expect(methodOps(classes.get('Main') as Uint8Array, '<clinit>')).toEqual([
      'iconst_1', 'putstatic', 'iconst_2', 'putstatic', 'getstatic', 'iconst_1', 'iadd', 'putstatic', 'return',
    ]);
  });
});

describe('arrays', () => {
  it('creates arrays with newarray, anewarray and multianewarray and fills initialisers', () => {
    const ops = opsOf('int[] x = new int[3]; String[] s = new String[a]; int[][] g = new int[2][3]; long[][] p = new long[2][]; int[] lit = {1, 2};');
    expect(ops).toEqual(expect.arrayContaining(['newarray', 'anewarray', 'multianewarray', 'iastore', 'dup']));
    expect(ops.filter((o) => o === 'anewarray').length).toBe(2);
  });
  it('compiles for-each over an array with a copied array, its length and an index', () => {
    expect(opsOf('for (int v : arr) a += v;')).toEqual([
      'aload', 'astore', 'aload', 'arraylength', 'istore', 'iconst_0', 'istore', 'iload', 'iload', 'if_icmpge',
      'aload', 'iload', 'iaload', 'istore', 'iload_0', 'iload', 'iadd', 'istore_0', 'iinc', 'goto', 'return',
    ]);
  });
});

describe('class-file limits', () => {
  it('reports code too large at the method, as javac does', () => {
    const body = 'a[1] = a[2] + a[3] * a[4];\n'.repeat(5000);
    const text = `public class Main {\n  static void huge(int[] a) {\n${body}  }\n}\n`;
    const result = compile([{ path: 'Main.oak', text }], { classPath: jdkClassPath });
    expect(result.diagnostics.map((d) => [d.line, d.column, d.message, d.code])).toEqual([[2, 15, 'code too large', 'codegen.limit']]);
    expect(result.classes.size).toBe(0);
  });
  it('reports a string constant too long for the constant pool', () => {
    const text = `public class Main {\n  static String s = "${'x'.repeat(70000)}";\n}\n`;
    const result = compile([{ path: 'Main.oak', text }], { classPath: jdkClassPath });
    expect(result.diagnostics.map((d) => d.message)).toEqual(['constant string too long']);
  });
});
