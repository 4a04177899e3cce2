import { ClassFormatError } from '../errors.js';

/** Marks a switch as exhaustive: adding a variant to the model makes the call site fail to type-check. */
export function assertNever(x: never): never {
  throw new ClassFormatError(`Unexpected model value ${JSON.stringify(x)}`);
}
