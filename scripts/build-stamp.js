// The build's stamp: a hash of everything `npm run build` reads, written into dist/ by the build's
// first and last steps, so the test build (test/global-setup.ts) can tell that dist/ was already built
// from the files now on disk and skip building it again. A fresh clone's `npm ci` builds dist/ (the
// prepare script) a minute before `npm test` would build the same files a second time (~9 s of the
// suite on a 2-core machine, with no test running beside it).
//
//   node scripts/build-stamp.js begin   first step: hash the inputs, drop the stamp, keep the hash aside
//   node scripts/build-stamp.js end     last step: the kept hash becomes the stamp
//
// The hash is taken before the build reads anything, so a file edited while the build runs leaves a
// stamp that no longer matches (the next test run builds again); a build that fails part-way leaves no
// stamp at all. The stamp also lists the files dist/ held when the build ended: a matching hash says
// nothing of outputs deleted since ('rm -rf dist/bundle' kept its stamp, and every spawned CLI failed).
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** The stamp's file, and the hash the first step keeps aside for the last. */
export const STAMP = path.join('dist', '.build-stamp');
const PENDING = `${STAMP}.pending`;

/**
 * What the build steps read: the sources, the rule files, the bundled data, the build scripts, the
 * TypeScript and package settings, and the installed dependencies (npm's hidden lockfile in
 * node_modules, rewritten by every install; the lockfile when there is none). Folders are read whole.
 */
export const INPUTS = [
  'src',
  'rules',
  'data',
  'scripts',
  'package.json',
  'package-lock.json',
  'tsconfig.json',
  'tsconfig.build.json',
  'node_modules/.package-lock.json',
];

/** A hex SHA-256 over each input file's path ('/'-separated, relative to `root`) and bytes, in path order; a missing input counts as absent. */
export function inputsHash(root = ROOT) {
  const files = [];
  for (const input of INPUTS) {
    const full = path.join(root, input);
    if (!existsSync(full)) continue;
    for (const entry of readdirOrFile(full)) files.push(posixFrom(root, entry));
  }
  files.sort();
  const hash = createHash('sha256');
  for (const file of files) {
    const bytes = readFileSync(path.join(root, file));
    hash.update(`${file}\0${bytes.length}\0`);
    hash.update(bytes);
  }
  return hash.digest('hex');
}

/** The files of a folder, recursively (symbolic links followed as Node's readdir reports them), or the file itself. */
function readdirOrFile(full) {
  try {
    return readdirSync(full, { recursive: true, withFileTypes: true })
      .filter((d) => d.isFile())
      .map((d) => path.join(d.parentPath, d.name));
  } catch (error) {
    if (error.code === 'ENOTDIR') return [full];
    throw error;
  }
}

/** The stamp's lines: the inputs' hash, then each file of dist/ ('/'-separated, relative to `root`), or undefined when there is no stamp. */
function stampLines(root) {
  try {
    return readFileSync(path.join(root, STAMP), 'utf8').split('\n').filter(Boolean);
  } catch {
    return undefined;
  }
}

/** The hash the stamp of dist/ holds, or undefined when it holds none (never built, or a build that did not finish). */
export function readStamp(root = ROOT) {
  return stampLines(root)?.[0];
}

/** The files the stamp lists that are no longer on disk ('/'-separated, relative to `root`): outputs deleted after the build. */
export function missingOutputs(root = ROOT) {
  return (stampLines(root) ?? []).slice(1).filter((file) => !existsSync(path.join(root, file)));
}

/** The files of dist/ now, '/'-separated and relative to `root`, in path order, the stamp's own files left out. */
function outputs(root) {
  const stamp = STAMP.split(path.sep).join('/');
  return readdirOrFile(path.join(root, 'dist'))
    .map((file) => posixFrom(root, file))
    .filter((file) => !file.startsWith(stamp))
    .sort();
}

/** `file` relative to `root` with '/' between its parts, as the stamp and the hash name files on every system. */
function posixFrom(root, file) {
  return path.relative(root, file).split(path.sep).join('/');
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const step = process.argv[2];
  if (step === 'begin') {
    mkdirSync(path.join(ROOT, 'dist'), { recursive: true });
    rmSync(path.join(ROOT, STAMP), { force: true });
    writeFileSync(path.join(ROOT, PENDING), `${inputsHash()}\n`);
  } else if (step === 'end') {
    if (!existsSync(path.join(ROOT, PENDING))) {
      console.error(`build-stamp: no ${PENDING} (the build's first step, "node scripts/build-stamp.js begin", did not run)`);
      process.exit(2);
    }
    // The hash, then the outputs: written aside and renamed, so a stamp is never seen half-written.
    writeFileSync(path.join(ROOT, PENDING), [readFileSync(path.join(ROOT, PENDING), 'utf8').trim(), ...outputs(ROOT), ''].join('\n'));
    renameSync(path.join(ROOT, PENDING), path.join(ROOT, STAMP));
  } else {
    console.error('usage: node scripts/build-stamp.js begin|end');
    process.exit(2);
  }
}
