// The one JVM opcode table (JVMS chapter 6; DESIGN decision 2). Every other part that needs to know about
// an instruction (decoder, encoder, code builder's max_stack, verifier, disassembler, the VM's
// interpreter) derives it from `DEFINITIONS` below rather than keeping its own list.

/** How an instruction's operand bytes are laid out after the opcode byte. */
export type OperandFormat =
  /** No operands. */
  | 'none'
  /** u1 local-variable index (u2 under `wide`). */
  | 'local_u1'
  /** Signed byte immediate (bipush). */
  | 's1'
  /** Signed 16-bit immediate (sipush). */
  | 's2'
  /** u1 constant-pool index (ldc). */
  | 'cp_u1'
  /** u2 constant-pool index. */
  | 'cp_u2'
  /** Signed 16-bit branch offset relative to the opcode's pc. */
  | 'branch_s2'
  /** Signed 32-bit branch offset relative to the opcode's pc. */
  | 'branch_s4'
  /** u1 local index, s1 increment (u2, s2 under `wide`). */
  | 'iinc'
  /** u1 primitive array type code (JVMS table 6.5.newarray-A). */
  | 'newarray'
  /** 0-3 padding bytes to a 4-byte boundary, s4 default, s4 low, s4 high, (high-low+1) s4 offsets. */
  | 'tableswitch'
  /** 0-3 padding bytes, s4 default, s4 npairs, npairs (s4 match, s4 offset) sorted by match. */
  | 'lookupswitch'
  /** u2 constant-pool index, u1 count, u1 zero. */
  | 'invokeinterface'
  /** u2 constant-pool index, two zero bytes. */
  | 'invokedynamic'
  /** u2 constant-pool index, u1 dimensions. */
  | 'multianewarray'
  /** The modified opcode byte, then its operands with a u2 index (and s2 increment for iinc). */
  | 'wide';

/**
 * Operand-stack effect in slots (long and double take two). Instructions whose effect depends on a
 * descriptor in the constant pool or an operand say which, so a caller computes it (see stack-effect.ts).
 */
export type StackEffect =
  | { readonly kind: 'fixed'; readonly pop: number; readonly push: number }
  /** get/put field or static: the field descriptor gives the value's size. */
  | { readonly kind: 'field'; readonly isStatic: boolean; readonly isPut: boolean }
  /** invoke*: the method descriptor gives arguments and result; `hasReceiver` adds the object reference. */
  | { readonly kind: 'invoke'; readonly hasReceiver: boolean }
  /** multianewarray: pops its dimensions operand's count of ints, pushes the array. */
  | { readonly kind: 'multianewarray' }
  /** wide: the effect is the modified instruction's. */
  | { readonly kind: 'wide' };

/** Where control goes after the instruction. */
export type ControlFlow =
  /** To the next instruction. */
  | 'next'
  /** To the next instruction or to the branch target. */
  | 'branch'
  /** Only to the branch target (goto, goto_w). */
  | 'goto'
  /** To the target with a return address pushed; the subroutine's `ret` resumes at the next instruction. */
  | 'jsr'
  /** To the address held in a local variable. */
  | 'ret'
  /** To one of the switch's targets. */
  | 'switch'
  /** Out of the method (x-return). */
  | 'return'
  /** To a handler or out of the method. */
  | 'throw';

type StackSpec =
  | readonly [pop: number, push: number]
  | 'getstatic'
  | 'putstatic'
  | 'getfield'
  | 'putfield'
  | 'invoke'
  | 'invokestatic'
  | 'multianewarray'
  | 'wide';

interface Definition {
  readonly code: number;
  readonly format: OperandFormat;
  readonly stack: StackSpec;
  /** HotSpot's can_trap: whether executing it may raise an exception (including linkage errors). */
  readonly throws?: true;
  readonly flow?: ControlFlow;
}

