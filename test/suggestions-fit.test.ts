// Suggestions that read wrong where a click or --fix puts them, found by a blind-labelled sample of
// 320 findings (193 over the shared corpus, stratified by rule, and every finding of two earlier
// probes' sentences) on 2026-12-04: each case holds its small input and fails on the code before.
import { describe, expect, it } from 'vitest';
import { lintText } from '../src/index.js';
import { isWording, suggestionEdit } from '../src/web/apply-suggestion.js';
import type { Finding } from '../src/types.js';
import { clicked } from './helpers.js';

const find = async (text: string, rule: string, preset: 'recommended' | 'all' = 'all'): Promise<Finding> => {
  const f = (await lintText(text, { preset })).find((x) => x.ruleId === rule);
  expect(f, `${rule} in ${JSON.stringify(text)}`).toBeDefined();
  return f!;
};

const fixed = async (text: string): Promise<string> => (await lintText(text, { preset: 'all', fix: true })).output;

describe('a word describing a person label before it ("a daily cannabis user")', () => {
  it('makes no edit: the person-first wording would stand after it', async () => {
    for (const [text, rule] of [
      ['Client is a daily cannabis user and vapes THC.', 'substance-use/drug-user'],
      ['Neb tx given; pt is a heavy smoker, counseled on cessation.', 'substance-use/smoker'],
      ['Showed a well-developed, slightly obese man who was in extremis.', 'identity/obese-person'],
      ['Well-developed, slightly obese, slightly dysmorphic male.', 'identity/obese-person'],
    ] as const) {
      const f = await find(text, rule);
      const people = f.suggestions.filter((s) => /^(?:an?\s+)?(?:person|people|patient)\b/i.test(s));
      expect(people.length, text).toBeGreaterThan(0);
      for (const s of people) expect(suggestionEdit(text, f, s), `${text} ${s}`).toBeUndefined();
    }
  });

  it('still edits after an age, "known", or where the label heads a phrase of its own', async () => {
    const cases = [
      [
        'Case 2: a 28-year-old heroin addict with arm swelling.',
        'substance-use/addict',
        'Case 2: a 28-year-old person with opioid use disorder with arm swelling.',
      ],
      [
        'The young man is now an alcoholic and drug addict.',
        'substance-use/addict',
        'The young man is now an alcoholic and person with a substance use disorder.',
      ],
      ['He lives in a household full of drug users.', 'substance-use/drug-user', 'He lives in a household full of people who use drugs.'],
      ['Pt is a known IV drug user.', 'substance-use/drug-user', 'Pt is a person known to inject drugs.'],
    ] as const;
    for (const [text, rule, out] of cases) expect(clicked(text, await find(text, rule)), text).toBe(out);
  });

  it('withholds --fix of "a chronic IVDU", whose wording is the person\'s there', async () => {
    const text = 'Pt was a chronic IVDU with endocarditis.';
    const f = await find(text, 'substance-use/injection-drug-abuse');
    expect(f.suggestions[0]).toBe('person who injects drugs');
    expect(f.fix).toBeUndefined();
    expect(f.fixSkipped?.reason).toBe('meaning');
    expect(await fixed(text)).toBe(text);
    // Not a phrase of its own: "a history of IVDU" is a history, fixed as before.
    expect(await fixed('He has a history of IVDU.')).toBe('He has a history of injection drug use.');
  });
});

describe('a label before the person noun it describes', () => {
  it('gives that noun the person-first wording ("a partner with HIV")', async () => {
    const cases = [
      ['In a relationship with an HIV infected partner for 3 years.', 'identity/hiv-label', 'In a relationship with a partner with HIV for 3 years.'],
      ['He is a 67 yo obese male with OSA.', 'identity/obese-person', 'He is a 67 yo male with obesity with OSA.'],
    ] as const;
    for (const [text, rule, out] of cases) expect(clicked(text, await find(text, rule)), text).toBe(out);
  });

  it('leaves the noun a possessive label owns where it is ("the addict\'s mother")', async () => {
    const text = "The addict's mother called.";
    expect(clicked(text, await find(text, 'substance-use/addict'))).toBe("The person with a substance use disorder's mother called.");
  });

  it('makes no edit with another wording of several words ("a class 3 obesity female")', async () => {
    const text = 'Reveals a morbidly obese female who is alert.';
    const f = await find(text, 'identity/morbid-obesity');
    expect(f.suggestions[0]).toBe('class 3 obesity');
    expect(clicked(text, f)).toBeUndefined();
  });
});

