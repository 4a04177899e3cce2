// Double.toString and Float.toString as JDK 17 prints them. Digits: the shortest decimal that reads back
// as the same value (for float: the same float), with at least two significant digits when the shortest
// has one (4.9E-324, as FloatingDecimal prints Double.MIN_VALUE). Layout: plain notation for
// 10^-3 <= |v| < 10^7, otherwise d.dddE±n with at least one fraction digit.

export function javaDoubleToString(value: number): string {
  return format(value, (p) => value.toPrecision(p), (s) => Number(s) === value, 17);
}

export function javaFloatToString(value: number): string {
  const f = Math.fround(value);
  return format(f, (p) => f.toPrecision(p), (s) => Math.fround(Number(s)) === f, 9);
}

function format(value: number, toPrecision: (p: number) => string, roundTrips: (s: string) => boolean, maxDigits: number): string {
  if (Number.isNaN(value)) return 'NaN';
  if (value === Infinity) return 'Infinity';
  if (value === -Infinity) return '-Infinity';
  if (value === 0) return Object.is(value, -0) ? '-0.0' : '0.0';
  let text = toPrecision(maxDigits);
  for (let p = 1; p <= maxDigits; p++) {
    const candidate = toPrecision(p);
    if (roundTrips(candidate)) {
      text = p === 1 ? toPrecision(2) : candidate;
      break;
    }
  }
  const negative = text.startsWith('-');
  const { digits, exponent } = splitDigits(negative ? text.slice(1) : text);
  return (negative ? '-' : '') + layOut(digits, exponent);
}

function splitDigits(text: string): { digits: string; exponent: number } {
  const [mantissa = '', exp = '0'] = text.split('e');
  const point = mantissa.indexOf('.');
  const intPart = point < 0 ? mantissa : mantissa.slice(0, point);
  const fracPart = point < 0 ? '' : mantissa.slice(point + 1);
  let all = intPart + fracPart;
  let exponent = Number(exp) + intPart.length - 1;
  const lead = all.length - all.replace(/^0+/, '').length;
  all = all.slice(lead);
  exponent -= lead;
  all = all.replace(/0+$/, '');
  return { digits: all === '' ? '0' : all, exponent };
}

function layOut(digits: string, exponent: number): string {
  if (exponent >= -3 && exponent < 7) {
    if (exponent < 0) return `0.${'0'.repeat(-exponent - 1)}${digits}`;
    const intDigits = digits.slice(0, exponent + 1).padEnd(exponent + 1, '0');
    const frac = digits.slice(exponent + 1);
    return `${intDigits}.${frac === '' ? '0' : frac}`;
  }
  const frac = digits.slice(1);
  return `${digits[0]}.${frac === '' ? '0' : frac}E${exponent}`;
}
