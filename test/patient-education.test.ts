// A patient-education team's trial (2026-12-04): handouts written as Markdown and HTML pages, checked
// in CI with --format github and SARIF, and started from a fresh clone by the README's quick start.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintText } from '../src/index.js';
import { readablePhrase } from '../src/parse/markup-words.js';
import { ROOT } from './helpers.js';

describe('a message quotes the phrase without the markup its source holds', () => {
  it.each([
    // Emphasis around one word of the phrase: the span starts inside it and ends after it.
    ['markdown', 'Each year many people *committed* suicide in the state.', 'identity/committed-suicide', 'committed* suicide', 'committed suicide'],
    ['markdown', 'Many people **committed** suicide that year.', 'identity/committed-suicide', 'committed** suicide', 'committed suicide'],
    ['html', '<p>He <em>suffers</em> from depression.</p>', 'identity/suffers-from', 'suffers</em> from', 'suffers from'],
    // A word split by markup: found as one word, read as one in the message.
    [
      'html',
      '<p>In recovery from sub<strong>stance</strong> abuse.</p>',
      'substance-use/substance-abuse',
      'sub<strong>stance</strong> abuse',
      'substance abuse',
    ],
  ] as const)('%s %j', async (syntax, text, rule, actual, read) => {
    const f = (await lintText(text, { syntax, preset: 'all' })).find((x) => x.ruleId === rule);
    expect(f, rule).toBeDefined();
    // actual stays the source, as the offsets give it ...
    expect(f!.actual).toBe(actual);
    expect(text.slice(f!.start.offset, f!.end.offset)).toBe(actual);
    // ... and the message, which GitHub annotations and SARIF show, quotes what a reader reads.
    expect(f!.message.startsWith(`Avoid "${read}"`), f!.message).toBe(true);
  });

  it('readablePhrase leaves a phrase without markup, and one that would keep no word, as written', () => {
    expect(readablePhrase('drug abuse', 'markdown')).toBe('drug abuse');
    expect(readablePhrase('ad*dict*', 'markdown')).toBe('addict');
    expect(readablePhrase('ad<i>dict</i>', 'html')).toBe('addict');
    // In HTML an asterisk is text.
    expect(readablePhrase('drug* abuse', 'html')).toBe('drug* abuse');
    expect(readablePhrase('***', 'markdown')).toBe('***');
  });
});

describe('the README quick start', () => {
  const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
  const quick = readme.slice(readme.indexOf('## Quick start'), readme.indexOf('## Usage'));

  it("runs the clone's own CLI, not npx (which in the clone rebuilds the whole package first)", () => {
    const command = /```sh\n(.*)\n```/.exec(quick)![1]!;
    expect(command).toBe('npm install && node bin/dignify.cjs fixtures/sample-note.txt');
    expect(quick).not.toMatch(/`npx dignify` works straight away/);
  });

  it('says a page uses dignify-core.js, since dignify/portable reads the rules from disk', () => {
    const row = readme.split('\n').find((line) => line.startsWith('| `dignify/portable` |'))!;
    expect(row).toContain('dignify/web/dignify-core.js');
  });
});
