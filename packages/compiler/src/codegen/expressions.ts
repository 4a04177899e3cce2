// Expressions compiled for their value: each leaves exactly one value of its static type on the stack
// (none for a void call). Conversions follow the checker's types and `opType` annotations.
import { Op, type OpCode } from '@oakvm/classfile';
import type { ArrayLiteral, Binary, Cast, Conditional, Expr, FieldAccess, MethodCall, Name, New, NewArray, Unary } from '../syntax/ast.js';
import type { ConstantValue } from '../semantics/symbols.js';
import { descriptorOf, sameType, type Type } from '../semantics/types.js';
import { genAssign, genCompoundAssign, genIncDec } from './assignments.js';
import { genCond, isFalse, jumpFalse, loadCond, resolve } from './conditions.js';
import { pushConstant } from './constants.js';
import { assertNever, internalError } from './internal-error.js';
import { arithmeticOp, arrayStoreOp, conversionOps, isReference, jvmKind, loadOp, newarrayCode } from './jvm-types.js';
import type { Label } from './emitter.js';
import { genLValue, isStatic, isTypeName, loadLValue } from './lvalues.js';
import type { MethodContext } from './method-context.js';
import { genStringConcat } from './string-concat.js';

/** The checker keeps parentheses as a flag, so there is nothing to strip; kept as the one place to look. */
export function unparen(e: Expr): Expr {
  return e;
}

export function typeOf(e: Expr): Type {
  if (e.type === undefined) throw internalError(`${e.kind} expression without a type`);
  return e.type;
}

/** Leaves the value of `e`, converted to `target`, on the stack. */
export function genExprTo(ctx: MethodContext, e: Expr, target: Type): void {
  if (e.constant !== undefined && (target.kind === 'primitive' || e.constant.kind === 'string')) {
    pushConstant(ctx.emitter, e.constant, target);
    return;
  }
  if (e.kind === 'Conditional' && target.kind === 'primitive' && e.parenthesized !== true) {
    // javac converts each branch straight to the type the context wants, not to the conditional's own
    // type first (`double d = c ? i : f` is i2d, not i2f; f2d): the output must match javac's. In
    // parentheses the conditional is generated in its own type and converted after, as javac's
    // visitParens resets the expected type.
    genConditional(ctx, e, target);
    return;
  }
  genExpr(ctx, e);
  coerce(ctx, typeOf(e), target);
}

/** Converts the value on top of the stack between primitive types; reference widening needs nothing. */
export function coerce(ctx: MethodContext, from: Type, to: Type): void {
  if (from.kind === 'primitive' && to.kind === 'primitive' && from.name !== to.name) {
    const ops = conversionOps(from.name, to.name);
    for (let i = 0; i < ops.length; i++) ctx.emitter.op(ops[i] as OpCode);
  }
}

/** Leaves the value of `e` (of its own static type) on the stack. */
export function genExpr(ctx: MethodContext, e: Expr): void {
  if (e.constant !== undefined) {
    pushConstant(ctx.emitter, e.constant, typeOf(e));
    return;
  }
  switch (e.kind) {
    case 'Literal':
      if (e.value.kind !== 'null') throw internalError('literal without a folded constant');
      ctx.emitter.op(Op.aconst_null);
      return;
    case 'Name':
      genName(ctx, e);
      return;
    case 'FieldAccess':
      genFieldAccess(ctx, e);
      return;
    case 'ArrayAccess':
      loadLValue(ctx, genLValue(ctx, e));
      return;
    case 'MethodCall':
      genCall(ctx, e);
      return;
    case 'New':
      genNew(ctx, e);
      return;
    case 'NewArray':
      genNewArray(ctx, e);
      return;
    case 'ArrayLiteral':
      genArrayLiteral(ctx, e, typeOf(e));
      return;
    case 'Unary':
      genUnary(ctx, e);
      return;
    case 'Binary':
      genBinary(ctx, e);
      return;
    case 'Assign':
      if (e.operator === '=') genAssign(ctx, e, true);
      else genCompoundAssign(ctx, e, true);
      return;
    case 'IncDec':
      genIncDec(ctx, e, true);
      return;
    case 'Cast':
      genCast(ctx, e);
      return;
    case 'InstanceOf':
      genExpr(ctx, e.expr);
      ctx.emitter.classOp(Op.instanceof, classOperand(typeOfNode(e.targetType.type)));
      return;
    case 'Conditional':
      genConditional(ctx, e);
      return;
    case 'This':
      ctx.emitter.local(Op.aload, 0);
      return;
    default:
      assertNever(e, 'expression');
  }
}

