// oakc's compilation of a large input on two threads, with results byte for byte those of compile().
// The main thread and one worker claim source files from a shared counter and parse them (so a worker
// that starts late simply claims fewer), post each other declaration-only copies of their trees (small,
// unlike whole trees, whose structured clone costs more than parsing them again), then each checks every
// class's declarations and attributes, flow-checks and generates only the classes it parsed. The worker
// posts back its class files. Whenever either side finds a diagnostic, or the worker fails, the main
// thread compiles sequentially instead, so diagnostics and their order are always compile()'s.
import { Worker, type MessagePort } from 'node:worker_threads';
import { compile, compileParsed, compileShare, type CompileOptions, type CompileResult } from '../compile.js';
import type { SourceText } from '../diagnostics.js';
import type { ClassDecl, CompilationUnit } from '../syntax/ast.js';
import { parse, type ParseResult } from '../syntax/parser.js';
import { declarationsOnly } from './declarations.js';
import { claimer, isDeclarationsMessage, isWorkerMessage, type ClassesMessage, type DeclarationsMessage, type ShareJob, type WorkerMessage } from './protocol.js';

export interface TwoThreadOptions extends CompileOptions {
  /** The script the worker runs; it must call serveShare() when started with a ShareJob. */
  readonly workerScript: string;
  /** The -cp entries, for the worker to build the same class path as `classPath`/`packageExists`. */
  readonly classPathEntries: readonly string[];
}

/** compile(sources) with the work shared by this thread and one worker thread. */
export async function compileOnTwoThreads(sources: readonly SourceText[], options: TwoThreadOptions): Promise<CompileResult> {
  const compileOptions: CompileOptions = { classPath: options.classPath, packageExists: options.packageExists };
  const next = new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT);
  const job: ShareJob = { oakcShare: { sources, classPath: options.classPathEntries, next } };
  let worker: Worker;
  try {
    worker = new Worker(options.workerScript, { workerData: job });
  } catch {
    return compile(sources, compileOptions);
  }
  const inbox = new Inbox(worker);
  try {
    return await mainShare(sources, claimer(next, sources.length), worker, inbox, compileOptions);
  } catch {
    // A failure of the compiler itself: compile() turns it into its internal-error diagnostic.
    return compile(sources, compileOptions);
  } finally {
    void worker.terminate();
  }
}

async function mainShare(sources: readonly SourceText[], claim: () => number, worker: Worker, inbox: Inbox, options: CompileOptions): Promise<CompileResult> {
  const local = new Map<number, ParseResult>();
  for (let i = claim(); i >= 0; i = claim()) local.set(i, parse(sources[i] as SourceText));
  // The worker started too late to claim anything, or a file has syntax errors: nothing to share.
  if (local.size === sources.length || [...local.values()].some((r) => r.diagnostics.length > 0)) return parseRestAndCompile(sources, local, options);
  worker.postMessage(declarationsMessage(local));
  const theirs = await inbox.next();
  if (theirs?.kind !== 'declarations') return parseRestAndCompile(sources, local, options);
  const units = mergeUnits(sources.length, local, theirs);
  if (units === undefined) return parseRestAndCompile(sources, local, options);
  const owned = new Set<ClassDecl>();
  for (const r of local.values()) for (const decl of r.unit.types) owned.add(decl);
  const mine = compileShare(sources, units, (decl) => owned.has(decl), options);
  // From here the local trees carry the checker's annotations, so a sequential compilation parses afresh.
  if (mine.diagnostics.length > 0) return compile(sources, options);
  const classes = await inbox.next();
  if (classes?.kind !== 'classes') return compile(sources, options);
  return mergeClasses(mine, classes) ?? compile(sources, options);
}

/** compile()'s result from the trees parsed so far and the rest parsed now. */
function parseRestAndCompile(sources: readonly SourceText[], parsed: ReadonlyMap<number, ParseResult>, options: CompileOptions): CompileResult {
  return compileParsed(sources, sources.map((s, i) => parsed.get(i) ?? parse(s)), options);
}

function declarationsMessage(parsed: ReadonlyMap<number, ParseResult>): DeclarationsMessage {
  const indexes = [...parsed.keys()];
  return { kind: 'declarations', indexes, units: indexes.map((i) => declarationsOnly((parsed.get(i) as ParseResult).unit)) };
}

