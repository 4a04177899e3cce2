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
export function descriptorOf(type: Type): string {
  switch (type.kind) {
    case 'primitive':
      return primitiveDescriptors[type.name];
    case 'void':
      return 'V';
    case 'class':
      return `L${type.name};`;
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
