// Assignable places, as javac's Items: a local, a static field, an instance field (object reference on
// the stack) or an array element (array and index on the stack). Each knows how to keep its operands for
// a read-modify-write (`duplicate`) and how to keep a copy of the value under them (`stash`), which is
// where dup_x1, dup2_x1, dup_x2 and dup2_x2 come from.
import { Op } from '@oakvm/classfile';
import type { ArrayAccess, Expr, FieldAccess, Name } from '../syntax/ast.js';
import type { FieldSymbol } from '../semantics/symbols.js';
import { descriptorOf, type Type } from '../semantics/types.js';
import { genExpr, unparen } from './expressions.js';
import { internalError } from './internal-error.js';
import { arrayLoadOp, arrayStoreOp, loadOp, slotSize, storeOp } from './jvm-types.js';
import type { MethodContext } from './method-context.js';

export type LValue =
  | { readonly kind: 'local'; readonly slot: number; readonly type: Type }
  | { readonly kind: 'static'; readonly owner: string; readonly field: FieldSymbol }
  | { readonly kind: 'member'; readonly owner: string; readonly field: FieldSymbol }
  | { readonly kind: 'element'; readonly type: Type };

export function lvalueType(lv: LValue): Type {
  switch (lv.kind) {
    case 'local':
    case 'element':
      return lv.type;
    case 'static':
    case 'member':
      return lv.field.type;
  }
}

/** Evaluates the operands of an assignable expression (object, array and index) and describes it. */
export function genLValue(ctx: MethodContext, expression: Expr): LValue {
  const e = unparen(expression);
  switch (e.kind) {
    case 'Name':
      return nameLValue(ctx, e);
    case 'FieldAccess':
      return fieldAccessLValue(ctx, e);
    case 'ArrayAccess':
      return elementLValue(ctx, e);
    default:
      throw internalError(`${e.kind} is not assignable`);
  }
}

function nameLValue(ctx: MethodContext, e: Name): LValue {
  const binding = e.binding;
  if (binding?.kind === 'local') {
    return { kind: 'local', slot: ctx.locals.slotOf(binding.local), type: binding.local.type };
  }
  if (binding?.kind === 'field') {
    const owner = e.qualifyingClass ?? ctx.cls.name;
    if (isStatic(binding.field)) return { kind: 'static', owner, field: binding.field };
    ctx.emitter.local(Op.aload, 0);
    return { kind: 'member', owner, field: binding.field };
  }
  throw internalError(`name ${e.name} is not a variable`);
}

function fieldAccessLValue(ctx: MethodContext, e: FieldAccess): LValue {
  const binding = e.binding;
  if (binding?.kind !== 'field') throw internalError(`${e.name.name} is not a field`);
  const field = binding.field;
  const owner = e.qualifyingClass ?? field.owner.name;
  const target = e.target;
  if (isStatic(field)) {
    // A static field reached through an expression still evaluates it (JLS 15.11.1), then drops it.
    if (target.kind !== 'Super' && !isTypeName(target)) {
      genExpr(ctx, target);
      ctx.emitter.op(Op.pop);
    }
    return { kind: 'static', owner, field };
  }
  if (target.kind === 'Super') ctx.emitter.local(Op.aload, 0);
  else genExpr(ctx, target);
  return { kind: 'member', owner, field };
}

function elementLValue(ctx: MethodContext, e: ArrayAccess): LValue {
  genExpr(ctx, e.array);
  genExpr(ctx, e.index);
  const arrayType = e.array.type;
  if (arrayType?.kind !== 'array') throw internalError('array access on a non-array');
  return { kind: 'element', type: arrayType.element };
}

export function isStatic(field: FieldSymbol): boolean {
  return (field.accessFlags & 0x0008) !== 0;
}

/** True for a name or qualified name that the checker bound to a class or package, not a value. */
export function isTypeName(e: Expr): boolean {
  const inner = unparen(e);
  if (inner.kind !== 'Name' && inner.kind !== 'FieldAccess') return false;
  return inner.binding?.kind === 'class' || inner.binding?.kind === 'package';
}

export function loadLValue(ctx: MethodContext, lv: LValue): void {
  const emitter = ctx.emitter;
  switch (lv.kind) {
    case 'local':
      emitter.local(loadOp(lv.type), lv.slot);
      return;
    case 'static':
      emitter.field(Op.getstatic, lv.owner, lv.field.name, descriptorOf(lv.field.type));
      return;
    case 'member':
      emitter.field(Op.getfield, lv.owner, lv.field.name, descriptorOf(lv.field.type));
      return;
    case 'element':
      emitter.op(arrayLoadOp(lv.type));
      return;
  }
}

export function storeLValue(ctx: MethodContext, lv: LValue): void {
  const emitter = ctx.emitter;
  switch (lv.kind) {
    case 'local':
      emitter.local(storeOp(lv.type), lv.slot);
      ctx.locals.stored(lv.slot);
      return;
    case 'static':
      emitter.field(Op.putstatic, lv.owner, lv.field.name, descriptorOf(lv.field.type));
      return;
    case 'member':
      emitter.field(Op.putfield, lv.owner, lv.field.name, descriptorOf(lv.field.type));
      return;
    case 'element':
      emitter.op(arrayStoreOp(lv.type));
      return;
  }
}

/** Copies the operands (object, or array and index) so the place can be both read and written. */
export function duplicateLValue(ctx: MethodContext, lv: LValue): void {
  if (lv.kind === 'member') ctx.emitter.op(Op.dup);
  else if (lv.kind === 'element') ctx.emitter.op(Op.dup2);
}

/** Copies the value on top of the stack below the place's operands, to be the assignment's result. */
export function stashValue(ctx: MethodContext, lv: LValue, valueType: Type): void {
  const wide = slotSize(valueType) === 2;
  switch (lv.kind) {
    case 'local':
    case 'static':
      ctx.emitter.op(wide ? Op.dup2 : Op.dup);
      return;
    case 'member':
      ctx.emitter.op(wide ? Op.dup2_x1 : Op.dup_x1);
      return;
    case 'element':
      ctx.emitter.op(wide ? Op.dup2_x2 : Op.dup_x2);
      return;
  }
}
