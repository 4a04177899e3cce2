// Boolean expressions compiled to jumps, as javac's CondItem does: a condition is a branch opcode still
// to be emitted plus the jumps already emitted towards "true" and towards "false". `if`, loops, && and ||
// consume it without ever materialising 0 or 1; only a boolean used as a value is loaded with iconst.
import { Op, type OpCode } from '@oakvm/classfile';
import type { Binary, Expr } from '../syntax/ast.js';
import type { Label } from './emitter.js';
import { genExpr, genExprTo, unparen } from './expressions.js';
import { internalError } from './internal-error.js';
import { jvmKind } from './jvm-types.js';
import type { MethodContext } from './method-context.js';

/** A branch opcode, or javac's pseudo-opcodes for a condition known at compile time. */
type CondOp = OpCode | 'always' | 'never';

/**
 * Jump lists are never changed once made, so the empty list and a list that gains nothing are shared
 * rather than copied.
 */
export type Jumps = readonly Label[];

const NO_JUMPS: Jumps = Object.freeze([]);

export interface Cond {
  readonly op: CondOp;
  /** Jumps that go where the condition is true. */
  readonly trueJumps: Jumps;
  /** Jumps that go where the condition is false. */
  readonly falseJumps: Jumps;
}

/** A condition with no jumps emitted yet. */
export function pendingCond(op: CondOp): Cond {
  return { op, trueJumps: NO_JUMPS, falseJumps: NO_JUMPS };
}

function concatJumps(a: Jumps, b: Jumps): Jumps {
  if (a.length === 0) return b;
  if (b.length === 0) return a;
  return a.concat(b);
}

const negations = new Map<CondOp, CondOp>([
  [Op.ifeq, Op.ifne],
  [Op.iflt, Op.ifge],
  [Op.ifgt, Op.ifle],
  [Op.if_icmpeq, Op.if_icmpne],
  [Op.if_icmplt, Op.if_icmpge],
  [Op.if_icmpgt, Op.if_icmple],
  [Op.if_acmpeq, Op.if_acmpne],
  [Op.ifnull, Op.ifnonnull],
  ['always', 'never'],
]);
for (const [a, b] of [...negations]) negations.set(b, a);

function negateOp(op: CondOp): CondOp {
  const negated = negations.get(op);
  if (negated === undefined) throw internalError(`no negation for opcode ${String(op)}`);
  return negated;
}

export function negate(c: Cond): Cond {
  return { op: negateOp(c.op), trueJumps: c.falseJumps, falseJumps: c.trueJumps };
}

export function isTrue(c: Cond): boolean {
  return c.falseJumps.length === 0 && c.op === 'always';
}

export function isFalse(c: Cond): boolean {
  return c.trueJumps.length === 0 && c.op === 'never';
}

/** Emits the branch `op` (if it is one and the code is alive); returns `jumps` and the new jump. */
function emitBranch(ctx: MethodContext, op: CondOp, jumps: Jumps): Jumps {
  if (op === 'never' || !ctx.emitter.alive) return jumps;
  const label = ctx.emitter.newLabel();
  if (op === 'always') ctx.emitter.goto(label);
  else ctx.emitter.branch(op, label);
  return jumps.length === 0 ? [label] : jumps.concat(label);
}

/** Emits the branch taken when the condition holds; returns every jump towards "true". */
export function jumpTrue(ctx: MethodContext, c: Cond): Jumps {
  return emitBranch(ctx, c.op, c.trueJumps);
}

/** Emits the branch taken when the condition fails; returns every jump towards "false". */
export function jumpFalse(ctx: MethodContext, c: Cond): Jumps {
  return emitBranch(ctx, negateOp(c.op), c.falseJumps);
}

/** Places a set of jumps' targets here. */
export function resolve(ctx: MethodContext, jumps: readonly Label[]): void {
  for (let labelIndex = 0; labelIndex < jumps.length; labelIndex++) {
    const label = jumps[labelIndex];
    ctx.emitter.place(label);
  }
}

/** Leaves 0 or 1 on the stack (javac's CondItem.load). */
export function loadCond(ctx: MethodContext, c: Cond): void {
  const falseJumps = jumpFalse(ctx, c);
  let trueExit: Label | undefined;
  if (!isFalse(c)) {
    resolve(ctx, c.trueJumps);
    ctx.emitter.op(Op.iconst_1);
    if (ctx.emitter.alive) {
      trueExit = ctx.emitter.newLabel();
      ctx.emitter.goto(trueExit);
    }
  }
  if (falseJumps.length > 0) {
    resolve(ctx, falseJumps);
    ctx.emitter.op(Op.iconst_0);
  }
  if (trueExit !== undefined) ctx.emitter.place(trueExit);
}

