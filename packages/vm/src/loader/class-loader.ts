// Loading (JVMS 5.3): finding a class's bytes, parsing them, checking the result is a class the VM can
// define, loading its superclass and interfaces first, then handing it to verification and linking.
// Two loaders exist: the bootstrap loader over the runtime image and the application loader over the
// class path, which delegates to the bootstrap loader first (parent delegation).
import {
  ClassFormatError,
  UnsupportedClassVersionError,
  readClassFile,
  type ClassFile,
  type CodeAttribute,
  type MemberInfo,
} from '@oakvm/classfile';
import type { ElementKind } from '../heap/layout.js';
import { linkClass } from '../linker/linker.js';
import { RtClass, RtField, RtMethod, type DefiningLoader, type ExceptionHandler } from '../runtime/class-model.js';
import { JavaThrowable } from '../runtime/errors.js';
import type { ClassSource } from './class-source.js';

/** A hook between loading and linking: the verifier plugs in here and throws JavaThrowable(VerifyError). */
export type VerifyHook = (cls: RtClass, loader: ClassLoaders) => void;

const PRIMITIVES: readonly [string, ElementKind][] = [
  ['boolean', 'Z'],
  ['byte', 'B'],
  ['char', 'C'],
  ['short', 'S'],
  ['int', 'I'],
  ['long', 'J'],
  ['float', 'F'],
  ['double', 'D'],
];

/** newarray's type codes (JVMS table 6.5.newarray-A) to descriptors. */
export const NEWARRAY_KINDS: readonly (ElementKind | undefined)[] = [
  undefined,
  undefined,
  undefined,
  undefined,
  'Z',
  'C',
  'F',
  'D',
  'B',
  'S',
  'I',
  'J',
];

export class ClassLoaders {
  /** Every class, by id (object headers store the id). */
  readonly classes: RtClass[] = [];
  /** Every method of every loaded class, by id. */
  readonly methods: RtMethod[] = [];
  private readonly bootstrap = new Map<string, RtClass>();
  private readonly app = new Map<string, RtClass>();
  private readonly loading = new Set<string>();
  /** Primitive pseudo-classes by descriptor character (plus 'V' for void). */
  readonly primitives = new Map<string, RtClass>();
  verify: VerifyHook | undefined;

  constructor(
    private readonly bootSource: ClassSource,
    private readonly appSource: ClassSource,
  ) {
    for (const [name, kind] of [...PRIMITIVES, ['void', 'V'] as const]) {
      const c = this.register((id) => new RtClass(id, name, 'bootstrap', 0x0411, undefined, undefined, kind));
      c.state = 'initialized';
      this.primitives.set(kind, c);
    }
  }

  private register(make: (id: number) => RtClass): RtClass {
    const c = make(this.classes.length);
    this.classes.push(c);
    return c;
  }

  /** A class already loaded by `loader` (or, for the app loader, by the bootstrap loader), if any. */
  findLoaded(name: string, loader: DefiningLoader): RtClass | undefined {
    return this.bootstrap.get(name) ?? (loader === 'app' ? this.app.get(name) : undefined);
  }

  /**
   * Loads, verifies and links class `name` (internal form) as seen from `loader`. Throws JavaThrowable
   * (NoClassDefFoundError, ClassFormatError, ...) when that fails.
   */
  load(name: string, loader: DefiningLoader): RtClass {
    const found = this.findLoaded(name, loader);
    if (found) return found;
    if (name.startsWith('[')) return this.loadArray(name, loader);
    const bootBytes = this.bootSource.find(name);
    if (bootBytes !== undefined) return this.define(name, bootBytes, 'bootstrap');
    if (loader === 'app') {
      const bytes = this.appSource.find(name);
      if (bytes !== undefined) return this.define(name, bytes, 'app');
    }
    throw new JavaThrowable('java/lang/NoClassDefFoundError', name);
  }

  /** Like `load`, but answers undefined instead of throwing when no loader has the class. */
  tryLoad(name: string, loader: DefiningLoader): RtClass | undefined {
    const found = this.findLoaded(name, loader);
    if (found) return found;
    if (!name.startsWith('[') && this.bootSource.find(name) === undefined) {
      if (loader !== 'app' || this.appSource.find(name) === undefined) return undefined;
    }
    return this.load(name, loader);
  }

  /** The class of arrays whose elements are `component`. */
  arrayOf(component: RtClass): RtClass {
    if (component.arrayClass) return component.arrayClass;
    const name = component.isPrimitive
      ? `[${component.elementKind}`
      : component.isArray
        ? `[${component.name}`
        : `[L${component.name};`;
    const kind: ElementKind = component.isPrimitive ? (component.elementKind as ElementKind) : 'L';
    const object = this.load('java/lang/Object', 'bootstrap');
    const arr = this.register((id) => new RtClass(id, name, component.loader, 0x0411, undefined, component, kind));
    arr.superClass = object;
    arr.interfaces = ['java/lang/Cloneable', 'java/io/Serializable']
      .map((n) => this.tryLoad(n, 'bootstrap'))
      .filter((c): c is RtClass => c !== undefined);
    linkClass(arr);
    arr.state = 'initialized';
    component.arrayClass = arr;
    (arr.loader === 'bootstrap' ? this.bootstrap : this.app).set(name, arr);
    return arr;
  }

  private loadArray(name: string, loader: DefiningLoader): RtClass {
    const elem = name.slice(1);
    let component: RtClass;
    if (elem.startsWith('[')) component = this.load(elem, loader);
    else if (elem.startsWith('L') && elem.endsWith(';')) component = this.load(elem.slice(1, -1), loader);
    else {
      const p = elem.length === 1 ? this.primitives.get(elem) : undefined;
      if (p === undefined || elem === 'V') throw new JavaThrowable('java/lang/NoClassDefFoundError', name);
      component = p;
    }
    return this.arrayOf(component);
  }

