// Flow analysis over attributed bodies, as javac's Flow does it: reachability (JLS 14.22: unreachable
// statements, missing return), definite assignment and unassignment (JLS 16: locals read before being
// assigned, final variables assigned twice or in a loop, blank final fields left unassigned), and checked
// exceptions (JLS 11.2: unreported exceptions, catch clauses for exceptions the try block cannot throw).
//
// Variables are bits (var-sets.ts): tracked blank final fields of the class first, then the body's
// locals by index. A dead state (after return, break, throw...) has every bit set in both sets, which is JLS 16's
// "vacuously definitely assigned" and makes merges come out right.
import type { CatchClause, Expr, Span, Stmt, SwitchCase, VarDeclarator } from '../syntax/ast.js';
import { simpleName, type CheckContext } from './check-context.js';
import type { FieldSymbol, LocalSymbol } from './symbols.js';
import { after, stmtPosition } from './javac-positions.js';
import { isSubclassOf } from './type-relations.js';
import { difference, intersection, intersects, union, VarSets, type VarSet } from './var-sets.js';

export interface FlowState {
  alive: boolean;
  da: VarSet;
  du: VarSet;
}

interface Handler {
  readonly catches: readonly { readonly type: string; readonly clause: CatchClause }[];
  /** Checked exceptions the protected block can throw (for "is never thrown"). */
  readonly thrown: string[];
}

/** A local or blank final field whose assignment flow analysis tracks. */
interface TrackedVariable {
  readonly bit: VarSet;
  readonly name: string;
  readonly isFinal: boolean;
  readonly origin?: LocalSymbol['origin'];
}

/** The states after a boolean expression when it is true and when it is false. */
interface Branches {
  readonly whenTrue: FlowState;
  readonly whenFalse: FlowState;
}

type Loop = Extract<Stmt, { kind: 'While' | 'DoWhile' | 'For' | 'ForEach' }>;

interface PendingJump {
  readonly kind: 'break' | 'continue' | 'return';
  readonly target: Stmt | undefined;
  state: FlowState;
}

/** How checked exceptions that escape the body are judged. */
export interface ExceptionPolicy {
  /** Exceptions the body may throw: a method's or constructor's `throws` clause. */
  readonly declared: readonly string[];
  /** Builds the message for an exception that escapes; javac words the default constructor case differently. */
  readonly message?: (type: string) => string;
}

export class FlowAnalyzer {
  private state: FlowState;
  /** Every set of this analysis is made from these, so all are numbers or all are bigints. */
  readonly sets: VarSets;
  private readonly pending: PendingJump[] = [];
  private readonly handlers: Handler[] = [];
  /** Bits assigned anywhere inside the try blocks being analysed, innermost last. */
  private readonly assignedIn: VarSet[] = [];
  private silent = 0;
  /** What each catch parameter can hold, for precise rethrow. */
  private rethrowable: Map<LocalSymbol, string[]> | undefined;
  /** Catch parameters of single-type catch clauses ("final parameter" rather than "multi-catch parameter"). */
  private singleCatchParams: Set<VarSet> | undefined;
  private loopDepth = 0;
  /**
   * Right operands of the arithmetic chains being walked, nested chains above outer ones. The first
   * `rightsTop` entries are in use; the array is never shortened, which would give up its storage.
   */
  private readonly rights: Expr[] = [];
  private rightsTop = 0;
  /** Blank final variables (tracked fields, final locals): the only ones whose unassignment matters. */
  private finalBits: VarSet;
  /** Variables whose definite unassignment fails only because of a loop's back edge. */
  private loopAssigned: VarSet;

  constructor(
    private readonly ctx: CheckContext,
    private readonly file: string,
    private readonly fields: ReadonlyMap<FieldSymbol, number>,
    localCount: number,
    private readonly exceptions: ExceptionPolicy,
  ) {
    this.sets = new VarSets(fields.size + localCount);
    this.finalBits = this.sets.firstN(fields.size);
    this.loopAssigned = this.sets.empty;
    this.state = { alive: true, da: this.sets.empty, du: this.sets.all };
  }

  // Copies are written out field by field: an object spread is a slow generic copy until optimised.
  get current(): FlowState {
    return copyState(this.state);
  }

  set current(s: FlowState) {
    this.state = copyState(s);
  }

