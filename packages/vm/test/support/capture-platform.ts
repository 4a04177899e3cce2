// A Platform for tests and embedding: output captured in memory, input from a string, class-path
// entries from directories, the runtime image given as bytes.
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Platform, TimerHandle } from '../../src/platform/platform.js';

export class CapturePlatform implements Platform {
  private readonly out: Uint8Array[] = [];
  private readonly err: Uint8Array[] = [];
  private readonly input: Uint8Array;
  private inputOffset = 0;

  constructor(
    private readonly image: Uint8Array | undefined,
    stdin = '',
  ) {
    this.input = new TextEncoder().encode(stdin);
  }

  writeStdout(bytes: Uint8Array): void {
    this.out.push(bytes.slice());
  }
  writeStderr(bytes: Uint8Array): void {
    this.err.push(bytes.slice());
  }
  readStdin(max: number): Promise<Uint8Array> {
    const end = Math.min(this.input.length, this.inputOffset + max);
    const chunk = this.input.subarray(this.inputOffset, end);
    this.inputOffset = end;
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
    try {
      const p = join(entry, relativePath);
      return statSync(p).isFile() ? readFileSync(p) : undefined;
    } catch {
      return undefined;
    }
  }
  readRuntimeImage(): Uint8Array | undefined {
    return this.image;
  }
  exit(): void {}

  get stdout(): string {
    return new TextDecoder().decode(Buffer.concat(this.out));
  }
  get stderr(): string {
    return new TextDecoder().decode(Buffer.concat(this.err));
  }
}
