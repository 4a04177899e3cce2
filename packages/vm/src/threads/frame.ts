// An activation record. Frames are windows into their thread's slot array: `base` is where the locals
// start (the caller's outgoing arguments become the callee's first locals, as in HotSpot), the operand
// stack follows the locals, and `sp` is the next free slot. Frame objects are pooled per thread and reused
// by depth, so a call allocates nothing.
import type { RtClass, RtMethod } from '../runtime/class-model.js';

/** What happens when a frame finishes: the VM pushes some frames on its own behalf. */
export const FRAME_NORMAL = 0;
/** Running <clinit> for `initClass`: on return the class is initialised and the caller's instruction re-executes. */
export const FRAME_CLINIT = 1;
/** Constructor of a VM-raised exception (`aux` is the object): on return it is thrown in the caller. */
export const FRAME_THROW_ON_RETURN = 2;
/** Called by the VM on behalf of host code: the result or exception goes to `callback`. */
export const FRAME_CALLBACK = 3;

export interface FrameCallback {
  /** Receives the result slots (low word first for long). */
  onReturn(result: number, resultHigh: number): void;
  /** Receives the exception; returning true means the callback handled it and the thread goes on. */
  onThrow(exception: number): boolean;
}

export class Frame {
  method!: RtMethod;
  pc = 0;
  /** Where execution continues when the call at `pc` returns. */
  nextPc = 0;
  /** First local's slot. */
  base = 0;
  /** Next free operand-stack slot (saved only when the frame is not running). */
  sp = 0;
  kind = FRAME_NORMAL;
  /** A heap reference the frame keeps alive: the exception of FRAME_THROW_ON_RETURN. */
  aux = 0;
  /** FRAME_THROW_ON_RETURN: a cause to set on `aux` once its constructor has run, or 0. */
  attachCause = 0;
  /** FRAME_THROW_ON_RETURN: the native method that raised the exception (its stack trace starts there). */
  nativeTop: RtMethod | undefined;
  /** The object whose monitor a synchronized method holds, or 0. */
  lockRef = 0;
  /**
   * For a synchronized method the VM called (not the interpreter): the monitor to enter before the first
   * instruction, or 0. Entering may block, so it happens in the run loop.
   */
  pendingLock = 0;
  initClass: RtClass | undefined;
  callback: FrameCallback | undefined;
}
