#!/usr/bin/env node
import '../dist/oak.js';
