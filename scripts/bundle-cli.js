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
await esbuild.build({
  absWorkingDir: root,
  entryPoints: { main: 'src/cli/main.ts', 'pool-worker': 'src/lint/pool-worker.ts' },
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
  logLevel: 'warning',
});
// The bundle looks for the precompiled rules beside itself, as dist/rules/builtin.js does.
copyFileSync(path.join(root, 'dist', 'rules', 'builtin.json'), path.join(outdir, 'builtin.json'));
console.log('dignify: bundled the CLI into dist/bundle/');
