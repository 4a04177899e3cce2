// Simple and compound assignment and ++/--, as javac's visitAssign, visitAssignop and visitUnary compile
// them: iinc for a local int changed by a constant that fits 16 bits, the implicit narrowing of compound
// assignment (JLS 15.26.2) with i2b/i2s/i2c, and dup_x forms when the result is used.
import { Op, type OpCode } from '@oakvm/classfile';
import type { Assign, Binary, IncDec } from '../syntax/ast.js';
import type { Type } from '../semantics/types.js';
import { coerce, genBinaryOperation, genExprTo, typeOf } from './expressions.js';
import { internalError } from './internal-error.js';
import { arithmeticOp, jvmKind } from './jvm-types.js';
import { duplicateLValue, genLValue, loadLValue, lvalueType, stashValue, storeLValue, type LValue } from './lvalues.js';
import type { MethodContext } from './method-context.js';
import { genStringConcatAssign } from './string-concat.js';

const int: Type = { kind: 'primitive', name: 'int' };

export function genAssign(ctx: MethodContext, e: Assign, valueNeeded: boolean): void {
  const lv = genLValue(ctx, e.target);
  const type = lvalueType(lv);
  genExprTo(ctx, e.value, type);
  if (valueNeeded) stashValue(ctx, lv, type);
  storeLValue(ctx, lv);
}

export function genCompoundAssign(ctx: MethodContext, e: Assign, valueNeeded: boolean): void {
  const opType = e.opType;
  if (opType === undefined) throw internalError(`compound ${e.operator} without opType`);
  if (e.operator === '+=' && opType.kind === 'class') {
    genStringConcatAssign(ctx, e, valueNeeded);
    return;
  }
  const lv = genLValue(ctx, e.target);
  const type = lvalueType(lv);
  const constant = e.value.constant;
  if (
    (e.operator === '+=' || e.operator === '-=') &&
    lv.kind === 'local' &&
    isIntSubrange(type) &&
    isIntSubrange(typeOf(e.value)) &&
    constant !== undefined &&
    typeof constant.value === 'number'
  ) {
    const delta = e.operator === '-=' ? -constant.value : constant.value;
    increment(ctx, lv, delta);
    if (valueNeeded) loadLValue(ctx, lv);
    return;
  }
  duplicateLValue(ctx, lv);
  loadLValue(ctx, lv);
  coerce(ctx, type, opType);
  genBinaryOperation(ctx, e.operator.slice(0, -1) as Binary['operator'], opType, e.value);
  coerce(ctx, opType, type);
  if (valueNeeded) stashValue(ctx, lv, type);
  storeLValue(ctx, lv);
}

/** `prefix` overrides the expression's own: a statement x++ is compiled as ++x. */
export function genIncDec(ctx: MethodContext, e: IncDec, valueNeeded: boolean, prefix = e.prefix): void {
  const lv = genLValue(ctx, e.operand);
  const type = lvalueType(lv);
  const opType = e.opType ?? type;
  const kind = jvmKind(opType);
  const delta = e.operator === '++' ? 1 : -1;
  duplicateLValue(ctx, lv);
  if (lv.kind === 'local' && kind === 'int') {
    if (prefix) {
      increment(ctx, lv, delta);
      if (valueNeeded) loadLValue(ctx, lv);
    } else {
      if (valueNeeded) loadLValue(ctx, lv);
      increment(ctx, lv, delta);
    }
    return;
  }
  loadLValue(ctx, lv);
  if (!prefix && valueNeeded) stashValue(ctx, lv, type);
  pushOne(ctx, kind);
  ctx.emitter.op(arithmeticOp(e.operator === '++' ? Op.iadd : Op.isub, kind));
  coerce(ctx, kind === 'int' ? int : opType, type);
  if (prefix && valueNeeded) stashValue(ctx, lv, type);
  storeLValue(ctx, lv);
}

/** javac's LocalItem.incr: iinc for an int local, otherwise load, add or subtract, narrow, store. */
function increment(ctx: MethodContext, lv: Extract<LValue, { kind: 'local' }>, delta: number): void {
  if (lv.type.kind === 'primitive' && lv.type.name === 'int' && delta >= -32768 && delta <= 32767) {
    ctx.emitter.iinc(lv.slot, delta);
    ctx.locals.stored(lv.slot);
    return;
  }
  loadLValue(ctx, lv);
  if (delta >= 0) {
    ctx.emitter.intConstant(delta);
    ctx.emitter.op(Op.iadd);
  } else {
    ctx.emitter.intConstant(-delta);
    ctx.emitter.op(Op.isub);
  }
  coerce(ctx, int, lv.type);
  storeLValue(ctx, lv);
}

const ONES: Record<string, OpCode> = { int: Op.iconst_1, long: Op.lconst_1, float: Op.fconst_1, double: Op.dconst_1 };

function pushOne(ctx: MethodContext, kind: ReturnType<typeof jvmKind>): void {
  const op = ONES[kind];
  if (op === undefined) throw internalError('++ on a reference');
  ctx.emitter.op(op);
}

function isIntSubrange(type: Type): boolean {
  return type.kind === 'primitive' && type.name !== 'boolean' && jvmKind(type) === 'int';
}
