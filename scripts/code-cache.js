// Build step (run by scripts/bundle-cli.js in a child process): the V8 code cache of the CLI's
// start-up script, dist/bundle/startup-script.cache. It runs the bundled CLI on one line of standard
// input (given by the caller) with one finding, then asks V8 for the script's cache: made after that
// run, the cache holds the functions a one-line check with a finding compiles (options, config search,
// reading the rules, the scanner, the parser, the matcher, the finding checks, the fix, the output)
// besides the script's top level: about 37 M instructions less than a cache made after a line no rule
// starts on (BENCHMARKS.md, branch cold8). Sessions before (cold4, cold5) left the matching code out:
// with it in the cache a 2 MB one-line note then took 2-3 times the CPU (V8 11.3 inlining functions
// restored from the cache); at cold8 the same inputs took the same CPU with either cache.
// Only this build step writes the cache; a run of the CLI never does (scripts/startup-loader.js).
import { writeFileSync } from 'node:fs';

const bundle = new URL('../dist/bundle/', import.meta.url);
const { main } = await import(new URL('main.js', bundle).href);
const { startUpScript, CACHE } = await import(new URL('startup.js', bundle).href);
await main([]);
writeFileSync(CACHE, startUpScript().createCachedData());
