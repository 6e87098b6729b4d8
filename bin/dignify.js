#!/usr/bin/env node
// The dignify command. The code lives in dist/ (built on install by `npm run build`).
import { main } from '../dist/cli/main.js';

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    process.stderr.write(`dignify: internal error: ${error && error.stack ? error.stack : error}\n`);
    process.exitCode = 2;
  },
);
