// What each instruction does to the type state (JVMS 4.10.2 and chapter 6): the operand types it checks,
// the locals it reads and writes, what it pushes. One switch over the opcode, in opcode order; the
// instruction's constant-pool operand arrives already resolved by the static pass.
import { ACC_PROTECTED, Op, type OpCode } from '@oakvm/classfile';
import { VmInternalError, assertNever } from '../runtime/errors.js';
import type { CodeTable, FieldOperand, MethodOperand, ResolvedOperand } from './decode-method.js';
import type { TypeState } from './type-state.js';
import type { TypeRelations } from './type-relations.js';
import {
  DOUBLE,
  DOUBLE_HI,
  FLOAT,
  INT,
  LONG,
  LONG_HI,
  NULL,
  TOP,
  Tag,
  UNINIT_THIS,
  isInitializedReference,
  type VType,
} from './verification-type.js';

/** What the semantics need to know about the method being verified. */
export interface MethodFacts {
  /** Internal name of the class being verified. */
  readonly className: string;
  readonly superName: string | null;
  readonly majorVersion: number;
  readonly isConstructor: boolean;
  /** The return type's slots; empty for void. */
  readonly result: readonly VType[];
}

const NEWARRAY_TYPES: readonly (string | undefined)[] = [undefined, undefined, undefined, undefined, '[Z', '[C', '[F', '[D', '[B', '[S', '[I', '[J'];

/** Array element checks of the typed array loads and stores: accepted array names and the message. */
const ARRAY_KINDS = {
  int: [['[I'], 'Expecting to find array of ints on stack'],
  long: [['[J'], 'Expecting to find array of longs on stack'],
  float: [['[F'], 'Expecting to find array of floats on stack'],
  double: [['[D'], 'Expecting to find array of doubles on stack'],
  byte: [['[B', '[Z'], 'Expecting to find array of bytes or Booleans on stack'],
  char: [['[C'], 'Expecting to find array of chars on stack'],
  short: [['[S'], 'Expecting to find array of shorts on stack'],
} as const;

type ArrayKind = keyof typeof ARRAY_KINDS;

export class InstructionSemantics {
  private readonly scratch: VType[] = [TOP, TOP, TOP, TOP];
  private readonly args: VType[] = [];

  constructor(
    private readonly facts: MethodFacts,
    private readonly relations: TypeRelations,
    private readonly fail: (reason: string) => never,
  ) {}

