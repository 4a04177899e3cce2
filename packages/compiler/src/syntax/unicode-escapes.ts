// JLS 3.3: `\uXXXX` escapes are translated before anything else, anywhere in the file (identifiers,
// literals, comments, even line terminators). A backslash starts an escape only when it is preceded by an
// even number of contiguous raw backslashes, any number of `u`s may follow it, and the character an escape
// produces never takes part in another escape.

export interface TranslatedText {
  readonly text: string;
  /**
   * For each offset of `text` (and one past its end), the offset in the original text; null when the text
   * had no escapes, so offsets are the same.
   */
  readonly originalOffsets: Int32Array | null;
  /** Original offsets of malformed escapes ("illegal unicode escape"), at the first bad character. */
  readonly malformed: readonly number[];
}

function hexValue(c: number): number {
  if (c >= 48 && c <= 57) return c - 48;
  if (c >= 65 && c <= 70) return c - 55;
  if (c >= 97 && c <= 102) return c - 87;
  return -1;
}

export function translateUnicodeEscapes(raw: string): TranslatedText {
  if (raw.indexOf('\\u') < 0) return { text: raw, originalOffsets: null, malformed: [] };
  const out: string[] = [];
  const offsets: number[] = [];
  const malformed: number[] = [];
  let backslashRun = 0;
  let i = 0;
  while (i < raw.length) {
    const c = raw.charCodeAt(i);
    if (c === 92 && backslashRun % 2 === 0 && raw.charCodeAt(i + 1) === 117) {
      let j = i + 1;
      while (raw.charCodeAt(j) === 117) j++;
      let value = 0;
      let k = 0;
      for (; k < 4; k++) {
        const h = hexValue(raw.charCodeAt(j + k));
        if (h < 0) break;
        value = value * 16 + h;
      }
      if (k < 4) {
        // javac drops the malformed escape and carries on after the hex digits it could read.
        malformed.push(j + k);
        i = j + k;
      } else {
        out.push(String.fromCharCode(value));
        offsets.push(i);
        i = j + 4;
      }
      backslashRun = 0;
      continue;
    }
    backslashRun = c === 92 ? backslashRun + 1 : 0;
    out.push(raw[i] as string);
    offsets.push(i);
    i++;
  }
  offsets.push(raw.length);
  return { text: out.join(''), originalOffsets: Int32Array.from(offsets), malformed };
}
