#!/usr/bin/env node
const { runCommandBundle } = require('@oakvm/classfile/code-cache');

runCommandBundle(`${__dirname}/../dist/oaki.cjs`, __filename);
