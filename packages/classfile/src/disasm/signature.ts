// Generic signatures (JVMS 4.7.9.1) parsed into the type tree javap uses (com.sun.tools.classfile.Type),
// and the two ways javap prints it: `typeToString` (Type.toString, used for fields, parameters and return
// types) and `JavaTypePrinter` (used for class headers and type parameters, which hides `extends Object`
// unless -v is given).
import { ClassFormatError } from '../errors.js';
import { javaName } from './java-text.js';

export type SigType =
  /** A primitive type ("int"), void, or a type variable ("T"). */
  | { kind: 'simple'; name: string }
  | { kind: 'array'; element: SigType }
  | { kind: 'class'; outer: SigType | undefined; name: string; typeArgs: SigType[] }
  | { kind: 'wildcard'; bound: { kind: 'extends' | 'super'; type: SigType } | undefined }
  | { kind: 'typeParam'; name: string; classBound: SigType | undefined; interfaceBounds: SigType[] }
  | { kind: 'method'; typeParams: SigType[]; params: SigType[]; returnType: SigType; throws: SigType[] }
  | { kind: 'classSig'; typeParams: SigType[]; superclass: SigType; superinterfaces: SigType[] };

const PRIMITIVES: { readonly [c: string]: string } = {
  B: 'byte',
  C: 'char',
  D: 'double',
  F: 'float',
  I: 'int',
  J: 'long',
  S: 'short',
  V: 'void',
  Z: 'boolean',
};

/**
 * Deeper nesting than any real signature has; the cap keeps a crafted one ("[[[[..." 65535 long) from
 * exhausting the JavaScript stack in the recursive parser and printers.
 */
const MAX_NESTING = 256;

class SignatureParser {
  private pos = 0;
  private depth = 0;

  constructor(private readonly sig: string) {}

  parse(): SigType {
    let typeParams: SigType[] | undefined;
    if (this.peek() === '<') typeParams = this.typeParams();
    if (this.peek() === '(') {
      const params = this.typeList(')');
      const returnType = this.type();
      const throws: SigType[] = [];
      while (this.pos < this.sig.length && this.peek() === '^') {
        this.pos++;
        throws.push(this.type());
      }
      return this.done({ kind: 'method', typeParams: typeParams ?? [], params, returnType, throws });
    }
    const first = this.type();
    // As javap: a class signature with no type parameters and only a superclass reads as a field type.
    if (typeParams === undefined && this.pos === this.sig.length) return first;
    const superinterfaces: SigType[] = [];
    while (this.pos < this.sig.length) superinterfaces.push(this.type());
    return { kind: 'classSig', typeParams: typeParams ?? [], superclass: first, superinterfaces };
  }

  private done(t: SigType): SigType {
    if (this.pos !== this.sig.length) throw this.error('trailing characters');
    return t;
  }

  private peek(): string {
    const c = this.sig[this.pos];
    if (c === undefined) throw this.error('unexpected end');
    return c;
  }

  private error(why: string): ClassFormatError {
    return new ClassFormatError(`invalid signature "${this.sig}": ${why} at ${this.pos}`);
  }

  private typeParams(): SigType[] {
    this.pos++;
    const params: SigType[] = [];
    while (this.peek() !== '>') {
      const colon = this.sig.indexOf(':', this.pos);
      if (colon < 0) throw this.error('type parameter without a bound');
      const name = this.sig.slice(this.pos, colon);
      this.pos = colon + 1;
      const classBound = this.peek() === ':' ? undefined : this.type();
      const interfaceBounds: SigType[] = [];
      while (this.peek() === ':') {
        this.pos++;
        interfaceBounds.push(this.type());
      }
      params.push({ kind: 'typeParam', name, classBound, interfaceBounds });
    }
    this.pos++;
    return params;
  }

  private typeList(end: string): SigType[] {
    this.pos++;
    const types: SigType[] = [];
    while (this.peek() !== end) types.push(this.type());
    this.pos++;
    return types;
  }

  type(): SigType {
    if (++this.depth > MAX_NESTING) throw this.error(`types nested more than ${MAX_NESTING} deep`);
    try {
      return this.typeAt();
    } finally {
      this.depth--;
    }
  }

  private typeAt(): SigType {
    const c = this.peek();
    const primitive = PRIMITIVES[c];
    if (primitive !== undefined) {
      this.pos++;
      return { kind: 'simple', name: primitive };
    }
    switch (c) {
      case 'L':
        this.pos++;
        return this.classType();
      case 'T': {
        const end = this.sig.indexOf(';', this.pos);
        if (end < 0) throw this.error("type variable without ';'");
        const name = this.sig.slice(this.pos + 1, end);
        this.pos = end + 1;
        return { kind: 'simple', name };
      }
      case '[':
        this.pos++;
        return { kind: 'array', element: this.type() };
      case '*':
        this.pos++;
        return { kind: 'wildcard', bound: undefined };
      case '+':
        this.pos++;
        return { kind: 'wildcard', bound: { kind: 'extends', type: this.type() } };
      case '-':
        this.pos++;
        return { kind: 'wildcard', bound: { kind: 'super', type: this.type() } };
      default:
        throw this.error(`unexpected '${c}'`);
    }
  }

