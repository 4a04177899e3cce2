// @oakvm/compiler: the Oak front end, the bytecode generator and the compile() API.
export { compile, type CompileOptions, type CompileResult } from './compile.js';
export { chainClassPaths, mapClassPath, type ClassPath } from './class-path.js';
export { formatDiagnostic, formatErrorCount, diagnosticAt, type Diagnostic, type SourceText } from './diagnostics.js';
export { parse } from './syntax/parser.js';
export { check } from './semantics/checker.js';
export { ClassEnvironment, type ClassPathLookup } from './semantics/class-environment.js';
export { generate } from './codegen/generate.js';
export type { GenerateOptions, SubtypeTest } from './codegen/generate-options.js';
export { InternalCompilerError } from './codegen/internal-error.js';
export * from './semantics/types.js';
export type * from './semantics/symbols.js';
export type * from './syntax/ast.js';
