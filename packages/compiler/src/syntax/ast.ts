// The typed syntax tree of Oak. The parser builds it; the checker fills the optional annotation fields
// (`type`, `constant`, `binding`, `method`, `local`, `symbol`, ...) in place, and the code generator and the
// tree-walking interpreter read them. Every union is discriminated on `kind`.
//
// When `parse` reports diagnostics the tree is still well formed: a statement, member or declaration that
// could not be parsed is left out, and an expression Oak does not support (a lambda, a method reference, a
// class literal, ...) is replaced by a `null` Literal spanning it. Checking such a unit can give follow-on
// errors (javac stops before attribution when parsing failed).
import type { ClassSymbol, ConstantValue, FieldSymbol, LocalSymbol, MethodSymbol } from '../semantics/symbols.js';
import type { PrimitiveName, Type } from '../semantics/types.js';

/** Where a node is in its file: offsets into the text (`end` exclusive), 1-based line and column of `start`. */
export interface Span {
  readonly start: number;
  readonly end: number;
  readonly line: number;
  readonly column: number;
}

/** An identifier as written, with its own position (for diagnostics that point at a name). */
export interface Identifier {
  readonly name: string;
  readonly span: Span;
}

/** A dotted name as written: `java.lang.String`. `text` is the parts joined with '.'. */
export interface QualifiedName {
  readonly parts: readonly Identifier[];
  readonly text: string;
  readonly span: Span;
}

// ---------------------------------------------------------------------------------------------------------
// Type syntax

interface TypeNodeBase {
  readonly span: Span;
  /** Checker: the type this syntax denotes. */
  type?: Type;
}

export interface PrimitiveTypeNode extends TypeNodeBase {
  readonly kind: 'PrimitiveType';
  readonly name: PrimitiveName;
}

/** A class or interface type, simple (`String`) or qualified (`java.lang.String`). */
export interface ClassTypeNode extends TypeNodeBase {
  readonly kind: 'ClassType';
  readonly name: QualifiedName;
}

export interface ArrayTypeNode extends TypeNodeBase {
  readonly kind: 'ArrayType';
  readonly element: TypeNode;
}

export type TypeNode = PrimitiveTypeNode | ClassTypeNode | ArrayTypeNode;

/** `void`, only as a method's result. */
export interface VoidTypeNode extends TypeNodeBase {
  readonly kind: 'VoidType';
}

// ---------------------------------------------------------------------------------------------------------
// Modifiers

export type ModifierName =
  | 'public'
  | 'protected'
  | 'private'
  | 'static'
  | 'final'
  | 'abstract'
  | 'native'
  | 'synchronized'
  | 'transient'
  | 'volatile'
  | 'strictfp';

export interface Modifier {
  readonly name: ModifierName;
  readonly span: Span;
}

/** The modifiers in source order. A repeated modifier is reported by the parser and kept once. */
export interface Modifiers {
  readonly items: readonly Modifier[];
  /** Covers the modifiers; an empty span at the start of the declaration when there are none. */
  readonly span: Span;
}

export function hasModifier(modifiers: Modifiers, name: ModifierName): boolean {
  return modifiers.items.some((m) => m.name === name);
}

export function findModifier(modifiers: Modifiers, name: ModifierName): Modifier | undefined {
  return modifiers.items.find((m) => m.name === name);
}

// ---------------------------------------------------------------------------------------------------------
// Expressions

interface ExprBase {
  readonly span: Span;
  /** True when the expression was written in parentheses; `span` then includes the parentheses. */
  parenthesized?: boolean;
  /** Checker: the static type of the expression. */
  type?: Type;
  /** Checker: the folded value when this is a compile-time constant (JLS 15.29). */
  constant?: ConstantValue;
}

/**
 * The value of a literal as the parser decodes it. Integer values are range-checked by the parser
 * ("integer number too large", as javac does) and already wrapped to the signed range, so `0xFFFFFFFF` is
 * `-1n` and `-2147483648` (a minus directly before a decimal literal is folded into it, as in javac) is
 * `-2147483648n`. Floats are already rounded with `Math.fround`. Chars are a UTF-16 code unit.
 */