  /** Applies instruction `i` of `code` to `s`. */
  execute(s: TypeState, code: CodeTable, i: number, operand: ResolvedOperand | undefined): void {
    const op = code.opcodes[i] as OpCode;
    // Local-variable instructions with an index operand: their _0.._3 forms have it in the opcode.
    const local = code.indexes[i] as number;
    switch (op) {
      case Op.nop:
        return;
      case Op.aconst_null:
        return s.push(NULL);
      case Op.iconst_m1:
      case Op.iconst_0:
      case Op.iconst_1:
      case Op.iconst_2:
      case Op.iconst_3:
      case Op.iconst_4:
      case Op.iconst_5:
      case Op.bipush:
      case Op.sipush:
        return s.push(INT);
      case Op.lconst_0:
      case Op.lconst_1:
        return this.pushLong(s);
      case Op.fconst_0:
      case Op.fconst_1:
      case Op.fconst_2:
        return s.push(FLOAT);
      case Op.dconst_0:
      case Op.dconst_1:
        return this.pushDouble(s);
      case Op.ldc:
      case Op.ldc_w:
      case Op.ldc2_w:
        return s.pushValue(operand?.kind === 'constant' ? operand.value : []);
      case Op.iload:
      case Op.iload_0:
      case Op.iload_1:
      case Op.iload_2:
      case Op.iload_3:
        s.loadLocal(localIndex(op, local, Op.iload_0), Tag.Int);
        return s.push(INT);
      case Op.lload:
      case Op.lload_0:
      case Op.lload_1:
      case Op.lload_2:
      case Op.lload_3:
        s.loadPair(localIndex(op, local, Op.lload_0), Tag.Long, Tag.LongHi);
        return this.pushLong(s);
      case Op.fload:
      case Op.fload_0:
      case Op.fload_1:
      case Op.fload_2:
      case Op.fload_3:
        s.loadLocal(localIndex(op, local, Op.fload_0), Tag.Float);
        return s.push(FLOAT);
      case Op.dload:
      case Op.dload_0:
      case Op.dload_1:
      case Op.dload_2:
      case Op.dload_3:
        s.loadPair(localIndex(op, local, Op.dload_0), Tag.Double, Tag.DoubleHi);
        return this.pushDouble(s);
      case Op.aload:
      case Op.aload_0:
      case Op.aload_1:
      case Op.aload_2:
      case Op.aload_3:
        return s.push(s.loadReferenceLocal(localIndex(op, local, Op.aload_0)));
      case Op.iaload:
        return this.arrayLoad(s, 'int', [INT]);
      case Op.laload:
        return this.arrayLoad(s, 'long', [LONG, LONG_HI]);
      case Op.faload:
        return this.arrayLoad(s, 'float', [FLOAT]);
      case Op.daload:
        return this.arrayLoad(s, 'double', [DOUBLE, DOUBLE_HI]);
      case Op.aaload: {
        s.popInt();
        const array = s.pop();
        if (array.tag === Tag.Null) return s.push(NULL);
        if (!isReferenceArray(array)) this.fail('Expecting to find array of objects or arrays on stack');
        return s.pushValue(this.relations.types.elementOf(array.name));
      }
      case Op.baload:
        return this.arrayLoad(s, 'byte', [INT]);
      case Op.caload:
        return this.arrayLoad(s, 'char', [INT]);
      case Op.saload:
        return this.arrayLoad(s, 'short', [INT]);
      case Op.istore:
      case Op.istore_0:
      case Op.istore_1:
      case Op.istore_2:
      case Op.istore_3:
        s.popInt();
        return s.store(localIndex(op, local, Op.istore_0), INT);
      case Op.lstore:
      case Op.lstore_0:
      case Op.lstore_1:
      case Op.lstore_2:
      case Op.lstore_3:
        s.popLong();
        return s.storePair(localIndex(op, local, Op.lstore_0), LONG, LONG_HI);
      case Op.fstore:
      case Op.fstore_0:
      case Op.fstore_1:
      case Op.fstore_2:
      case Op.fstore_3:
        s.popFloat();
        return s.store(localIndex(op, local, Op.fstore_0), FLOAT);
      case Op.dstore:
      case Op.dstore_0:
      case Op.dstore_1:
      case Op.dstore_2:
      case Op.dstore_3:
        s.popDouble();
        return s.storePair(localIndex(op, local, Op.dstore_0), DOUBLE, DOUBLE_HI);
      case Op.astore:
      case Op.astore_0:
      case Op.astore_1:
      case Op.astore_2:
      case Op.astore_3:
        return s.store(localIndex(op, local, Op.astore_0), s.popAnyReference());
      case Op.iastore:
        return this.arrayStore(s, 'int', () => s.popInt());
      case Op.lastore:
        return this.arrayStore(s, 'long', () => s.popLong());
      case Op.fastore:
        return this.arrayStore(s, 'float', () => s.popFloat());
      case Op.dastore:
        return this.arrayStore(s, 'double', () => s.popDouble());
      case Op.aastore: {
        // The element's class is checked at run time (ArrayStoreException); here only its kind.
        s.popReference();
        s.popInt();
        const array = s.pop();
        if (array.tag !== Tag.Null && !isReferenceArray(array)) this.fail('Expecting to find array of objects or arrays on stack');
        return;
      }
      case Op.bastore:
        return this.arrayStore(s, 'byte', () => s.popInt());
      case Op.castore:
        return this.arrayStore(s, 'char', () => s.popInt());
      case Op.sastore:
        return this.arrayStore(s, 'short', () => s.popInt());
      case Op.pop:
        return s.popSlots(1, this.scratch, 0b1);
      case Op.pop2:
        return s.popSlots(2, this.scratch, 0);
      case Op.dup:
        return this.shuffle(s, 1, 0b1, [0, 0]);
      case Op.dup_x1:
        return this.shuffle(s, 2, 0b11, [1, 0, 1]);
      case Op.dup_x2:
        return this.shuffle(s, 3, 0b100, [2, 0, 1, 2]);
      case Op.dup2:
        return this.shuffle(s, 2, 0, [0, 1, 0, 1]);
      case Op.dup2_x1:
        return this.shuffle(s, 3, 0b001, [1, 2, 0, 1, 2]);
      case Op.dup2_x2:
        return this.shuffle(s, 4, 0, [2, 3, 0, 1, 2, 3]);
      case Op.swap:
        return this.shuffle(s, 2, 0b11, [1, 0]);
      case Op.iadd:
      case Op.isub:
      case Op.imul:
      case Op.idiv:
      case Op.irem:
      case Op.ishl:
      case Op.ishr:
      case Op.iushr:
      case Op.iand:
      case Op.ior:
      case Op.ixor:
        s.popInt();
        s.popInt();
        return s.push(INT);
      case Op.ladd:
      case Op.lsub:
      case Op.lmul:
      case Op.ldiv:
      case Op.lrem:
      case Op.land:
      case Op.lor:
      case Op.lxor:
        s.popLong();
        s.popLong();
        return this.pushLong(s);
      case Op.fadd:
      case Op.fsub:
      case Op.fmul:
      case Op.fdiv:
      case Op.frem:
        s.popFloat();
        s.popFloat();
        return s.push(FLOAT);
      case Op.dadd:
      case Op.dsub:
      case Op.dmul:
      case Op.ddiv:
      case Op.drem:
        s.popDouble();
        s.popDouble();
        return this.pushDouble(s);
      case Op.ineg:
      case Op.i2b:
      case Op.i2c:
      case Op.i2s:
        s.popInt();
        return s.push(INT);
      case Op.lneg:
        s.popLong();
        return this.pushLong(s);
      case Op.fneg:
        s.popFloat();
        return s.push(FLOAT);
      case Op.dneg:
        s.popDouble();
        return this.pushDouble(s);
      case Op.lshl:
      case Op.lshr:
      case Op.lushr:
        s.popInt();
        s.popLong();
        return this.pushLong(s);
      case Op.iinc: {
        s.loadLocal(local, Tag.Int);
        return;
      }
      case Op.i2l:
        s.popInt();
        return this.pushLong(s);
      case Op.i2f:
        s.popInt();
        return s.push(FLOAT);
      case Op.i2d:
        s.popInt();
        return this.pushDouble(s);
      case Op.l2i:
        s.popLong();
        return s.push(INT);
      case Op.l2f:
        s.popLong();
        return s.push(FLOAT);
      case Op.l2d:
        s.popLong();
        return this.pushDouble(s);
      case Op.f2i:
        s.popFloat();
        return s.push(INT);
      case Op.f2l:
        s.popFloat();
        return this.pushLong(s);
      case Op.f2d:
        s.popFloat();
        return this.pushDouble(s);
      case Op.d2i:
        s.popDouble();
        return s.push(INT);
      case Op.d2l:
        s.popDouble();
        return this.pushLong(s);
      case Op.d2f:
        s.popDouble();
        return s.push(FLOAT);
      case Op.lcmp:
        s.popLong();
        s.popLong();
        return s.push(INT);
      case Op.fcmpl:
      case Op.fcmpg:
        s.popFloat();
        s.popFloat();
        return s.push(INT);
      case Op.dcmpl:
      case Op.dcmpg:
        s.popDouble();
        s.popDouble();
        return s.push(INT);
      case Op.ifeq:
      case Op.ifne:
      case Op.iflt:
      case Op.ifge:
      case Op.ifgt:
      case Op.ifle:
      case Op.tableswitch:
      case Op.lookupswitch:
        return s.popInt();
      case Op.if_icmpeq:
      case Op.if_icmpne:
      case Op.if_icmplt:
      case Op.if_icmpge:
      case Op.if_icmpgt:
      case Op.if_icmple:
        s.popInt();
        return s.popInt();
      case Op.if_acmpeq:
      case Op.if_acmpne:
        s.popReference();
        s.popReference();
        return;
      case Op.goto:
      case Op.goto_w:
        return;
      case Op.jsr:
      case Op.jsr_w:
      case Op.ret:
        return this.fail('jsr and ret are not supported (subroutines are rejected)');
      case Op.ireturn:
        s.popInt();
        return this.checkReturn(Tag.Int);
      case Op.lreturn:
        s.popLong();
        return this.checkReturn(Tag.Long);
      case Op.freturn:
        s.popFloat();
        return this.checkReturn(Tag.Float);
      case Op.dreturn:
        s.popDouble();
        return this.checkReturn(Tag.Double);
      case Op.areturn: {
        // HotSpot pops the operand before it compares with the descriptor.
        const value = s.popReference();
        const result = this.facts.result[0];
        if (result === undefined || result.tag !== Tag.Ref) this.fail('Wrong return type in function');
        if (!this.relations.isAssignable(value, result.name)) this.fail('Wrong return type in function');
        return;
      }
      case Op.return:
        if (this.facts.result.length !== 0) this.fail('Wrong return type in function');
        if (this.facts.isConstructor && !s.thisInitialized) this.fail('Constructor must call super() or this()');
        return;
      case Op.getstatic:
        return s.pushValue(field(operand).value);
      case Op.putstatic: {
        const f = field(operand);
        const value = s.popValue(f.value);
        this.checkFieldValue(value, f);
        return;
      }
      case Op.getfield: {
        const f = field(operand);
        const object = s.popReference();
        this.checkFieldObject(object, f);
        return s.pushValue(f.value);
      }
      case Op.putfield: {
        const f = field(operand);
        const value = s.popValue(f.value);
        const object = s.pop();
        // A constructor may set its own class's fields before calling super() (javac does, for outer-this).
        const ownField = object.tag === Tag.UninitThis && f.className === this.facts.className;
        if (!ownField) {
          if (!isInitializedReference(object)) this.fail('Expecting to find object/array on stack');
          this.checkFieldObject(object, f);
        }
        this.checkFieldValue(value, f);
        return;
      }
      case Op.invokevirtual:
      case Op.invokespecial:
      case Op.invokestatic:
      case Op.invokeinterface:
      case Op.invokedynamic:
        return this.invoke(s, op, method(operand));
      case Op.new: {
        // A `new` reached again while its earlier object is still uninitialized on the stack would make
        // the two objects indistinguishable.
        const created = this.relations.types.uninit(code.pcs[i] as number, className(operand));
        for (let i = 0; i < s.sp; i++) if (s.stack[i] === created) this.fail('Uninitialized object on stack at creating point');
        for (let i = 0; i < s.maxLocals; i++) if (s.locals[i] === created) s.locals[i] = TOP;
        return s.push(created);
      }
      case Op.newarray: {
        s.popInt();
        const name = NEWARRAY_TYPES[code.values[i] as number];
        if (name === undefined) this.fail('Bad type passed to newarray');
        return s.push(this.relations.types.ref(name));
      }
      case Op.anewarray:
        s.popInt();
        return s.push(this.relations.types.arrayOf(className(operand)));
      case Op.arraylength: {
        const array = s.pop();
        if (array.tag !== Tag.Null && !(array.tag === Tag.Ref && array.name.charCodeAt(0) === 0x5b)) {
          this.fail('Expecting to find array on stack');
        }
        return s.push(INT);
      }
      case Op.athrow: {
        // HotSpot wants an object here, not an array: its 'O' operand kind.
        const thrown = s.pop();
        if (thrown.tag !== Tag.Null && (thrown.tag !== Tag.Ref || thrown.name.charCodeAt(0) === 0x5b)) this.fail('Expecting to find object on stack');
        if (!this.relations.isAssignable(thrown, 'java/lang/Throwable')) this.fail('Can only throw Throwable objects');
        return;
      }
      case Op.checkcast:
        s.popReference();
        return s.push(this.relations.types.ref(className(operand)));
      case Op.instanceof:
        s.popReference();
        return s.push(INT);
      case Op.monitorenter:
      case Op.monitorexit:
        s.popReference();
        return;
      case Op.wide:
        return this.fail(`Illegal instruction found at offset ${code.pcs[i] as number}`);
      case Op.multianewarray: {
        const dimensions = code.values[i] as number;
        for (let i = 0; i < dimensions; i++) s.popInt();
        return s.push(this.relations.types.ref(className(operand)));
      }
      case Op.ifnull:
      case Op.ifnonnull:
        s.popReference();
        return;
      default:
        return assertNever(op, 'opcode');
    }
  }

