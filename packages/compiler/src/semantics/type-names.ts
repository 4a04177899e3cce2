// Resolving type syntax to types (JLS 6.5.5): a simple class name is looked up among the unit's own and
// single-type-imported classes, then the unit's package, then the on-demand imports (java.lang included);
// a qualified name is a package-qualified class name.
import type { ClassTypeNode, QualifiedName, TypeNode, VoidTypeNode } from '../syntax/ast.js';
import { ACC_PUBLIC } from '@oakvm/classfile';
import { packageOf, simpleName, type CheckContext, type UnitScope } from './check-context.js';
import { dotBefore } from './javac-positions.js';
import { isInterface } from './class-environment.js';
import { displayClassKind } from './display.js';
import type { ClassSymbol } from './symbols.js';
import { Types, type PrimitiveName, type Type } from './types.js';

/**
 * The "location:" of a missing class: a class (described only when there is an error to report, since
 * every type in a body is resolved with one) or a text such as "package p".
 */
export type NameLocation = ClassSymbol | string;

function locationText(location: NameLocation): string {
  return typeof location === 'string' ? location : displayClassKind(isInterface(location), location.name);
}

export type ClassLookup =
  | { readonly kind: 'found'; readonly cls: ClassSymbol }
  | { readonly kind: 'missing' }
  | { readonly kind: 'ambiguous'; readonly candidates: readonly string[] };

/** Finds the class a simple name denotes in the unit's scope. */
export function lookupSimpleClassName(ctx: CheckContext, scope: UnitScope, name: string): ClassLookup {
  const single = scope.singleTypes.get(name);
  if (single !== undefined) {
    const cls = ctx.env.lookup(single);
    return cls === undefined ? { kind: 'missing' } : { kind: 'found', cls };
  }
  const samePackage = ctx.env.lookup(scope.packageName === '' ? name : `${scope.packageName}/${name}`);
  if (samePackage !== undefined) return { kind: 'found', cls: samePackage };
  const matches: ClassSymbol[] = [];
  for (const pkg of scope.onDemand) {
    const cls = ctx.env.lookup(pkg === '' ? name : `${pkg}/${name}`);
    if (cls !== undefined && !matches.includes(cls)) matches.push(cls);
  }
  if (matches.length === 1) return { kind: 'found', cls: matches[0] as ClassSymbol };
  if (matches.length > 1) return { kind: 'ambiguous', candidates: matches.map((c) => c.name) };
  return { kind: 'missing' };
}

/** The class a (possibly qualified) class name denotes, reporting javac's errors when there is none. */
export function resolveClassName(
  ctx: CheckContext,
  scope: UnitScope,
  name: QualifiedName,
  location: NameLocation,
): ClassSymbol | undefined {
  const cls = findClassName(ctx, scope, name, location);
  if (cls !== undefined && (cls.accessFlags & ACC_PUBLIC) === 0 && packageOf(cls.name) !== scope.packageName) {
    const last = name.parts[name.parts.length - 1];
    const at = last === undefined || name.parts.length === 1 ? name.span : dotBefore(last.span);
    ctx.reporter.error(
      scope.file,
      at,
      'check.access',
      `${simpleName(cls.name)} is not public in ${packageOf(cls.name).replace(/\//g, '.')}; cannot be accessed from outside package`,
    );
  }
  return cls;
}

function findClassName(
  ctx: CheckContext,
  scope: UnitScope,
  name: QualifiedName,
  location: NameLocation,
): ClassSymbol | undefined {
  const parts = name.parts;
  if (parts.length === 1) {
    const first = parts[0];
    if (first === undefined) return undefined;
    const found = lookupSimpleClassName(ctx, scope, first.name);
    switch (found.kind) {
      case 'found':
        return found.cls;
      case 'ambiguous':
        ctx.reporter.error(
          scope.file,
          name.span,
          'check.ambiguous-class',
          `reference to ${first.name} is ambiguous\n  both class ${dotted(found.candidates[0] ?? '')} in ${dotted(pkgOf(found.candidates[0] ?? ''))} and class ${dotted(found.candidates[1] ?? '')} in ${dotted(pkgOf(found.candidates[1] ?? ''))} match`,
        );
        return undefined;
      case 'missing':
        ctx.reporter.error(
          scope.file,
          name.span,
          'check.cant-resolve-class',
          `cannot find symbol\n  symbol:   class ${first.name}\n  location: ${locationText(location)}`,
        );
        return undefined;
    }
  }
  const internal = parts.map((p) => p.name).join('/');
  const cls = ctx.env.lookup(internal);
  if (cls !== undefined) return cls;
  // javac names the longest prefix that is not a known package as the missing package, or the class.
  const pkg = parts.slice(0, -1).map((p) => p.name).join('/');
  const last = parts[parts.length - 1];
  if (!ctx.env.hasPackage(pkg)) {
    const lastPart = parts[parts.length - 2];
    ctx.reporter.error(
      scope.file,
      lastPart === undefined || parts.length < 3 ? (lastPart?.span ?? name.span) : dotBefore(lastPart.span),
      'check.package-missing',
      `package ${dotted(pkg)} does not exist`,
    );
  } else {
    ctx.reporter.error(
      scope.file,
      last === undefined ? name.span : dotBefore(last.span),
      'check.cant-resolve-class',
      `cannot find symbol\n  symbol:   class ${last?.name ?? ''}\n  location: package ${dotted(pkg)}`,
    );
  }
  return undefined;
}

/** Resolves type syntax to a type and records it in `node.type`; reports and yields the error type when it fails. */
export function resolveType(ctx: CheckContext, scope: UnitScope, node: TypeNode | VoidTypeNode, location: NameLocation): Type {
  let type: Type;
  switch (node.kind) {
    case 'PrimitiveType':
      type = Types[node.name];
      break;
    case 'VoidType':
      type = Types.void;
      break;
    case 'ClassType': {
      // A primitive keyword is never a class name; accept it however the parser classified it.
      const only = node.name.parts.length === 1 ? node.name.parts[0]?.name : undefined;
      type = only !== undefined && isPrimitiveName(only) ? Types[only] : resolveClassType(ctx, scope, node, location);
      break;
    }
    case 'ArrayType': {
      const element = resolveType(ctx, scope, node.element, location);
      type = element.kind === 'error' ? Types.error : Types.arrayOf(element);
      break;
    }
  }
  node.type = type;
  return type;
}

export function resolveClassType(ctx: CheckContext, scope: UnitScope, node: ClassTypeNode, location: NameLocation): Type {
  const cls = resolveClassName(ctx, scope, node.name, location);
  const type = cls === undefined ? Types.error : Types.classType(cls.name);
  node.type = type;
  return type;
}

function dotted(internalName: string): string {
  return internalName.replace(/\//g, '.');
}

function pkgOf(internalName: string): string {
  return internalName.slice(0, Math.max(0, internalName.length - simpleName(internalName).length - 1));
}

function isPrimitiveName(name: string): name is PrimitiveName {
  switch (name) {
    case 'boolean':
    case 'byte':
    case 'short':
    case 'char':
    case 'int':
    case 'long':
    case 'float':
    case 'double':
      return true;
    default:
      return false;
  }
}
