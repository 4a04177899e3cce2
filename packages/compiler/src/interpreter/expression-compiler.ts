// Turns each expression node, once, into a JavaScript closure `(frame) => value`. Everything the checker
// resolved is fixed here: local slots, field slots, the method (or its method-table index for virtual
// calls), constant values and the conversions the static types call for. Running a closure does no name
// lookup and no type dispatch.
import { javaDoubleToString, javaFloatToString } from '@oakvm/classfile';
import type { Assign, Binary, Expr, FieldAccess, IncDec, MethodCall, Name, NewArray, Super, Unary } from '../syntax/ast.js';
import type { ConstantValue } from '../semantics/symbols.js';
import { Types, type PrimitiveName, type Type } from '../semantics/types.js';
import { InternalError } from './internal-error.js';
import type { Interpreter } from './interpreter.js';
import { binaryOperation, conversion, primitiveConversion, type Convert } from './operators.js';
import { InitState, type Frame, type RtClass, type RtMethod } from './runtime-class.js';
import { JArray, JObject, type JRef, type Value } from './values.js';

export type Ex = (f: Frame) => Value;
type Update = (old: Value, f: Frame) => Value;

function typeOf(e: Expr): Type {
  if (e.type === undefined) throw new InternalError(`unchecked expression at line ${e.span.line}`);
  return e.type;
}

function primName(t: Type): PrimitiveName | null {
  return t.kind === 'primitive' ? t.name : null;
}

export class ExpressionCompiler {
  constructor(private readonly vm: Interpreter) {}

  /** The expression's value converted to `to` (assignment, argument and return contexts). */
  coerced(e: Expr, to: Type): Ex {
    const ex = this.expr(e);
    const conv = conversion(typeOf(e), to);
    if (conv === null) return ex;
    return (f) => conv(ex(f));
  }

  expr(e: Expr): Ex {
    if (e.constant !== undefined) {
      const v = this.constant(e.constant);
      return () => v;
    }
    switch (e.kind) {
      case 'Literal':
        if (e.value.kind === 'null') return () => null;
        throw new InternalError(`literal without a value at line ${e.span.line}`);
      case 'Name':
        return this.name(e);
      case 'FieldAccess':
        return this.fieldAccess(e);
      case 'ArrayAccess': {
        const arr = this.expr(e.array);
        const idx = this.expr(e.index);
        const vm: Interpreter = this.vm;
        return (f) => {
          const a = arr(f) as JArray | null;
          const i = idx(f) as number;
          if (a === null) vm.nullPointer();
          const data = a.data;
          if (i < 0 || i >= data.length) vm.indexOutOfBounds(i, data.length);
          return data[i] as Value;
        };
      }
      case 'MethodCall':
        return this.call(e);
      case 'New': {
        if (e.ctor === undefined) throw new InternalError('unresolved constructor');
        const ctor = this.vm.method(e.ctor);
        const cls = ctor.cls;
        const args = this.args(e.args, ctor);
        const vm: Interpreter = this.vm;
        const n = ctor.localCount;
        const line = e.span.line;
        return (f) => {
          if (cls.state !== InitState.Done) vm.initialize(cls);
          const obj = new JObject(cls, cls.fieldDefaults.slice());
          const locals = new Array<Value>(n);
          for (let i = 0; i < args.length; i++) locals[i] = (args[i] as Ex)(f);
          f.line = line;
          vm.invoke(ctor, obj, locals);
          return obj;
        };
      }
      case 'NewArray':
        return this.newArray(e);
      case 'ArrayLiteral': {
        const type = typeOf(e);
        if (type.kind !== 'array') throw new InternalError('array initialiser without an array type');
        const cls = this.vm.classForType(type);
        const elems = e.elements.map((x) => this.coerced(x, type.element));
        const vm: Interpreter = this.vm;
        return (f) => {
          const arr = vm.newArray(cls, elems.length);
          const data = arr.data as Value[];
          for (let i = 0; i < elems.length; i++) data[i] = (elems[i] as Ex)(f);
          return arr;
        };
      }
      case 'Unary':
        return this.unary(e);
      case 'Binary':
        return this.binary(e);
      case 'Assign':
        return this.assign(e);
      case 'IncDec':
        return this.incDec(e);
      case 'Cast': {
        const to = e.targetType.type ?? typeOf(e);
        const from = typeOf(e.expr);
        const inner = this.expr(e.expr);
        if (to.kind === 'primitive') {
          const conv = from.kind === 'primitive' ? primitiveConversion(from.name, to.name) : null;
          return conv === null ? inner : (f) => conv(inner(f));
        }
        const target = this.vm.classForType(to);
        if (target === this.vm.objectClass) return inner;
        const vm: Interpreter = this.vm;
        return (f) => {
          const v = inner(f) as JRef | null;
          if (v !== null && v.cls !== target && !vm.isAssignable(v.cls, target)) vm.classCast(v.cls, target);
          return v;
        };
      }
      case 'InstanceOf': {
        const target = this.vm.classForType(e.targetType.type ?? Types.object);
        const inner = this.expr(e.expr);
        const vm: Interpreter = this.vm;
        return (f) => {
          const v = inner(f) as JRef | null;
          return v !== null && (v.cls === target || vm.isAssignable(v.cls, target));
        };
      }
      case 'Conditional': {
        const type = typeOf(e);
        const c = this.expr(e.condition);
        const t = this.coerced(e.whenTrue, type);
        const x = this.coerced(e.whenFalse, type);
        return (f) => (c(f) === true ? t(f) : x(f));
      }
      case 'This':
        return (f) => f.self;
    }
  }

