// The checker's first phases: enter every source class into the environment, resolve supertypes (with
// javac's checks and cycle detection), then declare fields, methods and constructors with their modifiers,
// adding the implicit default constructor.
import { ACC_ABSTRACT, ACC_FINAL, ACC_INTERFACE, ACC_NATIVE, ACC_PUBLIC, ACC_STATIC, ACC_SUPER } from '@oakvm/classfile';
import type { ClassDecl, CompilationUnit, ConstructorDecl, FieldDecl, MethodDecl, NormalMethodDecl, Param, Span, VarDeclarator } from '../syntax/ast.js';
import { classPosition, simpleName, type CheckContext, type UnitScope } from './check-context.js';
import { isInterface } from './class-environment.js';
import { displayClassKind, displayMethod, displayType } from './display.js';
import { sameParams } from './members.js';
import { checkModifiers } from './modifiers.js';
import type { ClassSymbol, FieldSymbol, MethodSymbol } from './symbols.js';
import { isSubclassOf } from './type-relations.js';
import { resolveClassName, resolveClassType, resolveType } from './type-names.js';
import { descriptorOf, Types, type Type } from './types.js';

/** A class compiled from source, with the scope its names are resolved in. */
export interface SourceClass {
  readonly symbol: ClassSymbol;
  readonly decl: ClassDecl;
  readonly scope: UnitScope;
}

/** A field declared in source, kept so its constant value can be computed on demand. */
export interface SourceField {
  readonly symbol: FieldSymbol;
  readonly declarator: VarDeclarator;
  readonly owner: SourceClass;
}

export function locationOf(cls: ClassSymbol): string {
  return displayClassKind(isInterface(cls), cls.name);
}

/** Enters the classes of every unit; reports duplicates and public classes in the wrong file. */
export function enterClasses(ctx: CheckContext, units: readonly CompilationUnit[]): SourceClass[] {
  const result: SourceClass[] = [];
  const scopes: UnitScope[] = [];
  for (const unit of units) {
    const packageName = unit.packageName === null ? '' : unit.packageName.parts.map((p) => p.name).join('/');
    const scope: UnitScope = { unit, file: unit.file, packageName, singleTypes: new Map(), onDemand: [] };
    for (const decl of unit.types) {
      const name = packageName === '' ? decl.name.name : `${packageName}/${decl.name.name}`;
      if (ctx.sourceClasses.has(name)) {
        ctx.reporter.error(unit.file, classPosition(ctx, unit.file, decl), 'check.duplicate-class', `duplicate class: ${name.replace(/\//g, '.')}`);
        continue;
      }
      const site = decl.isInterface ? 'interface' : 'class';
      // Where javac reports class-level errors; found only when there is one to report.
      const at = (): Span => classPosition(ctx, unit.file, decl);
      let flags = checkModifiers(ctx.reporter, unit.file, decl.modifiers, site, at);
      flags = decl.isInterface ? flags | ACC_INTERFACE | ACC_ABSTRACT : flags | ACC_SUPER;
      if ((flags & ACC_PUBLIC) !== 0 && !fileDeclares(unit.file, decl.name.name)) {
        ctx.reporter.error(
          unit.file,
          at(),
          'check.public-class-file',
          `class ${decl.name.name} is public, should be declared in a file named ${decl.name.name}.oak`,
        );
      }
      const symbol: ClassSymbol = {
        name,
        accessFlags: flags,
        superName: name === 'java/lang/Object' ? null : 'java/lang/Object',
        interfaces: [],
        fields: [],
        methods: [],
        decl,
        sourceFile: baseName(unit.file),
        packageName,
      };
      decl.symbol = symbol;
      ctx.sourceClasses.set(name, symbol);
      ctx.env.define(symbol);
      scope.singleTypes.set(decl.name.name, name);
      result.push({ symbol, decl, scope });
    }
    if (!scope.onDemand.includes('java/lang')) scope.onDemand.push('java/lang');
    scopes.push(scope);
  }
  // Imports are resolved once every unit's classes are entered, since they may name each other.
  for (const scope of scopes) enterImports(ctx, scope);
  return result;
}

