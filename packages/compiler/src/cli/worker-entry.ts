// Which script a command starts again in a worker thread. Launched through its bin script, a command's
// bundle is compiled with V8's code cache (packages/classfile/src/node/code-cache.ts), and the loader
// records the bin script under ENTRY_KEY so a worker goes through the cache too; otherwise the worker
// runs this module's own file.
import { fileURLToPath } from 'node:url';

export const ENTRY_KEY = Symbol.for('oakvm.entry');

export function workerEntry(moduleUrl: string): string {
  const entry: unknown = (globalThis as Record<symbol, unknown>)[ENTRY_KEY];
  return typeof entry === 'string' ? entry : fileURLToPath(moduleUrl);
}