/** An expression statement: evaluated for its effect, any value dropped (javac's visitExec). */
export function genDiscard(ctx: MethodContext, e: Expr): void {
  switch (e.kind) {
    case 'Assign':
      if (e.operator === '=') genAssign(ctx, e, false);
      else genCompoundAssign(ctx, e, false);
      return;
    case 'IncDec':
      // javac turns a statement x++ into ++x: the same effect without keeping the old value.
      genIncDec(ctx, e, false, true);
      return;
    default:
      genExpr(ctx, e);
      dropValue(ctx, typeOf(e));
  }
}

export function dropValue(ctx: MethodContext, type: Type): void {
  if (type.kind === 'void') return;
  const kind = jvmKind(type);
  ctx.emitter.op(kind === 'long' || kind === 'double' ? Op.pop2 : Op.pop);
}

function typeOfNode(type: Type | undefined): Type {
  if (type === undefined) throw internalError('type syntax without a resolved type');
  return type;
}

/** The operand of new/anewarray/checkcast/instanceof: an internal name, or a descriptor for arrays. */
export function classOperand(type: Type): string {
  if (type.kind === 'class') return type.name;
  if (type.kind === 'array') return descriptorOf(type);
  throw internalError(`no class operand for ${type.kind}`);
}

function genName(ctx: MethodContext, e: Name): void {
  const binding = e.binding;
  if (binding === undefined) throw internalError(`unresolved name ${e.name}`);
  switch (binding.kind) {
    case 'field':
      // A constant variable named simply is its value, even where the checker did not fold it (JLS 13.1).
      if (binding.field.constantValue !== undefined) {
        pushConstant(ctx.emitter, binding.field.constantValue, typeOf(e));
        return;
      }
      loadLValue(ctx, genLValue(ctx, e));
      return;
    case 'local':
      // What loadLValue(genLValue(e)) does for a local, without the LValue record.
      ctx.emitter.local(loadOp(binding.local.type), ctx.locals.slotOf(binding.local));
      return;
    case 'class':
    case 'package':
    case 'arrayLength':
      throw internalError(`name ${e.name} is not a value`);
  }
}

function genFieldAccess(ctx: MethodContext, e: FieldAccess): void {
  const binding = e.binding;
  if (binding === undefined) throw internalError(`unresolved field ${e.name.name}`);
  switch (binding.kind) {
    case 'arrayLength':
      if (e.target.kind === 'Super') throw internalError('super.length');
      genExpr(ctx, e.target);
      ctx.emitter.op(Op.arraylength);
      return;
    case 'field':
      if (binding.field.constantValue !== undefined) {
        genConstantFieldAccess(ctx, e, binding.field.constantValue, isStatic(binding.field));
        return;
      }
      loadLValue(ctx, genLValue(ctx, e));
      return;
    case 'local':
      loadLValue(ctx, genLValue(ctx, e));
      return;
    case 'class':
    case 'package':
      throw internalError(`${e.name.name} is not a value`);
  }
}

/**
 * `expr.K` where K is a constant variable: JLS 13.1 wants the value compiled in, not a field reference.
 * As javac does, the qualifier is still evaluated: dropped for a static field, null-checked with
 * Objects.requireNonNull for an instance field.
 */
function genConstantFieldAccess(ctx: MethodContext, e: FieldAccess, constant: ConstantValue, fieldIsStatic: boolean): void {
  const target = e.target;
  if (fieldIsStatic) {
    if (target.kind !== 'Super' && !isTypeName(target)) {
      genExpr(ctx, target);
      ctx.emitter.op(Op.pop);
    }
  } else {
    if (target.kind === 'Super') ctx.emitter.local(Op.aload, 0);
    else genExpr(ctx, target);
    ctx.emitter.invoke(Op.invokestatic, 'java/util/Objects', 'requireNonNull', '(Ljava/lang/Object;)Ljava/lang/Object;', false);
    ctx.emitter.op(Op.pop);
  }
  pushConstant(ctx.emitter, constant, typeOf(e));
}

const invokeOps: Record<'static' | 'virtual' | 'interface' | 'special', OpCode> = {
  static: Op.invokestatic,
  virtual: Op.invokevirtual,
  interface: Op.invokeinterface,
  special: Op.invokespecial,
};

