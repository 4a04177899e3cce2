// Type inference over one method (JVMS 4.10.2.2): a data-flow fixpoint over basic blocks. Each block
// has an incoming type state; running its instructions gives the states its successors (the next block,
// branch and switch targets) and the exception handlers covering each instruction (with the stack
// replaced by the caught type) receive, merged with what they already had. Blocks whose state changed
// run again, in code order, until nothing changes. A last run of every reachable block records the
// states at safepoints as reference maps. Only block entries keep a state, so a long method with many
// locals costs memory in proportion to its branches, not its instructions.
import { OPCODES, Op, type CodeAttribute, type ControlFlow } from '@oakvm/classfile';
import type { CodeTable, DecodedMethod, Handler } from './decode-method.js';
import { InstructionSemantics, type MethodFacts } from './instruction-semantics.js';
import { ReferenceMaps, ReferenceMapsBuilder } from './reference-maps.js';
import { TypeState } from './type-state.js';
import { MissingClass, type TypeRelations } from './type-relations.js';
import { TOP, UNINIT_THIS, isInitializedReference, isReference, type VType } from './verification-type.js';

export interface MethodToVerify {
  readonly facts: MethodFacts;
  readonly isStatic: boolean;
  /** Parameter types in order (one or two slots each), without the receiver. */
  readonly parameters: readonly (readonly VType[])[];
  readonly code: CodeAttribute;
  readonly decoded: DecodedMethod;
}

/** Runs the data flow; `fail` throws a VerifyError for the instruction at `pc` (or the method when undefined). */
export function inferTypes(
  method: MethodToVerify,
  relations: TypeRelations,
  fail: (pc: number | undefined, reason: string) => never,
): ReferenceMaps {
  return new MethodVerifier(method, relations, fail).run();
}

class MethodVerifier {
  private readonly code: CodeTable;
  private readonly count: number;
  /** Whether each instruction starts a basic block (entry, branch target, handler, after a jump). */
  private readonly leader: Uint8Array;
  /** Whether each instruction is an exception handler's first (a frame stands there while unwinding). */
  private readonly handlerEntry: Uint8Array;
  /** Incoming states, kept for block leaders only: straight-line code in between is re-run from them. */
  private readonly inLocals: (VType[] | undefined)[];
  private readonly inStacks: (VType[] | undefined)[];
  private readonly inThis: Uint8Array;
  private readonly changed: Uint8Array;
  private readonly covering: (readonly Handler[] | undefined)[];
  private readonly state: TypeState;
  private readonly semantics: InstructionSemantics;
  private readonly maxLocals: number;
  private pc = 0;
  /** Slots held by block-entry states so far (see MAX_STORED_SLOTS). */
  private storedSlots = 0;

  constructor(
    private readonly method: MethodToVerify,
    private readonly relations: TypeRelations,
    private readonly failAt: (pc: number | undefined, reason: string) => never,
  ) {
    this.code = method.decoded.code;
    this.count = this.code.count;
    this.maxLocals = method.code.maxLocals;
    this.leader = this.findLeaders();
    this.handlerEntry = new Uint8Array(this.count);
    for (const h of method.decoded.handlers) this.handlerEntry[h.handlerIndex] = 1;
    this.inLocals = new Array<VType[] | undefined>(this.count).fill(undefined);
    this.inStacks = new Array<VType[] | undefined>(this.count).fill(undefined);
    this.inThis = new Uint8Array(this.count);
    this.changed = new Uint8Array(this.count);
    this.covering = this.handlersByInstruction();
    const fail = (reason: string): never => this.failAt(this.pc, reason);
    this.state = new TypeState(this.maxLocals, method.code.maxStack, fail);
    this.semantics = new InstructionSemantics(method.facts, relations, fail);
  }

  run(): ReferenceMaps {
    try {
      return this.infer();
    } catch (e) {
      if (e instanceof MissingClass) this.failAt(this.pc, e.message);
      throw e;
    }
  }

  private infer(): ReferenceMaps {
    this.checkHandlerTypes();
    this.seedEntry();
    let again = true;
    while (again) {
      again = false;
      for (let i = 0; i < this.count; i++) {
        if (this.changed[i] === 0) continue;
        this.changed[i] = 0;
        again = true;
        this.runBlock(i, undefined);
      }
    }
    const builder = new ReferenceMapsBuilder(this.maxLocals, this.method.code.maxStack);
    for (let i = 0; i < this.count; i++) if (this.inLocals[i] !== undefined) this.runBlock(i, builder);
    return builder.build();
  }

