#!/usr/bin/env node
// The packed package must not carry dignify's own `prepare` script (it builds a clone from
// source; in an installed tarball there is no source, and npm warns about it). `prepack` runs
// `node scripts/pack-scripts.js disable` after the build, which renames it to `_prepare` in
// package.json; `postpack` runs `enable` to put it back (as pinst does for postinstall). A clone
// keeps `prepare`, so `npm install` there still builds dist/ and `npx dignify` works.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Renames scripts.prepare ⇄ scripts._prepare in the package.json at `file`; returns whether it changed. */
export function toggle(file, mode) {
  const text = readFileSync(file, 'utf8');
  const pkg = JSON.parse(text);
  const [from, to] = mode === 'disable' ? ['prepare', '_prepare'] : ['_prepare', 'prepare'];
  if (!pkg.scripts || !(from in pkg.scripts)) return false;
  // Rename in place, keeping the order of the scripts.
  pkg.scripts = Object.fromEntries(Object.entries(pkg.scripts).map(([k, v]) => [k === from ? to : k, v]));
  writeFileSync(file, `${JSON.stringify(pkg, null, 2)}\n`);
  return true;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const mode = process.argv[2];
  if (mode !== 'disable' && mode !== 'enable') {
    console.error('usage: node scripts/pack-scripts.js disable|enable');
    process.exit(2);
  }
  toggle(path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'package.json'), mode);
}
