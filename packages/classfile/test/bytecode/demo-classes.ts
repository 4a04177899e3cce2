// Classes built with the ClassBuilder for the tests: runnable ones print through System.out exactly what
// the equivalent Java prints (EXPECTED_*), so HotSpot can confirm them when a JDK is present.
import Long from 'long';
import {
  ACC_ABSTRACT,
  ACC_FINAL,
  ACC_INTERFACE,
  ACC_PRIVATE,
  ACC_PUBLIC,
  ACC_STATIC,
  ACC_SUPER,
  ClassBuilder,
  type ClassFile,
  type CodeBuilder,
  Op,
} from '@oakvm/classfile';

const PRINT_STREAM = 'java/io/PrintStream';

function println(code: CodeBuilder, pushValue: () => void, descriptor: string): void {
  code.field(Op.getstatic, 'java/lang/System', 'out', `L${PRINT_STREAM};`);
  pushValue();
  code.invoke(Op.invokevirtual, PRINT_STREAM, 'println', `(${descriptor})V`);
}

/** Loops, both switch forms, try/catch, long and double arithmetic, wide locals, dup2_x2. */
export function buildDemo(): ClassFile {
  const cb = new ClassBuilder({ name: 'Demo', accessFlags: ACC_PUBLIC | ACC_SUPER, sourceFile: 'Demo.oak' });
  cb.field(ACC_PUBLIC | ACC_STATIC | ACC_FINAL, 'ANSWER', 'I', 42);
  cb.field(ACC_PUBLIC | ACC_STATIC | ACC_FINAL, 'BIG', 'J', Long.fromString('9000000000'));
  cb.field(ACC_PUBLIC | ACC_STATIC | ACC_FINAL, 'GREETING', 'Ljava/lang/String;', 'hi');
  cb.field(ACC_PRIVATE, 'counter', 'D');

  const init = cb.method(ACC_PUBLIC, '<init>', '()V');
  init.lineNumber(1);
  init.load('reference', 0).invoke(Op.invokespecial, 'java/lang/Object', '<init>', '()V').returnValue('void');

  buildName(cb);
  buildMain(cb);
  return cb.build();
}

/** static String name(int): a tableswitch. */
function buildName(cb: ClassBuilder): void {
  const code = cb.method(ACC_STATIC, 'name', '(I)Ljava/lang/String;');
  const labels = [code.newLabel(), code.newLabel(), code.newLabel()];
  const other = code.newLabel();
  code.load('int', 0).tableswitch(0, 2, other, labels);
  labels.forEach((label, i) => {
    code.place(label).pushString(['zero', 'one', 'two'][i] ?? '').returnValue('reference');
  });
  code.place(other).pushString('other').returnValue('reference');
}

