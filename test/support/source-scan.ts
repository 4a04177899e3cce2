// A deliberately small scan of Oak source for its top-level type declarations. It is not a parser (the
// compiler has one); it only needs to be right for the corpus, whose programs are valid Java.

export interface TopLevelType {
  readonly name: string;
  readonly kind: 'class' | 'interface';
  readonly isPublic: boolean;
  /** 1-based line of the `class`/`interface` keyword. */
  readonly line: number;
}

/** Replaces comments and the contents of string and char literals with spaces, keeping line breaks. */
export function blankCommentsAndLiterals(source: string): string {
  const out: string[] = [];
  let i = 0;
  const blank = (ch: string): string => (ch === '\n' ? '\n' : ' ');
  while (i < source.length) {
    const ch = source[i]!;
    const next = source[i + 1];
    if (ch === '/' && next === '/') {
      while (i < source.length && source[i] !== '\n') out.push(blank(source[i++]!));
    } else if (ch === '/' && next === '*') {
      out.push('  ');
      i += 2;
      while (i < source.length && !(source[i] === '*' && source[i + 1] === '/')) out.push(blank(source[i++]!));
      if (i < source.length) {
        out.push('  ');
        i += 2;
      }
    } else if (ch === '"' || ch === "'") {
      out.push(ch);
      i++;
      while (i < source.length && source[i] !== ch && source[i] !== '\n') {
        if (source[i] === '\\' && i + 1 < source.length) {
          out.push(' ');
          i++;
        }
        out.push(blank(source[i++]!));
      }
      if (i < source.length && source[i] === ch) out.push(source[i++]!);
    } else {
      out.push(ch);
      i++;
    }
  }
  return out.join('');
}

const DECLARATION = /\b((?:(?:public|abstract|final|strictfp)\s+)*)(class|interface)\s+([A-Za-z_$][\w$]*)/y;

/** The classes and interfaces declared at brace depth 0. */
export function topLevelTypes(source: string): TopLevelType[] {
  const text = blankCommentsAndLiterals(source);
  const found: TopLevelType[] = [];
  let depth = 0;
  let line = 1;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === '\n') line++;
    else if (ch === '{') depth++;
    else if (ch === '}') depth--;
    else if (depth === 0 && /[a-z]/.test(ch) && (i === 0 || !/[\w$]/.test(text[i - 1]!))) {
      DECLARATION.lastIndex = i;
      const m = DECLARATION.exec(text);
      if (m) {
        const modifiers = m[1] ?? '';
        const keywordOffset = m.index + modifiers.length;
        const keywordLine = line + countNewlines(text, i, keywordOffset);
        found.push({
          name: m[3]!,
          kind: m[2] === 'interface' ? 'interface' : 'class',
          isPublic: /\bpublic\b/.test(modifiers),
          line: keywordLine,
        });
        line += countNewlines(text, i, DECLARATION.lastIndex);
        i = DECLARATION.lastIndex - 1;
      }
    }
  }
  return found;
}

/** True when the source declares `public static void main(String[] args)` (any parameter name). */
export function declaresMain(source: string): boolean {
  return /\bpublic\s+static\s+void\s+main\s*\(\s*String\s*\[\s*\]\s*[A-Za-z_$][\w$]*\s*\)/.test(
    blankCommentsAndLiterals(source),
  );
}

const OUTSIDE_OAK: readonly (readonly [RegExp, string])[] = [
  [/\benum\b/, 'enum'],
  [/@[A-Za-z]/, 'annotation'],
  [/->/, 'lambda'],
  [/::/, 'method reference'],
  [/\bassert\b/, 'assert'],
  [/\.\.\./, 'varargs'],
  [/\b[A-Z][\w$]*<[A-Z?>]/, 'generic type'],
];

/**
 * Java constructs Oak leaves out that appear in the source (outside comments and literals): nested
 * types, enums, annotations, lambdas, method references, assert, varargs, generic types. A rough
 * lexical check, good enough to keep the corpus inside the subset.
 */
export function constructsOutsideOak(source: string): string[] {
  const text = blankCommentsAndLiterals(source);
  const found = OUTSIDE_OAK.filter(([pattern]) => pattern.test(text)).map(([, name]) => name);
  const declarations = text.match(/\b(?:class|interface)\s+[A-Za-z_$]/g)?.length ?? 0;
  if (declarations > topLevelTypes(source).length) found.push('nested type');
  return found;
}

function countNewlines(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) if (text[i] === '\n') n++;
  return n;
}
