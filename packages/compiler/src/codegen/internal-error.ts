// Failures of the code generator's own assumptions (an unannotated tree, an impossible type). They are
// bugs, not user errors: compile() turns them into an "internal compiler error" diagnostic.
export class InternalCompilerError extends Error {
  override readonly name = 'InternalCompilerError';
}

export function internalError(message: string): InternalCompilerError {
  return new InternalCompilerError(message);
}

export function assertNever(value: never, what: string): never {
  throw new InternalCompilerError(`unexpected ${what}: ${JSON.stringify(value)}`);
}