  private findLeaders(): Uint8Array {
    const leader = new Uint8Array(this.count);
    const indexAt = this.method.decoded.indexAt;
    const mark = (pc: number): void => {
      leader[indexAt[pc] as number] = 1;
    };
    if (this.count > 0) leader[0] = 1;
    for (const h of this.method.decoded.handlers) leader[h.handlerIndex] = 1;
    const code = this.code;
    for (let i = 0; i < this.count; i++) {
      const target = code.targets[i] as number;
      if (target >= 0) mark(target);
      const sw = code.switches.get(i);
      if (sw !== undefined) {
        mark(sw.defaultTarget);
        for (const t of sw.targets) mark(t);
      }
      const flow = OPCODES[code.opcodes[i] as number]?.flow ?? 'next';
      if (flow !== 'next' && i + 1 < this.count) leader[i + 1] = 1;
    }
    return leader;
  }

  private handlersByInstruction(): (readonly Handler[] | undefined)[] {
    const out = new Array<Handler[] | undefined>(this.count).fill(undefined);
    const indexAt = this.method.decoded.indexAt;
    for (const h of this.method.decoded.handlers) {
      for (let i = indexAt[h.startPc] as number; i < this.count && (this.code.pcs[i] as number) < h.endPc; i++) {
        (out[i] ??= []).push(h);
      }
    }
    return out;
  }

  private checkHandlerTypes(): void {
    const handlers = this.method.decoded.handlers;
    if (handlers.length > 0 && this.method.code.maxStack < 1) this.failAt(handlers[0]?.handlerPc, 'Stack size too large');
    for (const h of handlers) {
      if (!this.relations.isNameAssignable(h.catchType, 'java/lang/Throwable')) {
        this.failAt(h.handlerPc, 'Catch type is not a subclass of Throwable');
      }
    }
  }

  /** The state on entry: `this` (uninitialized in a constructor other than Object's), then the parameters. */
  private seedEntry(): void {
    const { facts, isStatic, parameters } = this.method;
    const locals = new Array<VType>(this.maxLocals).fill(TOP);
    let slot = 0;
    let thisInitialized = true;
    const put = (t: VType): void => {
      if (slot >= this.maxLocals) this.failAt(undefined, "Arguments can't fit into locals");
      locals[slot++] = t;
    };
    if (!isStatic) {
      if (facts.isConstructor && facts.className !== 'java/lang/Object') {
        put(UNINIT_THIS);
        thisInitialized = false;
      } else {
        put(this.relations.types.ref(facts.className));
      }
    }
    for (const p of parameters) for (const t of p) put(t);
    this.inLocals[0] = locals;
    this.inStacks[0] = [];
    this.inThis[0] = thisInitialized ? 1 : 0;
    this.changed[0] = 1;
  }

  /**
   * Runs the basic block starting at `first` from its incoming state, merging into handlers on the way
   * and into successor blocks at the end. With `maps`, the states at safepoints are recorded instead
   * (the final pass, after the fixpoint, when merges change nothing).
   */
  private runBlock(first: number, maps: ReferenceMapsBuilder | undefined): void {
    const s = this.state;
    s.load(this.inLocals[first] as VType[], this.inStacks[first] as VType[], this.inThis[first] === 1);
    const code = this.code;
    for (let i = first; ; i++) {
      const opcode = code.opcodes[i] as number;
      this.pc = code.pcs[i] as number;
      if (maps !== undefined) {
        if (this.handlerEntry[i] === 1 || isSafepoint(code, i)) this.record(maps, this.pc);
      } else {
        const handlers = this.covering[i];
        if (handlers !== undefined) {
          for (const h of handlers) this.mergeInto(h.handlerIndex, s.locals, [this.relations.types.ref(h.catchType)], s.thisInitialized);
        }
      }
      this.semantics.execute(s, code, i, this.method.decoded.operands[i]);
      const flow = OPCODES[opcode]?.flow ?? 'next';
      if (flow === 'next') {
        if (i + 1 >= this.count) this.failAt(this.pc, 'Falling off the end of the code');
        if (this.leader[i + 1] === 0) continue;
      }
      if (maps === undefined) this.successors(i, flow);
      return;
    }
  }

