// The oakp command: javap's options, messages, streams and exit codes. The CLI runs in a child process
// from source through esbuild's bundle when it has been built; the argument parser is tested directly.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { parseArguments } from '../../src/cli/oakp-arguments.js';
import { CORPUS_DIR, corpusFile } from '../io/corpus-files.js';
import { goldenOutput } from './javap-golden.js';

describe('oakp arguments', () => {
  it('reads javap options before the class names', () => {
    expect(parseArguments(['-c', '-p', '-l', '-s', '-constants', 'A.class', 'B.class'])).toEqual({
      kind: 'run',
      options: { code: true, access: 'private', lines: true, descriptors: true, constants: true },
      classes: ['A.class', 'B.class'],
    });
    expect(parseArguments(['-verbose', '-public', 'A.class'])).toEqual({
      kind: 'run',
      options: { verbose: true, access: 'public' },
      classes: ['A.class'],
    });
  });

  it('takes everything after the first class name as a class name, as javap does', () => {
    expect(parseArguments(['A.class', '-c'])).toEqual({ kind: 'run', options: {}, classes: ['A.class', '-c'] });
  });

  it('rejects unknown options and a missing class like javap', () => {
    expect(parseArguments(['-zz', 'A.class'])).toEqual({ kind: 'error', message: 'unknown option: -zz', showUsage: true });
    expect(parseArguments(['-c'])).toEqual({ kind: 'error', message: 'no classes specified', showUsage: false });
    expect(parseArguments([])).toEqual({ kind: 'help', exitCode: 2 });
    expect(parseArguments(['--help'])).toEqual({ kind: 'help', exitCode: 0 });
  });
});

const BIN = fileURLToPath(new URL('../../bin/oakp.js', import.meta.url));
const DIST = fileURLToPath(new URL('../../dist/oakp.cjs', import.meta.url));
const built = existsSync(DIST);
if (!built) console.warn('oakp-cli: packages/classfile/dist/oakp.cjs is not built (run node scripts/build.mjs); skipping the process tests');

describe.skipIf(!built)('the oakp command', () => {
  const dir = mkdtempSync(join(tmpdir(), 'oakp-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const run = (...args: string[]) => spawnSync(process.execPath, [BIN, ...args], { cwd: dir, encoding: 'utf8' });

  it('prints javap -c output for a class file', () => {
    const r = run('-c', join(CORPUS_DIR, 'release17/Lambdas.class'));
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(goldenOutput('release17/Lambdas.class', '.c.txt'));
  });

  it('writes a lone surrogate as javap does, as "?"', () => {
    const r = spawnSync(process.execPath, [BIN, '-c', join(CORPUS_DIR, 'release17/UnicodeStrings.class')]);
    expect(Buffer.from(r.stdout).toString('utf8')).toBe(goldenOutput('release17/UnicodeStrings.class', '.c.txt'));
  });

  it('reports a missing file on stderr with exit code 1', () => {
    const r = run('-c', 'Missing.class');
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('Error: class not found: Missing.class\n');
  });

  it('reports a malformed file with the ClassFormatError and its offset, never a stack trace', () => {
    writeFileSync(join(dir, 'Bad.class'), corpusFile('release17/Hello.class').slice(0, 100));
    const r = run('-c', 'Bad.class');
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/^Error: Truncated class file: .* \(at byte offset \d+\) while reading Bad\.class\n$/);
  });

  it('gives the exit code of the last class, as javap does', () => {
    const hello = join(CORPUS_DIR, 'release17/Hello.class');
    expect(run('Missing.class', hello).status).toBe(0);
    expect(run(hello, 'Missing.class').status).toBe(1);
  });

  it('stops quietly when the reader closes the pipe early', async () => {
    const big = join(CORPUS_DIR, 'release17-g/GotoWide.class');
    const child = spawn(process.execPath, [BIN, '-v', '-p', big, big, big, big]);
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.stdout.once('data', () => child.stdout.destroy());
    const code = await new Promise<number | null>((done) => child.on('close', (c) => done(c)));
    expect(stderr).toBe('');
    expect(code).toBe(0);
  });

  it('rejects a bad command line with exit code 2', () => {
    const r = run('-zz', 'X.class');
    expect(r.status).toBe(2);
    expect(r.stderr).toBe('Error: unknown option: -zz\n');
    expect(r.stdout).toMatch(/^Usage: oakp <options> <classes>\n/);
  });
});