  private define(name: string, bytes: Uint8Array, loader: DefiningLoader): RtClass {
    let file: ClassFile;
    try {
      file = readClassFile(bytes);
    } catch (e) {
      if (e instanceof UnsupportedClassVersionError) {
        throw new JavaThrowable(
          'java/lang/UnsupportedClassVersionError',
          `${name.replace(/\//g, '.')} has been compiled by a more recent version of the Java Runtime (class file version ${e.majorVersion}.${e.minorVersion}), this version of the Java Runtime only recognizes class file versions up to 61.0`,
        );
      }
      if (e instanceof ClassFormatError) throw new JavaThrowable('java/lang/ClassFormatError', `${e.detail} in class file ${name}`);
      throw e;
    }
    const actual = utf8At(file, classNameIndex(file, file.thisClass));
    if (actual !== name) {
      throw new JavaThrowable('java/lang/NoClassDefFoundError', `${name} (wrong name: ${actual})`);
    }
    if (this.loading.has(name)) throw new JavaThrowable('java/lang/ClassCircularityError', name.replace(/\//g, '.'));
    this.loading.add(name);
    try {
      const superName = file.superClass === 0 ? undefined : utf8At(file, classNameIndex(file, file.superClass));
      if (superName === undefined && name !== 'java/lang/Object') {
        throw new JavaThrowable('java/lang/ClassFormatError', `Invalid superclass index 0 in class file ${name}`);
      }
      const superClass = superName === undefined ? null : this.load(superName, loader);
      if (superClass?.isInterface) {
        throw new JavaThrowable(
          'java/lang/IncompatibleClassChangeError',
          `class ${name.replace(/\//g, '.')} has interface ${superClass.javaName} as super class`,
        );
      }
      if (superClass && (superClass.flags & 0x0010) !== 0) {
        throw new JavaThrowable(
          'java/lang/VerifyError',
          `Cannot inherit from final class ${superClass.javaName}`,
        );
      }
      const interfaces = file.interfaces.map((i) => {
        const c = this.load(utf8At(file, classNameIndex(file, i)), loader);
        if (!c.isInterface) {
          throw new JavaThrowable(
            'java/lang/IncompatibleClassChangeError',
            `class ${name.replace(/\//g, '.')} can not implement ${c.javaName}, because it is not an interface`,
          );
        }
        return c;
      });
      const cls = this.register((id) => new RtClass(id, name, loader, file.accessFlags, file, undefined, undefined));
      cls.superClass = superClass;
      cls.interfaces = interfaces;
      cls.fields = file.fields.map((f) => makeField(cls, file, f));
      cls.methods = file.methods.map((m) => makeMethod(cls, file, m));
      for (const m of cls.methods) {
        m.id = this.methods.length;
        this.methods.push(m);
      }
      const sf = file.attributes.find((a) => a.kind === 'SourceFile');
      if (sf?.kind === 'SourceFile') cls.sourceFile = utf8At(file, sf.sourceFileIndex);
      linkClass(cls);
      const loaded = loader === 'bootstrap' ? this.bootstrap : this.app;
      loaded.set(name, cls);
      // Verified only once recorded, as HotSpot verifies at link time: checking an assignment may load a
      // subclass (`A make() { return new B(); }` asks whether B is an A), and loading B must find A loaded.
      if (this.verify !== undefined) {
        try {
          this.verify(cls, this);
        } catch (e) {
          loaded.delete(name);
          throw e;
        }
      }
      return cls;
    } finally {
      this.loading.delete(name);
    }
  }
}

function utf8At(file: ClassFile, index: number): string {
  const e = file.constantPool[index];
  if (e?.kind !== 'Utf8') throw new JavaThrowable('java/lang/ClassFormatError', `Invalid constant pool index ${index}`);
  return e.value;
}

function classNameIndex(file: ClassFile, index: number): number {
  const e = file.constantPool[index];
  if (e?.kind !== 'Class') throw new JavaThrowable('java/lang/ClassFormatError', `Invalid class index ${index}`);
  return e.nameIndex;
}

function makeField(cls: RtClass, file: ClassFile, info: MemberInfo): RtField {
  const cv = info.attributes.find((a) => a.kind === 'ConstantValue');
  return new RtField(
    cls,
    utf8At(file, info.nameIndex),
    utf8At(file, info.descriptorIndex),
    info.accessFlags,
    cv?.kind === 'ConstantValue' ? cv.valueIndex : 0,
  );
}

function makeMethod(cls: RtClass, file: ClassFile, info: MemberInfo): RtMethod {
  const name = utf8At(file, info.nameIndex);
  const descriptor = utf8At(file, info.descriptorIndex);
  const code = info.attributes.find((a): a is CodeAttribute => a.kind === 'Code');
  const isNative = (info.accessFlags & 0x0100) !== 0;
  const isAbstract = (info.accessFlags & 0x0400) !== 0;
  if (code === undefined && !isNative && !isAbstract) {
    throw new JavaThrowable('java/lang/ClassFormatError', `Absent Code attribute in method that is not native or abstract in class file ${cls.name}`);
  }
  if (code !== undefined && (isNative || isAbstract)) {
    throw new JavaThrowable('java/lang/ClassFormatError', `Code attribute in native or abstract methods in class file ${cls.name}`);
  }
  const handlers: ExceptionHandler[] = (code?.exceptionTable ?? []).map((h) => ({ ...h }));
  return new RtMethod(
    cls,
    name,
    descriptor,
    info.accessFlags,
    code?.maxStack ?? 0,
    code?.maxLocals ?? 0,
    handlers,
    code,
  );
}
