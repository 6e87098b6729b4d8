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
// commander requires node:child_process when it loads, only to run subcommands that are separate
// executables (dignify has none); that module and what it loads (net, dgram, …) cost ~3 ms of every
// start. commander gets a stand-in that loads it on first use instead.
const lazyChildProcess = {
  name: 'lazy-child-process',
  setup(build) {
    build.onResolve({ filter: /^(node:)?child_process$/ }, (args) =>
      /[\\/]node_modules[\\/]commander[\\/]/.test(args.importer) ? { path: 'child_process', namespace: 'lazy-builtin' } : undefined,
    );
    build.onLoad({ filter: /.*/, namespace: 'lazy-builtin' }, () => ({
      contents: "module.exports = new Proxy({}, { get: (_, key) => require('node:child_process')[key] });",
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
  plugins: [lazyChildProcess],
  logLevel: 'warning',
});
// The bundle looks for the precompiled rules (and the bibliography) beside itself, as dist/rules/builtin.js does.
copyFileSync(path.join(root, 'dist', 'rules', 'builtin.json'), path.join(outdir, 'builtin.json'));
copyFileSync(path.join(root, 'dist', 'rules', 'sources.json'), path.join(outdir, 'sources.json'));
console.log('dignify: bundled the CLI into dist/bundle/');
