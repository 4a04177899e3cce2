// Turns statements and method bodies, once, into closures `(frame) => Completion`. Control flow is
// returned, not thrown: a closure reports Normal, Break or Continue (with the statement they leave in
// `frame.target`) or Return (value in `frame.ret`); only guest exceptions travel as host exceptions.
import { ACC_STATIC } from '@oakvm/classfile';
import type { Block, CatchClause, ClassDecl, ConstructorDecl, Expr, Stmt, Switch, Try } from '../syntax/ast.js';
import type { MethodSymbol } from '../semantics/symbols.js';
import { Types, type Type } from '../semantics/types.js';
import { ExpressionCompiler, type Ex } from './expression-compiler.js';
import { InternalError } from './internal-error.js';
import { conversion } from './operators.js';
import type { Interpreter } from './interpreter.js';
import { Completion, RtMethod, type Frame, type RtClass } from './runtime-class.js';
import { JavaThrow, type JObject, type JRef, type Value } from './values.js';

export type St = (f: Frame) => Completion;

const normal: St = () => Completion.Normal;

/** A compiled initialiser: the code of `<clinit>` or of a class's instance initialisers. */
export interface Initializer {
  readonly method: RtMethod;
  readonly localCount: number;
  readonly body: St;
}

export class StatementCompiler {
  private readonly exprs: ExpressionCompiler;
  private readonly instanceInits = new Map<RtClass, Initializer | null>();

  constructor(private readonly vm: Interpreter) {
    this.exprs = new ExpressionCompiler(vm);
  }

  methodBody(m: RtMethod): St {
    const saved = this.resultType;
    this.resultType = m.sym.returnType;
    try {
      return this.body(m);
    } finally {
      this.resultType = saved;
    }
  }

  private body(m: RtMethod): St {
    const decl = m.sym.decl;
    if (decl === undefined) {
      if (m.sym.name === '<init>') return this.constructorBody(m, undefined);
      throw new InternalError(`${m.cls.name}.${m.sym.name} has no body`);
    }
    if (decl.kind === 'Constructor') return this.constructorBody(m, decl);
    if (decl.kind !== 'Method' || decl.body === null) throw new InternalError(`${m.cls.name}.${m.sym.name} has no body`);
    return this.block(decl.body);
  }

  /** JLS 12.5: this(...), or super(...) then the instance initialisers, then the rest of the body. */
  private constructorBody(m: RtMethod, decl: ConstructorDecl | undefined): St {
    const statements = decl?.body.statements ?? [];
    const first = statements[0];
    const parts: St[] = [];
    let rest = statements;
    if (first?.kind === 'ExplicitConstructorCall') {
      parts.push(this.stmt(first));
      rest = statements.slice(1);
      if (first.call === 'super') parts.push(this.instanceInitCall(m));
    } else if (m.cls.superclass !== null) {
      const superCtor = this.vm.declaredMethod(m.cls.superclass, '<init>', '()V');
      if (superCtor === undefined || superCtor.cls !== m.cls.superclass) throw new InternalError(`${m.cls.name}: no super()`);
      const vm: Interpreter = this.vm;
      const line = decl?.span.line ?? m.cls.sym?.decl?.span.line ?? 0;
      parts.push((f) => {
        f.line = line;
        vm.invoke(superCtor, f.self, new Array<Value>(superCtor.localCount));
        return Completion.Normal;
      });
      parts.push(this.instanceInitCall(m));
    }
    parts.push(...rest.map((s) => this.stmt(s)));
    return sequence(parts);
  }

  private instanceInitCall(m: RtMethod): St {
    const init = this.instanceInitializer(m.cls);
    if (init === null) return normal;
    const vm: Interpreter = this.vm;
    return (f) => {
      vm.runFrame(m, f.self, init.localCount, init.body);
      return Completion.Normal;
    };
  }