  constant(c: ConstantValue): Value {
    return c.kind === 'string' ? this.vm.intern(c.value) : c.value;
  }

  private name(e: Name): Ex {
    const b = e.binding;
    if (b === undefined) throw new InternalError(`unresolved name ${e.name}`);
    switch (b.kind) {
      case 'local': {
        const i = b.local.index;
        return (f) => f.locals[i] as Value;
      }
      case 'field': {
        const slot = this.vm.fieldSlot(b.field);
        if (slot.isStatic) return this.staticRead(slot.cls, slot.slot);
        const s = slot.slot;
        return (f) => (f.self as JObject).fields[s] as Value;
      }
      default:
        throw new InternalError(`name ${e.name} is not a value`);
    }
  }

  private staticRead(cls: RtClass, slot: number): Ex {
    const vm: Interpreter = this.vm;
    const statics = cls.statics;
    return () => {
      if (cls.state !== InitState.Done) vm.initialize(cls);
      return statics[slot] as Value;
    };
  }

  /** The object a field access or call is made on: `super` means `this`; class names have no value. */
  private receiver(target: Expr | Super): Ex | null {
    if (target.kind === 'Super') return (f) => f.self;
    if ((target.kind === 'Name' || target.kind === 'FieldAccess') && (target.binding?.kind === 'class' || target.binding?.kind === 'package')) {
      return null;
    }
    return this.expr(target);
  }

  private fieldAccess(e: FieldAccess): Ex {
    const b = e.binding;
    if (b === undefined) throw new InternalError(`unresolved field ${e.name.name}`);
    const vm: Interpreter = this.vm;
    if (b.kind === 'arrayLength') {
      const target = this.expr(e.target as Expr);
      return (f) => {
        const a = target(f) as JArray | null;
        if (a === null) vm.nullPointer();
        return a.data.length;
      };
    }
    if (b.kind !== 'field') throw new InternalError(`field access ${e.name.name} is not a value`);
    const slot = vm.fieldSlot(b.field);
    const target = this.receiver(e.target);
    if (slot.isStatic) {
      const read = this.staticRead(slot.cls, slot.slot);
      if (target === null || e.target.kind === 'Super') return read;
      return (f) => {
        target(f);
        return read(f);
      };
    }
    if (target === null) throw new InternalError('instance field without a receiver');
    const s = slot.slot;
    return (f) => {
      const o = target(f) as JObject | null;
      if (o === null) vm.nullPointer();
      return o.fields[s] as Value;
    };
  }

  private args(args: readonly Expr[], m: RtMethod): Ex[] {
    return args.map((a, i) => this.coerced(a, m.sym.params[i] ?? typeOf(a)));
  }

