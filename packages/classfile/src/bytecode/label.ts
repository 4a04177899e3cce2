/**
 * A position in the code a CodeBuilder is emitting; branches, switches, exception ranges and debug
 * tables refer to labels, and layout gives them their pc.
 */
export class Label {
  private position = -1;
  private bound = false;
  /** Set when the label stands for another one's position (CodeBuilder.alias). */
  private target: Label | undefined;

  constructor(
    /** The builder that made it: a label only means something in its own code. */
    readonly owner: object,
    /** Numbers the builder's labels, for error messages. */
    readonly id: number,
  ) {}

  /** Whether `place` has bound it to a position, or it is an alias (which counts as placed for its owner). */
  get placed(): boolean {
    return this.bound || this.target !== undefined;
  }

  /** Its pc in the laid-out code (an alias's is its target's): valid once the code has been built, -1 before. */
  get pc(): number {
    return this.target === undefined ? this.position : this.target.pc;
  }

  /** Whether the label is placed at a position of its own (not an alias), or an alias whose target is. */
  get resolved(): boolean {
    return this.target === undefined ? this.bound : this.target.resolved;
  }

  /** Whether following aliases from this label reaches `other`. */
  leadsTo(other: Label): boolean {
    for (let l: Label | undefined = this; l !== undefined; l = l.target) if (l === other) return true;
    return false;
  }

  /** Called by the code builder to make this (unplaced) label stand for `target`. */
  aliasTo(target: Label): void {
    this.target = target;
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
