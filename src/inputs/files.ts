// Turns the paths a user gives (files, folders, globs) into a list of files, and reads a file as
// text, telling binary and non-UTF-8 files apart from readable ones. Errors are data, not throws,
// so one bad path never stops the run.
import { isAscii } from 'node:buffer';
import { closeSync, fstatSync, openSync, readdir, readFileSync, readSync, realpathSync } from 'node:fs';
// A default import: the bundle loads fs/promises at its first use (scripts/bundle-cli.js LAZY_BUILTINS).
import fsPromises from 'node:fs/promises';
import path from 'node:path';

import { DEFAULT_EXTENSIONS } from './formats.js';

export { DEFAULT_EXTENSIONS } from './formats.js';

/**
 * `named`: the path was given as a file (not found in a folder or by a glob). `folder`: the error is
 * a folder's found in a walk (one that could not be read), which .dignifyignore may exclude.
 */
export type PathEntry = { path: string; named?: boolean } | { path: string; error: string; folder?: boolean };

const IGNORED_DIRS = ['**/node_modules/**', '**/.*/**'];

// Loaded for the first glob or folder: files named one by one (a pre-commit hook) and standard
// input need no globbing library (start-up).
const globbing = () => import('tinyglobby');

/** `--ext` values as given (`note`, `.TXT`, ` md`) → bare, lower-case extensions. */
export function normalizeExtensions(list: readonly string[]): string[] {
  return [...new Set(list.map((e) => e.trim().replace(/^\./, '').toLowerCase()).filter(Boolean))];
}

/** The same file however it is reached (a symlink, a loop of symlinked folders), for de-duplication. */
function identity(p: string): string {
  try {
    // The C library's realpath: one call, where fs.realpathSync lstat()s each folder of the path from
    // JavaScript (74 against 23 ms for MTSamples' 4,999 files, 2026-12-03). A key only: the same file
    // gets the same one either way.
    return realpathSync.native(p);
  } catch {
    return path.resolve(p);
  }
}

/**
 * Expands paths, folders and globs, in the order given; each folder's files sorted by path.
 * Extensions match whatever their case (`.TXT`); a file reached twice (named twice, or through a
 * symlinked folder) is listed once, by its real path. A folder or glob that matches no file is an
 * entry with an error, so nothing given is passed over without a word.
 */
export async function expandPaths(inputs: readonly string[], extensions: readonly string[] = DEFAULT_EXTENSIONS): Promise<PathEntry[]> {
  const out: PathEntry[] = [];
  const seen = new Set<string>();
  const add = (p: string, named = false) => {
    const key = identity(p);
    if (!seen.has(key)) {
      seen.add(key);
      out.push(named ? { path: p, named } : { path: p });
    }
  };
  const exts = normalizeExtensions(extensions);
  // The globbing library skips a folder it cannot read as if it were empty, so a walk lost its
  // files without a word (and an unreadable folder named on the command line was said to hold no
  // file with a linted extension). Its readdir is watched instead: each folder that fails is an
  // entry with the reason, among the files found.
  const unread: { folder: string; error: unknown }[] = [];
  const fs = {
    readdir: ((folder: string, options: { withFileTypes: true }, done: (error: NodeJS.ErrnoException | null, entries: import('node:fs').Dirent[]) => void) =>
      readdir(folder, options, (error, entries) => {
        if (error) unread.push({ folder, error });
        done(error, entries);
      })) as typeof readdir,
  };
  /** The files found (paths relative to `base`, '/'-separated) and the folders that could not be read since the last call, in path order, each named by `shown`. */
  const found = (files: string[], base: string, shown: (rel: string) => string): PathEntry[] => {
    const failed = unread.splice(0).map(({ folder, error }) => [path.relative(base, folder).split(path.sep).join('/'), describeIoError(error)] as const);
    return [...files.map((f) => [f, undefined] as const), ...failed]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([rel, error]): PathEntry => (error === undefined ? { path: shown(rel) } : { path: shown(rel), error, folder: true }));
  };
  const addFound = (entries: PathEntry[]) => {
    for (const entry of entries) 'error' in entry ? out.push(entry) : add(entry.path);
  };
  for (const input of inputs) {
    let info: Awaited<ReturnType<typeof fsPromises.stat>>;
    try {
      info = await fsPromises.stat(input);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      const { glob, isDynamicPattern } = code === 'ENOENT' ? await globbing() : {};
      if (glob && isDynamicPattern?.(input)) {
        const matches = await glob(input, { ignore: IGNORED_DIRS, onlyFiles: true, dot: false, expandDirectories: false, fs });
        // A folder that could not be read says why nothing matched.
        if (matches.length === 0 && unread.length === 0) out.push({ path: input, error: 'no files match this pattern' });
        // Named as the globbing library names the files: relative to the working folder.
        addFound(found(matches, process.cwd(), (rel) => rel || '.'));
        continue;
      }
      out.push({ path: input, error: describeIoError(error) });
      continue;
    }
    if (info.isDirectory()) {
      // One extension needs no braces: `*.{note}` matches nothing.
      const pattern = exts.length === 1 ? `**/*.${exts[0]}` : `**/*.{${exts.join(',')}}`;
      const { glob } = await globbing();
      const matches = exts.length
        ? await glob(pattern, { cwd: input, ignore: IGNORED_DIRS, onlyFiles: true, dot: false, expandDirectories: false, caseSensitiveMatch: false, fs })
        : [];
      if (matches.length === 0 && unread.length === 0) {
        const list = exts.map((e) => `.${e}`).join(', ') || '(none)';
        out.push({ path: input, error: `no file in this folder has an extension linted (${list}; --ext chooses)` });
      }
      addFound(found(matches, path.resolve(input), (rel) => path.join(input, rel)));
    } else {
      add(input, true);
    }
  }
  return out;
}

