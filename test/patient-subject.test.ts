// A person label right after "Pt"/"Patient" as a one-liner's subject ("Pt IVDU, presents with fever"):
// --fix, the page's click and the LSP's code action wrote "Pt injection drug use, presents" (a run of
// 2026-12-04). The patient is the person the label names: the person's wording without its own noun.
import { describe, expect, it } from 'vitest';
import { lintText } from '../src/index.js';
import { suggestionEdit } from '../src/web/apply-suggestion.js';
import { clicked } from './helpers.js';

const fixed = async (text: string): Promise<string> => (await lintText(text, { preset: 'all', fix: true })).output;
const finding = async (text: string, rule: string) => {
  const f = (await lintText(text, { preset: 'all' })).find((x) => x.ruleId === rule);
  expect(f, text).toBeDefined();
  return f!;
};

describe('a label after the patient noun', () => {
  it.each([
    ['Pt IVDU, presents with fever.', 'Pt who injects drugs, presents with fever.'],
    ['Patient IVDU presents with fever.', 'Patient who injects drugs presents with fever.'],
    ['pt IVDA, here for abscess.', 'pt who injects drugs, here for abscess.'],
    // "known" goes in as a click and --fix make it elsewhere ("a known IVDU" → "a person known to inject drugs").
    ['Pt known IVDU, here for abscess.', 'Pt known to inject drugs, here for abscess.'],
  ])("%s is fixed to the person's wording after the noun", async (text, out) => {
    expect(await fixed(text)).toBe(out);
    const f = await finding(text, 'substance-use/injection-drug-abuse');
    expect(f.suggestions[0]).toBe('person who injects drugs');
    expect(clicked(text, f)).toBe(out);
    // The behaviour's wording ("Pt injection drug use, presents") is no edit there.
    expect(suggestionEdit(text, f, 'injection drug use')).toBeUndefined();
  });

  it('is clicked so for a rule with no fix ("Pt addict, presents" → "Pt with a substance use disorder, presents")', async () => {
    const text = 'Pt addict, presents with fever.';
    const f = await finding(text, 'substance-use/addict');
    expect(f.fix).toBeUndefined();
    expect(clicked(text, f)).toBe('Pt with a substance use disorder, presents with fever.');
    expect(clicked(text, f, 1)).toBe('Pt who uses drugs, presents with fever.');
  });

  it("leaves the behaviour's wording where the label is no person", async () => {
    // A history ("IVDU hx"), after a colon (a field's value), after a possessive or a plural: as before.
    expect(await fixed('Pt IVDU hx, on methadone.')).toBe('Pt injection drug use hx, on methadone.');
    expect(await fixed('Pt: IVDU.')).toBe('Pt: injection drug use.');
    expect(await fixed("The pt's IVDU hx.")).toBe("The pt's injection drug use hx.");
    expect(await fixed('Pt is an IVDU.')).toBe('Pt is a person who injects drugs.');
  });
});

