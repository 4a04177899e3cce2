// The reference maps the garbage collector reads: which frame slots (locals, then stack entries) hold
// references at each safepoint, on small methods whose answer is known.
import { describe, expect, test } from 'vitest';
import { Op } from '@oakvm/classfile';
import { mapsOf, type ReferenceMaps } from '../../src/verifier/index.js';
import { asm, verify, type TestMethod } from './support/hand-built.js';

function mapsFor(method: TestMethod): ReferenceMaps {
  const maps = mapsOf(verify({ methods: [{ ...method, name: 'm' }] }), 'm', method.descriptor);
  if (maps === undefined) throw new Error('no maps');
  return maps;
}

describe('reference maps', () => {
  test('a call: the receiver argument on the stack and the locals', () => {
    // 0 aload_0, 1 invokevirtual String.length, 4 pop, 5 return
    const maps = mapsFor({
      descriptor: '(Ljava/lang/String;I)V',
      emit: (c) => c.load('reference', 0).invoke(Op.invokevirtual, 'java/lang/String', 'length', '()I').emit(Op.pop).emit(Op.return),
    });
    expect([maps.maxLocals, maps.maxStack]).toEqual([2, 1]);
    expect(maps.referencesAt(0)).toEqual([0]);
    expect(maps.referencesAt(1)).toEqual([0, 2]);
    expect(maps.referencesAt(4)).toBeUndefined();
    expect([...maps.pcs]).toEqual([0, 1, 5]);
    expect([...maps.stackDepths]).toEqual([0, 1, 0]);
    expect(maps.isReference(1, 2)).toBe(true);
    expect(maps.isReference(1, 1)).toBe(false);
  });

  test('uninitialized objects are references', () => {
    // 0 new Object, 3 dup, 4 invokespecial <init>, 7 areturn
    const maps = mapsFor({
      descriptor: '()Ljava/lang/Object;',
      emit: (c) => c.typeInstruction(Op.new, 'java/lang/Object').emit(Op.dup).invoke(Op.invokespecial, 'java/lang/Object', '<init>', '()V').emit(Op.areturn),
    });
    expect(maps.referencesAt(0)).toEqual([]);
    expect(maps.referencesAt(3)).toBeUndefined();
    expect(maps.referencesAt(4)).toEqual([0, 1]);
    expect(maps.referencesAt(7)).toEqual([0]);
  });

  test('longs and doubles are not references, in locals or on the stack', () => {
    const maps = mapsFor({
      descriptor: '(JLjava/lang/Object;D)V',
      emit: (c) => c.load('double', 3).load('reference', 2).invoke(Op.invokestatic, 'java/lang/String', 'valueOf', '(Ljava/lang/Object;)Ljava/lang/String;').emit(Op.pop).emit(Op.pop2).emit(Op.return),
    });
    expect(maps.referencesAt(0)).toEqual([2]);
    // At the call: locals 0-4, then the double (stack 0-1) and the object argument (stack 2 = slot 7).
    expect(maps.referencesAt(2)).toEqual([2, 7]);
  });

  test('a local that is a reference on one path only is not one where the paths meet; null is one', () => {
    const maps = mapsFor({
      descriptor: '(I)V',
      emit: (c) => {
        const other = c.newLabel();
        const join = c.newLabel();
        c.emit(Op.aconst_null).store('reference', 2);
        c.load('int', 0).branch(Op.ifeq, other).emit(Op.iconst_1).store('int', 1).branch(Op.goto, join);
        c.place(other).pushString('s').store('reference', 1);
        c.place(join).invoke(Op.invokestatic, 'java/lang/System', 'gc', '()V').emit(Op.return);
      },
    });
    const call = maps.pcs[maps.safepointCount - 2] as number;
    expect(maps.referencesAt(call)).toEqual([2]);
  });

  test('backward branches are safepoints, straight-line arithmetic is not', () => {
    // 0 iconst_0, 1 istore_1, 2 iinc 1 1, 5 iload_1, 6 bipush 10, 8 if_icmplt 2, 11 return
    const maps = mapsFor({
      descriptor: '(Ljava/lang/Object;)V',
      emit: (c) => {
        c.emit(Op.iconst_0).store('int', 1);
        const top = c.here();
        c.iinc(1, 1).load('int', 1).pushInt(10).branch(Op.if_icmplt, top).emit(Op.return);
      },
    });
    expect([...maps.pcs]).toEqual([0, 8, 11]);
    expect(maps.referencesAt(8)).toEqual([0]);
  });

  test('unreachable code has no maps', () => {
    const maps = mapsFor({ descriptor: '()V', maxStack: 1, bytes: () => asm('return', 'aconst_null', 'athrow') });
    expect([...maps.pcs]).toEqual([0]);
  });

  test('identical maps are stored once', () => {
    const maps = mapsFor({
      descriptor: '(Ljava/lang/Object;)V',
      emit: (c) => {
        for (let i = 0; i < 5; i++) c.invoke(Op.invokestatic, 'java/lang/System', 'gc', '()V');
        c.emit(Op.return);
      },
    });
    expect(maps.safepointCount).toBe(6);
    expect(maps.bits.length).toBe(maps.wordsPerMap);
    for (const pc of maps.pcs) expect(maps.referencesAt(pc)).toEqual([0]);
  });

  test('frames wider than 32 slots use more words per map', () => {
    const maps = mapsFor({
      descriptor: '(Ljava/lang/String;)V',
      emit: (c) => c.load('reference', 0).store('reference', 37).load('reference', 37).invoke(Op.invokevirtual, 'java/lang/Object', 'hashCode', '()I').emit(Op.pop).emit(Op.return),
    });
    expect(maps.wordsPerMap).toBe(2);
    const call = maps.pcs[1] as number;
    expect(maps.referencesAt(call)).toEqual([0, 37, 38]);
    expect(maps.isReference(call, 37)).toBe(true);
  });

  test("an exception handler's entry has a map with the exception on the stack", () => {
    // 0 aload_0, 1 invokevirtual hashCode, 4 pop, 5 return, 6 astore_1 (handler), 7 return
    const maps = mapsFor({
      descriptor: '(Ljava/lang/Object;)V',
      emit: (c) => {
        const start = c.here();
        c.load('reference', 0).invoke(Op.invokevirtual, 'java/lang/Object', 'hashCode', '()I').emit(Op.pop);
        const end = c.here();
        c.emit(Op.return);
        const handler = c.here();
        c.store('reference', 1).emit(Op.return);
        c.exceptionHandler(start, end, handler, 'java/lang/RuntimeException');
      },
    });
    expect(maps.referencesAt(6)).toEqual([0, 2]);
    expect(maps.referencesAt(7)).toEqual([0, 1]);
  });
});
