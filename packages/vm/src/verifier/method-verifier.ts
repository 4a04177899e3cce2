// Type inference over one method (JVMS 4.10.2.2): a data-flow fixpoint over the instructions. Each
// instruction has an incoming type state; executing it gives the state its successors (the next
// instruction, branch and switch targets) and its exception handlers (with the stack replaced by the
// caught type) receive, merged with what they already had. Instructions whose state changed are run
// again, in code order, until nothing changes. The final incoming states give the reference maps.
import { OPCODES, Op, type CodeAttribute, type Instruction } from '@oakvm/classfile';
import type { DecodedMethod, Handler } from './decode-method.js';
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
  private readonly instructions: readonly Instruction[];
  private readonly count: number;
  private readonly inLocals: (VType[] | undefined)[];
  private readonly inStacks: (VType[] | undefined)[];
  private readonly inThis: Uint8Array;
  private readonly changed: Uint8Array;
  private readonly covering: (readonly Handler[] | undefined)[];
  private readonly state: TypeState;
  private readonly semantics: InstructionSemantics;
  private readonly maxLocals: number;
  private pc = 0;

  constructor(
    private readonly method: MethodToVerify,
    private readonly relations: TypeRelations,
    private readonly failAt: (pc: number | undefined, reason: string) => never,
  ) {
    this.instructions = method.decoded.instructions;
    this.count = this.instructions.length;
    this.maxLocals = method.code.maxLocals;
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
        this.step(i);
      }
    }
    return this.referenceMaps();
  }

  private handlersByInstruction(): (readonly Handler[] | undefined)[] {
    const out = new Array<Handler[] | undefined>(this.count).fill(undefined);
    for (const h of this.method.decoded.handlers) {
      for (let i = 0; i < this.count; i++) {
        const pc = (this.instructions[i] as Instruction).pc;
        if (pc >= h.startPc && pc < h.endPc) (out[i] ??= []).push(h);
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

  private step(i: number): void {
    const ins = this.instructions[i] as Instruction;
    this.pc = ins.pc;
    const s = this.state;
    const locals = this.inLocals[i] as VType[];
    s.load(locals, this.inStacks[i] as VType[], this.inThis[i] === 1);
    const handlers = this.covering[i];
    if (handlers !== undefined) {
      for (const h of handlers) {
        this.mergeInto(h.handlerIndex, locals, [this.relations.types.ref(h.catchType)], s.thisInitialized);
      }
    }
    this.semantics.execute(s, ins, this.method.decoded.operands[i]);
    const info = OPCODES[ins.opcode];
    switch (info?.flow ?? 'next') {
      case 'next':
        this.fallThrough(i);
        return;
      case 'branch':
        if (ins.kind === 'branch') this.jump(ins.target);
        this.fallThrough(i);
        return;
      case 'goto':
        if (ins.kind === 'branch') this.jump(ins.target);
        return;
      case 'switch':
        if (ins.kind === 'tableswitch' || ins.kind === 'lookupswitch') {
          this.jump(ins.defaultTarget);
          for (const t of ins.targets) this.jump(t);
        }
        return;
      case 'jsr':
      case 'ret':
      case 'return':
      case 'throw':
        return;
    }
  }

  private fallThrough(i: number): void {
    if (i + 1 >= this.count) this.failAt(this.pc, 'Falling off the end of the code');
    this.mergeCurrent(i + 1);
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
      this.inLocals[target] = locals.slice();
      this.inStacks[target] = stack.slice();
      this.inThis[target] = thisInitialized ? 1 : 0;
      this.changed[target] = 1;
      return;
    }
    const knownStack = this.inStacks[target] as VType[];
    if (knownStack.length !== stack.length) this.failAt(this.pc, `Inconsistent stack height ${knownStack.length} != ${stack.length}`);
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

  private referenceMaps(): ReferenceMaps {
    const builder = new ReferenceMapsBuilder(this.maxLocals, this.method.code.maxStack);
    for (let i = 0; i < this.count; i++) {
      const locals = this.inLocals[i];
      if (locals === undefined) continue;
      const ins = this.instructions[i] as Instruction;
      if (!isSafepoint(i, ins)) continue;
      const stack = this.inStacks[i] as VType[];
      const maxLocals = this.maxLocals;
      builder.add(ins.pc, stack.length, (slot) => isReference((slot < maxLocals ? locals[slot] : stack[slot - maxLocals]) as VType));
    }
    return builder.build();
  }
}

const ALLOCATIONS: ReadonlySet<number> = new Set([Op.new, Op.newarray, Op.anewarray, Op.multianewarray]);

/**
 * The instructions where the VM may collect or switch threads: the method entry, calls, allocations,
 * backward branches (where threads are preempted), and everything that may throw, because raising an
 * exception allocates its object while the frame is stopped at the faulting instruction.
 */
function isSafepoint(index: number, ins: Instruction): boolean {
  if (index === 0) return true;
  const info = OPCODES[ins.opcode];
  if (info === undefined) return false;
  if (info.canThrow || info.stack.kind === 'invoke' || ALLOCATIONS.has(ins.opcode)) return true;
  switch (ins.kind) {
    case 'branch':
      return ins.target <= ins.pc;
    case 'tableswitch':
    case 'lookupswitch':
      return ins.defaultTarget <= ins.pc || ins.targets.some((t) => t <= ins.pc);
    default:
      return false;
  }
}
