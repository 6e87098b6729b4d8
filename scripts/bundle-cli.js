// Build step: bundle the CLI (and the lint pool's worker) into dist/bundle/, so a run loads a few
// files instead of a hundred modules: a pre-commit hook pays the start-up on every commit.
// Optional: without esbuild (a production install), bin/dignify.cjs runs dist/cli/start.js instead.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { builtinModules, createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outdir = path.join(root, 'dist', 'bundle');
rmSync(outdir, { recursive: true, force: true });

let esbuild;
try {
  esbuild = await import('esbuild');
} catch {
  console.log('dignify: esbuild not installed, CLI not bundled (it still runs, only starts slower)');
  process.exit(0);
}
// Node built-ins, as the bundle imports them. An ES module import of a built-in (`import { x } from
// 'node:fs'`) makes Node build a module facade that reads every export at once, which runs the lazy
// getters behind them: node:fs loads fs/promises and the file streams, node:process works out
// allowedNodeEnvironmentFlags and loads process.report. The bundle instead gets each built-in by
// require() (the banner's), whose exports esbuild reads only when the code uses them.
// Some built-ins a one-line check never uses get a stand-in that loads them on first use:
// - node:child_process, which commander requires when it loads, only to run subcommands that are
//   separate executables (dignify has none); it and what it loads (net, dgram, …) cost ~3 ms;
// - node:readline and node:stream, which the export reader (src/inputs/decode.ts) uses for its lines.
// The stand-in for ES module importers exports a default only, so a named import added later fails
// the build instead of being undefined at run time.
const LAZY_BUILTINS = [
  // [module, how it is imported (esbuild's kind), by which importers (path), the stand-in's source]
  [
    'child_process',
    'require-call',
    /[\\/]node_modules[\\/]commander[\\/]/,
    "module.exports = new Proxy({}, { get: (_, key) => require('node:child_process')[key] });",
  ],
  ['readline', 'import-statement', /[\\/]src[\\/]inputs[\\/]/, "export default new Proxy({}, { get: (_, key) => require('node:readline')[key] });"],
  // node:stream (Node's stream modules: ~10 M instructions), which only the export reader uses.
  ['stream', 'import-statement', /[\\/]src[\\/]inputs[\\/]/, "export default new Proxy({}, { get: (_, key) => require('node:stream')[key] });"],
  // node:fs/promises (and what it loads: readline's Interface, the fs watchers; ~4.7 M instructions and ~65 page
  // faults), which a one-line check never calls: src/ imports it as a default for this (BENCHMARKS.md, branch cold10).
  ['fs/promises', 'import-statement', /[\\/]src[\\/]/, "export default new Proxy({}, { get: (_, key) => require('node:fs/promises')[key] });"],
  // lilconfig (the config search) reads `fs.promises.readFile` when it loads, which loads fs/promises: its node:fs
  // is Node's with a `promises` whose functions load fs/promises at their first call (lilconfig only calls them).
  [
    'fs',
    'require-call',
    /[\\/]node_modules[\\/]lilconfig[\\/]/,
    "const fs = require('node:fs');\nmodule.exports = Object.create(fs, { promises: { value: new Proxy({}, { get: (_, key) => (...args) => fs.promises[key](...args) }) } });",
  ],
];
// Bundled CommonJS packages that the start-up path imports but a run seldom calls. esbuild runs a
// CommonJS package's module function where an ES module imports it, at start-up: `ignore` (30 kB,
// about 30 regexes built at load) is called only for a .dignifyignore file or a config's `ignore`.
// Its importers get a CommonJS stand-in whose default export calls the package, which esbuild then
// evaluates at that first call. Only packages imported for their default export, called as a function.
const LAZY_PACKAGES = [['ignore', /[\\/]src[\\/]config[\\/]/]];
const BUILTINS = new Set(builtinModules);
// Whose imports of built-ins go through require(): dignify's own and vfile's (both at start-up).
// Other packages' stay ES imports: one may name an accessor (hyparquet imports fs's promises).
const BY_REQUIRE = [path.join(root, 'src'), path.join(root, 'node_modules', 'vfile')].map((dir) => dir + path.sep);
const byRequire = (importer) => BY_REQUIRE.some((dir) => importer.startsWith(dir));
const require = createRequire(import.meta.url);
/**
 * An ES module standing for a built-in: its default export and, as named exports, its plain data
 * properties, read from it once. Not its accessor properties (node:fs's promises, ReadStream, …):
 * reading them is the cost this avoids; a named import of one fails the build. (Exporting it as
 * CommonJS instead made esbuild copy the built-in's properties into a new object for each module
 * that imports it: 315 kB allocated at start-up, a tenth of the garbage collected.)
 */
