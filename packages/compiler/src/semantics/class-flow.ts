// Runs flow analysis over the bodies of one class in the order javac's Flow sees them: static
// initialisers (field initialisers and static blocks in source order), instance initialisers, each
// constructor (after the instance initialisers unless it starts with this(...)), then methods.
import { ACC_FINAL, ACC_STATIC } from '@oakvm/classfile';
import type { ConstructorDecl, Expr, Member, Stmt, VarDeclarator } from '../syntax/ast.js';
import { classPosition, simpleName, type CheckContext } from './check-context.js';
import type { SourceClass } from './class-declarations.js';
import { FlowAnalyzer, type FlowState } from './flow-analysis.js';
import type { SourcePositions } from './source-positions.js';
import type { FieldSymbol } from './symbols.js';
import { difference, intersects, union } from './var-sets.js';

/** No tracked fields: a method's analysis (only initialisers and constructors assign blank finals), or a class without blank finals. */
const noFields: ReadonlyMap<FieldSymbol, number> = new Map();

type InitPart = { readonly kind: 'field'; readonly init: Expr; readonly field: FieldSymbol } | { readonly kind: 'block'; readonly body: readonly Stmt[]; readonly span: Stmt['span'] };

export function checkClassFlow(ctx: CheckContext, c: SourceClass, positions: SourcePositions): void {
  const file = c.scope.file;
  const staticParts: InitPart[] = [];
  const instanceParts: InitPart[] = [];
  let staticLocals = 0;
  let instanceLocals = 0;
  const members = c.decl.members;
  for (let i = 0; i < members.length; i++) {
    const m = members[i] as Member;
    if (m.kind === 'Field') {
      for (let k = 0; k < m.declarators.length; k++) {
        const d = m.declarators[k] as VarDeclarator;
        if (d.init === null || d.symbol === undefined) continue;
        const part: InitPart = { kind: 'field', init: d.init, field: d.symbol };
        ((d.symbol.accessFlags & ACC_STATIC) !== 0 ? staticParts : instanceParts).push(part);
      }
    } else if (m.kind === 'Initializer') {
      const part: InitPart = { kind: 'block', body: m.body.statements, span: m.body.span };
      if (m.isStatic) {
        staticParts.push(part);
        staticLocals = Math.max(staticLocals, m.localCount ?? 0);
      } else {
        instanceParts.push(part);
        instanceLocals = Math.max(instanceLocals, m.localCount ?? 0);
      }
    }
  }

  // Static initialisation: checked exceptions can never escape it.
  const staticBlank = blankFinals(c, true);
  const staticFields = indexFields(staticBlank);
  const statics = new FlowAnalyzer(ctx, file, staticFields, staticLocals, { declared: [] });
  runParts(statics, staticParts, ctx, file);
  const afterStatic = statics.current;
  for (let bit = 0; bit < staticBlank.length; bit++) {
    const field = staticBlank[bit] as FieldSymbol;
    if (!intersects(afterStatic.da, statics.sets.bit(bit))) {
      ctx.reporter.error(file, declaratorSpan(c, field), 'check.not-initialized', `variable ${field.name} might not have been initialized`);
    }
  }

  // Instance initialisation, shared by every constructor that does not start with this(...).
  const ctors = c.decl.members.filter((m): m is ConstructorDecl => m.kind === 'Constructor' && m.symbol !== undefined);
  const instanceBlank = blankFinals(c, false);
  const instanceFields = indexFields(instanceBlank);
  const declaredByAll = ctors.length === 0 ? [] : commonThrows(ctors);
  const instance = new FlowAnalyzer(ctx, file, instanceFields, instanceLocals, { declared: declaredByAll });
  runParts(instance, instanceParts, ctx, file);
  const afterInit = instance.current;

  if (ctors.length === 0 && !c.decl.isInterface) {
    const superCall = new FlowAnalyzer(ctx, file, noFields, 0, {
      declared: [],
      message: (t) => `unreported exception ${simpleName(t)} in default constructor`,
    });
    for (const t of superNoArgThrows(ctx, c)) superCall.thrown(t, classPosition(ctx, file, c.decl));
    for (let bit = 0; bit < instanceBlank.length; bit++) {
      const field = instanceBlank[bit] as FieldSymbol;
      if (!intersects(afterInit.da, instance.sets.bit(bit))) {
        ctx.reporter.error(file, declaratorSpan(c, field), 'check.not-initialized', `variable ${field.name} not initialized in the default constructor`);
      }
    }
  }

  for (let i = 0; i < members.length; i++) {
    const m = members[i] as Member;
    if (m.kind === 'Field' || m.kind === 'Initializer' || m.symbol === undefined) continue;
    const declared = m.symbol.thrown ?? [];
    if (m.kind === 'Constructor') {
      const startsWithThis = m.body.statements[0]?.kind === 'ExplicitConstructorCall' && m.body.statements[0].call === 'this';
      const startsWithCall = m.body.statements[0]?.kind === 'ExplicitConstructorCall';
      const flow = new FlowAnalyzer(ctx, file, instanceFields, m.localCount ?? 0, { declared });
      const fieldMask = flow.sets.firstN(instanceFields.size);
      const start = flow.current;
      // The instance initialisers' analysis may hold its sets in the other representation (it has its
      // own local count), so their field bits are carried over one by one.
      let initDa = flow.sets.empty;
      let initDu = flow.sets.empty;
      for (let bit = 0; bit < instanceBlank.length; bit++) {
        if (intersects(afterInit.da, instance.sets.bit(bit))) initDa = union(initDa, flow.sets.bit(bit));
        if (intersects(afterInit.du, instance.sets.bit(bit))) initDu = union(initDu, flow.sets.bit(bit));
      }
      flow.current = startsWithThis
        ? { alive: true, da: union(start.da, fieldMask), du: difference(start.du, fieldMask) }
        : { alive: true, da: union(difference(start.da, fieldMask), initDa), du: union(difference(start.du, fieldMask), initDu) };
      flow.assignVariables(instanceFields.size, m.params.length);
      if (!startsWithCall) for (const t of superNoArgThrows(ctx, c)) flow.thrown(t, m.body.span);
      flow.statements(m.body.statements);
      const exits: FlowState[] = [...flow.takeReturns()];
      if (flow.alive) exits.push(flow.current);
      for (let bit = 0; bit < instanceBlank.length; bit++) {
        const field = instanceBlank[bit] as FieldSymbol;
        if (exits.some((s) => !intersects(s.da, flow.sets.bit(bit)))) {
          ctx.reporter.error(file, positions.closingBrace(file, m.body.span), 'check.not-initialized', `variable ${field.name} might not have been initialized`);
        }
      }
      continue;
    }
    if (m.body === null) continue;
    const flow = new FlowAnalyzer(ctx, file, noFields, m.localCount ?? 0, { declared });
    flow.assignVariables(0, m.params.length);
    flow.statements(m.body.statements);
    if (flow.alive && m.symbol.returnType.kind !== 'void') {
      ctx.reporter.error(file, positions.closingBrace(file, m.body.span), 'check.missing-return', 'missing return statement');
    }
  }
}

