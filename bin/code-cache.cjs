// Runs the CLI from dist/bundle/main.cjs with the V8 code cache the build made for it
// (scripts/bundle-cli-cache.js). Node 20 keeps no compile cache for ES modules, and compiling the
// start-up code was a large part of a one-line check's start; with the cache V8 reads the compiled
// functions instead. Nothing is written at run time. The cache is for the Node version, platform
// and architecture that built it: any other Node finds no cache file here, and bin/dignify.cjs
// runs the ES module bundle instead. A cache V8 still rejects (the same Node with other V8 flags, a
// damaged file) costs only the compile it would have saved: the script compiles as usual.
// CommonJS, as bin/dignify.cjs.
'use strict';
const { existsSync, readFileSync } = require('node:fs');
const { createRequire } = require('node:module');
const path = require('node:path');
const vm = require('node:vm');

/** The code cache's path in `dir` (dist/bundle) for this Node: its version, platform and architecture. */
function cacheFile(dir) {
  return path.join(dir, `main-${process.version}-${process.platform}-${process.arch}.cache`);
}

/**
 * Compiles and runs `dir`/main.cjs as Node runs a CommonJS module, with `dir`'s code cache for this
 * Node unless `withCache` is false. Returns the module's exports (`main`) and the vm.Script (the
 * build calls its createCachedData), or undefined when there is no main.cjs, or no cache for this
 * Node when one is wanted. Throws what reading the files or running the module throws.
 * @param {string} dir an absolute path
 * @param {{ withCache?: boolean }} [options]
 * @returns {{ exports: { main: (argv?: string[]) => Promise<number> }, script: import('node:vm').Script } | undefined}
 */
function loadBundledCli(dir, { withCache = true } = {}) {
  const file = path.join(dir, 'main.cjs');
  const cache = cacheFile(dir);
  if (!existsSync(file) || (withCache && !existsSync(cache))) return undefined;
  // Node's own CommonJS wrapper, on the same line as the code, so stack traces keep their lines.
  // Latin-1: the build writes ASCII only (scripts/bundle-cli-cache.js), and Latin-1 is read as is.
  const source = `(function (exports, require, module, __filename, __dirname) { ${readFileSync(file, 'latin1')}\n});`;
  const script = new vm.Script(source, { filename: file, ...(withCache && { cachedData: readFileSync(cache) }) });
  const module = { exports: {} };
  script.runInThisContext()(module.exports, createRequire(file), module, file, dir);
  return { exports: module.exports, script };
}

module.exports = { cacheFile, loadBundledCli };