function builtinModuleSource(name) {
  const names = Object.entries(Object.getOwnPropertyDescriptors(require(`node:${name}`)))
    .filter(([key, d]) => 'value' in d && key !== 'default' && /^[A-Za-z_$][\w$]*$/.test(key) && isBindingName(key))
    .map(([key]) => key);
  return `const m = require('node:${name}');\nexport default m;\nexport const { ${names.join(', ')} } = m;\n`;
}
function isBindingName(key) {
  try {
    new Function(`const ${key} = 0;`);
    return true;
  } catch {
    return false;
  }
}
const lazyPackages = {
  name: 'lazy-packages',
  setup(build) {
    for (const [name, importers] of LAZY_PACKAGES) {
      build.onResolve({ filter: new RegExp(`^${name}$`) }, (args) =>
        args.kind === 'import-statement' && importers.test(args.importer) ? { path: name, namespace: 'lazy-package' } : undefined,
      );
    }
    build.onLoad({ filter: /.*/, namespace: 'lazy-package' }, (args) => ({
      contents: `module.exports = function (...args) { return require(${JSON.stringify(require.resolve(args.path))})(...args); };\n`,
      resolveDir: root,
      loader: 'js',
    }));
  },
};
const builtinsByRequire = {
  name: 'builtins-by-require',
  setup(build) {
    for (const [name, kind, importers] of LAZY_BUILTINS) {
      build.onResolve({ filter: new RegExp(`^(node:)?${name}$`) }, (args) =>
        args.kind === kind && importers.test(args.importer) ? { path: name, namespace: 'lazy-builtin' } : undefined,
      );
    }
    build.onLoad({ filter: /.*/, namespace: 'lazy-builtin' }, (args) => ({
      contents: LAZY_BUILTINS.find(([name]) => name === args.path)[3],
      loader: 'js',
    }));
    build.onResolve({ filter: /^(node:)?[a-z_/]+$/ }, (args) => {
      const name = args.path.replace(/^node:/, '');
      return args.kind === 'import-statement' && BUILTINS.has(name) && byRequire(args.importer) ? { path: name, namespace: 'builtin-require' } : undefined;
    });
    build.onLoad({ filter: /.*/, namespace: 'builtin-require' }, (args) => ({ contents: builtinModuleSource(args.path), loader: 'js' }));
  },
};
// One chunk for the start-up path (measured: 17 chunks → 2 took 55 M instructions, 6%, off a one-line
// check). esbuild's splitting makes one chunk per set of entry points (the two entries and every
// dynamic import) that reach a module: the modules of the CLI's start-up path, reached by main and
// by different sets of lazily loaded modules, fell into 17 chunks, each read, resolved, linked and
// given its own createRequire by Node one by one. A lazily loaded module of dignify's (report,
// serve, lsp, fix, docx, …) is therefore imported through a stand-in that also imports main.ts
// (src/cli/start.ts, the entry; already loaded when it runs): every module of main's path is then reached by main and by all of
// them alike, and they share one chunk. The lazy modules stay out of it, so the start-up path does
// not parse them (test/bundle.test.ts).
const MAIN_SOURCE = path.join(root, 'src', 'cli', 'start.ts');
const SRC = path.join(root, 'src') + path.sep;
const onePathChunk = {
  name: 'one-path-chunk',
  setup(build) {
    build.onResolve({ filter: /^\./ }, async (args) => {
      if (args.kind !== 'dynamic-import' || !args.importer.startsWith(SRC)) return undefined;
      const target = await build.resolve(args.path, { kind: 'import-statement', importer: args.importer, resolveDir: args.resolveDir });
      if (target.errors.length > 0 || !target.path.startsWith(SRC)) return undefined;
      return { path: target.path, namespace: 'with-main' };
    });
    build.onLoad({ filter: /.*/, namespace: 'with-main' }, (args) => ({
      contents: `import ${JSON.stringify(MAIN_SOURCE)};\nexport * from ${JSON.stringify(args.path)};\n`,
      resolveDir: path.dirname(args.path),
      loader: 'js',
    }));
  },
};
// Node 20's V8 has every regex feature the sources use, but esbuild lowers a regex literal with a
// `\p{…}` class to `new RegExp(…)` for any Node target, and inside a function that builds (and
// parses) the regex again at every call: 29 of them in the start-up script, on paths such as a
// pronoun's antecedent read per word. Said supported, the literals stay literals.
const NODE = { platform: 'node', target: 'node20', supported: { 'regexp-unicode-property-escapes': true } };

