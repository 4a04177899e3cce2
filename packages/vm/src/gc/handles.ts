// Handles: a stack of references that host code (natives, the VM's own allocation sequences) holds
// across an allocation. Once the collector moves objects, it updates these slots, so host code must read
// a reference back through `get` after any allocation (Wren's wrenPushRoot, HotSpot's HandleMark).

export class Handles {
  private slots = new Int32Array(256);
  private top = 0;

  /** Pushes `ref` and returns its handle index. */
  push(ref: number): number {
    if (this.top === this.slots.length) {
      const bigger = new Int32Array(this.slots.length * 2);
      bigger.set(this.slots);
      this.slots = bigger;
    }
    this.slots[this.top] = ref;
    return this.top++;
  }

  get(handle: number): number {
    return this.slots[handle]!;
  }

  /** Releases `handle` and every handle pushed after it. */
  pop(handle: number): void {
    this.top = handle;
  }

  /** The live handle slots, for root enumeration. */
  live(): Int32Array {
    return this.slots.subarray(0, this.top);
  }
}

/**
 * Handles that outlive a native call (JNI's global references): a native that waits (Object.wait, a
 * read from stdin) keeps its references here, because stack handles of different green threads would be
 * released out of order. Each must be freed explicitly.
 */
export class PersistentHandles {
  private readonly refs = new Map<number, number>();
  private next = 1;

  add(ref: number): number {
    const id = this.next++;
    this.refs.set(id, ref);
    return id;
  }

  get(id: number): number {
    return this.refs.get(id) ?? 0;
  }

  free(id: number): void {
    this.refs.delete(id);
  }

  /** The live references, for root enumeration. */
  live(): IterableIterator<number> {
    return this.refs.values();
  }
}
