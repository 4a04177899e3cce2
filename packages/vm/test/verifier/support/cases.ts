// Hand-built classes that break one verification rule each, with the message HotSpot's type-inferring
// verifier gives for them (hotspot-parity.test.ts checks them against `java` when a JDK is present), and
// well-formed neighbours that must verify.
import { ACC_PUBLIC, Op } from '@oakvm/classfile';
import { asm, u2, type TestClass, type TestMethod } from './hand-built.js';

export interface VerifierCase {
  readonly group: string;
  readonly title: string;
  readonly spec: TestClass;
  /** The reason expected (HotSpot's text), or undefined when the class must verify. */
  readonly reason?: string;
  /** The offset of the faulting instruction, when one instruction is at fault. */
  readonly bci?: number;
  /** The reason is OakVM's own: HotSpot accepts the class (jsr/ret) or rejects it elsewhere or otherwise. */
  readonly oursOnly?: true;
  /** HotSpot reports this failure as a ClassFormatError. */
  readonly formatError?: true;
}

function one(method: TestMethod, extra: Partial<TestClass> = {}): TestClass {
  return { ...extra, methods: [{ ...method, name: method.name ?? 'bad' }] };
}

const S = 'operand stack';
const C = 'control flow';
const R = 'return types';
const L = 'locals';
const O = 'objects, fields and calls';

