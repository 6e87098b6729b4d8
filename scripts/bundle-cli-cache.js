// Build step (called by scripts/bundle-cli.js after the ES module bundle): the CLI's start-up code
// as one CommonJS file, dist/bundle/main.cjs, and V8's code cache for it, made by running it on one
// line and two small files (scripts/code-cache-warmup.js); bin/code-cache.cjs loads both. The
// packages start-up does not load (the Markdown and HTML parsers, CSV, Parquet and .docx readers,
// the pool, the language server, the report's charts) stay out of the file and are required from
// node_modules when first used: bundled, their source alone made the file five times larger and
// its cache slower to read than compiling the ES modules. Those packages are ES modules or
// CommonJS; a CommonJS file loads ES modules with require(), which needs a Node with require(esm)
// (20.19+, 22.12+): on another Node this step makes nothing and the command runs the ES module
// bundle.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { cacheFile } from '../bin/code-cache.cjs';

const WARMUP = path.join(path.dirname(fileURLToPath(import.meta.url)), 'code-cache-warmup.js');
/** What the warm-up lints first: one line on standard input, the check this cache is for. */
const WARMUP_INPUT = 'hx of IVDU\n';

/** `some-package/sub/path` or `@scope/name/sub` → the package's name; undefined for a relative path, a `#import` or a Node built-in. */
export function packageName(specifier) {
  if (/^[./#]/.test(specifier) || specifier.startsWith('node:')) return undefined;
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

/** The packages the ES module bundle's `entry` output loads at start-up: its inputs and those of the chunks it imports statically. */
export function startupPackages(metafile, entry) {
  const seen = new Set();
  const packages = new Set();
  const visit = (output) => {
    if (seen.has(output) || !metafile.outputs[output]) return;
    seen.add(output);
    for (const input of Object.keys(metafile.outputs[output].inputs)) {
      const m = /(?:^|\/)node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(input);
      if (m) packages.add(m[1]);
    }
    for (const i of metafile.outputs[output].imports) if (i.kind === 'import-statement' && !i.external) visit(i.path);
  };
  visit(entry);
  return packages;
}

/** Whether the file Node resolves `specifier` to is an ES module (.mjs, or .js in a "type": "module" package). */
function isEsModule(resolved) {
  if (resolved.endsWith('.mjs')) return true;
  if (resolved.endsWith('.cjs') || resolved.endsWith('.json')) return false;
  for (let dir = path.dirname(resolved); dir !== path.dirname(dir); dir = path.dirname(dir)) {
    const pkg = path.join(dir, 'package.json');
    if (existsSync(pkg)) return JSON.parse(readFileSync(pkg, 'utf8')).type === 'module';
  }
  return false;
}

/**
 * `code` with each non-ASCII UTF-16 code unit written as a \uXXXX escape, so that bin/code-cache.cjs
 * can read the file as Latin-1: decoding UTF-8 into a two-byte string cost more than reading it.
 * The escape means the same character in a string, a template's cooked value, a regex literal (a
 * surrogate pair's two escapes are one code point under the u flag) and a comment; not in a raw
 * template string (String.raw) unless that becomes a RegExp. Throws for a line of code (not a
 * comment) with a template, a non-ASCII character and no RegExp on it or the line before, so that a
 * new case is looked at.
 */
export function asciiOnly(code) {
  const lines = code.split('\n');
  for (const [k, line] of lines.entries()) {
    const comment = /^\s*(\*|\/\/|\/\*)/.test(line);
    if (!comment && /[^\x00-\x7f]/.test(line) && line.includes('`') && !/RegExp\(/.test(line) && !/RegExp\(\s*$/.test(lines[k - 1] ?? '')) {
      throw new Error(
        `dignify: main.cjs line ${k + 1}: a non-ASCII character in a template literal: check that \\u escapes keep its meaning, then allow it here: ${line.trim().slice(0, 160)}`,
      );
    }
  }
  return code.replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/**
 * Writes dist/bundle/main.cjs and its code cache for the running Node (see the top of this file).
 * `metafile` is the ES module build's, whose `main.js` output says which packages start-up needs;
 * `plugins` are the ES module build's own. Makes nothing, and says so, when this Node cannot
 * require() ES modules. Throws when a package the bundle requires cannot be resolved, or the
 * warm-up run fails.
 */
export async function bundleWithCodeCache(esbuild, { root, outdir, metafile, plugins }) {
  const out = path.join(outdir, 'main.cjs');
  rmSync(out, { force: true });
  if (!process.features.require_module) {
    console.log(`dignify: no code-cached CLI: Node ${process.version} cannot require() ES modules (20.19+ and 22.12+ can)`);
    return;
  }
  const mainOutput = Object.keys(metafile.outputs).find((o) => o.endsWith('/main.js'));
  const startup = startupPackages(metafile, mainOutput);
  const lazyPackages = {
    name: 'lazy-packages',
    setup(build) {
      build.onResolve({ filter: /^[^./#]/ }, (args) => {
        const name = packageName(args.path);
        return name && !startup.has(name) ? { path: args.path, external: true } : undefined;
      });
    },
  };
  const result = await esbuild.build({
    absWorkingDir: root,
    entryPoints: ['src/cli/main.ts'],
    outfile: out,
    bundle: true,
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    // import() becomes require(): a vm.Script run from a code cache has lost its dynamic import
    // callback (ERR_VM_DYNAMIC_IMPORT_CALLBACK_MISSING), and the callback that would work is
    // experimental in Node 20 and warns.
    supported: { 'dynamic-import': false },
    // The code finds builtin.json, sources.json and pool-worker.js beside itself, as in main.js.
    define: { 'import.meta.url': '__dignify_import_meta_url' },
    banner: { js: "var __dignify_import_meta_url = require('node:url').pathToFileURL(__filename).href;" },
    plugins: [...plugins, lazyPackages],
    metafile: true,
    logLevel: 'warning',
  });

  // esbuild gives a default import of a required package Node's meaning (module.exports), right
  // for CommonJS; an ES module's require() gives its namespace, whose `default` is the export.
  const requireOf = createRequire(out);
  let code = readFileSync(out, 'utf8');
  const externals = new Set(
    Object.values(result.metafile.outputs)
      .flatMap((o) => o.imports)
      .filter((i) => i.external && packageName(i.path))
      .map((i) => i.path),
  );
  for (const specifier of externals) {
    let resolved;
    try {
      resolved = requireOf.resolve(specifier);
    } catch (error) {
      throw new Error(`dignify: the code-cached CLI requires "${specifier}", which require() cannot resolve: ${error.message}`);
    }
    if (!isEsModule(resolved)) continue;
    const quoted = JSON.stringify(specifier);
    code = code.replaceAll(`__toESM(require(${quoted}), 1)`, `require(${quoted})`).replaceAll(`__toESM(require(${quoted}))`, `require(${quoted})`);
  }
  writeFileSync(out, asciiOnly(code));

  // Each package main.cjs requires on first use must load by require() on this Node (an ES module
  // with top-level await cannot): found here rather than by the user who first needs it.
  const check = `const r = require('node:module').createRequire(${JSON.stringify(out)}); for (const s of ${JSON.stringify([...externals])}) { try { r(s); } catch (e) { console.error(s + ': ' + e.message); process.exitCode = 1; } }`;
  const loaded = spawnSync(process.execPath, ['-e', check], { encoding: 'utf8' });
  if (loaded.status !== 0) throw new Error(`dignify: the code-cached CLI cannot require() what it loads on first use:\n${loaded.stderr}`);

  const env = { ...process.env };
  delete env.NODE_OPTIONS; // the cache is for the flags a plain `dignify` runs with
  const run = spawnSync(process.execPath, [WARMUP, outdir], { input: WARMUP_INPUT, env, encoding: 'utf8' });
  if (run.status !== 0 || !existsSync(cacheFile(outdir))) {
    throw new Error(`dignify: the code cache's warm-up run failed (exit ${run.status}): ${run.stderr}`);
  }
  const kB = (file) => `${Math.round(readFileSync(file).length / 1024)} kB`;
  console.log(`dignify: bundled the start-up code into dist/bundle/main.cjs (${kB(out)}) with its code cache (${kB(cacheFile(outdir))})`);
}
