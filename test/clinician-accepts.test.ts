// A clinician's trial of 2026-12-04 (writing notes quickly and accepting every suggestion in the page,
// the language server and --fix): the choice wordings of compliance/refused and compliance/refuse
// ("chose not to", "chooses not to", "choose not to") end in an infinitive's "to" that needs a verb,
// but the word they replace is followed by its object or by its own "to": a click read "Chose not to
// CT" and "chose not to to take insulin". "Did not tolerate" takes an object, not an infinitive ("did
// not tolerate to take"). Such a click is refused; "declined" still fits every one of them.
import { describe, expect, it } from 'vitest';
import { lintText } from '../src/index.js';
import { clicked } from './helpers.js';

const finding = async (text: string, rule: string) => {
  const found = (await lintText(text, { preset: 'recommended' })).find((f) => f.ruleId === rule);
  expect(found, text).toBeDefined();
  return found!;
};
const index = (suggestions: readonly string[], words: RegExp) => suggestions.findIndex((s) => words.test(s));

describe('a choice wording ending in "not to"', () => {
  it('is refused before a noun object or the phrase\'s own "to"; the first suggestion still applies', async () => {
    for (const [text, rule, out] of [
      ['Noncompliant w/ meds. Refused CT.', 'compliance/refused', 'Noncompliant w/ meds. Declined CT.'],
      ['Patient refused insulin.', 'compliance/refused', 'Patient declined insulin.'],
      ['Pt refused to take insulin.', 'compliance/refused', 'Pt declined to take insulin.'],
      ['She refuses to go to PT.', 'compliance/refused', 'She declines to go to PT.'],
      ['Patient is refusing dialysis.', 'compliance/refused', 'Patient is declining dialysis.'],
      ['Continues to refuse the mask.', 'compliance/refuse', 'Continues to decline the mask.'],
    ] as const) {
      const f = await finding(text, rule);
      const choice = index(f.suggestions, /\bnot to$/);
      expect(choice, text).toBeGreaterThan(0);
      expect(clicked(text, f, choice), text).toBeUndefined();
      expect(clicked(text, f), text).toBe(out);
    }
  });
});

describe('"did not tolerate" before an infinitive', () => {
  it('is refused before "to", applied before an object', async () => {
    const before = await finding('Pt refused to take insulin.', 'compliance/refused');
    expect(clicked('Pt refused to take insulin.', before, index(before.suggestions, /tolerat/))).toBeUndefined();
    const going = await finding('She refuses to go to PT.', 'compliance/refused');
    expect(clicked('She refuses to go to PT.', going, index(going.suggestions, /tolerat/))).toBeUndefined();
    const object = await finding('Patient refused insulin.', 'compliance/refused');
    expect(clicked('Patient refused insulin.', object, index(object.suggestions, /tolerat/))).toBe('Patient did not tolerate insulin.');
  });
});
