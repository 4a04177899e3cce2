#!/usr/bin/env node
import '../dist/oakp.js';