export function describeIoError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  switch (code) {
    case 'ENOENT':
      return 'no such file or directory';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'is a directory';
    case 'ENAMETOOLONG':
      return 'the path is longer than the system allows';
    // "notes.csv/x": Node's own message repeats the path ("ENOTDIR: not a directory, stat '…'").
    case 'ENOTDIR':
      return 'a part of the path is a file, not a folder';
    case 'ELOOP':
      return 'too many levels of symbolic links';
    default:
      return (error as Error).message ?? String(error);
  }
}

/** A note or a document: `warning` says how it was read when that is worth knowing (a legacy encoding). */
export type ReadResult = { text: string; warning?: string; encoding?: string } | { skipped: string } | { error: string };

/** The default --max-file-size: a document (not an export, which is streamed) larger than this is refused. */
export const DEFAULT_MAX_FILE_BYTES = 256 * 1024 * 1024;

/** How many bytes are looked at to tell binary data from text. */
export const HEAD_BYTES = 8192;

/**
 * Whether the first bytes of a file (its first 8 KB, HEAD_BYTES, or all of it when shorter) are
 * binary data rather than text: they hold more than one control character that text never holds
 * (NUL, and the C0 controls other than tab, line breaks, form feed and escape), and those are more
 * than `share` of them (default 1%). /dev/zero, /dev/urandom, an image or a zip are binary. A stray
 * byte is not, in a note of any length (a single NUL once made a short note, or a file of that one
 * byte, binary while a long note with the same byte was read): the document is read and the NUL
 * bytes are counted in a warning. Bytes past the first 8 KB are not looked at: a NUL late in a big
 * file is counted in that warning too. (ripgrep skips a file with a NUL anywhere when it walks a
 * folder and searches one named on its own with a warning; git calls a NUL in the first 8,000
 * bytes binary; dignify reads rather than skips a note with stray bytes: its findings would be lost.)
 */
export function looksBinary(head: Uint8Array, share = 0.01): boolean {
  let controls = 0;
  for (let i = 0; i < head.length; i++) {
    const b = head[i]!;
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0b && b !== 0x0c && b !== 0x0d && b !== 0x1b) controls++;
  }
  return controls > 1 && controls > head.length * share;
}

/** Decodes file bytes as text: UTF-8 (BOM stripped) or UTF-16 with a BOM; otherwise says why not. */
export function decodeText(bytes: Uint8Array): { text: string } | { skipped: string } {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)) };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)) };
  const head = bytes.subarray(0, HEAD_BYTES);
  if (head.includes(0)) return { skipped: 'binary file' };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes) };
  } catch {
    return { skipped: 'not valid UTF-8 (save it as UTF-8 to lint it)' };
  }
}

/**
 * Decodes a document to lint: UTF-8 (BOM stripped) or UTF-16 with a BOM; bytes that are not
 * UTF-8 as Windows-1252 (a superset of Latin-1's printable characters, the encoding legacy notes
 * come in), with a warning; binary data is `skipped: 'binary file'`. NUL bytes in text are kept
 * (offsets stay those of the file) and named in a warning. (decodeText stays strict: --fix writes
 * only files it can write back in their own encoding.)
 */
// Node makes strings of at least about 1 MB external (string_bytes.cc, EXTERN_APEX).
const EXTERNAL_FROM = 1 << 20;

