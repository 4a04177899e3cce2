// Choosing the main class of a source file: the public class named after the file, else the first
// top-level class (in source order) that declares `main(String[])`.
import { readClassFile } from '@oakvm/classfile';

function declaresMain(bytes: Uint8Array): boolean {
  try {
    const cf = readClassFile(bytes);
    return cf.methods.some((m) => {
      const n = cf.constantPool[m.nameIndex];
      const d = cf.constantPool[m.descriptorIndex];
      return n?.kind === 'Utf8' && n.value === 'main' && d?.kind === 'Utf8' && d.value === '([Ljava/lang/String;)V' && (m.accessFlags & 0x0009) === 0x0009;
    });
  } catch {
    return false;
  }
}

export function chooseMainClass(path: string, source: string, classes: ReadonlyMap<string, Uint8Array>): string | undefined {
  const base = path.replace(/^.*[\\/]/, '').replace(/\.(oak|java)$/, '');
  const pkg = /^\s*package\s+([\w.]+)\s*;/m.exec(source)?.[1];
  const qualify = (n: string): string => (pkg ? `${pkg.replace(/\./g, '/')}/${n}` : n);
  const named = classes.get(qualify(base));
  if (named !== undefined && new RegExp(`public\\s+(final\\s+|abstract\\s+)*class\\s+${base}\\b`).test(source) && declaresMain(named)) {
    return qualify(base);
  }
  // Top-level classes in source order.
  const order = [...source.matchAll(/^(?:public\s+|final\s+|abstract\s+)*(?:class|interface|enum)\s+(\w+)/gm)].map((m) => m[1]!);
  for (const n of order) {
    const bytes = classes.get(qualify(n));
    if (bytes !== undefined && declaresMain(bytes)) return qualify(n);
  }
  for (const [n, bytes] of classes) if (declaresMain(bytes)) return n;
  return undefined;
}
