/**
 * Thrown for any malformed class file: truncated, corrupt or inconsistent. The message says what is
 * wrong and `offset` says at which byte of the file it was found, when one applies. The VM turns it into
 * the guest's java.lang.ClassFormatError.
 */
export class ClassFormatError extends Error {
  override readonly name: string = 'ClassFormatError';

  constructor(
    readonly detail: string,
    readonly offset?: number,
  ) {
    super(offset === undefined ? detail : `${detail} (at byte offset ${offset})`);
  }
}

/**
 * A well-formed header naming a version this reader does not support (JVMS 4.1: above 61.0, below 45, or
 * a non-zero minor version other than the preview marker 65535 for major 56 and above). The VM maps it to
 * java.lang.UnsupportedClassVersionError, which HotSpot also throws for these files.
 */
export class UnsupportedClassVersionError extends ClassFormatError {
  override readonly name: string = 'UnsupportedClassVersionError';

  constructor(
    readonly majorVersion: number,
    readonly minorVersion: number,
    offset: number,
  ) {
    super(`Unsupported class file version ${majorVersion}.${minorVersion} (this reader supports 45.0 to 61.0)`, offset);
  }
}
