// What the reader decodes from real javac output, attribute by attribute, checked through the
// constant-pool accessors against what the corpus sources say.
import { describe, expect, it } from 'vitest';
import {
  type ClassFile,
  type CodeAttribute,
  type MemberInfo,
  className,
  cpClassName,
  cpDynamic,
  cpMethodHandle,
  cpMethodType,
  cpNameAndType,
  cpString,
  cpUtf8,
  findAttribute,
  findRawAttribute,
  interfaceNames,
  memberDescriptor,
  memberName,
  readClassFile,
  superClassName,
} from '@oakvm/classfile';
import { corpusFile } from './corpus-files.js';

const load = (name: string): ClassFile => readClassFile(corpusFile(name));

function method(cf: ClassFile, name: string, descriptor?: string): MemberInfo {
  const m = cf.methods.find((x) => memberName(cf, x) === name && (descriptor === undefined || memberDescriptor(cf, x) === descriptor));
  if (m === undefined) throw new Error(`no method ${name} in ${className(cf)}`);
  return m;
}

function field(cf: ClassFile, name: string): MemberInfo {
  const f = cf.fields.find((x) => memberName(cf, x) === name);
  if (f === undefined) throw new Error(`no field ${name} in ${className(cf)}`);
  return f;
}

function code(cf: ClassFile, name: string, descriptor?: string): CodeAttribute {
  const c = findAttribute(method(cf, name, descriptor).attributes, 'Code');
  if (c === undefined) throw new Error(`no Code in ${name}`);
  return c;
}

/** The value of a static final field's ConstantValue, as the pool holds it. */
function constantOf(cf: ClassFile, name: string): unknown {
  const cv = findAttribute(field(cf, name).attributes, 'ConstantValue');
  if (cv === undefined) throw new Error(`no ConstantValue on ${name}`);
  const entry = cf.constantPool[cv.valueIndex];
  if (entry?.kind === 'String') return cpString(cf.constantPool, cv.valueIndex);
  return entry?.kind === 'Long' ? entry.value.toString() : (entry as { value: number }).value;
}

describe('class header', () => {
  it.each([
    ['release8/Hello.class', 52],
    ['release11/Hello.class', 55],
    ['release17/Hello.class', 61],
  ])('%s has major version %i', (name, major) => {
    const cf = load(name);
    expect(cf.majorVersion).toBe(major);
    expect(cf.minorVersion).toBe(0);
    expect(className(cf)).toBe('Hello');
    expect(superClassName(cf)).toBe('java/lang/Object');
    expect(cf.methods.map((m) => memberName(cf, m) + memberDescriptor(cf, m))).toEqual(['<init>()V', 'main([Ljava/lang/String;)V']);
  });

  it('reads interfaces, fields and flags', () => {
    const cf = load('release17/Fields.class');
    expect(interfaceNames(cf)).toEqual(['java/io/Serializable']);
    expect(cf.fields.map((f) => memberName(cf, f))).toContain('volatileLong');
    expect(field(cf, 'volatileLong').accessFlags & 0x0040).toBe(0x0040);
    expect(field(cf, 'transientString').accessFlags & 0x0080).toBe(0x0080);
  });

  it('reads module-info, whose super_class is 0 and whose pool has Module and Package entries', () => {
    const cf = load('release17/module/module-info.class');
    expect(cf.accessFlags & 0x8000).toBe(0x8000);
    expect(superClassName(cf)).toBeUndefined();
    const modules = cf.constantPool.filter((e) => e?.kind === 'Module').map((e) => e?.kind === 'Module' && cpUtf8(cf.constantPool, e.nameIndex));
    const packages = cf.constantPool.filter((e) => e?.kind === 'Package').map((e) => e?.kind === 'Package' && cpUtf8(cf.constantPool, e.nameIndex));
    expect(modules).toContain('corpus.mod');
    expect(modules).toContain('java.logging');
    expect(packages.sort()).toEqual(['corpus/mod', 'corpus/mod/internal']);
    expect(findRawAttribute(cf, cf.attributes, 'Module')).toBeDefined();
  });
});