  private classType(): SigType {
    let name = '';
    let typeArgs: SigType[] = [];
    let outer: SigType | undefined;
    for (;;) {
      const c = this.peek();
      if (c === '<') {
        typeArgs = this.typeList('>');
      } else if (c === '.' || c === ';') {
        this.pos++;
        outer = { kind: 'class', outer, name, typeArgs };
        name = '';
        typeArgs = [];
        if (c === ';') return outer;
      } else {
        this.pos++;
        name += c;
      }
    }
  }
}

/** Parses a Signature attribute's value. Throws ClassFormatError when it is malformed. */
export function parseSignature(signature: string): SigType {
  if (signature.length === 0) throw new ClassFormatError('invalid signature "": empty');
  return new SignatureParser(signature).parse();
}

function isObject(t: SigType): boolean {
  return t.kind === 'class' && t.name === 'java/lang/Object' && t.typeArgs.length === 0;
}

/** Type.toString: internal names keep their '/' (callers apply javaName to the whole text). */
export function typeToString(t: SigType): string {
  switch (t.kind) {
    case 'simple':
      return t.name;
    case 'array':
      return `${typeToString(t.element)}[]`;
    case 'class':
      return `${t.outer === undefined ? '' : `${typeToString(t.outer)}.`}${t.name}${listIfAny('<', t.typeArgs, '>', typeToString)}`;
    case 'wildcard':
      return t.bound === undefined ? '?' : `? ${t.bound.kind} ${typeToString(t.bound.type)}`;
    case 'typeParam': {
      let s = t.name;
      let sep = ' extends ';
      if (t.classBound !== undefined) {
        s += sep + typeToString(t.classBound);
        sep = ' & ';
      }
      for (const b of t.interfaceBounds) {
        s += sep + typeToString(b);
        sep = ' & ';
      }
      return s;
    }
    case 'method':
      return `${listIfAny('<', t.typeParams, '> ', typeToString)}${typeToString(t.returnType)} (${t.params.map(typeToString).join(', ')})${listIfAny(' throws ', t.throws, '', typeToString)}`;
    case 'classSig':
      return `${listIfAny('<', t.typeParams, '>', typeToString)} extends ${typeToString(t.superclass)}${listIfAny(' implements ', t.superinterfaces, '', typeToString)}`;
  }
}

function listIfAny(prefix: string, list: readonly SigType[], suffix: string, show: (t: SigType) => string): string {
  return list.length === 0 ? '' : `${prefix}${list.map(show).join(', ')}${suffix}`;
}

/** javap's ClassWriter.JavaTypePrinter: Java names, and `extends java.lang.Object` only when verbose. */
export class JavaTypePrinter {
  constructor(
    private readonly isInterface: boolean,
    private readonly verbose: boolean,
  ) {}

  /** The type parameters of a method, as printed before its return type ("<T> "), or "". */
  typeParams(params: readonly SigType[]): string {
    return listIfAny('<', params, '> ', (p) => this.print(p));
  }

  print(t: SigType): string {
    switch (t.kind) {
      case 'simple':
        return javaName(t.name);
      case 'array':
        return `${this.print(t.element)}[]`;
      case 'class':
        return `${t.outer === undefined ? '' : `${this.print(t.outer)}.`}${javaName(t.name)}${listIfAny('<', t.typeArgs, '>', (a) => this.print(a))}`;
      case 'wildcard':
        return t.bound === undefined ? '?' : `? ${t.bound.kind} ${this.print(t.bound.type)}`;
      case 'typeParam': {
        let s = t.name;
        let sep = ' extends ';
        if (t.classBound !== undefined && (this.verbose || !isObject(t.classBound))) {
          s += sep + this.print(t.classBound);
          sep = ' & ';
        }
        for (const b of t.interfaceBounds) {
          s += sep + this.print(b);
          sep = ' & ';
        }
        return s;
      }
      case 'method':
        return `${listIfAny('<', t.typeParams, '> ', (p) => this.print(p))}${this.print(t.returnType)} (${t.params.map((p) => this.print(p)).join(', ')})${listIfAny(' throws ', t.throws, '', (p) => this.print(p))}`;
      case 'classSig': {
        let s = listIfAny('<', t.typeParams, '>', (p) => this.print(p));
        if (this.isInterface) {
          s += listIfAny(' extends ', t.superinterfaces, '', (p) => this.print(p));
        } else {
          if (this.verbose || !isObject(t.superclass)) s += ` extends ${this.print(t.superclass)}`;
          s += listIfAny(' implements ', t.superinterfaces, '', (p) => this.print(p));
        }
        return s;
      }
    }
  }

  /** Whether a class signature that parsed as a plain type would be printed (javap omits Object unless -v). */
  showsPlainSuperclass(t: SigType): boolean {
    return this.verbose || !isObject(t);
  }
}
