/**
 * A position in the code a CodeBuilder is emitting; branches, switches, exception ranges and debug
 * tables refer to labels, and layout gives them their pc.
 */
export class Label {
  private position = -1;
  private bound = false;

  constructor(
    /** The builder that made it: a label only means something in its own code. */
    readonly owner: object,
    /** Numbers the builder's labels, for error messages. */
    readonly id: number,
  ) {}

  /** Whether `place` has bound it to a position. */
  get placed(): boolean {
    return this.bound;
  }

  /** Its pc in the laid-out code: valid once the code has been built, -1 before. */
  get pc(): number {
    return this.position;
  }

  /** Called by the code builder when it places the label. */
  markPlaced(): void {
    this.bound = true;
  }

  /** Called by layout each time it assigns pcs. */
  assignPc(pc: number): void {
    this.position = pc;
  }
}