export function genCond(ctx: MethodContext, expression: Expr): Cond {
  const e = unparen(expression);
  if (e.constant !== undefined && e.constant.kind === 'boolean') {
    return pendingCond(e.constant.value ? 'always' : 'never');
  }
  switch (e.kind) {
    case 'Unary':
      if (e.operator === '!') return negate(genCond(ctx, e.operand));
      break;
    case 'Binary':
      switch (e.operator) {
        case '&&':
          return genAnd(ctx, e);
        case '||':
          return genOr(ctx, e);
        case '==':
        case '!=':
        case '<':
        case '>':
        case '<=':
        case '>=':
          return genComparison(ctx, e);
        default:
          break;
      }
      break;
    case 'Conditional':
      return genConditionalCond(ctx, e.condition, e.whenTrue, e.whenFalse);
    default:
      break;
  }
  genExpr(ctx, e);
  return pendingCond(Op.ifne);
}

function genAnd(ctx: MethodContext, e: Binary): Cond {
  const left = genCond(ctx, e.left);
  if (isFalse(left)) return left;
  const falseJumps = jumpFalse(ctx, left);
  resolve(ctx, left.trueJumps);
  const right = genCond(ctx, e.right);
  return { op: right.op, trueJumps: right.trueJumps, falseJumps: concatJumps(falseJumps, right.falseJumps) };
}

function genOr(ctx: MethodContext, e: Binary): Cond {
  const left = genCond(ctx, e.left);
  if (isTrue(left)) return left;
  const trueJumps = jumpTrue(ctx, left);
  resolve(ctx, left.falseJumps);
  const right = genCond(ctx, e.right);
  return { op: right.op, trueJumps: concatJumps(trueJumps, right.trueJumps), falseJumps: right.falseJumps };
}

function genConditionalCond(ctx: MethodContext, condition: Expr, whenTrue: Expr, whenFalse: Expr): Cond {
  const c = genCond(ctx, condition);
  if (isTrue(c)) {
    resolve(ctx, c.trueJumps);
    return genCond(ctx, whenTrue);
  }
  if (isFalse(c)) {
    resolve(ctx, c.falseJumps);
    return genCond(ctx, whenFalse);
  }
  const secondJumps = jumpFalse(ctx, c);
  resolve(ctx, c.trueJumps);
  const first = genCond(ctx, whenTrue);
  const falseJumps = jumpFalse(ctx, first);
  resolve(ctx, first.trueJumps);
  const trueJumps = emitBranch(ctx, 'always', NO_JUMPS);
  resolve(ctx, secondJumps);
  const second = genCond(ctx, whenFalse);
  return {
    op: second.op,
    trueJumps: concatJumps(trueJumps, second.trueJumps),
    falseJumps: concatJumps(falseJumps, second.falseJumps),
  };
}

const intCompare: Record<string, OpCode> = {
  '==': Op.if_icmpeq,
  '!=': Op.if_icmpne,
  '<': Op.if_icmplt,
  '>': Op.if_icmpgt,
  '<=': Op.if_icmple,
  '>=': Op.if_icmpge,
};

const zeroCompare: Record<string, OpCode> = {
  '==': Op.ifeq,
  '!=': Op.ifne,
  '<': Op.iflt,
  '>': Op.ifgt,
  '<=': Op.ifle,
  '>=': Op.ifge,
};

/**
 * Comparisons as javac compiles them: against an int zero constant with if<cond>, against null with
 * ifnull/ifnonnull, long with lcmp, and float/double with the NaN-correct compare: fcmpg/dcmpg for < and
 * <=, fcmpl/dcmpl otherwise, so that NaN makes every comparison but != false.
 */
function genComparison(ctx: MethodContext, e: Binary): Cond {
  const operandType = e.opType;
  if (operandType === undefined) throw internalError('comparison without opType');
  const right = unparen(e.right);
  const op = e.operator;
  if (operandType.kind !== 'primitive') {
    genExpr(ctx, e.left);
    if (right.kind === 'Literal' && right.value.kind === 'null') {
      return simple(op === '==' ? Op.ifnull : Op.ifnonnull);
    }
    genExpr(ctx, e.right);
    return simple(op === '==' ? Op.if_acmpeq : Op.if_acmpne);
  }
  const kind = jvmKind(operandType);
  genExprTo(ctx, e.left, operandType);
  if (kind === 'int') {
    if (right.constant !== undefined && isIntZero(right.constant.kind, right.constant.value)) {
      return simple(zeroCompare[op] as OpCode);
    }
    genExprTo(ctx, e.right, operandType);
    return simple(intCompare[op] as OpCode);
  }
  genExprTo(ctx, e.right, operandType);
  const lessThan = op === '<' || op === '<=';
  switch (kind) {
    case 'long':
      ctx.emitter.op(Op.lcmp);
      break;
    case 'float':
      ctx.emitter.op(lessThan ? Op.fcmpg : Op.fcmpl);
      break;
    case 'double':
      ctx.emitter.op(lessThan ? Op.dcmpg : Op.dcmpl);
      break;
    case 'ref':
      throw internalError('reference kind for a primitive comparison');
  }
  return simple(zeroCompare[op] as OpCode);
}

function isIntZero(kind: string, value: unknown): boolean {
  if (kind === 'boolean') return value === false;
  return (kind === 'int' || kind === 'char' || kind === 'short' || kind === 'byte') && value === 0;
}

function simple(op: OpCode): Cond {
  return pendingCond(op);
}
