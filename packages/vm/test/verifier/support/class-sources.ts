// Where the verifier tests get class files: the javac corpus of the classfile package, javac's twins of
// the test programs, the class library's image (oakc's output) and the JDK signature fixture the code
// generator's tests use. All are committed or built files; nothing here needs a JDK.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readClassFile, readRuntimeImage, type ClassFile } from '@oakvm/classfile';
import { ClassFileHierarchy, type ClassHierarchy, type ClassInfo } from '../../../src/verifier/index.js';

export const repoRoot = fileURLToPath(new URL('../../../../../', import.meta.url));
export const corpusClassesRoot = join(repoRoot, 'packages/classfile/test/corpus/classes');
export const javacTwinsRoot = join(repoRoot, 'test/javac-classes');
const classlibImage = join(repoRoot, 'packages/classlib/dist/classlib.img');
const jdkSymbolsImage = join(repoRoot, 'packages/compiler/test/codegen/fixtures/jdk-symbols.img');

/** Every .class file under `dir`, with its path relative to the repository root. */
export function classFilesUnder(dir: string): { path: string; bytes: Uint8Array }[] {
  const out: { path: string; bytes: Uint8Array }[] = [];
  const walk = (d: string): void => {
    for (const entry of readdirSync(d).sort()) {
      const full = join(d, entry);
      if (statSync(full).isDirectory()) walk(full);
      else if (entry.endsWith('.class')) out.push({ path: relative(repoRoot, full), bytes: new Uint8Array(readFileSync(full)) });
    }
  };
  if (existsSync(dir)) walk(dir);
  return out;
}

/** The classes of a runtime image by internal name, or an empty map when the image is not built. */
export function imageClasses(which: 'classlib' | 'jdk-symbols'): Map<string, Uint8Array> {
  const path = which === 'classlib' ? classlibImage : jdkSymbolsImage;
  return existsSync(path) ? readRuntimeImage(new Uint8Array(readFileSync(path))) : new Map();
}

export const hasClasslibImage = existsSync(classlibImage);

/** Parsed class infos per class set, shared by every hierarchy over that set (the library sets are big). */
const parsedSets = new WeakMap<ReadonlyMap<string, Uint8Array>, ClassFileHierarchy>();

function parsedSet(classes: ReadonlyMap<string, Uint8Array>): ClassFileHierarchy {
  let h = parsedSets.get(classes);
  if (h === undefined) {
    h = new ClassFileHierarchy((name) => {
      const bytes = classes.get(name);
      return bytes === undefined ? undefined : readClassFile(bytes);
    });
    parsedSets.set(classes, h);
  }
  return h;
}

/**
 * A hierarchy over several class sets searched in order (the program's own classes first, then the
 * class library, then the JDK signatures). Classes none of them has (parts of the JDK the fixtures leave
 * out, such as java.util.List) are answered as interfaces, which the type-inferring verifier accepts
 * any reference for: the corpus tests check the verifier, not the completeness of the fixtures.
 */
export function layeredHierarchy(...layers: ReadonlyMap<string, Uint8Array>[]): ClassHierarchy & { unknown: Set<string> } {
  const unknown = new Set<string>();
  const parsed = layers.map(parsedSet);
  return {
    unknown,
    lookup(name: string): ClassInfo {
      for (const layer of parsed) {
        const info = layer.lookup(name);
        if (info !== undefined) return info;
      }
      unknown.add(name);
      return { name, superName: 'java/lang/Object', isInterface: true, memberFlags: () => undefined };
    },
  };
}

/** Class files by internal name. */
export function byClassName(files: readonly { bytes: Uint8Array }[]): Map<string, Uint8Array> {
  const out = new Map<string, Uint8Array>();
  for (const f of files) {
    const cf: ClassFile = readClassFile(f.bytes);
    const pool = cf.constantPool;
    const cls = pool[cf.thisClass];
    const name = cls?.kind === 'Class' ? pool[cls.nameIndex] : undefined;
    if (name?.kind === 'Utf8') out.set(name.value, f.bytes);
  }
  return out;
}
