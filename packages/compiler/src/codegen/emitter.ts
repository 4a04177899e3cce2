// The code generator's view of a method's code. On top of a CodeSink it keeps javac's bookkeeping
// (com.sun.tools.javac.jvm.Code):
// - reachability: nothing is emitted while the code is dead (after goto, return, athrow, a switch), until
//   a label something jumps to is placed, as javac's `alive` and pending jumps do;
// - forward jumps to a label placed right before a goto go straight to the goto's target, and a goto that
//   is reachable only through such jumps is not emitted (javac merges pending jumps into the goto's chain);
// - a goto whose target turns out to be the very next instruction is dropped, as javac's chain
//   resolution does (so `if (c) { a } else {}` ends without a useless jump);
// - line numbers: a statement's line is attached to its first instruction, one entry per change of line;
// - which locals are definitely assigned (javac's State.defined), carried along every forward jump and
//   intersected where jumps meet, so the LocalVariableTable can end and restart ranges as javac does.
import { Op, type OpCode } from '@oakvm/classfile';
import type { CodeSink, SinkLabel } from './code-sink.js';

export class Label {
  /** Whether some emitted or pending jump targets it (placing it makes the code reachable again). */
  jumpedTo = false;
  /** The label's pc, once it is placed in the sink. */
  pc: number | undefined;
  /** The flow state at each forward jump to it, merged when it is placed (undefined: none). */
  states: FlowState[] | undefined;
  /** Set when the label was made to stand for another one (its jumps threaded there). */
  aliasOf: Label | undefined;
  constructor(readonly sinkLabel: SinkLabel) {}

  /** The label this one finally stands for. */
  root(): Label {
    let label: Label = this;
    while (label.aliasOf !== undefined) label = label.aliasOf;
    return label;
  }
}

/** The slots holding a definitely assigned named variable. */
export type FlowState = ReadonlySet<number>;

/** Who keeps the flow state (the method's Locals): its current value, and a new one where jumps meet. */
export interface FlowTracker {
  snapshot(): FlowState;
  enter(state: FlowState): void;
}

function intersect(states: readonly FlowState[]): FlowState {
  const first = states[0];
  if (first === undefined) return new Set();
  // The common case: every path carries the same (shared, unchanged) set.
  let same = true;
  for (let i = 1; i < states.length && same; i++) same = states[i] === first;
  if (same) return first;
  const out = new Set(first);
  for (const slot of first) {
    for (let i = 1; i < states.length; i++) {
      if (!(states[i] as FlowState).has(slot)) {
        out.delete(slot);
        break;
      }
    }
  }
  return out;
}

/** Whether some label of the list is the target of a jump. */
function someJumpedTo(labels: readonly Label[]): boolean {
  for (let i = 0; i < labels.length; i++) if ((labels[i] as Label).jumpedTo) return true;
  return false;
}

export class Emitter {
  private live = true;
  private pendingGoto: { target: Label; line: number | undefined; state: FlowState | undefined } | undefined;
  private flow: FlowTracker | undefined;
  private pendingPlacements: Label[] = [];
  private pendingLine: number | undefined;
  /** The line of the last LineNumberTable entry given (-1: none yet). */
  private lastLine = -1;

  constructor(private readonly sink: CodeSink) {}

  trackFlow(flow: FlowTracker): void {
    this.flow = flow;
  }

  /** javac's isAlive: reachable by falling through, or by a jump to a label placed here. */
  get alive(): boolean {
    return this.live || someJumpedTo(this.pendingPlacements);
  }

  /** The current pc, with pending jumps resolved (javac's curCP). */
  get pc(): number {
    this.flush();
    return this.sink.pc;
  }

  newLabel(): Label {
    return new Label(this.sink.newLabel());
  }

  /** Places the target of forward jumps here (it may end up threaded to a goto's target). */
  place(label: Label): void {
    this.pendingPlacements.push(label);
  }

  /** A label at the current position (for ranges: handlers, local variables). */
  mark(): Label {
    const label = this.newLabel();
    this.flush();
    this.placeInSink(label);
    return label;
  }

  /**
   * Places a label reached from elsewhere (a loop start, a switch case) at exactly this position; the
   * code is reachable, in flow state `state` when given (the state at the switch).
   */
  placeEntry(label: Label, state?: FlowState): void {
    label.jumpedTo = true;
    this.flush();
    this.placeInSink(label);
    this.live = true;
    if (state !== undefined) this.flow?.enter(state);
  }

