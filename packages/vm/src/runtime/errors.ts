// Host-side error types. A JavaThrowable asks the interpreter to raise a guest exception of a named class;
// a VmInternalError is a bug or limit of the VM itself and ends the run with a distinct exit status.

/**
 * Raised by VM code (resolution, natives, the heap) to throw a Java exception in the current guest
 * thread. The interpreter catches it and builds the exception object with its constructor.
 */
export class JavaThrowable extends Error {
  override readonly name = 'JavaThrowable';
  constructor(
    /** Internal name of the exception class, e.g. `java/lang/NoClassDefFoundError`. */
    readonly className: string,
    /** The detail message, or null for none. */
    readonly detail: string | null,
    /** Reference to a cause throwable already in the heap, or 0. */
    readonly causeRef = 0,
    /** Builds a cause to attach after the exception's constructor has run (it resets the cause). */
    readonly attachCause?: () => number,
  ) {
    super(`${className.replace(/\//g, '.')}${detail === null ? '' : `: ${detail}`}`);
  }
}

/** Raised to throw an existing guest exception object (e.g. from a native). */
export class JavaThrowRef extends Error {
  override readonly name = 'JavaThrowRef';
  constructor(readonly ref: number) {
    super('guest exception');
  }
}

/** A failure of the VM itself, not of the guest program. */
export class VmInternalError extends Error {
  override readonly name = 'VmInternalError';
}

/** Exit status the launcher uses for internal VM errors (distinct from the guest's 1 for uncaught exceptions). */
export const EXIT_INTERNAL_ERROR = 70;

export function assertNever(x: never, what = 'value'): never {
  throw new VmInternalError(`unexpected ${what}: ${String(x)}`);
}

/**
 * Raised by a native that has pushed frames the call depends on (class initialisation): the interpreter
 * runs them, then executes the invoke again.
 */
export class ReexecuteAfterFrames extends Error {
  override readonly name = 'ReexecuteAfterFrames';
}
