// Newcomer papercuts (issue 15, item 10), each with its small input.
import { mkdtempSync, readFileSync, realpathSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { gitStyle } from '../src/fix/index.js';
import { formatAll, formatters, type Finding, type LintResult } from '../src/index.js';
import { redactFinding } from '../src/output/redact.js';
import { yamlErrorText } from '../src/rules/yaml-error.js';
import { ROOT, runMain } from './helpers.js';

const finding = (over: Partial<Finding> = {}): Finding => ({
  ruleId: 'substance-use/addict',
  category: 'substance-use',
  severity: 'error',
  message: 'Avoid "addict"',
  actual: 'addict',
  suggestions: ['person with a substance use disorder'],
  start: { line: 1, column: 1, offset: 0 },
  end: { line: 1, column: 7, offset: 6 },
  url: 'https://example.org/docs/rules.md#x',
  ...over,
});

describe('YAML errors', () => {
  it('are one line that keeps the place and quotes the source, not cut after a colon', async () => {
    const { parse } = await import('yaml');
    let error: unknown;
    try {
      parse('a: b: c\n', { prettyErrors: true });
    } catch (e) {
      error = e;
    }
    expect(yamlErrorText(error)).toBe('Nested mappings are not allowed in compact mappings at line 1, column 4, near "a: b: c"');
  });

  it('reach the user whole from a bad .dignifyrc', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'dignify-papercuts-'));
    writeFileSync(path.join(dir, '.dignifyrc'), 'rules: [\n');
    writeFileSync(path.join(dir, 'a.txt'), 'x\n');
    const r = await runMain(['a.txt'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^dignify: \.dignifyrc: not valid YAML or JSON: .* at line 2, column 1, near "rules: \["\n$/);
  });
});

describe('I/O errors', () => {
  it('are worded one way for a missing file, config and rule file', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'dignify-papercuts-'));
    writeFileSync(path.join(dir, 'a.txt'), 'x\n');
    expect((await runMain(['nope.txt'], { cwd: dir })).stderr).toContain('dignify: nope.txt: no such file or directory\n');
    expect((await runMain(['a.txt', '--config', 'nope.yaml'], { cwd: dir })).stderr).toBe('dignify: nope.yaml: no such file or directory\n');
    writeFileSync(path.join(dir, '.dignifyrc'), 'extends: nope.yaml\n');
    expect((await runMain(['a.txt'], { cwd: dir })).stderr).toMatch(/^dignify: \.dignifyrc: extends: \S*nope\.yaml: no such file or directory\n$/);
  });
});

describe('--redact on a .docx', () => {
  it('keeps the paragraph (a location), not the sentence (note text)', () => {
    const kept = redactFinding(finding({ paragraph: 4, context: 'Known addict per chart.' }));
    expect(kept.paragraph).toBe(4);
    expect(kept.context).toBeUndefined();
    const out = formatAll(formatters.compact!, [{ file: 'a.docx', findings: [kept] }], { why: false, color: false, cwd: '/' });
    expect(out).toContain('a.docx:paragraph 4:');
  });
});

// A redacted finding had no url, though Finding declares one (README's JSON shape: url: string).
// The link stays out of a redacted report (test/formats.test.ts), so the field is there, empty.
describe('--redact and the fields of a Finding', () => {
  it('keeps url, empty', async () => {
    expect(redactFinding(finding()).url).toBe('');
    const r = await runMain(['-f', 'json', '--redact', '--stdin-filename', 'n.txt'], { input: 'Known addict.\n' });
    expect(JSON.parse(r.stdout)[0].findings.map((f: Finding) => f.url)).toEqual(['']);
  });
});

describe('--fix-dry-run diffs', () => {
  it("are in git's style: a diff --git line, and no count of 1 in hunk headers", () => {
    const patch = '--- a/x.txt\n+++ b/x.txt\n@@ -3,1 +3,1 @@\n-a\n+b\n@@ -10,2 +10,3 @@\n c\n+d\n c\n';
    expect(gitStyle(patch, 'a/x.txt', 'b/x.txt')).toBe(
      'diff --git a/x.txt b/x.txt\n--- a/x.txt\n+++ b/x.txt\n@@ -3 +3 @@\n-a\n+b\n@@ -10,2 +10,3 @@\n c\n+d\n c\n',
    );
    // Outside the working folder (absolute names) there is no a/ b/, as with git diff --no-index.
    expect(gitStyle('@@ -1,1 +1,1 @@\n', '/x', '/x')).toBe('@@ -1 +1 @@\n');
  });
});

describe('stylish output for an export', () => {
  it('keeps its columns from one record to the next (they never narrow within a file)', () => {
    const rec = (row: number, actual: string): LintResult => ({
      file: 'notes.csv',
      record: { row, id: `N${row}`, idName: 'note_id', line: row + 1 },
      findings: [finding({ actual, suggestions: [] })],
    });
    const out = formatAll(formatters.stylish!, [rec(1, 'heroin addict'), rec(2, 'addict')], { why: false, color: false, cwd: '/' });
    const lines = out.split('\n').filter((l) => l.includes('substance-use/addict'));
    expect(lines).toHaveLength(2);
    expect(lines[1]!.indexOf('substance-use/addict')).toBe(lines[0]!.indexOf('substance-use/addict'));
  });
});

