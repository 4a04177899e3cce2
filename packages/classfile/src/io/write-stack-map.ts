// Encodes StackMapTable frames (JVMS 4.7.4). Each frame is written with its own frame_type byte, which
// must agree with its kind and, for the compact kinds, with its offset_delta and number of locals.
import { ClassFormatError } from '../errors.js';
import type { StackMapFrame, VerificationType } from '../model.js';
import { assertNever } from './assert-never.js';
import type { ByteWriter } from './byte-writer.js';
import { APPEND_MIN, SAME_LOCALS_1_STACK_ITEM_MIN, VERIFICATION_TAGS, frameKindOf } from './stack-map-frames.js';

export function writeStackMapFrames(w: ByteWriter, frames: readonly StackMapFrame[]): void {
  w.u2(frames.length, 'number_of_entries');
  for (const f of frames) writeFrame(w, f);
}

function writeFrame(w: ByteWriter, f: StackMapFrame): void {
  if (frameKindOf(f.frameType) !== f.kind) {
    throw new ClassFormatError(`Cannot write stack map frame: frame_type ${f.frameType} does not encode a ${f.kind} frame`);
  }
  w.u1(f.frameType, 'frame_type');
  switch (f.kind) {
    case 'same':
      expect(f.offsetDelta === f.frameType, f);
      return;
    case 'same_locals_1_stack_item':
      expect(f.offsetDelta === f.frameType - SAME_LOCALS_1_STACK_ITEM_MIN, f);
      writeTypes(w, f.stack);
      return;
    case 'same_locals_1_stack_item_extended':
      w.u2(f.offsetDelta, 'offset_delta');
      writeTypes(w, f.stack);
      return;
    case 'chop':
    case 'same_frame_extended':
      w.u2(f.offsetDelta, 'offset_delta');
      return;
    case 'append':
      expect(f.locals.length === f.frameType - APPEND_MIN + 1, f);
      w.u2(f.offsetDelta, 'offset_delta');
      writeTypes(w, f.locals);
      return;
    case 'full_frame':
      w.u2(f.offsetDelta, 'offset_delta');
      w.u2(f.locals.length, 'number_of_locals');
      writeTypes(w, f.locals);
      w.u2(f.stack.length, 'number_of_stack_items');
      writeTypes(w, f.stack);
      return;
    default:
      assertNever(f);
  }
}

function expect(ok: boolean, f: StackMapFrame): void {
  if (!ok) throw new ClassFormatError(`Cannot write stack map frame: a ${f.kind} frame with frame_type ${f.frameType} does not match its fields`);
}

function writeTypes(w: ByteWriter, types: readonly VerificationType[]): void {
  for (const t of types) {
    const tag = VERIFICATION_TAGS.indexOf(t.tag);
    if (tag < 0) throw new ClassFormatError(`Cannot write verification type ${JSON.stringify(t.tag)}`);
    w.u1(tag, 'verification type tag');
    if (t.tag === 'Object') w.u2(t.classIndex, 'cpool_index');
    else if (t.tag === 'Uninitialized') w.u2(t.offset, 'offset');
  }
}
