// Malformed input: every case must throw ClassFormatError saying what is wrong and, where a byte is to
// blame, an offset that points at it.
import { describe, expect, it } from 'vitest';
import {
  type ClassFile,
  ClassFormatError,
  UnsupportedClassVersionError,
  readClassFile,
  writeClassFile,
} from '@oakvm/classfile';
import { corpusFile } from './corpus-files.js';
import { I, formatError, raw, runMethodCode, tinyClass, tinyCode, u2At, utf8 } from './tiny-class.js';

const withVersion = (major: number, minor: number): Uint8Array => {
  const bytes = writeClassFile(tinyClass());
  bytes[4] = minor >> 8;
  bytes[5] = minor & 0xff;
  bytes[6] = major >> 8;
  bytes[7] = major & 0xff;
  return bytes;
};

describe('the tiny test class', () => {
  it('is well formed and round-trips', () => {
    const bytes = writeClassFile(tinyClass());
    expect(Buffer.from(writeClassFile(readClassFile(bytes))).equals(Buffer.from(bytes))).toBe(true);
  });
});

describe('header', () => {
  it('rejects an empty file', () => {
    const e = formatError(new Uint8Array(0), /^Truncated class file: magic needs 4 bytes but only 0 remain$/);
    expect(e.offset).toBe(0);
  });

  it('rejects a wrong magic number', () => {
    const bytes = writeClassFile(tinyClass());
    bytes[3] = 0xbf;
    expect(formatError(bytes, /Incompatible magic value 0xcafebabf/).offset).toBe(0);
  });

  it.each([
    [45, 0],
    [45, 3],
    [49, 0],
    [55, 0],
    [61, 0],
    [61, 0xffff],
  ])('accepts version %i.%i', (major, minor) => {
    expect(readClassFile(withVersion(major, minor)).majorVersion).toBe(major);
  });

  it.each([
    [62, 0],
    [65, 0],
    [44, 0],
    [0, 0],
    [61, 1],
    [56, 3],
  ])('rejects version %i.%i with UnsupportedClassVersionError', (major, minor) => {
    const e = formatError(withVersion(major, minor), new RegExp(`Unsupported class file version ${major}\\.${minor} `));
    expect(e).toBeInstanceOf(UnsupportedClassVersionError);
    expect(e.name).toBe('UnsupportedClassVersionError');
    expect((e as UnsupportedClassVersionError).majorVersion).toBe(major);
    expect((e as UnsupportedClassVersionError).minorVersion).toBe(minor);
    expect(e.offset).toBe(4);
  });
});

describe('truncation and trailing bytes', () => {
  it.each(['release17/Lambdas.class', 'release8-g/FrameShapes.class'])('every proper prefix of %s is truncated', (name) => {
    const bytes = corpusFile(name);
    for (let n = 0; n < bytes.length; n++) {
      const e = formatError(bytes.subarray(0, n), /^Truncated /);
      expect(e.offset).toBeLessThanOrEqual(n);
    }
  });

  it('rejects bytes after the last attribute', () => {
    const good = writeClassFile(tinyClass());
    const bytes = new Uint8Array(good.length + 3);
    bytes.set(good);
    expect(formatError(bytes, /Extra bytes at the end of class file \(3 after the last attribute\)/).offset).toBe(good.length);
  });
});

