// Build step: dist/web/index.html, the paste-a-note page: one self-contained file (script and
// style inline, nothing fetched), whose Content-Security-Policy allows exactly that script and
// style (by hash) and no connection. Also dist/web/dignify-core.js, the lint core alone as a
// script that defines the global `dignifyCore` (for other hosts without Node).
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT, webBuildOptions } from './web-bundle.js';

let esbuild;
try {
  esbuild = await import('esbuild');
} catch {
  console.log('dignify: esbuild not installed, the web page is not built');
  process.exit(0);
}

// dist/web also holds tsc's output of src/web (the service imports apply-suggestion.js from it): only write our two files.
const outdir = path.join(ROOT, 'dist', 'web');
mkdirSync(outdir, { recursive: true });

const version = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')).version;
const bundle = async (entry, extra) => (await esbuild.build(webBuildOptions(esbuild, entry, extra))).outputFiles[0].text;

// A closing script tag inside a string would end the inline script early.
const script = (await bundle('src/web/page.ts')).replace(/<\/(script)/gi, '<\\/$1');
const core = await bundle('src/web/core.ts', { globalName: 'dignifyCore' });
const style = readFileSync(path.join(ROOT, 'src', 'web', 'page.css'), 'utf8');
const template = readFileSync(path.join(ROOT, 'src', 'web', 'page.html'), 'utf8');

const sha256 = (s) => `'sha256-${createHash('sha256').update(s, 'utf8').digest('base64')}'`;
// default-src 'none' forbids fetch/XHR/WebSocket (connect-src), images, fonts, frames and workers;
// form-action and base-uri are not covered by default-src, so they are named too.
const csp = [
  "default-src 'none'",
  `script-src ${sha256(script)}`,
  `style-src ${sha256(style)}`,
  "img-src 'none'",
  "connect-src 'none'",
  "form-action 'none'",
  "base-uri 'none'",
].join('; ');

const fill = (html, values) =>
  html.replace(/\{\{(\w+)\}\}/g, (_, key) => {
    if (!(key in values)) throw new Error(`src/web/page.html: no value for {{${key}}}`);
    return values[key];
  });
// Functions as replacements: "$&" and the like in the bundle must stay as written.
const page = fill(template, { csp: csp.replace(/"/g, '&quot;'), version, style: '\u0000STYLE\u0000', script: '\u0000SCRIPT\u0000' })
  .replace('\u0000STYLE\u0000', () => style)
  .replace('\u0000SCRIPT\u0000', () => script);
writeFileSync(path.join(outdir, 'index.html'), page);
writeFileSync(path.join(outdir, 'dignify-core.js'), core);
console.log(`dignify: built dist/web/index.html (${Math.round(Buffer.byteLength(page) / 1024)} KB)`);
