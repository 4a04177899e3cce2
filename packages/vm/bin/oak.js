#!/usr/bin/env node
const { runCommandBundle } = require('../dist/code-cache.cjs');

runCommandBundle(`${__dirname}/../dist/oak.cjs`, __filename);