  private call(e: MethodCall): Ex {
    if (e.method === undefined || e.invoke === undefined) throw new InternalError(`unresolved call ${e.name.name}`);
    const m = this.vm.method(e.method);
    const args = this.args(e.args, m);
    const argc = args.length;
    const n = Math.max(m.localCount, argc);
    const vm: Interpreter = this.vm;
    const line = e.span.line;
    const a0 = args[0];
    const a1 = args[1];
    if (e.invoke === 'static') {
      const cls = m.cls;
      const target = e.target === null ? null : this.receiver(e.target);
      return (f) => {
        if (target !== null) target(f);
        const locals = new Array<Value>(n);
        if (argc === 1) locals[0] = (a0 as Ex)(f);
        else if (argc === 2) {
          locals[0] = (a0 as Ex)(f);
          locals[1] = (a1 as Ex)(f);
        } else for (let i = 0; i < argc; i++) locals[i] = (args[i] as Ex)(f);
        if (cls.state !== InitState.Done) vm.initialize(cls);
        f.line = line;
        return vm.invoke(m, null, locals);
      };
    }
    const recv: Ex = e.target === null ? (f) => f.self : (this.receiver(e.target) ?? ((f) => f.self));
    if (e.invoke === 'special') {
      return (f) => {
        const self = recv(f) as JRef | null;
        const locals = new Array<Value>(n);
        for (let i = 0; i < argc; i++) locals[i] = (args[i] as Ex)(f);
        if (self === null) vm.nullPointer();
        f.line = line;
        return vm.invoke(m, self, locals);
      };
    }
    const sig = m.sigId;
    return (f) => {
      const self = recv(f) as JRef | null;
      const locals = new Array<Value>(n);
      if (argc === 1) locals[0] = (a0 as Ex)(f);
      else for (let i = 0; i < argc; i++) locals[i] = (args[i] as Ex)(f);
      if (self === null) vm.nullPointer();
      const impl = self.cls.vtable[sig];
      f.line = line;
      if (impl === undefined) return vm.throwNew('java/lang/AbstractMethodError', `${self.cls.javaName}.${m.sym.name}${m.sym.descriptor}`);
      if (impl.localCount > n) locals.length = impl.localCount;
      return vm.invoke(impl, self, locals);
    };
  }

  private newArray(e: NewArray): Ex {
    if (e.initializer !== null) return this.expr(e.initializer);
    const type = typeOf(e);
    const dims = e.dimensions.map((d) => this.expr(d));
    const vm: Interpreter = this.vm;
    const classes: RtClass[] = [];
    let t: Type = type;
    for (let i = 0; i < dims.length; i++) {
      classes.push(vm.classForType(t));
      if (t.kind === 'array') t = t.element;
    }
    const build = (level: number, lengths: number[]): JArray => {
      const arr = vm.newArray(classes[level] as RtClass, lengths[level] as number);
      if (level + 1 < lengths.length) {
        const data = arr.data as (JRef | null)[];
        for (let i = 0; i < data.length; i++) data[i] = build(level + 1, lengths);
      }
      return arr;
    };
    if (dims.length === 1) {
      const cls = classes[0] as RtClass;
      const d0 = dims[0] as Ex;
      return (f) => vm.newArray(cls, d0(f) as number);
    }
    return (f) => {
      const lengths = dims.map((d) => d(f) as number);
      for (const l of lengths) if (l < 0) vm.throwNew('java/lang/NegativeArraySizeException', String(l));
      return build(0, lengths);
    };
  }

  private unary(e: Unary): Ex {
    const inner = this.coerced(e.operand, e.opType ?? typeOf(e));
    const t = primName(e.opType ?? typeOf(e));
    switch (e.operator) {
      case '+':
        return inner;
      case '!':
        return (f) => inner(f) !== true;
      case '-':
        if (t === 'long') return (f) => BigInt.asIntN(64, -(inner(f) as bigint));
        if (t === 'int') return (f) => -(inner(f) as number) | 0;
        return (f) => -(inner(f) as number);
      case '~':
        if (t === 'long') return (f) => ~(inner(f) as bigint);
        return (f) => ~(inner(f) as number);
    }
  }

