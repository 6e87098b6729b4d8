// Build step (run by scripts/bundle-cli.js in a child process): the V8 code cache of the CLI's
// start-up script, dist/bundle/startup-script.cache. It runs the bundled CLI on one line of standard
// input (given by the caller) that holds no word any rule starts with, then asks V8 for the script's
// cache: made after that run, the cache holds the functions every start compiles (options, config
// search, reading the rules, building the scanner, the output) besides the script's top level, and
// not the parser's, matcher's or the finding checks' (no text reaches them). Those are left out on
// purpose: with them in the cache (a run on a line with a finding), a 2 MB one-line note took 2-3
// times the CPU, as V8 11.3 inlined the functions restored from the cache (BENCHMARKS.md).
// Only this build step writes the cache; a run of the CLI never does (scripts/startup-loader.js).
import { writeFileSync } from 'node:fs';

const bundle = new URL('../dist/bundle/', import.meta.url);
const { main } = await import(new URL('main.js', bundle).href);
const { startUpScript, CACHE } = await import(new URL('startup.js', bundle).href);
await main([]);
writeFileSync(CACHE, startUpScript().createCachedData());
