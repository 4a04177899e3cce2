#!/usr/bin/env node
const { runCommandBundle } = require('../dist/code-cache.cjs');

runCommandBundle(`${__dirname}/../dist/oakp.cjs`, __filename);
