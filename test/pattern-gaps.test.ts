// Recall: pattern gaps (issue 11, item 7) checked systematically rather than one phrase at a time.
// Every rule of the default preset is tried on the spellings a note uses for its own terms: each
// flag example of the rule, rewritten in upper case (templates), with curly apostrophes, with its
// longest word hyphenated at a line end (lower and upper case); and a table of inflections and
// spellings (plural, possessive, hyphenated and spaced compounds, abbreviations with and without
// full stops, British spellings, common misspellings) of the core and tier-B terms.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lintText } from '../src/index.js';
import { builtinRules } from '../src/rules/builtin.js';

const recommended = builtinRules().rules.filter((r) => r.presets.includes('recommended') && r.category !== 'inclusive');
// Quotes flagged as usual: the examples test the rule, not the quote policy (as rules.examples.test.ts).
const options = { quotes: 'flag' as const };
const flaggedBy = async (text: string, ruleId: string) => (await lintText(text, options)).filter((f) => f.ruleId === ruleId);

interface Variant {
  ruleId: string;
  kind: string;
  text: string;
}

/** The rewritten flag examples of every default-preset rule (those that name the phrase they report). */
function exampleVariants(): Variant[] {
  const out: Variant[] = [];
  for (const rule of recommended) {
    for (const e of rule.examples.flag) {
      if (typeof e === 'string' || e.actual === undefined) continue;
      const at = e.text.indexOf(e.actual);
      if (at < 0) continue;
      out.push({ ruleId: rule.id, kind: 'upper case', text: e.text.toUpperCase() });
      if (e.text.includes("'")) out.push({ ruleId: rule.id, kind: 'curly apostrophe', text: e.text.replace(/'/g, '\u2019') });
      // The phrase's longest word of six letters or more, broken at a line end by a hyphen.
      const words = [...e.actual.matchAll(/\p{L}{6,}/gu)].sort((a, b) => b[0].length - a[0].length);
      const word = words[0];
      if (word?.index !== undefined) {
        const cut = at + word.index + Math.floor(word[0].length / 2);
        const broken = `${e.text.slice(0, cut)}-\n${e.text.slice(cut)}`;
        out.push({ ruleId: rule.id, kind: 'hyphenated at a line end', text: broken });
        out.push({ ruleId: rule.id, kind: 'hyphenated at a line end, upper case', text: broken.toUpperCase() });
      }
    }
  }
  return out;
}

describe('every default-preset rule on the spellings of its own examples', () => {
  const variants = exampleVariants();
  it('has variants for most rules', () => {
    expect(new Set(variants.map((v) => v.ruleId)).size).toBeGreaterThan(recommended.length / 2);
  });
  it.each(variants.map((v) => [v.ruleId, v.kind, v.text] as const))('%s, %s: %j', async (ruleId, _kind, text) => {
    expect((await flaggedBy(text, ruleId)).length, `${ruleId} should flag ${JSON.stringify(text)}`).toBeGreaterThan(0);
  });
});

// Inflections and spellings of the core and tier-B terms, each in a note-like sentence of our own.
const TABLE: ReadonlyArray<readonly [string, string]> = [
  // IVDU/IVDA: plural, possessive, with full stops, spelled out.
  ['substance-use/injection-drug-abuse', 'Hx of IVDU.'],
  ['substance-use/injection-drug-users', 'Two known IVDUs on the unit tonight.'],
  ['substance-use/injection-drug-abuse', "IVDU's partner was tested today."],
  ['substance-use/injection-drug-abuse', 'Social: I.V.D.U., lives with mother.'],
  ['substance-use/injection-drug-abuse', 'Known I.V.D.A. Lives alone.'],
  ['substance-use/injection-drug-abuse', 'h/o IVDA, hep C positive.'],
  // Person labels: plural, possessive (both apostrophes), hyphenated and spaced compounds.
  ['substance-use/addict', 'Known heroin addicts in the household.'],
  ['substance-use/addict', "The addict's mother called the ward."],
  ['substance-use/addict', 'The addict\u2019s mother called the ward.'],
  ['substance-use/addict', "Addicts' families may join the group."],
  ['substance-use/former-addict', 'He is an ex-addict.'],
  ['substance-use/addict', 'He is a drug-addict.'],
  ['substance-use/slang-label', 'Crackheads were seen outside the clinic.'],
  ['substance-use/slang-label', 'He was called a crack-head.'],
  ['substance-use/slang-label', 'Junkies share needles.'],
  ['substance-use/alcoholic', 'Alcoholics need thiamine on admission.'],
  ['substance-use/alcoholic', "The alcoholic's wife called."],
  ['substance-use/drug-user', 'Heroin users are at risk.'],
  ['substance-use/drug-user', 'Former I.V. drug user.'],
  ['substance-use/user-label', 'Known chronic user of cannabis.'],
  ['substance-use/tobacco-user', 'Are you a tobacco user?'],
  // "[substance] abuse": abbreviations in every case, with full stops, hyphenated compounds.
  ['substance-use/substance-abuse', 'Hx of EtOH abuse.'],
  ['substance-use/substance-abuse', 'HX OF ETOH ABUSE.'],
  ['substance-use/substance-abuse', 'etoh abuse, in remission'],
  ['substance-use/substance-abuse', 'Prior E.t.O.H. abuse noted.'],
  ['substance-use/substance-abuse', 'Poly-substance abuse since age 16.'],
  ['substance-use/substance-abuse', 'Substance-abuse history reviewed.'],
  ['substance-use/abuser', 'Drug abusers were excluded.'],
  ['substance-use/abuse-verb', "Abusing her mother's oxycodone."],
  ['substance-use/abuse-verb', 'Has abused opioids in the past.'],
  // Drug-seeking: British spelling, upper case, spaced.
  ['substance-use/drug-seeking', 'Drug-seeking behaviour noted in the ED.'],
  ['substance-use/drug-seeking', 'DRUG SEEKING BEHAVIOR'],
  ['substance-use/drug-seeking', 'Narcotic-seeking on prior visits.'],
  // Clean/dirty tests and abstinence.
  ['substance-use/clean-dirty-test', 'Dirty UDS on intake.'],
  ['substance-use/clean-dirty-test', 'Clean UDS x3.'],
  ['substance-use/clean-abstinent', 'Still clean from drinking.'],
  ['substance-use/dirty-needles', 'Shared dirty needles in the past.'],
  ['substance-use/addicted-baby', 'NAS baby in the NICU.'],
  // B terms.
  ['substance-use/dependence', 'Alcohol dependance.'],
  ['substance-use/dependence', 'Opioid dependency, on buprenorphine.'],
  ['substance-use/relapse', 'Relapsed on heroin last week.'],
  ['substance-use/detox-rehab', 'Sent to detox for alcohol.'],
  ['substance-use/drug-habit', 'Cocaine habit since college.'],
  ['compliance/noncompliant', 'NON-COMPLIANT with insulin.'],
  ['compliance/noncompliant', 'Non compliant with meds.'],
  ['compliance/nonadherent', 'Nonadherance to ART.'],
  ['demeanor/uncooperative', 'Non-cooperative with the exam.'],
  ['demeanor/manipulative', 'Manipulative behaviour on the unit.'],
  ['demeanor/attention-seeking', 'Attention seeking behaviour overnight.'],
  ['identity/diabetic', 'Diabetic pts need foot checks.'],
  ['identity/diabetic', "you're a type two diabetic"],
  ['identity/obese-person', 'Obese pts need the large cuff.'],
  ['identity/wheelchair-bound', 'Wheel chair bound since the stroke.'],
  ['identity/wheelchair-bound', 'Wheelchair bound.'],
  ['credibility/frequent-flyer', 'Frequent flier, third visit this week.'],
];

describe('inflections and spellings of the core and tier-B terms', () => {
  it('names rules that exist and are in the default preset', () => {
    const ids = new Set(recommended.map((r) => r.id));
    for (const [ruleId] of TABLE) expect(ids.has(ruleId), ruleId).toBe(true);
  });
  it.each(TABLE)('%s flags %j', async (ruleId, text) => {
    expect((await flaggedBy(text, ruleId)).length).toBeGreaterThan(0);
  });
});

describe('case does not hide a term', () => {
  it('flags a core phrase in any mix of upper and lower case', async () => {
    const phrases = ['heroin addict', 'drug abuse', 'IVDU', 'junkie', 'alcoholic'];
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...phrases), fc.array(fc.boolean(), { minLength: 12, maxLength: 12 }), async (phrase, upper) => {
        const cased = [...phrase].map((ch, i) => (upper[i % upper.length] ? ch.toUpperCase() : ch.toLowerCase())).join('');
        const findings = await lintText(`Social history: ${cased}, lives alone.`, options);
        expect(findings.some((f) => f.category === 'substance-use')).toBe(true);
      }),
      { numRuns: 30, seed: 11 },
    );
  });
});

