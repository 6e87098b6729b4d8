#!/usr/bin/env node
// The dignify command. The code lives in dist/ (built on install by `npm run build`): the bundled
// CLI when the build made one (faster start-up), else the compiled modules. Both start at
// src/cli/start.ts, which hands anything but paths to main.ts's argument parser.
import { existsSync } from 'node:fs';

const bundled = new URL('../dist/bundle/main.js', import.meta.url);
const { main } = await import(existsSync(bundled) ? bundled.href : '../dist/cli/start.js');

// `dignify … | head` closes the pipe early: that is the reader's choice, not an error. When a
// finding has already decided the exit code (main's onFailing set it), stop now; else lint on
// without output, so the exit code still says whether there were findings.
let stdoutClosed = false;
process.stdout.on('error', (error) => {
  if (error.code === 'EPIPE' || stdoutClosed) {
    if (process.exitCode === 1) process.exit(1);
    stdoutClosed = true;
    process.stdout.destroy();
    return;
  }
  throw error;
});

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    process.stderr.write(`dignify: internal error: ${error?.stack ? error.stack : error}\n`);
    process.exitCode = 2;
  },
);
