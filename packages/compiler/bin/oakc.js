#!/usr/bin/env node
const { runCommandBundle } = require('../dist/code-cache.cjs');

// A compilation is a short burst through a lot of distinct code. With V8's default tier-up budget (66 KB
// of bytecode run) so many functions queue for the optimising compiler at once that on a 2-core machine
// it falls behind and steals the main thread's core; four times the budget optimises fewer, hotter
// functions and compiles the benchmark program about 18% faster (docs/compiler.md, "V8's tier-up budget").
runCommandBundle(`${__dirname}/../dist/oakc.cjs`, __filename, ['--interrupt-budget=270336']);