  /** A label here that is reached from elsewhere (an exception handler, in the state at the try). */
  markEntry(state?: FlowState): Label {
    const label = this.newLabel();
    this.placeEntry(label, state);
    return label;
  }

  /** The current flow state (to give to placeEntry later). */
  flowState(): FlowState {
    return this.flow?.snapshot() ?? new Set();
  }

  /** Sends the jumps to `label` to where `target` already is (a backward jump made by a condition). */
  placeAt(label: Label, target: Label): void {
    if (!this.sink.alias(label.sinkLabel, target.sinkLabel)) throw new Error('internal compiler error: circular label alias');
    label.aliasOf = target;
  }

  statementStart(line: number): void {
    this.pendingLine = line;
  }

  op(op: OpCode): void {
    if (!this.begin()) return;
    this.sink.simple(op);
    if (endsFlow(op)) this.live = false;
  }

  local(op: OpCode, slot: number): void {
    if (this.begin()) this.sink.local(op, slot);
  }

  iinc(slot: number, delta: number): void {
    if (this.begin()) this.sink.iinc(slot, delta);
  }

  intConstant(value: number): void {
    if (this.begin()) this.sink.intConstant(value);
  }

  longConstant(value: bigint): void {
    if (this.begin()) this.sink.longConstant(value);
  }

  floatConstant(value: number): void {
    if (this.begin()) this.sink.floatConstant(value);
  }

  doubleConstant(value: number): void {
    if (this.begin()) this.sink.doubleConstant(value);
  }

  stringConstant(value: string): void {
    if (this.begin()) this.sink.stringConstant(value);
  }

  field(op: OpCode, owner: string, name: string, descriptor: string): void {
    if (this.begin()) this.sink.field(op, owner, name, descriptor);
  }

  invoke(op: OpCode, owner: string, name: string, descriptor: string, isInterface: boolean): void {
    if (this.begin()) this.sink.invoke(op, owner, name, descriptor, isInterface);
  }

  classOp(op: OpCode, className: string): void {
    if (this.begin()) this.sink.classOp(op, className);
  }

  newarray(typeCode: number): void {
    if (this.begin()) this.sink.newarray(typeCode);
  }

  multianewarray(descriptor: string, dimensions: number): void {
    if (this.begin()) this.sink.multianewarray(descriptor, dimensions);
  }

  /** A conditional branch; the code after it stays reachable. */
  branch(op: OpCode, target: Label): void {
    if (op === Op.goto) {
      this.goto(target);
      return;
    }
    if (!this.begin()) return;
    target.jumpedTo = true;
    this.recordState(target, this.flow?.snapshot());
    this.sink.branch(op, target.sinkLabel);
  }

  private recordState(label: Label, state: FlowState | undefined): void {
    const target = label.root();
    // A backward jump meets code already generated: it changes nothing here.
    if (state === undefined || target.pc !== undefined) return;
    if (target.states === undefined) target.states = [state];
    else target.states.push(state);
  }

  /** An unconditional jump, held back until the next instruction shows whether it jumps to itself. */
  goto(target: Label): void {
    if (!this.alive) return;
    target.jumpedTo = true;
    let threaded = false;
    const pending = this.pendingPlacements;
    if (pending.length > 0) {
      // Labels placed here now stand for the target; the others stay pending.
      const kept: Label[] = [];
      for (let li = 0; li < pending.length; li++) {
        const l = pending[li] as Label;
        if (l === target || !this.sink.alias(l.sinkLabel, target.sinkLabel)) {
          kept.push(l);
          continue;
        }
        threaded = true;
        l.aliasOf = target;
        const states = l.states;
        if (states !== undefined) for (let stateIndex = 0; stateIndex < states.length; stateIndex++) this.recordState(target, states[stateIndex] as FlowState);
      }
      if (threaded) this.pendingPlacements = kept;
    }
    // Resolving jumps backwards fixes the code before them (javac's fixedPc): an earlier goto can no
    // longer vanish. Forward, javac only merges them into the new goto's chain.
    if (threaded && target.root().pc !== undefined) this.commitPendingGoto();
    if (!this.alive) return;
    this.flush();
    this.pendingGoto = { target, line: this.pendingLine, state: this.flow?.snapshot() };
    this.pendingLine = undefined;
    this.live = false;
  }

  tableswitch(low: number, high: number, defaultTarget: Label, targets: readonly Label[]): void {
    if (!this.begin()) return;
    markJumpedTo(defaultTarget, targets);
    this.sink.tableswitch(
      low,
      high,
      defaultTarget.sinkLabel,
      targets.map((t) => t.sinkLabel),
    );
    this.live = false;
  }

