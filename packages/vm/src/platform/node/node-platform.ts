// The Node.js adapter of the Platform interface: the only place in the VM that touches `node:` modules
// (apart from the launcher).
import { readFileSync, writeSync, existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Platform, TimerHandle } from '../platform.js';

export interface NodePlatformOptions {
  /** Path of the runtime image; by default the class library's built image next to this package. */
  imagePath?: string;
}

/** Default location of the class-library image relative to this module, both in src and in dist. */
function defaultImagePath(): string | undefined {
  const candidates = [
    './classlib.img',
    '../../../../classlib/dist/classlib.img',
    '../../classlib/dist/classlib.img',
    '../../../classlib/dist/classlib.img',
  ];
  for (const rel of candidates) {
    const p = fileURLToPath(new URL(rel, import.meta.url));
    if (existsSync(p)) return p;
  }
  return undefined;
}

function writeAll(fd: number, bytes: Uint8Array): void {
  let off = 0;
  while (off < bytes.length) {
    try {
      off += writeSync(fd, bytes, off, bytes.length - off);
    } catch (e) {
      // A non-blocking pipe may be momentarily full; retry rather than lose output.
      if ((e as NodeJS.ErrnoException).code === 'EAGAIN') continue;
      if ((e as NodeJS.ErrnoException).code === 'EPIPE') return;
      throw e;
    }
  }
}

/**
 * A Node Buffer as a plain Uint8Array over the same memory: the class-file reader slices what it is given,
 * and Buffer's own `subarray` costs several times the built-in one (13 ms of a 100 ms start in profiles).
 */
function plainBytes(b: Buffer): Uint8Array {
  return new Uint8Array(b.buffer, b.byteOffset, b.byteLength);
}

export class NodePlatform implements Platform {
  private readonly imagePath: string | undefined;
  /** The image found next to the VM was written by our own build; one named by the embedder is checked. */
  readonly runtimeImageTrusted: boolean;
  private stdinBuffer: Uint8Array | undefined;
  private stdinOffset = 0;

  constructor(options: NodePlatformOptions = {}) {
    this.imagePath = options.imagePath ?? defaultImagePath();
    this.runtimeImageTrusted = options.imagePath === undefined;
  }

  writeStdout(bytes: Uint8Array): void {
    writeAll(1, bytes);
  }

  writeStderr(bytes: Uint8Array): void {
    writeAll(2, bytes);
  }

  readStdin(max: number): Promise<Uint8Array> {
    // Standard input is read whole on first use: simple and adequate for batch programs.
    if (this.stdinBuffer === undefined) {
      try {
        this.stdinBuffer = readFileSync(0);
      } catch {
        this.stdinBuffer = new Uint8Array(0);
      }
    }
    const end = Math.min(this.stdinBuffer.length, this.stdinOffset + max);
    const chunk = this.stdinBuffer.subarray(this.stdinOffset, end);
    this.stdinOffset = end;
    return Promise.resolve(chunk);
  }

  currentTimeMillis(): number {
    return Date.now();
  }

  nanoTime(): number {
    return Number(process.hrtime.bigint());
  }

  setTimer(ms: number, callback: () => void): TimerHandle {
    const t = setTimeout(callback, ms);
    return { cancel: () => clearTimeout(t) };
  }

  yieldToHost(callback: () => void): void {
    setImmediate(callback);
  }

  readClassPathFile(entry: string, relativePath: string): Uint8Array | undefined {
    const full = join(entry, relativePath);
    try {
      if (!statSync(full).isFile()) return undefined;
      return plainBytes(readFileSync(full));
    } catch {
      return undefined;
    }
  }

  readRuntimeImage(): Uint8Array | undefined {
    if (this.imagePath === undefined) return undefined;
    try {
      return plainBytes(readFileSync(this.imagePath));
    } catch {
      return undefined;
    }
  }

  exit(status: number): void {
    process.exit(status);
  }
}
