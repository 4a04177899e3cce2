// The `oak` command on Node: runs a class from the class path, or compiles a `.oak` source file in memory and
// runs it (the compiler is imported only then). No JavaScript stack trace ever reaches the user: an
// internal error prints one line and exits with EXIT_INTERNAL_ERROR.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { loadBundle } from '@oakvm/classfile/code-cache';
import { NodePlatform } from './node-platform.js';
import { EXIT_INTERNAL_ERROR } from '../../runtime/errors.js';
import { parseArguments } from '../../cli/arguments.js';
import { runClass, runSourceFile, type CompilerApi } from '../../cli/run.js';

/**
 * The bundled command (dist/oak.cjs) loads the compiler's CommonJS bundle through V8's code cache, as its
 * bin script loaded this one; run any other way, it imports the package.
 */
async function loadCompiler(): Promise<CompilerApi> {
  if (import.meta.url.endsWith('.cjs')) return loadBundle(createRequire(import.meta.url).resolve('@oakvm/compiler/bundle')) as CompilerApi;
  return import('@oakvm/compiler');
}

async function main(argv: readonly string[]): Promise<number> {
  const parsed = parseArguments(argv);
  if (!parsed.ok) {
    (parsed.exitCode === 0 ? process.stdout : process.stderr).write(parsed.message);
    return parsed.exitCode;
  }
  const platform = new NodePlatform();
  const o = parsed.options;
  if (o.main.endsWith('.oak') || o.main.endsWith('.java')) {
    let source: string;
    try {
      source = readFileSync(o.main, 'utf8');
    } catch {
      process.stderr.write(`error: file not found: ${o.main}\n`);
      return 1;
    }
    return runSourceFile(platform, o, o.main, source, loadCompiler);
  }
  return runClass(platform, o);
}

function internalError(e: unknown): never {
  const detail = e instanceof Error ? e.message : String(e);
  process.stderr.write(`oak: internal error: ${detail}\n`);
  if (process.env['OAK_DEBUG']) process.stderr.write(`${e instanceof Error ? e.stack : ''}\n`);
  process.exit(EXIT_INTERNAL_ERROR);
}

main(process.argv.slice(2)).then(
  (status) => {
    process.exitCode = status;
    process.exit(status);
  },
  internalError,
);
