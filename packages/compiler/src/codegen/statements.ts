// Statements, laid out as javac lays them out: loops test at the top and jump back from the bottom,
// conditions jump to the false branch, dead statements are not generated, and each statement's first
// instruction carries its line.
import { Op } from '@oakvm/classfile';
import type { Block, DoWhile, Expr, For, ForEach, If, LocalVar, Return, Stmt, Switch, While, Break, Continue } from '../syntax/ast.js';
import type { Type } from '../semantics/types.js';
import { genCond, isFalse, jumpFalse, jumpTrue, pendingCond, resolve, type Cond } from './conditions.js';
import type { Label } from './emitter.js';
import { coerce, genArgs, genArrayLiteral, genDiscard, genExpr, genExprTo, typeOf } from './expressions.js';
import { assertNever, internalError } from './internal-error.js';
import { arrayLoadOp, loadOp, returnOp, storeOp } from './jvm-types.js';
import type { JumpEnv, MethodContext } from './method-context.js';
import { chooseSwitch } from './switch-layout.js';
import { genSynchronized, genTry, genFinalizer, endFinalizerGap, hasFinally } from './try-statements.js';
import { genInstanceInitializers } from './initializers.js';

const int: Type = { kind: 'primitive', name: 'int' };

export function genStatements(ctx: MethodContext, statements: readonly Stmt[]): void {
  for (let i = 0; i < statements.length; i++) genStatement(ctx, statements[i] as Stmt);
}

export function genStatement(ctx: MethodContext, s: Stmt): void {
  if (!ctx.emitter.alive) return;
  ctx.emitter.statementStart(s.span.line);
  switch (s.kind) {
    case 'Block':
      genBlock(ctx, s);
      return;
    case 'LocalVar':
      genLocalVar(ctx, s);
      return;
    case 'ExprStmt':
      genDiscard(ctx, s.expr);
      return;
    case 'If':
      genIf(ctx, s);
      return;
    case 'While':
      genWhile(ctx, s);
      return;
    case 'DoWhile':
      genDoWhile(ctx, s);
      return;
    case 'For':
      genFor(ctx, s);
      return;
    case 'ForEach':
      genForEach(ctx, s);
      return;
    case 'Labeled': {
      const env = pushEnv(ctx, { tree: s });
      genStatement(ctx, s.body);
      popEnv(ctx, env);
      resolveExit(ctx, env);
      return;
    }
    case 'Break':
      genBreak(ctx, s);
      return;
    case 'Continue':
      genContinue(ctx, s);
      return;
    case 'Return':
      genReturn(ctx, s);
      return;
    case 'Switch':
      genSwitch(ctx, s);
      return;
    case 'Throw':
      genExpr(ctx, s.expr);
      ctx.emitter.op(Op.athrow);
      return;
    case 'Try':
      genTry(ctx, s);
      return;
    case 'Synchronized':
      genSynchronized(ctx, s);
      return;
    case 'Empty':
      return;
    case 'ExplicitConstructorCall': {
      const ctor = s.ctor;
      if (ctor === undefined) throw internalError('unresolved constructor call');
      ctx.emitter.local(Op.aload, 0);
      genArgs(ctx, s.args, ctor.params);
      ctx.emitter.invoke(Op.invokespecial, ctor.owner.name, '<init>', ctor.descriptor, false);
      if (s.call === 'super') genInstanceInitializers(ctx);
      return;
    }
    default:
      assertNever(s, 'statement');
  }
}

export function genBlock(ctx: MethodContext, b: Block): void {
  const mark = ctx.locals.mark;
  genStatements(ctx, b.statements);
  ctx.locals.endScope(mark);
}

