// Malformed code, listed as javap lists it (the expected lines are javap 17's output for the same bytes):
// javap's decoder is lenient, and only an instruction that runs past the end of the code stops it.
import { describe, expect, it } from 'vitest';
import { disassemble, readClassFile } from '@oakvm/classfile';
import { corpusFile } from '../io/corpus-files.js';

/** `javap -c` of Hello.class with every method's code replaced by `code`: the lines of main's listing. */
function mainListing(code: number[]): string {
  const cf = readClassFile(corpusFile('release17/Hello.class'));
  const methods = cf.methods.map((m) => ({
    ...m,
    attributes: m.attributes.map((a) => (a.kind === 'Code' ? { ...a, code: Uint8Array.from(code) } : a)),
  }));
  const text = disassemble({ ...cf, methods }, { code: true });
  return text.slice(text.indexOf('  public static void main'));
}

const MAIN = '  public static void main(java.lang.String[]);\n    Code:\n';

describe('malformed code', () => {
  it('shows undefined and reserved opcodes as "bytecode N"', () => {
    expect(mainListing([0x2a, 0x59, 0xcb, 0xb1])).toBe(`${MAIN}       0: aload_0\n       1: dup\n       2: bytecode 203\n       3: return\n}\n`);
    expect(mainListing([0x2a, 0xca, 0xfe, 0xb1])).toBe(`${MAIN}       0: aload_0\n       1: bytecode 202\n       2: bytecode 254\n       3: return\n}\n`);
  });

  it('shows wide before an instruction it cannot modify as a one-byte unknown instruction', () => {
    expect(mainListing([0xc4, 0x10, 0x00, 0xb1])).toBe(`${MAIN}       0: bytecode 196\n       1: bipush        0\n       3: return\n}\n`);
  });

  it('shows a branch outside the code as is', () => {
    expect(mainListing([0x2a, 0xa7, 0x10, 0x00, 0xb1])).toBe(`${MAIN}       0: aload_0\n       1: goto          4097\n       4: return\n}\n`);
  });

  it('stops at an instruction that runs past the end, with javap error line', () => {
    expect(mainListing([0x2a, 0xb6, 0x00])).toBe(`${MAIN}       0: aload_0\nError: error at or after byte 1\n       1: invokevirtual ???\n}\n`);
  });

  it('stops at a switch whose table cannot fit (javap itself fails on one)', () => {
    const listing = mainListing([0xaa, 0, 0, 0, 0, 0, 0, 0, 0x7f, 0xff, 0xff, 0xff, 0, 0, 0, 0]);
    expect(listing).toBe(`${MAIN}Error: error at or after byte 0\n       0: tableswitch   ???\n}\n`);
  });
});
