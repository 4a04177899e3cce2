// The tree-walking interpreter as a library: check a program against the class library, then run it.
export { Interpreter, DEFAULT_MAX_DEPTH, type InterpreterIo, type InterpreterOptions } from './interpreter.js';
export { checkProgram, loadLibrary, LibraryError, type CheckedLibrary, type CheckedProgram } from './program.js';
export { runSource, findLibraryRoot, type RunOutcome } from './run.js';
