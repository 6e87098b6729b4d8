// dist/bundle/startup.js (copied there by scripts/bundle-cli.js): the CLI's start-up code, run as one
// script with V8's code cache. An ES module cannot use a code cache on Node 20 (no
// module.enableCompileCache before 22.1), and compiling the start-up chunks' JavaScript was about
// 130 M instructions of a one-line check; a vm.Script can: `cachedData` made at build time by
// scripts/code-cache.js after a one-line check, so the functions such a check runs are restored
// compiled, not parsed and compiled again. If V8 rejects the cache (another Node version or other V8
// flags) or it is missing, the script is compiled from its source as usual: same code, same output.
// Nothing here writes a file. The start-up chunks' files are small ES modules that take their exports
// from startUp(), so the lazily loaded chunks share these modules' state (scripts/bundle-cli.js).
import { createRequire } from 'node:module';

// Node built-ins by require(): an ES module import of node:fs builds its facade, which loads
// fs/promises and the file streams (bin/dignify.js).
const require = createRequire(import.meta.url);
const { readFileSync } = require('node:fs');
const { Script } = require('node:vm');
const { fileURLToPath } = require('node:url');

const SCRIPT = fileURLToPath(new URL('./startup-script.js', import.meta.url));
export const CACHE = fileURLToPath(new URL('./startup-script.cache', import.meta.url));
let script;
let exported;

/** The start-up chunks' modules, by chunk ({ c0: namespace, ... }), run once. */
export function startUp() {
  if (exported) return exported;
  let cachedData;
  try {
    cachedData = readFileSync(CACHE);
  } catch {
    // No cache (not built, or removed): compile from the source.
  }
  // The script is ASCII (scripts/bundle-cli.js): read as latin1, a one-byte string with no decoding.
  script = new Script(readFileSync(SCRIPT, 'latin1'), { filename: SCRIPT, cachedData });
  exported = script.runInThisContext()(require, import.meta.url, (specifier) => import(specifier));
  return exported;
}

/** The vm.Script after startUp(): scripts/code-cache.js makes the cache from it; tests ask cachedDataRejected. */
export function startUpScript() {
  startUp();
  return script;
}
