// Oak's static types. Class and array types are named by JVM internal names ("java/lang/String") so that
// the checker, the code generator and class files loaded from the runtime image speak one vocabulary.

export type PrimitiveName = 'boolean' | 'byte' | 'short' | 'char' | 'int' | 'long' | 'float' | 'double';

export type Type =
  | { readonly kind: 'primitive'; readonly name: PrimitiveName }
  | { readonly kind: 'void' }
  | { readonly kind: 'class'; readonly name: string }
  | { readonly kind: 'array'; readonly element: Type }
  /** The type of the `null` literal: assignable to every reference type. */
  | { readonly kind: 'null' }
  /** Stands in after an error has been reported, so one mistake does not cascade into many. */
  | { readonly kind: 'error' };

const primitives: { readonly [N in PrimitiveName]: Type } = {
  boolean: { kind: 'primitive', name: 'boolean' },
  byte: { kind: 'primitive', name: 'byte' },
  short: { kind: 'primitive', name: 'short' },
  char: { kind: 'primitive', name: 'char' },
  int: { kind: 'primitive', name: 'int' },
  long: { kind: 'primitive', name: 'long' },
  float: { kind: 'primitive', name: 'float' },
  double: { kind: 'primitive', name: 'double' },
};

export const Types = {
  ...primitives,
  void: { kind: 'void' } as Type,
  null: { kind: 'null' } as Type,
  error: { kind: 'error' } as Type,
  object: { kind: 'class', name: 'java/lang/Object' } as Type,
  string: { kind: 'class', name: 'java/lang/String' } as Type,
  classType: (name: string): Type => ({ kind: 'class', name }),
  arrayOf: (element: Type): Type => ({ kind: 'array', element }),
};

const primitiveDescriptors: { readonly [N in PrimitiveName]: string } = {
  boolean: 'Z',
  byte: 'B',
  short: 'S',
  char: 'C',
  int: 'I',
  long: 'J',
  float: 'F',
  double: 'D',
};

/** The JVM field descriptor of a type (JVMS 4.3.2). */
/** Class descriptors by internal name: code generation asks for the same few at every field access. */
const classDescriptors = new Map<string, string>();

export function descriptorOf(type: Type): string {
  switch (type.kind) {
    case 'primitive':
      return primitiveDescriptors[type.name];
    case 'void':
      return 'V';
    case 'class': {
      let descriptor = classDescriptors.get(type.name);
      if (descriptor === undefined) {
        descriptor = `L${type.name};`;
        classDescriptors.set(type.name, descriptor);
      }
      return descriptor;
    }
    case 'array':
      return `[${descriptorOf(type.element)}`;
    case 'null':
    case 'error':
      throw new Error(`internal compiler error: no descriptor for the ${type.kind} type`);
  }
}

/** A JVM method descriptor, "(IJ)Ljava/lang/String;". */
export function methodDescriptorOf(params: readonly Type[], returnType: Type): string {
  return `(${params.map(descriptorOf).join('')})${descriptorOf(returnType)}`;
}

