// `node scripts/warm-code-cache.js dist/bundle/cold.js < line`: scripts/cold-bundle.js runs it to make
// cli.cjs's code cache. A script file, not `node -e`: the cache's name depends on Node's options
// (process.execArgv), which must be a plain run's, as bin/dignify.js gets them.
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const { writeCodeCache } = await import(pathToFileURL(path.resolve(process.argv[2])).href);
process.exitCode = await writeCodeCache();
