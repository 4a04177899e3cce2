// The messages of a compilation split between the main thread and one worker thread (see
// two-threads.ts). Both parse the files they claim from a shared counter, swap declaration-only copies of
// their trees, then each checks every declaration and compiles its own classes.
import type { SourceText } from '../diagnostics.js';
import type { CompilationUnit } from '../syntax/ast.js';

/** The worker's workerData. */
export interface ShareJob {
  readonly oakcShare: {
    readonly sources: readonly SourceText[];
    /** The -cp entries, from which the worker builds its own class path (functions cannot be posted). */
    readonly classPath: readonly string[];
    /** One Int32: the index of the next source to claim, advanced with Atomics.add by both threads. */
    readonly next: SharedArrayBuffer;
  };
}

/** What one thread parsed: `units[k]` is the declaration-only unit of `sources[indexes[k]]`. */
export interface DeclarationsMessage {
  readonly kind: 'declarations';
  readonly indexes: readonly number[];
  readonly units: readonly CompilationUnit[];
}

/** The worker's classes, internal name -> bytes (their buffers transferred). */
export interface ClassesMessage {
  readonly kind: 'classes';
  readonly classes: ReadonlyArray<readonly [string, Uint8Array]>;
}

/**
 * The sender found a diagnostic (or failed): the main thread must compile sequentially, since only that
 * gives compile()'s diagnostics in compile()'s order.
 */
export interface FailedMessage {
  readonly kind: 'failed';
}

export type WorkerMessage = DeclarationsMessage | ClassesMessage | FailedMessage;
/** The main thread only ever sends its declarations; when it gives up on the worker it terminates it. */
export type MainMessage = DeclarationsMessage;

export function isWorkerMessage(data: unknown): data is WorkerMessage {
  if (typeof data !== 'object' || data === null || !('kind' in data)) return false;
  return data.kind === 'declarations' || data.kind === 'classes' || data.kind === 'failed';
}

export function isShareJob(data: unknown): data is ShareJob {
  if (typeof data !== 'object' || data === null || !('oakcShare' in data)) return false;
  const job: unknown = data.oakcShare;
  return typeof job === 'object' && job !== null && 'sources' in job && Array.isArray(job.sources) && 'next' in job && job.next instanceof SharedArrayBuffer;
}

export function isDeclarationsMessage(data: unknown): data is DeclarationsMessage {
  return typeof data === 'object' && data !== null && 'kind' in data && data.kind === 'declarations';
}

/** The shared counter's claim function: the next unclaimed source index, or -1 when all are taken. */
export function claimer(next: SharedArrayBuffer, count: number): () => number {
  const counter = new Int32Array(next);
  return () => {
    const i = Atomics.add(counter, 0, 1);
    return i < count ? i : -1;
  };
}
