// `node scripts/code-cache-warmup.js <dist/bundle>` (run by scripts/bundle-cli-cache.js, with one
// line on standard input): runs the CommonJS bundle once, as a pre-commit hook's one-line check
// does, then writes V8's code cache of the script. The functions that run are compiled by then,
// so the cache holds them, not only the top level (a cache made right after compiling would).
import { writeFileSync } from 'node:fs';
import { cacheFile, loadBundledCli } from '../bin/code-cache.cjs';

const dir = process.argv[2];
const loaded = dir && loadBundledCli(dir, { withCache: false });
if (!loaded) throw new Error(`no main.cjs in ${dir}`);
process.exitCode = await loaded.exports.main([]); // no arguments: standard input
writeFileSync(cacheFile(dir), loaded.script.createCachedData());