/** Every source's unit, from this thread's trees or the other's declarations; undefined if one is missing. */
function mergeUnits(count: number, local: ReadonlyMap<number, ParseResult>, remote: DeclarationsMessage): CompilationUnit[] | undefined {
  const units: (CompilationUnit | undefined)[] = new Array<CompilationUnit | undefined>(count).fill(undefined);
  for (const [i, r] of local) units[i] = r.unit;
  remote.indexes.forEach((i, k) => {
    if (units[i] === undefined) units[i] = remote.units[k];
  });
  return units.every((u): u is CompilationUnit => u !== undefined) ? units : undefined;
}

/** Both threads' classes in compile()'s order (the checker's, which `sourceOf` keeps); undefined if any is missing. */
function mergeClasses(mine: CompileResult, theirs: ClassesMessage): CompileResult | undefined {
  const remote = new Map(theirs.classes);
  const classes = new Map<string, Uint8Array>();
  for (const name of mine.sourceOf.keys()) {
    const bytes = mine.classes.get(name) ?? remote.get(name);
    if (bytes === undefined) return undefined;
    classes.set(name, bytes);
  }
  if (classes.size !== mine.classes.size + remote.size) return undefined;
  return { classes, diagnostics: [], sourceOf: mine.sourceOf };
}

/** The worker's messages in arrival order; next() gives undefined once the worker has failed or exited. */
class Inbox {
  private readonly queue: WorkerMessage[] = [];
  private ended = false;
  private wake: (() => void) | undefined;

  constructor(worker: Worker) {
    worker.on('message', (data: unknown) => {
      if (isWorkerMessage(data)) this.queue.push(data);
      else this.ended = true;
      this.notify();
    });
    worker.on('error', () => this.end());
    worker.on('exit', () => this.end());
  }

  async next(): Promise<WorkerMessage | undefined> {
    while (this.queue.length === 0 && !this.ended) await new Promise<void>((resolve) => (this.wake = resolve));
    return this.queue.shift();
  }

  private end(): void {
    this.ended = true;
    this.notify();
  }

  private notify(): void {
    const wake = this.wake;
    this.wake = undefined;
    wake?.();
  }
}

/**
 * The worker's side: parse what it claims, swap declarations with the main thread, compile its own
 * classes. `optionsOf` builds the class path from the -cp entries, as the main thread did.
 */
export async function serveShare(job: ShareJob['oakcShare'], port: MessagePort, optionsOf: (classPath: readonly string[]) => CompileOptions): Promise<void> {
  try {
    const claim = claimer(job.next, job.sources.length);
    const local = new Map<number, ParseResult>();
    for (let i = claim(); i >= 0; i = claim()) local.set(i, parse(job.sources[i] as SourceText));
    if ([...local.values()].some((r) => r.diagnostics.length > 0)) {
      port.postMessage({ kind: 'failed' } satisfies WorkerMessage);
      return;
    }
    const reply = new Promise<unknown>((resolve) => port.once('message', resolve));
    port.postMessage(declarationsMessage(local) satisfies WorkerMessage);
    const options = optionsOf(job.classPath);
    const theirs = await reply;
    if (!isDeclarationsMessage(theirs)) return;
    const units = mergeUnits(job.sources.length, local, theirs);
    if (units === undefined) throw new Error('the main thread sent too few declarations');
    const owned = new Set<ClassDecl>();
    for (const r of local.values()) for (const decl of r.unit.types) owned.add(decl);
    const mine = compileShare(job.sources, units, (decl) => owned.has(decl), options);
    if (mine.diagnostics.length > 0) {
      port.postMessage({ kind: 'failed' } satisfies WorkerMessage);
      return;
    }
    const buffers = new Set<ArrayBuffer>();
    for (const bytes of mine.classes.values()) if (bytes.buffer instanceof ArrayBuffer) buffers.add(bytes.buffer);
    port.postMessage({ kind: 'classes', classes: [...mine.classes] } satisfies WorkerMessage, [...buffers]);
  } catch {
    port.postMessage({ kind: 'failed' } satisfies WorkerMessage);
  }
}