export type LiteralValue =
  | { readonly kind: 'int'; readonly value: bigint }
  | { readonly kind: 'long'; readonly value: bigint }
  | { readonly kind: 'float'; readonly value: number }
  | { readonly kind: 'double'; readonly value: number }
  | { readonly kind: 'char'; readonly value: number }
  | { readonly kind: 'string'; readonly value: string }
  | { readonly kind: 'boolean'; readonly value: boolean }
  | { readonly kind: 'null' };

export interface Literal extends ExprBase {
  readonly kind: 'Literal';
  /** The exact source text (after `\uXXXX` translation), including a folded leading '-'. */
  readonly text: string;
  readonly value: LiteralValue;
}

/** What a Name or FieldAccess resolves to (checker). */
export type Binding =
  | { readonly kind: 'local'; readonly local: LocalSymbol }
  | { readonly kind: 'field'; readonly field: FieldSymbol }
  | { readonly kind: 'class'; readonly cls: ClassSymbol }
  | { readonly kind: 'package'; readonly name: string }
  | { readonly kind: 'arrayLength' };

/**
 * A simple name in expression position: a local, a field, or the first part of a qualified class or
 * package name (the checker decides, JLS 6.5.2, and records it in `binding`).
 */
export interface Name extends ExprBase {
  readonly kind: 'Name';
  readonly name: string;
  binding?: Binding;
  /**
   * Checker, when `binding` is a field: the internal name of the class the field reference is compiled
   * against (JLS 13.1: the static type of the qualifier, or the current class for a simple name; the
   * declaring class for fields of java/lang/Object).
   */
  qualifyingClass?: string;
}

/** `super` as the target of a field access or method call. It is not an expression on its own. */
export interface Super {
  readonly kind: 'Super';
  readonly span: Span;
}

/**
 * `target.name`. Qualified names are nested field accesses: `java.lang.System.out` is
 * FieldAccess(FieldAccess(FieldAccess(Name java, lang), System), out); the checker sets `binding` on
 * each level (package, package, class, field). `a.length` on an array binds to `arrayLength`.
 */
export interface FieldAccess extends ExprBase {
  readonly kind: 'FieldAccess';
  readonly target: Expr | Super;
  readonly name: Identifier;
  binding?: Binding;
  /**
   * Checker, when `binding` is a field: the internal name of the class the field reference is compiled
   * against (JLS 13.1: the static type of the qualifier, or the current class for a simple name; the
   * declaring class for fields of java/lang/Object).
   */
  qualifyingClass?: string;
}

export interface ArrayAccess extends ExprBase {
  readonly kind: 'ArrayAccess';
  readonly array: Expr;
  readonly index: Expr;
}

export type InvokeKind = 'static' | 'virtual' | 'interface' | 'special';

/** `name(args)`, `target.name(args)` or `super.name(args)`; `target` is null for an unqualified call. */
export interface MethodCall extends ExprBase {
  readonly kind: 'MethodCall';
  readonly target: Expr | Super | null;
  readonly name: Identifier;
  readonly args: readonly Expr[];
  /** Checker: the method chosen by overload resolution. */
  method?: MethodSymbol;
  /** Checker: the invoke instruction the call compiles to. */
  invoke?: InvokeKind;
  /**
   * Checker: the internal name of the class or interface the method reference is compiled against
   * (JLS 13.1: the static type of the target, the current class for an unqualified call, the superclass
   * for `super.m()`, java/lang/Object for Object's methods; an array descriptor such as "[I" for clone()
   * on an array).
   */
  qualifyingClass?: string;
}

/** `new C(args)`. */
export interface New extends ExprBase {
  readonly kind: 'New';
  readonly classType: ClassTypeNode;
  readonly args: readonly Expr[];
  /** Checker: the constructor chosen by overload resolution. */
  ctor?: MethodSymbol;
}

/**
 * `new int[n][m][]` or `new int[][] { ... }`. `elementType` is the type before the first bracket (never
 * an ArrayTypeNode); the created array has `dimensions.length + extraDimensions` dimensions. With an
 * initialiser `dimensions` is empty.
 */
