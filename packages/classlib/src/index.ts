// @oakvm/classlib: the class library's contract with the VM (its natives and the members the VM uses by
// name). The library itself is Oak source under src/java, compiled into the runtime image by
// scripts/build-image.mjs; read images with readRuntimeImage from @oakvm/classfile.
export { NATIVE_METHODS, VM_FIELDS, VM_METHODS, memberKey, type LibraryMember } from './vm-contract.js';
