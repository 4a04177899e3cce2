// What names resolve to. The checker builds these for classes compiled from source and for classes read
// from class files (the runtime image, the class path); the code generator and the tree-walking interpreter
// read them. The checker may add fields; keep these core ones stable.
import type { ClassDecl, MethodDecl } from '../syntax/ast.js';
import type { Type } from './types.js';

/** A compile-time constant value (JLS 15.29), already folded. */
export type ConstantValue =
  | { readonly kind: 'int'; readonly value: number }
  | { readonly kind: 'long'; readonly value: bigint }
  | { readonly kind: 'float'; readonly value: number }
  | { readonly kind: 'double'; readonly value: number }
  | { readonly kind: 'boolean'; readonly value: boolean }
  | { readonly kind: 'char'; readonly value: number }
  | { readonly kind: 'byte'; readonly value: number }
  | { readonly kind: 'short'; readonly value: number }
  | { readonly kind: 'string'; readonly value: string };

export interface ClassSymbol {
  /** Internal name: "java/lang/String", "Main". */
  readonly name: string;
  accessFlags: number;
  /** Internal name of the superclass; null only for java/lang/Object. */
  superName: string | null;
  interfaces: string[];
  fields: FieldSymbol[];
  methods: MethodSymbol[];
  /** The declaration when the class is compiled from source in this run. */
  readonly decl?: ClassDecl;
  /** The source file name for the SourceFile attribute, when compiled from source. */
  readonly sourceFile?: string;
  /** The internal name of the package ("java/lang"; "" for the unnamed package). */
  readonly packageName?: string;
}

export interface FieldSymbol {
  readonly owner: ClassSymbol;
  readonly name: string;
  readonly type: Type;
  accessFlags: number;
  /** Set for `static final` (and final instance) fields whose initialiser is a constant expression. */
  constantValue?: ConstantValue;
}

export interface MethodSymbol {
  readonly owner: ClassSymbol;
  /** "<init>" for constructors, "<clinit>" for the static initialiser. */
  readonly name: string;
  readonly params: readonly Type[];
  readonly returnType: Type;
  accessFlags: number;
  /** The JVM method descriptor. */
  readonly descriptor: string;
  readonly decl?: MethodDecl;
  /** Internal names of the exception classes of the `throws` clause (the Exceptions attribute). */
  thrown?: readonly string[];
}

/** A local variable or parameter. */
export interface LocalSymbol {
  readonly name: string;
  readonly type: Type;
  readonly isFinal: boolean;
  /**
   * Dense number of the variable within its method, assigned by the checker in declaration order
   * (parameters first, `this` excluded). The code generator maps it to JVM slots; the tree-walking
   * interpreter uses it as its frame index.
   */
  readonly index: number;
  /** What declared it: the code generator may use it for the LocalVariableTable. */
  readonly origin?: 'param' | 'local' | 'catch' | 'foreach';
  /**
   * Set for a final local whose initialiser is a constant expression (a constant variable, JLS 4.12.4):
   * reads of it are constant expressions and carry the value in `constant`.
   */
  constantValue?: ConstantValue;
  /** Set when the variable is assigned after its declaration (it is then not effectively final). */
  reassigned?: boolean;
}
