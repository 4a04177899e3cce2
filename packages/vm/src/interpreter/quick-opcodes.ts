// Private opcodes the interpreter rewrites an instruction into once its constant-pool reference is
// resolved (Doppio's and HotSpot's "quickening"). They live in the range the JVM leaves unassigned
// (203-253), never appear in class files (the verifier rejects them there) and keep the original
// instruction's length, so exception tables, line tables and branch offsets stay valid.

export const Q_GETFIELD_I = 203;
export const Q_GETFIELD_F = 204;
export const Q_GETFIELD_J = 205;
export const Q_GETFIELD_D = 206;
export const Q_PUTFIELD_I = 207;
export const Q_PUTFIELD_B = 208;
export const Q_PUTFIELD_C = 209;
export const Q_PUTFIELD_S = 210;
export const Q_PUTFIELD_Z = 211;
export const Q_PUTFIELD_F = 212;
export const Q_PUTFIELD_J = 213;
export const Q_PUTFIELD_D = 214;
export const Q_GETSTATIC_1 = 215;
export const Q_GETSTATIC_2 = 216;
export const Q_PUTSTATIC_1 = 217;
export const Q_PUTSTATIC_2 = 218;
export const Q_PUTSTATIC_B = 219;
export const Q_PUTSTATIC_C = 220;
export const Q_PUTSTATIC_S = 221;
export const Q_PUTSTATIC_Z = 222;
export const Q_INVOKESTATIC = 223;
export const Q_INVOKESPECIAL = 224;
export const Q_INVOKEVIRTUAL = 225;
export const Q_INVOKEINTERFACE = 226;
export const Q_NEW = 227;
export const Q_LDC = 228;
export const Q_LDC_W = 229;
export const Q_CHECKCAST = 230;
export const Q_INSTANCEOF = 231;
export const Q_ANEWARRAY = 232;
/** ldc2_w: the low slot in cpCache, the high slot (long) in cpIndex. */
export const Q_LDC2_W = 234;
/** invokevirtual of a method no subclass can override (final or in a final class): no vtable load. */
export const Q_INVOKEFINAL = 233;

/** The instruction length of each quick opcode equals that of the instruction it replaces. */
export const QUICK_LENGTH: ReadonlyMap<number, number> = new Map([
  ...[203, 204, 205, 206, 207, 208, 209, 210, 211, 212, 213, 214].map((op): [number, number] => [op, 3]),
  ...[215, 216, 217, 218, 219, 220, 221, 222, 223, 224, 225, 227, 229, 230, 231, 232, 233, 234].map(
    (op): [number, number] => [op, 3],
  ),
  [Q_INVOKEINTERFACE, 5],
  [Q_LDC, 2],
]);