describe('full stops of an abbreviation are read without them', () => {
  it('reports the dotted phrase at its place in the text', async () => {
    const text = 'Social: I.V.D.U., lives with mother.';
    const [f] = await flaggedBy(text, 'substance-use/injection-drug-abuse');
    expect(f?.actual).toBe('I.V.D.U');
    expect(text.slice(f!.start.offset, f!.end.offset)).toBe(f!.actual);
  });
  it('leaves the usual dosing abbreviations alone', async () => {
    expect(await lintText('Oxycodone 5 mg p.o. q.i.d. p.r.n. pain, e.g. after PT.', options)).toEqual([]);
  });
});

describe('the noun-phrase window (identity/obese-person)', () => {
  it.each([
    'People who are obese, especially women, are at higher risk.',
    'Traits linked to being overweight or obese that put people at risk.',
    'Gen Exam: Obese. Labs: CBC, PT/PTT normal.',
    'Abdomen obese; patient tolerated the exam.',
  ])('passes a person noun outside the phrase: %j', async (text) => {
    expect(await flaggedBy(text, 'identity/obese-person')).toEqual([]);
  });
  it.each(['A pleasant, obese, white female in no distress.', 'Obese 60-year-old man, alert.', 'Overweight or obese children are more likely to …'])(
    'flags a person noun in the phrase: %j',
    async (text) => {
      expect((await flaggedBy(text, 'identity/obese-person')).length).toBe(1);
    },
  );
});

