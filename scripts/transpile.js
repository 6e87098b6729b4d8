// Test build step: src/**/*.ts → dist/**/*.js with esbuild, one file per module as tsc emits them
// (no bundling, no declarations, no type check). About 0.5 s of CPU against tsc's 12 s: test/global-setup.ts
// uses it in place of `tsc -p tsconfig.build.json` before the end-to-end tests. The types are
// checked by `npm run typecheck` (CI runs it before the tests); `npm run build` (the package) still
// uses tsc, which also writes the .d.ts files.
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const src = path.join(root, 'src');
const entryPoints = readdirSync(src, { recursive: true, encoding: 'utf8' })
  .filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts'))
  .map((f) => path.join(src, f));

await esbuild.build({
  absWorkingDir: root,
  entryPoints,
  outdir: path.join(root, 'dist'),
  outbase: src,
  bundle: false,
  format: 'esm',
  platform: 'node',
  // tsconfig.json's target: class fields and the like compile as tsc compiles them.
  target: 'es2022',
  tsconfig: path.join(root, 'tsconfig.build.json'),
  logLevel: 'warning',
});
console.log(`dignify: transpiled ${entryPoints.length} modules into dist/ (esbuild, no types)`);
