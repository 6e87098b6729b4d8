// Detection by general mechanisms (issue 11): the words around a term decide its sense (the object
// of "addicted to", the subject of "supposedly", the word after "a diabetic"), an item of a list of
// signs is not a label, a patient's labelled turn pasted alone is their own words, and the
// condition kinds that carry these (`except` with `*`, `list`, `forms`) work for any rule file.
import { describe, expect, it } from 'vitest';
import { compileRules, parseRuleFile } from '../src/index.js';
import { inEnumeration } from '../src/match/match.js';
import { speakerAt } from '../src/match/speakers.js';

import { briefOf as brief, ruleIds as ids } from './detection.js';

describe('the object of "addicted to"', () => {
  it('reports a substance or pills as the object, and "addicted" with no object', async () => {
    for (const text of [
      'She became addicted to oxycodone after her back surgery.',
      'He is addicted to prescription painkillers.',
      'Got addicted to pills in his twenties.',
      'He has been addicted for years.',
      'They became addicted to it within months.',
    ]) {
      expect(await ids(text), text).toEqual(['substance-use/addicted']);
    }
  });

  it('passes a plain noun that is no substance, whatever the noun', async () => {
    for (const text of [
      'My son is addicted to crosswords.',
      'He is addicted to diet soda.',
      'She is addicted to knitting these days.',
      'Grandpa is addicted to crossword puzzles.',
    ]) {
      expect(await ids(text), text).toEqual([]);
    }
  });
});

describe('"supposedly" about a thing', () => {
  it('passes a hedge whose subject is a thing', async () => {
    for (const text of [
      'The pill supposedly lowers cholesterol by half.',
      'She bought a tea that supposedly melts belly fat.',
      'He read about a diet which supposedly reverses diabetes.',
      'It supposedly works within a week.',
    ]) {
      expect(await ids(text), text).toEqual([]);
    }
  });

  it("reports a hedge about the patient's account", async () => {
    expect(await ids('Pt supposedly took all doses as prescribed.')).toEqual(['credibility/allegedly']);
    expect(await ids('Supposedly she has not had a drink since May.')).toEqual(['credibility/allegedly']);
  });
});

describe('a sign in a list of signs', () => {
  it('passes the noun as one item of an enumeration', async () => {
    for (const text of [
      'Delirium may cause restlessness, combativeness, or drowsiness.',
      'Watch for irritability, hostility and insomnia.',
      'Signs: mutism/combativeness/staring.',
    ]) {
      expect(await ids(text), text).toEqual([]);
    }
  });

  it('reports the adjective in a list, and the noun outside a list', async () => {
    expect(await ids('Overnight pt was agitated, combative and spitting at staff.')).toContain('demeanor/combative');
    expect(await ids('Ongoing combativeness toward the night nurse.')).toEqual(['demeanor/combative']);
    expect(await ids('His hostility toward staff escalated.')).toEqual(['demeanor/combative']);
  });

  it('finds the item among short items within its clause only', () => {
    const text = 'Features include tremor, combativeness and rigidity. Combativeness was not seen.';
    expect(inEnumeration(text, text.indexOf('combativeness'), text.indexOf('combativeness') + 13)).toBe(true);
    const second = text.lastIndexOf('Combativeness');
    expect(inEnumeration(text, second, second + 13)).toBe(false);
    const two = 'Tremor and combativeness today.';
    expect(inEnumeration(two, two.indexOf('comb'), two.indexOf('comb') + 13)).toBe(false);
    const long = 'He showed combativeness when the night team tried to move him, and tremor.';
    expect(inEnumeration(long, long.indexOf('comb'), long.indexOf('comb') + 13)).toBe(false);
  });
});