/** How a Java programmer writes the type: "int[]", "java.lang.String". */
export function typeToString(type: Type): string {
  switch (type.kind) {
    case 'primitive':
      return type.name;
    case 'void':
      return 'void';
    case 'class':
      return type.name.replace(/\//g, '.');
    case 'array':
      return `${typeToString(type.element)}[]`;
    case 'null':
      return '<null>';
    case 'error':
      return '<error>';
  }
}

export function sameType(a: Type, b: Type): boolean {
  if (a.kind !== b.kind) return false;
  switch (a.kind) {
    case 'primitive':
      return a.name === (b as typeof a).name;
    case 'class':
      return a.name === (b as typeof a).name;
    case 'array':
      return sameType(a.element, (b as typeof a).element);
    case 'void':
    case 'null':
    case 'error':
      return true;
  }
}

export function isPrimitive(type: Type, name?: PrimitiveName): boolean {
  return type.kind === 'primitive' && (name === undefined || type.name === name);
}

export function isNumeric(type: Type): boolean {
  return type.kind === 'primitive' && type.name !== 'boolean';
}

/** byte, short, char, int, long. */
export function isIntegral(type: Type): boolean {
  return type.kind === 'primitive' && type.name !== 'boolean' && type.name !== 'float' && type.name !== 'double';
}

export function isBoolean(type: Type): boolean {
  return type.kind === 'primitive' && type.name === 'boolean';
}

/** Class, interface, array and null types. */
export function isReference(type: Type): boolean {
  return type.kind === 'class' || type.kind === 'array' || type.kind === 'null';
}

export function isString(type: Type): boolean {
  return type.kind === 'class' && type.name === 'java/lang/String';
}

export function isErrorType(type: Type): boolean {
  return type.kind === 'error';
}

/** Unary numeric promotion (JLS 5.6.1): byte, short and char become int. */
export function unaryPromote(type: Type): Type {
  if (type.kind === 'primitive' && (type.name === 'byte' || type.name === 'short' || type.name === 'char')) {
    return Types.int;
  }
  return type;
}

/** Binary numeric promotion (JLS 5.6.2) of two numeric types. */
export function binaryPromote(a: Type, b: Type): Type {
  const r = Math.max(numericRankOf(a), numericRankOf(b), numericRank.int);
  return r === numericRank.double ? Types.double : r === numericRank.float ? Types.float : r === numericRank.long ? Types.long : Types.int;
}

function numericRankOf(t: Type): number {
  return t.kind === 'primitive' ? numericRank[t.name] : 0;
}

const numericRank: { readonly [N in PrimitiveName]: number } = {
  boolean: 0,
  byte: 1,
  short: 2,
  char: 2,
  int: 3,
  long: 4,
  float: 5,
  double: 6,
};

/** The type a JVM field descriptor denotes; undefined when the descriptor is malformed. */
export function typeFromDescriptor(descriptor: string): Type | undefined {
  const parsed = parseFieldType(descriptor, 0);
  return parsed !== undefined && parsed.next === descriptor.length ? parsed.type : undefined;
}

/** The parameter and return types a JVM method descriptor denotes; undefined when malformed. */
export function typesFromMethodDescriptor(descriptor: string): { params: Type[]; returnType: Type } | undefined {
  if (descriptor[0] !== '(') return undefined;
  const params: Type[] = [];
  let at = 1;
  while (at < descriptor.length && descriptor[at] !== ')') {
    const parsed = parseFieldType(descriptor, at);
    if (parsed === undefined) return undefined;
    params.push(parsed.type);
    at = parsed.next;
  }
  if (descriptor[at] !== ')') return undefined;
  at++;
  if (descriptor[at] === 'V' && at + 1 === descriptor.length) return { params, returnType: Types.void };
  const ret = parseFieldType(descriptor, at);
  if (ret === undefined || ret.next !== descriptor.length) return undefined;
  return { params, returnType: ret.type };
}

const primitiveByDescriptor: { readonly [d: string]: PrimitiveName } = {
  Z: 'boolean',
  B: 'byte',
  S: 'short',
  C: 'char',
  I: 'int',
  J: 'long',
  F: 'float',
  D: 'double',
};

function parseFieldType(descriptor: string, at: number): { type: Type; next: number } | undefined {
  const c = descriptor[at];
  if (c === undefined) return undefined;
  const prim = primitiveByDescriptor[c];
  if (prim !== undefined) return { type: Types[prim], next: at + 1 };
  if (c === 'L') {
    const end = descriptor.indexOf(';', at);
    if (end <= at + 1) return undefined;
    return { type: Types.classType(descriptor.slice(at + 1, end)), next: end + 1 };
  }
  if (c === '[') {
    const element = parseFieldType(descriptor, at + 1);
    return element === undefined ? undefined : { type: Types.arrayOf(element.type), next: element.next };
  }
  return undefined;
}