/** The blank final fields of the class, static or instance ones, in declaration order: a field's bit is its index. */
function blankFinals(c: SourceClass, isStatic: boolean): FieldSymbol[] {
  const result: FieldSymbol[] = [];
  const members = c.decl.members;
  for (let i = 0; i < members.length; i++) {
    const m = members[i] as Member;
    if (m.kind !== 'Field') continue;
    for (let k = 0; k < m.declarators.length; k++) {
      const d = m.declarators[k] as VarDeclarator;
      const f = d.symbol;
      if (f === undefined || d.init !== null) continue;
      if ((f.accessFlags & ACC_FINAL) !== 0 && ((f.accessFlags & ACC_STATIC) !== 0) === isStatic) result.push(f);
    }
  }
  return result;
}

function indexFields(fields: readonly FieldSymbol[]): ReadonlyMap<FieldSymbol, number> {
  if (fields.length === 0) return noFields;
  return new Map(fields.map((f, i) => [f, i]));
}


function runParts(flow: FlowAnalyzer, parts: readonly InitPart[], ctx: CheckContext, file: string): void {
  for (const p of parts) {
    if (p.kind === 'field') {
      flow.expr(p.init);
      continue;
    }
    flow.statements(p.body);
    if (!flow.alive) {
      ctx.reporter.error(file, p.span, 'check.initializer-completes', 'initializer must be able to complete normally');
      flow.current = { ...flow.current, alive: true };
    }
  }
}

function declaratorSpan(c: SourceClass, field: FieldSymbol): Stmt['span'] {
  for (const m of c.decl.members) {
    if (m.kind !== 'Field') continue;
    for (const d of m.declarators) if (d.symbol === field) return d.name.span;
  }
  return c.decl.name.span;
}

/** The checked exceptions every explicit constructor declares (an instance initialiser may throw them). */
function commonThrows(ctors: readonly ConstructorDecl[]): string[] {
  const first = ctors[0]?.symbol?.thrown ?? [];
  return first.filter((t) => ctors.every((c) => (c.symbol?.thrown ?? []).some((x) => x === t)));
}

/** What the superclass's no-argument constructor declares (the implicit super() call). */
function superNoArgThrows(ctx: CheckContext, c: SourceClass): readonly string[] {
  const superName = c.symbol.superName;
  if (superName === null) return [];
  const sup = ctx.env.lookup(superName);
  return sup?.methods.find((m) => m.name === '<init>' && m.params.length === 0)?.thrown ?? [];
}