function enterImports(ctx: CheckContext, scope: UnitScope): void {
  for (const imp of scope.unit.imports) {
    const internal = imp.name.parts.map((p) => p.name).join('/');
    if (imp.onDemand) {
      if (!ctx.env.hasPackage(internal) && ctx.env.lookup(internal) === undefined) {
        // javac puts this at the import declaration, however long the name.
        ctx.reporter.error(scope.file, imp.span, 'check.package-missing', `package ${internal.replace(/\//g, '.')} does not exist`);
        continue;
      }
      if (!scope.onDemand.includes(internal)) scope.onDemand.push(internal);
      continue;
    }
    const simple = simpleName(internal);
    const existing = scope.singleTypes.get(simple);
    if (existing !== undefined && existing !== internal) {
      const own = scope.unit.types.some((t) => t.name.name === simple);
      ctx.reporter.error(
        scope.file,
        imp.span,
        'check.import-conflict',
        own ? `${simple} is already defined in this compilation unit` : `${simple} is already defined in a single-type import`,
      );
      continue;
    }
    const location = `package ${internal.slice(0, Math.max(0, internal.length - simple.length - 1)).replace(/\//g, '.')}`;
    if (resolveClassName(ctx, scope, imp.name, location) !== undefined) scope.singleTypes.set(simple, internal);
  }
}

function baseName(path: string): string {
  return path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);
}

function fileDeclares(path: string, className: string): boolean {
  const base = baseName(path);
  const dot = base.lastIndexOf('.');
  return (dot < 0 ? base : base.slice(0, dot)) === className;
}

/** Resolves `extends` and `implements` with javac's checks, then breaks and reports inheritance cycles. */
export function resolveSupertypes(ctx: CheckContext, classes: readonly SourceClass[]): void {
  for (const c of classes) {
    const { decl, symbol, scope } = c;
    if (decl.superclass !== null) {
      const type = resolveClassType(ctx, scope, decl.superclass, symbol);
      const sup = type.kind === 'class' ? ctx.env.lookup(type.name) : undefined;
      if (sup !== undefined) {
        if (isInterface(sup)) {
          ctx.reporter.error(scope.file, decl.superclass.span, 'check.no-interface-expected', 'no interface expected here');
        } else if ((sup.accessFlags & ACC_FINAL) !== 0) {
          ctx.reporter.error(scope.file, decl.superclass.span, 'check.extends-final', `cannot inherit from final ${simpleName(sup.name)}`);
        } else {
          symbol.superName = sup.name;
        }
      }
    }
    for (const node of decl.interfaces) {
      const type = resolveClassType(ctx, scope, node, symbol);
      const sup = type.kind === 'class' ? ctx.env.lookup(type.name) : undefined;
      if (sup === undefined) continue;
      if (!isInterface(sup)) {
        ctx.reporter.error(scope.file, node.span, 'check.interface-expected', 'interface expected here');
      } else if (symbol.interfaces.includes(sup.name)) {
        ctx.reporter.error(scope.file, node.span, 'check.repeated-interface', 'repeated interface');
      } else {
        symbol.interfaces.push(sup.name);
      }
    }
  }
  for (const c of classes) {
    if (inCycle(ctx, c.symbol)) {
      ctx.reporter.error(c.scope.file, classPosition(ctx, c.scope.file, c.decl), 'check.cyclic-inheritance', `cyclic inheritance involving ${simpleName(c.symbol.name)}`);
      c.symbol.superName = c.symbol.name === 'java/lang/Object' ? null : 'java/lang/Object';
      c.symbol.interfaces = [];
    }
  }
  ctx.env.hierarchyChanged();
}

function inCycle(ctx: CheckContext, symbol: ClassSymbol): boolean {
  const direct = [...(symbol.superName === null ? [] : [symbol.superName]), ...symbol.interfaces];
  return direct.some((s) => s !== symbol.name && isSubclassOf(ctx.env, s, symbol.name)) || direct.includes(symbol.name);
}

