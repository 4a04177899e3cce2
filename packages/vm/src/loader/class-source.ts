// Where class bytes come from. The bootstrap loader reads the runtime image; the application loader reads
// a class path of directories. Both go through the Platform, so the VM needs no file system of its own.
import type { Platform } from '../platform/platform.js';
import { readRuntimeImage } from '@oakvm/classfile';

export interface ClassSource {
  /** The bytes of class `name` (internal form, `pkg/Name`), or undefined when this source lacks it. */
  find(name: string): Uint8Array | undefined;
}

/**
 * The runtime image, read and indexed once on first use. `checksum: false` (an image this installation
 * built, see `Platform.runtimeImageTrusted`) skips the whole-image CRC-32.
 */
export class ImageSource implements ClassSource {
  private entries: Map<string, Uint8Array> | undefined;

  constructor(
    private readonly load: () => Uint8Array | undefined,
    private readonly checksum = true,
  ) {}

  /** The image source a VM on `platform` uses by default. */
  static of(platform: Platform): ImageSource {
    return new ImageSource(() => platform.readRuntimeImage(), platform.runtimeImageTrusted !== true);
  }

  find(name: string): Uint8Array | undefined {
    if (this.entries === undefined) {
      const bytes = this.load();
      this.entries = bytes === undefined ? new Map() : readRuntimeImage(bytes, { trusted: !this.checksum });
    }
    return this.entries.get(name);
  }
}

/** Classes already in memory (tests, the source launcher's compiled output, embedders). */
export class MemorySource implements ClassSource {
  constructor(private readonly classes: ReadonlyMap<string, Uint8Array>) {}

  find(name: string): Uint8Array | undefined {
    return this.classes.get(name);
  }
}

/** A class path of directories, searched in order. */
export class ClassPathSource implements ClassSource {
  constructor(
    private readonly platform: Platform,
    private readonly entries: readonly string[],
  ) {}

  find(name: string): Uint8Array | undefined {
    for (const entry of this.entries) {
      const bytes = this.platform.readClassPathFile(entry, `${name}.class`);
      if (bytes !== undefined) return bytes;
    }
    return undefined;
  }
}

/** Several sources searched in order. */
export class ChainedSource implements ClassSource {
  constructor(private readonly sources: readonly ClassSource[]) {}

  find(name: string): Uint8Array | undefined {
    for (const s of this.sources) {
      const bytes = s.find(name);
      if (bytes !== undefined) return bytes;
    }
    return undefined;
  }
}