  private successors(i: number, flow: ControlFlow): void {
    switch (flow) {
      case 'next':
        this.mergeCurrent(i + 1);
        return;
      case 'branch':
        this.jump(this.code.targets[i] as number);
        if (i + 1 >= this.count) this.failAt(this.pc, 'Falling off the end of the code');
        this.mergeCurrent(i + 1);
        return;
      case 'goto':
        this.jump(this.code.targets[i] as number);
        return;
      case 'switch': {
        const sw = this.code.switches.get(i);
        if (sw === undefined) return;
        this.jump(sw.defaultTarget);
        for (const t of sw.targets) this.jump(t);
        return;
      }
      case 'jsr':
      case 'ret':
      case 'return':
      case 'throw':
        return;
    }
  }

  private record(maps: ReferenceMapsBuilder, pc: number): void {
    const s = this.state;
    const maxLocals = this.maxLocals;
    maps.add(pc, s.sp, (slot) => isReference((slot < maxLocals ? s.locals[slot] : s.stack[slot - maxLocals]) as VType));
  }

  private jump(target: number): void {
    this.mergeCurrent(this.method.decoded.indexAt[target] as number);
  }

  private mergeCurrent(target: number): void {
    const s = this.state;
    this.mergeInto(target, s.locals, s.stack.slice(0, s.sp), s.thisInitialized);
  }

  private mergeInto(target: number, locals: readonly VType[], stack: readonly VType[], thisInitialized: boolean): void {
    const known = this.inLocals[target];
    if (known === undefined) {
      this.storedSlots += this.maxLocals + stack.length;
      if (this.storedSlots > MAX_STORED_SLOTS) this.failAt(this.pc, 'Method is too large to verify');
      this.inLocals[target] = locals.slice();
      this.inStacks[target] = stack.slice();
      this.inThis[target] = thisInitialized ? 1 : 0;
      this.changed[target] = 1;
      return;
    }
    const knownStack = this.inStacks[target] as VType[];
    if (knownStack.length !== stack.length) this.failAt(this.pc, `Inconsistent stack height ${stack.length} != ${knownStack.length}`);
    let changed = false;
    for (let k = 0; k < stack.length; k++) {
      const a = knownStack[k] as VType;
      const b = stack[k] as VType;
      if (a === b) continue;
      if (!isInitializedReference(a) || !isInitializedReference(b)) this.failAt(this.pc, 'Mismatched stack types');
      const merged = this.relations.mergeReferences(a, b);
      if (merged !== a) {
        knownStack[k] = merged;
        changed = true;
      }
    }
    for (let k = 0; k < this.maxLocals; k++) {
      const a = known[k] as VType;
      const b = locals[k] as VType;
      if (a === b || a === TOP) continue;
      const merged = isInitializedReference(a) && isInitializedReference(b) ? this.relations.mergeReferences(a, b) : TOP;
      if (merged !== a) {
        known[k] = merged;
        changed = true;
      }
    }
    if (!thisInitialized && this.inThis[target] === 1) {
      this.inThis[target] = 0;
      changed = true;
    }
    if (changed) this.changed[target] = 1;
  }
}

/**
 * A bound on the memory block-entry states take: a hostile class with 65535 locals and thousands of
 * branches would otherwise need gigabytes, and running out of memory kills the host process rather
 * than throwing. The bound (8M slots, 64 MB of state) is far above what compiled code needs.
 */
const MAX_STORED_SLOTS = 1 << 23;

const ALLOCATIONS: ReadonlySet<number> = new Set([Op.new, Op.newarray, Op.anewarray, Op.multianewarray]);

/**
 * The instructions where the VM may collect or switch threads: the method entry, calls, allocations,
 * backward branches (where threads are preempted), and everything that may throw, because raising an
 * exception allocates its object while the frame is stopped at the faulting instruction. (Exception
 * handlers' first instructions are added by the caller.)
 */
function isSafepoint(code: CodeTable, i: number): boolean {
  if (i === 0) return true;
  const opcode = code.opcodes[i] as number;
  const pc = code.pcs[i] as number;
  const info = OPCODES[opcode];
  if (info === undefined) return false;
  if (info.canThrow || info.stack.kind === 'invoke' || ALLOCATIONS.has(opcode)) return true;
  const target = code.targets[i] as number;
  if (target >= 0) return target <= pc;
  const sw = code.switches.get(i);
  return sw !== undefined && (sw.defaultTarget <= pc || sw.targets.some((t) => t <= pc));
}
