import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { corpusTexts } from '../bench/corpus.js';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const BIN = path.join(ROOT, 'bin', 'dignify.cjs');

/** Runs the built CLI as a user would, in a child process. */
export function runCli(args: string[], options: { input?: string; cwd?: string; env?: NodeJS.ProcessEnv } = {}) {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    input: options.input ?? '',
    cwd: options.cwd ?? ROOT,
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '', ...options.env },
    encoding: 'utf8',
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/**
 * Runs the CLI in this process (main() with captured streams): much faster than runCli, for
 * tests of behaviour rather than of the installed command. Not in worker threads (chdir).
 * `built`: the compiled main (dist/cli/main.js, made by test/global-setup.ts) instead of the
 * source, for what needs dist's files beside it: the worker pool's threads load
 * dist/engine/pool-worker.js, which src/ does not have.
 */
export async function runMain(args: string[], options: { input?: string; cwd?: string; env?: NodeJS.ProcessEnv; built?: boolean } = {}) {
  const { Readable } = await import('node:stream');
  const { main } = (
    options.built ? await import(path.join(ROOT, 'dist', 'cli', 'main.js')) : await import('../src/cli/main.js')
  ) as typeof import('../src/cli/main.js');
  let stdout = '';
  let stderr = '';
  const stdin = Object.assign(Readable.from(options.input === undefined ? [] : [Buffer.from(options.input)]), { isTTY: false });
  // The CLI reads relative paths from the process's folder: run there, and go back after. A
  // worker runs one test at a time (files share a worker process, one after another: vitest.config.ts),
  // and the pool is forks, where chdir works (worker threads cannot chdir).
  const before = process.cwd();
  if (options.cwd) process.chdir(options.cwd);
  try {
    const code = await main(args, {
      stdin,
      stdout: { write: (s: string) => (stdout += s) },
      stderr: { write: (s: string) => (stderr += s) },
      cwd: options.cwd ?? process.cwd(),
      env: { NO_COLOR: '1', ...options.env },
    });
    return { code, stdout, stderr };
  } finally {
    process.chdir(before);
  }
}

/**
 * `npm run test:corpus` sets DIGNIFY_FULL_CORPUS=1: every text of the shared corpus and the full
 * property runs. `npm test` checks a fixed sample of the corpus and fewer random cases, sized for a
 * busy 2-core CI machine (a failure names its fast-check seed, so it reproduces either way).
 */
export const FULL_CORPUS = process.env.DIGNIFY_FULL_CORPUS === '1';

/** fast-check's numRuns: `ci` in `npm test`, `full` in `npm run test:corpus`. */
export function propertyRuns(ci: number, full: number): number {
  return FULL_CORPUS ? full : ci;
}

type CorpusText = { file: string; field: string; text: string };
const corpusCache = new Map<string, readonly CorpusText[]>();

/**
 * bench/corpus.js's corpusTexts (every string field of the shared corpus, {file, field, text}),
 * read once per folder and process: parsing the 45 MB corpus costs ~2.3 s of CPU, and six test
 * files read it. Test files of the `main` project share a worker's module graph (vitest.config.ts,
 * isolate: false), so each worker parses it once instead of once per file. Frozen: a caller that
 * changed the list would change it for the files after it. Throws when dir is undefined.
 */
export function sharedCorpusTexts(dir: string | undefined): readonly CorpusText[] {
  if (!dir) throw new Error('sharedCorpusTexts: no corpus folder (skip the test when corpusDir() finds none)');
  let texts = corpusCache.get(dir);
  if (!texts) {
    texts = Object.freeze((corpusTexts(dir) as CorpusText[]).map((t) => Object.freeze(t)));
    corpusCache.set(dir, texts);
  }
  return texts;
}