describe('"diabetic" as an adjective or a label', () => {
  it('passes "diabetic" before a noun that is no person', async () => {
    for (const text of [
      'A diabetic consult was placed.',
      'Start a diabetic snack at bedtime.',
      'She needs an diabetic shoe fitting.',
      'Type 2 diabetic regimen reviewed.',
      'Diabetic and hypertensive changes in both fundi.',
    ]) {
      expect(await ids(text), text).toEqual([]);
    }
  });

  it('reports a person label, and "Diabetic" as a problem-list item', async () => {
    for (const [text, actual] of [
      ['He is a diabetic on metformin.', 'a diabetic'],
      // Before a person noun, the noun's phrase (its suggestion "mother with diabetes" reads in place).
      ['A diabetic mother delivered at 38 weeks.', 'diabetic mother'],
      ['Is she a diabetic?', 'a diabetic'],
      ['Diabetic and hypertensive, on statin.', 'Diabetic and'],
      ['PMH: Diabetic and asthma.', 'Diabetic and'],
      ['- Diabetic and on insulin since 2019', 'Diabetic and'],
    ] as const) {
      expect(await brief(text), text).toEqual([['identity/diabetic', actual, 'warning']]);
    }
  });

  it('does not take "diabetic" inside prose for a problem-list item', async () => {
    expect(await ids('Her feet are checked at each diabetic and podiatry visit.')).toEqual([]);
  });
});

describe('other forms', () => {
  it('reports coordinated "mental and growth retardation", not growth retardation alone', async () => {
    expect(await brief('Causes mental and growth retardation.')).toEqual([['identity/retarded', 'mental and growth retardation', 'error']]);
    expect(await brief('Psychomotor and mental retardation were noted.')).toEqual([['identity/retarded', 'mental retardation', 'error']]);
    expect(await ids('Intrauterine growth retardation at 30 weeks.')).toEqual([]);
  });

  it('reports "wheelchair dependent", "tobacco user", and "abusing" before a possessive and a drug', async () => {
    expect(await ids('Wheelchair-dependent since 2019.')).toEqual(['identity/wheelchair-bound']);
    expect(await brief('Are you a tobacco user?')).toEqual([['substance-use/tobacco-user', 'tobacco user', 'info']]);
    expect(await ids('Tobacco user: N')).toEqual([]);
    expect(await ids('Was abusing his father’s hydrocodone.')).toEqual(['substance-use/abuse-verb']);
    expect(await ids('He was abusing her and drank alcohol daily.')).toEqual([]);
  });

  it('keeps "smoker" in the all preset only', async () => {
    expect(await ids('Former smoker, quit 2010.')).toEqual([]);
    expect(await ids('Former smoker, quit 2010.', { preset: 'all' })).toEqual(['substance-use/smoker']);
  });

  it('reports "known user of cocaine" but not "user of CPAP"', async () => {
    expect(await ids('Known user of cocaine per records.')).toEqual(['substance-use/user-label']);
    expect(await ids('Chronic user of CPAP at night.')).toEqual([]);
  });
});

describe("a patient's labelled turn pasted alone", () => {
  it("reads a patient's or relative's label followed by speech as their own words", async () => {
    expect(await brief('Patient: my brother is a heroin addict')).toEqual([['substance-use/addict', 'heroin addict', 'info']]);
    expect(await brief('Mother: we think he is an addict now')).toEqual([['substance-use/addict', 'addict', 'info']]);
    expect(await brief('Guest_family: he is an addict')).toEqual([['substance-use/addict', 'addict', 'info']]);
  });

  it("keeps a header's value and a family-history entry the writer's words", async () => {
    expect(await brief('Patient: 45M, known heroin addict')).toEqual([['substance-use/addict', 'heroin addict', 'error']]);
    expect(await brief('Father: alcoholic, deceased at 60')).toEqual([['substance-use/alcoholic', 'alcoholic', 'error']]);
    expect(speakerAt('Patient: J. Doe\nHPI: he is an addict', 20)).toBeUndefined();
  });
});

