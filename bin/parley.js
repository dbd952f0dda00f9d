#!/usr/bin/env node
// The installed CLI runs the compiled build (`npm install` builds it via the prepare script).
import '../dist/cli/main.js';
