import Long from 'long';
import { describe, expect, it } from 'vitest';
import { BytecodeError, ConstantPoolBuilder, REF_invokeStatic, readClassFile, writeClassFile, ClassBuilder, ACC_PUBLIC } from '@oakvm/classfile';

describe('ConstantPoolBuilder', () => {
  it('deduplicates every kind of entry', () => {
    const pool = new ConstantPoolBuilder();
    const first = [
      pool.utf8('x'),
      pool.integer(7),
      pool.float(1.5),
      pool.long(Long.fromNumber(5)),
      pool.double(2.5),
      pool.class('a/B'),
      pool.string('hi'),
      pool.fieldRef('a/B', 'f', 'I'),
      pool.methodRef('a/B', 'm', '()V'),
      pool.interfaceMethodRef('a/I', 'm', '()V'),
      pool.nameAndType('n', 'I'),
      pool.methodType('()V'),
      pool.invokeDynamic(0, 'run', '()Ljava/lang/Runnable;'),
    ];
    const count = pool.count;
    const again = [
      pool.utf8('x'),
      pool.integer(7),
      pool.float(1.5),
      pool.long(Long.fromNumber(5)),
      pool.double(2.5),
      pool.class('a/B'),
      pool.string('hi'),
      pool.fieldRef('a/B', 'f', 'I'),
      pool.methodRef('a/B', 'm', '()V'),
      pool.interfaceMethodRef('a/I', 'm', '()V'),
      pool.nameAndType('n', 'I'),
      pool.methodType('()V'),
      pool.invokeDynamic(0, 'run', '()Ljava/lang/Runnable;'),
    ];
    expect(again).toEqual(first);
    expect(pool.count).toBe(count);
    const handle = pool.methodHandle(REF_invokeStatic, first[8] as number);
    expect(pool.methodHandle(REF_invokeStatic, first[8] as number)).toBe(handle);
  });

  it('keeps distinct entries for values that differ only in kind or sign', () => {
    const pool = new ConstantPoolBuilder();
    const indexes = [pool.integer(1), pool.float(1), pool.double(1), pool.long(Long.ONE), pool.double(0), pool.double(-0), pool.float(0), pool.float(-0), pool.utf8('1'), pool.string('1')];
    expect(new Set(indexes).size).toBe(indexes.length);
    expect(pool.double(Number.NaN)).toBe(pool.double(Number.NaN));
  });

  it('gives Long and Double two slots', () => {
    const pool = new ConstantPoolBuilder();
    expect(pool.long(Long.fromString('123456789012'))).toBe(1);
    expect(pool.entry(2)).toBeUndefined();
    expect(pool.double(3.25)).toBe(3);
    expect(pool.utf8('after')).toBe(5);
    expect(pool.count).toBe(6);
    expect(pool.entries()).toHaveLength(6);
  });

  it('reuses entries of an existing pool', () => {
    const pool = new ConstantPoolBuilder();
    const cls = pool.class('p/Q');
    const copy = new ConstantPoolBuilder(pool.entries());
    expect(copy.class('p/Q')).toBe(cls);
    expect(copy.count).toBe(pool.count);
  });

  it('throws a clear error past 65535 entries', () => {
    const pool = new ConstantPoolBuilder();
    for (let i = 1; i < 65535; i++) pool.integer(i);
    expect(pool.count).toBe(65535);
    expect(pool.integer(1)).toBe(1);
    expect(() => pool.integer(-1)).toThrow(BytecodeError);
    expect(() => pool.utf8('one more')).toThrow(/constant pool too large: more than 65535 entries/);
  });

  it('refuses a Long whose second slot would pass the limit', () => {
    const pool = new ConstantPoolBuilder();
    for (let i = 1; i < 65534; i++) pool.integer(i);
    expect(() => pool.long(Long.fromNumber(-9))).toThrow(BytecodeError);
    expect(pool.integer(-9)).toBe(65534);
  });

  it('rejects strings too long for a Utf8 entry and bad method handles', () => {
    const pool = new ConstantPoolBuilder();
    expect(() => pool.utf8('\u0800'.repeat(21846))).toThrow(/exceeds the 65535/);
    expect(() => pool.methodHandle(10, 1)).toThrow(BytecodeError);
    expect(() => pool.methodHandle(REF_invokeStatic, 99)).toThrow(BytecodeError);
  });

  it('produces a pool the class-file writer and reader round-trip', () => {
    const cb = new ClassBuilder({ name: 'P', accessFlags: ACC_PUBLIC });
    cb.pool.long(Long.fromString('-7'));
    cb.pool.double(-0);
    cb.pool.string('caf\u00e9 \u0000 \ud83c\udf33');
    const bytes = writeClassFile(cb.build());
    const read = readClassFile(bytes);
    expect(read.constantPool).toEqual(cb.pool.entries());
  });
});
