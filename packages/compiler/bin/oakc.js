#!/usr/bin/env node
import('../dist/oakc.js');