// An age and sex header ("58 yo M", "45F", "32-year-old woman") names the patient as "Pt" does: --fix,
// a click and the LSP wrote "58 yo M person who injects drugs presents" (a run of 2026-12-04).
describe('a label after an age and sex header', () => {
  it.each([
    ['58 yo M IVDU presents with fever.', '58 yo M who injects drugs presents with fever.'],
    ['45F IVDA, here for abscess.', '45F who injects drugs, here for abscess.'],
    ['32-year-old woman IVDU presents.', '32-year-old woman who injects drugs presents.'],
    ['58 year old male IVDU presents.', '58 year old male who injects drugs presents.'],
    ['58 y/o M known IVDU presents.', '58 y/o M known to inject drugs presents.'],
    // "M" after an article read as a word describing the label, which withheld the fix.
    ['He is a 52 yo M IVDU.', 'He is a 52 yo M who injects drugs.'],
  ])("%s is fixed to the person's wording after the header", async (text, out) => {
    expect(await fixed(text)).toBe(out);
    const f = await finding(text, 'substance-use/injection-drug-abuse');
    expect(f.suggestions[0]).toBe('person who injects drugs');
    expect(clicked(text, f)).toBe(out);
    expect(suggestionEdit(text, f, 'injection drug use')).toBeUndefined();
  });

  it.each([
    ['58 yo M alcoholic presents.', 'substance-use/alcoholic', 0, '58 yo M with alcohol use disorder presents.'],
    ['58 yo M alcoholic presents.', 'substance-use/alcoholic', 1, '58 yo M who engages in unhealthy alcohol use presents.'],
    ['45F drug user presents.', 'substance-use/drug-user', 0, '45F who uses drugs presents.'],
    ['45F diabetic presents.', 'identity/diabetic', 0, '45F with diabetes presents.'],
  ])('%s is clicked so for a rule with no fix (%s, suggestion %i)', async (text, rule, index, out) => {
    const f = await finding(text, rule);
    expect(f.fix).toBeUndefined();
    expect(clicked(text, f, index)).toBe(out);
  });

  // A word describing the label after the header ("58 yo M chronic IVDU"): --fix wrote "58 yo M chronic
  // injection drug use" (a run of 2026-12-04), which loses the person, and "58 yo M homeless injection drug
  // use". As after "was a chronic" the person's wording goes first and no edit is made in place.
  it.each([
    ['58 yo M chronic IVDU', 'substance-use/injection-drug-abuse'],
    ['45F active daily IVDA, presents with fever.', 'substance-use/injection-drug-abuse'],
    ['58 yo M homeless IVDU presents.', 'substance-use/injection-drug-abuse'],
    ['32 y/o male daily heroin addict', 'substance-use/addict'],
  ])('%s: the person first, no fix and no click', async (text, rule) => {
    const f = await finding(text, rule);
    expect(f.suggestions[0]).toMatch(/^person /);
    expect(await fixed(text)).toBe(text);
    for (const s of f.suggestions) expect(suggestionEdit(text, f, s), s).toBeUndefined();
  });

  it.each([
    // A verb after the header is no word describing the label: the behaviour's wording reads right.
    ['45F denies IVDU.', '45F denies injection drug use.'],
    ['58 yo M chronic pain, IVDU.', '58 yo M chronic pain, injection drug use.'],
  ])('%s keeps its fix', async (text, out) => {
    expect(await fixed(text)).toBe(out);
  });

  // The form's second wording leaves "chronic" out; kept before it by the edit (src/fix/refine.ts, a word
  // that says when), it described the person: "60 yo M chronic with …", "a chronic person with …".
  it.each([
    ['60 yo M chronic alcoholic', '60 yo M with chronic alcohol use disorder'],
    ['He is a chronic alcoholic.', 'He is a person with chronic alcohol use disorder.'],
  ])('%s: the wording with "chronic" is clicked, the one without is no edit', async (text, out) => {
    const f = await finding(text, 'substance-use/alcoholic');
    expect(clicked(text, f)).toBe(out);
    expect(f.suggestions[1]).toBe('person with alcohol use disorder');
    expect(clicked(text, f, 1)).toBeUndefined();
  });

  it.each([
    ['32 y/o male heroin addict', 'substance-use/addict', '32 y/o male with opioid use disorder'],
    ['pt is a 40 yo F alcoholic', 'substance-use/alcoholic', 'pt is a 40 yo F with alcohol use disorder'],
  ])('%s is clicked to the header with the wording (%s)', async (text, rule, out) => {
    expect(clicked(text, await finding(text, rule))).toBe(out);
  });

  it("leaves the behaviour's wording where the label is no person", async () => {
    // A history after the header (--fix wrote "45F person who injects drugs hx"), a list after a comma, a
    // word describing the label.
    expect(await fixed('45F IVDU hx, on methadone.')).toBe('45F injection drug use hx, on methadone.');
    expect(await fixed('45M, IVDU, HCV+.')).toBe('45M, injection drug use, HCV+.');
    expect(await fixed('58 yo M with IVDU.')).toBe('58 yo M with injection drug use.');
  });
});

// "In recovery" says the drinking has stopped: the wording of "former" or "recovering alcoholic" only.
// "SH: Alcoholic, drinks 10 beers/day" offered "Person in recovery from alcohol use disorder" to a
// current drinker (a run of 2026-12-04); the label alone takes terms.csv's second wording (row 6).
describe('"in recovery" only where the text says the person is', () => {
  it.each([
    ['SH: Alcoholic, drinks 10 beers/day', 'SH: Person who engages in unhealthy alcohol use, drinks 10 beers/day'],
    ['His father was an alcoholic.', 'His father was a person who engaged in unhealthy alcohol use.'],
  ])('%s offers no "in recovery"', async (text, second) => {
    const f = await finding(text, 'substance-use/alcoholic');
    expect(f.suggestions.some((s) => /recovery/.test(s))).toBe(false);
    expect(clicked(text, f, 1)).toBe(second);
  });

  it('nor for the plural', async () => {
    const f = await finding('Some people should not drink at all, including alcoholics.', 'substance-use/alcoholic');
    expect(f.suggestions).toEqual(['people with alcohol use disorder', 'people who engage in unhealthy alcohol use']);
  });

  it.each(['Former alcoholic, sober 5 years.', 'He is a recovering alcoholic.'])('%s still offers it first', async (text) => {
    const f = await finding(text, 'substance-use/alcoholic');
    expect(f.suggestions[0]).toBe('person in recovery from alcohol use disorder');
  });
});
