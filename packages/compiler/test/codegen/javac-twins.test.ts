// Our instructions against javac's, for every runnable corpus program: test/javac-classes holds what
// `javac --release 8` made of each (committed, so no JDK is needed here). Both are disassembled by oakp
// and compared method by method, constant-pool indexes aside.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { disassemble, readClassFile } from '@oakvm/classfile';
import { describe, expect, it } from 'vitest';
import { listPrograms } from '../../../../test/support/corpus.js';
import { compile } from '../../src/compile.js';
import { jdkClassPath } from './support.js';

/**
 * Where javac's output differs on purpose. The twins are compiled without -g, and javac then drops the
 * store of a local constant variable (`final int k = 100;`) that, with -g as oakc behaves, it keeps.
 * javac also leaves out the checkcast after an array's clone() when the result is only compared.
 */
const KNOWN_DIFFERENCES = new Map([
  ['constants-folding/ConstantConditions', 'local constant stored (javac -g does too)'],
  ['constants-folding/FoldedStrings', 'local constant stored (javac -g does too)'],
  ['conversions/CharConversions', 'local constant stored (javac -g does too)'],
  ['stdlib-arrays/ArraysUtilities', 'checkcast after clone() in a comparison'],
  ['stdlib-arrays/ArraysOfObjects', 'needs the class library (generic Arrays.copyOf in the JDK)'],
]);

function text(bytes: Uint8Array): string {
  return disassemble(readClassFile(bytes), { code: true, access: 'private' })
    .split('\n')
    .slice(1)
    .join('\n')
    .replace(/#\d+/g, '#')
    .replace(/ +/g, ' ');
}

const programs = listPrograms({ kind: 'run' }).filter((p) => p.javacClassesDir !== null && existsSync(p.javacClassesDir));

describe('oakc and javac emit the same instructions for the corpus', () => {
  it.each(programs.filter((p) => !KNOWN_DIFFERENCES.has(`${p.feature}/${p.name}`)).map((p) => [p.relativePath, p] as const))('%s', (_, p) => {
    const result = compile([{ path: `${p.name}.oak`, text: p.source }], { classPath: jdkClassPath });
    expect(result.diagnostics).toEqual([]);
    for (const [name, bytes] of result.classes) {
      const twin = join(p.javacClassesDir as string, `${name}.class`);
      expect(existsSync(twin), `${name}.class from javac`).toBe(true);
      expect(text(bytes), name).toBe(text(readFileSync(twin)));
    }
  });
});