function buildMain(cb: ClassBuilder): void {
  const code = cb.method(ACC_PUBLIC | ACC_STATIC, 'main', '([Ljava/lang/String;)V');
  const start = code.here();
  code.lineNumber(10, start);
  println(code, () => code.pushString('Hello, OakVM'), 'Ljava/lang/String;');

  // int sum = 0; for (int i = 0; i < 10; i++) sum += i;
  code.pushInt(0).store('int', 1).pushInt(0).store('int', 2);
  const test = code.newLabel();
  const body = code.newLabel();
  code.branch(Op.goto, test);
  code.place(body).load('int', 1).load('int', 2).emit(Op.iadd).store('int', 1).iinc(2, 1);
  code.place(test).load('int', 2).pushInt(10).branch(Op.if_icmplt, body);
  println(code, () => code.load('int', 1), 'I');

  // for (int i = -1; i < 4; i++) System.out.println(name(i));
  code.pushInt(-1).store('int', 2);
  const switchTest = code.newLabel();
  code.branch(Op.goto, switchTest);
  const switchBody = code.here();
  println(code, () => code.load('int', 2).invoke(Op.invokestatic, 'Demo', 'name', '(I)Ljava/lang/String;'), 'Ljava/lang/String;');
  code.iinc(2, 1);
  code.place(switchTest).load('int', 2).pushInt(4).branch(Op.if_icmplt, switchBody);

  // A lookupswitch on 1000: case -5 -> "minus five", case 1000 -> "thousand", default -> "?".
  const minusFive = code.newLabel();
  const thousand = code.newLabel();
  const unknown = code.newLabel();
  const afterSwitch = code.newLabel();
  code.pushInt(1000).lookupswitch(unknown, [
    [1000, thousand],
    [-5, minusFive],
  ]);
  code.place(minusFive);
  println(code, () => code.pushString('minus five'), 'Ljava/lang/String;');
  code.branch(Op.goto, afterSwitch);
  code.place(thousand);
  println(code, () => code.pushString('thousand'), 'Ljava/lang/String;');
  code.branch(Op.goto, afterSwitch);
  code.place(unknown);
  println(code, () => code.pushString('?'), 'Ljava/lang/String;');
  code.place(afterSwitch);

  // try { System.out.println(1 / zero); } catch (ArithmeticException e) { System.out.println(e.getMessage()); }
  code.pushInt(0).store('int', 3);
  const tryStart = code.here();
  println(code, () => code.pushInt(1).load('int', 3).emit(Op.idiv), 'I');
  const tryEnd = code.here();
  const afterTry = code.newLabel();
  code.branch(Op.goto, afterTry);
  const handler = code.here();
  code.store('reference', 4);
  println(code, () => code.load('reference', 4).invoke(Op.invokevirtual, 'java/lang/Throwable', 'getMessage', '()Ljava/lang/String;'), 'Ljava/lang/String;');
  code.exceptionHandler(tryStart, tryEnd, handler, 'java/lang/ArithmeticException');
  code.place(afterTry);

  // long a = 1234567890123L; System.out.println(a * 3 + 1 + BIG);
  code.pushLong(Long.fromString('1234567890123')).store('long', 5);
  println(
    code,
    () => code.load('long', 5).pushLong(3).emit(Op.lmul).pushLong(1).emit(Op.ladd).field(Op.getstatic, 'Demo', 'BIG', 'J').emit(Op.ladd),
    'J',
  );

  // System.out.println(Math.sqrt(2.0) * 2.5);
  println(code, () => code.pushDouble(2).invoke(Op.invokestatic, 'java/lang/Math', 'sqrt', '(D)D').pushDouble(2.5).emit(Op.dmul), 'D');

  // dup2_x2 on two longs: x = 7L, y = 5L; value (y, x, y) -> prints y + (x - y) = 7
  println(
    code,
    () => code.pushLong(7).pushLong(5).emit(Op.dup2_x2).emit(Op.lsub).emit(Op.ladd),
    'J',
  );

  // Wide locals: int at slot 300, iinc by 1000; a double at slot 400.
  code.pushInt(5).store('int', 300).iinc(300, 1000);
  println(code, () => code.load('int', 300), 'I');
  code.pushDouble(0.5).store('double', 400);
  println(code, () => code.load('double', 400).load('double', 400).emit(Op.dadd), 'D');

  // float arithmetic and a class constant.
  println(code, () => code.pushFloat(1.5).pushFloat(0.25).emit(Op.fmul), 'F');
  println(code, () => code.field(Op.getstatic, 'Demo', 'ANSWER', 'I'), 'I');
  println(code, () => code.field(Op.getstatic, 'Demo', 'GREETING', 'Ljava/lang/String;'), 'Ljava/lang/String;');
  code.returnValue('void');
  code.localVariable('args', '[Ljava/lang/String;', 0, start, code.here());
}

export const EXPECTED_DEMO = [
  'Hello, OakVM',
  '45',
  'other',
  'zero',
  'one',
  'two',
  'other',
  'thousand',
  '/ by zero',
  '3712703670370',
  '3.5355339059327378',
  '7',
  '1005',
  '1.0',
  '0.375',
  '42',
  'hi',
].join('\n');

/** How far the long-branch code jumps: more than a signed 16-bit offset reaches. */
export const FAR = 40_000;

/**
 * static void main: branches whose offsets do not fit 16 bits, forward (conditional and goto) and
 * backward, so the builder must use goto_w and inverted conditions.
 */
export function buildFarBranches(): ClassFile {
  const cb = new ClassBuilder({ name: 'Far', accessFlags: ACC_PUBLIC | ACC_SUPER });
  const code = cb.method(ACC_PUBLIC | ACC_STATIC, 'main', '([Ljava/lang/String;)V');
  // for (int i = 0; i < 3; i++) { <FAR bytes of nop> } with the test at the top.
  code.pushInt(0).store('int', 1);
  const top = code.here();
  const done = code.newLabel();
  code.load('int', 1).pushInt(3).branch(Op.if_icmpge, done);
  for (let i = 0; i < FAR; i++) code.emit(Op.nop);
  println(code, () => code.load('int', 1), 'I');
  code.iinc(1, 1).branch(Op.goto, top);
  code.place(done);
  const end = code.newLabel();
  code.branch(Op.goto, end);
  for (let i = 0; i < 20_000; i++) code.emit(Op.nop);
  code.place(end);
  println(code, () => code.pushString('done'), 'Ljava/lang/String;');
  code.returnValue('void');
  return cb.build();
}

export const EXPECTED_FAR = ['0', '1', '2', 'done'].join('\n');

/** An interface with an abstract method and a declared exception, to check javap reads it. */
export function buildInterface(): ClassFile {
  const cb = new ClassBuilder({ name: 'demo/Shape', accessFlags: ACC_PUBLIC | ACC_INTERFACE | ACC_ABSTRACT, interfaces: ['java/lang/Runnable'] });
  cb.methodWithoutCode(ACC_PUBLIC | ACC_ABSTRACT, 'area', '()D', ['java/io/IOException']);
  cb.field(ACC_PUBLIC | ACC_STATIC | ACC_FINAL, 'PI', 'F', 3.14);
  return cb.build();
}