describe('constant pool', () => {
  it('rejects a pool count of 0', () => {
    const bytes = writeClassFile(tinyClass());
    bytes[8] = 0;
    bytes[9] = 0;
    expect(formatError(bytes, /Illegal constant pool size 0/).offset).toBe(8);
  });

  it('rejects a pool count the file cannot hold before reading any entry', () => {
    const bytes = writeClassFile(tinyClass());
    bytes[8] = 0xff;
    bytes[9] = 0xff;
    expect(formatError(bytes, /65534 constant pool entries need at least 196602 bytes/).offset).toBe(10);
  });

  it('rejects an unknown tag', () => {
    const bytes = writeClassFile(tinyClass());
    bytes[10] = 2;
    expect(formatError(bytes, /Unknown constant tag 2 in constant pool entry #1/).offset).toBe(10);
  });

  it('rejects a tag newer than the class version', () => {
    const cf = tinyClass();
    cf.majorVersion = 50;
    cf.constantPool.push({ kind: 'MethodType', descriptorIndex: I.voidDescriptor });
    formatError(cf, /Class file version 50 does not support constant tag 16 \(needs 51 or later\) in entry #16/);
    cf.majorVersion = 54;
    cf.constantPool.push({ kind: 'Dynamic', bootstrapMethodAttrIndex: 0, nameAndTypeIndex: 1 });
    formatError(cf, /Class file version 54 does not support constant tag 17 \(needs 55 or later\)/);
  });

  it('rejects a malformed modified UTF-8 entry at the offending byte', () => {
    const bytes = writeClassFile(tinyClass());
    // Entry #1 is Utf8 "Tiny": tag at 10, length at 11, text from 13.
    bytes[14] = 0;
    expect(formatError(bytes, /Illegal modified UTF-8: illegal byte 0x00/).offset).toBe(14);
  });

  it('rejects a reference to the wrong kind of entry, at the referring entry', () => {
    const cf = tinyClass();
    cf.constantPool[I.thisClass] = { kind: 'Class', nameIndex: I.objectClass };
    const bytes = writeClassFile(cf);
    const e = formatError(bytes, /^name_index of Class entry #2 must refer to a Utf8, but constant pool entry #4 is a Class$/);
    expect(bytes[e.offset ?? -1]).toBe(7);
  });

  it.each([
    [0, /constant pool index 0 is out of range \(the pool has entries 1 to 16\)/],
    [17, /constant pool index 17 is out of range/],
    [0xffff, /constant pool index 65535 is out of range/],
    [I.unusedAfterLong, /constant pool index 12 is the unused slot after a Long or Double/],
  ])('rejects string_index %i', (index, message) => {
    const cf = tinyClass();
    cf.constantPool.push({ kind: 'String', stringIndex: index });
    formatError(cf, message);
  });

  it('rejects a Long that is the last entry', () => {
    const bytes = writeClassFile(tinyClass());
    // Cutting the pool count to 12 makes Long #11 the last entry; the rest of the file no longer parses,
    // but the pool check comes first.
    bytes[9] = 12;
    formatError(bytes, /Long entry #11 is the last pool entry but takes two slots/);
  });

  it.each([
    [0, I.thisClass, /Bad method handle kind 0/],
    [10, I.thisClass, /Bad method handle kind 10/],
    [1, I.thisClass, /reference_index of MethodHandle entry #16 \(reference kind 1\) must refer to a Fieldref, but constant pool entry #2 is a Class/],
    [9, I.thisClass, /must refer to an InterfaceMethodref/],
  ])('rejects MethodHandle kind %i to #%i', (kind, ref, message) => {
    const cf = tinyClass();
    cf.constantPool.push({ kind: 'MethodHandle', referenceKind: kind, referenceIndex: ref });
    formatError(cf, message);
  });

  it('rejects method handles whose kind does not allow the member name', () => {
    const make = (kind: number, name: string): ClassFile => {
      const cf = tinyClass();
      const nat = cf.constantPool.push({ kind: 'NameAndType', nameIndex: utf8(cf, name), descriptorIndex: I.voidDescriptor }) - 1;
      const ref = cf.constantPool.push({ kind: 'Methodref', classIndex: I.objectClass, nameAndTypeIndex: nat }) - 1;
      cf.constantPool.push({ kind: 'MethodHandle', referenceKind: kind, referenceIndex: ref });
      return cf;
    };
    formatError(make(8, 'run'), /Bad method name run for reference kind 8/);
    formatError(make(6, '<init>'), /Bad method name <init> for reference kind 6/);
    formatError(make(5, '<clinit>'), /Bad method name <clinit> for reference kind 5/);
    expect(() => readClassFile(writeClassFile(make(8, '<init>')))).not.toThrow();
  });

  it('allows interface methods for invokeStatic handles only from version 52', () => {
    const make = (major: number): ClassFile => {
      const cf = tinyClass();
      cf.majorVersion = major;
      const nat = cf.constantPool.push({ kind: 'NameAndType', nameIndex: I.run, descriptorIndex: I.voidDescriptor }) - 1;
      const ref = cf.constantPool.push({ kind: 'InterfaceMethodref', classIndex: I.objectClass, nameAndTypeIndex: nat }) - 1;
      cf.constantPool.push({ kind: 'MethodHandle', referenceKind: 6, referenceIndex: ref });
      return cf;
    };
    expect(() => readClassFile(writeClassFile(make(52)))).not.toThrow();
    formatError(make(51), /must refer to a Methodref, but constant pool entry #17 is an InterfaceMethodref/);
  });
});

describe('class structure', () => {
  it('rejects this_class that is not a Class, pointing at the index', () => {
    const cf = tinyClass();
    cf.thisClass = I.thisUtf8;
    const bytes = writeClassFile(cf);
    const e = formatError(bytes, /^this_class must refer to a Class, but constant pool entry #1 is a Utf8$/);
    expect(u2At(bytes, e.offset ?? -1)).toBe(I.thisUtf8);
  });

  it('accepts super_class 0 and rejects a bad one', () => {
    const cf = tinyClass();
    cf.superClass = 0;
    expect(readClassFile(writeClassFile(cf)).superClass).toBe(0);
    cf.superClass = I.long42;
    formatError(cf, /super_class must refer to a Class, but constant pool entry #11 is a Long/);
  });

  it('rejects a bad interface index', () => {
    const cf = tinyClass();
    cf.interfaces = [I.objectClass, 99];
    formatError(cf, /interfaces\[1\]: constant pool index 99 is out of range/);
  });

  it('rejects member names and descriptors that are not Utf8', () => {
    const cf = tinyClass();
    cf.fields[0]!.descriptorIndex = I.long42;
    formatError(cf, /descriptor_index of field 0 must refer to a Utf8, but constant pool entry #11 is a Long/);
    const cf2 = tinyClass();
    cf2.methods[0]!.nameIndex = 0;
    formatError(cf2, /name_index of method 0: constant pool index 0 is out of range/);
  });

  it('rejects two members with the same name and descriptor', () => {
    const cf = tinyClass();
    cf.methods.push({ ...cf.methods[0]!, accessFlags: 0x0001 });
    formatError(cf, /^Duplicate method name "run" with signature "\(\)V"$/);
    const differentDescriptor = tinyClass();
    differentDescriptor.methods.push({ ...differentDescriptor.methods[0]!, descriptorIndex: utf8(differentDescriptor, '(I)V') });
    expect(() => readClassFile(writeClassFile(differentDescriptor))).not.toThrow();
  });

  it('rejects a static field whose ConstantValue does not fit its type, and ignores instance fields', () => {
    const cf = tinyClass();
    cf.fields[0]!.descriptorIndex = utf8(cf, 'I');
    formatError(cf, /^Inconsistent constant value type: a Long ConstantValue for a static field of type I$/);
    cf.fields[0]!.accessFlags = 0x0010;
    expect(() => readClassFile(writeClassFile(cf))).not.toThrow();
  });

  it('rejects an attribute name that is not Utf8', () => {
    const cf = tinyClass();
    cf.attributes.push({ kind: 'Raw', nameIndex: I.thisClass, info: new Uint8Array(0) });
    formatError(cf, /attribute_name_index must refer to a Utf8, but constant pool entry #2 is a Class/);
  });
});

describe('attribute lengths', () => {
  it('rejects content shorter than the declared length', () => {
    const cf = tinyClass();
    cf.attributes = [raw(cf, 'SourceFile', 0, I.sourceFileName, 0)];
    formatError(cf, /^SourceFile attribute length 3 does not match its content \(2 bytes\)$/);
  });

  it('rejects content that runs past the declared length', () => {
    const cf = tinyClass();
    cf.attributes = [raw(cf, 'SourceFile', 0)];
    formatError(cf, /^Truncated SourceFile attribute: sourcefile_index needs 2 bytes but only 1 remain$/);
  });

  it('rejects a lying attribute length without allocating it', () => {
    const cf = tinyClass();
    cf.attributes = [raw(cf, 'Whatever', 1, 2, 3)];
    const bytes = writeClassFile(cf);
    const lengthAt = bytes.length - 3 - 4;
    bytes.set([0xff, 0xff, 0xff, 0xf0], lengthAt);
    const e = formatError(bytes, /^Truncated class file: Whatever attribute needs 4294967280 bytes but only 3 remain$/);
    expect(e.offset).toBe(lengthAt + 4);
  });

  it('rejects a lying entry count inside an attribute', () => {
    const cf = tinyClass();
    runMethodCode(cf).attributes = [raw(cf, 'LineNumberTable', 0xff, 0xff)];
    formatError(cf, /^Truncated LineNumberTable attribute: 65535 line number entries need at least 262140 bytes but only 0 remain$/);
  });

  it('rejects a lying Code length', () => {
    const cf = tinyClass();
    cf.methods[0]!.attributes = [raw(cf, 'Code', 0, 1, 0, 1, 0x7f, 0xff, 0xff, 0xff, 0xb1)];
    formatError(cf, /Invalid method Code length 2147483647/);
  });
});

describe('Code', () => {
  const withCode = (extra: Parameters<typeof tinyCode>[0]): ClassFile => {
    const cf = tinyClass();
    cf.methods[0]!.attributes = [tinyCode(extra)];
    return cf;
  };

  it('rejects empty code', () => {
    formatError(withCode({ code: new Uint8Array(0), attributes: [] }), /Invalid method Code length 0/);
  });

  it.each([
    [{ startPc: 0, endPc: 2, handlerPc: 0, catchType: 0 }, /Illegal exception table range \[0, 2\) in code of length 1/],
    [{ startPc: 0, endPc: 0, handlerPc: 0, catchType: 0 }, /Illegal exception table range \[0, 0\)/],
    [{ startPc: 0, endPc: 1, handlerPc: 1, catchType: 0 }, /Illegal exception table handler 1 in code of length 1/],
    [{ startPc: 0, endPc: 1, handlerPc: 0, catchType: I.thisUtf8 }, /catch_type must refer to a Class, but constant pool entry #1 is a Utf8/],
  ])('rejects exception table entry %o', (entry, message) => {
    formatError(withCode({ exceptionTable: [entry] }), message);
  });

  it('accepts a catch-all handler', () => {
    const cf = readClassFile(writeClassFile(withCode({ exceptionTable: [{ startPc: 0, endPc: 1, handlerPc: 0, catchType: 0 }] })));
    expect(runMethodCode(cf).exceptionTable).toEqual([{ startPc: 0, endPc: 1, handlerPc: 0, catchType: 0 }]);
  });

  it('rejects a line number past the code', () => {
    const cf = withCode({ attributes: [{ kind: 'LineNumberTable', nameIndex: I.lineNumberTable, entries: [{ startPc: 1, lineNumber: 1 }] }] });
    formatError(cf, /Invalid pc 1 in LineNumberTable \(code length 1\)/);
  });

  it('rejects local variable ranges past the code', () => {
    const cf = tinyClass();
    const lvt = utf8(cf, 'LocalVariableTable');
    runMethodCode(cf).attributes = [
      { kind: 'LocalVariableTable', nameIndex: lvt, entries: [{ startPc: 0, length: 2, nameIndex: I.x, descriptorIndex: I.longDescriptor, index: 0 }] },
    ];
    formatError(cf, /Invalid length 2 in LocalVariableTable: start_pc 0 plus length passes code length 1/);
    const lvtt = utf8(cf, 'LocalVariableTypeTable');
    runMethodCode(cf).attributes = [
      { kind: 'LocalVariableTypeTable', nameIndex: lvtt, entries: [{ startPc: 1, length: 0, nameIndex: I.x, signatureIndex: I.longDescriptor, index: 0 }] },
    ];
    formatError(cf, /Invalid start_pc 1 in LocalVariableTypeTable/);
  });

  it('rejects a reserved stack-map frame type and an unknown verification type', () => {
    const cf = tinyClass();
    runMethodCode(cf).attributes = [raw(cf, 'StackMapTable', 0, 1, 128)];
    formatError(cf, /Reserved frame_type 128 in stack map frame 0/);
    runMethodCode(cf).attributes = [raw(cf, 'StackMapTable', 0, 1, 64, 9)];
    formatError(cf, /Unknown verification type tag 9/);
    runMethodCode(cf).attributes = [raw(cf, 'StackMapTable', 0, 1, 64, 7, 0, I.thisUtf8)];
    formatError(cf, /Object verification type must refer to a Class, but constant pool entry #1 is a Utf8/);
    runMethodCode(cf).attributes = [raw(cf, 'StackMapTable', 0, 1, 64, 8, 0, 1)];
    formatError(cf, /Uninitialized verification type offset 1 is past the code \(length 1\)/);
  });
});

describe('attribute placement and repetition', () => {
  it('rejects repeated attributes that may appear once', () => {
    const cf = tinyClass();
    cf.attributes.push({ kind: 'SourceFile', nameIndex: I.sourceFile, sourceFileIndex: I.sourceFileName });
    formatError(cf, /Multiple SourceFile attributes in class/);
    const cf2 = tinyClass();
    cf2.methods[0]!.attributes.push(tinyCode());
    formatError(cf2, /Multiple Code attributes in method/);
  });

  it('rejects NestHost together with NestMembers', () => {
    const cf = tinyClass();
    cf.majorVersion = 55;
    cf.attributes.push({ kind: 'NestHost', nameIndex: utf8(cf, 'NestHost'), hostClassIndex: I.objectClass });
    cf.attributes.push({ kind: 'NestMembers', nameIndex: utf8(cf, 'NestMembers'), classes: [I.objectClass] });
    formatError(cf, /Conflicting NestHost and NestMembers attributes/);
  });

  it('keeps an attribute raw in a class older than the attribute, as HotSpot skips it there', () => {
    const cf = tinyClass();
    cf.majorVersion = 54;
    cf.attributes.push(raw(cf, 'NestHost', 0xff, 0xff));
    cf.majorVersion = 49;
    runMethodCode(cf).attributes.push(raw(cf, 'StackMapTable', 0, 1, 128));
    const read = readClassFile(writeClassFile(cf));
    expect(read.attributes[1]).toMatchObject({ kind: 'Raw', info: Uint8Array.of(0xff, 0xff) });
    expect(runMethodCode(read).attributes[1]).toMatchObject({ kind: 'Raw', info: Uint8Array.of(0, 1, 128) });
    cf.majorVersion = 55;
    formatError(cf, /Reserved frame_type 128 in stack map frame 0/);
    runMethodCode(cf).attributes.pop();
    formatError(cf, /host_class_index: constant pool index 65535 is out of range/);
  });

  it('keeps a known attribute raw where the JVMS does not define it, as HotSpot ignores it there', () => {
    const cf = tinyClass();
    cf.fields[0]!.attributes.push(raw(cf, 'Code', 1, 2, 3));
    cf.attributes.push(raw(cf, 'LineNumberTable', 9));
    const read = readClassFile(writeClassFile(cf));
    expect(read.fields[0]!.attributes[1]).toMatchObject({ kind: 'Raw', info: Uint8Array.of(1, 2, 3) });
    expect(read.attributes[1]).toMatchObject({ kind: 'Raw', info: Uint8Array.of(9) });
  });
});

describe('bootstrap methods', () => {
  const withIndy = (bsmIndex: number, bootstrapMethods: number | undefined): ClassFile => {
    const cf = tinyClass();
    cf.majorVersion = 55;
    const nat = cf.constantPool.push({ kind: 'NameAndType', nameIndex: I.run, descriptorIndex: I.voidDescriptor }) - 1;
    const mref = cf.constantPool.push({ kind: 'Methodref', classIndex: I.objectClass, nameAndTypeIndex: nat }) - 1;
    const handle = cf.constantPool.push({ kind: 'MethodHandle', referenceKind: 6, referenceIndex: mref }) - 1;
    cf.constantPool.push({ kind: 'InvokeDynamic', bootstrapMethodAttrIndex: bsmIndex, nameAndTypeIndex: nat });
    if (bootstrapMethods !== undefined) {
      cf.attributes.push({
        kind: 'BootstrapMethods',
        nameIndex: utf8(cf, 'BootstrapMethods'),
        methods: Array.from({ length: bootstrapMethods }, () => ({ methodRef: handle, arguments: [I.long42] })),
      });
    }
    return cf;
  };

  it('accepts an InvokeDynamic whose bootstrap method exists', () => {
    expect(() => readClassFile(writeClassFile(withIndy(1, 2)))).not.toThrow();
  });

  it('rejects a missing BootstrapMethods attribute', () => {
    formatError(withIndy(0, undefined), /Missing BootstrapMethods attribute for InvokeDynamic entry #19/);
  });

  it('rejects a bootstrap method index past the table', () => {
    formatError(withIndy(1, 1), /InvokeDynamic entry #19 names bootstrap method 1, but there are only 1/);
  });

  it('rejects a bootstrap argument that is not loadable', () => {
    const cf = withIndy(0, 1);
    const bsm = cf.attributes.find((a) => a.kind === 'BootstrapMethods');
    if (bsm?.kind === 'BootstrapMethods') bsm.methods[0]!.arguments = [I.thisUtf8];
    formatError(cf, /bootstrap argument 0 of bootstrap method 0 must refer to an Integer, a Float, .* or a Dynamic, but constant pool entry #1 is a Utf8/);
  });
});

describe('error type', () => {
  it('is the exported ClassFormatError with detail and offset', () => {
    const e = formatError(new Uint8Array([0xca, 0xfe]), /Truncated/);
    expect(e).toBeInstanceOf(Error);
    expect(e.name).toBe('ClassFormatError');
    expect(e.message).toBe('Truncated class file: magic needs 4 bytes but only 2 remain (at byte offset 0)');
    expect(e).not.toBeInstanceOf(UnsupportedClassVersionError);
    expect(new ClassFormatError('x').message).toBe('x');
  });

  it('is what even a caller that passes no byte array gets', () => {
    let caught: unknown;
    try {
      readClassFile(null as unknown as Uint8Array);
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(ClassFormatError);
    expect((caught as ClassFormatError).message).toMatch(/^Malformed class file \(reader fault: TypeError: /);
    expect((caught as ClassFormatError).cause).toBeInstanceOf(TypeError);
  });
});
