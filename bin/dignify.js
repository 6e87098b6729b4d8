#!/usr/bin/env node
// The dignify command. The code lives in dist/ (built on install by `npm run build`): the bundled
// CLI when the build made one (faster start-up), else the compiled modules. Both start at
// src/cli/start.ts, which hands anything but paths to main.ts's argument parser.
// No node:fs here: an ES module import of node:fs builds its facade, which loads fs/promises and
// Node's stream modules (about 11 M instructions of a one-line check); a missing bundle is told by
// the failed import instead.
const bundled = new URL('../dist/bundle/main.js', import.meta.url);
const { main } = await import(bundled.href).catch((error) => {
  if (error?.code === 'ERR_MODULE_NOT_FOUND' && error.url === bundled.href) return import('../dist/cli/start.js');
  throw error;
});

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

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    process.stderr.write(`dignify: internal error: ${error?.stack ? error.stack : error}\n`);
    process.exitCode = 2;
  },
);
