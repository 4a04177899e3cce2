// What the verifier needs to know about classes other than the one it verifies: superclass chains and
// which names are interfaces (for assignability and merging), and member flags (for the protected-access
// check). The VM answers from its loaders (vm-hook.ts); tests answer from class files.
import {
  ACC_INTERFACE,
  cpClassName,
  memberDescriptor,
  memberName,
  type ClassFile,
} from '@oakvm/classfile';

export type MemberKind = 'field' | 'method';

export interface ClassInfo {
  /** Internal name. */
  readonly name: string;
  /** Internal name of the superclass; null for java/lang/Object (and for interfaces' absent super, Object). */
  readonly superName: string | null;
  readonly isInterface: boolean;
  /** Access flags of the member this class itself declares with that name and descriptor, if any. */
  memberFlags(kind: MemberKind, name: string, descriptor: string): number | undefined;
}

export interface ClassHierarchy {
  /**
   * The class named `name` (internal form, never an array), loading it if need be; undefined when no such
   * class exists, which the verifier reports as VerifyError "Cannot find class". A hierarchy may instead
   * throw its own error (the VM throws NoClassDefFoundError, as HotSpot's verifier does).
   */
  lookup(name: string): ClassInfo | undefined;
}

/** ClassInfo read from a parsed class file. */
export function classInfoFromClassFile(cf: ClassFile): ClassInfo {
  const pool = cf.constantPool;
  const name = cpClassName(pool, cf.thisClass);
  const members = new Map<string, number>();
  for (const f of cf.fields) members.set(`field ${memberName(cf, f)} ${memberDescriptor(cf, f)}`, f.accessFlags);
  for (const m of cf.methods) members.set(`method ${memberName(cf, m)} ${memberDescriptor(cf, m)}`, m.accessFlags);
  return {
    name,
    superName: cf.superClass === 0 ? null : cpClassName(pool, cf.superClass),
    isInterface: (cf.accessFlags & ACC_INTERFACE) !== 0,
    memberFlags: (kind, member, descriptor) => members.get(`${kind} ${member} ${descriptor}`),
  };
}

/** A hierarchy over class files found by name (a directory, an image, a map), parsed once each. */
export class ClassFileHierarchy implements ClassHierarchy {
  private readonly cache = new Map<string, ClassInfo | undefined>();

  constructor(private readonly find: (name: string) => ClassFile | undefined) {}

  lookup(name: string): ClassInfo | undefined {
    if (this.cache.has(name)) return this.cache.get(name);
    const cf = this.find(name);
    const info = cf === undefined ? undefined : classInfoFromClassFile(cf);
    this.cache.set(name, info);
    return info;
  }
}