  /** Can the code analysed so far complete normally? */
  get alive(): boolean {
    return this.state.alive;
  }

  private dead(): FlowState {
    return { alive: false, da: this.sets.all, du: this.sets.all };
  }

  private error(span: Span, code: string, message: string): void {
    if (this.silent === 0) this.ctx.reporter.error(this.file, span, code, message);
  }

  private localBit(local: LocalSymbol): VarSet {
    return this.sets.bit(this.fields.size + local.index);
  }

  private join(a: FlowState, b: FlowState): FlowState {
    return { alive: a.alive || b.alive, da: intersection(a.da, b.da), du: intersection(a.du, b.du) };
  }

  /** `state` joined with the exits of one kind recorded for `target` since index `from`, which are removed from the pending list. */
  private joinJumps(kind: PendingJump['kind'], target: Stmt, from: number, state: FlowState): FlowState {
    let joined = state;
    for (let i = this.pending.length - 1; i >= from; i--) {
      const p = this.pending[i] as PendingJump;
      if (p.kind === kind && p.target === target) {
        joined = this.join(joined, p.state);
        this.pending.splice(i, 1);
      }
    }
    return joined;
  }

  /** The states of `return` statements (and their DA), for constructor checks of blank finals. */
  takeReturns(): FlowState[] {
    const taken: FlowState[] = [];
    for (let i = this.pending.length - 1; i >= 0; i--) {
      const p = this.pending[i] as PendingJump;
      if (p.kind === 'return') {
        taken.push(p.state);
        this.pending.splice(i, 1);
      }
    }
    return taken;
  }

  /** Marks `count` variables from bit `from` on definitely assigned and not unassigned: a body's parameters, which follow the tracked fields. */
  assignVariables(from: number, count: number): void {
    for (let i = 0; i < count; i++) {
      const bit = this.sets.bit(from + i);
      this.state.da = union(this.state.da, bit);
      this.state.du = difference(this.state.du, bit);
    }
  }

  // ---- statements

  /** Analyses statements in sequence, reporting the first unreachable one (JLS 14.22). */
  statements(list: readonly Stmt[]): void {
    // An index loop: for...of makes an iterator and a result object per statement until optimised.
    for (let i = 0; i < list.length; i++) this.stmt(list[i] as Stmt);
  }

  stmt(s: Stmt): void {
    if (!this.state.alive) {
      this.error(stmtPosition(s), 'check.unreachable', 'unreachable statement');
      this.state.alive = true;
    }
    switch (s.kind) {
      case 'Block':
        this.statements(s.statements);
        return;
      case 'LocalVar':
        for (let i = 0; i < s.declarators.length; i++) {
          const d = s.declarators[i] as VarDeclarator;
          if (d.init !== null) this.expr(d.init);
          if (d.local !== undefined) {
            const bit = this.localBit(d.local);
            // A variable declared inside a loop is a fresh one on every iteration.
            this.loopAssigned = difference(this.loopAssigned, bit);
            if (d.local.isFinal) this.finalBits = union(this.finalBits, bit);
            if (d.init !== null) this.assignBit(bit);
            else {
              this.state.da = difference(this.state.da, bit);
              this.state.du = union(this.state.du, bit);
            }
          }
        }
        return;
      case 'ExprStmt':
        this.expr(s.expr);
        return;
      case 'If': {
        const branches = this.cond(s.condition);
        const alive = this.state.alive;
        this.state = { alive, da: branches.whenTrue.da, du: branches.whenTrue.du };
        this.stmt(s.thenStmt);
        const afterThen = this.state;
        this.state = { alive, da: branches.whenFalse.da, du: branches.whenFalse.du };
        if (s.elseStmt !== null) this.stmt(s.elseStmt);
        this.state = this.join(afterThen, this.state);
        return;
      }
      case 'While':
      case 'DoWhile':
        this.loop(s);
        return;
      case 'For':
        this.statements(s.init);
        this.loop(s);
        return;
      case 'ForEach':
        this.expr(s.iterable);
        this.loop(s);
        return;
      case 'Labeled': {
        const from = this.pending.length;
        this.stmt(s.body);
        this.state = this.joinJumps('break', s, from, this.state);
        return;
      }
      case 'Break':
      case 'Continue':
        if (s.target !== undefined) {
          const kind = s.kind === 'Continue' ? 'continue' : 'break';
          this.pending.push({ kind, target: kind === 'continue' ? continueTarget(s.target) : s.target, state: this.current });
        }
        this.state = this.dead();
        return;
      case 'Return':
        if (s.value !== null) this.expr(s.value);
        this.pending.push({ kind: 'return', target: undefined, state: this.current });
        this.state = this.dead();
        return;
      case 'Switch':
        this.switchStmt(s);
        return;
      case 'Throw': {
        this.expr(s.expr);
        const rethrown = s.expr.kind === 'Name' && s.expr.binding?.kind === 'local' ? this.rethrowable?.get(s.expr.binding.local) : undefined;
        if (rethrown !== undefined && s.expr.kind === 'Name' && s.expr.binding?.kind === 'local' && s.expr.binding.local.reassigned !== true) {
          // JLS 11.2.2: rethrowing an effectively final catch parameter throws only what the try block can.
          this.allThrown(rethrown, s.span);
        } else if (s.expr.type?.kind === 'class') {
          this.thrown(s.expr.type.name, s.span);
        }
        this.state = this.dead();
        return;
      }
      case 'Try':
        this.tryStmt(s);
        return;
      case 'Synchronized':
        this.expr(s.lock);
        this.statements(s.body.statements);
        return;
      case 'Empty':
        return;
      case 'ExplicitConstructorCall':
        this.exprs(s.args);
        if (s.ctor?.thrown !== undefined) this.allThrown(s.ctor.thrown, s.span);
        return;
    }
  }

