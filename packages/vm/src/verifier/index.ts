// The bytecode verifier: type inference over every method (docs/verifier.md), giving the reference maps
// the garbage collector reads.
export { verifyClass, mapsOf, type VerifiedClass, type VerifiedMethod } from './verify-class.js';
export { VerifyError, type VerifyErrorClass, type VerifyLocation } from './verify-error.js';
export { ClassFileHierarchy, classInfoFromClassFile, type ClassHierarchy, type ClassInfo, type MemberKind } from './class-hierarchy.js';
export { ReferenceMaps, type SafepointKind } from './reference-maps.js';
export { createVerifyHook, ReferenceMapTable, type VerifyHookOptions } from './vm-hook.js';
