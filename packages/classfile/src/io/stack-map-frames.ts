// The frame_type ranges of stack_map_frame (JVMS 4.7.4), shared by the reader and the writer so both
// agree on which byte encodes which kind of frame.
import type { StackMapFrame, VerificationType } from '../model.js';

export const SAME_MAX = 63;
export const SAME_LOCALS_1_STACK_ITEM_MIN = 64;
export const SAME_LOCALS_1_STACK_ITEM_MAX = 127;
export const SAME_LOCALS_1_STACK_ITEM_EXTENDED = 247;
export const CHOP_MIN = 248;
export const CHOP_MAX = 250;
export const SAME_FRAME_EXTENDED = 251;
export const APPEND_MIN = 252;
export const APPEND_MAX = 254;
export const FULL_FRAME = 255;

export type FrameKind = StackMapFrame['kind'];

/** The frame kind a frame_type byte encodes, or undefined for the reserved range 128 to 246. */
export function frameKindOf(frameType: number): FrameKind | undefined {
  if (frameType <= SAME_MAX) return 'same';
  if (frameType <= SAME_LOCALS_1_STACK_ITEM_MAX) return 'same_locals_1_stack_item';
  if (frameType < SAME_LOCALS_1_STACK_ITEM_EXTENDED) return undefined;
  if (frameType === SAME_LOCALS_1_STACK_ITEM_EXTENDED) return 'same_locals_1_stack_item_extended';
  if (frameType <= CHOP_MAX) return 'chop';
  if (frameType === SAME_FRAME_EXTENDED) return 'same_frame_extended';
  if (frameType <= APPEND_MAX) return 'append';
  if (frameType === FULL_FRAME) return 'full_frame';
  return undefined;
}

export type VerificationTag = VerificationType['tag'];

/** verification_type_info tags in tag-byte order (ITEM_Top = 0 ... ITEM_Uninitialized = 8). */
export const VERIFICATION_TAGS: readonly VerificationTag[] = [
  'Top',
  'Integer',
  'Float',
  'Double',
  'Long',
  'Null',
  'UninitializedThis',
  'Object',
  'Uninitialized',
];