  private binary(e: Binary): Ex {
    const op = e.operator;
    const opType = e.opType ?? typeOf(e);
    if (op === '+' && opType.kind === 'class') return this.concat(e);
    if (op === '&&' || op === '||') {
      const l = this.expr(e.left);
      const r = this.expr(e.right);
      return op === '&&' ? (f) => l(f) === true && r(f) === true : (f) => l(f) === true || r(f) === true;
    }
    const t = primName(opType);
    if (t === null) {
      // Reference equality.
      const l = this.expr(e.left);
      const r = this.expr(e.right);
      return op === '==' ? (f) => l(f) === r(f) : (f) => l(f) !== r(f);
    }
    const shift = op === '<<' || op === '>>' || op === '>>>';
    const l = this.coerced(e.left, opType);
    const r = shift ? this.coerced(e.right, Types.int) : this.coerced(e.right, opType);
    if (t === 'int') {
      type N = number;
      switch (op) {
        case '+':
          return (f) => ((l(f) as N) + (r(f) as N)) | 0;
        case '-':
          return (f) => ((l(f) as N) - (r(f) as N)) | 0;
        case '<':
          return (f) => (l(f) as N) < (r(f) as N);
        case '<=':
          return (f) => (l(f) as N) <= (r(f) as N);
        case '>':
          return (f) => (l(f) as N) > (r(f) as N);
        case '>=':
          return (f) => (l(f) as N) >= (r(f) as N);
        case '==':
          return (f) => l(f) === r(f);
        case '!=':
          return (f) => l(f) !== r(f);
        default:
          break;
      }
    }
    if (t === 'long') {
      type B = bigint;
      switch (op) {
        case '+':
          return (f) => BigInt.asIntN(64, (l(f) as B) + (r(f) as B));
        case '-':
          return (f) => BigInt.asIntN(64, (l(f) as B) - (r(f) as B));
        case '*':
          return (f) => BigInt.asIntN(64, (l(f) as B) * (r(f) as B));
        case '<':
          return (f) => (l(f) as B) < (r(f) as B);
        case '==':
          return (f) => l(f) === r(f);
        default:
          break;
      }
    }
    if (t === 'double') {
      type N = number;
      switch (op) {
        case '+':
          return (f) => (l(f) as N) + (r(f) as N);
        case '-':
          return (f) => (l(f) as N) - (r(f) as N);
        case '*':
          return (f) => (l(f) as N) * (r(f) as N);
        case '/':
          return (f) => (l(f) as N) / (r(f) as N);
        default:
          break;
      }
    }
    const fn = binaryOperation(op, t, this.faults);
    return (f) => fn(l(f), r(f));
  }

  private readonly faults = {
    divideByZero: (): never => this.vm.throwNew('java/lang/ArithmeticException', '/ by zero'),
  };

  /** String concatenation: a chain of `+` is flattened into one builder, as javac does. */
  private concat(e: Binary): Ex {
    const parts: Expr[] = [];
    const collect = (x: Expr): void => {
      if (x === e || (x.kind === 'Binary' && x.operator === '+' && x.constant === undefined && x.opType?.kind === 'class' && !x.parenthesized)) {
        if (x.kind !== 'Binary') return;
        collect(x.left);
        parts.push(x.right);
      } else parts.push(x);
    };
    collect(e);
    const texts = parts.map((p) => this.stringOf(p));
    const vm: Interpreter = this.vm;
    return (f) => {
      let s = '';
      for (let i = 0; i < texts.length; i++) s += (texts[i] as (f: Frame) => string)(f);
      return vm.str(s);
    };
  }

  /** The text string conversion (JLS 5.1.11) gives the expression's value. */
  stringOf(e: Expr): (f: Frame) => string {
    const ex = this.expr(e);
    const text = this.textOf(typeOf(e));
    return (f) => text(ex(f));
  }

  textOf(t: Type): (v: Value) => string {
    const vm: Interpreter = this.vm;
    if (t.kind === 'primitive') {
      switch (t.name) {
        case 'char':
          return (v) => String.fromCharCode(v as number);
        case 'float':
          return (v) => javaFloatToString(v as number);
        case 'double':
          return (v) => javaDoubleToString(v as number);
        default:
          return (v) => String(v);
      }
    }
    if (t.kind === 'class' && t.name === 'java/lang/String') return (v) => (v === null ? 'null' : vm.jsString(v as JObject));
    const toString = vm.method(vm.objectClass.sym?.methods.find((m) => m.name === 'toString' && m.descriptor === '()Ljava/lang/String;') ?? fail('Object.toString'));
    const sig = toString.sigId;
    return (v) => {
      if (v === null) return 'null';
      const o = v as JRef;
      const impl = o.cls.vtable[sig] as RtMethod;
      const s = vm.invoke(impl, o, new Array<Value>(impl.localCount)) as JObject | null;
      return s === null ? 'null' : vm.jsString(s);
    };
  }

