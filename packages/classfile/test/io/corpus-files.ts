// The committed corpus of javac-compiled class files (test/corpus/classes), shared by the io tests.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

export const CORPUS_DIR = fileURLToPath(new URL('../corpus/classes/', import.meta.url));

export interface CorpusFile {
  /** Path relative to the corpus directory, such as "release17-g/Records$Point.class". */
  name: string;
  bytes: Uint8Array;
}

let cached: CorpusFile[] | undefined;

export function corpusFiles(): CorpusFile[] {
  cached ??= walk(CORPUS_DIR)
    .sort()
    .map((path) => ({ name: relative(CORPUS_DIR, path), bytes: new Uint8Array(readFileSync(path)) }));
  return cached;
}

/** One corpus file by its relative name; throws if it is missing so a renamed fixture fails loudly. */
export function corpusFile(name: string): Uint8Array {
  const file = corpusFiles().find((f) => f.name === name);
  if (file === undefined) throw new Error(`corpus file ${name} not found in ${CORPUS_DIR}`);
  return file.bytes;
}

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return walk(path);
    return name.endsWith('.class') ? [path] : [];
  });
}
