// Java's Double.toString and Float.toString (JLS 5.1.11 string conversion). The checker uses them when it
// folds string concatenation of constants; the interpreter and the VM's natives use the same functions so
// that every part of OakVM prints a number the way HotSpot does.
//
// Digit selection: the shortest decimal that rounds back to the same value (as Java specifies: "as many,
// but only as many, more digits as are needed to uniquely distinguish the argument value from adjacent
// values"); when that is a single digit, the closest two-digit decimal, which is how Java prints
// Double.MIN_VALUE as 4.9E-324. Layout: plain notation for 10^-3 <= |v| < 10^7, otherwise computerized
// scientific notation "d.dddE±n", always with at least one fraction digit.

/** Java's Double.toString(d). */
export function javaDoubleToString(value: number): string {
  return formatJavaFloatingPoint(value, (p) => value.toPrecision(p), (s) => Number(s) === value, 17);
}

/** Java's Float.toString(f); `value` must already be a float (Math.fround'ed). */
export function javaFloatToString(value: number): string {
  const f = Math.fround(value);
  return formatJavaFloatingPoint(f, (p) => f.toPrecision(p), (s) => Math.fround(Number(s)) === f, 9);
}

function formatJavaFloatingPoint(
  value: number,
  toPrecision: (digits: number) => string,
  roundTrips: (text: string) => boolean,
  maxDigits: number,
): string {
  if (Number.isNaN(value)) return 'NaN';
  if (value === Infinity) return 'Infinity';
  if (value === -Infinity) return '-Infinity';
  if (value === 0) return Object.is(value, -0) ? '-0.0' : '0.0';
  const sign = value < 0 ? '-' : '';
  let text = toPrecision(maxDigits);
  for (let p = 1; p <= maxDigits; p++) {
    const candidate = toPrecision(p);
    if (roundTrips(candidate)) {
      text = p === 1 ? toPrecision(2) : candidate;
      break;
    }
  }
  const { digits, exponent } = decimalDigits(text.replace(/^-/, ''));
  return sign + layOut(digits, exponent);
}

/** Splits JavaScript's toPrecision output into significant digits and the exponent of the first digit. */
function decimalDigits(text: string): { digits: string; exponent: number } {
  const [mantissa = '', exp = '0'] = text.split('e');
  const point = mantissa.indexOf('.');
  const intPart = point < 0 ? mantissa : mantissa.slice(0, point);
  const fracPart = point < 0 ? '' : mantissa.slice(point + 1);
  let all = intPart + fracPart;
  let exponent = Number(exp) + intPart.length - 1;
  const leadingZeros = all.length - all.replace(/^0+/, '').length;
  all = all.slice(leadingZeros);
  exponent -= leadingZeros;
  all = all.replace(/0+$/, '');
  return { digits: all === '' ? '0' : all, exponent };
}

function layOut(digits: string, exponent: number): string {
  if (exponent >= -3 && exponent < 7) {
    if (exponent < 0) return `0.${'0'.repeat(-exponent - 1)}${digits}`;
    const intDigits = digits.slice(0, exponent + 1).padEnd(exponent + 1, '0');
    const fracDigits = digits.slice(exponent + 1);
    return `${intDigits}.${fracDigits === '' ? '0' : fracDigits}`;
  }
  const frac = digits.slice(1);
  return `${digits[0]}.${frac === '' ? '0' : frac}E${exponent}`;
}