function genLocalVar(ctx: MethodContext, s: LocalVar): void {
  for (let di = 0; di < s.declarators.length; di++) {
    const d = s.declarators[di];
    const local = d.local;
    if (local === undefined) throw internalError(`local ${d.name.name} without a symbol`);
    const slot = ctx.locals.declare(local);
    if (d.init === null) continue;
    if (d.init.kind === 'ArrayLiteral') genArrayLiteral(ctx, d.init, local.type);
    else genExprTo(ctx, d.init, local.type);
    ctx.emitter.local(storeOp(local.type), slot);
    ctx.locals.stored(slot);
  }
}

function genIf(ctx: MethodContext, s: If): void {
  const c = genCond(ctx, s.condition);
  const elseJumps = jumpFalse(ctx, c);
  let thenExit: Label | undefined;
  if (!isFalse(c)) {
    resolve(ctx, c.trueJumps);
    genStatement(ctx, s.thenStmt);
    thenExit = gotoNew(ctx);
  }
  if (elseJumps.length > 0) {
    resolve(ctx, elseJumps);
    if (s.elseStmt !== null) genStatement(ctx, s.elseStmt);
  }
  if (thenExit !== undefined) ctx.emitter.place(thenExit);
}

/** A goto to a new label, or nothing when the code is dead. */
function gotoNew(ctx: MethodContext): Label | undefined {
  if (!ctx.emitter.alive) return undefined;
  const label = ctx.emitter.newLabel();
  ctx.emitter.goto(label);
  return label;
}

function genWhile(ctx: MethodContext, s: While): void {
  genLoop(ctx, s, s.body, s.condition, [], true);
}

function genDoWhile(ctx: MethodContext, s: DoWhile): void {
  genLoop(ctx, s, s.body, s.condition, [], false);
}

function genFor(ctx: MethodContext, s: For): void {
  const mark = ctx.locals.mark;
  genStatements(ctx, s.init);
  genLoop(ctx, s, s.body, s.condition, s.update, true);
  ctx.locals.endScope(mark);
}

/** javac's genLoop. `step` runs at the continue point; `bodyPrefix` emits for-each's element load. */
function genLoop(
  ctx: MethodContext,
  loop: Stmt,
  body: Stmt,
  condition: Expr | null,
  step: readonly Stmt[],
  testFirst: boolean,
  bodyPrefix?: () => void,
): void {
  const env = pushEnv(ctx, { tree: loop, continueLabel: ctx.emitter.newLabel() });
  const start = ctx.emitter.newLabel();
  ctx.emitter.placeEntry(start);
  const cond = (): Cond => {
    if (condition === null) return pendingCond('always');
    ctx.emitter.statementStart(condition.span.line);
    return genCond(ctx, condition);
  };
  if (testFirst) {
    const c = cond();
    const loopDone = jumpFalse(ctx, c);
    resolve(ctx, c.trueJumps);
    if (bodyPrefix !== undefined) bodyPrefix();
    else genStatement(ctx, body);
    placeContinue(ctx, env);
    genStatements(ctx, step);
    ctx.emitter.goto(start);
    resolve(ctx, loopDone);
  } else {
    genStatement(ctx, body);
    placeContinue(ctx, env);
    if (ctx.emitter.alive) {
      const c = cond();
      const backJumps = jumpTrue(ctx, c);
      for (let ji = 0; ji < backJumps.length; ji++) ctx.emitter.placeAt(backJumps[ji] as Label, start);
      resolve(ctx, c.falseJumps);
    }
  }
  popEnv(ctx, env);
  resolveExit(ctx, env);
}

function placeContinue(ctx: MethodContext, env: JumpEnv): void {
  if (env.continueLabel !== undefined) ctx.emitter.place(env.continueLabel);
}

