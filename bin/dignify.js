#!/usr/bin/env node
// The dignify command's ES module entry of earlier versions, kept for callers that name this file
// (`node node_modules/dignify/bin/dignify.js`): it runs bin/dignify.cjs, the package's bin, which
// starts faster (no ES module loader on the start-up path).
import './dignify.cjs';