  private assign(e: Assign): Ex {
    const targetType = typeOf(e.target);
    if (e.operator === '=') return this.store(e.target, this.coerced(e.value, targetType));
    const opType = e.opType ?? targetType;
    const op = e.operator.slice(0, -1) as Binary['operator'];
    if (op === '+' && opType.kind === 'class') {
      const oldText = this.textOf(targetType);
      const rhs = this.stringOf(e.value);
      const vm: Interpreter = this.vm;
      return this.update(e.target, (old, f) => vm.str(oldText(old) + rhs(f)), false);
    }
    const t = primName(opType);
    if (t === null) throw new InternalError(`compound ${e.operator} on a reference`);
    const fast = this.localAccumulate(e, t, targetType);
    if (fast !== null) return fast;
    const shift = op === '<<' || op === '>>' || op === '>>>';
    const up = conversion(targetType, opType);
    const down = conversion(opType, targetType);
    const rhs = this.coerced(e.value, shift ? Types.int : opType);
    const fn = binaryOperation(op, t, this.faults);
    return this.update(
      e.target,
      (old, f) => {
        const a = up === null ? old : up(old);
        const r = fn(a, rhs(f));
        return down === null ? r : down(r);
      },
      false,
    );
  }

  /** `local += v` and `local -= v` on an int, long or double local: the common accumulation, without the generic update. */
  private localAccumulate(e: Assign, t: PrimitiveName, targetType: Type): Ex | null {
    if (e.target.kind !== 'Name' || e.target.binding?.kind !== 'local' || primName(targetType) !== t) return null;
    if (e.operator !== '+=' && e.operator !== '-=') return null;
    const i = e.target.binding.local.index;
    const rhs = this.coerced(e.value, targetType);
    const add = e.operator === '+=';
    type N = number;
    type B = bigint;
    switch (t) {
      case 'int':
        return add ? (f) => (f.locals[i] = ((f.locals[i] as N) + (rhs(f) as N)) | 0) : (f) => (f.locals[i] = ((f.locals[i] as N) - (rhs(f) as N)) | 0);
      case 'long':
        return add
          ? (f) => (f.locals[i] = BigInt.asIntN(64, (f.locals[i] as B) + (rhs(f) as B)))
          : (f) => (f.locals[i] = BigInt.asIntN(64, (f.locals[i] as B) - (rhs(f) as B)));
      case 'double':
        return add ? (f) => (f.locals[i] = (f.locals[i] as N) + (rhs(f) as N)) : (f) => (f.locals[i] = (f.locals[i] as N) - (rhs(f) as N));
      default:
        return null;
    }
  }

  private incDec(e: IncDec): Ex {
    const targetType = typeOf(e.operand);
    const t = primName(targetType);
    if (t === null) throw new InternalError('++ on a reference');
    let step: Update;
    const delta = e.operator === '++' ? 1 : -1;
    if (t === 'long') step = (old) => BigInt.asIntN(64, (old as bigint) + BigInt(delta));
    else if (t === 'int') step = (old) => ((old as number) + delta) | 0;
    else if (t === 'double') step = (old) => (old as number) + delta;
    else {
      const narrow = primitiveConversion(t === 'float' ? 'double' : 'int', t) as Convert;
      step = (old) => narrow((old as number) + delta);
    }
    if (e.operand.kind === 'Name' && e.operand.binding?.kind === 'local' && t === 'int') {
      const i = e.operand.binding.local.index;
      if (e.prefix) return (f) => (f.locals[i] = ((f.locals[i] as number) + delta) | 0);
      return (f) => {
        const old = f.locals[i] as number;
        f.locals[i] = (old + delta) | 0;
        return old;
      };
    }
    return this.update(e.operand, step, !e.prefix);
  }

