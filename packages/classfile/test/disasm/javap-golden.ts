// The committed javap outputs (test/javap-golden, written by scripts/regen-javap-golden.mjs) and the
// normalisation both sides go through before they are compared.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const GOLDEN_DIR = fileURLToPath(new URL('../javap-golden/', import.meta.url));

/** The option sets compared with javap (keep in step with the regeneration script), the oakp options they mean, and the golden file suffix. */
export const GOLDEN_MODES = [
  { name: '-c', suffix: '.c.txt', options: { code: true } },
  { name: '-v -p', suffix: '.v.txt', options: { verbose: true, access: 'private' as const } },
  { name: '-s -constants', suffix: '.s.txt', options: { descriptors: true, constants: true } },
  { name: '-l -public -sysinfo', suffix: '.l.txt', options: { lines: true, access: 'public' as const, sysInfo: true } },
] as const;

/** javap's output for a corpus class ("release17/Hello.class"), or undefined when none is committed. */
export function goldenOutput(corpusName: string, suffix: string): string | undefined {
  const path = `${GOLDEN_DIR}${corpusName.replace(/\.class$/, suffix)}`;
  return existsSync(path) ? readFileSync(path, 'utf8') : undefined;
}

/** What the regeneration script does to javap's output: the corpus path and the date are placeholders. */
export const GOLDEN_PATH_PREFIX = '<corpus>/';
export const GOLDEN_DATE = 'DATE';