export function decodeDocument(bytes: Uint8Array): ReadResult {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) return decodeText(bytes);
  if (looksBinary(bytes.subarray(0, HEAD_BYTES))) return { skipped: 'binary file' };
  const nuls = bytes.includes(0) ? countByte(bytes, 0) : 0;
  const nulWarning = nuls ? `holds ${nuls} NUL byte${nuls === 1 ? '' : 's'} (read as they are; is it a text file?)` : undefined;
  // A large ASCII text (most notes) is made from the bytes as Node's external string, outside V8's
  // heap: a 100 MB note held in the heap made the garbage collector let the heap grow by about as
  // much again before collecting (peak memory 500 MB instead of 300 MB, issue 12).
  if (bytes.length >= EXTERNAL_FROM && isAscii(bytes)) {
    const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString('latin1');
    return nulWarning ? { text, warning: nulWarning } : { text };
  }
  try {
    const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
    return nulWarning ? { text, warning: nulWarning } : { text };
  } catch {
    // A UTF-8 byte-order mark is dropped as on the UTF-8 path: read as Windows-1252 it would be
    // three letters ("ï»¿") before the text, and every position on line 1 would be 3 columns off.
    const hasBom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
    const text = new TextDecoder('windows-1252').decode(hasBom ? bytes.subarray(3) : bytes);
    const warning = 'not valid UTF-8: read as Windows-1252 (Latin-1); --fix leaves it alone (save it as UTF-8)';
    return { text, encoding: 'windows-1252', warning: nulWarning ? `${warning}; ${nulWarning}` : warning };
  }
}

function countByte(bytes: Uint8Array, byte: number): number {
  let n = 0;
  for (let i = bytes.indexOf(byte); i !== -1; i = bytes.indexOf(byte, i + 1)) n++;
  return n;
}

/** Megabytes, for messages. */
export function megabytes(bytes: number): string {
  const mb = Math.round((bytes / 1024 / 1024) * 10) / 10;
  // Under 0.05 MB ("--max-file-size 0.01") "0 MB" read as no limit at all: say the bytes.
  return mb > 0 ? `${mb} MB` : `${Math.floor(bytes).toLocaleString('en-US')} bytes`;
}

function tooLarge(maxBytes: number): string {
  return `larger than ${megabytes(maxBytes)}; not read (raise the limit with --max-file-size <MB>)`;
}

/**
 * Reads a document file as text. Synchronous on purpose: for thousands of small files the
 * promise round trips of fs/promises cost more than the reading (a folder of 4,999 notes: 3.9 s
 * with readFile from fs/promises, 2.1 s with readFileSync). A file that is not a regular file
 * (/dev/zero, a pipe) is read in pieces: its first bytes are checked for binary data before
 * anything else, and it is refused past `maxBytes`, so an endless source never fills memory.
 */
export function readTextFileSync(file: string, maxBytes: number = DEFAULT_MAX_FILE_BYTES): ReadResult {
  let fd: number | undefined;
  try {
    fd = openSync(file, 'r');
    const info = fstatSync(fd);
    if (info.isDirectory()) return { error: 'is a directory' };
    if (info.isFile()) {
      if (info.size > maxBytes) return { error: tooLarge(maxBytes) };
      return decodeDocument(readFileSync(fd));
    }
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const chunk = Buffer.allocUnsafe(total === 0 ? HEAD_BYTES : 1024 * 1024);
      const n = readSync(fd, chunk, 0, chunk.length, null);
      if (n === 0) break;
      chunks.push(chunk.subarray(0, n));
      total += n;
      if (chunks.length === 1 && looksBinary(chunks[0]!)) return { skipped: 'binary file' };
      if (total > maxBytes) return { error: tooLarge(maxBytes) };
    }
    return decodeDocument(Buffer.concat(chunks));
  } catch (error) {
    return { error: describeIoError(error) };
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** Reads all of standard input as text: binary data is refused at its first bytes, and more than `maxBytes` is refused. */
export async function readStdin(stream: NodeJS.ReadableStream = process.stdin, maxBytes: number = DEFAULT_MAX_FILE_BYTES): Promise<ReadResult> {
  const chunks: Buffer[] = [];
  let total = 0;
  let checked = false;
  try {
    for await (const chunk of stream) {
      const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
      chunks.push(bytes);
      total += bytes.length;
      if (!checked && total >= HEAD_BYTES) {
        checked = true;
        if (looksBinary(Buffer.concat(chunks).subarray(0, HEAD_BYTES))) return stop(stream, { skipped: 'binary file' });
      }
      if (total > maxBytes) return stop(stream, { error: tooLarge(maxBytes) });
    }
  } catch (error) {
    return { error: describeIoError(error) };
  }
  return decodeDocument(Buffer.concat(chunks));
}

/** Stops reading a stream early (an endless or binary source). */
function stop(stream: NodeJS.ReadableStream, result: ReadResult): ReadResult {
  (stream as NodeJS.ReadableStream & { destroy?: () => void }).destroy?.();
  return result;
}
