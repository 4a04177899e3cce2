// Preparation (JVMS 5.4.2) plus what the interpreter needs precomputed: instance field offsets, static
// storage, the vtable (with miranda entries for interface methods a class does not declare, as HotSpot
// builds it), the superclass display and the set of implemented interfaces.
import { FIRST_FIELD_WORD } from '../heap/layout.js';
import type { RtClass, RtMethod } from '../runtime/class-model.js';

export function linkClass(cls: RtClass): void {
  const sup = cls.superClass;
  cls.display = sup ? [...sup.display, cls] : [cls];
  cls.depth = cls.display.length - 1;
  const all = new Set<RtClass>(sup ? sup.allInterfaces : []);
  for (const i of cls.interfaces) {
    all.add(i);
    for (const j of i.allInterfaces) all.add(j);
  }
  cls.allInterfaces = all;
  layoutInstanceFields(cls);
  layoutStatics(cls);
  buildVtable(cls);
  cls.state = 'linked';
}

function isWide(descriptor: string): boolean {
  return descriptor === 'J' || descriptor === 'D';
}

function isReference(descriptor: string): boolean {
  return descriptor[0] === 'L' || descriptor[0] === '[';
}

function layoutInstanceFields(cls: RtClass): void {
  const sup = cls.superClass;
  let cursor = sup ? sup.fieldEnd : FIRST_FIELD_WORD;
  const refs = sup ? [...sup.refFieldOffsets] : [];
  const own = cls.fields.filter((f) => !f.isStatic);
  const wide = own.filter((f) => isWide(f.descriptor));
  const narrow = own.filter((f) => !isWide(f.descriptor));
  // 8-byte fields need an even word; a 4-byte field fills the gap before them when there is one.
  if (wide.length > 0 && cursor % 2 === 1) {
    const filler = narrow.shift();
    if (filler) {
      filler.offset = cursor;
      if (isReference(filler.descriptor)) refs.push(cursor);
    }
    cursor++;
  }
  for (const f of wide) {
    f.offset = cursor;
    cursor += 2;
  }
  for (const f of narrow) {
    f.offset = cursor;
    if (isReference(f.descriptor)) refs.push(cursor);
    cursor++;
  }
  cls.fieldEnd = cursor;
  cls.instanceWords = (cursor + 1) & ~1;
  cls.refFieldOffsets = refs;
}

function layoutStatics(cls: RtClass): void {
  let slot = 0;
  const refSlots: number[] = [];
  for (const f of cls.fields) {
    if (!f.isStatic) continue;
    f.offset = slot;
    if (isReference(f.descriptor)) refSlots.push(slot);
    slot += isWide(f.descriptor) ? 2 : 1;
  }
  cls.statics = new Float64Array(slot);
  cls.staticRefSlots = refSlots;
}

function isVirtual(m: RtMethod): boolean {
  return !m.isStatic && !m.isPrivate && m.name !== '<init>' && m.name !== '<clinit>';
}

function buildVtable(cls: RtClass): void {
  const sup = cls.superClass;
  const vtable: RtMethod[] = sup ? [...sup.vtable] : [];
  const index = new Map<string, number>(sup ? sup.vtableIndex : []);
  if (!cls.isInterface) {
    for (const m of cls.methods) {
      if (!isVirtual(m)) continue;
      const at = index.get(m.key);
      if (at === undefined) {
        m.vindex = vtable.length;
        index.set(m.key, vtable.length);
        vtable.push(m);
      } else {
        m.vindex = at;
        vtable[at] = m;
      }
    }
  }
  // Interface methods the class hierarchy does not implement: abstract ones become miranda entries (so
  // invokevirtual through an abstract class finds a slot), default ones are inherited.
  for (const iface of cls.isInterface ? [cls, ...cls.allInterfaces] : cls.allInterfaces) {
    for (const m of iface.methods) {
      if (m.isStatic || m.isPrivate || m.name === '<clinit>') continue;
      const at = index.get(m.key);
      if (at === undefined) {
        index.set(m.key, vtable.length);
        vtable.push(m);
      } else {
        const current = vtable[at]!;
        if (current.isAbstract && !m.isAbstract && current.cls.isInterface) vtable[at] = m;
      }
    }
  }
  cls.vtable = vtable;
  cls.vtableIndex = index;
}