  lookupswitch(defaultTarget: Label, keys: readonly number[], targets: readonly Label[]): void {
    if (!this.begin()) return;
    markJumpedTo(defaultTarget, targets);
    this.sink.lookupswitch(
      defaultTarget.sinkLabel,
      keys,
      targets.map((t) => t.sinkLabel),
    );
    this.live = false;
  }

  handler(start: Label, end: Label, handlerLabel: Label, catchType: string | undefined): void {
    this.sink.handler(start.sinkLabel, end.sinkLabel, handlerLabel.sinkLabel, catchType);
  }

  localVariable(name: string, descriptor: string, slot: number, start: Label, end: Label): void {
    this.sink.localVariable(name, descriptor, slot, start.sinkLabel, end.sinkLabel);
  }

  /** Resolves everything pending; call before the code is finished. */
  finish(): void {
    this.flush();
  }

  /** Prepares to emit one instruction: false when the code is dead and the instruction is dropped. */
  private begin(): boolean {
    // What `alive` and `flush` check, without the calls when there is nothing to do (this runs for
    // every instruction).
    if (!this.live && !someJumpedTo(this.pendingPlacements)) return false;
    if (this.pendingGoto !== undefined || this.pendingPlacements.length > 0) this.flush();
    this.live = true;
    if (this.pendingLine !== undefined) {
      this.addLine(this.pendingLine);
      this.pendingLine = undefined;
    }
    return true;
  }

  private commitPendingGoto(): void {
    const pending = this.pendingGoto;
    if (pending === undefined) return;
    this.pendingGoto = undefined;
    if (pending.line !== undefined) this.addLine(pending.line);
    this.recordState(pending.target, pending.state);
    this.sink.branch(Op.goto, pending.target.sinkLabel);
  }

  private flush(): void {
    const pending = this.pendingGoto;
    if (pending !== undefined) {
      this.pendingGoto = undefined;
      if (placesRoot(this.pendingPlacements, pending.target.root())) {
        // A goto to the next instruction is dropped; control falls through as it did before it.
        if (this.pendingLine === undefined) this.pendingLine = pending.line;
        this.live = true;
      } else {
        if (pending.line !== undefined) this.addLine(pending.line);
        this.recordState(pending.target, pending.state);
        this.sink.branch(Op.goto, pending.target.sinkLabel);
      }
    }
    if (this.pendingPlacements.length === 0) return;
    const placed = this.pendingPlacements;
    this.pendingPlacements = [];
    // The flow states arriving here by jumps, after the fall-through's when control falls through
    // (made only when some jump brings one).
    let states: FlowState[] | undefined;
    for (let labelIndex = 0; labelIndex < placed.length; labelIndex++) {
      const label = placed[labelIndex] as Label;
      this.placeInSink(label);
      const arriving = label.states;
      if (arriving === undefined) continue;
      if (states === undefined) states = this.live && this.flow !== undefined ? [this.flow.snapshot()] : [];
      for (let s = 0; s < arriving.length; s++) states.push(arriving[s] as FlowState);
      label.states = undefined;
    }
    // Where jumps meet, a variable is defined only if it is on every path (javac's State.join).
    if (states !== undefined && this.flow !== undefined) {
      const merged = intersect(states);
      this.live = true;
      this.flow.enter(merged);
    } else if (someJumpedTo(placed)) {
      this.live = true;
    }
  }

  private placeInSink(label: Label): void {
    label.pc = this.sink.pc;
    this.sink.place(label.sinkLabel);
  }

  /** javac's Code.addLineNumber: a later entry at the same pc replaces the earlier; a repeated line is skipped. */
  private addLine(line: number): void {
    if (this.lastLine === line) return;
    this.sink.line(line);
    this.lastLine = line;
  }
}

function markJumpedTo(defaultTarget: Label, targets: readonly Label[]): void {
  defaultTarget.jumpedTo = true;
  for (let i = 0; i < targets.length; i++) (targets[i] as Label).jumpedTo = true;
}

/** Whether one of the labels stands for `root`. */
function placesRoot(labels: readonly Label[], root: Label): boolean {
  for (let i = 0; i < labels.length; i++) if ((labels[i] as Label).root() === root) return true;
  return false;
}

function endsFlow(op: OpCode): boolean {
  return (op >= Op.ireturn && op <= Op.return) || op === Op.athrow;
}