describe('a person-first wording after "was"', () => {
  it('puts the verb after "who" in the past, by a click and by --fix', async () => {
    const text = 'She was a heavy drinker until 1998.';
    expect(clicked(text, await find(text, 'substance-use/heavy-drinker'))).toBe('She was a person who drank heavily until 1998.');
    expect(clicked('He was a binge drinker.', await find('He was a binge drinker.', 'substance-use/heavy-drinker'))).toBe('He was a person who binge drank.');
    expect(await fixed('Pt was an IVDU.')).toBe('Pt was a person who injected drugs.');
    // In the present it stays.
    expect(await fixed('Pt is an IVDU.')).toBe('Pt is a person who injects drugs.');
  });
});

describe('an edit that repeats the word next to it, or leaves "no" with nothing after it', () => {
  it('is refused', async () => {
    const a = 'He denies any IV drug use or abuse.';
    const f = await find(a, 'substance-use/abuse-verb');
    expect(f.suggestions[0]).toBe('use');
    expect(clicked(a, f)).toBeUndefined();
    const b = 'The patient supposedly had fever.';
    const g = await find(b, 'credibility/allegedly');
    expect(g.suggestions[0]).toBe('per the patient');
    expect(clicked(b, g)).toBeUndefined();
    const c = 'Drugs: denies.';
    const h = await find(c, 'credibility/denies');
    expect(h.suggestions[0]).toBe('reports no');
    expect(clicked(c, h)).toBeUndefined();
    // Nor a wording that ends in a preposition ("were no history of.").
    const d = 'Other symptoms were denied.';
    const k = await find(d, 'credibility/denies');
    expect(k.suggestions.filter((s) => / of$/.test(s)).length).toBeGreaterThan(0);
    for (const s of k.suggestions.filter((x) => / of$/.test(x))) expect(suggestionEdit(d, k, s)).toBeUndefined();
  });

  it('is made where nothing repeats and a word follows', async () => {
    expect(clicked('Denies drugs.', await find('Denies drugs.', 'credibility/denies'))).toBe('Reports no drugs.');
    expect(clicked('Alcohol use, drug abuse.', await find('Alcohol use, drug abuse.', 'substance-use/substance-abuse'))).toBe('Alcohol use, drug use.');
  });
});

describe('"no shows" and other compounds', () => {
  it('"no shows" becomes "missed appointments", without the "no" of the compound', async () => {
    const text = 'The patient has 3 no shows this year.';
    expect(clicked(text, await find(text, 'compliance/no-show'))).toBe('The patient has 3 missed appointments this year.');
  });

  it('a hyphen between two replaced words goes where the new words make no compound', async () => {
    const text = 'A no-show was documented.';
    expect(clicked(text, await find(text, 'compliance/no-show'))).toBe('A missed appointment was documented.');
    // The writer's compound stays where the new words make one.
    expect(await fixed('Hx of ETOH-abuse.')).toBe('Hx of alcohol-use.');
  });
});