describe('stylish places', () => {
  // Line and column were one left-aligned string ("1:7  " above "12:13"), so the colons wandered
  // when line numbers differed in width. ESLint's stylish right-aligns the line and left-aligns the
  // column: the colons stand in one column.
  const at = (line: number, column: number) => finding({ start: { line, column, offset: 0 }, end: { line, column: column + 6, offset: 6 } });
  const places = (out: string) =>
    out
      .split('\n')
      .filter((l) => l.includes('substance-use/addict'))
      .map((l) => l.slice(0, l.indexOf('error')));

  it('right-aligns the line and left-aligns the column, as ESLint does', () => {
    const out = formatAll(formatters.stylish!, [{ file: 'a.txt', findings: [at(1, 7), at(12, 13), at(12, 9), at(100, 1)] }], {
      why: false,
      color: false,
      cwd: '/',
    });
    expect(places(out)).toEqual(['    1:7   ', '   12:13  ', '   12:9   ', '  100:1   ']);
  });

  it('keeps the colons in line after an export record label, and a .docx paragraph as it was', () => {
    const rec: LintResult = { file: 'n.csv', record: { row: 3, id: 'N3', idName: 'note_id', line: 4 }, findings: [at(2, 5), at(10, 1)] };
    expect(places(formatAll(formatters.stylish!, [rec], { why: false, color: false, cwd: '/' }))).toEqual([
      '  row 3 (note_id N3)   2:5  ',
      '  row 3 (note_id N3)  10:1  ',
    ]);
    const docx: LintResult = { file: 'a.docx', findings: [finding({ paragraph: 4 }), finding({ paragraph: 12 })] };
    expect(places(formatAll(formatters.stylish!, [docx], { why: false, color: false, cwd: '/' }))).toEqual(['  paragraph 4   ', '  paragraph 12  ']);
  });
});

describe('the CLI explains itself', () => {
  it('dignify rules explains the pattern notation and lists the sets', async () => {
    const r = await runMain(['rules']);
    expect(r.stdout).toContain('How phrases are written');
    expect(r.stdout).toMatch(/clean\|dirty\s+either word/);
    expect(r.stdout).toMatch(/iv\? drug abuse\s+"iv" is optional/);
    expect(r.stdout).toMatch(/\n {2}\{[a-z-]+\}\s+\S/);
  });

  it('--help names .docx among the files a folder gives', async () => {
    const r = await runMain(['--help']);
    expect(r.stdout).toContain('lint every .txt, .md, .html and .docx file under notes/');
  });
});