const DEFINITIONS = {
  nop: { code: 0x00, format: 'none', stack: [0, 0] },
  aconst_null: { code: 0x01, format: 'none', stack: [0, 1] },
  iconst_m1: { code: 0x02, format: 'none', stack: [0, 1] },
  iconst_0: { code: 0x03, format: 'none', stack: [0, 1] },
  iconst_1: { code: 0x04, format: 'none', stack: [0, 1] },
  iconst_2: { code: 0x05, format: 'none', stack: [0, 1] },
  iconst_3: { code: 0x06, format: 'none', stack: [0, 1] },
  iconst_4: { code: 0x07, format: 'none', stack: [0, 1] },
  iconst_5: { code: 0x08, format: 'none', stack: [0, 1] },
  lconst_0: { code: 0x09, format: 'none', stack: [0, 2] },
  lconst_1: { code: 0x0a, format: 'none', stack: [0, 2] },
  fconst_0: { code: 0x0b, format: 'none', stack: [0, 1] },
  fconst_1: { code: 0x0c, format: 'none', stack: [0, 1] },
  fconst_2: { code: 0x0d, format: 'none', stack: [0, 1] },
  dconst_0: { code: 0x0e, format: 'none', stack: [0, 2] },
  dconst_1: { code: 0x0f, format: 'none', stack: [0, 2] },
  bipush: { code: 0x10, format: 's1', stack: [0, 1] },
  sipush: { code: 0x11, format: 's2', stack: [0, 1] },
  // ldc of a Class, MethodType, MethodHandle or Dynamic constant resolves it, which can fail.
  ldc: { code: 0x12, format: 'cp_u1', stack: [0, 1], throws: true },
  ldc_w: { code: 0x13, format: 'cp_u2', stack: [0, 1], throws: true },
  ldc2_w: { code: 0x14, format: 'cp_u2', stack: [0, 2], throws: true },
  iload: { code: 0x15, format: 'local_u1', stack: [0, 1] },
  lload: { code: 0x16, format: 'local_u1', stack: [0, 2] },
  fload: { code: 0x17, format: 'local_u1', stack: [0, 1] },
  dload: { code: 0x18, format: 'local_u1', stack: [0, 2] },
  aload: { code: 0x19, format: 'local_u1', stack: [0, 1] },
  iload_0: { code: 0x1a, format: 'none', stack: [0, 1] },
  iload_1: { code: 0x1b, format: 'none', stack: [0, 1] },
  iload_2: { code: 0x1c, format: 'none', stack: [0, 1] },
  iload_3: { code: 0x1d, format: 'none', stack: [0, 1] },
  lload_0: { code: 0x1e, format: 'none', stack: [0, 2] },
  lload_1: { code: 0x1f, format: 'none', stack: [0, 2] },
  lload_2: { code: 0x20, format: 'none', stack: [0, 2] },
  lload_3: { code: 0x21, format: 'none', stack: [0, 2] },
  fload_0: { code: 0x22, format: 'none', stack: [0, 1] },
  fload_1: { code: 0x23, format: 'none', stack: [0, 1] },
  fload_2: { code: 0x24, format: 'none', stack: [0, 1] },
  fload_3: { code: 0x25, format: 'none', stack: [0, 1] },
  dload_0: { code: 0x26, format: 'none', stack: [0, 2] },
  dload_1: { code: 0x27, format: 'none', stack: [0, 2] },
  dload_2: { code: 0x28, format: 'none', stack: [0, 2] },
  dload_3: { code: 0x29, format: 'none', stack: [0, 2] },
  aload_0: { code: 0x2a, format: 'none', stack: [0, 1] },
  aload_1: { code: 0x2b, format: 'none', stack: [0, 1] },
  aload_2: { code: 0x2c, format: 'none', stack: [0, 1] },
  aload_3: { code: 0x2d, format: 'none', stack: [0, 1] },
  iaload: { code: 0x2e, format: 'none', stack: [2, 1], throws: true },
  laload: { code: 0x2f, format: 'none', stack: [2, 2], throws: true },
  faload: { code: 0x30, format: 'none', stack: [2, 1], throws: true },
  daload: { code: 0x31, format: 'none', stack: [2, 2], throws: true },
  aaload: { code: 0x32, format: 'none', stack: [2, 1], throws: true },
  baload: { code: 0x33, format: 'none', stack: [2, 1], throws: true },
  caload: { code: 0x34, format: 'none', stack: [2, 1], throws: true },
  saload: { code: 0x35, format: 'none', stack: [2, 1], throws: true },
  istore: { code: 0x36, format: 'local_u1', stack: [1, 0] },
  lstore: { code: 0x37, format: 'local_u1', stack: [2, 0] },
  fstore: { code: 0x38, format: 'local_u1', stack: [1, 0] },
  dstore: { code: 0x39, format: 'local_u1', stack: [2, 0] },
  astore: { code: 0x3a, format: 'local_u1', stack: [1, 0] },
  istore_0: { code: 0x3b, format: 'none', stack: [1, 0] },
  istore_1: { code: 0x3c, format: 'none', stack: [1, 0] },
  istore_2: { code: 0x3d, format: 'none', stack: [1, 0] },
  istore_3: { code: 0x3e, format: 'none', stack: [1, 0] },
  lstore_0: { code: 0x3f, format: 'none', stack: [2, 0] },
  lstore_1: { code: 0x40, format: 'none', stack: [2, 0] },
  lstore_2: { code: 0x41, format: 'none', stack: [2, 0] },
  lstore_3: { code: 0x42, format: 'none', stack: [2, 0] },
  fstore_0: { code: 0x43, format: 'none', stack: [1, 0] },
  fstore_1: { code: 0x44, format: 'none', stack: [1, 0] },
  fstore_2: { code: 0x45, format: 'none', stack: [1, 0] },
  fstore_3: { code: 0x46, format: 'none', stack: [1, 0] },
  dstore_0: { code: 0x47, format: 'none', stack: [2, 0] },
  dstore_1: { code: 0x48, format: 'none', stack: [2, 0] },
  dstore_2: { code: 0x49, format: 'none', stack: [2, 0] },
  dstore_3: { code: 0x4a, format: 'none', stack: [2, 0] },
  astore_0: { code: 0x4b, format: 'none', stack: [1, 0] },
  astore_1: { code: 0x4c, format: 'none', stack: [1, 0] },
  astore_2: { code: 0x4d, format: 'none', stack: [1, 0] },
  astore_3: { code: 0x4e, format: 'none', stack: [1, 0] },
  iastore: { code: 0x4f, format: 'none', stack: [3, 0], throws: true },
  lastore: { code: 0x50, format: 'none', stack: [4, 0], throws: true },
  fastore: { code: 0x51, format: 'none', stack: [3, 0], throws: true },
  dastore: { code: 0x52, format: 'none', stack: [4, 0], throws: true },
  aastore: { code: 0x53, format: 'none', stack: [3, 0], throws: true },
  bastore: { code: 0x54, format: 'none', stack: [3, 0], throws: true },
  castore: { code: 0x55, format: 'none', stack: [3, 0], throws: true },
  sastore: { code: 0x56, format: 'none', stack: [3, 0], throws: true },
  pop: { code: 0x57, format: 'none', stack: [1, 0] },
  pop2: { code: 0x58, format: 'none', stack: [2, 0] },
  dup: { code: 0x59, format: 'none', stack: [1, 2] },
  dup_x1: { code: 0x5a, format: 'none', stack: [2, 3] },
  dup_x2: { code: 0x5b, format: 'none', stack: [3, 4] },
  dup2: { code: 0x5c, format: 'none', stack: [2, 4] },
  dup2_x1: { code: 0x5d, format: 'none', stack: [3, 5] },
  dup2_x2: { code: 0x5e, format: 'none', stack: [4, 6] },
  swap: { code: 0x5f, format: 'none', stack: [2, 2] },
  iadd: { code: 0x60, format: 'none', stack: [2, 1] },
  ladd: { code: 0x61, format: 'none', stack: [4, 2] },
  fadd: { code: 0x62, format: 'none', stack: [2, 1] },
  dadd: { code: 0x63, format: 'none', stack: [4, 2] },
  isub: { code: 0x64, format: 'none', stack: [2, 1] },
  lsub: { code: 0x65, format: 'none', stack: [4, 2] },
  fsub: { code: 0x66, format: 'none', stack: [2, 1] },
  dsub: { code: 0x67, format: 'none', stack: [4, 2] },
  imul: { code: 0x68, format: 'none', stack: [2, 1] },
  lmul: { code: 0x69, format: 'none', stack: [4, 2] },
  fmul: { code: 0x6a, format: 'none', stack: [2, 1] },
  dmul: { code: 0x6b, format: 'none', stack: [4, 2] },
  idiv: { code: 0x6c, format: 'none', stack: [2, 1], throws: true },
  ldiv: { code: 0x6d, format: 'none', stack: [4, 2], throws: true },
  fdiv: { code: 0x6e, format: 'none', stack: [2, 1] },
  ddiv: { code: 0x6f, format: 'none', stack: [4, 2] },
  irem: { code: 0x70, format: 'none', stack: [2, 1], throws: true },
  lrem: { code: 0x71, format: 'none', stack: [4, 2], throws: true },
  frem: { code: 0x72, format: 'none', stack: [2, 1] },
  drem: { code: 0x73, format: 'none', stack: [4, 2] },
  ineg: { code: 0x74, format: 'none', stack: [1, 1] },
  lneg: { code: 0x75, format: 'none', stack: [2, 2] },
  fneg: { code: 0x76, format: 'none', stack: [1, 1] },
  dneg: { code: 0x77, format: 'none', stack: [2, 2] },
  ishl: { code: 0x78, format: 'none', stack: [2, 1] },
  lshl: { code: 0x79, format: 'none', stack: [3, 2] },
  ishr: { code: 0x7a, format: 'none', stack: [2, 1] },
  lshr: { code: 0x7b, format: 'none', stack: [3, 2] },
  iushr: { code: 0x7c, format: 'none', stack: [2, 1] },
  lushr: { code: 0x7d, format: 'none', stack: [3, 2] },
  iand: { code: 0x7e, format: 'none', stack: [2, 1] },
  land: { code: 0x7f, format: 'none', stack: [4, 2] },
  ior: { code: 0x80, format: 'none', stack: [2, 1] },
  lor: { code: 0x81, format: 'none', stack: [4, 2] },
  ixor: { code: 0x82, format: 'none', stack: [2, 1] },
  lxor: { code: 0x83, format: 'none', stack: [4, 2] },
  iinc: { code: 0x84, format: 'iinc', stack: [0, 0] },
  i2l: { code: 0x85, format: 'none', stack: [1, 2] },
  i2f: { code: 0x86, format: 'none', stack: [1, 1] },
  i2d: { code: 0x87, format: 'none', stack: [1, 2] },
  l2i: { code: 0x88, format: 'none', stack: [2, 1] },
  l2f: { code: 0x89, format: 'none', stack: [2, 1] },
  l2d: { code: 0x8a, format: 'none', stack: [2, 2] },
  f2i: { code: 0x8b, format: 'none', stack: [1, 1] },
  f2l: { code: 0x8c, format: 'none', stack: [1, 2] },
  f2d: { code: 0x8d, format: 'none', stack: [1, 2] },
  d2i: { code: 0x8e, format: 'none', stack: [2, 1] },
  d2l: { code: 0x8f, format: 'none', stack: [2, 2] },
  d2f: { code: 0x90, format: 'none', stack: [2, 1] },
  i2b: { code: 0x91, format: 'none', stack: [1, 1] },
  i2c: { code: 0x92, format: 'none', stack: [1, 1] },
  i2s: { code: 0x93, format: 'none', stack: [1, 1] },
  lcmp: { code: 0x94, format: 'none', stack: [4, 1] },
  fcmpl: { code: 0x95, format: 'none', stack: [2, 1] },
  fcmpg: { code: 0x96, format: 'none', stack: [2, 1] },
  dcmpl: { code: 0x97, format: 'none', stack: [4, 1] },
  dcmpg: { code: 0x98, format: 'none', stack: [4, 1] },
  ifeq: { code: 0x99, format: 'branch_s2', stack: [1, 0], flow: 'branch' },
  ifne: { code: 0x9a, format: 'branch_s2', stack: [1, 0], flow: 'branch' },
  iflt: { code: 0x9b, format: 'branch_s2', stack: [1, 0], flow: 'branch' },
  ifge: { code: 0x9c, format: 'branch_s2', stack: [1, 0], flow: 'branch' },
  ifgt: { code: 0x9d, format: 'branch_s2', stack: [1, 0], flow: 'branch' },
  ifle: { code: 0x9e, format: 'branch_s2', stack: [1, 0], flow: 'branch' },
  if_icmpeq: { code: 0x9f, format: 'branch_s2', stack: [2, 0], flow: 'branch' },
  if_icmpne: { code: 0xa0, format: 'branch_s2', stack: [2, 0], flow: 'branch' },
  if_icmplt: { code: 0xa1, format: 'branch_s2', stack: [2, 0], flow: 'branch' },
  if_icmpge: { code: 0xa2, format: 'branch_s2', stack: [2, 0], flow: 'branch' },
  if_icmpgt: { code: 0xa3, format: 'branch_s2', stack: [2, 0], flow: 'branch' },
  if_icmple: { code: 0xa4, format: 'branch_s2', stack: [2, 0], flow: 'branch' },
  if_acmpeq: { code: 0xa5, format: 'branch_s2', stack: [2, 0], flow: 'branch' },
  if_acmpne: { code: 0xa6, format: 'branch_s2', stack: [2, 0], flow: 'branch' },
  goto: { code: 0xa7, format: 'branch_s2', stack: [0, 0], flow: 'goto' },
  jsr: { code: 0xa8, format: 'branch_s2', stack: [0, 1], flow: 'jsr' },
  ret: { code: 0xa9, format: 'local_u1', stack: [0, 0], flow: 'ret' },
  tableswitch: { code: 0xaa, format: 'tableswitch', stack: [1, 0], flow: 'switch' },
  lookupswitch: { code: 0xab, format: 'lookupswitch', stack: [1, 0], flow: 'switch' },
  // A return can raise IllegalMonitorStateException when monitors are unbalanced (JVMS 2.11.10).
  ireturn: { code: 0xac, format: 'none', stack: [1, 0], throws: true, flow: 'return' },
  lreturn: { code: 0xad, format: 'none', stack: [2, 0], throws: true, flow: 'return' },
  freturn: { code: 0xae, format: 'none', stack: [1, 0], throws: true, flow: 'return' },
  dreturn: { code: 0xaf, format: 'none', stack: [2, 0], throws: true, flow: 'return' },
  areturn: { code: 0xb0, format: 'none', stack: [1, 0], throws: true, flow: 'return' },
  return: { code: 0xb1, format: 'none', stack: [0, 0], throws: true, flow: 'return' },
  getstatic: { code: 0xb2, format: 'cp_u2', stack: 'getstatic', throws: true },
  putstatic: { code: 0xb3, format: 'cp_u2', stack: 'putstatic', throws: true },
  getfield: { code: 0xb4, format: 'cp_u2', stack: 'getfield', throws: true },
  putfield: { code: 0xb5, format: 'cp_u2', stack: 'putfield', throws: true },
  invokevirtual: { code: 0xb6, format: 'cp_u2', stack: 'invoke', throws: true },
  invokespecial: { code: 0xb7, format: 'cp_u2', stack: 'invoke', throws: true },
  invokestatic: { code: 0xb8, format: 'cp_u2', stack: 'invokestatic', throws: true },
  invokeinterface: { code: 0xb9, format: 'invokeinterface', stack: 'invoke', throws: true },
  invokedynamic: { code: 0xba, format: 'invokedynamic', stack: 'invokestatic', throws: true },
  new: { code: 0xbb, format: 'cp_u2', stack: [0, 1], throws: true },
  newarray: { code: 0xbc, format: 'newarray', stack: [1, 1], throws: true },
  anewarray: { code: 0xbd, format: 'cp_u2', stack: [1, 1], throws: true },
  arraylength: { code: 0xbe, format: 'none', stack: [1, 1], throws: true },
  // athrow empties the stack; for max_stack only the popped reference matters since nothing follows.
  athrow: { code: 0xbf, format: 'none', stack: [1, 0], throws: true, flow: 'throw' },
  checkcast: { code: 0xc0, format: 'cp_u2', stack: [1, 1], throws: true },
  instanceof: { code: 0xc1, format: 'cp_u2', stack: [1, 1], throws: true },
  monitorenter: { code: 0xc2, format: 'none', stack: [1, 0], throws: true },
  monitorexit: { code: 0xc3, format: 'none', stack: [1, 0], throws: true },
  wide: { code: 0xc4, format: 'wide', stack: 'wide' },
  multianewarray: { code: 0xc5, format: 'multianewarray', stack: 'multianewarray', throws: true },
  ifnull: { code: 0xc6, format: 'branch_s2', stack: [1, 0], flow: 'branch' },
  ifnonnull: { code: 0xc7, format: 'branch_s2', stack: [1, 0], flow: 'branch' },
  goto_w: { code: 0xc8, format: 'branch_s4', stack: [0, 0], flow: 'goto' },
  jsr_w: { code: 0xc9, format: 'branch_s4', stack: [0, 1], flow: 'jsr' },
} as const satisfies Record<string, Definition>;

