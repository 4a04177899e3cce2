// One method's code: slots for `this` and the parameters, the body (with the implicit super() and the
// field initialisers of constructors), the closing `return` of a void method, then the exception table
// with javac's clean-up of empty and self-covering ranges.
import { Op, type CodeBuilder } from '@oakvm/classfile';
import type { MethodDecl } from '../syntax/ast.js';
import type { ClassSymbol, MethodSymbol } from '../semantics/symbols.js';
import { sameType, type Type } from '../semantics/types.js';
import { CodeBuilderSink } from './code-builder-sink.js';
import { Emitter } from './emitter.js';
import type { GenerateOptions } from './generate-options.js';
import { genInstanceInitializers, genStaticInitializers } from './initializers.js';
import { internalError } from './internal-error.js';
import { Locals } from './locals.js';
import type { ExceptionEntry, MethodContext } from './method-context.js';
import { genStatements } from './statements.js';

/** What a method's code is made of: its declaration, or a constructor/initialiser javac synthesises. */
export type MethodSource = { readonly kind: 'declared'; readonly decl: MethodDecl } | { readonly kind: 'defaultConstructor' } | { readonly kind: 'classInitializer' };

export function generateMethodCode(
  cls: ClassSymbol,
  method: MethodSymbol,
  source: MethodSource,
  code: CodeBuilder,
  options: GenerateOptions,
): void {
  const sink = new CodeBuilderSink(code);
  const emitter = new Emitter(sink);
  const locals = new Locals(emitter);
  const lineAt = (offset: number): number | undefined => options.lineAt?.(cls, offset);
  const ctx: MethodContext = {
    emitter,
    locals,
    cls,
    method,
    returnType: method.returnType,
    envs: [{ tree: 'method' }],
    exceptionTable: [],
    isSubtype: options.isSubtype ?? defaultSubtype,
    lineAt,
  };
  const start = emitter.mark();
  if ((method.accessFlags & 0x0008) === 0) locals.declareParameter('this', { kind: 'class', name: cls.name }, undefined, start);
  const decl = source.kind === 'declared' ? source.decl : undefined;
  if (decl !== undefined && decl.kind !== 'Initializer') {
    for (const p of decl.params) {
      const local = p.local;
      if (local === undefined) throw internalError(`parameter ${p.name.name} without a symbol`);
      locals.declareParameter(local.name, local.type, local, start);
    }
  }
  let closingOffset: number | undefined;
  switch (source.kind) {
    case 'defaultConstructor': {
      emitter.statementStart(cls.decl?.span.line ?? 1);
      superCall(ctx);
      genInstanceInitializers(ctx);
      break;
    }
    case 'classInitializer':
      genStaticInitializers(ctx);
      closingOffset = lastStaticInitializerEnd(cls);
      break;
    case 'declared': {
      const d = source.decl;
      if (d.kind === 'Initializer') throw internalError('initialiser blocks are not methods');
      const body = d.body;
      if (body === null) throw internalError(`method ${method.name} has no body`);
      closingOffset = body.span.end - 1;
      const first = body.statements[0];
      if (d.kind === 'Constructor' && first?.kind !== 'ExplicitConstructorCall') {
        emitter.statementStart(d.span.line);
        superCall(ctx);
        genInstanceInitializers(ctx);
      }
      genStatements(ctx, body.statements);
      break;
    }
  }
  if (emitter.alive) {
    if (method.returnType.kind !== 'void') throw internalError(`method ${method.name} can complete without a value`);
    const closing = closingOffset === undefined ? undefined : lineAt(closingOffset);
    if (closing !== undefined) emitter.statementStart(closing);
    emitter.op(Op.return);
  }
  emitter.finish();
  const table = compressExceptionTable(ctx.exceptionTable);
  for (let ei = 0; ei < table.length; ei++) {
    const entry = table[ei] as ExceptionEntry;
    emitter.handler(entry.start, entry.end, entry.handler, entry.catchType);
  }
  locals.endScope(0);
  emitter.finish();
  // Checked here, where the method is known; the builder's own check only names the class.
  if (sink.pc > 0xffff) throw new Error(`code too large: ${sink.pc} bytes`);
  sink.finish();
}

/** Where javac's synthesised <clinit> body ends: the end of the last static initialiser. */
function lastStaticInitializerEnd(cls: ClassSymbol): number | undefined {
  let end: number | undefined;
  for (const m of cls.decl?.members ?? []) {
    const isStaticInit = m.kind === 'Initializer' ? m.isStatic : m.kind === 'Field' && m.declarators.some((d) => d.init !== null && d.symbol !== undefined && (d.symbol.accessFlags & 0x0008) !== 0 && d.symbol.constantValue === undefined);
    if (isStaticInit) end = m.span.end - 1;
  }
  return end;
}

/** The implicit `super()` of a constructor. */
function superCall(ctx: MethodContext): void {
  const superName = ctx.cls.superName;
  if (superName === null) return;
  ctx.emitter.local(Op.aload, 0);
  ctx.emitter.invoke(Op.invokespecial, superName, '<init>', '()V', false);
}

/**
 * javac's Code.compressCatchTable: drops empty ranges and the one-instruction ranges that cover only the
 * `astore` at the start of a handler (left behind by finalizer gaps).
 */
function compressExceptionTable(entries: readonly ExceptionEntry[]): readonly ExceptionEntry[] {
  if (entries.length === 0) return entries;
  const handlerPcs = new Set(entries.map((e) => e.handler.pc));
  return entries.filter((e) => {
    const start = e.start.pc ?? 0;
    const end = e.end.pc ?? 0;
    return !(start === end || (start === end - 1 && handlerPcs.has(start)));
  });
}

/** Without the class hierarchy, only the trivial widenings are known to need no checkcast. */
function defaultSubtype(from: Type, to: Type): boolean {
  return (to.kind === 'class' && to.name === 'java/lang/Object') || sameType(from, to);
}
