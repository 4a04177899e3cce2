// Member lookups cached for one attribution pass. Every call site and every name that is not a local
// asks for the members of a class by name, which walks the class's supertypes and their member lists;
// the classes' members are all declared before attribution starts and do not change during it, so each
// (class, name) pair is looked up once.
import type { ClassEnvironment } from './class-environment.js';
import { findField, findMethods } from './members.js';
import type { ClassSymbol, FieldSymbol, MethodSymbol } from './symbols.js';

export class MemberLookups {
  private readonly methods = new Map<ClassSymbol, Map<string, readonly MethodSymbol[]>>();
  /** null records a name that is no field of the class. */
  private readonly fields = new Map<ClassSymbol, Map<string, FieldSymbol | null>>();

  constructor(private readonly env: ClassEnvironment) {}

  /** findMethods(env, cls, name), shared: callers must not modify the array. */
  methodsOf(cls: ClassSymbol, name: string): readonly MethodSymbol[] {
    const byName = namesOf(this.methods, cls);
    let found = byName.get(name);
    if (found === undefined) {
      found = findMethods(this.env, cls, name);
      byName.set(name, found);
    }
    return found;
  }

  fieldOf(cls: ClassSymbol, name: string): FieldSymbol | undefined {
    const byName = namesOf(this.fields, cls);
    let found = byName.get(name);
    if (found === undefined) {
      found = findField(this.env, cls, name) ?? null;
      byName.set(name, found);
    }
    return found ?? undefined;
  }
}

/** The cache of one class in a two-level cache, made on the first request. */
function namesOf<T>(cache: Map<ClassSymbol, Map<string, T>>, cls: ClassSymbol): Map<string, T> {
  let byName = cache.get(cls);
  if (byName === undefined) {
    byName = new Map();
    cache.set(cls, byName);
  }
  return byName;
}