  private instanceInitializer(cls: RtClass): Initializer | null {
    if (this.instanceInits.has(cls)) return this.instanceInits.get(cls) ?? null;
    const init = this.initializer(cls, false);
    this.instanceInits.set(cls, init);
    return init;
  }

  /** The class's static initialisation code, or null when it has none. */
  staticInitializer(cls: RtClass): Initializer | null {
    return this.initializer(cls, true);
  }

  /** Field initialisers and initialiser blocks in textual order (static constants excluded, as javac does). */
  private initializer(cls: RtClass, isStatic: boolean): Initializer | null {
    const decl: ClassDecl | undefined = cls.sym?.decl;
    if (decl === undefined || cls.sym === null) return null;
    const parts: St[] = [];
    let localCount = 0;
    for (const member of decl.members) {
      if (member.kind === 'Field') {
        for (const d of member.declarators) {
          const sym = d.symbol;
          if (sym === undefined || d.init === null) continue;
          if (((sym.accessFlags & ACC_STATIC) !== 0) !== isStatic) continue;
          if (isStatic && sym.constantValue !== undefined) continue;
          const slot = this.vm.fieldSlot(sym);
          const value = this.exprs.coerced(d.init, sym.type);
          const line = d.span.line;
          const s = slot.slot;
          if (isStatic) {
            const statics = slot.cls.statics;
            parts.push((f) => {
              f.line = line;
              statics[s] = value(f);
              return Completion.Normal;
            });
          } else {
            parts.push((f) => {
              f.line = line;
              const v = value(f);
              (f.self as JObject).fields[s] = v;
              return Completion.Normal;
            });
          }
        }
      } else if (member.kind === 'Initializer' && member.isStatic === isStatic) {
        localCount = Math.max(localCount, member.localCount ?? 0);
        parts.push(this.block(member.body));
      }
    }
    if (parts.length === 0) return null;
    const sym: MethodSymbol = {
      owner: cls.sym,
      name: isStatic ? '<clinit>' : '<init>',
      params: [],
      returnType: Types.void,
      accessFlags: isStatic ? ACC_STATIC : 0,
      descriptor: '()V',
    };
    const method = new RtMethod(-1, sym, cls, isStatic, false, -1, localCount);
    this.vm.registerSynthetic(method);
    return { method, localCount, body: sequence(parts) };
  }

  block(b: Block): St {
    return sequence(b.statements.map((s) => this.stmt(s)));
  }

