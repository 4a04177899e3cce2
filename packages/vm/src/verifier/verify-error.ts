// The verifier's one error type. Its `detail` is exactly the text HotSpot's type-inferring verifier
// (libverify's check_code.c, used for class files before version 50) gives java.lang.VerifyError:
//   (class: Foo, method: bar signature: (I)V) Expecting to find integer on stack
// HotSpot's text has no bytecode offset, so the offset travels separately in `bci` and in the host-side
// `message`, where logs and tests can see it without changing what a guest program prints.

/** Where in a class a verification failure was found. */
export interface VerifyLocation {
  /** Internal name of the class being verified ("pkg/Foo"). */
  readonly className: string;
  /** The method's name and descriptor, when the failure is inside a method. */
  readonly methodName?: string;
  readonly descriptor?: string;
  /** Offset of the offending instruction in the method's code, when one instruction is at fault. */
  readonly bci?: number;
}

/**
 * The java.lang error the VM raises for a failure: VerifyError, or ClassFormatError for the few checks
 * HotSpot's verifier reports as format errors (a malformed exception table).
 */
export type VerifyErrorClass = 'java/lang/VerifyError' | 'java/lang/ClassFormatError';

export class VerifyError extends Error {
  override readonly name = 'VerifyError';
  /** The guest-visible message: HotSpot's prefix naming class, method and signature, then the reason. */
  readonly detail: string;

  constructor(
    readonly location: VerifyLocation,
    /** The reason alone, one of HotSpot's texts ("Expecting to find integer on stack"). */
    readonly reason: string,
    readonly javaClass: VerifyErrorClass = 'java/lang/VerifyError',
  ) {
    const detail = `${prefixOf(location)}${reason}`;
    super(location.bci === undefined ? detail : `${detail} (at bci ${location.bci})`);
    this.detail = detail;
  }

  get bci(): number | undefined {
    return this.location.bci;
  }
}

/** HotSpot names the class in internal form, with slashes. */
function prefixOf(at: VerifyLocation): string {
  const cls = at.className;
  if (at.methodName === undefined) return `(class: ${cls}) `;
  return `(class: ${cls}, method: ${at.methodName} signature: ${at.descriptor ?? ''}) `;
}