describe('a wording that opens with a verb, after an auxiliary or a copula', () => {
  it('is refused ("has did not respond to", "is states clearly", "become has …")', async () => {
    for (const [text, rule] of [
      ['He has failed conservative measures.', 'compliance/failed-treatment'],
      ['She is very adamant that she wants to stop.', 'credibility/adamant'],
      ['Some people get addicted to marijuana.', 'substance-use/addicted'],
    ] as const) {
      expect(clicked(text, await find(text, rule)), text).toBeUndefined();
    }
  });

  it('is made without one, and a participle after "has" stays', async () => {
    expect(clicked('She failed physical therapy.', await find('She failed physical therapy.', 'compliance/failed-treatment'))).toBe(
      'She did not respond to physical therapy.',
    );
    expect(clicked('He has refused this today.', await find('He has refused this today.', 'compliance/refused'))).toBe('He has declined this today.');
  });
});

describe('suggestions in the form of the phrase (rule data)', () => {
  it('fit in place', async () => {
    const cases = [
      ['The child got narcotics for pain.', 'identity/narcotics', 'The child got opioids for pain.'],
      ['This is an elderly woman.', 'identity/elderly', 'This is an older woman.'],
      ['Especially if they are elderly or ill.', 'identity/elderly', 'Especially if they are older or ill.'],
      ['In AIDS patients the disease moves quickly.', 'identity/hiv-patient', 'In patients with HIV the disease moves quickly.'],
    ] as const;
    for (const [text, rule, out] of cases) expect(clicked(text, await find(text, rule)), text).toBe(out);
    // "full-blown AIDS" is "AIDS" (a compound of two words replaced by one is no edit in place, as before).
    const text = 'Before developing full-blown AIDS.';
    const f = await find(text, 'identity/hiv-patient');
    expect(f.suggestions[0]).toBe('AIDS');
    expect(clicked(text, f)).toBeUndefined();
  });

  it('a RASS score is asked for, not written in ("became RASS score")', async () => {
    const f = await find('Pt appears agitated on camera.', 'demeanor/agitated');
    expect(f.suggestions.filter(isWording)).toEqual([]);
  });
});

// The second blind-sample pass (branch sugg2, 2026-12-04): the click edits still read wrong after the first.
describe('wordings that read wrong in place, by rule (second pass)', () => {
  it('makes no "not" wording after a word of degree ("somewhat not ready")', async () => {
    const text = 'At this time, she is somewhat reluctant to go through any surgical procedure.';
    expect(clicked(text, await find(text, 'compliance/unwilling'))).toBeUndefined();
    const plain = 'Pt unwilling to take insulin.';
    expect(clicked(plain, await find(plain, 'compliance/unwilling'))).toBe('Pt not ready to take insulin.');
  });

  it('writes no wording in place of "compliant with" or "reluctantly"', async () => {
    for (const [text, rule] of [
      ['He is compliant with metformin.', 'compliance/compliant'],
      ['Otherwise he has been well and compliant with his medication.', 'compliance/compliant'],
      ['He was quite uncommunicative, only reluctantly revealing his history.', 'compliance/unwilling'],
      ['The patient supposedly had fever, some weight loss.', 'credibility/allegedly'],
      ['FYI pt in 14 is a known drug seeker, asking for dilaudid by name again', 'substance-use/drug-seeking'],
      ['Client reports being clean from meth x 90 days while at sober living.', 'substance-use/clean-abstinent'],
      ['Pt is clean 2 yrs.', 'substance-use/clean-abstinent'],
    ] as const) {
      const f = await find(text, rule);
      expect(f.suggestions.map((s) => clicked(text, f, f.suggestions.indexOf(s))).filter(Boolean), text).toEqual([]);
    }
  });

  it('keeps the verb, the drug and the kind of dementia', async () => {
    for (const [text, rule, want] of [
      ['Pt became belligerent with staff at 0200.', 'demeanor/combative', 'Pt became distressed with staff at 0200.'],
      ['Mild senile-type dementia.', 'identity/demented', 'Mild late-onset dementia.'],
      ['Stay clean.', 'substance-use/clean-abstinent', 'Stay abstinent.'],
      ['It is more common in heroin users.', 'substance-use/drug-user', 'It is more common in people who use heroin.'],
      ['He comes in with a chief complaint of difficulty breathing.', 'credibility/complains', 'He comes in with a chief concern of difficulty breathing.'],
      ['Changing drinking habits isnt easy.', 'substance-use/drug-habit', 'Changing drinking isnt easy.'],
      ['Treatment for their alcohol problems ends.', 'substance-use/drug-problem', 'Treatment for their unhealthy alcohol use ends.'],
      [
        'Clues to a possible alcohol problem include memory loss.',
        'substance-use/drug-problem',
        'Clues to a possible alcohol use disorder include memory loss.',
      ],
    ] as const) {
      const f = await find(text, rule);
      const i = f.suggestions.findIndex((s) => isWording(s));
      expect(clicked(text, f, i), text).toBe(want);
    }
  });
});

