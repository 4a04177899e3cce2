// JLS 3.3: `\uXXXX` escapes are translated before anything else, anywhere in the file (identifiers,
// literals, comments, even line terminators). A backslash starts an escape only when it is preceded by an
// even number of contiguous raw backslashes, any number of `u`s may follow it, and the character an escape
// produces never takes part in another escape.

/** Maps offsets in the translated text back to the original text. */
export class OffsetMap {
  /**
   * Sorted translated offsets at which the distance to the original text changes, and the distance from
   * there on: an escape of six characters that produced one adds 5 from the character after it.
   */
  constructor(
    private readonly at: readonly number[],
    private readonly shift: readonly number[],
  ) {}

  original(offset: number): number {
    const at = this.at;
    let lo = 0;
    let hi = at.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((at[mid] as number) <= offset) lo = mid + 1;
      else hi = mid;
    }
    return lo === 0 ? offset : offset + (this.shift[lo - 1] as number);
  }
}

export interface TranslatedText {
  readonly text: string;
  /** Null when the text had no escapes, so offsets are the same in both texts. */
  readonly offsets: OffsetMap | null;
  /** Original offsets of malformed escapes ("illegal unicode escape"), at the first bad character. */
  readonly malformed: readonly number[];
}

function hexValue(c: number): number {
  if (c >= 48 && c <= 57) return c - 48;
  if (c >= 65 && c <= 70) return c - 55;
  if (c >= 97 && c <= 102) return c - 87;
  return -1;
}

/** Counts the raw backslashes directly before `i`, stopping at `floor` (the end of the previous escape). */
function backslashesBefore(raw: string, i: number, floor: number): number {
  let n = 0;
  while (i - n - 1 >= floor && raw.charCodeAt(i - n - 1) === 92) n++;
  return n;
}

export function translateUnicodeEscapes(raw: string): TranslatedText {
  let i = raw.indexOf('\\u');
  if (i < 0) return { text: raw, offsets: null, malformed: [] };
  const parts: string[] = [];
  const at: number[] = [];
  const shift: number[] = [];
  const malformed: number[] = [];
  let copiedUpTo = 0;
  let outLength = 0;
  while (i >= 0) {
    if (backslashesBefore(raw, i, copiedUpTo) % 2 !== 0) {
      i = raw.indexOf('\\u', i + 1);
      continue;
    }
    let j = i + 1;
    while (raw.charCodeAt(j) === 117) j++;
    let value = 0;
    let k = 0;
    for (; k < 4; k++) {
      const h = hexValue(raw.charCodeAt(j + k));
      if (h < 0) break;
      value = value * 16 + h;
    }
    parts.push(raw.slice(copiedUpTo, i));
    outLength += i - copiedUpTo;
    if (k < 4) {
      // javac drops the malformed escape and carries on after the hex digits it could read.
      malformed.push(j + k);
    } else {
      parts.push(String.fromCharCode(value));
      outLength += 1;
    }
    copiedUpTo = j + k;
    at.push(outLength);
    shift.push(copiedUpTo - outLength);
    i = raw.indexOf('\\u', copiedUpTo);
  }
  parts.push(raw.slice(copiedUpTo));
  return { text: parts.join(''), offsets: new OffsetMap(at, shift), malformed };
}
