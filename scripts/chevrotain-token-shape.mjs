// An esbuild plugin that changes how chevrotain builds its end-of-file token, and nothing else about it.
//
// chevrotain makes END_OF_FILE with NaN positions by the same object literal shape ({image, startOffset,
// endOffset, startLine, endLine, startColumn, endColumn, tokenTypeIdx, tokenType}) as every token its lexer
// makes. V8 shares one hidden class between them, and a NaN stored in a field that held small integers turns
// the field into a boxed double: from then on each lexed token costs six extra heap numbers, and so does
// every syntax-tree span copied from a token. Here END_OF_FILE gets the same properties and values in
// another order, so it has a hidden class of its own and token positions stay small integers: oakc compiled
// the benchmark program 8% faster (docs/compiler.md, "Token shape"). Tests run chevrotain unchanged, which
// behaves the same, only slower.
import { readFile } from 'node:fs/promises';

const ORIGINAL = 'export const END_OF_FILE = createTokenInstance(EOF, "", NaN, NaN, NaN, NaN, NaN, NaN);';
const REPLACEMENT =
  'export const END_OF_FILE = { tokenType: EOF, tokenTypeIdx: EOF.tokenTypeIdx, image: "", startOffset: NaN, endOffset: NaN, startLine: NaN, endLine: NaN, startColumn: NaN, endColumn: NaN };';

export const chevrotainTokenShape = {
  name: 'chevrotain-token-shape',
  setup(build) {
    build.onLoad({ filter: /[\\/]chevrotain[\\/]lib[\\/]src[\\/]parse[\\/]parser[\\/]parser\.js$/ }, async (args) => {
      const source = await readFile(args.path, 'utf8');
      // A chevrotain that no longer has this line needs a new look, not a silently slower compiler.
      if (!source.includes(ORIGINAL)) throw new Error(`${args.path}: END_OF_FILE is no longer made as this plugin expects; see scripts/chevrotain-token-shape.mjs`);
      return { contents: source.replace(ORIGINAL, REPLACEMENT), loader: 'js' };
    });
  },
};
