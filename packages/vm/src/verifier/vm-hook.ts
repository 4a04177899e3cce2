// Plugging the verifier into the VM's loader (loader/class-loader.ts calls a VerifyHook between loading
// a class and linking it). The hook answers the verifier's class questions from the VM's own loaded
// classes, loading more on demand as HotSpot's verifier does, turns a failure into the guest's
// java.lang.VerifyError (or ClassFormatError) with HotSpot's message, and keeps every verified method's
// reference maps for the garbage collector.
import type { ClassLoaders, VerifyHook } from '../loader/class-loader.js';
import type { DefiningLoader, RtClass, RtMethod } from '../runtime/class-model.js';
import { JavaThrowable } from '../runtime/errors.js';
import type { ClassHierarchy, ClassInfo } from './class-hierarchy.js';
import type { ReferenceMaps } from './reference-maps.js';
import { verifyClass } from './verify-class.js';
import { VerifyError } from './verify-error.js';

/** The reference maps of verified methods, by method. The collector reads them through `get`. */
export class ReferenceMapTable {
  private readonly maps = new WeakMap<RtMethod, ReferenceMaps>();

  get(method: RtMethod): ReferenceMaps | undefined {
    return this.maps.get(method);
  }

  set(method: RtMethod, maps: ReferenceMaps): void {
    this.maps.set(method, maps);
  }
}

export interface VerifyHookOptions {
  /** Where verified methods' maps go. */
  readonly maps: ReferenceMapTable;
  /** Verify the bootstrap loader's classes too (the class library). Default: only application classes. */
  readonly verifyBootstrap?: boolean;
}

/** A VerifyHook for `ClassLoaders.verify`. */
export function createVerifyHook(options: VerifyHookOptions): VerifyHook {
  return (cls: RtClass, loaders: ClassLoaders): void => {
    if (cls.file === undefined || (cls.loader === 'bootstrap' && options.verifyBootstrap !== true)) return;
    let verified;
    try {
      verified = verifyClass(cls.file, new LoaderHierarchy(loaders, cls.loader));
    } catch (e) {
      if (e instanceof VerifyError) throw new JavaThrowable(e.javaClass, e.detail);
      throw e;
    }
    // The loader builds `cls.methods` from the file's methods in order.
    verified.methods.forEach((m, i) => {
      const method = cls.methods[i];
      if (m !== undefined && method !== undefined) options.maps.set(method, m.maps);
    });
  };
}

/** The verifier's view of the VM's classes, as one loader sees them. */
class LoaderHierarchy implements ClassHierarchy {
  private readonly infos = new Map<string, ClassInfo | undefined>();

  constructor(
    private readonly loaders: ClassLoaders,
    private readonly loader: DefiningLoader,
  ) {}

  lookup(name: string): ClassInfo | undefined {
    if (this.infos.has(name)) return this.infos.get(name);
    // Throws the VM's own errors (NoClassDefFoundError when no loader has the class, as HotSpot does).
    const cls = this.loaders.load(name, this.loader);
    const info = infoOf(cls);
    this.infos.set(name, info);
    return info;
  }
}

function infoOf(cls: RtClass): ClassInfo {
  return {
    name: cls.name,
    superName: cls.superClass?.name ?? null,
    isInterface: cls.isInterface,
    memberFlags: (kind, name, descriptor) =>
      kind === 'field' ? cls.findField(name, descriptor)?.flags : cls.findMethod(name, descriptor)?.flags,
  };
}
