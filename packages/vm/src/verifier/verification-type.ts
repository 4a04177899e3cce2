// The type lattice of the type-inferring verifier (JVMS 4.10.2.2). A long or double takes two slots, in
// locals and on the stack: the value's type in the first and its `_hi` half in the second, so a slot-wise
// view (what the garbage collector reads) needs no extra bookkeeping. Reference types are named by class
// internal name ("java/lang/String") or array descriptor ("[I", "[Ljava/lang/String;"). Types are interned
// per method (see TypePool), so equal types are the same object and compare with ===.

export const Tag = {
  /** Unusable: never written, or the merge of incompatible types, or half of a broken long/double. */
  Top: 0,
  Int: 1,
  Float: 2,
  Long: 3,
  LongHi: 4,
  Double: 5,
  DoubleHi: 6,
  Null: 7,
  /** An initialized object or array of class `name`. */
  Ref: 8,
  /** The result of the `new` at `offset` before its constructor has run. */
  Uninit: 9,
  /** `this` in a constructor before the superclass (or another own) constructor has run. */
  UninitThis: 10,
} as const;

export type Tag = (typeof Tag)[keyof typeof Tag];

export interface VType {
  readonly tag: Tag;
  /** Ref: class internal name or array descriptor. Uninit: the class `new` names. Otherwise "". */
  readonly name: string;
  /** Uninit: offset of the `new` instruction. Otherwise -1. */
  readonly offset: number;
}

function make(tag: Tag, name = '', offset = -1): VType {
  return Object.freeze({ tag, name, offset });
}

export const TOP = make(Tag.Top);
export const INT = make(Tag.Int);
export const FLOAT = make(Tag.Float);
export const LONG = make(Tag.Long);
export const LONG_HI = make(Tag.LongHi);
export const DOUBLE = make(Tag.Double);
export const DOUBLE_HI = make(Tag.DoubleHi);
export const NULL = make(Tag.Null);
export const UNINIT_THIS = make(Tag.UninitThis);

/** Whether a slot of this type holds a heap reference (null included: the collector skips 0). */
export function isReference(t: VType): boolean {
  return t.tag === Tag.Ref || t.tag === Tag.Null || t.tag === Tag.Uninit || t.tag === Tag.UninitThis;
}

/** An initialized reference or null: what 'object/array' operands accept. */
export function isInitializedReference(t: VType): boolean {
  return t.tag === Tag.Ref || t.tag === Tag.Null;
}

export function isArray(t: VType): boolean {
  return t.tag === Tag.Ref && t.name.charCodeAt(0) === 0x5b;
}

/** Interns reference and uninitialized types, so that equal types are identical. */
export class TypePool {
  private readonly refs = new Map<string, VType>();
  /** Keyed by offset and class: a class's methods share one pool, and each method has its own `new`s. */
  private readonly uninits = new Map<string, VType>();

  ref(name: string): VType {
    let t = this.refs.get(name);
    if (t === undefined) {
      t = make(Tag.Ref, name);
      this.refs.set(name, t);
    }
    return t;
  }

  uninit(offset: number, className: string): VType {
    const key = `${offset} ${className}`;
    let t = this.uninits.get(key);
    if (t === undefined) {
      t = make(Tag.Uninit, className, offset);
      this.uninits.set(key, t);
    }
    return t;
  }

  /** The type a value of this field descriptor has in a slot (boolean..short are int); `[1]` is its second slot. */
  fromDescriptor(descriptor: string): readonly [VType] | readonly [VType, VType] {
    switch (descriptor.charCodeAt(0)) {
      case 0x5a: // Z
      case 0x42: // B
      case 0x43: // C
      case 0x53: // S
      case 0x49: // I
        return INT_1;
      case 0x46: // F
        return FLOAT_1;
      case 0x4a: // J
        return LONG_2;
      case 0x44: // D
        return DOUBLE_2;
      case 0x4c: // L
        return [this.ref(descriptor.slice(1, -1))];
      default:
        return [this.ref(descriptor)];
    }
  }

  /** The element type of an array type ("[I" gives int, "[[I" gives "[I"). */
  elementOf(arrayName: string): readonly [VType] | readonly [VType, VType] {
    return this.fromDescriptor(arrayName.slice(1));
  }

  /** The array type whose elements are of class or array type `name` (anewarray's result). */
  arrayOf(name: string): VType {
    return this.ref(name.charCodeAt(0) === 0x5b ? `[${name}` : `[L${name};`);
  }
}

const INT_1 = [INT] as const;
const FLOAT_1 = [FLOAT] as const;
const LONG_2 = [LONG, LONG_HI] as const;
const DOUBLE_2 = [DOUBLE, DOUBLE_HI] as const;

/** A readable name for a type, for debugging output and test failure messages. */
export function typeName(t: VType): string {
  switch (t.tag) {
    case Tag.Top:
      return 'top';
    case Tag.Int:
      return 'int';
    case Tag.Float:
      return 'float';
    case Tag.Long:
      return 'long';
    case Tag.LongHi:
      return 'long_2';
    case Tag.Double:
      return 'double';
    case Tag.DoubleHi:
      return 'double_2';
    case Tag.Null:
      return 'null';
    case Tag.Ref:
      return t.name;
    case Tag.Uninit:
      return `uninitialized(${t.offset})`;
    case Tag.UninitThis:
      return 'uninitializedThis';
  }
}
