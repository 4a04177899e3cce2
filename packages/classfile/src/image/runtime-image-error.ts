/**
 * Thrown by `readRuntimeImage` for a malformed image: truncated, corrupt or inconsistent. Like
 * ClassFormatError it says what is wrong and, where one applies, at which byte offset of the image.
 */
export class RuntimeImageError extends Error {
  override readonly name = 'RuntimeImageError';

  constructor(
    readonly detail: string,
    readonly offset?: number,
  ) {
    super(offset === undefined ? detail : `${detail} (at byte offset ${offset})`);
  }
}
