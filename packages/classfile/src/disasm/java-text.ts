// How Java prints values, as javap shows them: Double.toString and Float.toString (JDK 17), the escapes of
// string and char constants, and the test javap applies to decide whether a name needs quoting.
export { javaDoubleToString, javaFloatToString } from '../text/java-number-format.js';

/**
 * One character of a char or String constant as javap's -constants output escapes it: printable ASCII as
 * itself, the usual backslash escapes, and everything else as \uXXXX.
 */
export function escapeJavaChar(code: number, quote: '"' | "'"): string {
  if (code >= 32 && code <= 126 && code !== quote.charCodeAt(0) && code !== 0x5c) return String.fromCharCode(code);
  switch (code) {
    case 0x08:
      return '\\b';
    case 0x0a:
      return '\\n';
    case 0x09:
      return '\\t';
    case 0x0c:
      return '\\f';
    case 0x0d:
      return '\\r';
    case 0x5c:
      return '\\\\';
    case 0x27:
      return "\\'";
    case 0x22:
      return '\\"';
    default:
      return `\\u${code.toString(16).padStart(4, '0')}`;
  }
}

/** A String constant as a quoted Java literal ("a\tb"). */
export function javaStringLiteral(value: string): string {
  let s = '"';
  for (let i = 0; i < value.length; i++) s += escapeJavaChar(value.charCodeAt(i), '"');
  return `${s}"`;
}

/** A char constant as a quoted Java literal ('\n'). */
export function javaCharLiteral(code: number): string {
  return `'${escapeJavaChar(code & 0xffff, "'")}'`;
}

/**
 * A Utf8 constant as javap shows it in the constant pool and in comments: backslash escapes for the
 * control characters that have them, \uXXXX for other ISO control characters, everything else as is.
 */
export function escapeUtf8Value(value: string): string {
  let s = '';
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    switch (c) {
      case 0x09:
        s += '\\t';
        break;
      case 0x0a:
        s += '\\n';
        break;
      case 0x0d:
        s += '\\r';
        break;
      case 0x08:
        s += '\\b';
        break;
      case 0x0c:
        s += '\\f';
        break;
      case 0x22:
        s += '\\"';
        break;
      case 0x27:
        s += "\\'";
        break;
      case 0x5c:
        s += '\\\\';
        break;
      default:
        s += isIsoControl(c) ? `\\u${c.toString(16).padStart(4, '0')}` : value[i];
    }
  }
  return s;
}

/** Character.isISOControl. */
function isIsoControl(c: number): boolean {
  return c <= 0x1f || (c >= 0x7f && c <= 0x9f);
}

const IDENTIFIER_START = /^[\p{L}\p{Nl}\p{Sc}\p{Pc}]$/u;
const IDENTIFIER_PART = /^[\p{L}\p{Nl}\p{Sc}\p{Pc}\p{Nd}\p{Mn}\p{Mc}\p{Cf}\u0000-\u0008\u000e-\u001b\u007f-\u009f]$/u;

/**
 * javap's ConstantWriter.checkName: a name that is a valid binary name (identifiers separated by '/') is
 * shown as is; anything else ("<init>", "[I", "module-info") is quoted, with \\, ", newline and tab escaped.
 */
export function checkName(name: string): string {
  if (name.length === 0) return '""';
  let previous = '/';
  for (const cp of name) {
    if ((previous === '/' && !IDENTIFIER_START.test(cp)) || (cp !== '/' && !IDENTIFIER_PART.test(cp))) {
      return `"${name.replace(/[\\"\n\t]/g, (c) => (c === '\n' ? '\\n' : c === '\t' ? '\\t' : `\\${c}`))}"`;
    }
    previous = cp;
  }
  return name;
}

/** Internal name to the name Java source uses for it: '/' becomes '.'. */
export function javaName(internal: string): string {
  return internal.replaceAll('/', '.');
}