  private pushLong(s: TypeState): void {
    s.push(LONG);
    s.push(LONG_HI);
  }

  private pushDouble(s: TypeState): void {
    s.push(DOUBLE);
    s.push(DOUBLE_HI);
  }

  private arrayLoad(s: TypeState, kind: ArrayKind, result: readonly VType[]): void {
    s.popInt();
    this.checkArray(s.pop(), kind);
    s.pushValue(result);
  }

  private arrayStore(s: TypeState, kind: ArrayKind, popValue: () => void): void {
    popValue();
    s.popInt();
    this.checkArray(s.pop(), kind);
  }

  /** Any operand that is not an array of the kind (an int, an object, another array) gets the array message. */
  private checkArray(array: VType, kind: ArrayKind): void {
    if (array.tag === Tag.Null) return;
    const [names, message] = ARRAY_KINDS[kind];
    if (array.tag !== Tag.Ref || !(names as readonly string[]).includes(array.name)) this.fail(message);
  }

  /**
   * The type-blind stack instructions: pop `n` slots (those in `singles` must be one-slot values), push
   * them again in the order `pattern` gives (indexes from the bottom of the popped slots).
   */
  private shuffle(s: TypeState, n: number, singles: number, pattern: readonly number[]): void {
    const taken = this.scratch;
    s.popSlots(n, taken, singles);
    for (const i of pattern) s.push(taken[i] as VType);
  }

