// One class file from one checked class: its header, fields (with ConstantValue), methods in javac's
// order (the implicit default constructor first, <clinit> last), and the SourceFile attribute.
import { ACC_ABSTRACT, ACC_FINAL, ACC_INTERFACE, ACC_NATIVE, ACC_PUBLIC, ACC_SUPER, ClassBuilder, writeClassFile, type ConstantValue as PoolConstant } from '@oakvm/classfile';
import Long from 'long';
import type { ClassDecl, ClassTypeNode, MethodDecl, Span } from '../syntax/ast.js';
import type { ClassSymbol, ConstantValue, MethodSymbol } from '../semantics/symbols.js';
import { descriptorOf } from '../semantics/types.js';
import type { GenerateOptions } from './generate-options.js';
import { hasStaticInitializers } from './initializers.js';
import { ClassFileLimitError, assertNever, internalError, limitMessage } from './internal-error.js';
import { generateMethodCode, type MethodSource } from './method-generator.js';

const CLASS_FLAGS = ACC_PUBLIC | ACC_FINAL | ACC_SUPER | ACC_INTERFACE | ACC_ABSTRACT;
const STATIC = 0x0008;

export function generateClass(cls: ClassSymbol, options: GenerateOptions): Uint8Array {
  const decl = cls.decl;
  if (decl === undefined) throw internalError(`class ${cls.name} has no declaration`);
  const isInterface = decl.isInterface;
  let accessFlags = cls.accessFlags & CLASS_FLAGS;
  accessFlags |= isInterface ? ACC_INTERFACE | ACC_ABSTRACT : ACC_SUPER;
  const builder = new ClassBuilder({
    name: cls.name,
    accessFlags,
    superName: cls.superName,
    interfaces: cls.interfaces,
    ...(cls.sourceFile !== undefined ? { sourceFile: cls.sourceFile } : {}),
  });
  for (const { method, source } of methodsInOrder(cls, decl)) {
    const flags = method.accessFlags & 0xffff;
    const exceptions = source.kind === 'declared' ? thrownTypes(source.decl) : [];
    if ((flags & (ACC_ABSTRACT | ACC_NATIVE)) !== 0) {
      builder.methodWithoutCode(flags, method.name, method.descriptor, exceptions);
      continue;
    }
    const code = builder.method(flags, method.name, method.descriptor, exceptions);
    const span = source.kind === 'declared' && source.decl.kind !== 'Initializer' ? source.decl.name.span : decl.name.span;
    guard(cls, span, () => generateMethodCode(cls, method, source, code, options));
  }
  // Fields after the code, so the code's constants come first in the pool, as in javac's class files.
  for (const member of decl.members) {
    if (member.kind !== 'Field') continue;
    for (const d of member.declarators) {
      const field = d.symbol;
      if (field === undefined) throw internalError(`field ${d.name.name} without a symbol`);
      const constant = field.constantValue === undefined ? undefined : poolConstant(field.constantValue);
      guard(cls, d.name.span, () => builder.field(field.accessFlags & 0xffff, field.name, descriptorOf(field.type), constant));
    }
  }
  return guard(cls, decl.name.span, () => writeClassFile(builder.build()));
}

/** Runs a step, turning a class-file limit into a ClassFileLimitError at `span` and anything else into an internal error. */
function guard<T>(cls: ClassSymbol, span: Span, step: () => T): T {
  try {
    return step();
  } catch (e) {
    if (e instanceof ClassFileLimitError) throw e;
    const limit = limitMessage(e);
    if (limit !== undefined) throw new ClassFileLimitError(limit, cls, span);
    if (e instanceof Error && e.name === 'InternalCompilerError') throw e;
    throw internalError(`class ${cls.name}: ${e instanceof Error ? e.message : String(e)}`);
  }
}

function methodsInOrder(cls: ClassSymbol, decl: ClassDecl): { method: MethodSymbol; source: MethodSource }[] {
  const out: { method: MethodSymbol; source: MethodSource }[] = [];
  const declaresConstructor = decl.members.some((m) => m.kind === 'Constructor');
  if (!decl.isInterface && !declaresConstructor) {
    const symbol = cls.methods.find((m) => m.name === '<init>' && m.decl === undefined) ?? defaultConstructorSymbol(cls);
    out.push({ method: symbol, source: { kind: 'defaultConstructor' } });
  }
  for (const member of decl.members) {
    switch (member.kind) {
      case 'Field':
      case 'Initializer':
        break;
      case 'Method':
      case 'Constructor': {
        const symbol = member.symbol;
        if (symbol === undefined) throw internalError(`method ${member.name.name} without a symbol`);
        out.push({ method: symbol, source: { kind: 'declared', decl: member } });
        break;
      }
      default:
        assertNever(member, 'member');
    }
  }
  if (hasStaticInitializers(decl)) {
    const symbol: MethodSymbol = cls.methods.find((m) => m.name === '<clinit>') ?? {
      owner: cls,
      name: '<clinit>',
      params: [],
      returnType: { kind: 'void' },
      accessFlags: STATIC,
      descriptor: '()V',
    };
    out.push({ method: symbol, source: { kind: 'classInitializer' } });
  }
  return out;
}

/** javac gives the default constructor the class's own access (JLS 8.8.9). */
function defaultConstructorSymbol(cls: ClassSymbol): MethodSymbol {
  return { owner: cls, name: '<init>', params: [], returnType: { kind: 'void' }, accessFlags: cls.accessFlags & ACC_PUBLIC, descriptor: '()V' };
}

function thrownTypes(decl: MethodDecl): string[] {
  if (decl.kind === 'Initializer') return [];
  return decl.throws.map((t: ClassTypeNode) => {
    if (t.type?.kind !== 'class') throw internalError('throws clause type is not a class');
    return t.type.name;
  });
}

function poolConstant(c: ConstantValue): PoolConstant {
  switch (c.kind) {
    case 'int':
    case 'char':
    case 'byte':
    case 'short':
    case 'float':
    case 'double':
      return c.value;
    case 'boolean':
      return c.value ? 1 : 0;
    case 'long':
      return Long.fromString(BigInt.asIntN(64, c.value).toString());
    case 'string':
      return c.value;
    default:
      return assertNever(c, 'constant');
  }
}
