// How Java prints values, as javap shows them: Double.toString and Float.toString (JDK 17), the escapes of
// string and char constants, and the test javap applies to decide whether a name needs quoting.
import type Long from 'long';

/**
 * Double.toString: the shortest decimal that reads back as the same double, in plain notation for
 * magnitudes in [1e-3, 1e7) and computerized scientific notation ("1.0E7") otherwise.
 */
export function javaDoubleToString(value: number): string {
  if (Number.isNaN(value)) return 'NaN';
  if (value === Infinity) return 'Infinity';
  if (value === -Infinity) return '-Infinity';
  if (value === 0) return Object.is(value, -0) ? '-0.0' : '0.0';
  // JDK 17's FloatingDecimal prints the smallest subnormal with two digits where one would do.
  if (Math.abs(value) === Number.MIN_VALUE) return value < 0 ? '-4.9E-324' : '4.9E-324';
  return formatJava(value, integerDigits(value, 53) ?? shortestDigits(value, (v) => v));
}

/** Float.toString for a value already rounded to float precision. */
export function javaFloatToString(value: number): string {
  if (Number.isNaN(value)) return 'NaN';
  if (value === Infinity) return 'Infinity';
  if (value === -Infinity) return '-Infinity';
  if (value === 0) return Object.is(value, -0) ? '-0.0' : '0.0';
  // As for double, FloatingDecimal gives Float.MIN_VALUE a second digit.
  if (Math.abs(value) === FLOAT_MIN_VALUE) return value < 0 ? '-1.4E-45' : '1.4E-45';
  return formatJava(value, integerDigits(value, 24) ?? shortestDigits(value, Math.fround));
}

const FLOAT_MIN_VALUE = 1.401298464324817e-45;

interface Decimal {
  negative: boolean;
  /** Significant digits without leading or trailing zeros ("15" for 1.5e3). */
  digits: string;
  /** Decimal exponent of the first digit: value = 0.d1d2... * 10^(exponent + 1). */
  exponent: number;
}

/**
 * FloatingDecimal's exact path for whole numbers below 2^63: the integer's own digits, less the low ones
 * that the binary precision cannot distinguish (rounded half up). This is where JDK 17 prints more digits
 * than the shortest form, as "4.18937487E18" for a float.
 */
function integerDigits(value: number, significantBits: number): Decimal | undefined {
  const magnitude = Math.abs(value);
  if (!Number.isInteger(magnitude) || magnitude < 1 || magnitude >= 2 ** 63) return undefined;
  const binaryExponent = Math.floor(Math.log2(magnitude));
  // Math.log2 can be off by one next to a power of two; correct it so 2^e <= magnitude < 2^(e+1).
  const exponent2 = 2 ** binaryExponent > magnitude ? binaryExponent - 1 : 2 ** (binaryExponent + 1) <= magnitude ? binaryExponent + 1 : binaryExponent;
  const insignificant = insignificantDigits(exponent2 - significantBits - 1);
  let n = BigInt(magnitude);
  if (insignificant > 0) {
    const pow10 = 10n ** BigInt(insignificant);
    const residue = n % pow10;
    n /= pow10;
    if (residue >= pow10 / 2n) n++;
  }
  const text = n.toString();
  const digits = text.replace(/0+$/, '');
  return { negative: value < 0, digits, exponent: text.length - 1 + insignificant };
}

/** FloatingDecimal.insignificantDigitsNumber: decimal digits below the precision of a 2^p2 step. */
const INSIGNIFICANT_DIGITS: readonly number[] = [
  0, 0, 0, 0, 1, 1, 1, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 5, 5, 5, 6, 6, 6, 6, 7, 7, 7, 8, 8, 8, 9, 9, 9, 9, 10, 10, 10, 11,
  11, 11, 12, 12, 12, 12, 13, 13, 13, 14, 14, 14, 15, 15, 15, 15, 16, 16, 16, 17, 17, 17, 18, 18, 18, 19,
];

function insignificantDigits(p2: number): number {
  return p2 > 1 ? (INSIGNIFICANT_DIGITS[p2] ?? 0) : 0;
}

/**
 * The fewest significant digits that read back (through `round`) as exactly `value`. When the value lies
 * exactly halfway between two such decimals, FloatingDecimal keeps the one with an even last digit,
 * where JavaScript's toExponential rounds up.
 */
function shortestDigits(value: number, round: (v: number) => number): Decimal {
  const magnitude = Math.abs(value);
  let text = magnitude.toExponential();
  let precision = 1;
  for (; precision <= 17; precision++) {
    const candidate = magnitude.toExponential(precision - 1);
    if (round(Number(candidate)) === magnitude) {
      text = candidate;
      break;
    }
  }
  const [mantissa = '0', exp = '0'] = text.split('e');
  let digits = mantissa.replace('.', '');
  let exponent = Number(exp);
  const exact = exactDecimal(magnitude);
  if (exact.digits.length === precision + 1 && exact.digits.endsWith('5')) {
    const down = exact.digits.slice(0, precision);
    const last = Number(down[down.length - 1]);
    if (last % 2 === 0 && round(Number(`${down[0]}.${down.slice(1)}e${exact.exponent}`)) === magnitude) {
      digits = down;
      exponent = exact.exponent;
    }
  }
  return { negative: value < 0, digits: digits.replace(/0+$/, '') || '0', exponent };
}

/** The exact decimal value of a finite, non-zero double (every double is a finite decimal fraction). */
function exactDecimal(magnitude: number): { digits: string; exponent: number } {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, magnitude);
  const bits = view.getBigUint64(0);
  const biased = Number((bits >> 52n) & 0x7ffn);
  let mantissa = bits & 0xfffffffffffffn;
  let exponent2: number;
  if (biased === 0) {
    exponent2 = -1074;
  } else {
    mantissa |= 1n << 52n;
    exponent2 = biased - 1075;
  }
  // value = mantissa * 2^exponent2 = mantissa * 5^-exponent2 / 10^-exponent2 when exponent2 < 0.
  let text: string;
  let point: number;
  if (exponent2 >= 0) {
    text = (mantissa << BigInt(exponent2)).toString();
    point = text.length;
  } else {
    text = (mantissa * 5n ** BigInt(-exponent2)).toString();
    point = text.length + exponent2;
  }
  const stripped = text.replace(/0+$/, '');
  const leading = stripped.length - stripped.replace(/^0+/, '').length;
  return { digits: stripped.slice(leading), exponent: point - leading - 1 };
}

function formatJava(value: number, d: Decimal): string {
  const sign = d.negative ? '-' : '';
  const magnitude = Math.abs(value);
  if (magnitude >= 1e-3 && magnitude < 1e7) {
    if (d.exponent >= 0) {
      const whole = d.digits.slice(0, d.exponent + 1).padEnd(d.exponent + 1, '0');
      const fraction = d.digits.slice(d.exponent + 1) || '0';
      return `${sign}${whole}.${fraction}`;
    }
    return `${sign}0.${'0'.repeat(-d.exponent - 1)}${d.digits}`;
  }
  return `${sign}${d.digits[0]}.${d.digits.slice(1) || '0'}E${d.exponent}`;
}

/** Long.toString. */
export function javaLongToString(value: Long): string {
  return value.toString();
}

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
