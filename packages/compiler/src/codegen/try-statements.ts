// try/catch/finally and synchronized, as javac's genTry lays them out: the finally block is inlined on
// every exit (after the body, after each catch, before each break/continue/return that leaves it) and in
// a catch-all handler that saves the exception, runs it and rethrows. Each inlined copy is a gap in the
// protected ranges. A synchronized block is the same shape with `monitorexit` as its finalizer.
import { Op } from '@oakvm/classfile';
import type { Block, CatchClause, Synchronized, Try } from '../syntax/ast.js';
import type { Type } from '../semantics/types.js';
import type { FlowState, Label } from './emitter.js';
import { genExpr } from './expressions.js';
import { internalError } from './internal-error.js';
import type { Finalizer, JumpEnv, MethodContext } from './method-context.js';
import { genBlock, popEnv, pushEnv } from './statements.js';

const throwable: Type = { kind: 'class', name: 'java/lang/Throwable' };
const object: Type = { kind: 'class', name: 'java/lang/Object' };

export function genFinalizer(ctx: MethodContext, env: JumpEnv): void {
  if (ctx.emitter.alive && env.finalizer !== undefined) env.finalizer.gen();
}

export function endFinalizerGap(ctx: MethodContext, env: JumpEnv): void {
  if (env.gaps !== undefined && env.gaps.length % 2 === 1) env.gaps.push(ctx.emitter.mark());
}

/** Whether a return must save its value because a finally block runs before it (javac's hasFinally). */
export function hasFinally(ctx: MethodContext): boolean {
  return ctx.envs.some((env) => env.tree !== 'method' && env.tree.kind === 'Try' && env.finalizer?.hasFinalizer === true);
}

export function genTry(ctx: MethodContext, s: Try): void {
  const env: JumpEnv = { tree: s, gaps: [] };
  const finallyBlock = s.finallyBlock;
  env.finalizer = {
    hasFinalizer: finallyBlock !== null,
    gen: () => {
      (env.gaps as Label[]).push(ctx.emitter.mark());
      if (finallyBlock !== null) outside(ctx, env, () => genBlock(ctx, finallyBlock));
    },
  };
  const last = finallyBlock ?? s.catches[s.catches.length - 1]?.body ?? s.block;
  genTryCore(ctx, s.block, s.catches, env, true, finallyBlock, last.span.end - 1);
}

export function genSynchronized(ctx: MethodContext, s: Synchronized): void {
  const mark = ctx.locals.mark;
  const lockSlot = ctx.locals.temp(object);
  genExpr(ctx, s.lock);
  ctx.emitter.op(Op.dup);
  ctx.emitter.local(Op.astore, lockSlot);
  ctx.locals.tempStored(lockSlot);
  ctx.emitter.op(Op.monitorenter);
  const env: JumpEnv = { tree: s, gaps: [] };
  const finalizer: Finalizer = {
    hasFinalizer: true,
    gen: () => {
      if (ctx.emitter.alive) {
        ctx.emitter.local(Op.aload, lockSlot);
        ctx.emitter.op(Op.monitorexit);
      }
      // The monitorexit stays protected, so that an exception in it releases the monitor once more.
      (env.gaps as Label[]).push(ctx.emitter.mark());
    },
  };
  env.finalizer = finalizer;
  genTryCore(ctx, s.body, [], env, false, null, s.body.span.end - 1);
  ctx.locals.endScope(mark);
}

/** Runs `body` with the jump environments outside `env`, as a finalizer's own code sees them. */
function outside(ctx: MethodContext, env: JumpEnv, body: () => void): void {
  const index = ctx.envs.indexOf(env);
  if (index < 0) throw internalError('finalizer outside its statement');
  const inner = ctx.envs.splice(index);
  try {
    body();
  } finally {
    ctx.envs.push(...inner);
  }
}

function register(ctx: MethodContext, start: Label, end: Label, handler: Label, catchType: string | undefined): void {
  ctx.exceptionTable.push({ start, end, handler, catchType });
}