  private checkReturn(tag: Tag): void {
    const result = this.facts.result[0];
    if (result === undefined || result.tag !== tag) this.fail('Wrong return type in function');
  }

  private checkFieldObject(object: VType, f: FieldOperand): void {
    if (!this.relations.isAssignable(object, f.className)) this.fail('Incompatible type for getting or setting field');
    this.checkProtected(object, f.className, 'field', f.name, f.descriptor);
  }

  private checkFieldValue(value: VType, f: FieldOperand): void {
    const expected = f.value[0] as VType;
    if (expected.tag === Tag.Ref && !this.relations.isAssignable(value, expected.name)) this.fail('Bad type in putfield/putstatic');
  }

  private invoke(s: TypeState, op: OpCode, m: MethodOperand): void {
    // Arguments come off the stack last first, each checked for its kind; assignability of reference
    // arguments is checked after, in declaration order, as HotSpot does.
    const args = this.args;
    const count = m.parameters.length;
    for (let i = count - 1; i >= 0; i--) args[i] = s.popValue(m.parameters[i] as readonly VType[]);
    if (op === Op.invokespecial && m.name === '<init>') {
      this.checkArguments(m, args);
      this.initialize(s, m);
      return;
    }
    let receiver: VType | undefined;
    if (op !== Op.invokestatic && op !== Op.invokedynamic) receiver = s.popReference();
    this.checkArguments(m, args);
    if (receiver !== undefined) {
      if (op === Op.invokespecial) {
        if (!this.relations.isAssignable(receiver, this.facts.className)) this.fail('Incompatible object argument for invokespecial');
      } else if (!this.relations.isAssignable(receiver, m.className)) {
        this.fail('Incompatible object argument for function call');
      } else if (op === Op.invokevirtual) {
        this.checkProtected(receiver, m.className, 'method', m.name, m.descriptor);
      }
    }
    s.pushValue(m.result);
  }

