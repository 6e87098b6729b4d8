// Lint loads the Markdown and HTML parsers and retext-equality on first use (src/engine/lazy.ts), so
// that a note on standard input starts without them; the CLI likewise loads the CSV, glob and diff
// libraries only for an export, a glob or folder, and --fix. Checked here: a synchronous lint says
// what it lacks instead of dropping findings, withLoading loads it and gives the findings, and the
// bundled CLI's start-up chunks hold none of those parts (a static import would bring them back).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Document } from '../src/inputs/document.js';
import { NotLoaded, withLoading } from '../src/engine/lazy.js';
import { lintDocument } from '../src/lint/lint-document.js';
import { resolveOptions } from '../src/lint/options.js';
import { ROOT, runCli } from './helpers.js';

const resolved = resolveOptions();
const doc = (syntax: Document['syntax'], text: string): Document => ({ file: `x.${syntax}`, syntax, text });

describe('parts loaded on first use', () => {
  // In order: each test relies on what the ones before it loaded (a test file has its own modules).
  it('lints plain text with no part loaded', () => {
    expect(lintDocument(doc('text', 'Hx of IVDU.'), resolved).map((f) => f.actual)).toEqual(['IVDU']);
    // No anchor word of any phrase: the Markdown and HTML parsers are not needed either, even for
    // ordinary prose ("a" and "an" start phrases, but no phrase is found by them).
    expect(lintDocument(doc('markdown', '# 1\n\n2024-01-01, 12:30\n'), resolved)).toEqual([]);
    expect(lintDocument(doc('markdown', '# Your visit\n\nA nurse will call you. Take an aspirin with food.\n'), resolved)).toEqual([]);
    expect(lintDocument(doc('html', '<p>A nurse will call you. Take an <b>aspirin</b> with food.</p>'), resolved)).toEqual([]);
  });

  it('throws NotLoaded, rather than missing findings, for a part it has not loaded', () => {
    for (const d of [doc('markdown', 'Known *heroin addict*.'), doc('html', '<p>Known heroin addict.</p>'), doc('text', 'She is handicapped.')]) {
      expect(() => lintDocument(d, resolved)).toThrow(NotLoaded);
    }
  });

  it('loads what a document needs with withLoading, then lints synchronously', async () => {
    const md = doc('markdown', 'Known *heroin addict*; brother is deaf and dumb.\n\n`drug abuse`\n');
    // Markup between a phrase's words does not hide it from the quick test.
    expect((await withLoading(() => lintDocument(doc('markdown', 'Hx of **drug** abuse.'), resolved))).map((f) => f.actual)).toEqual(['drug** abuse']);
    expect((await withLoading(() => lintDocument(md, resolved))).map((f) => [f.ruleId, f.actual])).toEqual([
      ['substance-use/addict', 'heroin addict'],
      ['inclusive/deaf-and-dumb', 'deaf and dumb'],
    ]);
    expect(lintDocument(doc('text', 'She is handicapped.'), resolved).map((f) => f.actual)).toEqual(['handicapped']);
    expect(() => lintDocument(doc('html', '<p>Known heroin addict.</p>'), resolved)).toThrow(NotLoaded);
    const html = await withLoading(() => lintDocument(doc('html', '<p>Known heroin addict.</p><pre>drug abuse</pre>'), resolved));
    expect(html.map((f) => f.actual)).toEqual(['heroin addict']);
  });
});

// The chunks main.js imports statically, and what they import, recursively; and the start-up script
// that startup.js runs for them (their code: scripts/bundle-cli.js startUpScript).
function startupChunks(dir: string): string[] {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const m of readFileSync(path.join(dir, file), 'utf8').matchAll(/^\s*(?:import|export)\s[^;]*?from\s*"\.\/([^"]+)"/gm)) visit(m[1]!);
  };
  visit('main.js');
  if (seen.has('startup.js')) seen.add('startup-script.js');
  return [...seen];
}
// The comment esbuild writes before each module's code (`//!` in the start-up script, indented there).
const MODULE_COMMENT = String.raw`^\s*\/\/!? `;

