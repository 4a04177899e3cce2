// The text sink every part of the disassembler writes through. It reproduces javap's line writer
// (com.sun.tools.javap.BasicWriter.LineWriter) exactly, because javap's column layout depends on its
// quirks: spaces are held back and only written before a following non-space character (so no line
// ends in a space), indentation is added when the first character of a line arrives, and `tab()` pads
// to a fixed column relative to the current indentation, or by one space when the text is already past it.

/** javap's defaults for -XDindent:n and -XDtab:n. */
const INDENT_WIDTH = 2;
const TAB_COLUMN = 40;

export class LineWriter {
  private readonly lines: string[] = [];
  private buffer = '';
  private pendingSpaces = 0;
  private indentCount = 0;
  /** Write an empty line before the next text (javap separates members this way). */
  pendingNewline = false;

  print(text: string | number): void {
    const s = String(text);
    if (this.pendingNewline) {
      this.println();
      this.pendingNewline = false;
    }
    for (let i = 0; i < s.length; i++) {
      const c = s[i] as string;
      if (c === ' ') {
        this.pendingSpaces++;
      } else if (c === '\n') {
        this.println();
      } else {
        if (this.buffer.length === 0) this.pendingSpaces += this.indentCount * INDENT_WIDTH;
        if (this.pendingSpaces > 0) {
          this.buffer += ' '.repeat(this.pendingSpaces);
          this.pendingSpaces = 0;
        }
        this.buffer += c;
      }
    }
  }

  println(text?: string | number): void {
    if (text !== undefined) this.print(text);
    this.pendingSpaces = 0;
    this.lines.push(this.buffer);
    this.buffer = '';
  }

  /**
   * A whole line written past the indentation and the pending line, as javap's error reports are: it
   * writes them straight to its output stream.
   */
  raw(line: string): void {
    this.lines.push(line);
  }

  indent(delta: number): void {
    this.indentCount += delta;
  }

  tab(): void {
    const column = this.indentCount * INDENT_WIDTH + TAB_COLUMN;
    this.pendingSpaces += column <= this.buffer.length ? 1 : column - this.buffer.length;
  }

  /** Everything written so far, each line ended by '\n'; an unfinished line is flushed first. */
  text(): string {
    if (this.buffer.length > 0) this.println();
    return this.lines.length === 0 ? '' : `${this.lines.join('\n')}\n`;
  }
}
