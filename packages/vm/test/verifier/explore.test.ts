import { test } from 'vitest';
import { join } from 'node:path';
import { readdirSync } from 'node:fs';
import { readClassFile } from '@oakvm/classfile';
import { verifyClass } from '../../src/verifier/index.js';
import { byClassName, classFilesUnder, corpusClassesRoot, imageClasses, javacTwinsRoot, layeredHierarchy } from './support/class-sources.js';

test('explore', () => {
  const classlib = imageClasses('classlib');
  const jdk = imageClasses('jdk-symbols');
  const sets: [string, string][] = readdirSync(corpusClassesRoot).map((d) => [d, join(corpusClassesRoot, d)]);
  for (const p of readdirSync(javacTwinsRoot)) if (!p.includes(".")) sets.push([p, join(javacTwinsRoot, p)]);
  let ok = 0, bad = 0;
  const t0 = performance.now();
  const unknown = new Set<string>();
  for (const [label, dir] of sets) {
    const files = classFilesUnder(dir).filter((f) => !f.path.endsWith('module-info.class'));
    const own = byClassName(files);
    const h = layeredHierarchy(own, classlib, jdk);
    for (const f of files) {
      try { verifyClass(readClassFile(f.bytes), h); ok++; } catch (e) { bad++; console.log(label, f.path, String(e)); }
    }
    for (const u of h.unknown) unknown.add(u);
  }
  const h = layeredHierarchy(classlib, jdk);
  for (const [name, bytes] of classlib) {
    try { verifyClass(readClassFile(bytes), h); ok++; } catch (e) { bad++; console.log('classlib', name, String(e)); }
  }
  console.log('ok', ok, 'bad', bad, 'ms', performance.now() - t0);
  console.log('unknown', [...unknown].sort().join(' '));
});