describe('constant values', () => {
  it('keeps float and double specials exactly: NaN, infinities, -0.0, extremes', () => {
    const cf = load('release8/FloatConstants.class');
    expect(constantOf(cf, 'F_NAN')).toBeNaN();
    expect(constantOf(cf, 'F_POS_INF')).toBe(Infinity);
    expect(constantOf(cf, 'F_NEG_INF')).toBe(-Infinity);
    expect(Object.is(constantOf(cf, 'F_NEG_ZERO'), -0)).toBe(true);
    expect(constantOf(cf, 'F_MIN')).toBe(Math.fround(1.4e-45));
    expect(constantOf(cf, 'F_MAX')).toBe(Math.fround(3.4028235e38));
    expect(constantOf(cf, 'F_ODD')).toBe(Math.fround(3.1415927));
    expect(constantOf(cf, 'D_NAN')).toBeNaN();
    expect(Object.is(constantOf(cf, 'D_NEG_ZERO'), -0)).toBe(true);
    expect(constantOf(cf, 'D_MIN')).toBe(Number.MIN_VALUE);
    expect(constantOf(cf, 'D_MAX')).toBe(Number.MAX_VALUE);
    expect(constantOf(cf, 'D_SUBNORMAL')).toBe(4.9e-300 / 1e10);
    expect(constantOf(cf, 'D_ODD')).toBe(2.718281828459045);
  });

  it('reads longs as 64-bit values and ints in every encoding range', () => {
    const longs = load('release17/LongConstants.class');
    expect(constantOf(longs, 'MIN')).toBe('-9223372036854775808');
    expect(constantOf(longs, 'MAX')).toBe('9223372036854775807');
    expect(constantOf(longs, 'BIG')).toBe(BigInt('0x123456789ABCDEF').toString());
    expect(constantOf(longs, 'MINUS_ONE')).toBe('-1');
    expect(constantOf(longs, 'INT_MIN')).toBe(-2147483648);
    expect(constantOf(longs, 'SHORT')).toBe(-12345);
    expect(constantOf(longs, 'CHAR')).toBe(0xffff);
    expect(constantOf(longs, 'FLAG')).toBe(1);
  });

  it('decodes strings with NUL, supplementary characters and lone surrogates from modified UTF-8', () => {
    const cf = load('release17/UnicodeStrings.class');
    expect(constantOf(cf, 'NUL')).toBe('a\0b\0');
    expect(constantOf(cf, 'CJK')).toBe('\u4e2d\u6587\u5b57\u7b26 \u65e5\u672c\u8a9e \ud55c\uad6d\uc5b4');
    expect(constantOf(cf, 'EMOJI')).toBe('\u{1F600}\u{1F389}\u{1F680}');
    expect(constantOf(cf, 'MATH')).toBe('\u{1D504}\u{1D505} \u2200x\u2203y');
    expect(constantOf(cf, 'LONE_SURROGATES')).toBe('\ud800x\udc00');
    expect(constantOf(cf, 'EDGES')).toBe('\u0001\u007f\u0080\u07ff\u0800\uffff');
    expect(constantOf(cf, 'BOM')).toBe('\ufeff');
  });
});