export type OpName = keyof typeof DEFINITIONS;

/** Opcode byte by JVMS mnemonic, with literal types so `switch (code) { case Op.iadd: ... }` narrows. */
export const Op = Object.freeze(
  Object.fromEntries(Object.entries(DEFINITIONS).map(([name, def]) => [name, def.code])),
) as { readonly [N in OpName]: (typeof DEFINITIONS)[N]['code'] };

export type OpCode = (typeof Op)[OpName];

/**
 * Opcodes JVMS 6.2 reserves for debuggers and implementations. They must never appear in a class file,
 * so they have no entry in `OPCODES`; the decoder names them when it rejects one.
 */
export const RESERVED_OPCODES = Object.freeze({ breakpoint: 0xca, impdep1: 0xfe, impdep2: 0xff } as const);

/** Everything about one opcode. */
export interface OpcodeInfo {
  readonly name: OpName;
  readonly code: OpCode;
  readonly format: OperandFormat;
  /** Instruction length in bytes including the opcode, or 'variable' (switches and wide). */
  readonly length: number | 'variable';
  readonly stack: StackEffect;
  readonly canThrow: boolean;
  readonly flow: ControlFlow;
  /** Control never falls through to the next instruction (goto, ret, switch, return, athrow). */
  readonly endsBlock: boolean;
  /** Whether `wide` may modify it (the local-variable loads and stores, ret, iinc). */
  readonly widenable: boolean;
}

