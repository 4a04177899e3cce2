// Where a compilation finds classes it does not compile: the runtime image and -cp entries. Each entry
// answers both questions the checker asks: "the bytes of class x" and "does package p exist" (javac's
// "package p does not exist" needs the second, which a bare lookup function cannot answer).
import type { ClassPathLookup } from './semantics/class-environment.js';

/** One class-path entry (a runtime image, a directory), or several chained. */
export interface ClassPath {
  readonly lookup: ClassPathLookup;
  /** Whether some class lives in the package, e.g. "java/util" (internal form, slashes). */
  readonly packageExists: (packageName: string) => boolean;
}

/** A class path over a map of internal name -> class-file bytes, such as a read runtime image. */
export function mapClassPath(classes: ReadonlyMap<string, Uint8Array>): ClassPath {
  const packages = new Set<string>();
  for (const name of classes.keys()) {
    for (let slash = name.lastIndexOf('/'); slash > 0; slash = name.lastIndexOf('/', slash - 1)) {
      const pkg = name.slice(0, slash);
      if (packages.has(pkg)) break;
      packages.add(pkg);
    }
  }
  return { lookup: (name) => classes.get(name), packageExists: (pkg) => packages.has(pkg) };
}

/** Entries searched in order: the first that has a class supplies it; a package exists if any has it. */
export function chainClassPaths(entries: readonly ClassPath[]): ClassPath {
  return {
    lookup: (name) => {
      for (const entry of entries) {
        const bytes = entry.lookup(name);
        if (bytes !== undefined) return bytes;
      }
      return undefined;
    },
    packageExists: (pkg) => entries.some((entry) => entry.packageExists(pkg)),
  };
}
