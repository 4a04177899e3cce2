// A guest thread: its own slot array and frame stack (DESIGN 5). The interpreter runs one thread at a time
// for a budget of work; the scheduler decides which.
import { Frame, FRAME_NORMAL } from './frame.js';
import type { RtMethod } from '../runtime/class-model.js';

export type ThreadStatus = 'runnable' | 'blocked' | 'waiting' | 'terminated';

/** Slots kept back beyond -Xss so a StackOverflowError can still be constructed and handled. */
export const STACK_RESERVE_SLOTS = 16 * 1024;
/** Frames kept back beyond the frame limit for the same reason. */
export const FRAME_RESERVE = 256;

export class JThread {
  readonly slots: Float64Array;
  readonly frames: Frame[] = [];
  depth = 0;
  /** Slot limit for guest frames; beyond it a call raises StackOverflowError. */
  slotLimit: number;
  frameLimit: number;
  status: ThreadStatus = 'runnable';
  /** The uncaught exception that ended the thread, or 0. */
  uncaught = 0;
  /** The java.lang.Thread object, or 0 before the thread class is set up. */
  javaThread = 0;
  /** While in Object.wait: what notify does to this thread. */
  wakeAction: (() => void) | undefined;
  /** While in Object.wait or Thread.sleep: what Thread.interrupt does to this thread. */
  interruptAction: (() => void) | undefined;
  /** Set by Thread.yield: the run loop ends the time slice at its next reload. */
  yieldRequested = false;
  /** The native method whose exception is being raised (for its "(Native Method)" stack-trace line). */
  faultingNative: RtMethod | undefined;
  /** Set while the thread is building a StackOverflowError, so the reserve may be used. */
  inOverflow = false;

  constructor(
    readonly id: number,
    readonly name: string,
    stackBytes: number,
  ) {
    const limit = Math.max(4096, Math.floor(stackBytes / 8));
    this.slotLimit = limit;
    this.frameLimit = Math.max(64, Math.floor(limit / 6));
    this.slots = new Float64Array(limit + STACK_RESERVE_SLOTS);
  }

  get top(): Frame | undefined {
    return this.depth > 0 ? this.frames[this.depth - 1] : undefined;
  }

  /**
   * Pushes a frame for `method` whose locals start at `base` (arguments already stored there). The caller
   * checks limits first.
   */
  pushFrame(method: RtMethod, base: number, kind = FRAME_NORMAL): Frame {
    let f = this.frames[this.depth];
    if (f === undefined) {
      f = new Frame();
      this.frames.push(f);
    }
    this.depth++;
    f.method = method;
    f.pc = 0;
    f.base = base;
    f.sp = base + method.maxLocals;
    f.kind = kind;
    f.aux = 0;
    f.attachCause = 0;
    f.nativeTop = undefined;
    f.lockRef = 0;
    f.pendingLock = 0;
    f.initClass = undefined;
    f.callback = undefined;
    return f;
  }

  /** The slot where a VM-pushed call's arguments go: just above the top frame's operand stack. */
  freeSlot(): number {
    const t = this.top;
    return t === undefined ? 0 : t.sp;
  }

  /** True when a frame for `method` at `base` would pass -Xss (or the reserve, while overflowing). */
  wouldOverflow(method: RtMethod, base: number): boolean {
    const end = base + method.maxLocals + method.maxStack;
    if (this.inOverflow) return end > this.slots.length || this.depth >= this.frameLimit + FRAME_RESERVE;
    return end > this.slotLimit || this.depth >= this.frameLimit;
  }
}