  private constantCondition(value: boolean): Branches {
    return value ? { whenTrue: this.current, whenFalse: this.dead() } : { whenTrue: this.dead(), whenFalse: this.current };
  }

  /**
   * A loop: condition, body, update. Definite unassignment needs a fixed point over the back edge, so
   * when blank finals are tracked the loop is analysed silently once to learn what the body assigns.
   */
  private loop(s: Loop): void {
    const entryAlive = this.state.alive;
    const entryDa = this.state.da;
    const entryDu = this.state.du;
    // Only a blank final that is still unassigned before the loop can be "assigned in loop".
    if (!intersects(entryDu, this.finalBits)) {
      this.loopOnce(s, entryAlive, entryDa, entryDu);
      return;
    }
    let loopEntryDu: VarSet;
    if (this.loopDepth < 6) {
      const pendingBefore = this.pending.length;
      this.silent++;
      this.loopDepth++;
      const backDu = this.loopOnce(s, entryAlive, entryDa, entryDu);
      this.loopDepth--;
      this.silent--;
      this.pending.length = pendingBefore;
      loopEntryDu = intersection(entryDu, backDu);
    } else {
      loopEntryDu = this.sets.empty;
    }
    const savedLoopAssigned = this.loopAssigned;
    this.loopAssigned = union(this.loopAssigned, difference(entryDu, loopEntryDu));
    this.loopOnce(s, entryAlive, entryDa, loopEntryDu);
    this.loopAssigned = savedLoopAssigned;
  }

  /** One pass over a loop from the given entry state; leaves the exit state current and returns the back edge's DU. */
  private loopOnce(s: Loop, alive: boolean, da: VarSet, du: VarSet): VarSet {
    const from = this.pending.length;
    this.state = { alive, da, du };
    let exitState: FlowState;
    let backEdge: FlowState;
    if (s.kind === 'DoWhile') {
      this.stmt(s.body);
      this.state = this.joinJumps('continue', s, from, this.state);
      const branches = this.cond(s.condition);
      backEdge = branches.whenTrue;
      exitState = branches.whenFalse;
    } else {
      const branches = this.loopCondition(s);
      exitState = branches.whenFalse;
      this.state = copyState(branches.whenTrue);
      if (s.kind === 'ForEach' && s.variable.local !== undefined) {
        const bit = this.localBit(s.variable.local);
        this.loopAssigned = difference(this.loopAssigned, bit);
        this.assignBit(bit);
      }
      this.stmt(s.body);
      this.state = this.joinJumps('continue', s, from, this.state);
      if (s.kind === 'For' && s.update.length > 0) {
        const bodyAlive = this.state.alive;
        this.state.alive = true;
        this.statements(s.update);
        this.state.alive = bodyAlive;
      }
      backEdge = this.state;
    }
    this.state = this.joinJumps('break', s, from, exitState);
    return backEdge.du;
  }

