// Field and method descriptors (JVMS 4.3): parsing with validation, and the slot sizes the code builder,
// the verifier and the interpreter need for stack effects and max_locals.
import { ClassFormatError } from '../errors.js';

export type BaseTypeChar = 'B' | 'C' | 'D' | 'F' | 'I' | 'J' | 'S' | 'Z';

export type FieldType =
  | { readonly kind: 'base'; readonly char: BaseTypeChar }
  /** `className` is the internal name, "java/lang/String". */
  | { readonly kind: 'object'; readonly className: string }
  | { readonly kind: 'array'; readonly element: FieldType };

export type ReturnType = FieldType | { readonly kind: 'void' };

export interface MethodDescriptor {
  readonly parameters: readonly FieldType[];
  readonly returnType: ReturnType;
  /** Slots the arguments occupy, without the receiver. */
  readonly argumentSlots: number;
  /** Slots the result occupies on the operand stack: 0 for void, 2 for long and double. */
  readonly returnSlots: number;
}

/** JVMS 4.3.2: an array type may have at most 255 dimensions. */
const MAX_ARRAY_DIMENSIONS = 255;
/** JVMS 4.3.3: parameters may take at most 255 slots (the receiver counts for instance methods). */
const MAX_PARAMETER_SLOTS = 255;

const BASE_CHARS: ReadonlySet<string> = new Set(['B', 'C', 'D', 'F', 'I', 'J', 'S', 'Z']);

function invalid(what: string, descriptor: string, why: string): ClassFormatError {
  return new ClassFormatError(`invalid ${what} descriptor "${descriptor}": ${why}`);
}

/** Reads one field type of `text` starting at `start`; returns it and the index after it. */
function readFieldType(text: string, start: number, what: string): [FieldType, number] {
  let pos = start;
  let dimensions = 0;
  while (text[pos] === '[') {
    dimensions++;
    pos++;
  }
  if (dimensions > MAX_ARRAY_DIMENSIONS) {
    throw invalid(what, text, `more than ${MAX_ARRAY_DIMENSIONS} array dimensions`);
  }
  const c = text[pos];
  let type: FieldType;
  if (c === undefined) {
    throw invalid(what, text, 'unexpected end');
  } else if (BASE_CHARS.has(c)) {
    type = { kind: 'base', char: c as BaseTypeChar };
    pos++;
  } else if (c === 'L') {
    const end = text.indexOf(';', pos + 1);
    if (end < 0) throw invalid(what, text, `class name at ${pos} has no terminating ';'`);
    const className = text.slice(pos + 1, end);
    checkClassName(className, what, text);
    type = { kind: 'object', className };
    pos = end + 1;
  } else {
    throw invalid(what, text, `unexpected '${c}' at ${pos}`);
  }
  for (let i = 0; i < dimensions; i++) type = { kind: 'array', element: type };
  return [type, pos];
}

/** JVMS 4.2.1: a binary name in internal form is '/'-separated non-empty unqualified names (4.2.2). */
function checkClassName(name: string, what: string, whole: string): void {
  if (name.length === 0) throw invalid(what, whole, 'empty class name');
  for (const segment of name.split('/')) {
    if (segment.length === 0) throw invalid(what, whole, `class name "${name}" has an empty segment`);
    if (/[.;[]/.test(segment)) throw invalid(what, whole, `class name "${name}" contains '.', ';' or '['`);
  }
}

/** Parses a field descriptor such as "I", "[[J" or "Ljava/lang/String;". Throws ClassFormatError. */
export function parseFieldDescriptor(descriptor: string): FieldType {
  const [type, end] = readFieldType(descriptor, 0, 'field');
  if (end !== descriptor.length) throw invalid('field', descriptor, `trailing characters at ${end}`);
  return type;
}

const methodCache = new Map<string, MethodDescriptor>();

/**
 * Parses a method descriptor such as "(IJ[Ljava/lang/String;)V". Throws ClassFormatError. Results are
 * cached, since the same descriptors are asked about at every call site.
 */
export function parseMethodDescriptor(descriptor: string): MethodDescriptor {
  const cached = methodCache.get(descriptor);
  if (cached !== undefined) return cached;
  if (descriptor[0] !== '(') throw invalid('method', descriptor, "does not start with '('");
  const parameters: FieldType[] = [];
  let argumentSlots = 0;
  let pos = 1;
  while (descriptor[pos] !== ')') {
    if (pos >= descriptor.length) throw invalid('method', descriptor, "no ')'");
    const [type, next] = readFieldType(descriptor, pos, 'method');
    parameters.push(type);
    argumentSlots += slotSize(type);
    pos = next;
  }
  if (argumentSlots > MAX_PARAMETER_SLOTS) {
    throw invalid('method', descriptor, `parameters take ${argumentSlots} slots, more than ${MAX_PARAMETER_SLOTS}`);
  }
  pos++;
  let returnType: ReturnType;
  if (descriptor[pos] === 'V') {
    returnType = { kind: 'void' };
    pos++;
  } else {
    [returnType, pos] = readFieldType(descriptor, pos, 'method');
  }
  if (pos !== descriptor.length) throw invalid('method', descriptor, `trailing characters at ${pos}`);
  const parsed: MethodDescriptor = Object.freeze({
    parameters: Object.freeze(parameters),
    returnType,
    argumentSlots,
    returnSlots: slotSize(returnType),
  });
  methodCache.set(descriptor, parsed);
  return parsed;
}

/** Local-variable and operand-stack slots a value of this type takes: 2 for long and double, 0 for void. */
export function slotSize(type: ReturnType): 0 | 1 | 2 {
  if (type.kind === 'void') return 0;
  if (type.kind === 'base' && (type.char === 'J' || type.char === 'D')) return 2;
  return 1;
}

/** Field descriptors already checked by fieldDescriptorSlots: a code builder asks about the same few at every field access and local. */
const validFieldDescriptors = new Set<string>();

/** Slots of a value of the field descriptor's type, without building the parsed form. Throws ClassFormatError. */
export function fieldDescriptorSlots(descriptor: string): 1 | 2 {
  if (descriptor === 'J' || descriptor === 'D') return 2;
  if (!validFieldDescriptors.has(descriptor)) {
    parseFieldDescriptor(descriptor);
    validFieldDescriptors.add(descriptor);
  }
  return 1;
}

/**
 * Local-variable slots the parameters of a method take on entry, counting the receiver of an instance
 * method: the least max_locals the method's Code can have.
 */
export function parameterSlots(descriptor: string, isStatic: boolean): number {
  return parseMethodDescriptor(descriptor).argumentSlots + (isStatic ? 0 : 1);
}

/** The descriptor text of a field type. */
export function fieldTypeDescriptor(type: FieldType): string {
  switch (type.kind) {
    case 'base':
      return type.char;
    case 'object':
      return `L${type.className};`;
    case 'array':
      return `[${fieldTypeDescriptor(type.element)}`;
  }
}
