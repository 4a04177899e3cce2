// Decodes a StackMapTable attribute's entries (JVMS 4.7.4) into frames, keeping each frame_type byte.
import { ClassFormatError } from '../errors.js';
import type { ConstantPoolEntries, StackMapFrame, VerificationType } from '../model.js';
import { assertNever } from './assert-never.js';
import type { ByteReader } from './byte-reader.js';
import { cpEntryOf } from './constant-pool.js';
import { APPEND_MIN, SAME_LOCALS_1_STACK_ITEM_MIN, VERIFICATION_TAGS, frameKindOf } from './stack-map-frames.js';

export function readStackMapFrames(r: ByteReader, pool: ConstantPoolEntries, codeLength: number): StackMapFrame[] {
  const count = r.u2('number_of_entries');
  r.needItems(count, 1, 'stack map frames');
  const frames: StackMapFrame[] = [];
  for (let i = 0; i < count; i++) frames.push(readFrame(r, pool, codeLength, i));
  return frames;
}

function readFrame(r: ByteReader, pool: ConstantPoolEntries, codeLength: number, i: number): StackMapFrame {
  const at = r.pos;
  const frameType = r.u1(`frame_type of stack map frame ${i}`);
  const kind = frameKindOf(frameType);
  if (kind === undefined) throw new ClassFormatError(`Reserved frame_type ${frameType} in stack map frame ${i}`, at);
  const delta = (): number => r.u2(`offset_delta of stack map frame ${i}`);
  const types = (n: number): VerificationType[] => {
    r.needItems(n, 1, 'verification types');
    const out: VerificationType[] = [];
    for (let k = 0; k < n; k++) out.push(readVerificationType(r, pool, codeLength));
    return out;
  };
  switch (kind) {
    case 'same':
      return { kind, frameType, offsetDelta: frameType };
    case 'same_locals_1_stack_item':
      return { kind, frameType, offsetDelta: frameType - SAME_LOCALS_1_STACK_ITEM_MIN, stack: [readVerificationType(r, pool, codeLength)] };
    case 'same_locals_1_stack_item_extended': {
      const offsetDelta = delta();
      return { kind, frameType, offsetDelta, stack: [readVerificationType(r, pool, codeLength)] };
    }
    case 'chop':
    case 'same_frame_extended':
      return { kind, frameType, offsetDelta: delta() };
    case 'append': {
      const offsetDelta = delta();
      return { kind, frameType, offsetDelta, locals: types(frameType - APPEND_MIN + 1) };
    }
    case 'full_frame': {
      const offsetDelta = delta();
      const locals = types(r.u2(`number_of_locals of stack map frame ${i}`));
      const stack = types(r.u2(`number_of_stack_items of stack map frame ${i}`));
      return { kind, frameType, offsetDelta, locals, stack };
    }
    default:
      return assertNever(kind);
  }
}

function readVerificationType(r: ByteReader, pool: ConstantPoolEntries, codeLength: number): VerificationType {
  const at = r.pos;
  const tagByte = r.u1('verification type tag');
  const tag = VERIFICATION_TAGS[tagByte];
  switch (tag) {
    case undefined:
      throw new ClassFormatError(`Unknown verification type tag ${tagByte}`, at);
    case 'Object': {
      const classAt = r.pos;
      const classIndex = r.u2('cpool_index of Object verification type');
      cpEntryOf(pool, classIndex, 'Class', 'Object verification type', classAt);
      return { tag, classIndex };
    }
    case 'Uninitialized': {
      const offsetAt = r.pos;
      const offset = r.u2('offset of Uninitialized verification type');
      if (offset >= codeLength) {
        throw new ClassFormatError(`Uninitialized verification type offset ${offset} is past the code (length ${codeLength})`, offsetAt);
      }
      return { tag, offset };
    }
    case 'Top':
    case 'Integer':
    case 'Float':
    case 'Double':
    case 'Long':
    case 'Null':
    case 'UninitializedThis':
      return { tag };
    default:
      return assertNever(tag);
  }
}