function genTryCore(
  ctx: MethodContext,
  body: Block,
  catches: readonly CatchClause[],
  env: JumpEnv,
  actualTry: boolean,
  finallyBlock: Block | null,
  endOffset: number,
): void {
  // javac gives the code after each part the line of that part's closing brace.
  const lineAtEnd = (offset: number): void => {
    const line = ctx.lineAt(offset);
    if (line !== undefined) ctx.emitter.statementStart(line);
  };
  const emitter = ctx.emitter;
  const mark = ctx.locals.mark;
  const gaps = env.gaps as Label[];
  pushEnv(ctx, env);
  const start = emitter.mark();
  // Handlers start in the state at the start of the try: nothing assigned in the body is certain there.
  const tryState = emitter.flowState();
  genBlock(ctx, body);
  const end = emitter.mark();
  const bodyGaps = [...gaps];
  const emptyBody = start.pc === end.pc;
  lineAtEnd(body.span.end - 1);
  genFinalizer(ctx, env);
  const exits: Label[] = [];
  const exitJump = (): void => {
    if (!emitter.alive) return;
    lineAtEnd(endOffset);
    const label = emitter.newLabel();
    emitter.goto(label);
    exits.push(label);
  };
  if (!(emptyBody && actualTry)) exitJump();
  endFinalizerGap(ctx, env);
  const hasFinalizer = env.finalizer?.hasFinalizer === true;
  if (!emptyBody) {
    catches.forEach((c, i) => {
      genCatch(ctx, c, start, end, bodyGaps, tryState);
      genFinalizer(ctx, env);
      if (hasFinalizer || i < catches.length - 1) exitJump();
      endFinalizerGap(ctx, env);
    });
  }
  if (hasFinalizer && (!emptyBody || !actualTry)) {
    ctx.locals.newSegment();
    const catchAll = emitter.markEntry(tryState);
    let segmentStart = start;
    while (gaps.length > 0) {
      const [gapStart, gapEnd] = gaps.splice(0, 2) as [Label, Label | undefined];
      register(ctx, segmentStart, gapStart, catchAll, undefined);
      if (gapEnd === undefined) throw internalError('unclosed finalizer gap');
      segmentStart = gapEnd;
    }
    const first = finallyBlock?.statements[0];
    if (first !== undefined) emitter.statementStart(first.span.line);
    else lineAtEnd(endOffset);
    const exceptionSlot = ctx.locals.temp(throwable);
    emitter.local(Op.astore, exceptionSlot);
    ctx.locals.tempStored(exceptionSlot);
    genFinalizer(ctx, env);
    lineAtEnd(endOffset);
    emitter.local(Op.aload, exceptionSlot);
    const gapStart = gaps.shift();
    if (gapStart !== undefined) register(ctx, segmentStart, gapStart, catchAll, undefined);
    emitter.op(Op.athrow);
  }
  popEnv(ctx, env);
  for (const label of exits) emitter.place(label);
  ctx.locals.endScope(mark);
}

function genCatch(ctx: MethodContext, c: CatchClause, start: Label, end: Label, bodyGaps: readonly Label[], tryState: FlowState): void {
  const emitter = ctx.emitter;
  const handler = emitter.markEntry(tryState);
  const types = c.types.map((t) => {
    const type = t.type;
    if (type?.kind !== 'class') throw internalError('catch type is not a class');
    return type.name;
  });
  let segmentStart = start;
  for (let i = 0; i + 1 < bodyGaps.length; i += 2) {
    for (const type of types) register(ctx, segmentStart, bodyGaps[i] as Label, handler, type);
    segmentStart = bodyGaps[i + 1] as Label;
  }
  if ((segmentStart.pc ?? 0) < (end.pc ?? 0)) {
    for (const type of types) register(ctx, segmentStart, end, handler, type);
  }
  const local = c.local;
  if (local === undefined) throw internalError(`catch parameter ${c.name.name} without a symbol`);
  emitter.statementStart(c.span.line);
  const mark = ctx.locals.mark;
  const slot = ctx.locals.declare(local);
  emitter.local(Op.astore, slot);
  ctx.locals.stored(slot);
  genBlock(ctx, c.body);
  ctx.locals.endScope(mark);
  const line = ctx.lineAt(c.body.span.end - 1);
  if (line !== undefined) emitter.statementStart(line);
}
