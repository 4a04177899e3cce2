// Structural rules of the VM's source: the core never imports a node: module (only the Node platform
// adapter and the command-line launcher may), and the interpreter's opcode numbers agree with the one
// opcode table in @oakvm/classfile.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { OPCODES } from '@oakvm/classfile';
import { describe, expect, it } from 'vitest';

const src = fileURLToPath(new URL('../src/', import.meta.url));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return name.endsWith('.ts') ? [full] : [];
  });
}

describe('VM source architecture', () => {
  it('imports node: modules only in platform/node', () => {
    const offenders: string[] = [];
    for (const file of sourceFiles(src)) {
      const rel = relative(src, file).split('\\').join('/');
      if (rel.startsWith('platform/node/')) continue;
      const text = readFileSync(file, 'utf8');
      if (/from\s+['"]node:|import\(\s*['"]node:|require\(\s*['"]node:/.test(text)) offenders.push(rel);
      if (/\bprocess\.(stdout|stderr|exit|argv|env)\b/.test(text)) offenders.push(`${rel} (uses process)`);
    }
    expect(offenders).toEqual([]);
  });

  it('uses the opcode numbers of the classfile opcode table', () => {
    const text = readFileSync(join(src, 'interpreter', 'interpreter.ts'), 'utf8');
    const cases = [...text.matchAll(/case (0x[0-9a-f]{2}): (?:\{ )?\/\/ ([a-z0-9_]+)$/gm)];
    expect(cases.length).toBeGreaterThan(190);
    const wrong = cases
      .filter(([, hex, name]) => OPCODES[Number(hex)]?.name !== name)
      .map(([, hex, name]) => `${hex} is ${OPCODES[Number(hex)]?.name ?? 'unassigned'}, not ${name}`);
    expect(wrong).toEqual([]);
    const covered = new Set(cases.map(([, hex]) => Number(hex)));
    const missing = OPCODES.flatMap((info, code) => (info !== undefined && !covered.has(code) ? [info.name] : []));
    expect(missing).toEqual([]);
  });
});