function genForEach(ctx: MethodContext, s: ForEach): void {
  const mark = ctx.locals.mark;
  const arrayType = typeOf(s.iterable);
  if (arrayType.kind !== 'array') throw internalError('for-each over a non-array');
  const variable = s.variable.local;
  if (variable === undefined) throw internalError('for-each variable without a symbol');
  const emitter = ctx.emitter;
  const arraySlot = ctx.locals.temp(arrayType);
  genExpr(ctx, s.iterable);
  emitter.local(Op.astore, arraySlot);
  ctx.locals.tempStored(arraySlot);
  const lengthSlot = ctx.locals.temp(int);
  emitter.local(Op.aload, arraySlot);
  emitter.op(Op.arraylength);
  emitter.local(Op.istore, lengthSlot);
  ctx.locals.tempStored(lengthSlot);
  const indexSlot = ctx.locals.temp(int);
  emitter.op(Op.iconst_0);
  emitter.local(Op.istore, indexSlot);
  ctx.locals.tempStored(indexSlot);
  genIndexLoop(ctx, s, indexSlot, lengthSlot, () => {
    const bodyMark = ctx.locals.mark;
    const slot = ctx.locals.declare(variable);
    emitter.statementStart(s.span.line);
    emitter.local(Op.aload, arraySlot);
    emitter.local(Op.iload, indexSlot);
    emitter.op(arrayLoadOp(arrayType.element));
    coerce(ctx, arrayType.element, variable.type);
    emitter.local(storeOp(variable.type), slot);
    ctx.locals.stored(slot);
    genStatement(ctx, s.body);
    ctx.locals.endScope(bodyMark);
  });
  ctx.locals.endScope(mark);
}

/** The for loop javac lowers a for-each into: `for (; i < len; i++) { T v = a[i]; body }`. */
function genIndexLoop(ctx: MethodContext, loop: ForEach, indexSlot: number, lengthSlot: number, body: () => void): void {
  const env = pushEnv(ctx, { tree: loop, continueLabel: ctx.emitter.newLabel() });
  const start = ctx.emitter.newLabel();
  ctx.emitter.placeEntry(start);
  ctx.emitter.statementStart(loop.span.line);
  ctx.emitter.local(Op.iload, indexSlot);
  ctx.emitter.local(Op.iload, lengthSlot);
  const done = ctx.emitter.newLabel();
  ctx.emitter.branch(Op.if_icmpge, done);
  body();
  placeContinue(ctx, env);
  ctx.emitter.statementStart(loop.span.line);
  ctx.emitter.iinc(indexSlot, 1);
  ctx.emitter.goto(start);
  ctx.emitter.place(done);
  popEnv(ctx, env);
  resolveExit(ctx, env);
}

function genBreak(ctx: MethodContext, s: Break): void {
  const target = s.target;
  if (target === undefined) throw internalError('break without a target');
  const env = unwind(ctx, target);
  // Inlined finalizers move the line; the jump itself belongs to the break again, as in javac.
  ctx.emitter.statementStart(s.span.line);
  if (env.breakLabel === undefined) env.breakLabel = ctx.emitter.newLabel();
  ctx.emitter.goto(env.breakLabel);
  endFinalizerGaps(ctx, env);
}

function genContinue(ctx: MethodContext, s: Continue): void {
  let target = s.target;
  if (target === undefined) throw internalError('continue without a target');
  while (target.kind === 'Labeled') target = target.body;
  const env = unwind(ctx, target);
  ctx.emitter.statementStart(s.span.line);
  if (env.continueLabel === undefined) throw internalError('continue target is not a loop');
  ctx.emitter.goto(env.continueLabel);
  endFinalizerGaps(ctx, env);
}

function genReturn(ctx: MethodContext, s: Return): void {
  const mark = ctx.locals.mark;
  const line = s.span.line;
  if (s.value !== null) {
    genExprTo(ctx, s.value, ctx.returnType);
    let temp: number | undefined;
    if (hasFinally(ctx)) {
      temp = ctx.locals.temp(ctx.returnType);
      ctx.emitter.local(storeOp(ctx.returnType), temp);
      ctx.locals.tempStored(temp);
    }
    const env = unwind(ctx, 'method');
    ctx.emitter.statementStart(line);
    if (temp !== undefined) ctx.emitter.local(loadOp(ctx.returnType), temp);
    ctx.emitter.op(returnOp(ctx.returnType));
    endFinalizerGaps(ctx, env);
  } else {
    const env = unwind(ctx, 'method');
    ctx.emitter.statementStart(line);
    ctx.emitter.op(Op.return);
    endFinalizerGaps(ctx, env);
  }
  ctx.locals.endScope(mark);
}