const BUNDLE = path.join(ROOT, 'dist', 'bundle');
describe.skipIf(!existsSync(path.join(BUNDLE, 'main.js')))('the bundled CLI', () => {
  it('loads no Markdown or HTML parser, no retext-equality, no CSV, glob or diff library at start-up', () => {
    const chunks = startupChunks(BUNDLE);
    expect(chunks.length).toBeGreaterThan(1);
    const packages = new Set(
      chunks.flatMap((c) =>
        [...readFileSync(path.join(BUNDLE, c), 'utf8').matchAll(new RegExp(`${MODULE_COMMENT}\\S*node_modules\\/((?:@[^/]+\\/)?[^/]+)\\/`, 'gm'))].map(
          (m) => m[1]!,
        ),
      ),
    );
    expect(packages).toContain('parse-english'); // plain text is parsed at start-up: the check sees the packages
    for (const lazy of [
      'remark-parse',
      'micromark',
      'mdast-util-to-nlcst',
      'rehype-parse',
      'parse5',
      'hast-util-to-nlcst',
      'retext-equality',
      'commander',
      'csv-parse',
      'tinyglobby',
      'picomatch',
      'diff',
    ]) {
      expect(packages, lazy).not.toContain(lazy);
    }
  });

  it('starts from one chunk of the start-up path, without the lazily loaded commands and readers', () => {
    // scripts/bundle-cli.js imports each lazily loaded module through a stand-in that also imports
    // main.ts, so that the start-up path is not cut into many chunks (17 before, each read and
    // linked by Node one by one). main.js re-exports the path's chunk; a small chunk is shared with
    // the pool's worker and one with retext-equality. Those chunks' code runs as one script with a
    // code cache (startup-script.js, by the loader startup.js); their files only take their exports
    // from it: main.js, at most four such files, the loader and the script.
    const chunks = startupChunks(BUNDLE);
    expect(chunks.length).toBeLessThanOrEqual(7);
    const sources = new Set(
      chunks.flatMap((c) =>
        [...readFileSync(path.join(BUNDLE, c), 'utf8').matchAll(new RegExp(`${MODULE_COMMENT}(src\\/\\S+\\.ts)$`, 'gm'))].map((m) => m[1]!),
      ),
    );
    expect(sources).toContain('src/cli/start.ts');
    expect(sources).toContain('src/lint/lint-document.ts');
    for (const lazy of [
      'src/cli/main.ts', // commander's program: start.ts lints paths without it
      'src/cli/report-command.ts',
      'src/cli/serve-command.ts',
      'src/lsp/server.ts',
      'src/fix/index.ts',
      'src/inputs/docx.ts',
      'src/inputs/csv-record.ts',
      'src/inputs/parquet.ts',
      'src/inputs/fhir.ts',
      'src/engine/pool.ts',
      'src/parse/markdown.ts',
    ]) {
      expect(sources, lazy).not.toContain(lazy);
    }
  });

  it('checks a line on standard input without loading fs/promises (scripts/bundle-cli.js LAZY_BUILTINS), and still finds the finding', () => {
    // Node's fs/promises loads readline's Interface and the fs watchers with it: ~5 M instructions of a
    // one-line check. src/ imports it as a default (a stand-in that loads it at first use), and
    // lilconfig, which reads fs.promises.readFile when it loads, gets a node:fs whose promises do the same.
    const bin = path.join(ROOT, 'bin', 'dignify.cjs');
    const script = `process.argv = [process.argv[0], ${JSON.stringify(bin)}]; require(${JSON.stringify(bin)});
process.on('exit', () => require('node:fs').writeSync(2, JSON.stringify(process.moduleLoadList.filter((m) => /fs\\/promises|readline/.test(m)))));`;
    const run = spawnSync(process.execPath, ['-e', script], { input: 'hx of IVDU\n', encoding: 'utf8' });
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('substance-use/injection-drug-abuse');
    expect(JSON.parse(run.stderr)).toEqual([]);
  });

  it('runs the ignore package only when a .dignifyignore or a config needs it (scripts/bundle-cli.js LAZY_PACKAGES)', () => {
    // esbuild runs a bundled CommonJS package's module function where an ES module imports it; the
    // start-up chunks may hold `ignore` but must call its module function only from the stand-in.
    const code = startupChunks(BUNDLE)
      .map((c) => readFileSync(path.join(BUNDLE, c), 'utf8'))
      .join('\n');
    const wrapper = new RegExp(`${MODULE_COMMENT}node_modules\\/ignore\\/index\\.js\\n\\s*var (require_\\w+) = __commonJS\\(`, 'm').exec(code);
    expect(wrapper, 'the ignore package in the start-up chunks').not.toBeNull();
    const calls = [...code.matchAll(new RegExp(`^(.*)\\b${wrapper![1]}\\(\\)`, 'gm'))].map((m) => m[1]!);
    expect(calls.length).toBeGreaterThan(0);
    for (const before of calls) expect(before, 'a call at module level').toMatch(/^\s+return $/);
  });

  it("still honours .dignifyignore and a config's ignore with the package loaded on first use", () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'dignify-lazy-ignore-'));
    try {
      for (const name of ['by-file.txt', 'by-config.txt', 'kept.txt']) writeFileSync(path.join(dir, name), 'Seen for IV drug abuse.\n');
      writeFileSync(path.join(dir, '.dignifyignore'), 'by-file.txt\n');
      writeFileSync(path.join(dir, '.dignifyrc.yaml'), 'ignore:\n  - by-config.txt\n');
      const { code, stdout } = runCli(['-f', 'jsonl', 'by-file.txt', 'by-config.txt', 'kept.txt'], { cwd: dir });
      expect(code).toBe(1);
      expect(
        stdout
          .trim()
          .split('\n')
          .map((line) => JSON.parse(line).file),
      ).toEqual(['kept.txt']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('is ASCII, start-up chunks and the rest: a character past ASCII makes Node read a whole chunk as a two-byte string', () => {
    for (const file of readdirSync(BUNDLE).filter((f) => f.endsWith('.js'))) {
      const bytes = readFileSync(path.join(BUNDLE, file));
      expect(
        bytes.findIndex((b) => b > 0x7f),
        file,
      ).toBe(-1);
    }
  });
});