  private checkArguments(m: MethodOperand, args: readonly VType[]): void {
    for (let i = 0; i < m.parameters.length; i++) {
      const expected = (m.parameters[i] as readonly VType[])[0] as VType;
      if (expected.tag === Tag.Ref && !this.relations.isAssignable(args[i] as VType, expected.name)) {
        this.fail('Incompatible argument to function');
      }
    }
  }

  /** invokespecial <init>: the receiver must be uninitialized, and this constructor must be the right one. */
  private initialize(s: TypeState, m: MethodOperand): void {
    const receiver = s.pop();
    if (receiver.tag === Tag.UninitThis) {
      // this() or super(): a constructor of this class or of its direct superclass.
      if (m.className !== this.facts.className && m.className !== this.facts.superName) this.fail('Call to wrong initialization method');
      s.replace(UNINIT_THIS, this.relations.types.ref(this.facts.className));
      s.thisInitialized = true;
      return;
    }
    if (receiver.tag !== Tag.Uninit) this.fail('Expecting to find unitialized object on stack');
    if (receiver.name !== m.className) this.fail('Call to wrong initialization method');
    s.replace(receiver, this.relations.types.ref(receiver.name));
  }

  /**
   * JVMS 4.10.1.8: a protected member of a superclass in another package may be used only through an
   * object of this class (or a subclass). Calling clone() on an array is the one exception.
   */
  private checkProtected(object: VType, owner: string, kind: 'field' | 'method', name: string, descriptor: string): void {
    const own = this.facts.className;
    if (object.tag !== Tag.Ref || owner.charCodeAt(0) === 0x5b || samePackage(owner, own)) return;
    if (this.relations.isInterface(owner) || !this.relations.isSubclass(own, owner)) return;
    // Find the class that declares the member, from `owner` upwards.
    let declaring: string | null = owner;
    let flags: number | undefined;
    for (let depth = 0; declaring !== null && depth < 10_000; depth++) {
      const info = this.relations.info(declaring);
      flags = info.memberFlags(kind, name, descriptor);
      if (flags !== undefined) break;
      declaring = info.superName;
    }
    if (declaring === null || flags === undefined || (flags & ACC_PROTECTED) === 0 || samePackage(declaring, own)) return;
    if (kind === 'method' && name === 'clone' && object.name.charCodeAt(0) === 0x5b) return;
    if (!this.relations.isNameAssignable(object.name, own)) this.fail('Bad access to protected data');
  }
}