export interface NewArray extends ExprBase {
  readonly kind: 'NewArray';
  readonly elementType: PrimitiveTypeNode | ClassTypeNode;
  readonly dimensions: readonly Expr[];
  readonly extraDimensions: number;
  readonly initializer: ArrayLiteral | null;
}

/**
 * `{ a, b, c }`: an array initialiser, in a declaration (`int[] a = {1, 2};`), after `new T[]`, or nested
 * inside another initialiser. The checker sets `type` to the array type it creates.
 */
export interface ArrayLiteral extends ExprBase {
  readonly kind: 'ArrayLiteral';
  readonly elements: readonly Expr[];
}

export type UnaryOperator = '+' | '-' | '~' | '!';

export interface Unary extends ExprBase {
  readonly kind: 'Unary';
  readonly operator: UnaryOperator;
  readonly operand: Expr;
  /** Checker: the promoted type the operation is done in. */
  opType?: Type;
}

export type BinaryOperator =
  | '||'
  | '&&'
  | '|'
  | '^'
  | '&'
  | '=='
  | '!='
  | '<'
  | '>'
  | '<='
  | '>='
  | '<<'
  | '>>'
  | '>>>'
  | '+'
  | '-'
  | '*'
  | '/'
  | '%';

export interface Binary extends ExprBase {
  readonly kind: 'Binary';
  readonly operator: BinaryOperator;
  readonly left: Expr;
  readonly right: Expr;
  /** Span of the operator token, for diagnostics such as "bad operand types for binary operator". */
  readonly operatorSpan: Span;
  /** Checker: the promoted type the operation is done in (for string `+`, java/lang/String). */
  opType?: Type;
}

export type AssignOperator = '=' | '+=' | '-=' | '*=' | '/=' | '%=' | '&=' | '|=' | '^=' | '<<=' | '>>=' | '>>>=';

/** `target = value` or a compound assignment `target op= value` (implicit narrowing, JLS 15.26.2). */
export interface Assign extends ExprBase {
  readonly kind: 'Assign';
  readonly operator: AssignOperator;
  readonly target: Expr;
  readonly value: Expr;
  readonly operatorSpan: Span;
  /** Checker, compound assignments only: the promoted type the operation is done in. */
  opType?: Type;
}

/** `++x`, `--x` (prefix) or `x++`, `x--` (postfix). */
export interface IncDec extends ExprBase {
  readonly kind: 'IncDec';
  readonly operator: '++' | '--';
  readonly prefix: boolean;
  readonly operand: Expr;
  /** Checker: the promoted type the addition is done in. */
  opType?: Type;
}

export interface Cast extends ExprBase {
  readonly kind: 'Cast';
  readonly targetType: TypeNode;
  readonly expr: Expr;
}

export interface InstanceOf extends ExprBase {
  readonly kind: 'InstanceOf';
  readonly expr: Expr;
  readonly targetType: TypeNode;
}

export interface Conditional extends ExprBase {
  readonly kind: 'Conditional';
  readonly condition: Expr;
  readonly whenTrue: Expr;
  readonly whenFalse: Expr;
}

/** Unqualified `this` (qualified `C.this` belongs to inner classes, which Oak leaves out). */
export interface This extends ExprBase {
  readonly kind: 'This';
}

export type Expr =
  | Literal
  | Name
  | FieldAccess
  | ArrayAccess
  | MethodCall
  | New
  | NewArray
  | ArrayLiteral
  | Unary
  | Binary
  | Assign
  | IncDec
  | Cast
  | InstanceOf
  | Conditional
  | This;

// ---------------------------------------------------------------------------------------------------------
// Statements

interface StmtBase {
  readonly span: Span;
}

export interface Block extends StmtBase {
  readonly kind: 'Block';
  readonly statements: readonly Stmt[];
}

/** One variable of a local or field declaration: `a`, `a = 1`, `a[] = {}`. */
export interface VarDeclarator {
  readonly name: Identifier;
  /** The declared type including brackets after the name: in `int a[], b;` a is int[] and b is int. */
  readonly type: TypeNode;
  readonly init: Expr | null;
  readonly span: Span;
  /** Checker (local declarations). */
  local?: LocalSymbol;
  /** Checker (field declarations). */
  symbol?: FieldSymbol;
}

