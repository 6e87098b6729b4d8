#!/usr/bin/env node
// Checks the links of the Markdown files npm packs (README.md, docs/*.md) against the packed file
// list: a relative link must name a file in the tarball (a folder, or a file left out of
// package.json's `files` such as BENCHMARKS.md, is a dead link on npmjs.com and in node_modules),
// and its #anchor a heading of that file. Links with a scheme (https:, mailto:) are not followed.
// A link into the repository (REPOSITORY_FILES: files of a clone not in the package, such as
// BENCHMARKS.md) must name a file of the clone, and its anchor a heading there, when the check runs in one.
// Links in code (fenced blocks, inline code) are examples, not links. Exit 1 when one is dead.
// Used by test/pack.test.ts; run it alone with `node scripts/pack-links.js` (after a build: the
// list comes from `npm pack --dry-run --json --ignore-scripts`, which builds nothing).
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Where the repository's files are read on the web (as src/rules/compile.ts DOCS_URL). */
export const REPOSITORY_FILES = 'https://github.com/dignify-lint/dignify/blob/main/';

/** The files `npm pack` would put in the tarball, as paths relative to the package (posix separators). */
export function packedFiles(root = ROOT) {
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const out = execFileSync(npm, ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  return JSON.parse(out)[0].files.map((f) => f.path);
}

/** Markdown text with its code (fenced blocks, inline code spans) blanked out, line breaks kept. */
function withoutCode(text) {
  const blank = (s) => s.replace(/[^\n]/g, ' ');
  return text.replace(/^( {0,3})(```|~~~)[^\n]*\n[\s\S]*?^ {0,3}\2[^\n]*$/gm, blank).replace(/(`+)[^`\n]*?\1/g, blank);
}

/**
 * The anchors of a Markdown text: GitHub's for its headings (lower case, punctuation dropped, spaces
 * as hyphens, repeats numbered) and HTML `id`/`name` attributes (`<a id="source-nida-wm"></a>`).
 */
export function anchorsOf(text) {
  const anchors = new Set();
  for (const m of withoutCode(text).matchAll(/<[a-z][^>]*?\s(?:id|name)\s*=\s*["']([^"']+)["']/gi)) anchors.add(m[1].toLowerCase());
  const seen = new Map();
  for (const m of text.replace(/^( {0,3})(```|~~~)[^\n]*\n[\s\S]*?^ {0,3}\2[^\n]*$/gm, '').matchAll(/^#{1,6}\s+(.+?)\s*#*\s*$/gm)) {
    const base = m[1]
      .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
      .toLowerCase()
      .replace(/[^\p{L}\p{N}\s_-]/gu, '')
      .replace(/ /g, '-');
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    anchors.add(n === 0 ? base : `${base}-${n}`);
  }
  return anchors;
}

/** The link targets of a Markdown text with their lines: inline links and images, reference definitions, HTML href and src. */
export function linksOf(text) {
  const code = withoutCode(text);
  const links = [];
  const lineOf = (index) => code.slice(0, index).split('\n').length;
  for (const m of code.matchAll(/\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)) links.push({ target: m[1], line: lineOf(m.index) });
  for (const m of code.matchAll(/^ {0,3}\[[^\]]+\]:\s*<?(\S+?)>?(?:\s|$)/gm)) links.push({ target: m[1], line: lineOf(m.index) });
  for (const m of code.matchAll(/\b(?:href|src)\s*=\s*["']([^"']+)["']/g)) links.push({ target: m[1], line: lineOf(m.index) });
  return links;
}

/**
 * The dead links of the packed Markdown files: `files` the packed paths, `read(file)` a packed
 * file's text. Returns one line per dead link: `README.md:614: BENCHMARKS.md#language-server: not in the package`.
 * With `clone` (`{ has(file), read(file) }`: the repository's files), links to REPOSITORY_FILES are
 * checked against it too.
 */
export function deadLinks(files, read, clone) {
  const packed = new Set(files);
  const cloneAnchors = new Map();
  const anchors = new Map();
  const anchorsIn = (file) => {
    if (!anchors.has(file)) anchors.set(file, anchorsOf(read(file)));
    return anchors.get(file);
  };
  const dead = [];
  for (const file of files.filter((f) => /\.md$/i.test(f))) {
    for (const { target, line } of linksOf(read(file))) {
      if (clone && target.startsWith(REPOSITORY_FILES)) {
        const [inRepo, anchor] = target.slice(REPOSITORY_FILES.length).split('#', 2);
        const where = `${file}:${line}: ${target}`;
        if (!clone.has(inRepo)) dead.push(`${where}: no such file in the repository`);
        else if (anchor && /\.md$/i.test(inRepo)) {
          if (!cloneAnchors.has(inRepo)) cloneAnchors.set(inRepo, anchorsOf(clone.read(inRepo)));
          if (!cloneAnchors.get(inRepo).has(anchor.toLowerCase())) dead.push(`${where}: no heading "${anchor}" in ${inRepo}`);
        }
        continue;
      }
      if (/^[a-z][a-z0-9+.-]*:/i.test(target) || target.startsWith('//')) continue; // a scheme: not a file of the package
      const [pathPart, anchor] = target.split('#', 2);
      const withoutQuery = pathPart.split('?')[0];
      const resolved = withoutQuery === '' ? file : path.posix.normalize(path.posix.join(path.posix.dirname(file), decodeURIComponent(withoutQuery)));
      const where = `${file}:${line}: ${target}`;
      if (!packed.has(resolved)) {
        const folder = files.some((f) => f.startsWith(`${resolved.replace(/\/$/, '')}/`));
        dead.push(`${where}: ${folder ? 'a folder, not a file' : 'not in the package'}`);
      } else if (anchor && /\.md$/i.test(resolved) && !anchorsIn(resolved).has(anchor.toLowerCase())) {
        dead.push(`${where}: no heading "${anchor}" in ${resolved}`);
      }
    }
  }
  return dead;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const files = packedFiles();
  const read = (file) => readFileSync(path.join(ROOT, file), 'utf8');
  const dead = deadLinks(files, read, { has: (file) => existsSync(path.join(ROOT, file)) && statSync(path.join(ROOT, file)).isFile(), read });
  for (const line of dead) console.error(`dead link: ${line}`);
  console.log(`${files.filter((f) => /\.md$/i.test(f)).length} packed Markdown files, ${dead.length} dead links`);
  process.exitCode = dead.length ? 1 : 0;
}