const { metafile } = await esbuild.build({
  absWorkingDir: root,
  metafile: true,
  entryPoints: { main: 'src/cli/start.ts', 'pool-worker': 'src/engine/pool-worker.ts' },
  outdir,
  bundle: true,
  splitting: true, // the pool (started only for large inputs) stays in a chunk of its own
  format: 'esm',
  ...NODE,
  // ajv and yaml are loaded lazily by require.
  external: ['ajv', 'yaml'],
  // CommonJS dependencies (commander) call require() for Node built-ins.
  banner: {
    js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url); const __performanceNow = () => process.uptime() * 1000;",
  },
  // Reading the global `performance` makes Node load perf_hooks and the nine modules behind it
  // (2-3 ms of CPU at every start); the code only asks it for now(), to measure durations (the pool's
  // gate, src/engine/lint-parallel.ts). process.uptime() counts from the same origin, the process's start.
  define: { 'performance.now': '__performanceNow' },
  plugins: [onePathChunk, lazyPackages, builtinsByRequire],
  logLevel: 'warning',
});
// Each chunk in ASCII. esbuild leaves characters past ASCII in comments (vfile's and unified's
// docs), regex literals and String.raw templates (the apostrophe "’" of the word regexes): one
// such character makes Node decode the whole file as UTF-8 into a two-byte string and V8 scan it
// as one, 15.8 M instructions more for the start-up chunk (269 kB). Each is written as a \uXXXX
// escape (a surrogate pair past U+FFFF), which means the same character in a string, a regex (also
// with flag u) and an identifier, and nothing in a comment. A String.raw template keeps the escape
// as text: every one with such a character is a RegExp source, where it means the character.
for (const name of readdirSync(outdir).filter((n) => n.endsWith('.js'))) {
  const file = path.join(outdir, name);
  const code = readFileSync(file, 'utf8');
  if (/^[\x00-\x7f]*$/.test(code)) continue;
  const ascii = code.replace(/[^\x00-\x7f]/g, (c, at) => {
    // "\’" would become "\\u2019", a backslash and "u2019": stop the build instead.
    if (code[at - 1] === '\\') throw new Error(`${name}: a character past ASCII after a backslash at ${at}; cannot escape it`);
    return `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
  });
  writeFileSync(file, ascii);
}
await startUpScript();
// The bundle looks for the precompiled rules (and the bibliography) beside itself, as dist/rules/builtin.js does.
for (const name of ['builtin-lean.json', 'builtin-examples.json', 'builtin-expansions.txt'])
  copyFileSync(path.join(root, 'dist', 'rules', name), path.join(outdir, name));
copyFileSync(path.join(root, 'dist', 'rules', 'sources.json'), path.join(outdir, 'sources.json'));
// The code cache of the start-up script (scripts/code-cache.js), made by the CLI in a Node like the one
// that will run it: the same binary with no flags (V8 rejects a cache made under other flags). In an
// empty folder, so that no config file found above the checkout adds rules or output. The line must give
// its one finding (exit 1): the cache then holds the matching code a one-line check runs (scripts/code-cache.js).
const empty = mkdtempSync(path.join(tmpdir(), 'dignify-code-cache-'));
const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => key !== 'NODE_OPTIONS'));
const cache = spawnSync(process.execPath, [path.join(root, 'scripts', 'code-cache.js')], {
  cwd: empty,
  env,
  input: 'hx of IVDU\n',
  encoding: 'utf8',
});
rmSync(empty, { recursive: true, force: true });
if (cache.status !== 1 || !cache.stdout.includes('substance-use/injection-drug-abuse')) {
  throw new Error(`scripts/code-cache.js: exit ${cache.status}, not the line's finding\n${cache.stdout}${cache.stderr}`);
}
console.log('dignify: bundled the CLI into dist/bundle/');

/**
 * The start-up chunks as one script with a V8 code cache (scripts/startup-loader.cjs says why).
 * The chunks main.js imports statically (and what they import) are bundled again by esbuild into one
 * IIFE, wrapped in a function given `require`, the chunks' import.meta.url (the same folder) and a
 * dynamic import; each chunk's file becomes a small ES module taking its exports from that script,
 * so the lazily loaded chunks (main.ts's commander program, --fix, the readers, the pool) import
 * the same module instances as before. The exports are read once, after the whole script has run:
 * none of them is assigned after its module's evaluation (assertExportsFinal stops the build otherwise).
 */
async function startUpScript() {
  const output = (file) => path.relative(root, path.join(outdir, file)).split(path.sep).join('/');
  const chunks = [];
  const visit = (name) => {
    if (chunks.includes(name)) return;
    if (name !== 'main.js') chunks.push(name);
    for (const i of metafile.outputs[output(name)].imports) if (i.kind === 'import-statement' && !i.external) visit(path.basename(i.path));
  };
  visit('main.js');
  const CHUNK = new Set(chunks.map((c) => path.join(outdir, c)));
  const entry = `${chunks.map((c, i) => `import * as c${i} from ${JSON.stringify(`./${c}`)};`).join('\n')}\nexport { ${chunks.map((_, i) => `c${i}`).join(', ')} };\n`;
  const asScript = {
    name: 'start-up-chunks',
    setup(build) {
      build.onResolve({ filter: /.*/ }, (args) => {
        const file = args.path.startsWith('.') ? path.join(args.resolveDir, args.path) : undefined;
        return file && CHUNK.has(file) ? { path: file } : { path: args.path, external: true };
      });
      // A dynamic import in a script needs a callback on Node 20: the wrapper's `__import`, the loader's import().
      // The chunks' comments naming each module's file (`// src/cli/start.ts`) are kept, as legal comments
      // (`//!`), which esbuild leaves in place: test/lazy-load.test.ts reads them.
      build.onLoad({ filter: /\.js$/ }, (args) => ({
        contents: readFileSync(args.path, 'utf8')
          .replace(/(?<![\w$.])import\(/g, '__import(')
          .replace(/^\/\/ ((?:src|node_modules)\/\S+)$/gm, '//! $1'),
        loader: 'js',
      }));
    },
  };
  const built = await esbuild.build({
    stdin: { contents: entry, resolveDir: outdir, sourcefile: 'startup-entry.js' },
    bundle: true,
    format: 'iife',
    globalName: '__dignifyStartUp',
    ...NODE,
    define: { 'import.meta.url': '__importMetaUrl' },
    plugins: [asScript],
    legalComments: 'inline',
    write: false,
    logLevel: 'warning',
  });
  const code = built.outputFiles[0].text;
  if (/\bimport\.meta\b|(?<![\w$.])import\(/.test(code)) throw new Error('startup-script.js: an import.meta or import( left in the script');
  writeFileSync(path.join(outdir, 'startup-script.js'), `(function (require, __importMetaUrl, __import) {\n${code}return __dignifyStartUp;\n})\n`);
  // main.js takes src/cli/start.ts's exports from one start-up chunk: the loader's cli() gives that chunk.
  const mainCode = readFileSync(path.join(outdir, 'main.js'), 'utf8');
  const named = [...mainCode.matchAll(/^import \{([^}]*)\} from "\.\/([^"]+)";$/gm)];
  if (named.length !== 1 || !chunks.includes(named[0][2])) throw new Error('main.js: not one start-up chunk to take its exports from');
  const mainChunk = `c${chunks.indexOf(named[0][2])}`;
  const loader = readFileSync(path.join(root, 'scripts', 'startup-loader.cjs'), 'utf8');
  if (!loader.includes("'MAIN_CHUNK'")) throw new Error('scripts/startup-loader.cjs: no MAIN_CHUNK to set');
  writeFileSync(path.join(outdir, 'startup.cjs'), loader.replace("'MAIN_CHUNK'", `'${mainChunk}'`));
  // The loader's ES module face, for the chunk files and the lazily loaded chunks importing them: the
  // same module instance as bin/dignify.cjs's require (one run of the script, one state).
  writeFileSync(
    path.join(outdir, 'startup.js'),
    `// The ES module face of startup.cjs (scripts/startup-loader.cjs), shared with bin/dignify.cjs's require.\nimport { createRequire } from 'node:module';\n\nexport const { CACHE, cli, startUp, startUpScript } = createRequire(import.meta.url)('./startup.cjs');\n`,
  );
  // main.js (for an ES module importer: bin/dignify.js, scripts/code-cache.js) takes start.ts's exports
  // from the loader alone, not through the chunk files: each ES module read, resolved and linked costs.
  const names = named[0][1]
    .split(',')
    .map((n) => n.trim())
    .filter(Boolean);
  if (names.some((n) => !/^[\w$]+$/.test(n))) throw new Error('main.js: an import renamed');
  writeFileSync(
    path.join(outdir, 'main.js'),
    `// The CLI's entry (src/cli/start.ts), from the start-up script (scripts/bundle-cli.js startUpScript).\nimport { cli } from "./startup.js";\nconst { ${names.join(', ')} } = cli();\nexport { ${names.join(', ')} };\n`,
  );
  for (const [i, name] of chunks.entries()) {
    const exports = metafile.outputs[output(name)].exports;
    assertExportsFinal(name, readFileSync(path.join(outdir, name), 'utf8'));
    const local = exports.map((e, k) => `${JSON.stringify(e)}: e${k}`).join(', ');
    writeFileSync(
      path.join(outdir, name),
      `// This start-up chunk runs in startup-script.js (scripts/bundle-cli.js startUpScript).\nimport { startUp } from "./startup.js";\n` +
        (exports.length === 0 ? 'startUp();\n' : `const { ${local} } = startUp().c${i};\nexport { ${exports.map((e, k) => `e${k} as ${e}`).join(', ')} };\n`),
    );
  }
}

/**
 * A start-up chunk's file exports what its module held once the script ran (startUpScript): right
 * for a function, a class or a const, wrong for a `var` or `let` that the chunk assigns later (an ES
 * module's importers would see the new value). Stops the build if a chunk's export is such a
 * variable, assigned anywhere but its declaration (a same-named local counts too: cautious).
 */
function assertExportsFinal(name, code) {
  const block = /\nexport \{([^}]*)\};\s*$/.exec(code);
  if (!block) throw new Error(`${name}: no export list at its end`);
  for (const local of block[1]
    .split(',')
    .map((e) => e.trim().split(/\s+as\s+/)[0])
    .filter(Boolean)) {
    const id = local.replace(/\$/g, '\\$');
    const declared =
      new RegExp(`^(?:async )?(function\\*?|class|const|let|var) ${id}\\b(\\s*=)?`, 'm').exec(code) ??
      // A name of a destructuring declaration (a built-in's stand-in: `var { cpus, … } = m;`): given at the `=`.
      new RegExp(`^(const|let|var) \\{(?:[^}]*,)?\\s*(?:[\\w$]+\\s*:\\s*)?${id}\\s*(?:,[^}]*)?\\}( =)`, 'm').exec(code);
    if (!declared) throw new Error(`${name}: no declaration of its export ${local}`);
    if (declared[1] !== 'let' && declared[1] !== 'var') continue;
    const assigned = code.match(new RegExp(`(?<![\\w$.])${id}\\s*(?:=(?![=>])|\\+\\+|--|[-+*/%&|^]=|\\?\\?=|\\|\\|=|&&=)`, 'g')) ?? [];
    if (assigned.length > (declared[2] ? 1 : 0))
      throw new Error(`${name}: its export ${local} is assigned after its declaration; startup.js would export a stale value`);
  }
}
