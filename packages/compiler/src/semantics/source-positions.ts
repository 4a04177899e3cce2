// Line and column of arbitrary offsets, for diagnostics javac puts where no node starts (the closing
// brace of a method for "missing return statement"). Needs the source texts; without them the caller's
// fallback position is used.
import type { SourceText } from '../diagnostics.js';
import type { Span } from '../syntax/ast.js';

export class SourcePositions {
  /**
   * Line starts of the files asked about so far, found only up to the furthest offset asked about: every
   * class without a constructor asks where its `class` keyword is, near the top of its file.
   */
  private readonly lines = new Map<string, LineIndex>();
  private readonly texts = new Map<string, string>();

  constructor(sources: readonly SourceText[]) {
    for (const s of sources) this.texts.set(s.path, s.text);
  }

  /**
   * The `class` or `interface` keyword of a declaration, where javac reports class-level errors; it is
   * the first of those words at or after `from` (the end of the modifiers).
   */
  classKeyword(file: string, from: number, fallback: Span): Span {
    const text = this.texts.get(file);
    if (text === undefined) return fallback;
    const re = /\b(class|interface)\b/g;
    re.lastIndex = Math.max(0, from);
    const m = re.exec(text);
    return m === null || m.index > fallback.start ? fallback : this.at(file, m.index, fallback);
  }

  /** A one-character span at `offset` of `file`, or `fallback` when the file's text is unknown. */
  at(file: string, offset: number, fallback: Span): Span {
    const starts = this.lineStartsUpTo(file, offset);
    if (starts === undefined || offset < 0) return fallback;
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((starts[mid] as number) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { start: offset, end: offset + 1, line: lo + 1, column: offset - (starts[lo] as number) + 1 };
  }

  /** The starts of the lines of `file` that start at or before `offset` (and maybe more). */
  private lineStartsUpTo(file: string, offset: number): number[] | undefined {
    let index = this.lines.get(file);
    if (index === undefined) {
      const text = this.texts.get(file);
      if (text === undefined) return undefined;
      index = { text, starts: [0], scanned: 0 };
      this.lines.set(file, index);
    }
    if (index.scanned < offset) scanLines(index, Math.min(offset, index.text.length));
    return index.starts;
  }

  /** The closing brace of a block whose span ends just after it. */
  closingBrace(file: string, block: Span): Span {
    return this.at(file, block.end - 1, block);
  }
}

interface LineIndex {
  readonly text: string;
  readonly starts: number[];
  /** Characters before this offset have been scanned for line ends. */
  scanned: number;
}

/** Extends the scan to `end`: a line starting at or before `end` ends before it. */
function scanLines(index: LineIndex, end: number): void {
  const { text, starts } = index;
  for (let i = index.scanned; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 13 && text.charCodeAt(i + 1) === 10) continue;
    if (c === 10 || c === 13) starts.push(i + 1);
  }
  index.scanned = Math.max(index.scanned, end);
}