describe('method attributes', () => {
  it('reads Code with max_stack, max_locals and nested LineNumberTable', () => {
    const cf = load('release8/Hello.class');
    const main = code(cf, 'main');
    expect(main.maxStack).toBe(2);
    expect(main.maxLocals).toBe(1);
    expect(main.code[0]).toBe(0xb2); // getstatic System.out
    expect(main.code[main.code.length - 1]).toBe(0xb1); // return
    expect(findAttribute(main.attributes, 'LineNumberTable')?.entries).toEqual([
      { startPc: 0, lineNumber: 3 },
      { startPc: 8, lineNumber: 4 },
    ]);
    expect(findAttribute(main.attributes, 'LocalVariableTable')).toBeUndefined();
  });

  it('reads the exception table, with 0 for finally handlers', () => {
    const cf = load('release17/Exceptions.class');
    const table = code(cf, 'attempt').exceptionTable;
    const caught = table.map((e) => (e.catchType === 0 ? 'any' : cpClassName(cf.constantPool, e.catchType)));
    expect(caught).toEqual(expect.arrayContaining(['Exceptions$AppException', 'java/lang/IllegalStateException', 'java/lang/ArithmeticException', 'any']));
    for (const e of table) {
      expect(e.startPc).toBeLessThan(e.endPc);
      expect(e.handlerPc).toBeLessThan(code(cf, 'attempt').code.length);
    }
  });

  it('reads Exceptions (throws clauses)', () => {
    const cf = load('release11/CheckedExceptions.class');
    const ex = findAttribute(method(cf, 'parseOrThrow').attributes, 'Exceptions');
    expect(ex?.exceptionIndexes.map((i) => cpClassName(cf.constantPool, i))).toEqual([
      'CheckedExceptions$ParseException',
      'java/io/IOException',
      'java/lang/InterruptedException',
    ]);
  });

  it('reads LocalVariableTable under -g only', () => {
    const withDebug = load('release8-g/Arithmetic.class');
    const lvt = findAttribute(code(withDebug, 'mix').attributes, 'LocalVariableTable');
    expect(lvt?.entries.map((e) => [cpUtf8(withDebug.constantPool, e.nameIndex), cpUtf8(withDebug.constantPool, e.descriptorIndex), e.index])).toEqual([
      ['a', 'I', 0],
      ['b', 'I', 1],
    ]);
    const without = load('release8/Arithmetic.class');
    expect(findAttribute(code(without, 'mix').attributes, 'LocalVariableTable')).toBeUndefined();
  });

  it('reads LocalVariableTypeTable and Signature for generic code', () => {
    const cf = load('release17-g/Generics.class');
    const lvtt = findAttribute(code(cf, 'max').attributes, 'LocalVariableTypeTable');
    const sigs = lvtt?.entries.map((e) => `${cpUtf8(cf.constantPool, e.nameIndex)}:${cpUtf8(cf.constantPool, e.signatureIndex)}`);
    expect(sigs).toEqual(expect.arrayContaining(['this:LGenerics<TT;>;', 'best:TT;', 't:TT;']));
    const classSig = findAttribute(cf.attributes, 'Signature');
    expect(cpUtf8(cf.constantPool, classSig?.signatureIndex ?? 0)).toBe('<T::Ljava/lang/Comparable<TT;>;>Ljava/lang/Object;');
    const methodSig = findAttribute(method(cf, 'first').attributes, 'Signature');
    expect(cpUtf8(cf.constantPool, methodSig?.signatureIndex ?? 0)).toBe('<E:Ljava/lang/Object;>(Ljava/util/List<+TE;>;)TE;');
    const fieldSig = findAttribute(field(cf, 'items').attributes, 'Signature');
    expect(cpUtf8(cf.constantPool, fieldSig?.signatureIndex ?? 0)).toBe('Ljava/util/List<TT;>;');
  });

  it('decodes StackMapTable frames of every kind with their verification types', () => {
    const cf = load('release17/FrameShapes.class');
    const frames = (name: string, descriptor?: string) =>
      findAttribute(code(cf, name, descriptor).attributes, 'StackMapTable')?.frames ?? [];
    const far = frames('farHandler');
    expect(far).toHaveLength(1);
    expect(far[0]).toMatchObject({ kind: 'same_locals_1_stack_item_extended', frameType: 247 });
    const handlerType = far[0]?.kind === 'same_locals_1_stack_item_extended' ? far[0].stack[0] : undefined;
    expect(handlerType?.tag === 'Object' && cpClassName(cf.constantPool, handlerType.classIndex)).toBe('java/lang/ArrayIndexOutOfBoundsException');
    const tags = (name: string, descriptor?: string) =>
      frames(name, descriptor).flatMap((f) => [...('locals' in f ? f.locals : []), ...('stack' in f ? f.stack : [])].map((t) => t.tag));
    expect(tags('<init>', '(I)V')).toContain('UninitializedThis');
    expect(tags('uninitialized')).toContain('Uninitialized');
    expect(tags('nullAtJoin')).toContain('Null');
    expect(tags('topLocal')).toContain('Top');
    const uninit = frames('uninitialized').flatMap((f) => ('stack' in f ? f.stack : [])).find((t) => t.tag === 'Uninitialized');
    expect(uninit?.tag === 'Uninitialized' && code(cf, 'uninitialized').code[uninit.offset]).toBe(0xbb); // points at `new`
  });
});