// Leftovers of the earlier sessions, each found by a real sample (2026-12-04, branch left3).
describe('a mass noun after "a"/"an" ("an unhealthy alcohol use")', () => {
  it('takes the article out when it stands right before the phrase', async () => {
    for (const [text, out] of [
      ['Get help if you suspect an alcohol problem.', 'Get help if you suspect unhealthy alcohol use.'],
      ['Counselled on an alcohol problem.', 'Counselled on unhealthy alcohol use.'],
    ] as const) {
      const f = await find(text, 'substance-use/drug-problem');
      const i = f.suggestions.indexOf('unhealthy alcohol use');
      expect(i, text).toBeGreaterThan(0);
      expect(clicked(text, f, i), text).toBe(out);
    }
  });

  it('makes no edit with a word between the article and the phrase ("a possible alcohol problem")', async () => {
    const text = 'He has a possible alcohol problem.';
    const f = await find(text, 'substance-use/drug-problem');
    expect(clicked(text, f, f.suggestions.indexOf('unhealthy alcohol use'))).toBeUndefined();
    // A count noun still fits there.
    expect(clicked(text, f, 0)).toBe('He has a possible alcohol use disorder.');
  });

  it('keeps "the" and a count noun\'s article', async () => {
    const text = 'The alcohol problem persists.';
    const f = await find(text, 'substance-use/drug-problem');
    expect(clicked(text, f, f.suggestions.indexOf('unhealthy alcohol use'))).toBe('The unhealthy alcohol use persists.');
    expect(clicked('Pt is an IVDU.', await find('Pt is an IVDU.', 'substance-use/injection-drug-abuse'))).toBe('Pt is a person who injects drugs.');
  });
});

