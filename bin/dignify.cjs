#!/usr/bin/env node
// The dignify command (package.json "bin"). The code lives in dist/ (built on install by `npm run
// build`): the bundled CLI with the code cache the build made for this Node (fastest start-up:
// code-cache.cjs), else the ES module bundle, else the compiled modules. This file is CommonJS:
// an ES module entry point makes Node start its ES module loader first, about 10 ms of CPU.
'use strict';
const { existsSync } = require('node:fs');
const path = require('node:path');
const { pathToFileURL } = require('node:url');
const { loadBundledCli } = require('./code-cache.cjs');

const dist = path.join(__dirname, '..', 'dist');
/** The CLI module; a promise, so that a failure to read or run it is an internal error (exit 2), not an uncaught exception (exit 1, which means findings). */
function loadCli() {
  return new Promise((resolve) => {
    const cached = loadBundledCli(path.join(dist, 'bundle'));
    const bundled = path.join(dist, 'bundle', 'main.js');
    resolve(cached ? cached.exports : import(pathToFileURL(existsSync(bundled) ? bundled : path.join(dist, 'cli', 'main.js')).href));
  });
}

// `dignify … | head` closes the pipe early: that is the reader's choice, not an error. When a
// finding has already decided the exit code (main's onFailing set it), stop now; else lint on
// without output, so the exit code still says whether there were findings.
let stdoutClosed = false;
function onStdoutError(error) {
  if (error.code === 'EPIPE' || stdoutClosed) {
    if (process.exitCode === 1) process.exit(1);
    stdoutClosed = true;
    process.stdout.destroy();
    return;
  }
  throw error;
}

loadCli()
  .then(({ main }) => {
    process.stdout.on('error', onStdoutError);
    return main();
  })
  .then(
    (code) => {
      process.exitCode = code;
    },
    (error) => {
      process.stderr.write(`dignify: internal error: ${error?.stack ? error.stack : error}\n`);
      process.exitCode = 2;
    },
  );
