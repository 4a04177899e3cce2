/**
 * Thrown for any malformed class file: truncated, corrupt or inconsistent. The message says what is
 * wrong and `offset` says at which byte of the file it was found, when one applies. The VM turns it into
 * the guest's java.lang.ClassFormatError.
 */
export class ClassFormatError extends Error {
  override readonly name = 'ClassFormatError';

  constructor(
    readonly detail: string,
    readonly offset?: number,
  ) {
    super(offset === undefined ? detail : `${detail} (at byte offset ${offset})`);
  }
}
