// Build step: bundle the CLI (and the lint pool's worker) into dist/bundle/, so a run loads a few
// files instead of a hundred modules: a pre-commit hook pays the start-up on every commit.
// Optional: without esbuild (a production install), bin/dignify.js runs dist/cli/main.js instead.
import { copyFileSync, rmSync } from 'node:fs';
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
// Node built-ins that cost start-up time to load and that a one-line check never uses get a
// stand-in that loads them on first use (about 1-4 ms of CPU each, measured with process.cpuUsage):
// - node:child_process, which commander requires when it loads, only to run subcommands that are
//   separate executables (dignify has none); it and what it loads (net, dgram, …) cost ~3 ms;
// - node:readline, which the export reader (src/inputs/decode.ts) uses for its lines;
// - node:process, imported by vfile: an ES module import of a built-in makes Node copy every
//   export, which runs process's lazy getters (allowedNodeEnvironmentFlags, report) at start-up.
// The stand-ins for ES module importers export a default only, so a named import added later fails
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
  ['process', 'import-statement', /./, 'export default globalThis.process;'],
];
const lazyBuiltins = {
  name: 'lazy-builtins',
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
  },
};
await esbuild.build({
  absWorkingDir: root,
  entryPoints: { main: 'src/cli/main.ts', 'pool-worker': 'src/engine/pool-worker.ts' },
  outdir,
  bundle: true,
  splitting: true, // the pool (tinypool, started only for large inputs) stays in a chunk of its own
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // tinypool starts workers from its own files; ajv and yaml are loaded lazily by require.
  external: ['tinypool', 'ajv', 'yaml'],
  // CommonJS dependencies (commander) call require() for Node built-ins.
  banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
  plugins: [lazyBuiltins],
  logLevel: 'warning',
});
// The bundle looks for the precompiled rules (and the bibliography) beside itself, as dist/rules/builtin.js does.
copyFileSync(path.join(root, 'dist', 'rules', 'builtin.json'), path.join(outdir, 'builtin.json'));
copyFileSync(path.join(root, 'dist', 'rules', 'sources.json'), path.join(outdir, 'sources.json'));
console.log('dignify: bundled the CLI into dist/bundle/');
