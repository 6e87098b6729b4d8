// dist/bundle/startup.cjs (copied there by scripts/bundle-cli.js): the CLI's start-up code, run as one
// script with V8's code cache. An ES module cannot use a code cache on Node 20 (no
// module.enableCompileCache before 22.1), and compiling the start-up chunks' JavaScript was about
// 130 M instructions of a one-line check; a vm.Script can: `cachedData` made at build time by
// scripts/code-cache.js after a one-line check, so the functions such a check runs are restored
// compiled, not parsed and compiled again. If V8 rejects the cache (another Node version or other V8
// flags) or it is missing, the script is compiled from its source as usual: same code, same output.
// Nothing here writes a file. The start-up chunks' files are small ES modules that take their exports
// from startUp() (through dist/bundle/startup.js, this module's ES module face), so the lazily loaded
// chunks share these modules' state (scripts/bundle-cli.js).
//
// CommonJS, so that bin/dignify.cjs starts the CLI without Node's ES module loader: an ES module entry
// and the chunk files it imports cost about 25 M instructions of a one-line check (BENCHMARKS.md,
// branch cold5). The loader starts at the first dynamic import (a lazily loaded chunk), if any.
'use strict';
// Built-ins by require(): an ES module import of node:fs builds its facade, which loads fs/promises
// and the file streams (bin/dignify.cjs).
const { closeSync, fstatSync, openSync, readSync, statSync } = require('node:fs');
const path = require('node:path');
const { pathToFileURL } = require('node:url');
const { Script } = require('node:vm');

const SCRIPT = path.join(__dirname, 'startup-script.js');
const CACHE = path.join(__dirname, 'startup-script.cache');
// The start-up chunk holding src/cli/start.ts's exports (main.js's): set by scripts/bundle-cli.js.
const MAIN_CHUNK = 'MAIN_CHUNK';
let script;
let exported;

/** The bytes of `file`, read into the start of `into` when it is large enough (into a new buffer else). */
function readBytes(file, into) {
  const fd = openSync(file, 'r');
  try {
    const size = fstatSync(fd).size;
    const buffer = into.length >= size ? into : Buffer.allocUnsafeSlow(size);
    let length = 0;
    while (length < size) {
      const n = readSync(fd, buffer, length, size - length, null);
      if (n === 0) break; // the file got shorter since fstat
      length += n;
    }
    return buffer.subarray(0, length);
  } finally {
    closeSync(fd);
  }
}

/** The start-up chunks' modules, by chunk ({ c0: namespace, ... }), run once. */
function startUp() {
  if (exported) return exported;
  // The script and its cache are read into one buffer, the script's text copied out of it into a
  // string before the cache is read: a start touches the memory of the larger file only. A page
  // touched for the first time is a page fault, about 20 µs each on a VM; this is ~120 fewer
  // (BENCHMARKS.md, branch cold9).
  let cacheSize;
  try {
    cacheSize = statSync(CACHE).size;
  } catch {
    // No cache (not built, or removed): compile from the source.
  }
  const buffer = Buffer.allocUnsafeSlow(Math.max(statSync(SCRIPT).size, cacheSize ?? 0));
  // The script is ASCII (scripts/bundle-cli.js): read as latin1, a one-byte string with no decoding.
  const source = readBytes(SCRIPT, buffer).toString('latin1');
  let cachedData;
  try {
    if (cacheSize !== undefined) cachedData = readBytes(CACHE, buffer);
  } catch {
    // Unreadable: compile from the source.
  }
  script = new Script(source, { filename: SCRIPT, cachedData });
  // The chunks' import.meta.url: a file of their folder, as before the script (startup.js).
  exported = script.runInThisContext()(require, pathToFileURL(path.join(__dirname, 'startup.js')).href, (specifier) => import(specifier));
  return exported;
}

/** The vm.Script after startUp(): scripts/code-cache.js makes the cache from it; tests ask cachedDataRejected. */
function startUpScript() {
  startUp();
  return script;
}

/** The exports of src/cli/start.ts (main, onlyPaths, ...), as dist/bundle/main.js gives them. */
function cli() {
  return startUp()[MAIN_CHUNK];
}

module.exports = { CACHE, cli, startUp, startUpScript };