  private loopCondition(s: Exclude<Loop, { kind: 'DoWhile' }>): Branches {
    switch (s.kind) {
      case 'While':
        return this.cond(s.condition);
      case 'For':
        return s.condition === null ? this.constantCondition(true) : this.cond(s.condition);
      case 'ForEach':
        return { whenTrue: this.current, whenFalse: this.current };
    }
  }

  private switchStmt(s: Extract<Stmt, { kind: 'Switch' }>): void {
    this.expr(s.selector);
    const afterSelector = this.current;
    const from = this.pending.length;
    let hasDefault = false;
    let fallThrough: FlowState = this.dead();
    for (let g = 0; g < s.cases.length; g++) {
      const group = s.cases[g] as SwitchCase;
      if (hasDefaultLabel(group)) hasDefault = true;
      const entry = this.join(afterSelector, fallThrough);
      entry.alive = afterSelector.alive;
      this.state = entry;
      this.statements(group.body);
      fallThrough = this.state;
    }
    let exit = s.cases.length === 0 ? afterSelector : fallThrough;
    if (!hasDefault) exit = this.join(exit, afterSelector);
    this.state = this.joinJumps('break', s, from, exit);
  }

  private tryStmt(s: Extract<Stmt, { kind: 'Try' }>): void {
    const entry = this.current;
    const pendingFrom = this.pending.length;
    const handler: Handler = { catches: caughtTypes(s.catches), thrown: [] };
    this.handlers.push(handler);
    this.assignedIn.push(this.sets.empty);
    this.statements(s.block.statements);
    this.handlers.pop();
    let merged = this.current;
    const assignedInTry = this.assignedIn[this.assignedIn.length - 1] as VarSet;
    const caught: string[] = [];
    for (let i = 0; i < s.catches.length; i++) {
      const clause = s.catches[i] as CatchClause;
      this.checkCatchReachable(clause, handler, caught);
      this.state = { alive: entry.alive, da: entry.da, du: difference(entry.du, assignedInTry) };
      if (clause.local !== undefined) {
        // Made on first use: most bodies have no catch clause.
        this.rethrowable ??= new Map();
        this.rethrowable.set(clause.local, this.catchableBy(clause, handler, s.catches));
        this.assignBit(this.localBit(clause.local));
        if (clause.types.length === 1) (this.singleCatchParams ??= new Set()).add(this.localBit(clause.local));
      }
      this.statements(clause.body.statements);
      merged = this.join(merged, this.state);
    }
    const assignedInAll = this.assignedIn.pop() as VarSet;
    this.addAssignedInTry(assignedInAll);
    if (s.finallyBlock === null) {
      this.state = merged;
      return;
    }
    this.state = { alive: entry.alive, da: entry.da, du: difference(entry.du, assignedInAll) };
    this.statements(s.finallyBlock.statements);
    const fin = this.current;
    if (!fin.alive) {
      // A finally that cannot complete normally swallows every exit of the try statement.
      this.pending.length = Math.min(this.pending.length, pendingFrom);
      this.state = this.dead();
      return;
    }
    for (let i = pendingFrom; i < this.pending.length; i++) {
      const p = this.pending[i] as PendingJump;
      p.state = { alive: p.state.alive, da: union(p.state.da, fin.da), du: intersection(p.state.du, fin.du) };
    }
    this.state = { alive: merged.alive, da: union(merged.da, fin.da), du: intersection(fin.du, merged.du) };
  }

  /**
   * The checked exceptions a catch parameter can hold: those the try block throws that this clause
   * catches and no earlier clause does (a thrown supertype of a caught type contributes the caught type).
   */
  private catchableBy(clause: CatchClause, handler: Handler, all: readonly CatchClause[]): string[] {
    const env = this.ctx.env;
    const typesOf = (c: CatchClause): string[] => c.types.flatMap((t) => (t.type?.kind === 'class' ? [t.type.name] : []));
    const earlier = all.slice(0, all.indexOf(clause)).flatMap(typesOf);
    const result = new Set<string>();
    for (const thrown of handler.thrown) {
      if (earlier.some((e) => isSubclassOf(env, thrown, e))) continue;
      for (const c of typesOf(clause)) {
        if (isSubclassOf(env, thrown, c)) result.add(thrown);
        else if (isSubclassOf(env, c, thrown)) result.add(c);
      }
    }
    return [...result];
  }

