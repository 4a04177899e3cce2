import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Long from 'long';
import { afterAll, describe, expect, it } from 'vitest';
import {
  type ClassFile,
  ClassFormatError,
  type CodeAttribute,
  cpDynamic,
  readClassFile,
  writeClassFile,
} from '@oakvm/classfile';
import { corpusFile } from './corpus-files.js';
import { I, runMethodCode, tinyClass, utf8 } from './tiny-class.js';

const hasJdk = spawnSync('java', ['-version']).status === 0 && spawnSync('javap', ['-version']).status === 0;
if (!hasJdk) console.warn('writer.test.ts: no java/javap on the PATH, skipping the tests that run written classes on HotSpot');

const roundTrip = (cf: ClassFile): ClassFile => readClassFile(writeClassFile(cf));

function writeError(cf: ClassFile, message: RegExp): void {
  expect(() => writeClassFile(cf)).toThrow(ClassFormatError);
  expect(() => writeClassFile(cf)).toThrow(message);
}

describe('writing constants', () => {
  it('keeps NaN payloads, which a JavaScript number may not', () => {
    const cf = tinyClass();
    const f = cf.constantPool.push({ kind: 'Float', value: NaN, nanBits: 0x7f800001 }) - 1;
    const d = cf.constantPool.push({ kind: 'Double', value: NaN, nanBits: Long.fromBits(0x12345678, 0xfff00000 | 0x1) }) - 1;
    cf.constantPool.push(undefined);
    const bytes = writeClassFile(cf);
    const hex = Buffer.from(bytes).toString('hex');
    expect(hex).toContain('047f800001');
    expect(hex).toContain('06fff0000112345678');
    const read = readClassFile(bytes);
    expect(read.constantPool[f]).toMatchObject({ kind: 'Float', nanBits: 0x7f800001 });
    const double = read.constantPool[d];
    expect(double?.kind === 'Double' && [double.nanBits?.high, double.nanBits?.low]).toEqual([0xfff00001 | 0, 0x12345678]);
    expect(Buffer.from(writeClassFile(read)).equals(Buffer.from(bytes))).toBe(true);
  });

  it('ignores nanBits once the value is no longer NaN, and writes canonical NaN without them', () => {
    const cf = tinyClass();
    cf.constantPool.push({ kind: 'Float', value: 1.5, nanBits: 0x7f800001 });
    cf.constantPool.push({ kind: 'Float', value: NaN });
    const hex = Buffer.from(writeClassFile(cf)).toString('hex');
    expect(hex).toContain('043fc00000');
    expect(hex).toContain('047fc00000');
  });

  it('keeps -0.0 and the sign of zero', () => {
    const cf = tinyClass();
    const f = cf.constantPool.push({ kind: 'Float', value: -0 }) - 1;
    const d = cf.constantPool.push({ kind: 'Double', value: -0 }) - 1;
    cf.constantPool.push(undefined);
    const read = roundTrip(cf);
    expect(Object.is((read.constantPool[f] as { value: number }).value, -0)).toBe(true);
    expect(Object.is((read.constantPool[d] as { value: number }).value, -0)).toBe(true);
  });

  it('writes and reads a CONSTANT_Dynamic, which javac 17 never emits', () => {
    const cf = tinyClass();
    cf.majorVersion = 55;
    const nat = cf.constantPool.push({ kind: 'NameAndType', nameIndex: I.x, descriptorIndex: I.longDescriptor }) - 1;
    const bsmNat = cf.constantPool.push({ kind: 'NameAndType', nameIndex: utf8(cf, 'bsm'), descriptorIndex: I.voidDescriptor }) - 1;
    const ref = cf.constantPool.push({ kind: 'Methodref', classIndex: I.thisClass, nameAndTypeIndex: bsmNat }) - 1;
    const handle = cf.constantPool.push({ kind: 'MethodHandle', referenceKind: 6, referenceIndex: ref }) - 1;
    const dyn = cf.constantPool.push({ kind: 'Dynamic', bootstrapMethodAttrIndex: 0, nameAndTypeIndex: nat }) - 1;
    cf.attributes.push({ kind: 'BootstrapMethods', nameIndex: utf8(cf, 'BootstrapMethods'), methods: [{ methodRef: handle, arguments: [dyn, I.long42] }] });
    const read = roundTrip(cf);
    expect(cpDynamic(read.constantPool, dyn)).toEqual({ kind: 'Dynamic', bootstrapMethodAttrIndex: 0, name: 'x', descriptor: 'J' });
    expect(read.attributes[1]).toEqual(cf.attributes[1]);
  });
});

