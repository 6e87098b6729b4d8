// docs/rules.md is generated from the rule files; regenerate with `npm run docs`.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtinRuleFiles, builtinRules } from '../src/rules/builtin.js';
import { readMeasuredPrecision } from '../src/eval/precision.js';
import { renderRulesDoc } from '../src/rules/docs.js';
import { ROOT } from './helpers.js';

const doc = readFileSync(path.join(ROOT, 'docs', 'rules.md'), 'utf8');
// The rule files as read from rules/ (YAML parsed and validated: ~1.5 s of CPU): builtinRuleFiles reads them
// once per process (the worker's other files use them too), as loadRuleFiles(builtinRulePaths()) gives them
// but for the file names, relative to the repository (renderRulesDoc does not show them). Read-only.
const builtinFiles = builtinRuleFiles;

describe('docs/rules.md', () => {
  it('is up to date with rules/ (run npm run docs)', () => {
    const measured = readMeasuredPrecision(path.join(ROOT, 'fixtures', 'eval-genres', 'precision.json'));
    expect(doc).toBe(renderRulesDoc(builtinFiles(), measured?.sets));
  });

  it('has a heading for every rule whose GitHub anchor is the rule url', () => {
    // GitHub's anchor: lower case, punctuation other than hyphens dropped, spaces to hyphens.
    const anchors = new Set(
      [...doc.matchAll(/^#{1,6} (.+)$/gm)].map((m) =>
        m[1]!
          .toLowerCase()
          .replace(/[^\p{L}\p{N} -]/gu, '')
          .replace(/ /g, '-'),
      ),
    );
    for (const rule of builtinRules().rules) expect(anchors.has(rule.url.split('#')[1]!), rule.id).toBe(true);
  });

  it('says a rule is unmeasured on real text when the audit set has no finding of it, and marks a small audit n', () => {
    const files = builtinFiles().map((f) => (f.file.endsWith('compliance.yaml') ? f : { ...f, rules: [] }));
    const sets = {
      'fixtures/eval': { 'compliance/refused': { truePositives: 3, falsePositives: 0 } },
      'fixtures/audit': { 'compliance/noncompliant': { truePositives: 6, falsePositives: 1 } },
    };
    const out = renderRulesDoc(files, sets);
    const section = (id: string) => out.slice(out.indexOf(`### ${id}\n`), out.indexOf('Flags:', out.indexOf(`### ${id}\n`)));
    expect(section('compliance/refused')).toContain("1.00 (3/3) on `fixtures/eval`; unmeasured on real text (no finding on `fixtures/audit`'s slices, n = 0)");
    expect(section('compliance/noncompliant')).toContain('0.86 (6/7, n = 7: small) on `fixtures/audit`');
    // Without an audit set nothing is said about it.
    expect(renderRulesDoc(files, { 'fixtures/eval': sets['fixtures/eval'] })).not.toContain('unmeasured on real text');
  });
});