function genCall(ctx: MethodContext, e: MethodCall): void {
  const method = e.method;
  if (method === undefined) throw internalError(`unresolved method ${e.name.name}`);
  const isStaticMethod = (method.accessFlags & 0x0008) !== 0;
  let kind = e.invoke ?? (isStaticMethod ? 'static' : 'virtual');
  const target = e.target;
  if (isStaticMethod) {
    if (target !== null && target.kind !== 'Super' && !isTypeName(target)) {
      genExpr(ctx, target);
      ctx.emitter.op(Op.pop);
    }
  } else if (target === null || target.kind === 'Super') {
    ctx.emitter.local(Op.aload, 0);
    if (target !== null) kind = 'special';
  } else {
    genExpr(ctx, target);
  }
  // javac (for class files before nestmates) calls private instance methods with invokespecial.
  if (kind === 'virtual' && (method.accessFlags & 0x0002) !== 0) kind = 'special';
  genArgs(ctx, e.args, method.params);
  const owner = e.qualifyingClass ?? method.owner.name;
  if (owner === 'java/lang/Object' && kind === 'interface') kind = 'virtual';
  ctx.emitter.invoke(invokeOps[kind], owner, method.name, method.descriptor, kind === 'interface');
  const resultType = typeOf(e);
  // clone() on an array is declared to return Object but typed as the array (JLS 10.7).
  if (isReference(resultType) && isReference(method.returnType) && !sameType(resultType, method.returnType)) {
    ctx.emitter.classOp(Op.checkcast, classOperand(resultType));
  }
}

function genNew(ctx: MethodContext, e: New): void {
  const ctor = e.ctor;
  if (ctor === undefined) throw internalError('unresolved constructor');
  ctx.emitter.classOp(Op.new, ctor.owner.name);
  ctx.emitter.op(Op.dup);
  genArgs(ctx, e.args, ctor.params);
  ctx.emitter.invoke(Op.invokespecial, ctor.owner.name, '<init>', ctor.descriptor, false);
}

// Loops here rather than callbacks: a callback capturing ctx makes each call allocate a context.
export function genArgs(ctx: MethodContext, args: readonly Expr[], params: readonly Type[]): void {
  for (let i = 0; i < params.length; i++) {
    const arg = args[i];
    if (arg === undefined) throw internalError('missing argument');
    genExprTo(ctx, arg, params[i] as Type);
  }
}

function genNewArray(ctx: MethodContext, e: NewArray): void {
  const type = typeOf(e);
  if (e.initializer !== null) {
    genArrayLiteral(ctx, e.initializer, type);
    return;
  }
  for (let dimIndex = 0; dimIndex < e.dimensions.length; dimIndex++) {
    const dim = e.dimensions[dimIndex];
    genExprTo(ctx, dim, { kind: 'primitive', name: 'int' });
  }
  if (e.dimensions.length === 1) newArrayOf(ctx, type);
  else ctx.emitter.multianewarray(descriptorOf(type), e.dimensions.length);
}

/** newarray or anewarray for a one-dimensional creation of `arrayType`, length on the stack. */
function newArrayOf(ctx: MethodContext, arrayType: Type): void {
  if (arrayType.kind !== 'array') throw internalError('array creation of a non-array type');
  const element = arrayType.element;
  if (element.kind === 'primitive') ctx.emitter.newarray(newarrayCode(element.name));
  else ctx.emitter.classOp(Op.anewarray, classOperand(element));
}

export function genArrayLiteral(ctx: MethodContext, e: ArrayLiteral, arrayType: Type): void {
  if (arrayType.kind !== 'array') throw internalError('array initialiser for a non-array type');
  ctx.emitter.intConstant(e.elements.length);
  newArrayOf(ctx, arrayType);
  for (let i = 0; i < e.elements.length; i++) {
    const element = e.elements[i] as Expr;
    ctx.emitter.op(Op.dup);
    ctx.emitter.intConstant(i);
    if (element.kind === 'ArrayLiteral') genArrayLiteral(ctx, element, arrayType.element);
    else genExprTo(ctx, element, arrayType.element);
    ctx.emitter.op(arrayStoreOp(arrayType.element));
  }
}

