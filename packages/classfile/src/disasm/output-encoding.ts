// How javap's text becomes bytes: UTF-8, except that a lone surrogate (possible in a malformed or
// deliberately odd string constant) is written as '?', which is what Java's UTF-8 encoder substitutes.
// TextEncoder would write U+FFFD instead.

export function encodeLikeJavap(text: string): Uint8Array {
  return new TextEncoder().encode(text.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '?'));
}
