#!/usr/bin/env node
import '../dist/oaki.js';
