// Bundles the lint core for JavaScript hosts without Node (the page, dist/web/). esbuild follows
// the imports of the entry; the few modules that use Node (files, paths, the YAML and schema
// loaders) are swapped for stand-ins by the explicit list below, and any other import of a Node
// built-in stops the build. test/web-bundle.test.ts checks the list and runs the result in a
// context that has no Node globals at all.
import { readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Module (as a path under the package) → the browser build's stand-in for it. */
export const WEB_STUBS = {
  // Reads rules/*.yaml or dist/rules/builtin.json from disk → the JSON, bundled in as data.
  'src/rules/builtin.ts': 'src/web/builtin-rules.ts',
  // The Markdown and HTML parsers (the page lints plain text) → stand-ins that throw.
  'src/parse/markdown.ts': 'src/web/no-markup.ts',
  'src/parse/html.ts': 'src/web/no-markup.ts',
  // The fix planners of those formats parse them too → the same stand-ins.
  'src/fix/segments-markdown.ts': 'src/web/no-markup.ts',
  'src/fix/segments-html.ts': 'src/web/no-markup.ts',
  // Reads data/given-names.txt (455 KB) from disk → no list: a first name is read as before it.
  'src/match/given-names-file.ts': 'src/web/no-given-names.ts',
};

const NODE_BUILTINS = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));

/** The esbuild plugin that applies WEB_STUBS, provides dignify:builtin-rules and refuses Node built-ins. */
export function webPlugin(rulesJson = path.join(ROOT, 'dist', 'rules', 'builtin.json')) {
  const stubs = new Map(Object.entries(WEB_STUBS).map(([from, to]) => [path.join(ROOT, from), path.join(ROOT, to)]));
  return {
    name: 'dignify-web',
    setup(build) {
      build.onResolve({ filter: /^dignify:builtin-rules$/ }, () => ({ path: rulesJson, namespace: 'dignify-rules' }));
      // The bibliography (dist/rules/sources.json, from rules/sources.yaml): the page lists each
      // finding's sources by title, as --why does; only what it shows is bundled.
      build.onResolve({ filter: /^dignify:sources$/ }, () => ({ path: path.join(path.dirname(rulesJson), 'sources.json'), namespace: 'dignify-sources' }));
      build.onLoad({ filter: /.*/, namespace: 'dignify-sources' }, (args) => ({
        contents: JSON.stringify(JSON.parse(readFileSync(args.path, 'utf8')).map(({ key, title, by, year, url }) => ({ key, title, by, year, url }))),
        loader: 'json',
      }));
      // Without the stored pattern expansions (compile.ts, PrecompiledRuleFile): a sixth more
      // page for a few milliseconds of compiling, which the page does after it is shown.
      build.onLoad({ filter: /.*/, namespace: 'dignify-rules' }, (args) => ({
        contents: JSON.stringify(JSON.parse(readFileSync(args.path, 'utf8')).map(({ expansions, ...file }) => file)),
        loader: 'json',
      }));
      build.onResolve({ filter: /^\.\.?\// }, (args) => {
        const target = path.resolve(args.resolveDir, args.path).replace(/\.js$/, '.ts');
        const stub = stubs.get(target);
        return stub ? { path: stub } : undefined;
      });
      build.onResolve({ filter: /^[a-z:_]+$/ }, (args) => {
        if (!NODE_BUILTINS.has(args.path)) return undefined;
        return {
          errors: [
            {
              text: `the browser build cannot use the Node module "${args.path}" (imported by ${path.relative(ROOT, args.importer)}): add a stand-in to WEB_STUBS in scripts/web-bundle.js`,
            },
          ],
        };
      });
    },
  };
}

/** esbuild options shared by every browser bundle. */
export function webBuildOptions(_esbuild, entry, extra = {}) {
  return {
    absWorkingDir: ROOT,
    entryPoints: [entry],
    bundle: true,
    write: false,
    metafile: true,
    format: 'iife',
    platform: 'browser',
    // Browsers of the last few years; nothing here needs newer syntax than ES2020 plus regex lookbehind.
    target: ['es2020', 'chrome100', 'firefox100', 'safari16'],
    minify: true,
    legalComments: 'none',
    charset: 'utf8',
    define: { 'process.env.NODE_ENV': '"production"' },
    plugins: [webPlugin()],
    logLevel: 'warning',
    ...extra,
  };
}
