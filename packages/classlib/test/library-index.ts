// Test support: the library's classes, fields and methods read from its class files, with JVMS-style
// member resolution (JVMS 5.4.3.2 and 5.4.3.3), to check that code compiled elsewhere links against it.
import {
  ACC_NATIVE,
  className,
  cpClassName,
  cpMemberRef,
  interfaceNames,
  memberDescriptor,
  memberName,
  readClassFile,
  superClassName,
  type MemberRef,
} from '@oakvm/classfile';

export interface LibraryClass {
  readonly name: string;
  readonly superName: string | undefined;
  readonly interfaces: readonly string[];
  readonly accessFlags: number;
  /** `name:descriptor` -> access flags. */
  readonly fields: ReadonlyMap<string, number>;
  /** `name descriptor` -> access flags. */
  readonly methods: ReadonlyMap<string, number>;
}

export interface ClassReferences {
  readonly classes: readonly string[];
  readonly members: readonly MemberRef[];
}

export class LibraryIndex {
  readonly classes = new Map<string, LibraryClass>();

  constructor(classFiles: ReadonlyMap<string, Uint8Array>) {
    for (const bytes of classFiles.values()) {
      const cf = readClassFile(bytes);
      const fields = new Map<string, number>();
      const methods = new Map<string, number>();
      for (const f of cf.fields) fields.set(`${memberName(cf, f)}:${memberDescriptor(cf, f)}`, f.accessFlags);
      for (const m of cf.methods) methods.set(`${memberName(cf, m)} ${memberDescriptor(cf, m)}`, m.accessFlags);
      const name = className(cf);
      this.classes.set(name, { name, superName: superClassName(cf), interfaces: interfaceNames(cf), accessFlags: cf.accessFlags, fields, methods });
    }
  }

  /** Every native method as `owner.name descriptor` keys in the registry's form `owner.namedescriptor`. */
  nativeMethodKeys(): string[] {
    const keys: string[] = [];
    for (const c of this.classes.values()) {
      for (const [m, flags] of c.methods) {
        if (flags & ACC_NATIVE) keys.push(`${c.name}.${m.replace(' ', '')}`);
      }
    }
    return keys.sort();
  }

  /** Whether a class named in a constant pool exists (array classes exist when their element class does). */
  hasClass(name: string): boolean {
    const element = name.replace(/^\[+/, '');
    if (element !== name) return element.length === 1 || this.classes.has(element.slice(1, -1));
    return this.classes.has(name);
  }

  /** Field resolution: the class, its superinterfaces, then its superclasses. */
  resolveField(owner: string, name: string, descriptor: string): boolean {
    const c = this.classes.get(owner);
    if (c === undefined) return false;
    if (c.fields.has(`${name}:${descriptor}`)) return true;
    for (const i of c.interfaces) if (this.resolveField(i, name, descriptor)) return true;
    return c.superName !== undefined && this.resolveField(c.superName, name, descriptor);
  }

  /** Method resolution: the class and its superclasses, then all superinterfaces; arrays have Object's. */
  resolveMethod(owner: string, name: string, descriptor: string): boolean {
    if (owner.startsWith('[')) return this.resolveMethod('java/lang/Object', name, descriptor);
    const key = `${name} ${descriptor}`;
    for (let c = this.classes.get(owner); c !== undefined; c = c.superName === undefined ? undefined : this.classes.get(c.superName)) {
      if (c.methods.has(key)) return true;
    }
    return this.inInterfaces(owner, key, new Set());
  }

  private inInterfaces(owner: string, key: string, seen: Set<string>): boolean {
    for (let c = this.classes.get(owner); c !== undefined; c = c.superName === undefined ? undefined : this.classes.get(c.superName)) {
      for (const i of c.interfaces) {
        if (seen.has(i)) continue;
        seen.add(i);
        if (this.classes.get(i)?.methods.has(key) || this.inInterfaces(i, key, seen)) return true;
      }
    }
    return false;
  }

  /**
   * The references of a class file that this library must satisfy: classes and members in the packages
   * the library provides (java/...). Returns what does not resolve, as readable strings.
   */
  unresolved(bytes: Uint8Array): string[] {
    const cf = readClassFile(bytes);
    const missing: string[] = [];
    const inLibrary = (name: string): boolean => name.replace(/^\[+L?/, '').startsWith('java/');
    cf.constantPool.forEach((entry, index) => {
      if (entry === undefined) return;
      if (entry.kind === 'Class') {
        const name = cpClassName(cf.constantPool, index);
        if (inLibrary(name) && !this.hasClass(name)) missing.push(`class ${name}`);
      } else if (entry.kind === 'Fieldref' || entry.kind === 'Methodref' || entry.kind === 'InterfaceMethodref') {
        const ref = cpMemberRef(cf.constantPool, index);
        if (!inLibrary(ref.className)) return;
        const ok = ref.kind === 'Fieldref' ? this.resolveField(ref.className, ref.name, ref.descriptor) : this.resolveMethod(ref.className, ref.name, ref.descriptor);
        if (!ok) missing.push(`${ref.kind === 'Fieldref' ? 'field' : 'method'} ${ref.className}.${ref.name}${ref.kind === 'Fieldref' ? ':' : ''}${ref.descriptor}`);
      }
    });
    return missing;
  }
}