  /** javac's Flow checks of a catch clause: caught by an earlier clause, or never thrown by the try block. */
  private checkCatchReachable(clause: CatchClause, handler: Handler, caught: string[]): void {
    const env = this.ctx.env;
    for (const t of clause.types) {
      if (t.type?.kind !== 'class') continue;
      const name = t.type.name;
      if (caught.some((o) => isSubclassOf(env, name, o))) {
        this.error(clause.span, 'check.already-caught', `exception ${simpleName(name)} has already been caught`);
        continue;
      }
      caught.push(name);
      if (!this.isChecked(name) || name === 'java/lang/Exception' || name === 'java/lang/Throwable') continue;
      const possible = handler.thrown.some((x) => isSubclassOf(env, x, name) || isSubclassOf(env, name, x));
      if (!possible) {
        this.error(clause.span, 'check.never-thrown', `exception ${simpleName(name)} is never thrown in body of corresponding try statement`);
      }
    }
  }

  // ---- exceptions

  private isChecked(name: string): boolean {
    const env = this.ctx.env;
    return (
      isSubclassOf(env, name, 'java/lang/Throwable') &&
      !isSubclassOf(env, name, 'java/lang/RuntimeException') &&
      !isSubclassOf(env, name, 'java/lang/Error')
    );
  }

  private allThrown(names: readonly string[], span: Span): void {
    for (let i = 0; i < names.length; i++) this.thrown(names[i] as string, span);
  }

  /** A checked exception of type `name` may be thrown at `span`: it must be caught or declared. */
  thrown(name: string, span: Span): void {
    if (!this.isChecked(name)) return;
    const env = this.ctx.env;
    for (let i = this.handlers.length - 1; i >= 0; i--) {
      const h = this.handlers[i] as Handler;
      h.thrown.push(name);
      if (h.catches.some((c) => isSubclassOf(env, name, c.type))) return;
    }
    if (this.exceptions.declared.some((d) => isSubclassOf(env, name, d))) return;
    const message = this.exceptions.message?.(name) ?? `unreported exception ${simpleName(name)}; must be caught or declared to be thrown`;
    this.error(span, 'check.unreported-exception', message);
  }

  // ---- expressions

  private fieldBit(e: Expr): VarSet | undefined {
    let field: FieldSymbol | undefined;
    if (e.kind === 'Name' && e.binding?.kind === 'field') field = e.binding.field;
    else if (e.kind === 'FieldAccess' && e.target.kind === 'This' && e.binding?.kind === 'field') field = e.binding.field;
    if (field === undefined) return undefined;
    const index = this.fields.get(field);
    return index === undefined ? undefined : this.sets.bit(index);
  }

  private variableBit(e: Expr): TrackedVariable | undefined {
    if (e.kind === 'Name' && e.binding?.kind === 'local') {
      const local = e.binding.local;
      return { bit: this.localBit(local), name: e.name, isFinal: local.isFinal, origin: local.origin };
    }
    const bit = this.fieldBit(e);
    if (bit === undefined) return undefined;
    const name = e.kind === 'Name' ? e.name : e.kind === 'FieldAccess' ? e.name.name : '';
    return { bit, name, isFinal: true };
  }

  private use(e: Expr): void {
    // Reads of locals, the common case, without variableBit's record.
    if (e.kind === 'Name' && e.binding?.kind === 'local') {
      const bit = this.localBit(e.binding.local);
      if (!intersects(this.state.da, bit)) {
        this.error(e.span, 'check.not-initialized', `variable ${e.name} might not have been initialized`);
        this.state.da = union(this.state.da, bit);
      }
      return;
    }
    const v = this.variableBit(e);
    if (v === undefined) return;
    if (!intersects(this.state.da, v.bit)) {
      const span = e.kind === 'FieldAccess' ? e.name.span : e.span;
      this.error(span, 'check.not-initialized', `variable ${v.name} might not have been initialized`);
      // Report once per variable, as javac does, by treating it as assigned from here on.
      this.state.da = union(this.state.da, v.bit);
    }
  }

