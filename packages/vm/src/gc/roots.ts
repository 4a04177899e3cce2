// Root enumeration: every place outside the heap that can hold a reference, in one function, one
// commented line per source (clox's markRoots). The collector (a later issue) calls it; until then tests
// and heap-verification tools use it.
import type { Vm } from '../runtime/vm.js';

/**
 * Calls `visit(ref)` for every root reference (non-zero). Operand-stack and local slots are conservative
 * for now: every slot of every frame whose value is a valid object address is reported; the verifier's
 * reference maps make this precise (DESIGN 4).
 */
export function enumerateRoots(vm: Vm, visit: (ref: number) => void): void {
  const isRef = (v: number): boolean => v > 0 && Number.isInteger(v) && v < vm.heap.top;
  // Thread stacks: locals and operand stacks of every frame, plus the refs frames keep (pending exceptions, locks).
  for (const t of vm.threads) {
    for (let d = 0; d < t.depth; d++) {
      const f = t.frames[d]!;
      const end = d + 1 < t.depth ? t.frames[d + 1]!.base + t.frames[d + 1]!.method.argSlots : f.sp;
      for (let i = f.base; i < end; i++) if (isRef(t.slots[i]!)) visit(t.slots[i]!);
      if (f.aux !== 0) visit(f.aux);
      if (f.attachCause !== 0) visit(f.attachCause);
      if (f.lockRef !== 0) visit(f.lockRef);
    }
    // The java.lang.Thread object and an uncaught exception waiting to be reported.
    if (t.javaThread !== 0) visit(t.javaThread);
    if (t.uncaught !== 0) visit(t.uncaught);
  }
  // Static fields of every class, and class mirrors.
  for (const c of vm.classes) {
    for (const slot of c.staticRefSlots) if (c.statics[slot] !== 0) visit(c.statics[slot]!);
    if (c.mirror !== 0) visit(c.mirror);
    if (c.initFailure !== undefined && c.initFailure.backtrace !== 0) visit(c.initFailure.backtrace);
  }
  // The string table (ldc constants and interned strings).
  for (const ref of vm.interned.values()) visit(ref);
  // References that ldc has cached in quickened constant-pool entries are strings and mirrors: covered above.
  // Handles held by natives and the VM across allocations.
  for (const ref of vm.handles.live()) if (ref !== 0) visit(ref);
  // Persistent handles of natives that are waiting (Object.wait, stdin reads).
  for (const ref of vm.persistentHandles.live()) if (ref !== 0) visit(ref);
  // Objects whose monitors are in use.
  for (const ref of vm.monitors.lockedObjects()) visit(ref);
}
