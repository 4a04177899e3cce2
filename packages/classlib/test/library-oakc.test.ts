// The library compiled by oakc, as the real build does: no diagnostics, one class per source file, the
// natives and VM-facing members of the contract, nothing referenced outside itself, and an image that
// reads back. No JDK needed.
import { beforeAll, describe, expect, it } from 'vitest';
import { readRuntimeImage, writeRuntimeImage } from '@oakvm/classfile';
import { NATIVE_METHODS, VM_FIELDS, VM_METHODS, memberKey } from '@oakvm/classlib';
import * as compiler from '@oakvm/compiler';
import { librarySources } from '../scripts/build-image.mjs';
import { LibraryIndex } from './library-index.js';

describe('the class library compiled by oakc', () => {
  const sources = librarySources();
  let classes: Map<string, Uint8Array>;
  let index: LibraryIndex;

  beforeAll(() => {
    const result = compiler.compile(sources, {});
    const shown = result.diagnostics.slice(0, 20).map((d) => compiler.formatDiagnostic(d, sources.find((s) => s.path === d.file) ?? { path: d.file, text: '' }));
    expect(shown.join('\n')).toBe('');
    classes = result.classes;
    index = new LibraryIndex(classes);
  });

  it('makes exactly one class per source file, named after its path', () => {
    expect([...classes.keys()].sort()).toEqual(sources.map((s) => s.path.replace(/\.oak$/, '')).sort());
  });

  it('declares exactly the natives of the contract', () => {
    expect(index.nativeMethodKeys()).toEqual(NATIVE_METHODS.map(memberKey).sort());
  });

  it('has every field and method the VM uses, with the contract descriptors', () => {
    for (const f of VM_FIELDS) expect(index.classes.get(f.owner)?.fields.has(`${f.name}:${f.descriptor}`), memberKey(f)).toBe(true);
    for (const m of VM_METHODS) expect(index.classes.get(m.owner)?.methods.has(`${m.name} ${m.descriptor}`), memberKey(m)).toBe(true);
  });

  it('references nothing outside itself', () => {
    const missing = [...classes].flatMap(([name, bytes]) => index.unresolved(bytes).map((m) => `${name}: ${m}`));
    expect(missing).toEqual([]);
  });

  it('emits class version 49 for every class', () => {
    for (const [name, bytes] of classes) expect(bytes[7], name).toBe(49);
  });

  it('packs into an image that reads back byte for byte', () => {
    const back = readRuntimeImage(writeRuntimeImage(classes));
    expect(back.size).toBe(classes.size);
    for (const [name, bytes] of classes) expect(back.get(name), name).toEqual(bytes);
  });
});
