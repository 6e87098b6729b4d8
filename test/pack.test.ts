// The packed package (npm pack): what a developer embedding dignify gets in node_modules. A
// developer trial found README links to files the package leaves out (BENCHMARKS.md,
// fixtures/audit/README.md: dead on npmjs.com and in node_modules) and dist/eval/ (the evaluation
// code, imported by scripts/eval.js in a clone only) packed for nothing.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error scripts/ is plain JavaScript without declarations
import { deadLinks, REPOSITORY_FILES } from '../scripts/pack-links.js';
import { packedFileNames, ROOT } from './helpers.js';

const check = deadLinks as (
  files: readonly string[],
  read: (file: string) => string,
  clone?: { has(file: string): boolean; read(file: string): string },
) => string[];

describe('the link check of the packed Markdown files', () => {
  const files: Record<string, string> = {
    'README.md': [
      '# dignify',
      '## Node API',
      'See [the rules](docs/rules.md#substance-useaddict), [the API](#node-api) and [sources](docs/rules.md#source-nida-wm).',
      'Figures: [BENCHMARKS.md](BENCHMARKS.md#language-server); [the audit](fixtures/audit/README.md); [docs](docs/).',
      '[bad anchor](#no-such-heading) and [elsewhere](https://example.org/x.md) and `[code](x.html)`:',
      '```md',
      '[in a block](missing.md)',
      '```',
      `[repo](${REPOSITORY_FILES}BENCHMARKS.md#language-server), [gone](${REPOSITORY_FILES}GONE.md)`,
      '[ref]: docs/missing.md',
    ].join('\n'),
    'docs/rules.md': '# Rules\n### substance-use/addict\n- <a id="source-nida-wm"></a>**NIDA-WM**\n[back](../README.md#dignify)\n',
  };
  const read = (file: string) => files[file]!;

  it('names each relative link to a file or folder not packed, each missing anchor and each repository link to no file', () => {
    const clone = { has: (file: string) => file === 'BENCHMARKS.md', read: () => '## Language server\n' };
    expect(check(Object.keys(files), read, clone)).toEqual([
      'README.md:4: BENCHMARKS.md#language-server: not in the package',
      'README.md:4: fixtures/audit/README.md: not in the package',
      'README.md:4: docs/: a folder, not a file',
      'README.md:5: #no-such-heading: no heading "no-such-heading" in README.md',
      `README.md:9: ${REPOSITORY_FILES}GONE.md: no such file in the repository`,
      'README.md:10: docs/missing.md: not in the package',
    ]);
  });

  it('finds no dead link in the package as npm packs it, and the package holds no dist/eval', () => {
    const packed = packedFileNames();
    expect(packed).toContain('README.md');
    expect(packed.filter((f) => f.startsWith('dist/eval/'))).toEqual([]);
    const readFile = (file: string) => readFileSync(path.join(ROOT, file), 'utf8');
    expect(check(packed, readFile, { has: (file) => existsSync(path.join(ROOT, file)), read: readFile })).toEqual([]);
    // Every module the package holds imports only modules it holds (dist/eval is imported by none).
    const set = new Set(packed);
    const missing = packed
      .filter((f) => /\.(?:js|cjs|d\.ts)$/.test(f))
      .flatMap((f) =>
        // Comment lines left out: JSDoc types (`@type {import('../src/types.js')…}`) are not imports.
        [
          ...readFileSync(path.join(ROOT, f), 'utf8')
            .replace(/^\s*(?:\*|\/\*|\/\/).*$/gm, '')
            .matchAll(/(?:from\s*|import\s*\(\s*|require\s*\(\s*)["'](\.{1,2}\/[^"']+)["']/g),
        ]
          .map((m) => path.posix.normalize(path.posix.join(path.posix.dirname(f), m[1]!)))
          .filter((target) => !set.has(target) && !set.has(target.replace(/\.js$/, '.d.ts')))
          .map((target) => `${f} → ${target}`),
      );
    expect(missing).toEqual([]);
  });
});

// npmjs.com and `npm bugs`/`npm repo`/`npm home` read these fields; the package had none, while the
// README's links point at the repository. The changelog is packed, as the README links it.
describe("the package's links to its repository and its changelog", () => {
  const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
    repository?: { type: string; url: string };
    bugs?: { url: string };
    homepage?: string;
    files: string[];
  };
  const repository = (REPOSITORY_FILES as string).replace(/\/blob\/main\/$/, '');

  it('names the repository the README links to, its issues and its home page', () => {
    expect(pkg.repository).toEqual({ type: 'git', url: `git+${repository}.git` });
    expect(pkg.bugs).toEqual({ url: `${repository}/issues` });
    expect(pkg.homepage).toBe(`${repository}#readme`);
  });

  it('packs a changelog in the Keep a Changelog form, linked from the README', () => {
    expect(pkg.files).toContain('CHANGELOG.md');
    const changelog = readFileSync(path.join(ROOT, 'CHANGELOG.md'), 'utf8');
    expect(changelog).toMatch(/^# Changelog\n/);
    expect(changelog).toContain('[Keep a Changelog](https://keepachangelog.com/en/1.1.0/)');
    // Each release heading is `## [version] - date` or `## [Unreleased]`, with its link below.
    const headings = [...changelog.matchAll(/^## (.+)$/gm)].map((m) => m[1]!);
    expect(headings.length).toBeGreaterThan(0);
    for (const heading of headings) {
      expect(heading).toMatch(/^\[(?:Unreleased|\d+\.\d+\.\d+)\](?: - \d{4}-\d{2}-\d{2})?$/);
      expect(changelog).toContain(`\n${heading.replace(/ - .*$/, '')}: https://`);
    }
    for (const section of [...changelog.matchAll(/^### (.+)$/gm)].map((m) => m[1]!))
      expect(['Added', 'Changed', 'Deprecated', 'Removed', 'Fixed', 'Security']).toContain(section);
    expect(readFileSync(path.join(ROOT, 'README.md'), 'utf8')).toContain('[CHANGELOG.md](CHANGELOG.md)');
  });
});