describe('a plural possessive label ("the alcoholics\' families")', () => {
  it('makes no edit: "the people with alcohol use disorder\' families" reads wrong', async () => {
    for (const [text, rule] of [
      ["Talked to the alcoholics' families.", 'substance-use/alcoholic'],
      ['The addicts\u2019 needs come first.', 'substance-use/addict'],
      ["Drug abusers' rights were discussed.", 'substance-use/abuser'],
    ] as const) {
      const f = await find(text, rule);
      expect(
        f.suggestions.some((s) => /['\u2019]s?$/.test(s)),
        text,
      ).toBe(false);
      for (let i = 0; i < f.suggestions.length; i++) expect(clicked(text, f, i), `${text} ${f.suggestions[i]}`).toBeUndefined();
    }
    // A plural without the apostrophe is edited as before.
    const text = 'Alcoholics were seen in clinic.';
    expect(clicked(text, await find(text, 'substance-use/alcoholic'))).toBe('People with alcohol use disorder were seen in clinic.');
  });
});

describe('"ex-" before an injection-drug label on a history line ("hx of ex-IVDU")', () => {
  it('fixes "ex-" as "former", not "ex-injection drug use"', async () => {
    for (const [text, out] of [
      ['hx of ex-IVDU, on methadone.', 'hx of former injection drug use, on methadone.'],
      ['Hx: ex-IVDA, HCV Ab positive.', 'Hx: former injection drug use, HCV Ab positive.'],
      // "h/o" is a history line too: substance-use/former-addict read "h/o person who previously injected drugs".
      ['h/o ex-IVDA, now on methadone.', 'h/o former injection drug use, now on methadone.'],
      ['h/o former IVDU, HCV treated.', 'h/o former injection drug use, HCV treated.'],
    ] as const) {
      const f = await find(text, 'substance-use/injection-drug-abuse');
      expect(await fixed(text), text).toBe(out);
      expect(clicked(text, f), text).toBe(out);
    }
  });

  it('lets a click take "ex-" into a person\'s wording ("an ex-IVDU"), but not "ex-user of crystal meth"', async () => {
    const text = 'Pt is an ex-IVDU.';
    expect(clicked(text, await find(text, 'substance-use/former-addict'))).toBe('Pt is a person who previously injected drugs.');
    const user = 'Pt is an ex-user of crystal meth.';
    const f = await find(user, 'substance-use/former-addict');
    for (let i = 0; i < f.suggestions.length; i++) expect(clicked(user, f, i), f.suggestions[i]).toBeUndefined();
  });
});

describe('an adjective before a label with no determiner ("Active alcoholic, ...")', () => {
  it('makes no edit with a person-first wording at a sentence or clause start', async () => {
    for (const [text, rule] of [
      ['Active alcoholic, presents with fever.', 'substance-use/alcoholic'],
      ['Chronic addict.', 'substance-use/addict'],
      ['Pt, active alcoholic, presents.', 'substance-use/alcoholic'],
    ] as const) {
      const f = await find(text, rule);
      for (let i = 0; i < f.suggestions.length; i++) expect(clicked(text, f, i), `${text} ${f.suggestions[i]}`).toBeUndefined();
    }
  });

  it('still edits a label with no word before it, "known" before it, or a noun such as "Pt"', async () => {
    for (const [text, rule, out] of [
      ['Alcoholic, presents.', 'substance-use/alcoholic', 'Person with alcohol use disorder, presents.'],
      ['Known IVDU, presents with fever.', 'substance-use/injection-drug-abuse', 'Person known to inject drugs, presents with fever.'],
      ['Hx: IVDU', 'substance-use/injection-drug-abuse', 'Hx: injection drug use'],
    ] as const)
      expect(clicked(text, await find(text, rule)), text).toBe(out);
  });
});

// "Frequent flyer in ED" was clicked to "Patient with frequent ED visits in ED" (a run of 2026-12-04):
// the wording names the emergency department, and the words after the phrase name it again.
describe('a wording that names the ED before words that name it again', () => {
  it('is no edit', async () => {
    for (const text of [
      'Frequent flyer in ED',
      'Pt is a frequent flyer in our ED, 14 visits this year.',
      'Frequent flyers to the ER.',
      'Frequent flyer at the emergency department.',
    ]) {
      const f = await find(text, 'credibility/frequent-flyer', 'recommended');
      expect(suggestionEdit(text, f, f.suggestions[0]!), text).toBeUndefined();
    }
  });

  it('is made where nothing after it names the ED', async () => {
    const f = await find('Frequent flyer, here for pain crisis.', 'credibility/frequent-flyer', 'recommended');
    expect(clicked('Frequent flyer, here for pain crisis.', f)).toBe('Patient with frequent ED visits, here for pain crisis.');
  });
});

// "Known frequent flyer" clicked to "Known patient with frequent ED visits", a well-known patient
// (left8's closing note): "known" goes into a patient's wording as into a person's (suggest.ts withKnown).
describe('"known" before a label whose wording names a patient', () => {
  it('goes into the wording', async () => {
    const text = 'Known frequent flyer, here for pain crisis.';
    const f = await find(text, 'credibility/frequent-flyer', 'recommended');
    expect(clicked(text, f)).toBe('Patient with known frequent ED visits, here for pain crisis.');
    const hiv = 'Pt is a known HIV patient.';
    const g = await find(hiv, 'identity/hiv-patient', 'all');
    expect(clicked(hiv, g)).toBe('Pt is a patient with known HIV.');
  });
});
