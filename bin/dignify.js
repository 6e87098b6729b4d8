#!/usr/bin/env node
// The dignify command. The code lives in dist/ (built on install by `npm run build`): the bundled
// CLI when the build made one (faster start-up), else the compiled modules.
import { existsSync } from 'node:fs';

const bundled = new URL('../dist/bundle/main.js', import.meta.url);
const { main } = await import(existsSync(bundled) ? bundled.href : '../dist/cli/main.js');

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    process.stderr.write(`dignify: internal error: ${error && error.stack ? error.stack : error}\n`);
    process.exitCode = 2;
  },
);
