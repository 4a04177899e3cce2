// The disassembler behind `oakp`: javap's output for a parsed class file.
export { disassemble, formatJavaDate } from './class-text.js';
export type { AccessLevel, DisassembleOptions, SourceFileInfo } from './options.js';
export { sha256, toHexString } from './sha256.js';
export { encodeLikeJavap } from './output-encoding.js';
export { javaStringLiteral, javaCharLiteral, escapeUtf8Value, checkName } from './java-text.js';
export { descriptorFieldType, descriptorParameterTypes, descriptorReturnType } from './descriptor-text.js';
export { flagNames, modifiers, type FlagOwner } from './flag-text.js';
export { parseSignature, typeToString, type SigType } from './signature.js';
