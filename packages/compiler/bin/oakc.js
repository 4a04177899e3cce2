#!/usr/bin/env node
const { runCommandBundle } = require('@oakvm/classfile/code-cache');

runCommandBundle(`${__dirname}/../dist/oakc.cjs`, __filename);
