// docs/rules.md is generated from the rule files; regenerate with `npm run docs`.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtinRulePaths, builtinRules } from '../src/rules/builtin.js';
import { readMeasuredPrecision } from '../src/eval/precision.js';
import { renderRulesDoc } from '../src/rules/docs.js';
import { loadRuleFiles } from '../src/rules/load.js';
import { ROOT } from './helpers.js';

const doc = readFileSync(path.join(ROOT, 'docs', 'rules.md'), 'utf8');

describe('docs/rules.md', () => {
  it('is up to date with rules/ (run npm run docs)', () => {
    const measured = readMeasuredPrecision(path.join(ROOT, 'fixtures', 'eval-genres', 'precision.json'));
    expect(doc).toBe(renderRulesDoc(loadRuleFiles(builtinRulePaths()), measured?.sets));
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
});
