// Assignability and merging of reference types, as the type-inferring verifier defines them (JVMS
// 4.10.2.2): interfaces are treated like java/lang/Object (any reference may flow into an interface type;
// invokeinterface checks the receiver at run time), and the merge of two class types is their nearest
// common superclass. Answers are cached per verifier run, since the same pairs recur at every call site.
import type { ClassHierarchy, ClassInfo } from './class-hierarchy.js';
import { Tag, TypePool, type VType } from './verification-type.js';

const OBJECT = 'java/lang/Object';

/** Raised when a class the verifier must know about cannot be found; the caller adds the location. */
export class MissingClass extends Error {
  override readonly name = 'MissingClass';
  constructor(readonly className: string) {
    super(`Cannot find class ${className}`);
  }
}

export class TypeRelations {
  private readonly assignable = new Map<string, boolean>();
  private readonly merged = new Map<string, string>();

  constructor(
    private readonly hierarchy: ClassHierarchy,
    readonly types: TypePool,
  ) {}

  info(name: string): ClassInfo {
    const info = this.hierarchy.lookup(name);
    if (info === undefined) throw new MissingClass(name);
    return info;
  }

  isInterface(name: string): boolean {
    return name.charCodeAt(0) !== 0x5b && this.info(name).isInterface;
  }

  /** Whether `sub` is `ancestor` or a subclass of it (both class names, not arrays). */
  isSubclass(sub: string, ancestor: string): boolean {
    if (ancestor === OBJECT || sub === ancestor) return true;
    let current: string | null = this.info(sub).superName;
    // The bound stops a cyclic hierarchy (which loading normally rejects) from looping forever.
    for (let depth = 0; current !== null && depth < 10_000; depth++) {
      if (current === ancestor) return true;
      current = this.info(current).superName;
    }
    return false;
  }

  /** Whether a value of type `from` may be used where reference type `to` (a class or array name) is expected. */
  isAssignable(from: VType, to: string): boolean {
    if (from.tag === Tag.Null) return true;
    if (from.tag !== Tag.Ref) return false;
    return this.isNameAssignable(from.name, to);
  }

  isNameAssignable(from: string, to: string): boolean {
    if (from === to || to === OBJECT) return true;
    const key = `${from} ${to}`;
    const known = this.assignable.get(key);
    if (known !== undefined) return known;
    const answer = this.computeAssignable(from, to);
    this.assignable.set(key, answer);
    return answer;
  }

  private computeAssignable(from: string, to: string): boolean {
    const toArray = to.charCodeAt(0) === 0x5b;
    const fromArray = from.charCodeAt(0) === 0x5b;
    if (!toArray) {
      if (this.info(to).isInterface) return true;
      return !fromArray && this.isSubclass(from, to);
    }
    if (!fromArray) return false;
    const toElement = to.slice(1);
    const fromElement = from.slice(1);
    const toIsRef = isReferenceDescriptor(toElement);
    const fromIsRef = isReferenceDescriptor(fromElement);
    if (!toIsRef || !fromIsRef) return toElement === fromElement;
    return this.isNameAssignable(referenceName(fromElement), referenceName(toElement));
  }

  /** The merge of two initialized reference types (Ref or Null). */
  mergeReferences(a: VType, b: VType): VType {
    if (a === b) return a;
    if (a.tag === Tag.Null) return b;
    if (b.tag === Tag.Null) return a;
    const key = a.name < b.name ? `${a.name} ${b.name}` : `${b.name} ${a.name}`;
    let name = this.merged.get(key);
    if (name === undefined) {
      name = this.mergeNames(a.name, b.name);
      this.merged.set(key, name);
    }
    return this.types.ref(name);
  }

  private mergeNames(a: string, b: string): string {
    if (a === b) return a;
    const aArray = a.charCodeAt(0) === 0x5b;
    const bArray = b.charCodeAt(0) === 0x5b;
    if (aArray && bArray) {
      const ea = a.slice(1);
      const eb = b.slice(1);
      if (isReferenceDescriptor(ea) && isReferenceDescriptor(eb)) {
        const element = this.mergeNames(referenceName(ea), referenceName(eb));
        return element.charCodeAt(0) === 0x5b ? `[${element}` : `[L${element};`;
      }
      return OBJECT;
    }
    if (aArray || bArray) return OBJECT;
    if (this.info(a).isInterface || this.info(b).isInterface) return OBJECT;
    // The nearest common superclass: b's chain as a set, then the first of a's ancestors in it.
    const bChain = new Set<string>();
    for (let c: string | null = b, depth = 0; c !== null && depth < 10_000; depth++) {
      bChain.add(c);
      c = this.info(c).superName;
    }
    for (let c: string | null = a, depth = 0; c !== null && depth < 10_000; depth++) {
      if (bChain.has(c)) return c;
      c = this.info(c).superName;
    }
    return OBJECT;
  }
}

/** Whether an array's element descriptor is a reference type (a class or another array). */
export function isReferenceDescriptor(element: string): boolean {
  const c = element.charCodeAt(0);
  return c === 0x4c || c === 0x5b;
}

/** "Ljava/lang/String;" to "java/lang/String"; an array descriptor stays as it is. */
export function referenceName(descriptor: string): string {
  return descriptor.charCodeAt(0) === 0x4c ? descriptor.slice(1, -1) : descriptor;
}