  /** Simple assignment: the place's parts, then the value, then the null and bounds checks (JLS 15.26.1). */
  private store(target: Expr, value: Ex): Ex {
    const vm: Interpreter = this.vm;
    const place = this.place(target);
    switch (place.kind) {
      case 'local': {
        const i = place.index;
        return (f) => (f.locals[i] = value(f));
      }
      case 'static': {
        const { cls, slot, qualifier } = place;
        return (f) => {
          if (qualifier !== null) qualifier(f);
          const v = value(f);
          if (cls.state !== InitState.Done) vm.initialize(cls);
          cls.statics[slot] = v;
          return v;
        };
      }
      case 'field': {
        const { object, slot } = place;
        return (f) => {
          const o = object(f) as JObject | null;
          const v = value(f);
          if (o === null) vm.nullPointer();
          o.fields[slot] = v;
          return v;
        };
      }
      case 'array': {
        const { array, index, checkStore } = place;
        return (f) => {
          const a = array(f) as JArray | null;
          const i = index(f) as number;
          const v = value(f);
          if (a === null) vm.nullPointer();
          const data = a.data;
          if (i < 0 || i >= data.length) vm.indexOutOfBounds(i, data.length);
          if (checkStore && v !== null) this.checkArrayStore(a, v as JRef);
          (data as Value[])[i] = v;
          return v;
        };
      }
    }
  }

  private checkArrayStore(a: JArray, v: JRef): void {
    const component = a.cls.component as RtClass;
    if (v.cls !== component && !this.vm.isAssignable(v.cls, component)) this.vm.throwNew('java/lang/ArrayStoreException', v.cls.javaName);
  }

  /** Read-modify-write of a place evaluated once; returns the new value, or the old one for postfix. */
  private update(target: Expr, compute: Update, returnOld: boolean): Ex {
    const vm: Interpreter = this.vm;
    const place = this.place(target);
    switch (place.kind) {
      case 'local': {
        const i = place.index;
        return (f) => {
          const old = f.locals[i] as Value;
          const v = compute(old, f);
          f.locals[i] = v;
          return returnOld ? old : v;
        };
      }
      case 'static': {
        const { cls, slot, qualifier } = place;
        return (f) => {
          if (qualifier !== null) qualifier(f);
          if (cls.state !== InitState.Done) vm.initialize(cls);
          const old = cls.statics[slot] as Value;
          const v = compute(old, f);
          cls.statics[slot] = v;
          return returnOld ? old : v;
        };
      }
      case 'field': {
        const { object, slot } = place;
        return (f) => {
          const o = object(f) as JObject | null;
          if (o === null) vm.nullPointer();
          const old = o.fields[slot] as Value;
          const v = compute(old, f);
          o.fields[slot] = v;
          return returnOld ? old : v;
        };
      }
      case 'array': {
        const { array, index, checkStore } = place;
        return (f) => {
          const a = array(f) as JArray | null;
          const i = index(f) as number;
          if (a === null) vm.nullPointer();
          const data = a.data;
          if (i < 0 || i >= data.length) vm.indexOutOfBounds(i, data.length);
          const old = data[i] as Value;
          const v = compute(old, f);
          if (checkStore && v !== null) this.checkArrayStore(a, v as JRef);
          (data as Value[])[i] = v;
          return returnOld ? old : v;
        };
      }
    }
  }

  private place(
    target: Expr,
  ):
    | { kind: 'local'; index: number }
    | { kind: 'static'; cls: RtClass; slot: number; qualifier: Ex | null }
    | { kind: 'field'; object: Ex; slot: number }
    | { kind: 'array'; array: Ex; index: Ex; checkStore: boolean } {
    if (target.kind === 'ArrayAccess') {
      const type = typeOf(target);
      return { kind: 'array', array: this.expr(target.array), index: this.expr(target.index), checkStore: type.kind !== 'primitive' };
    }
    if (target.kind !== 'Name' && target.kind !== 'FieldAccess') throw new InternalError('assignment to a non-variable');
    const b = target.binding;
    if (b?.kind === 'local') return { kind: 'local', index: b.local.index };
    if (b?.kind !== 'field') throw new InternalError('assignment to a non-variable');
    const slot = this.vm.fieldSlot(b.field);
    if (slot.isStatic) {
      // `expr.staticField = v` still evaluates expr (and discards it), as javac's code does.
      const qualifier = target.kind === 'FieldAccess' ? this.receiver(target.target) : null;
      return { kind: 'static', cls: slot.cls, slot: slot.slot, qualifier: target.kind === 'FieldAccess' && target.target.kind === 'Super' ? null : qualifier };
    }
    const object = target.kind === 'Name' ? (f: Frame) => f.self : (this.receiver(target.target) ?? fail('field receiver'));
    return { kind: 'field', object, slot: slot.slot };
  }
}

function fail(what: string): never {
  throw new InternalError(`missing ${what}`);
}