  private assignBit(bit: VarSet): void {
    this.state.da = union(this.state.da, bit);
    this.state.du = difference(this.state.du, bit);
    this.addAssignedInTry(bit);
  }

  /** Records variables assigned inside the innermost try block being analysed, if any. */
  private addAssignedInTry(bits: VarSet): void {
    const top = this.assignedIn.length - 1;
    if (top >= 0) this.assignedIn[top] = union(this.assignedIn[top] as VarSet, bits);
  }

  /** An assignment to a tracked variable: a final one must be definitely unassigned before it (JLS 16). */
  private assignTo(target: Expr, v: TrackedVariable): void {
    if (v.isFinal) this.checkFinalAssignment(target, v.bit, v.name, v.origin);
    this.assignBit(v.bit);
  }

  private checkFinalAssignment(target: Expr, bit: VarSet, name: string, origin: LocalSymbol['origin']): void {
    if (origin === 'param' || origin === 'catch') {
      const what = origin === 'param' || this.singleCatchParams?.has(bit) === true ? 'final parameter' : 'multi-catch parameter';
      this.error(target.span, 'check.final-assign', `${what} ${name} may not be assigned`);
    } else if (!intersects(this.state.du, bit)) {
      const span = target.kind === 'FieldAccess' ? target.name.span : target.span;
      const inLoop = intersects(this.loopAssigned, bit);
      this.error(
        span,
        'check.final-reassign',
        inLoop ? `variable ${name} might be assigned in loop` : `variable ${name} might already have been assigned`,
      );
    }
  }

  private exprs(list: readonly Expr[]): void {
    for (let i = 0; i < list.length; i++) this.expr(list[i] as Expr);
  }

  expr(e: Expr): void {
    if (e.constant !== undefined && e.kind !== 'Assign') return;
    switch (e.kind) {
      case 'Literal':
      case 'This':
        return;
      case 'Name':
        this.use(e);
        return;
      case 'FieldAccess':
        if (e.target.kind !== 'Super') {
          if (e.target.kind === 'This' && this.fieldBit(e) !== undefined) this.use(e);
          else this.expr(e.target);
        }
        return;
      case 'ArrayAccess':
        this.expr(e.array);
        this.expr(e.index);
        return;
      case 'MethodCall':
        if (e.target !== null && e.target.kind !== 'Super') this.expr(e.target);
        this.exprs(e.args);
        if (e.method?.thrown !== undefined && e.method.thrown.length > 0) this.allThrown(e.method.thrown, after(e.name.span));
        return;
      case 'New':
        this.exprs(e.args);
        if (e.ctor?.thrown !== undefined) this.allThrown(e.ctor.thrown, e.span);
        return;
      case 'NewArray':
        this.exprs(e.dimensions);
        if (e.initializer !== null) this.expr(e.initializer);
        return;
      case 'ArrayLiteral':
        this.exprs(e.elements);
        return;
      case 'Unary':
        if (e.operator === '!') {
          const c = this.cond(e.operand);
          this.state = this.join(c.whenTrue, c.whenFalse);
          return;
        }
        this.expr(e.operand);
        return;
      case 'Binary': {
        if (e.operator === '&&' || e.operator === '||') {
          const c = this.cond(e);
          this.state = this.join(c.whenTrue, c.whenFalse);
          return;
        }
        if (!isArithmeticChain(e.left)) {
          this.expr(e.left);
          this.expr(e.right);
          return;
        }
        // Left-nested chains (a + b + c ...) are walked in a loop, not by recursion, their right
        // operands kept on one stack shared by nested chains.
        const rights = this.rights;
        const base = this.rightsTop;
        let top = base;
        rights[top++] = e.right;
        let left: Expr = e.left;
        while (isArithmeticChain(left)) {
          rights[top++] = left.right;
          left = left.left;
        }
        this.rightsTop = top;
        this.expr(left);
        for (let i = top - 1; i >= base; i--) this.expr(rights[i] as Expr);
        this.rightsTop = base;
        return;
      }
      case 'Assign':
        this.assignment(e.target, e.value, e.operator !== '=');
        return;
      case 'IncDec':
        this.assignment(e.operand, undefined, true);
        return;
      case 'Cast':
        this.expr(e.expr);
        return;
      case 'InstanceOf':
        this.expr(e.expr);
        return;
      case 'Conditional': {
        const c = this.cond(e.condition);
        this.state = c.whenTrue;
        this.expr(e.whenTrue);
        const a = this.current;
        this.state = c.whenFalse;
        this.expr(e.whenFalse);
        this.state = this.join(a, this.state);
        return;
      }
    }
  }

