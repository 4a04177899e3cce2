// The bytecode interpreter: one loop, one switch on the opcode byte. The running frame's state (pc, sp,
// locals base, code, constant-pool cache) lives in JavaScript locals; it is written back to the frame
// before anything that can throw, allocate or call out (the catch block saves it for throws), and reloaded
// after anything that changes the frame stack (`continue reload`). Guest calls never recurse in
// JavaScript: an invoke pushes a frame and reloads, a return pops one.
//
// Opcodes are written as numbers with their mnemonic in a comment, so V8 compiles the switch to a jump
// table; test/opcode-numbers.test.ts checks every such comment against @oakvm/classfile's opcode table.
import type { InterfaceSite, RtClass, RtMethod, VirtualSite } from '../runtime/class-model.js';
import { JavaThrowable } from '../runtime/errors.js';
import type { JThread } from '../threads/thread.js';
import type { Vm } from '../runtime/vm.js';
import { FRAME_NORMAL, type Frame } from '../threads/frame.js';
import {
  doubleToInt,
  lcmp,
  ladd,
  ldiv,
  lmul,
  lneg,
  longToDouble,
  longToFloat,
  lrem,
  lshl,
  lshr,
  lsub,
  lushr,
  storeDoubleAsLong,
} from './long-math.js';
import { arrayIndexError, nullPointer } from './exception-messages.js';
import * as slow from './slow-paths.js';
import { invokeMethod } from './invoke.js';

/**
 * Runs `thread` until it has used about `budget` units of work (one per call and per backward branch),
 * blocks, or runs out of frames.
 */