  stmt(s: Stmt, label: Stmt | null = null): St {
    const vm: Interpreter = this.vm;
    const line = s.span.line;
    switch (s.kind) {
      case 'Block':
        return this.block(s);
      case 'Empty':
        return normal;
      case 'LocalVar': {
        const inits: St[] = [];
        for (const d of s.declarators) {
          if (d.init === null || d.local === undefined) continue;
          const i = d.local.index;
          const value = this.exprs.coerced(d.init, d.local.type);
          inits.push((f) => {
            f.line = line;
            f.locals[i] = value(f);
            return Completion.Normal;
          });
        }
        return sequence(inits);
      }
      case 'ExprStmt': {
        const e = this.exprs.expr(s.expr);
        return (f) => {
          f.line = line;
          e(f);
          return Completion.Normal;
        };
      }
      case 'If': {
        const c = this.cond(s.condition);
        const t = this.stmt(s.thenStmt);
        const x = s.elseStmt === null ? null : this.stmt(s.elseStmt);
        if (x === null) {
          return (f) => {
            f.line = line;
            return c(f) === true ? t(f) : Completion.Normal;
          };
        }
        return (f) => {
          f.line = line;
          return c(f) === true ? t(f) : x(f);
        };
      }
      case 'While':
      case 'DoWhile':
      case 'For':
        return this.loop(s, label);
      case 'ForEach': {
        const iterable = this.exprs.expr(s.iterable);
        const local = s.variable.local;
        if (local === undefined) throw new InternalError('unchecked for-each');
        const i = local.index;
        const body = this.stmt(s.body);
        const self = s;
        const arrayType = s.iterable.type;
        // `for (long x : ints)` widens each element to the variable's type.
        const convert = arrayType?.kind === 'array' ? conversion(arrayType.element, local.type) : null;
        return (f) => {
          f.line = line;
          const arr = iterable(f) as { data: ArrayLike<Value> } | null;
          if (arr === null) vm.nullPointer();
          const data = arr.data;
          for (let k = 0; k < data.length; k++) {
            f.locals[i] = convert === null ? (data[k] as Value) : convert(data[k] as Value);
            const c = body(f);
            if (c !== Completion.Normal) {
              if (c === Completion.Break && (f.target === self || f.target === label)) break;
              if (c === Completion.Continue && (f.target === self || f.target === label)) continue;
              return c;
            }
          }
          return Completion.Normal;
        };
      }
      case 'Labeled': {
        const body = this.stmt(s.body, s);
        return (f) => {
          const c = body(f);
          if (c === Completion.Break && f.target === s) return Completion.Normal;
          return c;
        };
      }
      case 'Break':
      case 'Continue': {
        const target = s.target;
        if (target === undefined) throw new InternalError('unresolved break');
        const c = s.kind === 'Break' ? Completion.Break : Completion.Continue;
        return (f) => {
          f.target = target;
          return c;
        };
      }
      case 'Return': {
        if (s.value === null) return () => Completion.Return;
        const value = this.exprs.coerced(s.value, this.returnType(s.value));
        return (f) => {
          f.line = line;
          f.ret = value(f);
          return Completion.Return;
        };
      }
      case 'Switch':
        return this.switchStmt(s);
      case 'Throw': {
        const e = this.exprs.expr(s.expr);
        return (f) => {
          f.line = line;
          const ex = e(f) as JObject | null;
          if (ex === null) vm.nullPointer();
          throw new JavaThrow(ex);
        };
      }
      case 'Try':
        return this.tryStmt(s);
      case 'Synchronized': {
        const lock = this.exprs.expr(s.lock);
        const body = this.block(s.body);
        return (f) => {
          f.line = line;
          const o = lock(f) as JRef | null;
          if (o === null) vm.nullPointer();
          o.locks++;
          try {
            return body(f);
          } finally {
            o.locks--;
          }
        };
      }
      case 'ExplicitConstructorCall': {
        if (s.ctor === undefined) throw new InternalError('unresolved constructor call');
        const ctor = vm.method(s.ctor);
        const args = s.args.map((a, k) => this.exprs.coerced(a, ctor.sym.params[k] ?? Types.object));
        const n = Math.max(ctor.localCount, args.length);
        return (f) => {
          const locals = new Array<Value>(n);
          for (let k = 0; k < args.length; k++) locals[k] = (args[k] as Ex)(f);
          f.line = line;
          vm.invoke(ctor, f.self, locals);
          return Completion.Normal;
        };
      }
    }
  }

  /**
   * The result type of the method being compiled, so that `return e` converts e to it (`return 1;` in a
   * method returning long). Set while a method body is compiled; initialisers return no value.
   */
  private resultType: Type | null = null;

  private returnType(value: Expr): Type {
    return this.resultType ?? value.type ?? Types.object;
  }

  private cond(e: Expr): Ex {
    return this.exprs.expr(e);
  }

