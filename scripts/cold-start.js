// Copied by scripts/cold-bundle.js to dist/bundle/cold.js, which bin/dignify.js runs when it exists.
// It runs the CLI from dist/bundle/cli.cjs (the whole CLI as one CommonJS script) with the V8 code
// cache the build made for this Node (cli.<key>.cache): V8 then neither parses the script nor
// compiles the functions a one-line check runs, about a fifth of that check's CPU. Without a cache
// made for this V8, architecture and these Node options (another Node than the build's), it runs
// the ES module bundle, dist/bundle/main.js, as before: compiling the 3.5 MB script without its
// cache would cost more than the ES chunks of the start-up path. A cache V8 rejects all the same
// (cachedDataRejected: a flag that changes the code) is ignored: V8 compiles the script itself.
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';

const SCRIPT = fileURLToPath(new URL('./cli.cjs', import.meta.url));

/**
 * The cache file's name for this process: a code cache is valid only for the V8 version, the
 * architecture and the V8 flags it was made with (Node's options, on the command line or in
 * NODE_OPTIONS, may set flags; any difference gives another name).
 */
export function cacheFile() {
  const options = `${process.execArgv.join('\0')}\0${process.env.NODE_OPTIONS ?? ''}`;
  let hash = 0x811c9dc5; // FNV-1a, 32 bits
  for (let i = 0; i < options.length; i++) hash = Math.imul(hash ^ options.charCodeAt(i), 0x01000193) >>> 0;
  return path.join(path.dirname(SCRIPT), `cli.${process.versions.v8}-${process.arch}-${hash.toString(16)}.cache`);
}

/**
 * Compiles and runs cli.cjs (with `cachedData`, a code cache, when given) and returns its exports
 * (src/cli/start.ts's) and the vm.Script, whose createCachedData() makes the cache.
 */
export function loadScript(cachedData) {
  // The file is ASCII (the build escapes the rest): read as latin1, V8 gets a one-byte string
  // without decoding UTF-8 (decoding 3.5 MB cost ~70 M instructions).
  const script = new vm.Script(readFileSync(SCRIPT, 'latin1'), { filename: SCRIPT, cachedData });
  const module = { exports: {} };
  script.runInThisContext()(module.exports, createRequire(SCRIPT), module, SCRIPT, path.dirname(SCRIPT));
  return { exports: module.exports, script };
}

function readCache() {
  try {
    return readFileSync(cacheFile());
  } catch {
    return undefined; // none made for this Node: the build's was another, or had no esbuild
  }
}

/** src/cli/start.ts's main: from cli.cjs with its code cache, else from the ES module bundle. */
export async function main(...args) {
  const cache = readCache();
  const cli = cache === undefined ? await import('./main.js') : loadScript(cache).exports;
  return cli.main(...args);
}

/**
 * Build step (scripts/cold-bundle.js runs it in a node of its own with one line on standard input):
 * runs the CLI once on it, then writes the code cache, which then holds the functions that run
 * compiled (V8 compiles a function on its first call). Returns the exit code of that run.
 */
export async function writeCodeCache() {
  const { exports, script } = loadScript(undefined);
  const code = await exports.main([]);
  writeFileSync(cacheFile(), script.createCachedData());
  return code;
}
