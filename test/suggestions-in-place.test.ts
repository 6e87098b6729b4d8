// Findings and suggestions that read wrong in place, left open by an earlier session (each with its
// small input): a possessive label ("the addict's mother"), a phrase run past a possessive ("the
// alcoholic's wife", "an alcoholic's liver"), a line that held both "alcoholic's" and "alcoholic
// cirrhosis", "insisted on" suggested as "reported on", "laxative abuse" as "laxative use", "Pt is a
// no-show" as "Pt is a missed appointment".
import { describe, expect, it } from 'vitest';
import { lintText } from '../src/index.js';
import { suggestionEdit } from '../src/web/apply-suggestion.js';
import type { Finding } from '../src/types.js';
import { clicked } from './helpers.js';

const on = async (text: string, rule: string, preset: 'recommended' | 'all' = 'recommended'): Promise<Finding[]> =>
  (await lintText(text, { preset })).filter((f) => f.ruleId === rule);

describe('a possessive label', () => {
  it('keeps its "\'s" in the suggestion, and a click keeps the owner', async () => {
    for (const [text, rule, out] of [
      ["The addict's mother called.", 'substance-use/addict', "The person with a substance use disorder's mother called."],
      ["The alcoholic's wife called.", 'substance-use/alcoholic', "The person with alcohol use disorder's wife called."],
      ['An alcoholic\u2019s liver is often enlarged.', 'substance-use/alcoholic', 'A person with alcohol use disorder\u2019s liver is often enlarged.'],
    ] as const) {
      const [f] = await on(text, rule);
      expect(f, text).toBeDefined();
      expect(f!.suggestions[0], text).toMatch(/['\u2019]s$/);
      expect(clicked(text, f!), text).toBe(out);
    }
  });

  it('does not read the label and the noun it owns as one phrase ("alcoholic\'s wife" is not an alcoholic wife)', async () => {
    const [f] = await on("The alcoholic's wife called.", 'substance-use/alcoholic');
    expect(f!.actual).toBe("alcoholic's");
    expect(f!.suggestions.join(' | ')).not.toMatch(/wife/);
    // Without the possessive the relative is the one labelled, as before.
    const [g] = await on('Her alcoholic father died of cirrhosis.', 'substance-use/alcoholic');
    expect(g!.actual).toBe('alcoholic father');
  });

  it('leaves a suggestion that is no person with what they have ("person who uses drugs") as it is: a click refuses it', async () => {
    const text = "The addict's mother called.";
    const [f] = await on(text, 'substance-use/addict');
    const who = f!.suggestions.find((s) => /who uses/.test(s));
    expect(who).toBe('person who uses drugs');
    expect(suggestionEdit(text, f!, who!)).toBeUndefined();
  });
});

describe('a line with "alcoholic\'s" and "alcoholic cirrhosis"', () => {
  it('keeps both findings under either preset', async () => {
    for (const preset of ['recommended', 'all'] as const) {
      const text = "The alcoholic's wife said he has alcoholic cirrhosis.";
      const found = (await lintText(text, { preset })).map((f) => `${f.ruleId} ${f.actual}`);
      expect(found, preset).toContain("substance-use/alcoholic alcoholic's");
      expect(found, preset).toContain('identity/alcoholic-disease alcoholic cirrhosis');
    }
    // The possessive alone is still the person's, not the disease.
    expect(await on("An alcoholic's liver is often enlarged.", 'identity/alcoholic-disease')).toEqual([]);
  });
});

describe('"insists on"', () => {
  it('takes "on" into the span, so that the first suggestion reads in place', async () => {
    for (const [text, out] of [
      ['Pt insisted on being discharged.', 'Pt asked to be discharged.'],
      ['Pt insisting on leaving AMA.', 'Pt requesting leaving AMA.'],
      ['Pt insisted on leaving.', 'Pt requested leaving.'],
      ['His insistence on opioids.', 'His request for opioids.'],
    ] as const) {
      const [f] = await on(text, 'credibility/insists');
      expect(f, text).toBeDefined();
      expect(clicked(text, f!), text).toBe(out);
      expect(f!.suggestions.join(' | '), text).not.toMatch(/report/);
    }
  });

  it('still passes what the words after "on" excuse, with "on" in the span', async () => {
    for (const text of [
      'At arraignment he insisted on his right to counsel.',
      'They insist on being addressed as Alex.',
      'She insisted on a trained interpreter instead of her nephew.',
      'Ask questions and insist on clear answers.',
      'Marked insistence on sameness since age 2.',
    ])
      expect(await on(text, 'credibility/insists'), text).toEqual([]);
  });
});

describe('"laxative abuse" in an eating-disorder note', () => {
  it('is reported with "misuse", the guides\' word for a medicine, not "use"', async () => {
    for (const [text, actual, suggestion] of [
      ['Hx of laxative abuse.', 'laxative abuse', 'laxative misuse'],
      ['Laxative abuse and purging since age 15.', 'Laxative abuse', 'laxative misuse'],
      ['He admits abusing laxatives before weigh-ins.', 'abusing laxatives', 'misusing laxatives'],
      ['She abused Lasix to lose weight.', 'abused Lasix', 'misused Lasix'],
    ] as const) {
      const [f] = await on(text, 'substance-use/abuse-verb');
      expect(f?.actual, text).toBe(actual);
      expect(f!.suggestions[0], text).toBe(suggestion);
    }
  });
});

describe('"no-show"', () => {
  // A click on it is refused as before (src/fix/refine.ts: a hyphenated compound replaced by another
  // number of words), so the first suggestion is read in place of the span.
  it('of a person: the suggestion replaces the copula and the article with it', async () => {
    for (const [text, out] of [
      ['Pt is a no-show.', 'Pt did not attend the appointment.'],
      ['Pt was a no-show.', 'Pt did not attend the appointment.'],
      ['He has been a no-show twice.', 'He has missed the appointment twice.'],
      ['Pt is a frequent no-show.', 'Pt often misses appointments.'],
      ['Follow-up: no-show x2.', 'Follow-up: missed appointment x2.'],
    ] as const) {
      const [f] = await on(text, 'compliance/no-show', 'all');
      expect(f, text).toBeDefined();
      expect(text.slice(0, f!.start.offset) + f!.suggestions[0] + text.slice(f!.end.offset), text).toBe(out);
    }
  });
});
