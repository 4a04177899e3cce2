// String concatenation as javac --release 8 compiles it: one `new StringBuilder()` per chain of `+`,
// flattened across nested (also parenthesised) string additions, one append per operand with the
// overload javac picks, then toString(). A folded constant part is appended as one string.
import { Op } from '@oakvm/classfile';
import type { Assign, Expr } from '../syntax/ast.js';
import { descriptorOf, type Type } from '../semantics/types.js';
import { genExpr, typeOf } from './expressions.js';
import { genLValue, loadLValue, lvalueType, stashValue, storeLValue } from './lvalues.js';
import type { MethodContext } from './method-context.js';

const BUILDER = 'java/lang/StringBuilder';

export function genStringConcat(ctx: MethodContext, e: Expr): void {
  newBuilder(ctx);
  appendOperands(ctx, e);
  builderToString(ctx);
}

/** `s += x`: the builder comes first, then the target is read, appended to, and written back. */
export function genStringConcatAssign(ctx: MethodContext, e: Assign, valueNeeded: boolean): void {
  newBuilder(ctx);
  const lv = genLValue(ctx, e.target);
  // Keep a copy of the target's object (or array and index) under the builder for the store.
  if (lv.kind === 'member') ctx.emitter.op(Op.dup_x1);
  else if (lv.kind === 'element') ctx.emitter.op(Op.dup2_x1);
  loadLValue(ctx, lv);
  append(ctx, lvalueType(lv));
  appendOperands(ctx, e.value);
  builderToString(ctx);
  if (valueNeeded) stashValue(ctx, lv, lvalueType(lv));
  storeLValue(ctx, lv);
}

function newBuilder(ctx: MethodContext): void {
  ctx.emitter.classOp(Op.new, BUILDER);
  ctx.emitter.op(Op.dup);
  ctx.emitter.invoke(Op.invokespecial, BUILDER, '<init>', '()V', false);
}

function builderToString(ctx: MethodContext): void {
  ctx.emitter.invoke(Op.invokevirtual, BUILDER, 'toString', '()Ljava/lang/String;', false);
}

function appendOperands(ctx: MethodContext, e: Expr): void {
  if (e.kind === 'Binary' && e.operator === '+' && e.constant === undefined && e.opType?.kind === 'class') {
    appendOperands(ctx, e.left);
    appendOperands(ctx, e.right);
    return;
  }
  genExpr(ctx, e);
  append(ctx, typeOf(e));
}

/** javac's appendString: primitives by their own overload (byte and short widen to int), String as String, anything else as Object. */
function append(ctx: MethodContext, type: Type): void {
  let parameter: Type;
  if (type.kind === 'primitive') {
    parameter = type.name === 'byte' || type.name === 'short' ? { kind: 'primitive', name: 'int' } : type;
  } else if (type.kind === 'class' && type.name === 'java/lang/String') {
    parameter = type;
  } else {
    parameter = { kind: 'class', name: 'java/lang/Object' };
  }
  ctx.emitter.invoke(Op.invokevirtual, BUILDER, 'append', `(${descriptorOf(parameter)})L${BUILDER};`, false);
}
