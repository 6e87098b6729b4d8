// Build step (scripts/bundle-cli.js calls it): the cold path of the CLI, dist/bundle/cli.cjs, with a
// V8 code cache made after a one-line check, and dist/bundle/cold.js (scripts/cold-start.js), which
// bin/dignify.js runs and which loads them.
//
// Why: a one-line check (`echo … | dignify`, a pre-commit hook) spent about a third of its CPU over
// bare Node compiling JavaScript: V8 pre-parses the start-up chunks (~390 kB) and compiles each
// function on its first call. Node 20 has no compile cache for ES modules, but vm.Script takes a
// code cache (cachedData) made at build time, after a run, so it holds the lazily compiled
// functions too. vm.Script runs a script, not a module: hence one CommonJS file holding the whole
// CLI, dynamically imported modules included (esbuild turns import() of a bundled module into a
// call of its init function), so the path never loads an ES chunk and every module exists once.
// The ES module bundle (main.js and its chunks) stays: the pool's worker is one, and cold.js runs
// it when the cache is not for this Node.
import { spawnSync } from 'node:child_process';
import { builtinModules } from 'node:module';
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** The line the code cache is made with: a finding, so the reporter's functions are compiled too. */
const WARM_UP_LINE = 'hx of IV drug abuse\n';

const BUILTINS = new Set(builtinModules);
// A dynamic import() left in the script would fail in vm.Script (no importModuleDynamically: Node 20's
// default loader for it is experimental and warns): a built-in's (write-atomic.ts imports node:crypto
// on first use) becomes a require() on first use, and the build fails if an import() of a named
// module is left. (lilconfig's import() of a computed file URL is left: dignify calls lilconfigSync.)
const builtinImportsByRequire = {
  name: 'builtin-imports-by-require',
  setup(build) {
    build.onResolve({ filter: /^(node:)?[a-z_/]+$/ }, (args) =>
      args.kind === 'dynamic-import' && BUILTINS.has(args.path.replace(/^node:/, '')) ? { path: args.path, namespace: 'builtin-by-require' } : undefined,
    );
    build.onLoad({ filter: /.*/, namespace: 'builtin-by-require' }, (args) => ({
      contents: `module.exports = require(${JSON.stringify(args.path)});`,
      loader: 'js',
    }));
  },
};

// The script is a function expression, called by cold.js with what Node's CommonJS wrapper gives a
// module. import.meta.url (rules and sources beside the bundle, the pool's worker) is cli.cjs's URL:
// the same directory as main.js's.
const HEAD =
  "(function (exports, require, module, __filename, __dirname) { const __importMetaUrl = require('node:url').pathToFileURL(__filename).href; const __performanceNow = () => process.uptime() * 1000;";
const TAIL = '\n})';

/**
 * Builds dist/bundle/cli.cjs, copies the loader to dist/bundle/cold.js and makes the code cache
 * with this Node. `plugins` are bundle-cli.js's for built-ins loaded on first use. Throws when the
 * script holds a dynamic import() or the warm-up run fails.
 */
export async function buildColdBundle(esbuild, { root, outdir, plugins }) {
  const result = await esbuild.build({
    absWorkingDir: root,
    entryPoints: ['src/cli/start.ts'],
    outfile: path.join(outdir, 'cli.cjs'),
    write: false,
    bundle: true,
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    external: ['ajv', 'yaml'], // loaded by require, as in main.js
    define: { 'performance.now': '__performanceNow', 'import.meta.url': '__importMetaUrl' }, // see bundle-cli.js
    plugins: [...plugins, builtinImportsByRequire],
    logLevel: 'warning',
  });
  const source = HEAD + oneMapForModules(asciiOnly(result.outputFiles[0].text)) + TAIL;
  const left = source
    .split('\n')
    .filter((line) => !/^\s*(\/\/|\*|\/\*)/.test(line) && /\bimport\(\s*["'`]/.test(line.replace(/\/\*.*?\*\//g, '')));
  if (left.length > 0) throw new Error(`cli.cjs: a dynamic import() is left, which vm.Script cannot run:\n${left.join('\n')}`);
  writeFileSync(path.join(outdir, 'cli.cjs'), source, 'latin1');
  copyFileSync(path.join(root, 'scripts', 'cold-start.js'), path.join(outdir, 'cold.js'));
  const run = spawnSync(process.execPath, [path.join(root, 'scripts', 'warm-code-cache.js'), path.join(outdir, 'cold.js')], {
    input: WARM_UP_LINE,
    encoding: 'utf8',
  });
  if (run.status !== 1) throw new Error(`cli.cjs: the warm-up run for the code cache exited ${run.status} (1 expected, a finding)\n${run.stderr}`);
}

/**
 * Escapes each character past ASCII (left in regex literals, String.raw templates and comments) as
 * \uXXXX, so that cold.js can read the file as latin1. In a regex (literal or String.raw source
 * given to RegExp) and a string the escape means the same character; a String.raw used otherwise
 * would change (none is: the findings digest checks).
 */
function asciiOnly(text) {
  return text.replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/**
 * esbuild wraps each module in `__esm({ "src/x.ts"() {…} })` (or __commonJS): an object literal whose
 * one key is the module's path. Each such key makes V8 add a map transition to the empty object's
 * map (870 of them, each insertion in a sorted array: ~19 M instructions at start-up). The key only
 * names the function; all of them are called `module` instead (the path stays in the comment above).
 */
function oneMapForModules(text) {
  return text.replace(/(__esm|__commonJS)\(\{\n {2}"[^"\n]+"\(/g, '$1({\n  module(');
}