describe('class attributes', () => {
  it('reads SourceFile', () => {
    const cf = load('release11/Loops.class');
    expect(cpUtf8(cf.constantPool, findAttribute(cf.attributes, 'SourceFile')?.sourceFileIndex ?? 0)).toBe('Loops.java');
  });

  it('reads InnerClasses for member, anonymous and local classes', () => {
    const cf = load('release8/InnerClasses.class');
    const entries = findAttribute(cf.attributes, 'InnerClasses')?.classes ?? [];
    const described = entries.map((e) => ({
      inner: cpClassName(cf.constantPool, e.innerClassInfoIndex),
      outer: e.outerClassInfoIndex === 0 ? null : cpClassName(cf.constantPool, e.outerClassInfoIndex),
      name: e.innerNameIndex === 0 ? null : cpUtf8(cf.constantPool, e.innerNameIndex),
      flags: e.innerClassAccessFlags,
    }));
    expect(described).toEqual(
      expect.arrayContaining([
        { inner: 'InnerClasses$Inner', outer: 'InnerClasses', name: 'Inner', flags: 0 },
        { inner: 'InnerClasses$StaticNested', outer: 'InnerClasses', name: 'StaticNested', flags: 0x0008 },
        { inner: 'InnerClasses$1', outer: null, name: null, flags: 0 },
        { inner: 'InnerClasses$1Adder', outer: null, name: 'Adder', flags: 0 },
      ]),
    );
  });

  it('reads EnclosingMethod for anonymous and local classes', () => {
    const anon = load('release8/InnerClasses$1.class');
    const em = findAttribute(anon.attributes, 'EnclosingMethod');
    expect(cpClassName(anon.constantPool, em?.classIndex ?? 0)).toBe('InnerClasses');
    expect(cpNameAndType(anon.constantPool, em?.methodIndex ?? 0)).toEqual({ name: 'anonymous', descriptor: '()Ljava/lang/Runnable;' });
    const local = load('release8/InnerClasses$1Adder.class');
    expect(cpNameAndType(local.constantPool, findAttribute(local.attributes, 'EnclosingMethod')?.methodIndex ?? 0).name).toBe('local');
    // An enum constant's body is not inside a method: method_index is 0.
    const enumBody = load('release8/Enums$Op$1.class');
    const bodyEm = findAttribute(enumBody.attributes, 'EnclosingMethod');
    expect(cpClassName(enumBody.constantPool, bodyEm?.classIndex ?? 0)).toBe('Enums$Op');
    expect(bodyEm?.methodIndex).toBe(0);
  });

  it('reads BootstrapMethods with their handles and arguments, and the InvokeDynamic entries that use them', () => {
    const cf = load('release17/Lambdas.class');
    const bsm = findAttribute(cf.attributes, 'BootstrapMethods');
    expect(bsm?.methods.length).toBeGreaterThan(0);
    const first = bsm?.methods[0];
    const handle = cpMethodHandle(cf.constantPool, first?.methodRef ?? 0);
    expect(handle.referenceKind).toBe(6); // REF_invokeStatic
    expect(handle.member).toMatchObject({ className: 'java/lang/invoke/LambdaMetafactory', name: 'metafactory' });
    expect(first?.arguments.map((a) => cf.constantPool[a]?.kind)).toEqual(['MethodType', 'MethodHandle', 'MethodType']);
    expect(cpMethodType(cf.constantPool, first?.arguments[0] ?? 0)).toMatch(/^\(.*\).+$/);
    const indys = cf.constantPool.flatMap((e, i) => (e?.kind === 'InvokeDynamic' ? [cpDynamic(cf.constantPool, i)] : []));
    expect(indys.map((d) => d.name)).toEqual(expect.arrayContaining(['applyAsInt', 'apply', 'get', 'run']));
    for (const d of indys) expect(d.bootstrapMethodAttrIndex).toBeLessThan(bsm?.methods.length ?? 0);
  });

  it('reads NestHost and NestMembers from release 11 on, and neither before', () => {
    const host = load('release11/NestMates.class');
    const members = findAttribute(host.attributes, 'NestMembers')?.classes.map((i) => cpClassName(host.constantPool, i));
    expect(members?.sort()).toEqual(['NestMates$Api', 'NestMates$Member', 'NestMates$Peer']);
    const peer = load('release11/NestMates$Peer.class');
    expect(cpClassName(peer.constantPool, findAttribute(peer.attributes, 'NestHost')?.hostClassIndex ?? 0)).toBe('NestMates');
    const old = load('release8/NestMates.class');
    expect(findAttribute(old.attributes, 'NestMembers')).toBeUndefined();
  });

  it('keeps annotations, Record, PermittedSubclasses and Deprecated raw, under their names', () => {
    const ann = load('release17/Annotations.class');
    const m = method(ann, 'annotatedMethod');
    expect(findRawAttribute(ann, m.attributes, 'RuntimeVisibleAnnotations')?.info.length).toBeGreaterThan(0);
    expect(findRawAttribute(ann, m.attributes, 'RuntimeVisibleParameterAnnotations')).toBeDefined();
    expect(findRawAttribute(ann, m.attributes, 'Deprecated')?.info.length).toBe(0);
    expect(findRawAttribute(ann, field(ann, 'annotatedField').attributes, 'RuntimeInvisibleAnnotations')).toBeDefined();
    const point = load('release17/Records$Point.class');
    expect(findRawAttribute(point, point.attributes, 'Record')).toBeDefined();
    const sealed = load('release17/Sealed$Expr.class');
    expect(findRawAttribute(sealed, sealed.attributes, 'PermittedSubclasses')).toBeDefined();
  });
});
