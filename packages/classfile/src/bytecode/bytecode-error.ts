/**
 * Thrown when code or a class cannot be assembled as asked: a label never placed, a constant pool past
 * 65535 entries, code longer than 65535 bytes, an operand out of range, inconsistent stack depths. It
 * reports a mistake of the caller (usually the compiler), not a malformed input file.
 */
export class BytecodeError extends Error {
  override readonly name = 'BytecodeError';
}
