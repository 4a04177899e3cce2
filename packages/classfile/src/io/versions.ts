// The class-file versions this package reads and writes, and which constant-pool tags each allows.
import { UnsupportedClassVersionError } from '../errors.js';

/** JDK 1.0.2 wrote 45.3; HotSpot still accepts every version from 45. */
export const MIN_MAJOR_VERSION = 45;
/** Java 17. */
export const MAX_MAJOR_VERSION = 61;
/** From major 56 (Java 12) a minor version of 65535 marks a class that uses preview features. */
export const PREVIEW_MINOR_VERSION = 0xffff;
const FIRST_VERSION_WITH_MINOR_RULES = 56;

/** The first major version that allows each constant-pool tag (JVMS table 4.4-B). */
const TAG_SINCE: ReadonlyMap<number, number> = new Map([
  [1, 45], // Utf8
  [3, 45], // Integer
  [4, 45], // Float
  [5, 45], // Long
  [6, 45], // Double
  [7, 45], // Class
  [8, 45], // String
  [9, 45], // Fieldref
  [10, 45], // Methodref
  [11, 45], // InterfaceMethodref
  [12, 45], // NameAndType
  [15, 51], // MethodHandle
  [16, 51], // MethodType
  [17, 55], // Dynamic
  [18, 51], // InvokeDynamic
  [19, 53], // Module
  [20, 53], // Package
]);

/** The first major version allowing `tag`, or undefined if the tag is not defined at all. */
export function firstVersionWithTag(tag: number): number | undefined {
  return TAG_SINCE.get(tag);
}

/** Throws UnsupportedClassVersionError for a version outside 45.0 to 61.0 (see the error's comment). */
export function checkVersion(major: number, minor: number, offset: number): void {
  const supported =
    major >= MIN_MAJOR_VERSION &&
    major <= MAX_MAJOR_VERSION &&
    (major < FIRST_VERSION_WITH_MINOR_RULES || minor === 0 || minor === PREVIEW_MINOR_VERSION);
  if (!supported) throw new UnsupportedClassVersionError(major, minor, offset);
}

