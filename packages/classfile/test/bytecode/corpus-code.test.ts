// Every Code attribute of the javac-compiled corpus: decoding then encoding gives the same bytes, and the
// max_stack/max_locals derived from the opcode table agree with javac's.
import { describe, expect, it } from 'vitest';
import {
  type CodeAttribute,
  computeMaxStack,
  decodeInstructions,
  encodeInstructions,
  localsUsedBy,
  parameterSlots,
  ACC_STATIC,
  readClassFile,
} from '@oakvm/classfile';
import { corpusFiles } from '../io/corpus-files.js';

interface CodeSample {
  where: string;
  code: CodeAttribute;
  minLocals: number;
  pool: ReturnType<typeof readClassFile>['constantPool'];
}

function samples(): CodeSample[] {
  return corpusFiles().flatMap(({ name, bytes }) => {
    const cf = readClassFile(bytes);
    return cf.methods.flatMap((m) => {
      const utf8 = (i: number): string => {
        const e = cf.constantPool[i];
        return e?.kind === 'Utf8' ? e.value : '?';
      };
      const descriptor = utf8(m.descriptorIndex);
      return m.attributes
        .filter((a): a is CodeAttribute => a.kind === 'Code')
        .map((code) => ({
          where: `${name} ${utf8(m.nameIndex)}${descriptor}`,
          code,
          minLocals: parameterSlots(descriptor, (m.accessFlags & ACC_STATIC) !== 0),
          pool: cf.constantPool,
        }));
    });
  });
}

describe('corpus Code attributes', () => {
  const all = samples();

  it('has a corpus to check', () => {
    expect(all.length).toBeGreaterThan(500);
  });

  it('re-encodes every decoded Code array to the same bytes', () => {
    for (const { where, code } of all) {
      expect(encodeInstructions(decodeInstructions(code.code)), where).toEqual(code.code);
    }
  });

  it('computes the max_stack javac wrote', () => {
    for (const { where, code, pool } of all) {
      const computed = computeMaxStack(decodeInstructions(code.code), code.exceptionTable, (i) => pool[i]);
      expect(computed, where).toBe(code.maxStack);
    }
  });

  it('finds locals within the max_locals javac wrote', () => {
    for (const { where, code, minLocals } of all) {
      expect(Math.max(minLocals, localsUsedBy(decodeInstructions(code.code))), where).toBeLessThanOrEqual(code.maxLocals);
    }
  });
});