const FORMAT_LENGTH: { readonly [F in OperandFormat]: number | 'variable' } = {
  none: 1,
  local_u1: 2,
  s1: 2,
  s2: 3,
  cp_u1: 2,
  cp_u2: 3,
  branch_s2: 3,
  branch_s4: 5,
  iinc: 3,
  newarray: 2,
  tableswitch: 'variable',
  lookupswitch: 'variable',
  invokeinterface: 5,
  invokedynamic: 5,
  multianewarray: 4,
  wide: 'variable',
};

/** Length in bytes, opcode included, of an instruction with this operand format. */
export function formatLength(format: OperandFormat): number | 'variable' {
  return FORMAT_LENGTH[format];
}

function stackEffectOf(spec: StackSpec): StackEffect {
  if (typeof spec !== 'string') return { kind: 'fixed', pop: spec[0], push: spec[1] };
  switch (spec) {
    case 'getstatic':
      return { kind: 'field', isStatic: true, isPut: false };
    case 'putstatic':
      return { kind: 'field', isStatic: true, isPut: true };
    case 'getfield':
      return { kind: 'field', isStatic: false, isPut: false };
    case 'putfield':
      return { kind: 'field', isStatic: false, isPut: true };
    case 'invoke':
      return { kind: 'invoke', hasReceiver: true };
    case 'invokestatic':
      return { kind: 'invoke', hasReceiver: false };
    case 'multianewarray':
      return { kind: 'multianewarray' };
    case 'wide':
      return { kind: 'wide' };
  }
}

