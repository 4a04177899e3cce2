// Decoding of numeric, character and string literal text (JLS 3.10), with javac's error messages. Floats
// are rounded once, straight from the exact decimal or hexadecimal value, as Float.parseFloat does
// (rounding to double first and then to float would be wrong for values near a float rounding midpoint).

export type NumberPayload =
  /** Integers keep their unsigned magnitude; the parser range-checks it, knowing whether a '-' precedes. */
  | { readonly kind: 'int' | 'long'; readonly magnitude: bigint; readonly decimal: boolean }
  | { readonly kind: 'float' | 'double'; readonly value: number };

/** A problem inside a literal, `offset` relative to the literal's first character. */
export interface LiteralProblem {
  readonly offset: number;
  readonly message: string;
  readonly code: string;
}

export interface DecodedNumber {
  readonly payload: NumberPayload;
  readonly problems: readonly LiteralProblem[];
  /**
   * When set, only the first `splitAt` characters form this literal and the rest is another token, as in
   * javac, which reads `09` as `0` followed by `9`.
   */
  readonly splitAt?: number;
}

const isDec = (c: string): boolean => c >= '0' && c <= '9';
const isHex = (c: string): boolean => isDec(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');

/** Reports underscores that are not between two digits of the given kind. */
function checkUnderscores(image: string, from: number, to: number, digit: (c: string) => boolean, problems: LiteralProblem[]): void {
  for (let i = from; i < to; i++) {
    if (image[i] !== '_') continue;
    let j = i;
    while (j < to && image[j] === '_') j++;
    const before = i > from ? (image[i - 1] as string) : '';
    const after = j < to ? (image[j] as string) : '';
    if (!digit(before) || !digit(after)) {
      problems.push({ offset: after === '' || !digit(after) ? j - 1 : i, message: 'illegal underscore', code: 'syntax.illegal-underscore' });
    }
    i = j;
  }
}

const malformed = (offset: number): LiteralProblem => ({
  offset,
  message: 'malformed floating-point literal',
  code: 'syntax.malformed-float',
});

const plainDecimal = /^(?:0|[1-9][0-9]*)$/;

/**
 * Decoded small plain decimals (at most three digits), shared by every token with the same text: they
 * are most of the literals in real code, and a decoded literal is never changed.
 */
const smallDecimals = new Map<string, DecodedNumber>();
const noProblems: readonly LiteralProblem[] = Object.freeze([]);

export function decodeNumber(image: string): DecodedNumber {
  // The cache first: it holds only plain decimals, and most literals are among them.
  const cached = smallDecimals.get(image);
  if (cached !== undefined) return cached;
  if (plainDecimal.test(image)) {
    const decoded: DecodedNumber = { payload: { kind: 'int', magnitude: BigInt(image), decimal: true }, problems: noProblems };
    if (image.length <= 3) smallDecimals.set(image, decoded);
    return decoded;
  }
  const problems: LiteralProblem[] = [];
  const last = image[image.length - 1] as string;
  const prefix = image.slice(0, 2).toLowerCase();

  if (prefix === '0x') return decodeHex(image, problems);

  if (prefix === '0b') {
    const long = last === 'l' || last === 'L';
    const end = long ? image.length - 1 : image.length;
    let firstBad = -1;
    for (let i = 2; i < end; i++) {
      const c = image[i] as string;
      if (c !== '0' && c !== '1' && c !== '_') {
        firstBad = i;
        break;
      }
    }
    const digitsEnd = firstBad < 0 ? end : firstBad;
    const digits = image.slice(2, digitsEnd).replace(/_/g, '');
    if (digits.length === 0) {
      problems.push({ offset: 0, message: 'binary numbers must contain at least one binary digit', code: 'syntax.no-binary-digits' });
      return { payload: { kind: long ? 'long' : 'int', magnitude: 0n, decimal: false }, problems };
    }
    checkUnderscores(image, 2, digitsEnd, (c) => c === '0' || c === '1', problems);
    const payload: NumberPayload = { kind: long && firstBad < 0 ? 'long' : 'int', magnitude: BigInt(`0b${digits}`), decimal: false };
    return firstBad < 0 ? { payload, problems } : { payload, problems, splitAt: firstBad };
  }

  const isFloatSuffix = last === 'f' || last === 'F' || last === 'd' || last === 'D';
  const isLong = last === 'l' || last === 'L';
  const body = isFloatSuffix || isLong ? image.slice(0, -1) : image;
  const floating = isFloatSuffix || body.includes('.') || /[eE]/.test(body);

  if (!floating) {
    checkUnderscores(body, 0, body.length, isDec, problems);
    const digits = body.replace(/_/g, '');
    const kind = isLong ? 'long' : 'int';
    if (digits.length > 1 && digits[0] === '0') {
      const bad = body.search(/[89]/);
      if (bad >= 0) {
        const magnitude = bad > 0 ? BigInt(`0o${body.slice(0, bad).replace(/_/g, '') || '0'}`) : 0n;
        return { payload: { kind: 'int', magnitude, decimal: false }, problems, splitAt: bad };
      }
      return { payload: { kind, magnitude: BigInt(`0o${digits}`), decimal: false }, problems };
    }
    return { payload: { kind, magnitude: BigInt(digits), decimal: true }, problems };
  }

  const kind = last === 'f' || last === 'F' ? 'float' : 'double';
  const m = /^([0-9_]*)(?:\.([0-9_]*))?(?:[eE]([+-]?)([0-9_]*))?$/.exec(body);
  if (m === null) {
    problems.push(malformed(0));
    return { payload: { kind, value: 0 }, problems };
  }
  const intPart = m[1] ?? '';
  const fracPart = m[2] ?? '';
  const expDigits = m[4];
  checkUnderscores(intPart, 0, intPart.length, isDec, problems);
  const fracStart = intPart.length + 1;
  for (const p of checkPart(fracPart, fracStart)) problems.push(p);
  if (expDigits !== undefined) {
    if (expDigits.replace(/_/g, '').length === 0) {
      problems.push(malformed(0));
      return { payload: { kind, value: 0 }, problems };
    }
    const expStart = body.length - expDigits.length;
    for (const p of checkPart(expDigits, expStart)) problems.push(p);
  }
  const mantissaDigits = (intPart + fracPart).replace(/_/g, '');
  const exp10 = Number((m[3] ?? '') + (expDigits ?? '0').replace(/_/g, '')) - fracPart.replace(/_/g, '').length;
  const value = decimalToBinary(mantissaDigits, exp10, kind);
  checkRange(value, /[1-9]/.test(mantissaDigits), problems);
  return { payload: { kind, value }, problems };
}

function checkPart(part: string, offset: number): LiteralProblem[] {
  const problems: LiteralProblem[] = [];
  checkUnderscores(part, 0, part.length, isDec, problems);
  return problems.map((p) => ({ ...p, offset: p.offset + offset }));
}

function checkRange(value: number, nonZero: boolean, problems: LiteralProblem[]): void {
  if (!Number.isFinite(value)) {
    problems.push({ offset: 0, message: 'floating-point number too large', code: 'syntax.float-too-large' });
  } else if (value === 0 && nonZero) {
    problems.push({ offset: 0, message: 'floating-point number too small', code: 'syntax.float-too-small' });
  }
}

function decodeHex(image: string, problems: LiteralProblem[]): DecodedNumber {
  const m = /^0[xX]([0-9a-fA-F_]*)(?:(\.)([0-9a-fA-F_]*))?(?:[pP]([+-]?)([0-9_]*))?([fFdDlL]?)$/.exec(image);
  if (m === null) {
    problems.push(malformed(0));
    return { payload: { kind: 'double', value: 0 }, problems };
  }
  const [, intPart = '', dot, fracPart = '', sign = '', expDigits, suffix = ''] = m;
  if (expDigits === undefined && dot === undefined) {
    // An integer; a trailing f/F/d/D is a hex digit and was matched as one.
    const long = suffix === 'l' || suffix === 'L';
    const digits = intPart.replace(/_/g, '');
    if (digits.length === 0) {
      problems.push({ offset: 0, message: 'hexadecimal numbers must contain at least one hexadecimal digit', code: 'syntax.no-hex-digits' });
      return { payload: { kind: long ? 'long' : 'int', magnitude: 0n, decimal: false }, problems };
    }
    checkUnderscores(image, 2, 2 + intPart.length, isHex, problems);
    return { payload: { kind: long ? 'long' : 'int', magnitude: BigInt(`0x${digits}`), decimal: false }, problems };
  }
  const kind = suffix === 'f' || suffix === 'F' ? 'float' : 'double';
  const mantissa = (intPart + fracPart).replace(/_/g, '');
  if (expDigits === undefined || expDigits.replace(/_/g, '').length === 0 || mantissa.length === 0 || suffix === 'l' || suffix === 'L') {
    problems.push(malformed(0));
    return { payload: { kind, value: 0 }, problems };
  }
  checkUnderscores(image, 2, 2 + intPart.length, isHex, problems);
  const exp2 = Number(sign + expDigits.replace(/_/g, '')) - 4 * fracPart.replace(/_/g, '').length;
  const value = binaryToFloat(BigInt(`0x${mantissa}`), exp2, kind);
  checkRange(value, /[1-9a-fA-F]/.test(mantissa), problems);
  return { payload: { kind, value }, problems };
}

const formats = {
  float: { precision: 24, minExp: -149, maxExp: 104 },
  double: { precision: 53, minExp: -1074, maxExp: 971 },
} as const;

/** digits × 10^exp10, correctly rounded to the format (round half to even), Infinity or 0 when out of range. */
function decimalToBinary(digits: string, exp10: number, kind: 'float' | 'double'): number {
  const trimmed = digits.replace(/^0+/, '');
  if (trimmed.length === 0) return 0;
  // Far outside either format's range: decide without building enormous integers.
  const magnitude = trimmed.length + exp10;
  if (magnitude > 330) return Infinity;
  if (magnitude < -330) return 0;
  if (kind === 'double') return Number(`${trimmed}e${exp10}`);
  const n = BigInt(trimmed);
  return exp10 >= 0 ? roundRational(n * 10n ** BigInt(exp10), 1n, kind) : roundRational(n, 10n ** BigInt(-exp10), kind);
}

function binaryToFloat(mantissa: bigint, exp2: number, kind: 'float' | 'double'): number {
  if (mantissa === 0n) return 0;
  const bits = mantissa.toString(2).length;
  if (bits + exp2 > 1100) return Infinity;
  if (bits + exp2 < -1100) return 0;
  return exp2 >= 0 ? roundRational(mantissa << BigInt(exp2), 1n, kind) : roundRational(mantissa, 1n << BigInt(-exp2), kind);
}

function bitLength(n: bigint): number {
  return n.toString(2).length;
}

/** num/den (both positive) rounded to the nearest value of the format, ties to even. */
function roundRational(num: bigint, den: bigint, kind: 'float' | 'double'): number {
  const { precision, minExp, maxExp } = formats[kind];
  // Choose e so that q = floor(num / (den * 2^e)) has exactly `precision` bits, or fewer when subnormal.
  let e = bitLength(num) - bitLength(den) - precision;
  const quotient = (exp: number): [bigint, bigint, bigint] => {
    const n = exp >= 0 ? num : num << BigInt(-exp);
    const d = exp >= 0 ? den << BigInt(exp) : den;
    return [n / d, n % d, d];
  };
  let [q, r, d] = quotient(e);
  const top = 1n << BigInt(precision);
  if (q >= top) [q, r, d] = quotient(++e);
  else if (q < top >> 1n) [q, r, d] = quotient(--e);
  if (e < minExp) {
    e = minExp;
    [q, r, d] = quotient(e);
  }
  if (2n * r > d || (2n * r === d && (q & 1n) === 1n)) q += 1n;
  if (q >= top) {
    q >>= 1n;
    e += 1;
  }
  if (e > maxExp) return Infinity;
  const value = Number(q) * 2 ** e;
  return kind === 'float' ? Math.fround(value) : value;
}

export interface DecodedText {
  readonly value: string;
  readonly problems: LiteralProblem[];
}

const simpleEscapes: { readonly [c: string]: string } = {
  b: '\b',
  t: '\t',
  n: '\n',
  f: '\f',
  r: '\r',
  s: ' ',
  '"': '"',
  "'": "'",
  '\\': '\\',
};

/** Decodes the escapes of a char or string literal body (without quotes); offsets relative to `bodyOffset`. */
export function decodeEscapes(body: string, bodyOffset: number): DecodedText {
  if (body.indexOf('\\') < 0) return { value: body, problems: [] };
  const problems: LiteralProblem[] = [];
  let out = '';
  for (let i = 0; i < body.length; i++) {
    const c = body[i] as string;
    if (c !== '\\') {
      out += c;
      continue;
    }
    const next = body[i + 1];
    if (next === undefined) {
      problems.push({ offset: bodyOffset + i, message: 'illegal escape character', code: 'syntax.illegal-escape' });
      break;
    }
    const simple = simpleEscapes[next];
    if (simple !== undefined) {
      out += simple;
      i++;
      continue;
    }
    if (next >= '0' && next <= '7') {
      // Octal escape: up to three digits, three only when the first is 0-3 (JLS 3.10.7).
      const maxLen = next <= '3' ? 3 : 2;
      let j = i + 1;
      let value = 0;
      while (j < body.length && j - (i + 1) < maxLen && (body[j] as string) >= '0' && (body[j] as string) <= '7') {
        value = value * 8 + Number(body[j]);
        j++;
      }
      out += String.fromCharCode(value);
      i = j - 1;
      continue;
    }
    problems.push({ offset: bodyOffset + i + 1, message: 'illegal escape character', code: 'syntax.illegal-escape' });
    i++;
  }
  return { value: out, problems };
}