/** Declares the fields and methods of every class; returns the source fields for constant evaluation. */
export function declareMembers(ctx: CheckContext, classes: readonly SourceClass[]): SourceField[] {
  const fields: SourceField[] = [];
  for (const c of classes) {
    let hasConstructor = false;
    for (const member of c.decl.members) {
      if (member.kind === 'Field') {
        declareField(ctx, c, member, fields);
      } else {
        if (member.kind === 'Constructor') hasConstructor = true;
        declareMethod(ctx, c, member);
      }
    }
    if (!hasConstructor && !c.decl.isInterface) {
      c.symbol.methods.push({
        owner: c.symbol,
        name: '<init>',
        params: [],
        returnType: Types.void,
        accessFlags: c.symbol.accessFlags & ACC_PUBLIC,
        descriptor: '()V',
        thrown: [],
      });
    }
  }
  return fields;
}

/** Declares the fields of one declaration, appending them to `result`. */
function declareField(ctx: CheckContext, c: SourceClass, decl: FieldDecl, result: SourceField[]): void {
  const { symbol: cls, scope } = c;
  const first = decl.declarators[0];
  const site = c.decl.isInterface ? 'interfaceField' : 'field';
  let flags = checkModifiers(ctx.reporter, scope.file, decl.modifiers, site, first?.name.span ?? decl.span);
  if (c.decl.isInterface) flags |= ACC_PUBLIC | ACC_STATIC | ACC_FINAL;
  for (const d of decl.declarators) {
    const type = resolveType(ctx, scope, d.type, cls);
    if (hasField(cls, d.name.name)) {
      ctx.reporter.error(
        scope.file,
        d.name.span,
        'check.duplicate-variable',
        `variable ${d.name.name} is already defined in ${locationOf(cls)}`,
      );
      continue;
    }
    if (c.decl.isInterface && d.init === null) {
      ctx.reporter.error(scope.file, d.name.span, 'check.interface-field-init', '= expected');
    }
    const field: FieldSymbol = { owner: cls, name: d.name.name, type, accessFlags: flags };
    d.symbol = field;
    cls.fields.push(field);
    result.push({ symbol: field, declarator: d, owner: c });
  }
}

function hasField(cls: ClassSymbol, name: string): boolean {
  for (let i = 0; i < cls.fields.length; i++) if ((cls.fields[i] as FieldSymbol).name === name) return true;
  return false;
}

function safeDescriptor(params: readonly Type[], returnType: Type): string {
  let descriptor = '(';
  for (let i = 0; i < params.length; i++) descriptor += safeFieldDescriptor(params[i] as Type);
  return `${descriptor})${safeFieldDescriptor(returnType)}`;
}

function safeFieldDescriptor(t: Type): string {
  return t.kind === 'error' || t.kind === 'null' ? 'Ljava/lang/Object;' : descriptorOf(t);
}

function declareParams(ctx: CheckContext, c: SourceClass, decl: NormalMethodDecl | ConstructorDecl): Type[] {
  const params = decl.params;
  const types: Type[] = [];
  for (let i = 0; i < params.length; i++) {
    const p = params[i] as Param;
    checkModifiers(ctx.reporter, c.scope.file, p.modifiers, 'local', p.name.span);
    if (declaredBefore(params, i)) {
      ctx.reporter.error(c.scope.file, p.name.span, 'check.duplicate-variable', `variable ${p.name.name} is already defined in ${describeMethod(decl)}`);
    }
    types.push(resolveType(ctx, c.scope, p.type, c.symbol));
  }
  return types;
}

/** Does a parameter before `index` have the name of the one at `index`? */
function declaredBefore(params: readonly Param[], index: number): boolean {
  const name = (params[index] as Param).name.name;
  for (let i = 0; i < index; i++) if ((params[i] as Param).name.name === name) return true;
  return false;
}

/** "method m(int)" or "constructor C(int)", from the parameter types resolved so far. */
function describeMethod(decl: NormalMethodDecl | ConstructorDecl): string {
  const types = decl.params.map((p) => (p.type.type === undefined ? '' : displayType(p.type.type))).join(',');
  return `${decl.kind === 'Constructor' ? 'constructor' : 'method'} ${decl.name.name}(${types})`;
}

