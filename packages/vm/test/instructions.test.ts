// Instruction groups through hand-assembled classes, including corners javac never emits.
import Long from 'long';
import { Op } from '@oakvm/classfile';
import { describe, expect, it } from 'vitest';
import { Assembler, PUBLIC_STATIC, println } from './support/assemble.js';
import { NO_IMAGE_REASON, runtimeImage } from './support/runtime-image.js';

const image = runtimeImage();
if (!image) console.warn(`instructions: ${NO_IMAGE_REASON}`);

function lines(out: string): string[] {
  return out.trimEnd().split('\n');
}

describe.skipIf(!image)('instruction semantics', () => {
  it('int arithmetic wraps, divides toward zero and masks shift counts', async () => {
    const a = new Assembler().main((c) => {
      const binop = (x: number, y: number, op: (typeof Op)[keyof typeof Op]): void =>
        println(c, 'I', () => c.pushInt(x).pushInt(y).emit(op));
      binop(0x7fffffff, 1, Op.iadd);
      binop(-2147483648, -1, Op.idiv);
      binop(-2147483648, -1, Op.irem);
      binop(-7, 2, Op.irem);
      binop(7, -2, Op.idiv);
      binop(65536, 65536, Op.imul);
      binop(1, 33, Op.ishl);
      binop(-16, 2, Op.iushr);
      binop(-16, 34, Op.ishr);
      println(c, 'I', () => c.pushInt(200).emit(Op.i2b));
      println(c, 'I', () => c.pushInt(-1).emit(Op.i2c));
      println(c, 'I', () => c.pushInt(40000).emit(Op.i2s));
    });
    const r = await a.run();
    expect(lines(r.stdout)).toEqual(['-2147483648', '-2147483648', '0', '-1', '-3', '0', '2', '1073741820', '-4', '-56', '65535', '-25536']);
  });

  it('long arithmetic is 64-bit two\'s complement', async () => {
    const a = new Assembler().main((c) => {
      const l = (s: string): Long => Long.fromString(s);
      const binop = (x: string, y: string, op: (typeof Op)[keyof typeof Op]): void =>
        println(c, 'J', () => c.pushLong(l(x)).pushLong(l(y)).emit(op));
      binop('9223372036854775807', '1', Op.ladd);
      binop('-9223372036854775808', '1', Op.lsub);
      binop('3037000500', '3037000500', Op.lmul);
      binop('-9223372036854775808', '-1', Op.ldiv);
      binop('-9223372036854775808', '-1', Op.lrem);
      binop('-7', '2', Op.lrem);
      binop('-81985529216486896', '-1', Op.land);
      println(c, 'J', () => c.pushLong(l('1')).pushInt(65).emit(Op.lshl));
      println(c, 'J', () => c.pushLong(l('-1')).pushInt(60).emit(Op.lushr));
      println(c, 'J', () => c.pushLong(l('-256')).pushInt(4).emit(Op.lshr));
      println(c, 'I', () => c.pushLong(l('-1')).pushLong(l('1')).emit(Op.lcmp));
      println(c, 'I', () => c.pushLong(l('4294967296')).pushLong(l('4294967295')).emit(Op.lcmp));
      println(c, 'I', () => c.pushLong(l('4294967297')).emit(Op.l2i));
      println(c, 'J', () => c.pushInt(-5).emit(Op.i2l));
      println(c, 'J', () => c.pushLong(l('5')).emit(Op.lneg));
    });
    const r = await a.run();
    expect(lines(r.stdout)).toEqual([
      '-9223372036854775808',
      '9223372036854775807',
      '-9223372036709301616',
      '-9223372036854775808',
      '0',
      '-1',
      '-81985529216486896',
      '2',
      '15',
      '-16',
      '-1',
      '1',
      '1',
      '-5',
      '-5',
    ]);
  });

  it('floating-point conversions saturate and NaN compares by fcmpl/fcmpg', async () => {
    const a = new Assembler().main((c) => {
      println(c, 'I', () => c.pushFloat(NaN).emit(Op.f2i));
      println(c, 'I', () => c.pushFloat(3e10).emit(Op.f2i));
      println(c, 'I', () => c.pushDouble(-1e300).emit(Op.d2i));
      println(c, 'J', () => c.pushDouble(1e300).emit(Op.d2l));
      println(c, 'J', () => c.pushDouble(NaN).emit(Op.d2l));
      println(c, 'J', () => c.pushDouble(-2.5).emit(Op.d2l));
      println(c, 'I', () => c.pushFloat(NaN).pushFloat(1).emit(Op.fcmpl));
      println(c, 'I', () => c.pushFloat(NaN).pushFloat(1).emit(Op.fcmpg));
      println(c, 'I', () => c.pushDouble(NaN).pushDouble(1).emit(Op.dcmpg));
      println(c, 'I', () => c.pushDouble(-0).pushDouble(0).emit(Op.dcmpl));
      println(c, 'F', () => c.pushLong(Long.fromString('9007199791611905')).emit(Op.l2f));
      println(c, 'F', () => c.pushFloat(1).pushFloat(3).emit(Op.fdiv));
      println(c, 'D', () => c.pushDouble(-7.5).pushDouble(2).emit(Op.drem));
      println(c, 'F', () => c.pushDouble(1e40).emit(Op.d2f));
    });
    const r = await a.run();
    expect(lines(r.stdout)).toEqual([
      '0',
      '2147483647',
      '-2147483648',
      '9223372036854775807',
      '0',
      '-2',
      '-1',
      '1',
      '1',
      '0',
      '9.0072003E15',
      '0.33333334',
      '-1.5',
      'Infinity',
    ]);
  });

  it('raises HotSpot\'s exceptions for division, arrays and casts', async () => {
    const a = new Assembler()
      .addClass('A', (cb) => {
        const k = cb.method(0x0001, '<init>', '()V');
        k.load('reference', 0).invoke(Op.invokespecial, 'java/lang/Object', '<init>', '()V').emit(Op.return);
      })
      .main((c) => {
        const tryPrint = (emit: () => void): void => {
          const start = c.newLabel();
          const end = c.newLabel();
          const handler = c.newLabel();
          const after = c.newLabel();
          c.place(start);
          emit();
          c.place(end);
          c.branch(Op.goto, after);
          c.place(handler);
          c.store('reference', 1);
          println(c, 'Ljava/lang/String;', () => c.load('reference', 1).invoke(Op.invokevirtual, 'java/lang/Object', 'toString', '()Ljava/lang/String;'));
          c.place(after);
          c.exceptionHandler(start, end, handler, 'java/lang/Throwable');
        };
        tryPrint(() => c.pushInt(1).pushInt(0).emit(Op.idiv).emit(Op.pop));
        tryPrint(() => c.pushLong(1).pushLong(0).emit(Op.lrem).emit(Op.pop2));
        tryPrint(() => c.pushInt(-1).newArray('I').emit(Op.pop));
        tryPrint(() => c.pushInt(3).newArray('I').pushInt(5).emit(Op.iaload).emit(Op.pop));
        tryPrint(() =>
          c.pushInt(1).typeInstruction(Op.anewarray, 'java/lang/String').pushInt(0).pushInt(7)
            .invoke(Op.invokestatic, 'java/lang/Integer', 'valueOf', '(I)Ljava/lang/Integer;').emit(Op.aastore),
        );
        tryPrint(() => c.typeInstruction(Op.new, 'A').emit(Op.dup).invoke(Op.invokespecial, 'A', '<init>', '()V').typeInstruction(Op.checkcast, 'java/lang/String').emit(Op.pop));
        tryPrint(() => c.pushString('s').typeInstruction(Op.checkcast, 'A').emit(Op.pop));
        tryPrint(() => c.pushNull().emit(Op.monitorexit));
        tryPrint(() => c.pushString('x').emit(Op.monitorexit));
      });
    const r = await a.run();
    expect(lines(r.stdout)).toEqual([
      'java.lang.ArithmeticException: / by zero',
      'java.lang.ArithmeticException: / by zero',
      'java.lang.NegativeArraySizeException: -1',
      'java.lang.ArrayIndexOutOfBoundsException: Index 5 out of bounds for length 3',
      'java.lang.ArrayStoreException: java.lang.Integer',
      "java.lang.ClassCastException: class A cannot be cast to class java.lang.String (A is in unnamed module of loader 'app'; java.lang.String is in module java.base of loader 'bootstrap')",
      "java.lang.ClassCastException: class java.lang.String cannot be cast to class A (java.lang.String is in module java.base of loader 'bootstrap'; A is in unnamed module of loader 'app')",
      'java.lang.NullPointerException: Cannot exit synchronized block because "null" is null',
      'java.lang.IllegalMonitorStateException: current thread is not owner',
    ]);
  });

  it('stores only the low bit into boolean arrays and handles switches and wide locals', async () => {
    const a = new Assembler().main((c) => {
      println(c, 'I', () => c.pushInt(1).newArray('Z').emit(Op.dup).pushInt(0).pushInt(6).emit(Op.bastore).pushInt(0).emit(Op.baload));
      c.pushInt(300).store('int', 300);
      c.iinc(300, -1000);
      println(c, 'I', () => c.load('int', 300));
      for (const key of [-1, 2, 9]) {
        const d = c.newLabel();
        const l0 = c.newLabel();
        const l1 = c.newLabel();
        const end = c.newLabel();
        c.pushInt(key).tableswitch(1, 2, d, [l0, l1]);
        c.place(l0);
        c.pushInt(10).branch(Op.goto, end);
        c.place(l1);
        c.pushInt(20).branch(Op.goto, end);
        c.place(d);
        c.pushInt(-1);
        c.place(end);
        c.store('int', 1);
        println(c, 'I', () => c.load('int', 1));
      }
      const d = c.newLabel();
      const hit = c.newLabel();
      const end = c.newLabel();
      c.pushInt(1000).lookupswitch(d, [[-5, d], [1000, hit]]);
      c.place(hit);
      c.pushInt(1).branch(Op.goto, end);
      c.place(d);
      c.pushInt(0);
      c.place(end);
      c.store('int', 1);
      println(c, 'I', () => c.load('int', 1));
    });
    const r = await a.run();
    expect(lines(r.stdout)).toEqual(['0', '-700', '-1', '20', '-1', '1']);
  });

  it('rejects jsr with VerifyError (from the verifier, as HotSpot links the main class)', async () => {
    const a = new Assembler().main((c) => {
      const sub = c.newLabel();
      c.branch(Op.jsr, sub);
      c.emit(Op.return);
      c.place(sub);
      c.store('reference', 1);
      c.local(Op.ret, 1);
    });
    const verified = await a.run();
    expect(verified.exitCode).toBe(1);
    expect(verified.stderr).toMatch(/^Error: Unable to initialize main class T\nCaused by: java\.lang\.VerifyError: .*jsr/);
    // Without the verifier the interpreter itself refuses the instruction.
    const unverified = await a.run({ verify: false });
    expect(unverified.exitCode).toBe(1);
    expect(unverified.stderr).toMatch(/^Exception in thread "main" java\.lang\.VerifyError: .*jsr\/ret/);
  });

  it('runs multianewarray and dup2_x2 and friends', async () => {
    const a = new Assembler().main((c) => {
      c.pushInt(2).pushInt(3).multiANewArray('[[J', 2).store('reference', 1);
      println(c, 'I', () => c.load('reference', 1).pushInt(1).emit(Op.aaload).emit(Op.arraylength));
      println(c, 'J', () => c.pushLong(5).pushLong(7).emit(Op.dup2_x2).emit(Op.pop2).emit(Op.lsub));
      println(c, 'I', () => c.pushInt(1).pushInt(2).emit(Op.swap).emit(Op.isub));
      println(c, 'I', () => c.pushInt(1).pushInt(2).pushInt(3).emit(Op.dup_x2).emit(Op.pop).emit(Op.pop).emit(Op.isub));
    });
    const r = await a.run();
    expect(lines(r.stdout)).toEqual(['3', '2', '1', '2']);
  });

  it('throws AbstractMethodError and UnsatisfiedLinkError naming the method', async () => {
    const a = new Assembler()
      .addClass('N', (cb) => {
        cb.methodWithoutCode(PUBLIC_STATIC | 0x0100, 'nat', '(IJ)Ljava/lang/String;');
      })
      .main((c) => {
        c.pushInt(1).pushLong(2).invoke(Op.invokestatic, 'N', 'nat', '(IJ)Ljava/lang/String;').emit(Op.pop);
      });
    const r = await a.run();
    expect(r.stderr.split('\n')[0]).toBe(`Exception in thread "main" java.lang.UnsatisfiedLinkError: 'java.lang.String N.nat(int, long)'`);
  });
});
