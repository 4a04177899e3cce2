// The VM core's only window on the outside world (DESIGN 8). Everything the guest can observe about the
// host (output, input, time, class files, exit) goes through this interface, so the core runs unchanged
// under Node, in a browser or inside an embedding host.

/** A cancellable timer returned by `Platform.setTimer`. */
export interface TimerHandle {
  cancel(): void;
}

export interface Platform {
  /** Writes raw bytes to standard output (fd 1). */
  writeStdout(bytes: Uint8Array): void;
  /** Writes raw bytes to standard error (fd 2). */
  writeStderr(bytes: Uint8Array): void;
  /**
   * Reads up to `max` bytes of standard input. Resolves to an empty array at end of input. Only the
   * guest thread that asked waits for it.
   */
  readStdin(max: number): Promise<Uint8Array>;
  /** Wall-clock milliseconds since the Unix epoch (System.currentTimeMillis). */
  currentTimeMillis(): number;
  /** A monotonic clock in nanoseconds, as a double (System.nanoTime). */
  nanoTime(): number;
  /** Calls `callback` once after `ms` milliseconds. */
  setTimer(ms: number, callback: () => void): TimerHandle;
  /**
   * Yields to the host event loop and resumes soon after, without the 4 ms clamp of setTimeout(0).
   */
  yieldToHost(callback: () => void): void;
  /**
   * Reads `relativePath` (for example `pkg/Main.class`) from a class-path entry. Resolves to undefined when
   * the entry has no such file.
   */
  readClassPathFile(entry: string, relativePath: string): Uint8Array | undefined;
  /** Bytes of the bootstrap runtime image (the class library), or undefined when none is bundled. */
  readRuntimeImage(): Uint8Array | undefined;
  /**
   * True when that image is the one this installation's build wrote, so the VM may skip checksumming it
   * at every start; absent or false (an image from elsewhere) has it checked.
   */
  readonly runtimeImageTrusted?: boolean;
  /** Flushes output and ends the process (or the embedding session) with `status`. */
  exit(status: number): void;
}
