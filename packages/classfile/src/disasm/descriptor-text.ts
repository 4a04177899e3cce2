// Field and method descriptors as Java types, the way javap's Descriptor class prints them:
// "(ILjava/lang/String;)V" has parameter types "(int, java.lang.String)" and return type "void".
import { ClassFormatError } from '../errors.js';

const BASE: { readonly [c: string]: string } = {
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

interface Parsed {
  text: string;
  count: number;
}

function invalid(descriptor: string, at: number): ClassFormatError {
  return new ClassFormatError(`Descriptor: invalid descriptor "${descriptor}" at ${at}`);
}

function parse(descriptor: string, start: number, end: number): Parsed {
  let p = start;
  let text = '';
  let dims = 0;
  let count = 0;
  while (p < end) {
    const ch = descriptor[p++] as string;
    let type: string;
    if (ch === '(' || ch === ')') {
      text += ch;
      continue;
    } else if (ch === '[') {
      dims++;
      continue;
    } else if (ch === 'L') {
      const sep = descriptor.indexOf(';', p);
      if (sep < 0) throw invalid(descriptor, p - 1);
      type = descriptor.slice(p, sep).replaceAll('/', '.');
      p = sep + 1;
    } else {
      const base = BASE[ch];
      if (base === undefined) throw invalid(descriptor, p - 1);
      type = base;
    }
    if (text.length > 1 && text[0] === '(') text += ', ';
    text += type + '[]'.repeat(dims);
    dims = 0;
    count++;
  }
  return { text, count };
}

/** "Ljava/lang/String;" as "java.lang.String", "[[I" as "int[][]". */
export function descriptorFieldType(descriptor: string): string {
  return parse(descriptor, 0, descriptor.length).text;
}

/** The parameter list of a method descriptor with its parentheses: "(int, java.lang.String[])". */
export function descriptorParameterTypes(descriptor: string): string {
  const end = descriptor.indexOf(')');
  if (end < 0) throw invalid(descriptor, descriptor.length);
  return parse(descriptor, 0, end + 1).text;
}

/** The return type of a method descriptor: "void", "int[]". */
export function descriptorReturnType(descriptor: string): string {
  const end = descriptor.indexOf(')');
  if (end < 0) throw invalid(descriptor, descriptor.length);
  return parse(descriptor, end + 1, descriptor.length).text;
}

/** The number of parameters (not slots) of a method descriptor. */
export function descriptorParameterCount(descriptor: string): number {
  const end = descriptor.indexOf(')');
  if (end < 0) throw invalid(descriptor, descriptor.length);
  return parse(descriptor, 0, end + 1).count;
}