describe('a user rule file is held to its examples', () => {
  const RULE = (flag: string, pass = 'Frequent visits this year.') => `category: house-style
rules:
  - id: house-style/frequent-flyer
    severity: warning
    match: ["frequent flyer(s)"]
    suggestions: ["person with frequent visits"]
    note: Labels a patient by their use of care.
    sources: [local]
    examples:
      flag: [${JSON.stringify(flag)}]
      pass: [${JSON.stringify(pass)}]
`;
  const run = async (rules: string) => {
    const dir = mkdtempSync(path.join(tmpdir(), 'dignify-papercuts-'));
    writeFileSync(path.join(dir, '.dignifyrc'), 'extends: house.yaml\nrules: { credibility/frequent-flyer: "off" }\n');
    writeFileSync(path.join(dir, 'house.yaml'), rules);
    writeFileSync(path.join(dir, 'a.txt'), 'A frequent flyer.\n');
    return runMain(['a.txt'], { cwd: dir });
  };

  it('accepts a rule whose examples hold', async () => {
    expect((await run(RULE('Known frequent flyer.'))).code).toBe(1);
  });

  it("links a house rule's findings to its own file, not the built-in docs (a newcomer trial)", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'dignify-papercuts-'));
    writeFileSync(path.join(dir, '.dignifyrc'), 'extends: house.yaml\nrules: { credibility/frequent-flyer: "off" }\n');
    writeFileSync(path.join(dir, 'house.yaml'), RULE('Known frequent flyer.'));
    writeFileSync(path.join(dir, 'a.txt'), 'A frequent flyer.\nHe is an addict.\n');
    const r = await runMain(['a.txt', '-f', 'json'], { cwd: dir });
    const urls = (JSON.parse(r.stdout) as Array<{ findings: Array<{ ruleId: string; url: string }> }>)[0]!.findings.map((f) => [f.ruleId, f.url]);
    expect(urls).toContainEqual(['house-style/frequent-flyer', pathToFileURL(realpathSync(path.join(dir, 'house.yaml'))).href]);
    expect(urls.find(([id]) => id === 'substance-use/addict')?.[1]).toMatch(/docs\/rules\.md#substance-useaddict$/);
  });

  // A newcomer trial: turning off one's own house rule (or allowing its phrase) made the config an
  // error, exit 2, and no file of the run was linted.
  it.each([
    ['the rule off', 'rules: { house-style/frequent-flyer: "off" }'],
    ['its category off', 'rules: { house-style: "off" }'],
    ['its phrase allowed', 'rules: { credibility/frequent-flyer: "off" }\nallow: [frequent flyer]'],
  ])('lints with a house rule whose examples hold, and with %s', async (_, setting) => {
    const dir = mkdtempSync(path.join(tmpdir(), 'dignify-papercuts-'));
    writeFileSync(path.join(dir, '.dignifyrc'), `extends: house.yaml\n${setting}\n`);
    writeFileSync(path.join(dir, 'house.yaml'), RULE('Known frequent flyer.'));
    writeFileSync(path.join(dir, 'a.txt'), 'A frequent flyer.\nHe is an addict.\n');
    const r = await runMain(['a.txt', '-f', 'compact'], { cwd: dir });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('substance-use/addict');
    expect(r.stdout).not.toContain('house-style/frequent-flyer');
  });

  it('rejects a flag example the rule does not report, naming the rule and the example', async () => {
    const r = await run(RULE('Known frequent visitor.'));
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      'dignify: .dignifyrc: extends: house.yaml: rule "house-style/frequent-flyer": the flag example "Known frequent visitor." is not reported by it (check its match, conditions and exceptions, or another rule matching the same words)\n',
    );
  });

  // A newcomer trial of 2026-12-03: an example's `suggestion` and `fixed` were not read for a
  // house rule, so a form typo in formSuggestions went unnoticed.
  it('holds an example to its first suggestion and its fixed text', async () => {
    const flag = (example: string) => RULE('x').replace('flag: ["x"]', `flag:\n        - ${example}`);
    const withForms = (rules: string) =>
      rules.replace(
        '    note:',
        '    fixable: true\n    formSuggestions:\n      - forms: [frequent flyers]\n        suggestions: ["people with frequent visits"]\n    note:',
      );
    expect((await run(withForms(flag('{ text: "Two frequent flyers.", suggestion: "people with frequent visits" }')))).code).toBe(1);
    const wrong = await run(withForms(flag('{ text: "Two frequent flyers.", suggestion: "person with frequent visits" }')));
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toBe(
      'dignify: .dignifyrc: extends: house.yaml: rule "house-style/frequent-flyer": the flag example "Two frequent flyers." suggests "people with frequent visits" first, not "person with frequent visits" (check its formSuggestions\' forms)\n',
    );
    expect((await run(withForms(flag('{ text: "Two frequent flyers.", fixed: "Two people with frequent visits." }')))).code).toBe(1);
    const unfixed = await run(withForms(flag('{ text: "Two frequent flyers.", fixed: "Two flyers." }')));
    expect(unfixed.code).toBe(2);
    expect(unfixed.stderr).toContain('the flag example "Two frequent flyers." is fixed as "Two people with frequent visits.", not "Two flyers."');
  });

  it('rejects a pass example the rule reports', async () => {
    const r = await run(RULE('Known frequent flyer.', 'Not a frequent flyer.'));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('rule "house-style/frequent-flyer": the pass example "Not a frequent flyer." is reported ("frequent flyer")');
  });
});

describe('packing', () => {
  it("takes dignify's own prepare script out of the packed package.json and puts it back after", async () => {
    // @ts-expect-error scripts/ is plain JavaScript without declarations
    const { toggle } = (await import('../scripts/pack-scripts.js')) as { toggle: (file: string, mode: string) => boolean };
    const dir = mkdtempSync(path.join(tmpdir(), 'dignify-pack-'));
    const file = path.join(dir, 'package.json');
    const original = `${JSON.stringify({ name: 'x', scripts: { build: 'b', prepare: 'npm run build', prepack: 'p' } }, null, 2)}\n`;
    writeFileSync(file, original);
    expect(toggle(file, 'disable')).toBe(true);
    const packed = JSON.parse(readFileSync(file, 'utf8')) as { scripts: Record<string, string> };
    expect(Object.keys(packed.scripts)).toEqual(['build', '_prepare', 'prepack']);
    expect(toggle(file, 'enable')).toBe(true);
    expect(readFileSync(file, 'utf8')).toBe(original);
    expect(toggle(file, 'enable')).toBe(false);
  });

  it("the repository's package.json builds on install in a clone and disables that when packing", () => {
    const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    expect(pkg.scripts.prepare).toBe('npm run build');
    expect(pkg.scripts.prepack).toMatch(/npm run build && node scripts\/pack-scripts\.js disable/);
    expect(pkg.scripts.postpack).toBe('node scripts/pack-scripts.js enable');
  });
});