const NO_FALL_THROUGH: ReadonlySet<ControlFlow> = new Set(['goto', 'ret', 'switch', 'return', 'throw']);

function infoOf(name: OpName, def: Definition): OpcodeInfo {
  const flow = def.flow ?? 'next';
  return Object.freeze({
    name,
    code: def.code as OpCode,
    format: def.format,
    length: FORMAT_LENGTH[def.format],
    stack: Object.freeze(stackEffectOf(def.stack)),
    canThrow: def.throws === true,
    flow,
    endsBlock: NO_FALL_THROUGH.has(flow),
    widenable: def.format === 'local_u1' || def.format === 'iinc',
  });
}

function buildTables(): { byCode: (OpcodeInfo | undefined)[]; byName: Map<string, OpcodeInfo> } {
  const byCode: (OpcodeInfo | undefined)[] = new Array<OpcodeInfo | undefined>(256).fill(undefined);
  const byName = new Map<string, OpcodeInfo>();
  for (const [name, def] of Object.entries(DEFINITIONS) as [OpName, Definition][]) {
    // Like HotSpot's start-up check: a duplicated code would silently shadow an instruction.
    if (byCode[def.code] !== undefined) {
      throw new Error(`opcode table: ${name} reuses code ${def.code} of ${byCode[def.code]?.name}`);
    }
    const info = infoOf(name, def);
    byCode[def.code] = info;
    byName.set(name, info);
  }
  return { byCode, byName };
}

const tables = buildTables();

/** The opcode table indexed by opcode byte; `undefined` for bytes that are not a defined opcode. */
export const OPCODES: readonly (OpcodeInfo | undefined)[] = Object.freeze(tables.byCode);

/** The opcode with this JVMS mnemonic, or undefined. */
export function opcodeByName(name: string): OpcodeInfo | undefined {
  return tables.byName.get(name);
}

/** The entry for a code known to be defined (for example one of the `Op` constants). */
export function opcodeInfo(code: OpCode): OpcodeInfo {
  const info = OPCODES[code];
  if (info === undefined) throw new Error(`opcode table: no entry for ${code}`);
  return info;
}
