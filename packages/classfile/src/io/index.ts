// The class-file reader and writer, and typed access to the constant pool.
export { readClassFile } from './read-class-file.js';
export { writeClassFile } from './write-class-file.js';
export { decodeModifiedUtf8, encodeModifiedUtf8, modifiedUtf8Length } from './mutf8.js';
export { MAX_MAJOR_VERSION, MIN_MAJOR_VERSION, PREVIEW_MINOR_VERSION } from './versions.js';
export {
  type CpEntryOf,
  type DynamicRef,
  type MemberRef,
  type MemberRefKind,
  type MethodHandleRef,
  type NameAndType,
  attributeName,
  className,
  cpClassName,
  cpDynamic,
  cpEntry,
  cpEntryOf,
  cpEntryOfKinds,
  cpMemberRef,
  cpMethodHandle,
  cpMethodType,
  cpNameAndType,
  cpString,
  cpUtf8,
  findAttribute,
  findRawAttribute,
  interfaceNames,
  superClassName,
  memberDescriptor,
  memberName,
} from './constant-pool.js';
