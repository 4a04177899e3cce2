// What to show, as javap's command-line options select it.
import { ACC_PRIVATE, ACC_PROTECTED, ACC_PUBLIC } from '../access-flags.js';

/** -public, -protected, -package (the default) and -private (-p). */
export type AccessLevel = 'public' | 'protected' | 'package' | 'private';

/** Where the class file came from; shown by -v and -sysinfo. */
export interface SourceFileInfo {
  /** Absolute path, printed after "Classfile". */
  path: string;
  /** The file's modification time, printed as a date; omitted when unknown. */
  lastModified?: Date;
  /** The file's bytes, for its size and SHA-256 checksum. */
  bytes: Uint8Array;
}

export interface DisassembleOptions {
  /** -c: the instructions of each method. */
  code?: boolean;
  /** -v: everything (implies descriptors, flags, the constant pool and every attribute). */
  verbose?: boolean;
  /** -l: line number and local variable tables. */
  lines?: boolean;
  /** -s: internal type descriptors. */
  descriptors?: boolean;
  /** -constants: the values of static final constants. */
  constants?: boolean;
  /** -sysinfo: path, size, date and checksum of the file. */
  sysInfo?: boolean;
  /** Which members to show; 'package' by default. */
  access?: AccessLevel;
  /** The file the class was read from, for -v and -sysinfo. */
  file?: SourceFileInfo;
}

/** The options with javap's implications applied (-v turns on descriptors and all attributes). */
export interface ResolvedOptions {
  code: boolean;
  verbose: boolean;
  lines: boolean;
  descriptors: boolean;
  allAttributes: boolean;
  constants: boolean;
  sysInfo: boolean;
  access: AccessLevel;
  file: SourceFileInfo | undefined;
}

export function resolveOptions(o: DisassembleOptions): ResolvedOptions {
  const verbose = o.verbose === true;
  return {
    code: o.code === true,
    verbose,
    lines: o.lines === true,
    descriptors: verbose || o.descriptors === true,
    allAttributes: verbose,
    constants: o.constants === true,
    sysInfo: o.sysInfo === true,
    access: o.access ?? 'package',
    file: o.file,
  };
}

/** javap's Options.checkAccess: whether a member or inner class with these flags is shown. */
export function isShown(flags: number, access: AccessLevel): boolean {
  const isPublic = (flags & ACC_PUBLIC) !== 0;
  const isProtected = (flags & ACC_PROTECTED) !== 0;
  const isPrivate = (flags & ACC_PRIVATE) !== 0;
  const isPackage = !(isPublic || isProtected || isPrivate);
  switch (access) {
    case 'public':
      return isPublic;
    case 'protected':
      return !(isPrivate || isPackage);
    case 'package':
      return !isPrivate;
    case 'private':
      return true;
  }
}