function genSwitch(ctx: MethodContext, s: Switch): void {
  const mark = ctx.locals.mark;
  const emitter = ctx.emitter;
  genExprTo(ctx, s.selector, int);
  if (s.cases.length === 0) {
    emitter.op(Op.pop);
    ctx.locals.endScope(mark);
    return;
  }
  const env = pushEnv(ctx, { tree: s });
  const keys: number[] = [];
  const keyTargets: Label[] = [];
  const caseLabels: Label[] = [];
  let defaultLabel: Label | undefined;
  for (let ci = 0; ci < s.cases.length; ci++) {
    const c = s.cases[ci] as Switch['cases'][number];
    const label = emitter.newLabel();
    caseLabels.push(label);
    for (let li = 0; li < c.labels.length; li++) {
      const l = c.labels[li] as (typeof c.labels)[number];
      if (l.kind === 'Default') {
        defaultLabel = label;
        continue;
      }
      const value = l.value.constant;
      if (value === undefined || typeof value.value !== 'number') throw internalError('case label is not a constant');
      keys.push(value.value);
      keyTargets.push(label);
    }
  }
  const defaultTarget = defaultLabel ?? emitter.newLabel();
  // Every case starts in the state at the switch instruction, whatever the case before it assigned.
  const switchState = emitter.flowState();
  const layout = chooseSwitch(keys);
  if (layout.kind === 'table') {
    const targets: Label[] = [];
    for (let k = layout.low; k <= layout.high; k++) {
      const index = keys.indexOf(k);
      targets.push(index < 0 ? defaultTarget : (keyTargets[index] as Label));
    }
    emitter.tableswitch(layout.low, layout.high, defaultTarget, targets);
  } else {
    const order = keys.map((k, i) => ({ k, label: keyTargets[i] as Label })).sort((a, b) => a.k - b.k);
    emitter.lookupswitch(
      defaultTarget,
      order.map((o) => o.k),
      order.map((o) => o.label),
    );
  }
  for (let ci = 0; ci < s.cases.length; ci++) {
    emitter.placeEntry(caseLabels[ci] as Label, switchState);
    genStatements(ctx, (s.cases[ci] as Switch['cases'][number]).body);
  }
  popEnv(ctx, env);
  resolveExit(ctx, env);
  if (defaultLabel === undefined) emitter.placeEntry(defaultTarget, switchState);
  ctx.locals.endScope(mark);
}

export function pushEnv(ctx: MethodContext, env: JumpEnv): JumpEnv {
  ctx.envs.push(env);
  return env;
}

export function popEnv(ctx: MethodContext, env: JumpEnv): void {
  const top = ctx.envs.pop();
  if (top !== env) throw internalError('unbalanced jump environments');
}

function resolveExit(ctx: MethodContext, env: JumpEnv): void {
  if (env.breakLabel !== undefined) ctx.emitter.place(env.breakLabel);
}

/**
 * Runs the finalizers between here and the target (javac's unwind), innermost first, and returns the
 * target's environment.
 */
function unwind(ctx: MethodContext, target: Stmt | 'method'): JumpEnv {
  for (let i = ctx.envs.length - 1; i >= 0; i--) {
    const env = ctx.envs[i] as JumpEnv;
    genFinalizer(ctx, env);
    if (env.tree === target) return env;
  }
  throw internalError('jump target is not an enclosing statement');
}

/** Closes the gaps the finalizers of unwind opened, for every environment inside the target. */
function endFinalizerGaps(ctx: MethodContext, target: JumpEnv): void {
  for (let i = ctx.envs.length - 1; i >= 0; i--) {
    const env = ctx.envs[i] as JumpEnv;
    if (env === target) return;
    endFinalizerGap(ctx, env);
  }
}