describe('condition kinds in a rule file', () => {
  const file = (conditions: string) =>
    compileRules([
      parseRuleFile(
        `category: house\nsets:\n  pet:\n    words: [cat, dog]\nrules:\n  - id: house/zorp\n    severity: warning\n    match: [zorp, zorps, zorpness]\n    suggestions: [y]\n    note: n\n    sources: [s]\n    conditions:\n${conditions}\n    examples: { flag: ["A zorp."], pass: ["No."] }\n`,
        'house.yaml',
      ),
    ]);

  it('`*` is any word, and `except` removes the phrases that do not count', async () => {
    const ruleSet = file('      unless:\n        - after: ["*"]\n          within: 1\n          clause: true\n          except: ["{pet}", with]');
    expect(await ids('A zorp plan.', { ruleSet })).toEqual([]);
    expect(await ids('A zorp dog.', { ruleSet })).toEqual(['house/zorp']);
    expect(await ids('A zorp with hats.', { ruleSet })).toEqual(['house/zorp']);
    expect(await ids('A zorp.', { ruleSet })).toEqual(['house/zorp']);
  });

  it('`forms` limits a condition to some of the matched phrases', async () => {
    const ruleSet = file('      unless:\n        - list: true\n          forms: [zorpness]');
    expect(await ids('Fever, zorpness and cough.', { ruleSet })).toEqual([]);
    expect(await ids('Fever, zorps and cough.', { ruleSet })).toEqual(['house/zorp']);
    const required = file('      requires:\n        - after: [now]\n          within: 1\n          forms: [zorp]');
    expect(await ids('A zorp today; zorps now.', { ruleSet: required })).toEqual(['house/zorp']);
    expect(await ids('A zorp now.', { ruleSet: required })).toEqual(['house/zorp']);
  });

  it('a phrase longer than `within` counts right next to the match (`within: 1` with a two-word phrase)', async () => {
    const after = file('      unless:\n        - after: [of the dog, with a hat]\n          within: 1');
    expect(await ids('A zorp of the dog.', { ruleSet: after })).toEqual([]);
    expect(await ids('A zorp with a hat.', { ruleSet: after })).toEqual([]);
    expect(await ids('A zorp near the dog.', { ruleSet: after })).toEqual(['house/zorp']);
    expect(await ids('A zorp then of the dog.', { ruleSet: after })).toEqual(['house/zorp']); // not next to it
    expect(await ids('A zorp, of the dog.', { ruleSet: after })).toEqual([]); // no clause: true
    const before = file('      unless:\n        - before: [history of, kind of]\n          within: 1');
    expect(await ids('A history of zorp.', { ruleSet: before })).toEqual([]);
    expect(await ids('A history of old zorp.', { ruleSet: before })).toEqual(['house/zorp']);
    // With `clause: true` the phrase must lie wholly in the match's clause.
    const clause = file('      unless:\n        - after: [of the dog]\n          within: 1\n          clause: true');
    expect(await ids('A zorp of the dog.', { ruleSet: clause })).toEqual([]);
    expect(await ids('A zorp of the, dog.', { ruleSet: clause })).toEqual(['house/zorp']);
    const clauseBefore = file('      unless:\n        - before: [kind of]\n          within: 1\n          clause: true');
    expect(await ids('Kind of zorp.', { ruleSet: clauseBefore })).toEqual([]);
    expect(await ids('Kind, of zorp.', { ruleSet: clauseBefore })).toEqual(['house/zorp']);
  });

  it('an `after` in unless does not read past a possessive match ("the zorp\'s dog": the words are the zorp\'s)', async () => {
    const ruleSet = file('      unless:\n        - after: ["{pet}"]\n          within: 1');
    expect(await ids('A zorp dog.', { ruleSet })).toEqual([]);
    expect(await ids("The zorp's dog.", { ruleSet })).toEqual(['house/zorp']);
    expect(await ids('The zorp\u2019s dog.', { ruleSet })).toEqual(['house/zorp']);
    // A required `after` still reads there.
    const required = file('      requires:\n        - after: ["{pet}"]\n          within: 1');
    expect(await ids("The zorp's dog.", { ruleSet: required })).toEqual(['house/zorp']);
  });

  it('a required phrase with `*` holds for any word there (the quick scan must not read "*" literally)', async () => {
    const ruleSet = file('      requires:\n        - sentence: ["her * dog"]');
    expect(await ids('A zorp near her old dog.', { ruleSet })).toEqual(['house/zorp']);
    expect(await ids('A zorp near her dog.', { ruleSet })).toEqual([]);
    expect(await ids('A zorp near the old dog.', { ruleSet })).toEqual([]);
  });

  it('rejects a condition with no test and a bad pattern in except', () => {
    expect(() => file('      unless:\n        - within: 2')).toThrow();
    expect(() => file('      unless:\n        - after: [x]\n          except: ["{nope"]')).toThrow(/except|set/);
  });
});