export function interpret(vm: Vm, thread: JThread, budget: number): void {
  const s = thread.slots;
  const frames = thread.frames;
  const heap = vm.heap;
  const classes = vm.classes;
  const booleanArrayId = vm.booleanArrayClass.id;

  reload: for (;;) {
    if (thread.depth === 0 || thread.status !== 'runnable' || budget <= 0) return;
    if (thread.yieldRequested) {
      thread.yieldRequested = false;
      return;
    }
    // Heap views: renewed on every reload because an allocation may have grown the heap.
    const i32 = heap.i32;
    const f32 = heap.f32;
    const f64 = heap.f64;
    const u16 = heap.u16;
    const i16 = heap.i16;
    const i8 = heap.i8;
    const f = frames[thread.depth - 1]!;
    if (f.pendingLock !== 0) {
      if (!vm.monitors.enter(thread, f.pendingLock)) continue;
      f.lockRef = f.pendingLock;
      f.pendingLock = 0;
    }
    const m = f.method;
    const code = m.code;
    const cls = m.cls;
    const cache = cls.cpCache;
    const cpi = cls.cpIndex;
    const cpv = cls.cpVirtual;
    const lb = f.base;
    let pc = f.pc;
    let sp = f.sp;
    let opPc = pc;
    try {
      for (;;) {
        opPc = pc;
        switch (code[pc]) {
          case 0x00: // nop
            pc++;
            break;
          case 0x01: // aconst_null
            s[sp++] = 0;
            pc++;
            break;
          case 0x02: // iconst_m1
          case 0x03: // iconst_0
          case 0x04: // iconst_1
          case 0x05: // iconst_2
          case 0x06: // iconst_3
          case 0x07: // iconst_4
          case 0x08: // iconst_5
            s[sp++] = code[pc]! - 3;
            pc++;
            break;
          case 0x09: // lconst_0
          case 0x0a: // lconst_1
            s[sp++] = code[pc]! - 9;
            s[sp++] = 0;
            pc++;
            break;
          case 0x0b: // fconst_0
          case 0x0c: // fconst_1
          case 0x0d: // fconst_2
            s[sp++] = code[pc]! - 11;
            pc++;
            break;
          case 0x0e: // dconst_0
          case 0x0f: // dconst_1
            s[sp] = code[pc]! - 14;
            sp += 2;
            pc++;
            break;
          case 0x10: // bipush
            s[sp++] = (code[pc + 1]! << 24) >> 24;
            pc += 2;
            break;
          case 0x11: // sipush
            s[sp++] = (((code[pc + 1]! << 8) | code[pc + 2]!) << 16) >> 16;
            pc += 3;
            break;
          case 0x12: // ldc
          case 0x13: // ldc_w
          case 0x14: { // ldc2_w
            f.pc = pc;
            f.sp = sp;
            const length = code[pc] === 0x12 ? 2 : 3;
            sp = slow.ldc(vm, thread, m, pc, sp);
            pc += length;
            if (heap.i32 !== i32) {
              // The heap grew: save the frame and reload, which renews the views.
              f.pc = pc;
              f.sp = sp;
              continue reload;
            }
            break;
          }
          case 0x15: // iload
          case 0x17: // fload
          case 0x19: // aload
            s[sp++] = s[lb + code[pc + 1]!]!;
            pc += 2;
            break;
          case 0x16: // lload
          case 0x18: // dload
            s[sp] = s[lb + code[pc + 1]!]!;
            s[sp + 1] = s[lb + code[pc + 1]! + 1]!;
            sp += 2;
            pc += 2;
            break;
          case 0x1a: // iload_0
          case 0x22: // fload_0
          case 0x2a: // aload_0
            s[sp++] = s[lb]!;
            pc++;
            break;
          case 0x1b: // iload_1
          case 0x23: // fload_1
          case 0x2b: // aload_1
            s[sp++] = s[lb + 1]!;
            pc++;
            break;
          case 0x1c: // iload_2
          case 0x24: // fload_2
          case 0x2c: // aload_2
            s[sp++] = s[lb + 2]!;
            pc++;
            break;
          case 0x1d: // iload_3
          case 0x25: // fload_3
          case 0x2d: // aload_3
            s[sp++] = s[lb + 3]!;
            pc++;
            break;
          case 0x1e: // lload_0
          case 0x1f: // lload_1
          case 0x20: // lload_2
          case 0x21: // lload_3
          case 0x26: // dload_0
          case 0x27: // dload_1
          case 0x28: // dload_2
          case 0x29: { // dload_3
            const n = lb + ((code[pc]! - 0x1e) & 3);
            s[sp] = s[n]!;
            s[sp + 1] = s[n + 1]!;
            sp += 2;
            pc++;
            break;
          }
          case 0x2e: { // iaload
            const i = s[--sp]! | 0;
            const a = s[sp - 1]! | 0;
            if (a === 0) throw nullPointer(m, opPc, 'Cannot load from int array');
            if (i >>> 0 >= i32[a + 3]!) throw arrayIndexError(i, i32[a + 3]!);
            s[sp - 1] = i32[a + 4 + i]!;
            pc++;
            break;
          }
          case 0x2f: { // laload
            const i = s[sp - 1]! | 0;
            const a = s[sp - 2]! | 0;
            if (a === 0) throw nullPointer(m, opPc, 'Cannot load from long array');
            if (i >>> 0 >= i32[a + 3]!) throw arrayIndexError(i, i32[a + 3]!);
            const w = a + 4 + 2 * i;
            s[sp - 2] = i32[w]!;
            s[sp - 1] = i32[w + 1]!;
            pc++;
            break;
          }
          case 0x30: { // faload
            const i = s[--sp]! | 0;
            const a = s[sp - 1]! | 0;
            if (a === 0) throw nullPointer(m, opPc, 'Cannot load from float array');
            if (i >>> 0 >= i32[a + 3]!) throw arrayIndexError(i, i32[a + 3]!);
            s[sp - 1] = f32[a + 4 + i]!;
            pc++;
            break;
          }
          case 0x31: { // daload
            const i = s[sp - 1]! | 0;
            const a = s[sp - 2]! | 0;
            if (a === 0) throw nullPointer(m, opPc, 'Cannot load from double array');
            if (i >>> 0 >= i32[a + 3]!) throw arrayIndexError(i, i32[a + 3]!);
            s[sp - 2] = f64[((a + 4) >> 1) + i]!;
            pc++;
            break;
          }
          case 0x32: { // aaload
            const i = s[--sp]! | 0;
            const a = s[sp - 1]! | 0;
            if (a === 0) throw nullPointer(m, opPc, 'Cannot load from object array');
            if (i >>> 0 >= i32[a + 3]!) throw arrayIndexError(i, i32[a + 3]!);
            s[sp - 1] = i32[a + 4 + i]!;
            pc++;
            break;
          }
          case 0x33: { // baload
            const i = s[--sp]! | 0;
            const a = s[sp - 1]! | 0;
            if (a === 0) throw nullPointer(m, opPc, 'Cannot load from byte/boolean array');
            if (i >>> 0 >= i32[a + 3]!) throw arrayIndexError(i, i32[a + 3]!);
            s[sp - 1] = i8[(a + 4) * 4 + i]!;
            pc++;
            break;
          }
          case 0x34: { // caload
            const i = s[--sp]! | 0;
            const a = s[sp - 1]! | 0;
            if (a === 0) throw nullPointer(m, opPc, 'Cannot load from char array');
            if (i >>> 0 >= i32[a + 3]!) throw arrayIndexError(i, i32[a + 3]!);
            s[sp - 1] = u16[(a + 4) * 2 + i]!;
            pc++;
            break;
          }
          case 0x35: { // saload
            const i = s[--sp]! | 0;
            const a = s[sp - 1]! | 0;
            if (a === 0) throw nullPointer(m, opPc, 'Cannot load from short array');
            if (i >>> 0 >= i32[a + 3]!) throw arrayIndexError(i, i32[a + 3]!);
            s[sp - 1] = i16[(a + 4) * 2 + i]!;
            pc++;
            break;
          }
          case 0x36: // istore
          case 0x38: // fstore
          case 0x3a: // astore
            s[lb + code[pc + 1]!] = s[--sp]!;
            pc += 2;
            break;
          case 0x37: // lstore
          case 0x39: { // dstore
            const n = lb + code[pc + 1]!;
            sp -= 2;
            s[n] = s[sp]!;
            s[n + 1] = s[sp + 1]!;
            pc += 2;
            break;
          }
          case 0x3b: // istore_0
          case 0x43: // fstore_0
          case 0x4b: // astore_0
            s[lb] = s[--sp]!;
            pc++;
            break;
          case 0x3c: // istore_1
          case 0x44: // fstore_1
          case 0x4c: // astore_1
            s[lb + 1] = s[--sp]!;
            pc++;
            break;
          case 0x3d: // istore_2
          case 0x45: // fstore_2
          case 0x4d: // astore_2
            s[lb + 2] = s[--sp]!;
            pc++;
            break;
          case 0x3e: // istore_3
          case 0x46: // fstore_3
          case 0x4e: // astore_3
            s[lb + 3] = s[--sp]!;
            pc++;
            break;
          case 0x3f: // lstore_0
          case 0x40: // lstore_1
          case 0x41: // lstore_2
          case 0x42: // lstore_3
          case 0x47: // dstore_0
          case 0x48: // dstore_1
          case 0x49: // dstore_2
          case 0x4a: { // dstore_3
            const n = lb + ((code[pc]! - 0x3f) & 3);
            sp -= 2;
            s[n] = s[sp]!;
            s[n + 1] = s[sp + 1]!;
            pc++;
            break;
          }
          case 0x4f: { // iastore
            const v = s[--sp]! | 0;
            const i = s[--sp]! | 0;
            const a = s[--sp]! | 0;
            if (a === 0) throw nullPointer(m, opPc, 'Cannot store to int array');
            if (i >>> 0 >= i32[a + 3]!) throw arrayIndexError(i, i32[a + 3]!);
            i32[a + 4 + i] = v;
            pc++;
            break;
          }
          case 0x50: { // lastore
            sp -= 4;
            const a = s[sp]! | 0;
            const i = s[sp + 1]! | 0;
            if (a === 0) throw nullPointer(m, opPc, 'Cannot store to long array');
            if (i >>> 0 >= i32[a + 3]!) throw arrayIndexError(i, i32[a + 3]!);
            const w = a + 4 + 2 * i;
            i32[w] = s[sp + 2]!;
            i32[w + 1] = s[sp + 3]!;
            pc++;
            break;
          }
          case 0x51: { // fastore
            const v = s[--sp]!;
            const i = s[--sp]! | 0;
            const a = s[--sp]! | 0;
            if (a === 0) throw nullPointer(m, opPc, 'Cannot store to float array');
            if (i >>> 0 >= i32[a + 3]!) throw arrayIndexError(i, i32[a + 3]!);
            f32[a + 4 + i] = v;
            pc++;
            break;
          }
          case 0x52: { // dastore
            sp -= 4;
            const a = s[sp]! | 0;
            const i = s[sp + 1]! | 0;
            if (a === 0) throw nullPointer(m, opPc, 'Cannot store to double array');
            if (i >>> 0 >= i32[a + 3]!) throw arrayIndexError(i, i32[a + 3]!);
            f64[((a + 4) >> 1) + i] = s[sp + 2]!;
            pc++;
            break;
          }
          case 0x53: { // aastore
            const v = s[sp - 1]! | 0;
            const i = s[sp - 2]! | 0;
            const a = s[sp - 3]! | 0;
            if (a === 0) throw nullPointer(m, opPc, 'Cannot store to object array');
            if (i >>> 0 >= i32[a + 3]!) throw arrayIndexError(i, i32[a + 3]!);
            if (v !== 0) {
              const ac = classes[i32[a]!]!;
              const vc = classes[i32[v]!]!;
              if (vc !== ac.componentType && !vm.isAssignable(vc, ac.componentType!)) {
                throw new JavaThrowable('java/lang/ArrayStoreException', vc.javaName);
              }
            }
            i32[a + 4 + i] = v;
            sp -= 3;
            pc++;
            break;
          }
          case 0x54: { // bastore
            const v = s[--sp]! | 0;
            const i = s[--sp]! | 0;
            const a = s[--sp]! | 0;
            if (a === 0) throw nullPointer(m, opPc, 'Cannot store to byte/boolean array');
            if (i >>> 0 >= i32[a + 3]!) throw arrayIndexError(i, i32[a + 3]!);
            // JVMS: a store into boolean[] keeps only the lowest bit.
            i8[(a + 4) * 4 + i] = i32[a] === booleanArrayId ? v & 1 : v;
            pc++;
            break;
          }
          case 0x55: { // castore
            const v = s[--sp]! | 0;
            const i = s[--sp]! | 0;
            const a = s[--sp]! | 0;
            if (a === 0) throw nullPointer(m, opPc, 'Cannot store to char array');
            if (i >>> 0 >= i32[a + 3]!) throw arrayIndexError(i, i32[a + 3]!);
            u16[(a + 4) * 2 + i] = v;
            pc++;
            break;
          }
          case 0x56: { // sastore
            const v = s[--sp]! | 0;
            const i = s[--sp]! | 0;
            const a = s[--sp]! | 0;
            if (a === 0) throw nullPointer(m, opPc, 'Cannot store to short array');
            if (i >>> 0 >= i32[a + 3]!) throw arrayIndexError(i, i32[a + 3]!);
            i16[(a + 4) * 2 + i] = v;
            pc++;
            break;
          }
          case 0x57: // pop
            sp--;
            pc++;
            break;
          case 0x58: // pop2
            sp -= 2;
            pc++;
            break;
          case 0x59: // dup
            s[sp] = s[sp - 1]!;
            sp++;
            pc++;
            break;
          case 0x5a: { // dup_x1
            const v1 = s[sp - 1]!;
            s[sp - 1] = s[sp - 2]!;
            s[sp - 2] = v1;
            s[sp++] = v1;
            pc++;
            break;
          }
          case 0x5b: { // dup_x2
            const v1 = s[sp - 1]!;
            s[sp - 1] = s[sp - 2]!;
            s[sp - 2] = s[sp - 3]!;
            s[sp - 3] = v1;
            s[sp++] = v1;
            pc++;
            break;
          }
          case 0x5c: // dup2
            s[sp] = s[sp - 2]!;
            s[sp + 1] = s[sp - 1]!;
            sp += 2;
            pc++;
            break;
          case 0x5d: { // dup2_x1
            const v1 = s[sp - 1]!;
            const v2 = s[sp - 2]!;
            const v3 = s[sp - 3]!;
            s[sp - 3] = v2;
            s[sp - 2] = v1;
            s[sp - 1] = v3;
            s[sp] = v2;
            s[sp + 1] = v1;
            sp += 2;
            pc++;
            break;
          }
          case 0x5e: { // dup2_x2
            const v1 = s[sp - 1]!;
            const v2 = s[sp - 2]!;
            const v3 = s[sp - 3]!;
            const v4 = s[sp - 4]!;
            s[sp - 4] = v2;
            s[sp - 3] = v1;
            s[sp - 2] = v4;
            s[sp - 1] = v3;
            s[sp] = v2;
            s[sp + 1] = v1;
            sp += 2;
            pc++;
            break;
          }
          case 0x5f: { // swap
            const v1 = s[sp - 1]!;
            s[sp - 1] = s[sp - 2]!;
            s[sp - 2] = v1;
            pc++;
            break;
          }
          case 0x60: // iadd
            sp--;
            s[sp - 1] = (s[sp - 1]! + s[sp]!) | 0;
            pc++;
            break;
          case 0x61: // ladd
            ladd(s, sp);
            sp -= 2;
            pc++;
            break;
          case 0x62: // fadd
            sp--;
            s[sp - 1] = Math.fround(s[sp - 1]! + s[sp]!);
            pc++;
            break;
          case 0x63: // dadd
            sp -= 2;
            s[sp - 2] = s[sp - 2]! + s[sp]!;
            pc++;
            break;
          case 0x64: // isub
            sp--;
            s[sp - 1] = (s[sp - 1]! - s[sp]!) | 0;
            pc++;
            break;
          case 0x65: // lsub
            lsub(s, sp);
            sp -= 2;
            pc++;
            break;
          case 0x66: // fsub
            sp--;
            s[sp - 1] = Math.fround(s[sp - 1]! - s[sp]!);
            pc++;
            break;
          case 0x67: // dsub
            sp -= 2;
            s[sp - 2] = s[sp - 2]! - s[sp]!;
            pc++;
            break;
          case 0x68: // imul
            sp--;
            s[sp - 1] = Math.imul(s[sp - 1]!, s[sp]!);
            pc++;
            break;
          case 0x69: // lmul
            lmul(s, sp);
            sp -= 2;
            pc++;
            break;
          case 0x6a: // fmul
            sp--;
            s[sp - 1] = Math.fround(s[sp - 1]! * s[sp]!);
            pc++;
            break;
          case 0x6b: // dmul
            sp -= 2;
            s[sp - 2] = s[sp - 2]! * s[sp]!;
            pc++;
            break;
          case 0x6c: { // idiv
            const b = s[sp - 1]!;
            if (b === 0) throw new JavaThrowable('java/lang/ArithmeticException', '/ by zero');
            sp--;
            s[sp - 1] = (s[sp - 1]! / b) | 0;
            pc++;
            break;
          }
          case 0x6d: // ldiv
            if (s[sp - 1] === 0 && s[sp - 2] === 0) throw new JavaThrowable('java/lang/ArithmeticException', '/ by zero');
            ldiv(s, sp);
            sp -= 2;
            pc++;
            break;
          case 0x6e: // fdiv
            sp--;
            s[sp - 1] = Math.fround(s[sp - 1]! / s[sp]!);
            pc++;
            break;
          case 0x6f: // ddiv
            sp -= 2;
            s[sp - 2] = s[sp - 2]! / s[sp]!;
            pc++;
            break;
          case 0x70: { // irem
            const b = s[sp - 1]!;
            if (b === 0) throw new JavaThrowable('java/lang/ArithmeticException', '/ by zero');
            sp--;
            s[sp - 1] = s[sp - 1]! % b | 0;
            pc++;
            break;
          }
          case 0x71: // lrem
            if (s[sp - 1] === 0 && s[sp - 2] === 0) throw new JavaThrowable('java/lang/ArithmeticException', '/ by zero');
            lrem(s, sp);
            sp -= 2;
            pc++;
            break;
          case 0x72: // frem
            sp--;
            s[sp - 1] = Math.fround(s[sp - 1]! % s[sp]!);
            pc++;
            break;
          case 0x73: // drem
            sp -= 2;
            s[sp - 2] = s[sp - 2]! % s[sp]!;
            pc++;
            break;
          case 0x74: // ineg
            s[sp - 1] = -s[sp - 1]! | 0;
            pc++;
            break;
          case 0x75: // lneg
            lneg(s, sp - 2);
            pc++;
            break;
          case 0x76: // fneg
          case 0x77: // dneg
            s[sp - (code[pc] === 0x76 ? 1 : 2)] = -s[sp - (code[pc] === 0x76 ? 1 : 2)]!;
            pc++;
            break;
          case 0x78: // ishl
            sp--;
            s[sp - 1] = s[sp - 1]! << s[sp]!;
            pc++;
            break;
          case 0x79: // lshl
            sp--;
            lshl(s, sp - 2, s[sp]!);
            pc++;
            break;
          case 0x7a: // ishr
            sp--;
            s[sp - 1] = s[sp - 1]! >> s[sp]!;
            pc++;
            break;
          case 0x7b: // lshr
            sp--;
            lshr(s, sp - 2, s[sp]!);
            pc++;
            break;
          case 0x7c: // iushr
            sp--;
            s[sp - 1] = (s[sp - 1]! >>> s[sp]!) | 0;
            pc++;
            break;
          case 0x7d: // lushr
            sp--;
            lushr(s, sp - 2, s[sp]!);
            pc++;
            break;
          case 0x7e: // iand
            sp--;
            s[sp - 1] = s[sp - 1]! & s[sp]!;
            pc++;
            break;
          case 0x7f: // land
            sp -= 2;
            s[sp - 2] = s[sp - 2]! & s[sp]!;
            s[sp - 1] = s[sp - 1]! & s[sp + 1]!;
            pc++;
            break;
          case 0x80: // ior
            sp--;
            s[sp - 1] = s[sp - 1]! | s[sp]!;
            pc++;
            break;
          case 0x81: // lor
            sp -= 2;
            s[sp - 2] = s[sp - 2]! | s[sp]!;
            s[sp - 1] = s[sp - 1]! | s[sp + 1]!;
            pc++;
            break;
          case 0x82: // ixor
            sp--;
            s[sp - 1] = s[sp - 1]! ^ s[sp]!;
            pc++;
            break;
          case 0x83: // lxor
            sp -= 2;
            s[sp - 2] = s[sp - 2]! ^ s[sp]!;
            s[sp - 1] = s[sp - 1]! ^ s[sp + 1]!;
            pc++;
            break;
          case 0x84: { // iinc
            const n = lb + code[pc + 1]!;
            s[n] = (s[n]! + ((code[pc + 2]! << 24) >> 24)) | 0;
            pc += 3;
            break;
          }
          case 0x85: // i2l
            s[sp] = s[sp - 1]! >> 31;
            sp++;
            pc++;
            break;
          case 0x86: // i2f
            s[sp - 1] = Math.fround(s[sp - 1]!);
            pc++;
            break;
          case 0x87: // i2d
            sp++;
            pc++;
            break;
          case 0x88: // l2i
            sp--;
            pc++;
            break;
          case 0x89: // l2f
            s[sp - 2] = longToFloat(s[sp - 2]!, s[sp - 1]!);
            sp--;
            pc++;
            break;
          case 0x8a: // l2d
            s[sp - 2] = longToDouble(s[sp - 2]!, s[sp - 1]!);
            pc++;
            break;
          case 0x8b: // f2i
            s[sp - 1] = doubleToInt(s[sp - 1]!);
            pc++;
            break;
          case 0x8c: // f2l
            storeDoubleAsLong(s, sp - 1, s[sp - 1]!);
            sp++;
            pc++;
            break;
          case 0x8d: // f2d
            sp++;
            pc++;
            break;
          case 0x8e: // d2i
            sp--;
            s[sp - 1] = doubleToInt(s[sp - 1]!);
            pc++;
            break;
          case 0x8f: // d2l
            storeDoubleAsLong(s, sp - 2, s[sp - 2]!);
            pc++;
            break;
          case 0x90: // d2f
            sp--;
            s[sp - 1] = Math.fround(s[sp - 1]!);
            pc++;
            break;
          case 0x91: // i2b
            s[sp - 1] = (s[sp - 1]! << 24) >> 24;
            pc++;
            break;
          case 0x92: // i2c
            s[sp - 1] = s[sp - 1]! & 0xffff;
            pc++;
            break;
          case 0x93: // i2s
            s[sp - 1] = (s[sp - 1]! << 16) >> 16;
            pc++;
            break;
          case 0x94: // lcmp
            s[sp - 4] = lcmp(s, sp);
            sp -= 3;
            pc++;
            break;
          case 0x95: // fcmpl
          case 0x96: { // fcmpg
            const b = s[--sp]!;
            const a = s[sp - 1]!;
            s[sp - 1] = a > b ? 1 : a === b ? 0 : a < b ? -1 : code[pc] === 0x95 ? -1 : 1;
            pc++;
            break;
          }
          case 0x97: // dcmpl
          case 0x98: { // dcmpg
            sp -= 2;
            const b = s[sp]!;
            const a = s[sp - 2]!;
            sp--;
            s[sp - 1] = a > b ? 1 : a === b ? 0 : a < b ? -1 : code[pc] === 0x97 ? -1 : 1;
            pc++;
            break;
          }
          case 0x99: // ifeq
            if (s[--sp] === 0) {
              pc = opPc + ((((code[pc + 1]! << 8) | code[pc + 2]!) << 16) >> 16);
              if (pc <= opPc && --budget <= 0) return suspend(f, pc, sp);
            } else pc += 3;
            continue;
          case 0x9a: // ifne
            if (s[--sp] !== 0) {
              pc = opPc + ((((code[pc + 1]! << 8) | code[pc + 2]!) << 16) >> 16);
              if (pc <= opPc && --budget <= 0) return suspend(f, pc, sp);
            } else pc += 3;
            continue;
          case 0x9b: // iflt
            if (s[--sp]! < 0) {
              pc = opPc + ((((code[pc + 1]! << 8) | code[pc + 2]!) << 16) >> 16);
              if (pc <= opPc && --budget <= 0) return suspend(f, pc, sp);
            } else pc += 3;
            continue;
          case 0x9c: // ifge
            if (s[--sp]! >= 0) {
              pc = opPc + ((((code[pc + 1]! << 8) | code[pc + 2]!) << 16) >> 16);
              if (pc <= opPc && --budget <= 0) return suspend(f, pc, sp);
            } else pc += 3;
            continue;
          case 0x9d: // ifgt
            if (s[--sp]! > 0) {
              pc = opPc + ((((code[pc + 1]! << 8) | code[pc + 2]!) << 16) >> 16);
              if (pc <= opPc && --budget <= 0) return suspend(f, pc, sp);
            } else pc += 3;
            continue;
          case 0x9e: // ifle
            if (s[--sp]! <= 0) {
              pc = opPc + ((((code[pc + 1]! << 8) | code[pc + 2]!) << 16) >> 16);
              if (pc <= opPc && --budget <= 0) return suspend(f, pc, sp);
            } else pc += 3;
            continue;
          case 0x9f: // if_icmpeq
          case 0xa5: // if_acmpeq
            sp -= 2;
            if (s[sp] === s[sp + 1]) {
              pc = opPc + ((((code[pc + 1]! << 8) | code[pc + 2]!) << 16) >> 16);
              if (pc <= opPc && --budget <= 0) return suspend(f, pc, sp);
            } else pc += 3;
            continue;
          case 0xa0: // if_icmpne
          case 0xa6: // if_acmpne
            sp -= 2;
            if (s[sp] !== s[sp + 1]) {
              pc = opPc + ((((code[pc + 1]! << 8) | code[pc + 2]!) << 16) >> 16);
              if (pc <= opPc && --budget <= 0) return suspend(f, pc, sp);
            } else pc += 3;
            continue;
          case 0xa1: // if_icmplt
            sp -= 2;
            if (s[sp]! < s[sp + 1]!) {
              pc = opPc + ((((code[pc + 1]! << 8) | code[pc + 2]!) << 16) >> 16);
              if (pc <= opPc && --budget <= 0) return suspend(f, pc, sp);
            } else pc += 3;
            continue;
          case 0xa2: // if_icmpge
            sp -= 2;
            if (s[sp]! >= s[sp + 1]!) {
              pc = opPc + ((((code[pc + 1]! << 8) | code[pc + 2]!) << 16) >> 16);
              if (pc <= opPc && --budget <= 0) return suspend(f, pc, sp);
            } else pc += 3;
            continue;
          case 0xa3: // if_icmpgt
            sp -= 2;
            if (s[sp]! > s[sp + 1]!) {
              pc = opPc + ((((code[pc + 1]! << 8) | code[pc + 2]!) << 16) >> 16);
              if (pc <= opPc && --budget <= 0) return suspend(f, pc, sp);
            } else pc += 3;
            continue;
          case 0xa4: // if_icmple
            sp -= 2;
            if (s[sp]! <= s[sp + 1]!) {
              pc = opPc + ((((code[pc + 1]! << 8) | code[pc + 2]!) << 16) >> 16);
              if (pc <= opPc && --budget <= 0) return suspend(f, pc, sp);
            } else pc += 3;
            continue;
          case 0xa7: // goto
            pc = opPc + ((((code[pc + 1]! << 8) | code[pc + 2]!) << 16) >> 16);
            if (pc <= opPc && --budget <= 0) return suspend(f, pc, sp);
            continue;
          case 0xa8: // jsr
          case 0xc9: // jsr_w
          case 0xa9: // ret
            throw new JavaThrowable(
              'java/lang/VerifyError',
              `(class: ${cls.name}, method: ${m.name} signature: ${m.descriptor}) jsr/ret are not supported`,
            );
          case 0xaa: { // tableswitch
            const key = s[--sp]!;
            let p = (opPc + 4) & ~3;
            const def = readS4(code, p);
            const low = readS4(code, p + 4);
            const high = readS4(code, p + 8);
            p += 12;
            pc = opPc + (key >= low && key <= high ? readS4(code, p + (key - low) * 4) : def);
            if (pc <= opPc && --budget <= 0) return suspend(f, pc, sp);
            continue;
          }
          case 0xab: { // lookupswitch
            const key = s[--sp]!;
            let p = (opPc + 4) & ~3;
            let target = readS4(code, p);
            const n = readS4(code, p + 4);
            p += 8;
            // Binary search: the pairs are sorted by match value.
            let lo = 0;
            let hi = n - 1;
            while (lo <= hi) {
              const mid = (lo + hi) >> 1;
              const k = readS4(code, p + mid * 8);
              if (k < key) lo = mid + 1;
              else if (k > key) hi = mid - 1;
              else {
                target = readS4(code, p + mid * 8 + 4);
                break;
              }
            }
            pc = opPc + target;
            if (pc <= opPc && --budget <= 0) return suspend(f, pc, sp);
            continue;
          }
          case 0xac: // ireturn
          case 0xae: // freturn
          case 0xb0: { // areturn
            if (f.kind !== FRAME_NORMAL || f.lockRef !== 0) {
              f.sp = sp;
              f.pc = opPc;
              vm.finishFrame(thread, f, s[sp - 1]!, 0);
              continue reload;
            }
            const d = --thread.depth;
            const c = frames[d - 1]!;
            s[lb] = s[sp - 1]!;
            c.sp = lb + 1;
            c.pc = c.nextPc;
            continue reload;
          }
          case 0xad: // lreturn
          case 0xaf: { // dreturn
            if (f.kind !== FRAME_NORMAL || f.lockRef !== 0) {
              f.sp = sp;
              f.pc = opPc;
              vm.finishFrame(thread, f, s[sp - 2]!, s[sp - 1]!);
              continue reload;
            }
            const d = --thread.depth;
            const c = frames[d - 1]!;
            s[lb] = s[sp - 2]!;
            s[lb + 1] = s[sp - 1]!;
            c.sp = lb + 2;
            c.pc = c.nextPc;
            continue reload;
          }
          case 0xb1: { // return
            if (f.kind !== FRAME_NORMAL || f.lockRef !== 0) {
              f.sp = sp;
              f.pc = opPc;
              vm.finishFrame(thread, f, 0, 0);
              continue reload;
            }
            const d = --thread.depth;
            const c = frames[d - 1]!;
            c.sp = lb;
            c.pc = c.nextPc;
            continue reload;
          }
          case 0xb2: // getstatic
          case 0xb3: // putstatic
          case 0xb4: // getfield
          case 0xb5: // putfield
          case 0xb6: // invokevirtual
          case 0xb7: // invokespecial
          case 0xb8: // invokestatic
          case 0xb9: // invokeinterface
          case 0xbb: // new
          case 0xbd: // anewarray
          case 0xc0: // checkcast
          case 0xc1: // instanceof
            // First execution: resolve, rewrite to the quick form and dispatch again at the same pc (or
            // reload if resolution pushed class-initialisation frames).
            f.pc = opPc;
            f.sp = sp;
            // Initialising a class without <clinit> still sets ConstantValue strings, which may grow the heap.
            if (slow.quicken(vm, thread, m, opPc) || heap.i32 !== i32) continue reload;
            break;
          case 0xba: // invokedynamic
            throw new JavaThrowable(
              'java/lang/BootstrapMethodError',
              `invokedynamic is not supported by this VM (in ${cls.javaName}.${m.name}); compile with javac --release 8 or oakc`,
            );
          case 0xbc: { // newarray
            f.pc = opPc;
            f.sp = sp;
            s[sp - 1] = vm.newPrimitiveArray(code[pc + 1]!, s[sp - 1]!);
            pc += 2;
            if (heap.i32 !== i32) {
              // The heap grew: save the frame and reload, which renews the views.
              f.pc = pc;
              f.sp = sp;
              continue reload;
            }
            break;
          }
          case 0xbe: { // arraylength
            const a = s[sp - 1]! | 0;
            if (a === 0) throw nullPointer(m, opPc, 'Cannot read the array length');
            s[sp - 1] = i32[a + 3]!;
            pc++;
            break;
          }
          case 0xbf: { // athrow
            const ex = s[sp - 1]! | 0;
            if (ex === 0) throw nullPointer(m, opPc, 'Cannot throw exception');
            f.pc = opPc;
            f.sp = sp;
            vm.throwRef(thread, ex);
            continue reload;
          }
          case 0xc2: // monitorenter
          case 0xc3: { // monitorexit
            const o = s[sp - 1]! | 0;
            if (o === 0) {
              throw nullPointer(m, opPc, code[pc] === 0xc2 ? 'Cannot enter synchronized block' : 'Cannot exit synchronized block');
            }
            f.pc = opPc;
            f.sp = sp;
            if (code[pc] === 0xc2) {
              if (!vm.monitors.enter(thread, o)) continue reload;
            } else vm.monitors.exit(thread, o);
            sp--;
            pc++;
            break;
          }
          case 0xc4: { // wide
            const op = code[pc + 1]!;
            const n = lb + ((code[pc + 2]! << 8) | code[pc + 3]!);
            switch (op) {
              case 0x15: // iload
              case 0x17: // fload
              case 0x19: // aload
                s[sp++] = s[n]!;
                break;
              case 0x16: // lload
              case 0x18: // dload
                s[sp] = s[n]!;
                s[sp + 1] = s[n + 1]!;
                sp += 2;
                break;
              case 0x36: // istore
              case 0x38: // fstore
              case 0x3a: // astore
                s[n] = s[--sp]!;
                break;
              case 0x37: // lstore
              case 0x39: // dstore
                sp -= 2;
                s[n] = s[sp]!;
                s[n + 1] = s[sp + 1]!;
                break;
              case 0x84: // iinc
                s[n] = (s[n]! + ((((code[pc + 4]! << 8) | code[pc + 5]!) << 16) >> 16)) | 0;
                pc += 2;
                break;
              default:
                throw new JavaThrowable('java/lang/VerifyError', `Bad wide instruction in ${m.toString()} at ${opPc}`);
            }
            pc += 4;
            break;
          }
          case 0xc5: { // multianewarray
            f.pc = opPc;
            f.sp = sp;
            sp = slow.multiANewArray(vm, thread, m, opPc, sp);
            pc += 4;
            if (heap.i32 !== i32) {
              // The heap grew: save the frame and reload, which renews the views.
              f.pc = pc;
              f.sp = sp;
              continue reload;
            }
            break;
          }
          case 0xc6: // ifnull
            if (s[--sp] === 0) {
              pc = opPc + ((((code[pc + 1]! << 8) | code[pc + 2]!) << 16) >> 16);
              if (pc <= opPc && --budget <= 0) return suspend(f, pc, sp);
            } else pc += 3;
            continue;
          case 0xc7: // ifnonnull
            if (s[--sp] !== 0) {
              pc = opPc + ((((code[pc + 1]! << 8) | code[pc + 2]!) << 16) >> 16);
              if (pc <= opPc && --budget <= 0) return suspend(f, pc, sp);
            } else pc += 3;
            continue;
          case 0xc8: // goto_w
            pc = opPc + readS4(code, pc + 1);
            if (pc <= opPc && --budget <= 0) return suspend(f, pc, sp);
            continue;

          // ---- quick forms (see quick-opcodes.ts) ----
          case 203: { // getfield_i
            const o = s[sp - 1]! | 0;
            if (o === 0) throw nullPointer(m, opPc, null);
            s[sp - 1] = i32[o + cpi[(code[pc + 1]! << 8) | code[pc + 2]!]!]!;
            pc += 3;
            break;
          }
          case 204: { // getfield_f
            const o = s[sp - 1]! | 0;
            if (o === 0) throw nullPointer(m, opPc, null);
            s[sp - 1] = f32[o + cpi[(code[pc + 1]! << 8) | code[pc + 2]!]!]!;
            pc += 3;
            break;
          }
          case 205: { // getfield_j
            const o = s[sp - 1]! | 0;
            if (o === 0) throw nullPointer(m, opPc, null);
            const w = o + cpi[(code[pc + 1]! << 8) | code[pc + 2]!]!;
            s[sp - 1] = i32[w]!;
            s[sp++] = i32[w + 1]!;
            pc += 3;
            break;
          }
          case 206: { // getfield_d
            const o = s[sp - 1]! | 0;
            if (o === 0) throw nullPointer(m, opPc, null);
            s[sp - 1] = f64[(o + cpi[(code[pc + 1]! << 8) | code[pc + 2]!]!) >> 1]!;
            sp++;
            pc += 3;
            break;
          }
          case 207: // putfield_i
          case 208: // putfield_b
          case 209: // putfield_c
          case 210: // putfield_s
          case 211: { // putfield_z
            const o = s[sp - 2]! | 0;
            if (o === 0) throw nullPointer(m, opPc, null);
            const v = s[sp - 1]! | 0;
            const op = code[pc]!;
            i32[o + cpi[(code[pc + 1]! << 8) | code[pc + 2]!]!] =
              op === 207 ? v : op === 208 ? (v << 24) >> 24 : op === 209 ? v & 0xffff : op === 210 ? (v << 16) >> 16 : v & 1;
            sp -= 2;
            pc += 3;
            break;
          }
          case 212: { // putfield_f
            const o = s[sp - 2]! | 0;
            if (o === 0) throw nullPointer(m, opPc, null);
            f32[o + cpi[(code[pc + 1]! << 8) | code[pc + 2]!]!] = s[sp - 1]!;
            sp -= 2;
            pc += 3;
            break;
          }
          case 213: { // putfield_j
            const o = s[sp - 3]! | 0;
            if (o === 0) throw nullPointer(m, opPc, null);
            const w = o + cpi[(code[pc + 1]! << 8) | code[pc + 2]!]!;
            i32[w] = s[sp - 2]!;
            i32[w + 1] = s[sp - 1]!;
            sp -= 3;
            pc += 3;
            break;
          }
          case 214: { // putfield_d
            const o = s[sp - 3]! | 0;
            if (o === 0) throw nullPointer(m, opPc, null);
            f64[(o + cpi[(code[pc + 1]! << 8) | code[pc + 2]!]!) >> 1] = s[sp - 2]!;
            sp -= 3;
            pc += 3;
            break;
          }
          case 215: { // getstatic_1
            const idx = (code[pc + 1]! << 8) | code[pc + 2]!;
            s[sp++] = (cache[idx] as Float64Array)[cpi[idx]!]!;
            pc += 3;
            break;
          }
          case 216: { // getstatic_2
            const idx = (code[pc + 1]! << 8) | code[pc + 2]!;
            const st = cache[idx] as Float64Array;
            const slot = cpi[idx]!;
            s[sp] = st[slot]!;
            s[sp + 1] = st[slot + 1]!;
            sp += 2;
            pc += 3;
            break;
          }
          case 217: // putstatic_1
          case 219: // putstatic_b
          case 220: // putstatic_c
          case 221: // putstatic_s
          case 222: { // putstatic_z
            const idx = (code[pc + 1]! << 8) | code[pc + 2]!;
            const v = s[--sp]!;
            const op = code[pc]!;
            (cache[idx] as Float64Array)[cpi[idx]!] =
              op === 217 ? v : op === 219 ? (v << 24) >> 24 : op === 220 ? v & 0xffff : op === 221 ? (v << 16) >> 16 : v & 1;
            pc += 3;
            break;
          }
          case 218: { // putstatic_2
            const idx = (code[pc + 1]! << 8) | code[pc + 2]!;
            const st = cache[idx] as Float64Array;
            const slot = cpi[idx]!;
            sp -= 2;
            st[slot] = s[sp]!;
            st[slot + 1] = s[sp + 1]!;
            pc += 3;
            break;
          }
          case 223: // invokestatic_q
          case 224: { // invokespecial_q
            const callee = cache[(code[pc + 1]! << 8) | code[pc + 2]!] as RtMethod;
            f.pc = opPc;
            f.nextPc = pc + 3;
            if (code[pc] === 224 && s[sp - callee.argSlots] === 0) throw nullPointer(m, opPc, null);
            invokeMethod(vm, thread, f, callee, sp);
            if (--budget <= 0) return;
            continue reload;
          }
          case 225: { // invokevirtual_q
            const r = cpv[(code[pc + 1]! << 8) | code[pc + 2]!] as VirtualSite;
            const recv = s[sp - r.argSlots]! | 0;
            if (recv === 0) throw nullPointer(m, opPc, null);
            f.pc = opPc;
            f.nextPc = pc + 3;
            invokeMethod(vm, thread, f, classes[i32[recv]!]!.vtable[r.vindex]!, sp);
            if (--budget <= 0) return;
            continue reload;
          }
          case 233: { // invokefinal_q
            const callee = cpv[(code[pc + 1]! << 8) | code[pc + 2]!] as RtMethod;
            if (s[sp - callee.argSlots] === 0) throw nullPointer(m, opPc, null);
            f.pc = opPc;
            f.nextPc = pc + 3;
            invokeMethod(vm, thread, f, callee, sp);
            if (--budget <= 0) return;
            continue reload;
          }
          case 226: { // invokeinterface_q
            const r = cpv[(code[pc + 1]! << 8) | code[pc + 2]!] as InterfaceSite;
            const recv = s[sp - r.argSlots]! | 0;
            if (recv === 0) throw nullPointer(m, opPc, null);
            f.pc = opPc;
            f.nextPc = pc + 5;
            invokeMethod(vm, thread, f, slow.selectInterfaceMethod(vm, classes[i32[recv]!]!, r), sp);
            if (--budget <= 0) return;
            continue reload;
          }
          case 227: { // new_q
            f.pc = opPc;
            f.sp = sp;
            s[sp++] = vm.newObject(cache[(code[pc + 1]! << 8) | code[pc + 2]!] as RtClass);
            pc += 3;
            if (heap.i32 !== i32) {
              // The heap grew: save the frame and reload, which renews the views.
              f.pc = pc;
              f.sp = sp;
              continue reload;
            }
            break;
          }
          case 228: // ldc_q
            s[sp++] = cache[code[pc + 1]!] as number;
            pc += 2;
            break;
          case 234: { // ldc2_w_q
            const idx = (code[pc + 1]! << 8) | code[pc + 2]!;
            s[sp] = cache[idx] as number;
            s[sp + 1] = cpi[idx]!;
            sp += 2;
            pc += 3;
            break;
          }
          case 229: // ldc_w_q
            s[sp++] = cache[(code[pc + 1]! << 8) | code[pc + 2]!] as number;
            pc += 3;
            break;
          case 230: { // checkcast_q
            const o = s[sp - 1]! | 0;
            if (o !== 0) {
              const target = cache[(code[pc + 1]! << 8) | code[pc + 2]!] as RtClass;
              const oc = classes[i32[o]!]!;
              if (oc !== target && !vm.isAssignable(oc, target)) throw vm.classCastError(oc, target);
            }
            pc += 3;
            break;
          }
          case 231: { // instanceof_q
            const o = s[sp - 1]! | 0;
            if (o !== 0) {
              const target = cache[(code[pc + 1]! << 8) | code[pc + 2]!] as RtClass;
              const oc = classes[i32[o]!]!;
              s[sp - 1] = oc === target || vm.isAssignable(oc, target) ? 1 : 0;
            }
            pc += 3;
            break;
          }
          case 232: { // anewarray_q
            f.pc = opPc;
            f.sp = sp;
            s[sp - 1] = vm.newArray(vm.arrayClassOf(cache[(code[pc + 1]! << 8) | code[pc + 2]!] as RtClass), s[sp - 1]!);
            pc += 3;
            if (heap.i32 !== i32) {
              // The heap grew: save the frame and reload, which renews the views.
              f.pc = pc;
              f.sp = sp;
              continue reload;
            }
            break;
          }
          default:
            throw new JavaThrowable(
              'java/lang/VerifyError',
              `(class: ${cls.name}, method: ${m.name} signature: ${m.descriptor}) Illegal instruction ${code[pc]} at ${opPc}`,
            );
        }
      }
    } catch (e) {
      f.pc = opPc;
      f.sp = sp;
      vm.raise(thread, unverifiedCodeFault(e, m, opPc));
    }
  }
}

/**
 * Bytecode the verifier would have rejected (a number used as a reference, a stack underflow) can make
 * the interpreter itself fault. That must not reach the host: it becomes a VerifyError naming the method
 * and pc, which is what HotSpot reports for such code before running it.
 */
function unverifiedCodeFault(e: unknown, m: RtMethod, pc: number): unknown {
  if (e instanceof TypeError || (e instanceof RangeError && !/call stack/i.test(e.message))) {
    return new JavaThrowable(
      'java/lang/VerifyError',
      `Bad bytecode in ${m.cls.javaName}.${m.name}${m.descriptor} at pc ${pc} (${e.message})`,
    );
  }
  return e;
}

/** Saves the state of a frame whose thread has used up its budget at a backward branch. */
function suspend(f: Frame, pc: number, sp: number): void {
  f.pc = pc;
  f.sp = sp;
}

function readS4(code: Uint8Array, p: number): number {
  return (code[p]! << 24) | (code[p + 1]! << 16) | (code[p + 2]! << 8) | code[p + 3]!;
}