function genUnary(ctx: MethodContext, e: Unary): void {
  const opType = e.opType ?? typeOf(e);
  switch (e.operator) {
    case '!':
      loadCond(ctx, genCond(ctx, e));
      return;
    case '+':
      genExprTo(ctx, e.operand, opType);
      return;
    case '-':
      genExprTo(ctx, e.operand, opType);
      ctx.emitter.op(arithmeticOp(Op.ineg, jvmKind(opType)));
      return;
    case '~':
      // javac: x ^ -1.
      genExprTo(ctx, e.operand, opType);
      if (jvmKind(opType) === 'long') {
        ctx.emitter.longConstant(-1n);
        ctx.emitter.op(Op.lxor);
      } else {
        ctx.emitter.op(Op.iconst_m1);
        ctx.emitter.op(Op.ixor);
      }
      return;
  }
}

const arithmeticBase: Partial<Record<Binary['operator'], OpCode>> = {
  '+': Op.iadd,
  '-': Op.isub,
  '*': Op.imul,
  '/': Op.idiv,
  '%': Op.irem,
  '&': Op.iand,
  '|': Op.ior,
  '^': Op.ixor,
  '<<': Op.ishl,
  '>>': Op.ishr,
  '>>>': Op.iushr,
};

function genBinary(ctx: MethodContext, e: Binary): void {
  const opType = e.opType;
  if (opType === undefined) throw internalError(`binary ${e.operator} without opType`);
  switch (e.operator) {
    case '&&':
    case '||':
    case '==':
    case '!=':
    case '<':
    case '>':
    case '<=':
    case '>=':
      loadCond(ctx, genCond(ctx, e));
      return;
    default:
      break;
  }
  if (e.operator === '+' && opType.kind === 'class') {
    genStringConcat(ctx, e);
    return;
  }
  genExprTo(ctx, e.left, opType);
  genBinaryOperation(ctx, e.operator, opType, e.right);
}

/**
 * The right operand and the operator, the left operand being on the stack already (shared with compound
 * assignment). Shift distances are promoted on their own and a long distance is narrowed with l2i.
 */
export function genBinaryOperation(ctx: MethodContext, operator: Binary['operator'], opType: Type, right: Expr): void {
  const base = arithmeticBase[operator];
  if (base === undefined) throw internalError(`no arithmetic for ${operator}`);
  const kind = jvmKind(opType);
  if (operator === '<<' || operator === '>>' || operator === '>>>') {
    genExprTo(ctx, right, { kind: 'primitive', name: 'int' });
    ctx.emitter.op(kind === 'long' ? ((base + 1) as OpCode) : base);
    return;
  }
  genExprTo(ctx, right, opType);
  if (base >= Op.iand) {
    // The bitwise opcodes come in int/long pairs only.
    ctx.emitter.op(kind === 'long' ? ((base + 1) as OpCode) : base);
    return;
  }
  ctx.emitter.op(arithmeticOp(base, kind));
}

function genCast(ctx: MethodContext, e: Cast): void {
  const target = typeOfNode(e.targetType.type);
  const source = typeOf(e.expr);
  // The operand is generated in its own type, then converted (unlike an assignment context, javac
  // does not push a cast's type into a conditional operand).
  genExpr(ctx, e.expr);
  if (target.kind === 'primitive') {
    coerce(ctx, source, target);
    return;
  }
  // javac leaves out the checkcast of a widening cast; a cast of null is checked unless it is to Object.
  const isObject = target.kind === 'class' && target.name === 'java/lang/Object';
  if (source.kind === 'null' ? isObject : ctx.isSubtype(source, target)) return;
  ctx.emitter.classOp(Op.checkcast, classOperand(target));
}

function genConditional(ctx: MethodContext, e: Conditional, type: Type = typeOf(e)): void {
  const folded = e.condition.constant;
  if (folded?.kind === 'boolean') {
    // javac's Lower replaces `true ? a : b` by `(T) a`, T the conditional's type: the chosen operand is
    // converted to T first, then to what the context wants.
    const own = typeOf(e);
    genExprTo(ctx, folded.value ? e.whenTrue : e.whenFalse, own);
    coerce(ctx, own, type);
    return;
  }
  const c = genCond(ctx, e.condition);
  const elseJumps = jumpFalse(ctx, c);
  let exit: Label | undefined;
  if (!isFalse(c)) {
    resolve(ctx, c.trueJumps);
    genExprTo(ctx, e.whenTrue, type);
    if (ctx.emitter.alive) {
      exit = ctx.emitter.newLabel();
      ctx.emitter.goto(exit);
    }
  }
  if (elseJumps.length > 0) {
    resolve(ctx, elseJumps);
    genExprTo(ctx, e.whenFalse, type);
  }
  if (exit !== undefined) ctx.emitter.place(exit);
}