export const CASES: readonly VerifierCase[] = [
  { group: S, title: 'underflow', spec: one({ descriptor: '()I', maxStack: 2, bytes: () => asm('iadd', 'ireturn') }), reason: 'Unable to pop operand off an empty stack', bci: 0 },
  {
    group: S,
    title: 'overflow past max_stack',
    spec: one({ descriptor: '()V', maxStack: 1, bytes: () => asm('iconst_0', 'iconst_1', 'pop2', 'return') }),
    reason: 'Stack size too large',
    bci: 1,
  },
  {
    group: S,
    title: 'an int where a float is expected',
    spec: one({ descriptor: '()F', emit: (c) => c.emit(Op.fconst_1).emit(Op.iconst_1).emit(Op.fadd).emit(Op.freturn) }),
    reason: 'Expecting to find float on stack',
    bci: 2,
  },
  {
    group: S,
    title: 'a float where an int is expected',
    spec: one({ descriptor: '()I', emit: (c) => c.emit(Op.fconst_1).emit(Op.iconst_1).emit(Op.iadd).emit(Op.ireturn) }),
    reason: 'Expecting to find integer on stack',
    bci: 2,
  },
  {
    group: S,
    title: 'two ints where a long is expected',
    spec: one({ descriptor: '()J', maxStack: 2, bytes: () => asm('iconst_1', 'iconst_1', 'lneg', 'lreturn') }),
    reason: 'Expecting to find long on stack',
    bci: 2,
  },
  {
    group: S,
    title: 'an int where a reference is expected',
    spec: one({ descriptor: '()V', emit: (c) => c.emit(Op.iconst_1).emit(Op.monitorenter).emit(Op.return) }),
    reason: 'Expecting to find object/array on stack',
    bci: 1,
  },
  {
    group: S,
    title: 'pop takes half a long',
    spec: one({ descriptor: '()V', emit: (c) => c.emit(Op.lconst_0).emit(Op.pop).emit(Op.pop).emit(Op.return) }),
    reason: 'Attempt to split long or double on the stack',
    bci: 1,
  },
  {
    group: S,
    title: 'swap of a double',
    spec: one({ descriptor: '()V', emit: (c) => c.emit(Op.dconst_0).emit(Op.swap).emit(Op.pop2).emit(Op.return) }),
    reason: 'Attempt to split long or double on the stack',
    bci: 1,
  },
  {
    group: S,
    title: 'the wrong kind of array',
    spec: one({ descriptor: '()I', emit: (c) => c.emit(Op.iconst_1).newArray('F').emit(Op.iconst_0).emit(Op.iaload).emit(Op.ireturn) }),
    reason: 'Expecting to find array of ints on stack',
    bci: 4,
  },
  {
    group: S,
    title: 'arraylength of a string',
    spec: one({ descriptor: '()I', emit: (c) => c.pushString('s').emit(Op.arraylength).emit(Op.ireturn) }),
    reason: 'Expecting to find array on stack',
    bci: 2,
  },
  {
    group: S,
    title: 'different stack heights where paths meet',
    // 0 iconst_0, 1 ifeq 6, 4 iconst_1, 5 nop, 6 return: pc 6 is reached with no value and with one.
    spec: one({ descriptor: '()V', maxStack: 1, bytes: () => asm('iconst_0', 'ifeq', 0, 5, 'iconst_1', 'nop', 'return') }),
    reason: 'Inconsistent stack height 1 != 0',
    bci: 5,
  },
  {
    group: S,
    title: 'an int and a float in one stack slot where paths meet',
    spec: one({
      descriptor: '(I)V',
      emit: (c) => {
        const other = c.newLabel();
        const join = c.newLabel();
        c.load('int', 0).branch(Op.ifeq, other).emit(Op.iconst_1).branch(Op.goto, join);
        c.place(other).emit(Op.fconst_1);
        c.place(join).emit(Op.pop).emit(Op.return);
      },
    }),
    reason: 'Mismatched stack types',
  },
  { group: C, title: 'a branch into the middle of an instruction', spec: one({ descriptor: '()V', maxStack: 1, bytes: () => asm('sipush', 0, 0, 'goto', 0xff, 0xfe) }), reason: 'Illegal target of jump or branch', bci: 3 },
  { group: C, title: 'a branch past the end of the code', spec: one({ descriptor: '()V', maxStack: 1, bytes: () => asm('goto', 0, 10, 'return') }), reason: 'Illegal target of jump or branch', bci: 0 },
  { group: C, title: 'falling off the end of the code', spec: one({ descriptor: '()V', maxStack: 1, bytes: () => asm('iconst_0', 'pop') }), reason: 'Falling off the end of the code', bci: 1 },
  { group: C, title: 'an undefined opcode', spec: one({ descriptor: '()V', maxStack: 1, bytes: () => asm('nop', 0xcb, 'return') }), reason: 'Illegal instruction found at offset 1', bci: 1 },
  {
    group: C,
    title: 'a truncated instruction',
    spec: one({ descriptor: '()V', maxStack: 1, bytes: () => asm('return', 'sipush', 0) }),
    reason: 'Code stops in the middle of instruction  starting at offset 1',
    bci: 1,
  },
  {
    group: C,
    title: 'jsr is rejected',
    spec: one({ descriptor: '()V', maxStack: 1, maxLocals: 1, bytes: () => asm('jsr', 0, 4, 'return', 'astore_0', 'ret', 0) }),
    reason: 'jsr and ret are not supported (subroutines are rejected)',
    bci: 0,
    oursOnly: true,
  },
  {
    group: C,
    title: 'an exception handler inside an instruction',
    spec: one({ descriptor: '()V', maxStack: 1, bytes: () => asm('sipush', 0, 0, 'pop', 'return'), handlers: () => [{ startPc: 0, endPc: 3, handlerPc: 1, catchType: 0 }] }),
    reason: 'Illegal exception table handler',
    formatError: true,
  },
  {
    group: C,
    title: 'an exception range that ends inside an instruction',
    spec: one({ descriptor: '()V', maxStack: 1, bytes: () => asm('sipush', 0, 0, 'pop', 'return'), handlers: () => [{ startPc: 0, endPc: 2, handlerPc: 4, catchType: 0 }] }),
    reason: 'Illegal exception table range',
    formatError: true,
  },
  { group: C, title: 'unreachable code is not type-checked', spec: one({ descriptor: '()V', maxStack: 1, bytes: () => asm('return', 'iadd', 'return') }) },
  { group: R, title: 'return from a method returning int', spec: one({ descriptor: '()I', emit: (c) => c.emit(Op.return) }), reason: 'Wrong return type in function', bci: 0 },
  { group: R, title: 'ireturn from a void method', spec: one({ descriptor: '()V', emit: (c) => c.emit(Op.iconst_0).emit(Op.ireturn) }), reason: 'Wrong return type in function', bci: 1 },
  {
    group: R,
    title: 'a Class returned as a String',
    spec: one({ descriptor: '()Ljava/lang/String;', emit: (c) => c.pushClass('java/lang/Integer').emit(Op.areturn) }),
    reason: 'Wrong return type in function',
    bci: 2,
  },
  { group: R, title: 'a String returned as a CharSequence (an interface) verifies', spec: one({ descriptor: '()Ljava/lang/CharSequence;', emit: (c) => c.pushString('x').emit(Op.areturn) }) },
  { group: L, title: 'an index past max_locals', spec: one({ descriptor: '()V', maxStack: 1, maxLocals: 2, bytes: () => asm('iload', 5, 'pop', 'return') }), reason: 'Illegal local variable number', bci: 0 },
  { group: L, title: 'a long in the last local slot', spec: one({ descriptor: '()V', maxStack: 2, maxLocals: 1, bytes: () => asm('lconst_0', 'lstore_0', 'return') }), reason: 'Illegal local variable number', bci: 1 },
  {
    group: L,
    title: 'reading a local never written',
    spec: one({ descriptor: '()I', maxStack: 1, maxLocals: 2, bytes: () => asm('iload_1', 'ireturn') }),
    reason: 'Accessing value from uninitialized register 1',
    bci: 0,
  },
  { group: L, title: 'reading a float local as an int', spec: one({ descriptor: '(F)I', emit: (c) => c.load('int', 0).emit(Op.ireturn) }), reason: 'Register 0 contains wrong type', bci: 0 },
  { group: L, title: 'reading two floats as a long', spec: one({ descriptor: '(FF)J', emit: (c) => c.load('long', 0).emit(Op.lreturn) }), reason: 'Register pair 0/1 contains wrong type', bci: 0 },
  {
    group: L,
    title: 'an int stored over half a long breaks the long',
    spec: one({ descriptor: '(J)J', emit: (c) => c.emit(Op.iconst_0).store('int', 1).load('long', 0).emit(Op.lreturn) }),
    reason: 'Register pair 0/1 contains wrong type',
    bci: 2,
  },
  {
    group: L,
    title: 'a local that is an int on one path and a String on the other is unusable after they meet',
    spec: one({
      descriptor: '(I)V',
      emit: (c) => {
        const other = c.newLabel();
        const join = c.newLabel();
        c.load('int', 0).branch(Op.ifeq, other).emit(Op.iconst_1).store('int', 1).branch(Op.goto, join);
        c.place(other).pushString('s').store('reference', 1);
        c.place(join).load('reference', 1).emit(Op.pop).emit(Op.return);
      },
    }),
    reason: 'Accessing value from uninitialized register 1',
  },
  {
    group: O,
    title: 'a method called on an object before its constructor',
    spec: one({ descriptor: '()I', emit: (c) => c.typeInstruction(Op.new, 'java/lang/Object').emit(Op.dup).invoke(Op.invokevirtual, 'java/lang/Object', 'hashCode', '()I').emit(Op.ireturn) }),
    reason: 'Expecting to find object/array on stack',
    bci: 4,
  },
  {
    group: O,
    title: 'an uninitialized object returned',
    spec: one({ descriptor: '()Ljava/lang/Object;', emit: (c) => c.typeInstruction(Op.new, 'java/lang/Object').emit(Op.areturn) }),
    reason: 'Expecting to find object/array on stack',
    bci: 3,
  },
  {
    group: O,
    title: 'the constructor of another class',
    spec: one({ descriptor: '()V', emit: (c) => c.typeInstruction(Op.new, 'java/lang/Object').invoke(Op.invokespecial, 'java/lang/String', '<init>', '()V').emit(Op.return) }),
    reason: 'Call to wrong initialization method',
    bci: 3,
  },
  {
    group: O,
    title: 'a constructor called on an initialized object',
    spec: one({ descriptor: '(Ljava/lang/Object;)V', emit: (c) => c.load('reference', 0).invoke(Op.invokespecial, 'java/lang/Object', '<init>', '()V').emit(Op.return) }),
    reason: 'Expecting to find unitialized object on stack',
    bci: 1,
  },
  {
    group: O,
    title: 'a constructor that never calls super()',
    spec: { methods: [{ name: '<init>', flags: ACC_PUBLIC, descriptor: '()V', emit: (c) => c.emit(Op.return) }] },
    reason: 'Constructor must call super() or this()',
    bci: 0,
  },
  {
    group: O,
    title: 'a constructor that calls super() on one path only',
    spec: {
      methods: [
        {
          name: '<init>',
          flags: ACC_PUBLIC,
          descriptor: '(Z)V',
          emit: (c) => {
            const skip = c.newLabel();
            c.load('int', 1).branch(Op.ifeq, skip).load('reference', 0).invoke(Op.invokespecial, 'java/lang/Object', '<init>', '()V');
            c.place(skip).emit(Op.return);
          },
        },
      ],
    },
    reason: 'Constructor must call super() or this()',
  },
  {
    group: O,
    title: 'a constructor may set its own fields before super()',
    spec: {
      fields: [{ name: 'x', descriptor: 'I' }],
      methods: [
        {
          name: '<init>',
          flags: ACC_PUBLIC,
          descriptor: '()V',
          emit: (c) =>
            c
              .load('reference', 0)
              .emit(Op.iconst_1)
              .field(Op.putfield, 'demo/Subject', 'x', 'I')
              .load('reference', 0)
              .invoke(Op.invokespecial, 'java/lang/Object', '<init>', '()V')
              .emit(Op.return),
        },
      ],
    },
  },
  {
    group: O,
    title: 'putfield of a float into an int field',
    spec: one(
      { descriptor: '(Ldemo/Subject;)V', emit: (c) => c.load('reference', 0).emit(Op.fconst_0).field(Op.putfield, 'demo/Subject', 'x', 'I').emit(Op.return) },
      { fields: [{ name: 'x', descriptor: 'I' }] },
    ),
    reason: 'Expecting to find integer on stack',
    bci: 2,
  },
  {
    group: O,
    title: 'putstatic of an Object into a String field',
    spec: one(
      { descriptor: '(Ljava/lang/Object;)V', emit: (c) => c.load('reference', 0).field(Op.putstatic, 'demo/Subject', 's', 'Ljava/lang/String;').emit(Op.return) },
      { fields: [{ name: 's', descriptor: 'Ljava/lang/String;', flags: 0x0009 }] },
    ),
    reason: 'Bad type in putfield/putstatic',
    bci: 1,
  },
  {
    group: O,
    title: 'getfield on an object of an unrelated class',
    spec: one(
      { descriptor: '(Ljava/lang/String;)I', emit: (c) => c.load('reference', 0).field(Op.getfield, 'demo/Subject', 'x', 'I').emit(Op.ireturn) },
      { fields: [{ name: 'x', descriptor: 'I' }] },
    ),
    reason: 'Incompatible type for getting or setting field',
    bci: 1,
  },
  {
    group: O,
    title: 'an argument of the wrong class',
    spec: one({ descriptor: '(Ljava/lang/Object;)I', emit: (c) => c.load('reference', 0).invoke(Op.invokestatic, 'java/lang/Integer', 'parseInt', '(Ljava/lang/String;)I').emit(Op.ireturn) }),
    reason: 'Incompatible argument to function',
    bci: 1,
  },
  {
    group: O,
    title: 'an int argument where a long is declared',
    spec: one({
      descriptor: '()Ljava/lang/String;',
      maxStack: 2,
      bytes: (pool) => [...asm('iconst_1', 'invokestatic'), ...u2(pool.methodRef('java/lang/Long', 'toString', '(J)Ljava/lang/String;')), ...asm('areturn')],
    }),
    reason: 'Expecting to find long on stack',
    bci: 1,
  },
  {
    group: O,
    title: 'a receiver of the wrong class',
    spec: one({ descriptor: '()I', emit: (c) => c.pushString('s').invoke(Op.invokevirtual, 'java/lang/Integer', 'intValue', '()I').emit(Op.ireturn) }),
    reason: 'Incompatible object argument for function call',
    bci: 2,
  },
  { group: O, title: 'throwing a String', spec: one({ descriptor: '()V', emit: (c) => c.pushString('s').emit(Op.athrow) }), reason: 'Can only throw Throwable objects', bci: 2 },
  {
    group: O,
    title: 'a protected method of a class in another package, called on an object of another class',
    spec: one({ descriptor: '()Ljava/lang/Object;', emit: (c) => c.pushString('s').invoke(Op.invokevirtual, 'java/lang/Object', 'clone', '()Ljava/lang/Object;').emit(Op.areturn) }),
    reason: 'Bad access to protected data',
    bci: 2,
  },
  {
    group: O,
    title: 'clone() of an array is not protected access',
    spec: one({ descriptor: '([I)Ljava/lang/Object;', emit: (c) => c.load('reference', 0).invoke(Op.invokevirtual, '[I', 'clone', '()Ljava/lang/Object;').emit(Op.areturn) }),
  },
  {
    group: O,
    title: 'invokespecial of a method of an unrelated class',
    spec: one({ descriptor: '(Ldemo/Subject;)I', flags: ACC_PUBLIC, emit: (c) => c.load('reference', 1).invoke(Op.invokespecial, 'java/lang/String', 'length', '()I').emit(Op.ireturn) }),
    reason: 'Illegal use of nonvirtual function call',
    bci: 1,
  },
  {
    group: O,
    title: 'a Fieldref where a Methodref is expected',
    spec: one(
      { descriptor: '()V', maxStack: 1, bytes: (pool) => [...asm('invokestatic'), ...u2(pool.fieldRef('demo/Subject', 'x', 'I')), ...asm('return')] },
      { fields: [{ name: 'x', descriptor: 'I' }] },
    ),
    reason: 'Illegal type in constant pool',
    bci: 0,
  },
  {
    group: O,
    title: 'a catch type that is not a Throwable',
    spec: one({
      descriptor: '()V',
      maxStack: 1,
      bytes: () => asm('nop', 'return', 'pop', 'return'),
      handlers: (pool) => [{ startPc: 0, endPc: 1, handlerPc: 2, catchType: pool.class('java/lang/String') }],
    }),
    reason: 'Catch type is not a subclass of Throwable',
    bci: 2,
    oursOnly: true,
  },
  {
    group: O,
    title: 'a caught exception merges with the thrown types',
    spec: one({
      descriptor: '()I',
      emit: (c) => {
        const start = c.here();
        c.pushString('7').invoke(Op.invokestatic, 'java/lang/Integer', 'parseInt', '(Ljava/lang/String;)I');
        const end = c.here();
        c.emit(Op.ireturn);
        const handler = c.here();
        c.invoke(Op.invokevirtual, 'java/lang/Throwable', 'hashCode', '()I').emit(Op.ireturn);
        c.exceptionHandler(start, end, handler, 'java/lang/NumberFormatException');
      },
    }),
  },
  {
    group: O,
    title: "reading a superclass's field before super()",
    spec: {
      methods: [
        {
          name: '<init>',
          flags: ACC_PUBLIC,
          descriptor: '()V',
          emit: (c) =>
            c
              .load('reference', 0)
              .invoke(Op.invokevirtual, 'java/lang/Object', 'hashCode', '()I')
              .emit(Op.pop)
              .load('reference', 0)
              .invoke(Op.invokespecial, 'java/lang/Object', '<init>', '()V')
              .emit(Op.return),
        },
      ],
    },
    reason: 'Expecting to find object/array on stack',
    bci: 1,
  },
  {
    group: O,
    title: 'this() after super() is a second initialization',
    spec: {
      methods: [
        {
          name: '<init>',
          flags: ACC_PUBLIC,
          descriptor: '()V',
          emit: (c) =>
            c
              .load('reference', 0)
              .invoke(Op.invokespecial, 'java/lang/Object', '<init>', '()V')
              .load('reference', 0)
              .invoke(Op.invokespecial, 'java/lang/Object', '<init>', '()V')
              .emit(Op.return),
        },
      ],
    },
    reason: 'Expecting to find unitialized object on stack',
    bci: 5,
  },
  {
    group: O,
    title: 'an uninitialized object kept in a local over a loop',
    // 0 new Object, 3 astore_0, 4 goto 0: the local is cleared when `new` runs again, which is allowed.
    spec: one({ descriptor: '()V', maxStack: 1, maxLocals: 1, bytes: (pool) => [...asm('new'), ...u2(pool.class('java/lang/Object')), ...asm('astore_0', 'goto', 0xff, 0xfc)] }),
  },
  {
    group: O,
    title: 'new of an array class',
    spec: one({ descriptor: '()V', maxStack: 1, bytes: (pool) => [...asm('new'), ...u2(pool.class('[I')), ...asm('pop', 'return')] }),
    reason: 'Illegal creation of multi-dimensional array',
    bci: 0,
  },
  {
    group: O,
    title: 'multianewarray with more dimensions than its type',
    spec: one({ descriptor: '()V', maxStack: 2, bytes: (pool) => [...asm('iconst_1', 'iconst_1', 'multianewarray'), ...u2(pool.class('[I')), 2, ...asm('pop', 'return')] }),
    reason: 'Illegal dimension argument',
    bci: 2,
  },
  {
    group: O,
    title: 'invokevirtual of a constructor',
    spec: one({
      descriptor: '(Ljava/lang/Object;)V',
      maxStack: 1,
      bytes: (pool) => [...asm('aload_0', 'invokevirtual'), ...u2(pool.methodRef('java/lang/Object', '<init>', '()V')), ...asm('return')],
    }),
    reason: 'Must call initializers using invokespecial',
    bci: 1,
  },
  {
    group: O,
    title: 'a call to a static initializer',
    spec: one({ descriptor: '()V', maxStack: 1, bytes: (pool) => [...asm('invokestatic'), ...u2(pool.methodRef('demo/Subject', '<clinit>', '()V')), ...asm('return')] }),
    reason: 'Illegal call to internal method',
    bci: 0,
    // HotSpot's class-file parser already refuses a Methodref named <clinit> (ClassFormatError).
    oursOnly: true,
  },
  {
    group: O,
    title: "invokeinterface whose count is not the arguments' slots",
    spec: one({
      descriptor: '(Ljava/lang/Runnable;)V',
      maxStack: 1,
      bytes: (pool) => [...asm('aload_0', 'invokeinterface'), ...u2(pool.interfaceMethodRef('java/lang/Runnable', 'run', '()V')), 2, 0, ...asm('return')],
    }),
    reason: 'Inconsistent args_size for invokeinterface',
    bci: 1,
  },
  {
    group: O,
    title: 'an invokespecial receiver of another class',
    spec: one({
      descriptor: '(Ljava/lang/Object;)I',
      flags: ACC_PUBLIC,
      emit: (c) => c.load('reference', 1).invoke(Op.invokespecial, 'java/lang/Object', 'hashCode', '()I').emit(Op.ireturn),
    }),
    reason: 'Incompatible object argument for invokespecial',
    bci: 1,
  },
  {
    group: O,
    title: 'a protected field of a superclass in another package, through an object of another class',
    spec: one(
      {
        descriptor: '(Ljava/lang/Throwable;)V',
        flags: ACC_PUBLIC,
        emit: (c) => c.load('reference', 1).invoke(Op.invokevirtual, 'java/lang/Throwable', 'fillInStackTrace', '()Ljava/lang/Throwable;').emit(Op.pop).emit(Op.return),
      },
      { superName: 'java/lang/Throwable' },
    ),
  },
  {
    group: O,
    title: 'a protected method of a superclass in another package, through an object of the superclass',
    spec: one(
      { descriptor: '(Ljava/lang/Object;)V', flags: ACC_PUBLIC, emit: (c) => c.load('reference', 1).invoke(Op.invokevirtual, 'java/lang/Object', 'finalize', '()V').emit(Op.return) },
    ),
    reason: 'Bad access to protected data',
    bci: 1,
  },
  {
    group: S,
    title: 'aastore into an int array',
    spec: one({ descriptor: '([I)V', emit: (c) => c.load('reference', 0).emit(Op.iconst_0).emit(Op.aconst_null).emit(Op.aastore).emit(Op.return) }),
    reason: 'Expecting to find array of objects or arrays on stack',
    bci: 3,
  },
  {
    group: S,
    title: 'if_acmpeq on ints',
    spec: one({
      descriptor: '(II)V',
      emit: (c) => {
        const out = c.newLabel();
        c.load('int', 0).load('int', 1).branch(Op.if_acmpeq, out).place(out).emit(Op.return);
      },
    }),
    reason: 'Expecting to find object/array on stack',
    bci: 2,
  },
  {
    group: S,
    title: 'dup_x1 under a long',
    spec: one({ descriptor: '()V', maxStack: 4, bytes: () => asm('lconst_0', 'iconst_0', 'dup_x1', 'return') }),
    reason: 'Attempt to split long or double on the stack',
    bci: 2,
  },
  {
    group: S,
    title: 'dup2_x2 of two longs',
    spec: one({ descriptor: '()V', emit: (c) => c.emit(Op.lconst_0).emit(Op.lconst_1).emit(Op.dup2_x2).emit(Op.pop2).emit(Op.pop2).emit(Op.pop2).emit(Op.return) }),
  },
  {
    group: S,
    title: 'checkcast of an int',
    spec: one({ descriptor: '()V', maxStack: 1, bytes: (pool) => [...asm('iconst_0', 'checkcast'), ...u2(pool.class('java/lang/String')), ...asm('pop', 'return')] }),
    reason: 'Expecting to find object/array on stack',
    bci: 1,
  },
  {
    group: C,
    title: 'an unsorted lookupswitch',
    // 0 iconst_0, 1 lookupswitch (2 bytes padding) default +23, 2 pairs: (5, +23) (3, +23), 24 return
    spec: one({
      descriptor: '()V',
      maxStack: 1,
      bytes: () => asm('iconst_0', 'lookupswitch', 0, 0, 0, 0, 0, 23, 0, 0, 0, 2, 0, 0, 0, 5, 0, 0, 0, 23, 0, 0, 0, 3, 0, 0, 0, 23, 'return'),
    }),
    reason: 'Unsorted lookup switch',
    bci: 1,
  },
  {
    group: C,
    title: 'a wide iinc past max_locals',
    spec: one({ descriptor: '()V', maxStack: 1, maxLocals: 2, bytes: () => asm('wide', 'iinc', 1, 0, 0, 1, 'return') }),
    reason: 'Illegal local variable number',
    bci: 0,
  },
  {
    group: C,
    title: 'newarray of a bad type code',
    spec: one({ descriptor: '()V', maxStack: 1, bytes: () => asm('iconst_1', 'newarray', 3, 'pop', 'return') }),
    reason: 'Bad type passed to newarray',
    bci: 1,
  },
  {
    group: L,
    title: 'a value a handler reads must hold on every path into the protected range',
    spec: one({
      descriptor: '()I',
      emit: (c) => {
        const start = c.here();
        c.emit(Op.iconst_1).store('int', 0).pushString('x').store('reference', 0);
        const end = c.here();
        c.emit(Op.iconst_0).emit(Op.ireturn);
        const handler = c.here();
        c.emit(Op.pop).load('int', 0).emit(Op.ireturn);
        c.exceptionHandler(start, end, handler, null);
      },
    }),
    reason: 'Accessing value from uninitialized register 0',
  },
  {
    group: O,
    title: 'getfield of an int',
    spec: one({ descriptor: '()I', emit: (c) => c.emit(Op.iconst_0).field(Op.getfield, 'demo/Subject', 'x', 'I').emit(Op.ireturn) }, { fields: [{ name: 'x', descriptor: 'I' }] }),
    reason: 'Expecting to find object/array on stack',
    bci: 1,
  },
  {
    group: O,
    title: 'putfield into an int',
    spec: one({ descriptor: '()V', emit: (c) => c.emit(Op.iconst_0).emit(Op.iconst_1).field(Op.putfield, 'demo/Subject', 'x', 'I').emit(Op.return) }, { fields: [{ name: 'x', descriptor: 'I' }] }),
    reason: 'Expecting to find object/array on stack',
    bci: 2,
  },
  {
    group: O,
    title: 'invokevirtual on an int',
    spec: one({ descriptor: '()I', emit: (c) => c.emit(Op.iconst_0).invoke(Op.invokevirtual, 'java/lang/Object', 'hashCode', '()I').emit(Op.ireturn) }),
    reason: 'Expecting to find object/array on stack',
    bci: 1,
  },
  {
    group: O,
    title: 'invokeinterface on an int',
    spec: one({ descriptor: '()V', emit: (c) => c.emit(Op.iconst_0).invoke(Op.invokeinterface, 'java/lang/Runnable', 'run', '()V').emit(Op.return) }),
    reason: 'Expecting to find object/array on stack',
    bci: 1,
  },
  {
    group: O,
    title: 'getfield of an array',
    spec: one({ descriptor: '([I)I', emit: (c) => c.load('reference', 0).field(Op.getfield, 'demo/Subject', 'x', 'I').emit(Op.ireturn) }, { fields: [{ name: 'x', descriptor: 'I' }] }),
    reason: 'Incompatible type for getting or setting field',
    bci: 1,
  },
  {
    group: O,
    title: 'athrow of an int',
    spec: one({ descriptor: '()V', emit: (c) => c.emit(Op.iconst_0).emit(Op.athrow) }),
    reason: 'Expecting to find object on stack',
    bci: 1,
  },
  {
    group: O,
    title: 'athrow of an array',
    spec: one({ descriptor: '([Ljava/lang/Throwable;)V', emit: (c) => c.load('reference', 0).emit(Op.athrow) }),
    reason: 'Expecting to find object on stack',
    bci: 1,
  },
  {
    group: O,
    title: 'an int passed for a String parameter',
    spec: one({ descriptor: '()I', emit: (c) => c.emit(Op.iconst_0).invoke(Op.invokestatic, 'java/lang/Integer', 'parseInt', '(Ljava/lang/String;)I').emit(Op.ireturn) }),
    reason: 'Expecting to find object/array on stack',
    bci: 1,
  },
  {
    group: S,
    title: 'caload of an int',
    spec: one({ descriptor: '()I', emit: (c) => c.emit(Op.iconst_0).emit(Op.iconst_0).emit(Op.caload).emit(Op.ireturn) }),
    reason: 'Expecting to find array of chars on stack',
    bci: 2,
  },
  {
    group: S,
    title: 'aastore of an int',
    spec: one({ descriptor: '([Ljava/lang/Object;)V', emit: (c) => c.load('reference', 0).emit(Op.iconst_0).emit(Op.iconst_0).emit(Op.aastore).emit(Op.return) }),
    reason: 'Expecting to find object/array on stack',
    bci: 3,
  },
  {
    group: S,
    title: 'aastore of an uninitialized object',
    spec: one({
      descriptor: '([Ljava/lang/Object;)V',
      emit: (c) => c.load('reference', 0).emit(Op.iconst_0).typeInstruction(Op.new, 'java/lang/Object').emit(Op.aastore).emit(Op.return),
    }),
    reason: 'Expecting to find object/array on stack',
    bci: 5,
  },
  {
    group: C,
    title: 'a tableswitch case into the middle of an instruction',
    // 0 iconst_0, 1 tableswitch (2 bytes padding) default +19, low 0, high 0, case 0 +2; 20 return.
    // Case 0 lands at 3, inside the switch.
    spec: one({ descriptor: '()V', maxStack: 1, bytes: () => asm('iconst_0', 'tableswitch', 0, 0, 0, 0, 0, 19, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 'return') }),
    reason: 'Illegal branch in tableswitch',
    bci: 1,
  },
  {
    group: C,
    title: 'a lookupswitch default into the middle of an instruction',
    // 0 iconst_0, 1 lookupswitch (2 bytes padding) default +2, 1 pair (0, +19); 20 return.
    spec: one({ descriptor: '()V', maxStack: 1, bytes: () => asm('iconst_0', 'lookupswitch', 0, 0, 0, 0, 0, 2, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 19, 'return') }),
    reason: 'Illegal default target in switch',
    bci: 1,
  },
  {
    group: C,
    title: 'a lookupswitch with a bad default and a bad case',
    spec: one({ descriptor: '()V', maxStack: 1, bytes: () => asm('iconst_0', 'lookupswitch', 0, 0, 0, 0, 0, 2, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 3, 'return') }),
    reason: 'Illegal default target in switch',
    bci: 1,
  },
  {
    group: C,
    title: 'an unsorted lookupswitch with a bad case',
    spec: one({
      descriptor: '()V',
      maxStack: 1,
      bytes: () => asm('iconst_0', 'lookupswitch', 0, 0, 0, 0, 0, 27, 0, 0, 0, 2, 0, 0, 0, 5, 0, 0, 0, 3, 0, 0, 0, 3, 0, 0, 0, 27, 'return'),
    }),
    reason: 'Unsorted lookup switch',
    bci: 1,
  },
  {
    group: C,
    title: 'a tableswitch case past the end of the code',
    spec: one({ descriptor: '()V', maxStack: 1, bytes: () => asm('iconst_0', 'tableswitch', 0, 0, 0, 0, 0, 19, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x10, 0, 'return') }),
    reason: 'Illegal branch in tableswitch',
    bci: 1,
  },
];
