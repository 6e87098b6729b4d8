#!/usr/bin/env node
// The dignify command. The code lives in dist/ (built on install by `npm run build`): the bundled
// CLI when the build made one (faster start-up), else the compiled modules. Both start at
// src/cli/start.ts, which hands anything but paths to main.ts's argument parser.
// CommonJS, as is the bundle's loader (dist/bundle/startup.cjs): a one-line check then never starts
// Node's ES module loader, which an ES module entry and the chunk files it imports cost (about 25 M
// instructions; BENCHMARKS.md, branch cold5). bin/dignify.js, the ES module entry of earlier
// versions, runs this file.
// No node:fs here: the bundle's loader requires only what it uses; a missing bundle is told by the
// failed require instead.
'use strict';

function start() {
  let bundle;
  try {
    bundle = require.resolve('../dist/bundle/startup.cjs');
  } catch (error) {
    if (error?.code !== 'MODULE_NOT_FOUND') throw error;
    return import('../dist/cli/start.js').then((start) => start.main());
  }
  return require(bundle).cli().main();
}

// `dignify … | head` closes the pipe early: that is the reader's choice, not an error. When a
// finding has already decided the exit code (main's onFailing set it), stop now; else lint on
// without output, so the exit code still says whether there were findings. The handler is added
// when standard output's stream is made: the CLI writes to a pipe or a file through its
// descriptor and makes the stream only for a terminal or after a failed write (src/cli/stdio.ts),
// so a one-line check does not load Node's stream modules.
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
const stdout = Object.getOwnPropertyDescriptor(process, 'stdout');
if (stdout?.get && stdout.configurable) {
  Object.defineProperty(process, 'stdout', {
    configurable: true,
    enumerable: stdout.enumerable,
    get() {
      Object.defineProperty(process, 'stdout', stdout);
      const stream = process.stdout;
      stream.on('error', onStdoutError);
      return stream;
    },
  });
} else process.stdout.on('error', onStdoutError);

new Promise((resolve) => resolve(start())).then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    process.stderr.write(`dignify: internal error: ${error?.stack ? error.stack : error}\n`);
    process.exitCode = 2;
  },
);
