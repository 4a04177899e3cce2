// Field initialisers and initialiser blocks, moved where javac moves them: instance ones into every
// constructor that calls super(...) (right after that call), static ones into <clinit>, both in source
// order. A static field with a constant value is not initialised by code: its ConstantValue does it.
import { Op } from '@oakvm/classfile';
import type { ClassDecl, Expr, VarDeclarator } from '../syntax/ast.js';
import { descriptorOf } from '../semantics/types.js';
import { genArrayLiteral, genExprTo } from './expressions.js';
import { internalError } from './internal-error.js';
import { isStatic } from './lvalues.js';
import type { MethodContext } from './method-context.js';
import { genBlock } from './statements.js';

export function genInstanceInitializers(ctx: MethodContext): void {
  genInitializers(ctx, false);
}

export function genStaticInitializers(ctx: MethodContext): void {
  genInitializers(ctx, true);
}

/** Whether the class needs a <clinit>. */
export function hasStaticInitializers(decl: ClassDecl): boolean {
  return decl.members.some((m) => {
    if (m.kind === 'Initializer') return m.isStatic;
    if (m.kind !== 'Field') return false;
    return m.declarators.some((d) => d.init !== null && d.symbol !== undefined && isStatic(d.symbol) && d.symbol.constantValue === undefined);
  });
}

function genInitializers(ctx: MethodContext, statics: boolean): void {
  const decl = ctx.cls.decl;
  if (decl === undefined) return;
  for (const member of decl.members) {
    if (member.kind === 'Initializer') {
      if (member.isStatic !== statics) continue;
      ctx.emitter.statementStart(member.span.line);
      genBlock(ctx, member.body);
      continue;
    }
    if (member.kind !== 'Field') continue;
    for (const d of member.declarators) {
      const field = d.symbol;
      if (field === undefined) throw internalError(`field ${d.name.name} without a symbol`);
      if (d.init === null || isStatic(field) !== statics) continue;
      if (statics && field.constantValue !== undefined) continue;
      genFieldInit(ctx, d, d.init, statics);
    }
  }
}

function genFieldInit(ctx: MethodContext, d: VarDeclarator, init: Expr, statics: boolean): void {
  const field = d.symbol;
  if (field === undefined) return;
  if (!ctx.emitter.alive) return;
  ctx.emitter.statementStart(d.span.line);
  if (!statics) ctx.emitter.local(Op.aload, 0);
  if (init.kind === 'ArrayLiteral') genArrayLiteral(ctx, init, field.type);
  else genExprTo(ctx, init, field.type);
  ctx.emitter.field(statics ? Op.putstatic : Op.putfield, ctx.cls.name, field.name, descriptorOf(field.type));
}
