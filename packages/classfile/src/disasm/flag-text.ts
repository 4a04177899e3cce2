// Access flags as javap prints them: the modifiers of a declaration ("public static final") and the
// flag names of `-v` ("ACC_PUBLIC, ACC_SUPER"). The lists and their order are javap's
// (com.sun.tools.classfile.AccessFlags), since the same bit means different things for each kind.
import {
  ACC_ABSTRACT,
  ACC_ANNOTATION,
  ACC_BRIDGE,
  ACC_ENUM,
  ACC_FINAL,
  ACC_INTERFACE,
  ACC_MODULE,
  ACC_NATIVE,
  ACC_PRIVATE,
  ACC_PROTECTED,
  ACC_PUBLIC,
  ACC_STATIC,
  ACC_STRICT,
  ACC_SUPER,
  ACC_SYNCHRONIZED,
  ACC_SYNTHETIC,
  ACC_TRANSIENT,
  ACC_VARARGS,
  ACC_VOLATILE,
} from '../access-flags.js';
import { assertNever } from '../io/assert-never.js';

export type FlagOwner = 'class' | 'innerClass' | 'field' | 'method';

const MODIFIER_BITS: { readonly [K in FlagOwner]: readonly number[] } = {
  class: [ACC_PUBLIC, ACC_FINAL, ACC_ABSTRACT],
  innerClass: [ACC_PUBLIC, ACC_PRIVATE, ACC_PROTECTED, ACC_STATIC, ACC_FINAL, ACC_ABSTRACT],
  field: [ACC_PUBLIC, ACC_PRIVATE, ACC_PROTECTED, ACC_STATIC, ACC_FINAL, ACC_VOLATILE, ACC_TRANSIENT],
  method: [ACC_PUBLIC, ACC_PRIVATE, ACC_PROTECTED, ACC_STATIC, ACC_FINAL, ACC_SYNCHRONIZED, ACC_NATIVE, ACC_ABSTRACT, ACC_STRICT],
};

const FLAG_BITS: { readonly [K in Exclude<FlagOwner, 'innerClass'>]: readonly number[] } = {
  class: [ACC_PUBLIC, ACC_FINAL, ACC_SUPER, ACC_INTERFACE, ACC_ABSTRACT, ACC_SYNTHETIC, ACC_ANNOTATION, ACC_ENUM, ACC_MODULE],
  field: [ACC_PUBLIC, ACC_PRIVATE, ACC_PROTECTED, ACC_STATIC, ACC_FINAL, ACC_VOLATILE, ACC_TRANSIENT, ACC_SYNTHETIC, ACC_ENUM],
  method: [
    ACC_PUBLIC,
    ACC_PRIVATE,
    ACC_PROTECTED,
    ACC_STATIC,
    ACC_FINAL,
    ACC_SYNCHRONIZED,
    ACC_BRIDGE,
    ACC_VARARGS,
    ACC_NATIVE,
    ACC_ABSTRACT,
    ACC_STRICT,
    ACC_SYNTHETIC,
  ],
};

function modifierName(bit: number, owner: FlagOwner): string {
  switch (bit) {
    case ACC_PUBLIC:
      return 'public';
    case ACC_PRIVATE:
      return 'private';
    case ACC_PROTECTED:
      return 'protected';
    case ACC_STATIC:
      return 'static';
    case ACC_FINAL:
      return 'final';
    case ACC_SYNCHRONIZED:
      return 'synchronized';
    case ACC_VOLATILE:
      return 'volatile';
    case ACC_TRANSIENT:
      return 'transient';
    case ACC_NATIVE:
      return 'native';
    case ACC_ABSTRACT:
      return 'abstract';
    case ACC_STRICT:
      return 'strictfp';
    default:
      return `0x${bit.toString(16)}`;
  }
}

function flagName(bit: number, owner: Exclude<FlagOwner, 'innerClass'>): string {
  switch (bit) {
    case ACC_PUBLIC:
      return 'ACC_PUBLIC';
    case ACC_PRIVATE:
      return 'ACC_PRIVATE';
    case ACC_PROTECTED:
      return 'ACC_PROTECTED';
    case ACC_STATIC:
      return 'ACC_STATIC';
    case ACC_FINAL:
      return 'ACC_FINAL';
    case ACC_SUPER:
      return owner === 'class' ? 'ACC_SUPER' : 'ACC_SYNCHRONIZED';
    case ACC_VOLATILE:
      return owner === 'field' ? 'ACC_VOLATILE' : 'ACC_BRIDGE';
    case ACC_TRANSIENT:
      return owner === 'field' ? 'ACC_TRANSIENT' : 'ACC_VARARGS';
    case ACC_NATIVE:
      return 'ACC_NATIVE';
    case ACC_INTERFACE:
      return 'ACC_INTERFACE';
    case ACC_ABSTRACT:
      return 'ACC_ABSTRACT';
    case ACC_STRICT:
      return 'ACC_STRICT';
    case ACC_SYNTHETIC:
      return 'ACC_SYNTHETIC';
    case ACC_ANNOTATION:
      return 'ACC_ANNOTATION';
    case ACC_ENUM:
      return 'ACC_ENUM';
    case ACC_MODULE:
      return owner === 'class' ? 'ACC_MODULE' : 'ACC_MANDATED';
    default:
      return `0x${bit.toString(16)}`;
  }
}

/** The Java modifiers of a declaration, in javap's order. An interface is not shown as abstract. */
export function modifiers(flags: number, owner: FlagOwner): string[] {
  let f = flags;
  switch (owner) {
    case 'class':
    case 'innerClass':
      if ((f & ACC_INTERFACE) !== 0) f &= ~ACC_ABSTRACT;
      break;
    case 'field':
    case 'method':
      break;
    default:
      assertNever(owner);
  }
  return MODIFIER_BITS[owner].filter((bit) => (f & bit) !== 0).map((bit) => modifierName(bit, owner));
}

/** The flag names of `-v`; bits javap has no name for are shown in hex, highest first. */
export function flagNames(flags: number, owner: Exclude<FlagOwner, 'innerClass'>): string[] {
  const names: string[] = [];
  let rest = flags;
  for (const bit of FLAG_BITS[owner]) {
    if ((rest & bit) !== 0) {
      names.push(flagName(bit, owner));
      rest &= ~bit;
    }
  }
  while (rest !== 0) {
    const bit = 1 << (31 - Math.clz32(rest));
    names.push(`0x${(bit >>> 0).toString(16)}`);
    rest &= ~bit;
  }
  return names;
}

/** The `flags: (0x0021) ACC_PUBLIC, ACC_SUPER` line's text. */
export function flagsLine(flags: number, owner: Exclude<FlagOwner, 'innerClass'>): string {
  return `flags: (0x${flags.toString(16).padStart(4, '0')}) ${flagNames(flags, owner).join(', ')}`;
}