describe('a former name given beside the new one is a mention (info)', () => {
  it.each([
    'Intellectual disability (formerly referred to as mental retardation) affects learning.',
    'Developmental delay and intellectual disability (previously called mental retardation).',
    'Intellectual disability, formerly known as mental retardation, is diagnosed in childhood.',
  ])('%j', async (text) => {
    const findings = (await lintText(text)).filter((f) => f.ruleId === 'identity/retarded');
    expect(findings.length).toBeGreaterThan(0);
    expect(findings.map((f) => f.severity)).toEqual(findings.map(() => 'info'));
  });
  it('still reports the outdated term in use', async () => {
    const [f] = (await lintText('He has mental retardation and epilepsy.')).filter((x) => x.ruleId === 'identity/retarded');
    expect(f?.severity).not.toBe('info');
  });
});

describe('a line condition on a long line reads the sentence around the match', () => {
  // A patient-education answer or an export record is one long line: a cited title at one end
  // ("… Opioid Use and Abuse?") must not silence "abused" in another sentence of the line.
  const filler = ' Doctors prescribe these medicines for pain after surgery and for severe coughs.'.repeat(6);
  it('reports a phrase in another sentence of a long line', async () => {
    const text = `The medicines most often abused are opioids.${filler} For more, see What Are the Possible Consequences of Opioid Use and Abuse?`;
    expect(text.length).toBeGreaterThan(500);
    const found = (await lintText(text)).filter((f) => f.ruleId === 'substance-use/abuse-verb').map((f) => f.actual);
    expect(found).toEqual(['abused']);
  });
  it('still reads the whole of a short line', async () => {
    expect((await lintText('What Are the Possible Consequences of Opioid Use and Abuse?')).filter((f) => f.ruleId === 'substance-use/abuse-verb')).toEqual([]);
  });
  it('still honours a code on the same sentence of a long line', async () => {
    const text = `Problem list follows.${filler} F10.10 Alcohol abuse, uncomplicated.`;
    expect((await lintText(text)).filter((f) => f.category === 'substance-use')).toEqual([]);
  });
});
