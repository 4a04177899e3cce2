// Test support: copies of library sources moved into the package `shadow`, so that HotSpot can run them
// next to its own java.lang/java.util classes (fixtures/ShadowCheck.java compares the two). Only classes
// whose logic is plain Java are shadowed; the few references to package-private String helpers and
// VM-only members are rewritten to things HotSpot has.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Library classes copied into `shadow`, by path under src/java. */
export const SHADOWED = [
  'lang/Integer', 'lang/IntegerCache', 'lang/Long', 'lang/LongCache', 'lang/Short', 'lang/ShortCache', 'lang/Byte', 'lang/ByteCache',
  'lang/Character', 'lang/CharacterCache', 'lang/NumberFormatException', 'lang/Math', 'lang/StrictMath', 'lang/RandomHolder',
  'lang/StringBuilder', 'lang/StringBuffer', 'lang/FloatingDecimal', 'util/Arrays', 'util/Random', 'util/Objects', 'util/Comparator',
] as const;

/** String's package-private static helpers that StringBuilder uses, gathered into shadow.ShadowStrings. */
const STRING_HELPERS = ['checkIndex', 'checkOffset', 'checkBoundsOffCount', 'checkBoundsBeginEnd', 'indexOf', 'lastIndexOf'];

/** The text of the method starting at `start` (its first line), through its closing brace. */
function methodAt(source: string, start: number): string {
  let depth = 0;
  for (let i = source.indexOf('{', start); i < source.length; i++) {
    if (source[i] === '{') depth++;
    else if (source[i] === '}' && --depth === 0) return source.slice(start, i + 1);
  }
  throw new Error(`unbalanced braces in a method at offset ${start}`);
}

function stringHelpers(stringSource: string): string {
  const methods: string[] = [];
  for (const name of STRING_HELPERS) {
    const pattern = new RegExp(`^    static \\w+ ${name}\\(`, 'gm');
    for (const match of stringSource.matchAll(pattern)) methods.push(methodAt(stringSource, match.index));
  }
  if (methods.length < STRING_HELPERS.length) throw new Error('String.oak no longer has the helpers StringBuilder uses');
  return `package shadow;\n\nfinal class ShadowStrings {\n\n${methods.join('\n\n')}\n}\n`;
}

function shadowed(path: string, text: string): string {
  let out = text
    .replace(/^package java\.(lang|util|io);/m, 'package shadow;')
    .replace(/^.*Class\.getPrimitiveClass\(.*\n/gm, '')
    .replace(/new String\(([^;]*?), true\)/g, 'new String($1)')
    .replace(new RegExp(`\\bString\\.(${STRING_HELPERS.join('|')})\\(`, 'g'), 'ShadowStrings.$1(');
  if (path === 'util/Random') out = out.replace(/\bStrictMath\./g, 'java.lang.StrictMath.');
  if (path === 'lang/FloatingDecimal') out = out.replace('final class FloatingDecimal', 'public final class FloatingDecimal').replace('static String checkSyntax', 'public static String checkSyntax');
  return out;
}

/** File name -> Java source of the shadow package. */
export function shadowSources(libraryJavaDir: string): Map<string, string> {
  const files = new Map<string, string>();
  for (const path of SHADOWED) {
    const name = path.slice(path.indexOf('/') + 1);
    files.set(`${name}.java`, shadowed(path, readFileSync(join(libraryJavaDir, `${path}.oak`), 'utf8')));
  }
  files.set('ShadowStrings.java', stringHelpers(readFileSync(join(libraryJavaDir, 'lang', 'String.oak'), 'utf8')));
  return files;
}