  private loop(s: Stmt & { kind: 'While' | 'DoWhile' | 'For' }, label: Stmt | null): St {
    const line = s.span.line;
    const cond = s.kind === 'For' ? (s.condition === null ? null : this.cond(s.condition)) : this.cond(s.condition);
    const body = this.stmt(s.body);
    const init = s.kind === 'For' ? sequence(s.init.map((x) => this.stmt(x))) : normal;
    const update = s.kind === 'For' ? sequence(s.update.map((x) => this.stmt(x))) : normal;
    const isDo = s.kind === 'DoWhile';
    return (f) => {
      f.line = line;
      init(f);
      let first = isDo;
      for (;;) {
        if (!first && cond !== null && cond(f) !== true) break;
        first = false;
        const c = body(f);
        if (c !== Completion.Normal) {
          if (c === Completion.Break && (f.target === s || f.target === label)) break;
          if (!(c === Completion.Continue && (f.target === s || f.target === label))) return c;
        }
        update(f);
      }
      return Completion.Normal;
    };
  }

  private switchStmt(s: Switch): St {
    const selector = this.exprs.coerced(s.selector, Types.int);
    const groups = s.cases.map((c) => sequence(c.body.map((x) => this.stmt(x))));
    const index = new Map<number, number>();
    let defaultIndex = groups.length;
    s.cases.forEach((c, i) => {
      for (const l of c.labels) {
        if (l.kind === 'Default') defaultIndex = i;
        else {
          const v = l.value.constant;
          if (v === undefined || typeof v.value !== 'number') throw new InternalError('non-constant case label');
          index.set(v.value, i);
        }
      }
    });
    const line = s.span.line;
    return (f) => {
      f.line = line;
      const v = selector(f) as number;
      for (let i = index.get(v) ?? defaultIndex; i < groups.length; i++) {
        const c = (groups[i] as St)(f);
        if (c !== Completion.Normal) {
          if (c === Completion.Break && f.target === s) return Completion.Normal;
          return c;
        }
      }
      return Completion.Normal;
    };
  }

  private tryStmt(s: Try): St {
    const block = this.block(s.block);
    const catches = s.catches.map((c) => this.catchClause(c));
    const fin = s.finallyBlock === null ? null : this.block(s.finallyBlock);
    const guarded: St =
      catches.length === 0
        ? block
        : (f) => {
            try {
              return block(f);
            } catch (e) {
              if (!(e instanceof JavaThrow)) throw e;
              for (const c of catches) {
                if (c.matches(e.exception)) return c.run(f, e.exception);
              }
              throw e;
            }
          };
    if (fin === null) return guarded;
    return (f) => {
      let c: Completion;
      try {
        c = guarded(f);
      } catch (e) {
        // Only guest exceptions run finally blocks: System.exit (ExitSignal) and interpreter faults do not.
        if (!(e instanceof JavaThrow)) throw e;
        const fc = fin(f);
        if (fc !== Completion.Normal) return fc;
        throw e;
      }
      const ret = f.ret;
      const target = f.target;
      const fc = fin(f);
      if (fc !== Completion.Normal) return fc;
      f.ret = ret;
      f.target = target;
      return c;
    };
  }

  private catchClause(c: CatchClause): { matches: (ex: JObject) => boolean; run: (f: Frame, ex: JObject) => Completion } {
    const classes = c.types.map((t) => this.vm.classForType(t.type ?? Types.object));
    const local = c.local;
    if (local === undefined) throw new InternalError('unchecked catch');
    const i = local.index;
    const body = this.block(c.body);
    const vm: Interpreter = this.vm;
    return {
      matches: (ex) => classes.some((k) => vm.isAssignable(ex.cls, k)),
      run: (f, ex) => {
        f.locals[i] = ex;
        return body(f);
      },
    };
  }
}

export function sequence(parts: readonly St[]): St {
  if (parts.length === 0) return normal;
  if (parts.length === 1) return parts[0] as St;
  if (parts.length === 2) {
    const [a, b] = parts as [St, St];
    return (f) => {
      const c = a(f);
      return c !== Completion.Normal ? c : b(f);
    };
  }
  return (f) => {
    for (let i = 0; i < parts.length; i++) {
      const c = (parts[i] as St)(f);
      if (c !== Completion.Normal) return c;
    }
    return Completion.Normal;
  };
}

