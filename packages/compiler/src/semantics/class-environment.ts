// The classes a compilation can see: those compiled from source in this run (defined by the checker) and
// those read on demand from class files (the runtime image, then the class path). Class-file symbols are
// built lazily, once per name, and a malformed class file reads as a missing class plus a recorded problem,
// never as an exception.
import { ACC_INTERFACE, type ClassFile, type CpEntry, type MemberInfo } from '@oakvm/classfile';
import type { ClassSymbol, ConstantValue, FieldSymbol, MethodSymbol } from './symbols.js';
import { typeFromDescriptor, typesFromMethodDescriptor, type Type } from './types.js';

/** Finds the bytes of a class file by internal name ("java/lang/String"). */
export type ClassPathLookup = (internalName: string) => Uint8Array | undefined;

/** Turns class-file bytes into the model; throws for malformed input (the environment catches it). */
export type ClassFileDecoder = (bytes: Uint8Array) => ClassFile;

export class ClassEnvironment {
  private readonly classes = new Map<string, ClassSymbol | null>();
  private readonly knownPackages = new Set<string>();
  /** Class files that could not be read, with the reason; the checker reports them when it needs one. */
  readonly unreadable = new Map<string, string>();

  constructor(
    private readonly classPath: ClassPathLookup = () => undefined,
    private readonly decode?: ClassFileDecoder,
    /**
     * Whether the class path has a package ("java/util"); a lookup function cannot list packages, so
     * without this only packages of classes already seen are known (javac's "package x does not exist").
     */
    private readonly packageExists?: (packageName: string) => boolean,
  ) {}

  /** Changes whenever a class is defined or supertypes are set, so derived data can be cached safely. */
  get hierarchyVersion(): number {
    return this.version;
  }

  private version = 0;

  /** Makes a class compiled from source visible; it hides any class file of the same name. */
  define(symbol: ClassSymbol): void {
    this.classes.set(symbol.name, symbol);
    this.notePackage(symbol.name);
    this.version++;
  }

  /** Called after supertypes of defined classes were set or changed. */
  hierarchyChanged(): void {
    this.version++;
  }

  lookup(internalName: string): ClassSymbol | undefined {
    const known = this.classes.get(internalName);
    if (known !== undefined) return known ?? undefined;
    const loaded = this.load(internalName);
    this.classes.set(internalName, loaded ?? null);
    if (loaded !== undefined) this.notePackage(internalName);
    return loaded;
  }

  /** True when some visible class lives in the package ("java/lang"). */
  hasPackage(packageName: string): boolean {
    return this.knownPackages.has(packageName) || (this.packageExists?.(packageName) ?? false);
  }

  private notePackage(internalName: string): void {
    const slash = internalName.lastIndexOf('/');
    let pkg = slash < 0 ? '' : internalName.slice(0, slash);
    while (pkg !== '' && !this.knownPackages.has(pkg)) {
      this.knownPackages.add(pkg);
      const up = pkg.lastIndexOf('/');
      pkg = up < 0 ? '' : pkg.slice(0, up);
    }
  }

  private load(internalName: string): ClassSymbol | undefined {
    if (this.decode === undefined) return undefined;
    let bytes: Uint8Array | undefined;
    try {
      bytes = this.classPath(internalName);
    } catch (e) {
      this.unreadable.set(internalName, e instanceof Error ? e.message : String(e));
      return undefined;
    }
    if (bytes === undefined) return undefined;
    try {
      const symbol = classSymbolFromClassFile(this.decode(bytes));
      if (symbol.name !== internalName) {
        this.unreadable.set(internalName, `class file contains wrong class: ${symbol.name}`);
        return undefined;
      }
      return symbol;
    } catch (e) {
      this.unreadable.set(internalName, e instanceof Error ? e.message : String(e));
      return undefined;
    }
  }
}

class BadClassFile extends Error {}

