// Random and mutated Code arrays: the decoder either decodes them or throws ClassFormatError, never
// another exception; what it decodes re-encodes to the same instructions.
import { describe, expect, it } from 'vitest';
import { ClassFormatError, type CodeAttribute, decodeInstructions, encodeInstructions, readClassFile } from '@oakvm/classfile';
import { corpusFiles } from '../io/corpus-files.js';
import { mulberry32 as random } from '../../../../test/support/seeded-random.mjs';

function decodeOrFormatError(code: Uint8Array, label: string): void {
  let decoded;
  try {
    decoded = decodeInstructions(code);
  } catch (e) {
    expect(e, label).toBeInstanceOf(ClassFormatError);
    return;
  }
  const reencoded = decodeInstructions(encodeInstructions(decoded));
  expect(reencoded, label).toEqual(decoded);
}

describe('decoder fuzz', () => {
  it('survives random byte strings', () => {
    const next = random(1);
    for (let n = 0; n < 3000; n++) {
      const code = new Uint8Array(1 + Math.floor(next() * 48)).map(() => Math.floor(next() * 256));
      decodeOrFormatError(code, `case ${n}: ${Array.from(code).join(',')}`);
    }
  });

  it('survives bit flips and byte changes in corpus code', () => {
    const codes = corpusFiles()
      .slice(0, 60)
      .flatMap(({ bytes }) => readClassFile(bytes).methods.flatMap((m) => m.attributes.filter((a): a is CodeAttribute => a.kind === 'Code')))
      .map((a) => a.code);
    const next = random(2);
    for (let n = 0; n < 3000; n++) {
      const code = (codes[n % codes.length] as Uint8Array).slice();
      const at = Math.floor(next() * code.length);
      if (next() < 0.5) code[at] = (code[at] as number) ^ (1 << Math.floor(next() * 8));
      else code[at] = Math.floor(next() * 256);
      decodeOrFormatError(code, `mutation ${n}`);
    }
  });
});
