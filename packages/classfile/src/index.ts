export * from './model.js';
export * from './errors.js';
export * from './access-flags.js';
export * from './io/index.js';
export * from './bytecode/index.js';
export * from './image/index.js';
export * from './disasm/index.js';
export * from './text/index.js';