  /** `target = value`, `target op= value` or `target++` (value undefined); `reads` when the old value is used. */
  private assignment(target: Expr, value: Expr | undefined, reads: boolean): void {
    if (target.kind === 'Name' && target.binding?.kind === 'local') {
      // Locals, the common case, without variableBit's record.
      const local = target.binding.local;
      if (reads) this.use(target);
      if (value !== undefined) this.expr(value);
      const bit = this.localBit(local);
      if (local.isFinal) this.checkFinalAssignment(target, bit, target.name, local.origin);
      this.assignBit(bit);
      return;
    }
    const v = this.variableBit(target);
    if (v === undefined) {
      if (target.kind === 'ArrayAccess') {
        this.expr(target.array);
        this.expr(target.index);
      } else if (target.kind === 'FieldAccess' && target.target.kind !== 'Super') {
        this.expr(target.target);
      }
      if (value !== undefined) this.expr(value);
      return;
    }
    if (reads) this.use(target);
    if (value !== undefined) this.expr(value);
    this.assignTo(target, v);
  }

  /** A boolean expression: the states after it when true and when false (JLS 16.1). */
  cond(e: Expr): Branches {
    if (e.constant?.kind === 'boolean') return this.constantCondition(e.constant.value);
    if (e.kind === 'Unary' && e.operator === '!') {
      const c = this.cond(e.operand);
      return { whenTrue: c.whenFalse, whenFalse: c.whenTrue };
    }
    if (e.kind === 'Binary' && (e.operator === '&&' || e.operator === '||')) {
      const left = this.cond(e.left);
      if (e.operator === '&&') {
        this.state = left.whenTrue;
        const right = this.cond(e.right);
        return { whenTrue: right.whenTrue, whenFalse: this.join(left.whenFalse, right.whenFalse) };
      }
      this.state = left.whenFalse;
      const right = this.cond(e.right);
      return { whenTrue: this.join(left.whenTrue, right.whenTrue), whenFalse: right.whenFalse };
    }
    if (e.kind === 'Conditional') {
      const c = this.cond(e.condition);
      this.state = c.whenTrue;
      const a = this.cond(e.whenTrue);
      this.state = c.whenFalse;
      const b = this.cond(e.whenFalse);
      return { whenTrue: this.join(a.whenTrue, b.whenTrue), whenFalse: this.join(a.whenFalse, b.whenFalse) };
    }
    this.expr(e);
    return { whenTrue: this.current, whenFalse: this.current };
  }
}

/** A non-constant binary operation other than && and ||, whose operands are walked left to right without branching. */
function isArithmeticChain(e: Expr): e is Extract<Expr, { kind: 'Binary' }> {
  return e.kind === 'Binary' && e.operator !== '&&' && e.operator !== '||' && e.constant === undefined;
}

/** The exception classes the clauses catch, each with its clause, in order. */
function caughtTypes(clauses: readonly CatchClause[]): Handler['catches'] {
  const catches: { readonly type: string; readonly clause: CatchClause }[] = [];
  for (let i = 0; i < clauses.length; i++) {
    const clause = clauses[i] as CatchClause;
    for (let k = 0; k < clause.types.length; k++) {
      const type = (clause.types[k] as CatchClause['types'][number]).type;
      if (type?.kind === 'class') catches.push({ type: type.name, clause });
    }
  }
  return catches;
}

function hasDefaultLabel(group: SwitchCase): boolean {
  for (let i = 0; i < group.labels.length; i++) if ((group.labels[i] as SwitchCase['labels'][number]).kind === 'Default') return true;
  return false;
}

function copyState(s: FlowState): FlowState {
  return { alive: s.alive, da: s.da, du: s.du };
}

/** The statement a `continue` resumes: the loop itself, or the loop inside a labelled statement. */
function continueTarget(s: Stmt): Stmt {
  return s.kind === 'Labeled' ? continueTarget(s.body) : s;
}