/** The local index of a load or store: its operand, or for the _0.._3 forms the opcode's offset from `shortBase`. */
/**
 * invokespecial of an ordinary method must name this class, a superclass, or (Java 8) an interface.
 * HotSpot checks this in its static pass, before the data flow, so decode-method.ts calls it.
 */
export function isNonvirtualTargetAllowed(facts: MethodFacts, relations: TypeRelations, m: MethodOperand): boolean {
  const own = facts.className;
  if (m.name === '<init>' || m.className === own) return true;
  if (m.isInterfaceRef && facts.majorVersion >= 52) return true;
  return m.className.charCodeAt(0) !== 0x5b && !relations.isInterface(m.className) && relations.isSubclass(own, m.className);
}

function localIndex(op: number, operand: number, shortBase: number): number {
  return op >= shortBase && op < shortBase + 4 ? op - shortBase : operand;
}

function isReferenceArray(t: VType): boolean {
  if (t.tag !== Tag.Ref || t.name.charCodeAt(0) !== 0x5b) return false;
  const c = t.name.charCodeAt(1);
  return c === 0x4c || c === 0x5b;
}

function samePackage(a: string, b: string): boolean {
  return a.slice(0, Math.max(0, a.lastIndexOf('/'))) === b.slice(0, Math.max(0, b.lastIndexOf('/')));
}

function field(operand: ResolvedOperand | undefined): FieldOperand {
  if (operand?.kind !== 'field') throw new VmInternalError('verifier: field instruction without a resolved field');
  return operand;
}

function method(operand: ResolvedOperand | undefined): MethodOperand {
  if (operand?.kind !== 'method') throw new VmInternalError('verifier: invoke without a resolved method');
  return operand;
}

function className(operand: ResolvedOperand | undefined): string {
  if (operand?.kind !== 'class') throw new VmInternalError('verifier: class instruction without a resolved class');
  return operand.name;
}