/** `final int a = 1, b[];` as a statement (or the init part of a `for`). */
export interface LocalVar extends StmtBase {
  readonly kind: 'LocalVar';
  readonly modifiers: Modifiers;
  /** The type before the declarators (without brackets written after a name). */
  readonly declaredType: TypeNode;
  readonly declarators: readonly VarDeclarator[];
}

/** An expression statement. The parser accepts only statement expressions here (JLS 14.8): "not a statement" otherwise. */
export interface ExprStmt extends StmtBase {
  readonly kind: 'ExprStmt';
  readonly expr: Expr;
}

export interface If extends StmtBase {
  readonly kind: 'If';
  readonly condition: Expr;
  readonly thenStmt: Stmt;
  readonly elseStmt: Stmt | null;
}

export interface While extends StmtBase {
  readonly kind: 'While';
  readonly condition: Expr;
  readonly body: Stmt;
}

export interface DoWhile extends StmtBase {
  readonly kind: 'DoWhile';
  readonly body: Stmt;
  readonly condition: Expr;
}

/** `for (init; condition; update) body`. `init` is one LocalVar or a list of ExprStmts. */
export interface For extends StmtBase {
  readonly kind: 'For';
  readonly init: readonly (LocalVar | ExprStmt)[];
  readonly condition: Expr | null;
  readonly update: readonly ExprStmt[];
  readonly body: Stmt;
}

/** The variable of an enhanced for, or a method or catch parameter. */
export interface Param {
  readonly modifiers: Modifiers;
  /** The declared type including brackets written after the name. */
  readonly type: TypeNode;
  readonly name: Identifier;
  readonly span: Span;
  /** Checker. */
  local?: LocalSymbol;
}

/** `for (T x : iterable) body` (Oak iterates arrays only; the checker rejects anything else). */
export interface ForEach extends StmtBase {
  readonly kind: 'ForEach';
  readonly variable: Param;
  readonly iterable: Expr;
  readonly body: Stmt;
}

export interface Labeled extends StmtBase {
  readonly kind: 'Labeled';
  readonly label: Identifier;
  readonly body: Stmt;
}

export interface Break extends StmtBase {
  readonly kind: 'Break';
  readonly label: Identifier | null;
  /** Checker: the loop, switch or labelled statement this leaves. */
  target?: Stmt;
}

export interface Continue extends StmtBase {
  readonly kind: 'Continue';
  readonly label: Identifier | null;
  /** Checker: the loop this continues (for a labelled continue, the Labeled statement around the loop). */
  target?: Stmt;
}

export interface Return extends StmtBase {
  readonly kind: 'Return';
  readonly value: Expr | null;
}

export type SwitchLabel =
  | { readonly kind: 'Case'; readonly value: Expr; readonly span: Span }
  | { readonly kind: 'Default'; readonly span: Span };

/**
 * One group of a switch block: one or more labels followed by the statements up to the next label.
 * Control falls through from a group's statements into the next group, as in Java.
 */
export interface SwitchCase {
  readonly labels: readonly SwitchLabel[];
  readonly body: readonly Stmt[];
  readonly span: Span;
}

export interface Switch extends StmtBase {
  readonly kind: 'Switch';
  readonly selector: Expr;
  readonly cases: readonly SwitchCase[];
}

export interface Throw extends StmtBase {
  readonly kind: 'Throw';
  readonly expr: Expr;
}

/** `catch (final A | B e) { ... }`: `types` has more than one entry for a multi-catch. */
export interface CatchClause {
  readonly modifiers: Modifiers;
  readonly types: readonly ClassTypeNode[];
  readonly name: Identifier;
  readonly body: Block;
  readonly span: Span;
  /** Checker: the catch parameter (for a multi-catch its type is the types' least upper bound). */
  local?: LocalSymbol;
}

/** `try` with at least one catch or a finally (the parser reports a bare `try`). */
export interface Try extends StmtBase {
  readonly kind: 'Try';
  readonly block: Block;
  readonly catches: readonly CatchClause[];
  readonly finallyBlock: Block | null;
}

export interface Synchronized extends StmtBase {
  readonly kind: 'Synchronized';
  readonly lock: Expr;
  readonly body: Block;
}

export interface Empty extends StmtBase {
  readonly kind: 'Empty';
}