function declareThrows(ctx: CheckContext, c: SourceClass, decl: MethodDecl): string[] {
  if (decl.kind === 'Initializer') return [];
  const thrown: string[] = [];
  for (const node of decl.throws) {
    const type = resolveClassType(ctx, c.scope, node, c.symbol);
    if (type.kind !== 'class') continue;
    if (!isSubclassOf(ctx.env, type.name, 'java/lang/Throwable')) {
      ctx.reporter.error(
        c.scope.file,
        node.span,
        'check.incompatible-types',
        `incompatible types: ${simpleName(type.name)} cannot be converted to Throwable`,
      );
      continue;
    }
    thrown.push(type.name);
  }
  return thrown;
}

function declareMethod(ctx: CheckContext, c: SourceClass, decl: MethodDecl): void {
  const { symbol: cls, scope } = c;
  const file = scope.file;
  if (decl.kind === 'Initializer') {
    if (c.decl.isInterface) {
      ctx.reporter.error(file, decl.span, 'check.interface-initializer', 'initializers not allowed in interfaces');
    }
    decl.symbol = {
      owner: cls,
      name: decl.isStatic ? '<clinit>' : '<init>',
      params: [],
      returnType: Types.void,
      accessFlags: decl.isStatic ? ACC_STATIC : 0,
      descriptor: '()V',
      thrown: [],
    };
    return;
  }
  if (decl.kind === 'Constructor') {
    if (c.decl.isInterface || decl.name.name !== c.decl.name.name) {
      ctx.reporter.error(file, decl.name.span, 'check.return-type-required', 'invalid method declaration; return type required');
      return;
    }
  }
  const isCtor = decl.kind === 'Constructor';
  const site = isCtor ? 'constructor' : c.decl.isInterface ? 'interfaceMethod' : 'method';
  let flags = checkModifiers(ctx.reporter, file, decl.modifiers, site, decl.name.span);
  if (c.decl.isInterface) flags |= ACC_PUBLIC | ACC_ABSTRACT;
  const name = isCtor ? '<init>' : decl.name.name;
  const params = declareParams(ctx, c, decl);
  const returnType = decl.kind === 'Method' ? resolveType(ctx, scope, decl.returnType, cls) : Types.void;
  const method: MethodSymbol = {
    owner: cls,
    name,
    params,
    returnType,
    accessFlags: flags,
    descriptor: safeDescriptor(params, returnType),
    decl,
    thrown: declareThrows(ctx, c, decl),
  };
  decl.symbol = method;
  if (decl.kind === 'Method') checkBodyPresence(ctx, c, decl.body !== null, flags, decl.name.span);
  if (hasMethod(cls, method)) {
    ctx.reporter.error(
      file,
      decl.name.span,
      'check.duplicate-method',
      `${isCtor ? 'constructor' : 'method'} ${displayMethod(method)} is already defined in ${locationOf(cls)}`,
    );
    return;
  }
  cls.methods.push(method);
}

/** Does the class already declare a method with m's name and parameter types? */
function hasMethod(cls: ClassSymbol, m: MethodSymbol): boolean {
  for (let i = 0; i < cls.methods.length; i++) {
    const other = cls.methods[i] as MethodSymbol;
    if (other.name === m.name && sameParams(other, m)) return true;
  }
  return false;
}

function checkBodyPresence(ctx: CheckContext, c: SourceClass, hasBody: boolean, flags: number, at: Span): void {
  const file = c.scope.file;
  if (c.decl.isInterface) {
    if (hasBody) ctx.reporter.error(file, at, 'check.interface-method-body', 'interface abstract methods cannot have body');
    return;
  }
  const isAbstract = (flags & ACC_ABSTRACT) !== 0;
  const isNative = (flags & ACC_NATIVE) !== 0;
  if (hasBody && isAbstract) ctx.reporter.error(file, at, 'check.abstract-body', 'abstract methods cannot have a body');
  else if (hasBody && isNative) ctx.reporter.error(file, at, 'check.native-body', 'native methods cannot have a body');
  else if (!hasBody && !isAbstract && !isNative) {
    ctx.reporter.error(file, at, 'check.missing-body', 'missing method body, or declare abstract');
  }
}