describe('writer errors', () => {
  it('rejects an empty slot that does not follow a Long or Double', () => {
    const cf = tinyClass();
    cf.constantPool[I.run] = undefined;
    writeError(cf, /slot 6 is empty but does not follow a Long or Double/);
  });

  it('rejects a Long without its unused second slot', () => {
    const cf = tinyClass();
    cf.constantPool[I.unusedAfterLong] = { kind: 'Utf8', value: 'oops' };
    writeError(cf, /Long entry #11 must be followed by an unused slot/);
    const last = tinyClass();
    last.constantPool.push({ kind: 'Double', value: 1 });
    writeError(last, /Double entry #16 must be followed by an unused slot/);
  });

  it.each([
    ['an index above 65535', (cf: ClassFile) => void (cf.thisClass = 70000), /Cannot write this_class: 70000 is not in the range 0 to 65535/],
    ['a negative flag word', (cf: ClassFile) => void (cf.accessFlags = -1), /Cannot write access_flags: -1/],
    ['a fractional index', (cf: ClassFile) => void (cf.fields[0]!.nameIndex = 1.5), /name_index of field: 1.5/],
    ['an Integer outside 32 bits', (cf: ClassFile) => void cf.constantPool.push({ kind: 'Integer', value: 2 ** 32 }), /not a 32-bit integer/],
    ['a Long that is not a Long', (cf: ClassFile) => void (cf.constantPool[I.long42] = { kind: 'Long', value: 42 as unknown as Long }), /the value is not a Long/],
    ['a Utf8 longer than 65535 bytes', (cf: ClassFile) => void cf.constantPool.push({ kind: 'Utf8', value: '\u00e9'.repeat(40000) }), /80000 bytes of modified UTF-8 exceed 65535/],
    [
      'a same frame whose frame_type is not its offset',
      (cf: ClassFile) =>
        void (runMethodCode(cf).attributes = [{ kind: 'StackMapTable', nameIndex: utf8(cf, 'StackMapTable'), frames: [{ kind: 'same', frameType: 3, offsetDelta: 4 }] }]),
      /a same frame with frame_type 3 does not match its fields/,
    ],
    [
      'a frame_type of another kind',
      (cf: ClassFile) =>
        void (runMethodCode(cf).attributes = [{ kind: 'StackMapTable', nameIndex: utf8(cf, 'StackMapTable'), frames: [{ kind: 'chop', frameType: 251, offsetDelta: 4 }] }]),
      /frame_type 251 does not encode a chop frame/,
    ],
    [
      'an append frame with the wrong number of locals',
      (cf: ClassFile) =>
        void (runMethodCode(cf).attributes = [
          { kind: 'StackMapTable', nameIndex: utf8(cf, 'StackMapTable'), frames: [{ kind: 'append', frameType: 253, offsetDelta: 0, locals: [{ tag: 'Integer' }] }] },
        ]),
      /an? append frame with frame_type 253 does not match its fields/,
    ],
  ])('rejects %s', (_what, breakIt, message) => {
    const cf = tinyClass();
    breakIt(cf);
    writeError(cf, message);
  });

  it('writes a Utf8 of exactly 65535 bytes', () => {
    const cf = tinyClass();
    const i = cf.constantPool.push({ kind: 'Utf8', value: 'a'.repeat(65535) }) - 1;
    expect((roundTrip(cf).constantPool[i] as { value: string }).value.length).toBe(65535);
  });
});

describe('ownership', () => {
  it('copies bytes on the way in and out, so neither side aliases the other', () => {
    const bytes = corpusFile('release8/Hello.class').slice();
    const cf = readClassFile(bytes);
    const code = cf.methods[1]!.attributes[0] as CodeAttribute;
    const before = code.code[0];
    bytes.fill(0);
    expect(code.code[0]).toBe(before);
    const out = writeClassFile(cf);
    code.code[0] = 0;
    expect(out.includes(0xb2)).toBe(true);
    expect(writeClassFile(cf)).not.toEqual(out);
  });
});

describe.skipIf(!hasJdk)('HotSpot accepts what the writer writes', () => {
  const dir = mkdtempSync(join(tmpdir(), 'oakvm-writer-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  /** Tiny plus `public static void main(String[])` printing `text`; version 49 needs no StackMapTable. */
  function helloModel(text: string): ClassFile {
    const cf = tinyClass();
    cf.majorVersion = 49;
    const pool = cf.constantPool;
    const add = (e: NonNullable<ClassFile['constantPool'][number]>): number => pool.push(e) - 1;
    const system = add({ kind: 'Class', nameIndex: utf8(cf, 'java/lang/System') });
    const printStream = add({ kind: 'Class', nameIndex: utf8(cf, 'java/io/PrintStream') });
    const outNat = add({ kind: 'NameAndType', nameIndex: utf8(cf, 'out'), descriptorIndex: utf8(cf, 'Ljava/io/PrintStream;') });
    const out = add({ kind: 'Fieldref', classIndex: system, nameAndTypeIndex: outNat });
    const printlnNat = add({ kind: 'NameAndType', nameIndex: utf8(cf, 'println'), descriptorIndex: utf8(cf, '(Ljava/lang/String;)V') });
    const println = add({ kind: 'Methodref', classIndex: printStream, nameAndTypeIndex: printlnNat });
    const str = add({ kind: 'String', stringIndex: utf8(cf, text) });
    expect(str).toBeLessThan(256);
    cf.methods.push({
      accessFlags: 0x0009,
      nameIndex: utf8(cf, 'main'),
      descriptorIndex: utf8(cf, '([Ljava/lang/String;)V'),
      attributes: [
        {
          kind: 'Code',
          nameIndex: I.code,
          maxStack: 2,
          maxLocals: 1,
          code: Uint8Array.of(0xb2, out >> 8, out & 0xff, 0x12, str, 0xb6, println >> 8, println & 0xff, 0xb1),
          exceptionTable: [],
          attributes: [],
        },
      ],
    });
    return cf;
  }

  it('runs a class written from a hand-made model and javap -v reads it', () => {
    writeFileSync(join(dir, 'Tiny.class'), writeClassFile(helloModel('written by OakVM')));
    const run = spawnSync('java', ['-Xshare:auto', '-cp', dir, 'Tiny'], { encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(run.stdout).toBe('written by OakVM\n');
    const javap = spawnSync('javap', ['-v', '-p', join(dir, 'Tiny.class')], { encoding: 'utf8' });
    expect(javap.status).toBe(0);
    expect(javap.stdout).toMatch(/#11 = Long\s+42l/);
    expect(javap.stdout).toContain('static final long x;');
    expect(javap.stdout).toContain('ConstantValue: long 42l');
  });

  it('writes NUL and supplementary characters that HotSpot decodes to the same chars', () => {
    const text = 'nul\0emoji\u{1F600}end';
    writeFileSync(join(dir, 'Tiny.class'), writeClassFile(helloModel(text)));
    // Printing the code units as numbers keeps the check independent of the console's encoding.
    const run = spawnSync('java', ['-cp', dir, '-Dsun.stdout.encoding=UTF-16BE', 'Tiny'], { encoding: 'buffer' });
    expect(run.status).toBe(0);
    expect(run.stdout.swap16().toString('utf16le')).toBe(`${text}\n`);
  });
});