/**
 * `this(args);` or `super(args);`, wherever a statement may be: where it is not the first statement of a
 * constructor body the checker reports "call to this/super must be first statement in constructor".
 */
export interface ExplicitConstructorCall extends StmtBase {
  readonly kind: 'ExplicitConstructorCall';
  readonly call: 'this' | 'super';
  readonly args: readonly Expr[];
  /** The '(' after the keyword, where javac puts its caret for this call. */
  readonly openParen: Span;
  /** Checker: the constructor chosen by overload resolution. */
  ctor?: MethodSymbol;
}

export type Stmt =
  | Block
  | LocalVar
  | ExprStmt
  | If
  | While
  | DoWhile
  | For
  | ForEach
  | Labeled
  | Break
  | Continue
  | Return
  | Switch
  | Throw
  | Try
  | Synchronized
  | Empty
  | ExplicitConstructorCall;

// ---------------------------------------------------------------------------------------------------------
// Declarations

/** `int a = 1, b[];` in a class body (constant fields of interfaces included). */
export interface FieldDecl {
  readonly kind: 'Field';
  readonly modifiers: Modifiers;
  readonly declaredType: TypeNode;
  readonly declarators: readonly VarDeclarator[];
  readonly span: Span;
}

interface MethodLikeBase {
  readonly span: Span;
  /** Checker. */
  symbol?: MethodSymbol;
  /** Checker: how many LocalSymbols the body declares, parameters included (`this` excluded). */
  localCount?: number;
}

/** A method; `body` is null for abstract, native and interface methods (`;` instead of a block). */
export interface NormalMethodDecl extends MethodLikeBase {
  readonly kind: 'Method';
  readonly modifiers: Modifiers;
  /** Includes brackets written after the parameter list (`int m()[]`). */
  readonly returnType: TypeNode | VoidTypeNode;
  readonly name: Identifier;
  readonly params: readonly Param[];
  readonly throws: readonly ClassTypeNode[];
  readonly body: Block | null;
}

/** A constructor; its body's first statement may be an ExplicitConstructorCall. */
export interface ConstructorDecl extends MethodLikeBase {
  readonly kind: 'Constructor';
  readonly modifiers: Modifiers;
  readonly name: Identifier;
  readonly params: readonly Param[];
  readonly throws: readonly ClassTypeNode[];
  readonly body: Block;
}

/** `static { ... }` or an instance initialiser `{ ... }`. */
export interface InitializerDecl extends MethodLikeBase {
  readonly kind: 'Initializer';
  readonly isStatic: boolean;
  readonly body: Block;
}

/** Everything that compiles to code: methods, constructors and initialiser blocks. */
export type MethodDecl = NormalMethodDecl | ConstructorDecl | InitializerDecl;

export type Member = FieldDecl | MethodDecl;

/**
 * A top-level class or interface. For a class, `superclass` is its `extends` (null when omitted) and
 * `interfaces` its `implements`; for an interface, `superclass` is null and `interfaces` its `extends`.
 */
export interface ClassDecl {
  readonly kind: 'Class';
  readonly isInterface: boolean;
  readonly modifiers: Modifiers;
  readonly name: Identifier;
  readonly superclass: ClassTypeNode | null;
  readonly interfaces: readonly ClassTypeNode[];
  readonly members: readonly Member[];
  readonly span: Span;
  /** Checker. */
  symbol?: ClassSymbol;
}

/** `import a.b.C;` or `import a.b.*;` (then `name` is `a.b`). */
export interface ImportDecl {
  readonly kind: 'Import';
  readonly name: QualifiedName;
  readonly onDemand: boolean;
  readonly span: Span;
}

export interface CompilationUnit {
  readonly kind: 'CompilationUnit';
  /** The path of the source file, as given in SourceText. */
  readonly file: string;
  readonly packageName: QualifiedName | null;
  readonly imports: readonly ImportDecl[];
  readonly types: readonly ClassDecl[];
  readonly span: Span;
}

export type Node =
  | CompilationUnit
  | ImportDecl
  | ClassDecl
  | Member
  | Stmt
  | Expr
  | Super
  | TypeNode
  | VoidTypeNode;