/** Builds the symbol of a class read from a class file. Throws BadClassFile when the pool is inconsistent. */
export function classSymbolFromClassFile(cf: ClassFile): ClassSymbol {
  const pool = cf.constantPool;
  const entry = (index: number): CpEntry => {
    const e = pool[index];
    if (e === undefined) throw new BadClassFile(`bad constant pool index ${index}`);
    return e;
  };
  const utf8 = (index: number): string => {
    const e = entry(index);
    if (e.kind !== 'Utf8') throw new BadClassFile(`constant pool entry ${index} is not Utf8`);
    return e.value;
  };
  const className = (index: number): string => {
    const e = entry(index);
    if (e.kind !== 'Class') throw new BadClassFile(`constant pool entry ${index} is not a Class`);
    return utf8(e.nameIndex);
  };
  const name = className(cf.thisClass);
  const slash = name.lastIndexOf('/');
  const symbol: ClassSymbol = {
    name,
    accessFlags: cf.accessFlags,
    superName: cf.superClass === 0 ? null : className(cf.superClass),
    interfaces: cf.interfaces.map(className),
    fields: [],
    methods: [],
    packageName: slash < 0 ? '' : name.slice(0, slash),
  };
  for (const f of cf.fields) symbol.fields.push(fieldFromInfo(symbol, f, utf8, entry));
  for (const m of cf.methods) symbol.methods.push(methodFromInfo(symbol, m, utf8, className));
  return symbol;
}

function fieldFromInfo(
  owner: ClassSymbol,
  info: MemberInfo,
  utf8: (i: number) => string,
  entry: (i: number) => CpEntry,
): FieldSymbol {
  const name = utf8(info.nameIndex);
  const descriptor = utf8(info.descriptorIndex);
  const type = typeFromDescriptor(descriptor);
  if (type === undefined) throw new BadClassFile(`bad field descriptor ${descriptor}`);
  const field: FieldSymbol = { owner, name, type, accessFlags: info.accessFlags };
  for (const attr of info.attributes) {
    if (attr.kind !== 'ConstantValue') continue;
    const value = constantFromPool(entry(attr.valueIndex), type, utf8);
    if (value !== undefined) field.constantValue = value;
  }
  return field;
}

function constantFromPool(e: CpEntry, type: Type, utf8: (i: number) => string): ConstantValue | undefined {
  if (type.kind === 'class' && type.name === 'java/lang/String' && e.kind === 'String') {
    return { kind: 'string', value: utf8(e.stringIndex) };
  }
  if (type.kind !== 'primitive') return undefined;
  switch (e.kind) {
    case 'Integer':
      switch (type.name) {
        case 'boolean':
          return { kind: 'boolean', value: e.value !== 0 };
        case 'byte':
          return { kind: 'byte', value: (e.value << 24) >> 24 };
        case 'short':
          return { kind: 'short', value: (e.value << 16) >> 16 };
        case 'char':
          return { kind: 'char', value: e.value & 0xffff };
        case 'int':
          return { kind: 'int', value: e.value | 0 };
        default:
          return undefined;
      }
    case 'Long':
      return type.name === 'long' ? { kind: 'long', value: BigInt.asIntN(64, BigInt(e.value.toString())) } : undefined;
    case 'Float':
      return type.name === 'float' ? { kind: 'float', value: Math.fround(e.value) } : undefined;
    case 'Double':
      return type.name === 'double' ? { kind: 'double', value: e.value } : undefined;
    default:
      return undefined;
  }
}

function methodFromInfo(
  owner: ClassSymbol,
  info: MemberInfo,
  utf8: (i: number) => string,
  className: (i: number) => string,
): MethodSymbol {
  const name = utf8(info.nameIndex);
  const descriptor = utf8(info.descriptorIndex);
  const types = typesFromMethodDescriptor(descriptor);
  if (types === undefined) throw new BadClassFile(`bad method descriptor ${descriptor}`);
  const thrown: string[] = [];
  for (const attr of info.attributes) {
    if (attr.kind === 'Exceptions') thrown.push(...attr.exceptionIndexes.map(className));
  }
  return {
    owner,
    name,
    params: types.params,
    returnType: types.returnType,
    accessFlags: info.accessFlags,
    descriptor,
    thrown,
  };
}

export function isInterface(symbol: ClassSymbol): boolean {
  return (symbol.accessFlags & ACC_INTERFACE) !== 0;
}
