// The kinds of the false positives of the fifth retirement round (eval-tenth, eval-eleventh; branch fp5, session
// of 2026-12-02 afternoon; batch 98 of fixtures/recall-probes), and of the rules with most held-out false
// positives (refused, combative, clean-abstinent), each from a small input of our own wording, with positives of
// the same words beside them that must still be found. Info findings count: a look-alike reported at info is
// still a false positive.
import { describe, expect, it } from 'vitest';
import { lintText } from '../src/index.js';

const found = async (text: string) => (await lintText(text)).map((f) => `${f.ruleId} ${f.actual}`);
const severities = async (text: string) => (await lintText(text)).map((f) => `${f.ruleId} ${f.actual} ${f.severity}`);

describe('fifth retirement round: look-alikes pass', () => {
  it.each([
    // "Hostile" of a place, a built thing or a crowd of others (demeanor/combative).
    'Route in: hostile terrain and a washed-out ford; the team walked the last mile.',
    'The council fitted hostile architecture (armrests on every bench) at the bus station.',
    'Scene report: a hostile crowd gathered at the tape, so the crew left with the pt.',
    // An animal described as aggressive, in a field or in prose (aggressive-field, aggressive).
    'Home visit safety: aggressive dog in the yard (the neighbour\u2019s), knock at the side door.',
    'Outreach note: aggressive geese by the pond path; use the car park entrance.',
    // A third party named by a role of violence refusing (compliance/refused).
    'Per pt, the attacker refused to let her leave the car.',
    'Pt reports the assailant refused to use protection.',
    // A young child named by age after a relative's verb of reporting; the age in brackets after "pt".
    'Grandpa says the 3 y/o refuses the eye drops at night; warm compress instead.',
    'Mom reports that the 2 yo refuses the nebulizer mask.',
    'Pt (age 4) refused the swab, so the nurse tried again with mom holding him.',
    // A child's refusal the writer calls typical or expected for age.
    'Pt refused the ECG stickers after five minutes (age 7, typical for a first visit); retry with a sticker chart.',
    'Refused the ear exam, developmentally appropriate; mom held him for otoscopy.',
    // A relative's refusal in a family-history field.
    'FHx: father refused statins for years, MI at 52.',
    'Family history: sister (age 8) refuses sunscreen per mom; no melanoma in the family.',
    // "Drugs of abuse" as an item of a laboratory's list (substance-use/abuse-verb).
    'Send-out panel ordered: xylazine, nitazenes, ketamine and other drugs of abuse.',
    'Test menu: benzodiazepines, barbiturates, methadone and common drugs of abuse.',
    // A form's category named in quotation marks, a regulatory title like a code title.
    'Medical exam category "Drug abuse/drug addiction" was reviewed per the technical instructions: no findings.',
    '"Substance abuse" classification on the intake tool is not applicable to this visit.',
  ])('passes %j', async (text) => {
    expect(await found(text)).toEqual([]);
  });
});

describe('fifth retirement round: positives of the same words are found', () => {
  it.each([
    ['Pt hostile toward the crew at the scene, spat at the medic.', 'demeanor/combative hostile'],
    ['Behavior: aggressive with the aide during the bath.', 'demeanor/aggressive-field aggressive'],
    ['Pt refused to let the nurse draw blood.', 'compliance/refused refused'],
    ['Mom reports the 15 y/o refuses his insulin at school.', 'compliance/refused refuses'],
    ['Pt (age 16) refused the swab and walked out.', 'compliance/refused refused'],
    ['Pt refused the ECG and left before the results.', 'compliance/refused refused'],
    ['Family history: none. Pt refused the flu shot again.', 'compliance/refused refused'],
    ['Long history of alcohol abuse; also abuses drugs on weekends.', 'substance-use/abuse-verb abuses'],
    ['Dx: drug abuse, in early remission.', 'substance-use/substance-abuse drug abuse'],
  ])('flags %j', async (text, expected) => {
    expect(await found(text)).toContain(expected);
  });
});

// "Combative on emergence": the guides' row 53 gives "combative" no clinical sense but negation (SHM-ctx:
// consistently stigmatizing), and two retired sets labelled the patient combative on and after emergence as
// tier B; the phenomenon's names (emergence delirium, emergence agitation) are terms of art and pass.
describe('combative on emergence from anaesthesia is the patient described', () => {
  it.each(['PACU: combative on emergence, bit the oral airway and kicked the nurse.', 'Pt was combative after emergence from propofol, needed three staff.'])(
    'flags %j',
    async (text) => {
      expect(await found(text)).toContain('demeanor/combative combative');
    },
  );
  it.each([
    'Emergence delirium for 15 min in the recovery bay; settled without drugs.',
    'Emergence agitation is common in preschool children after sevoflurane.',
  ])('passes %j', async (text) => {
    expect(await found(text)).toEqual([]);
  });
});

// Whose words: a third party's words in quotation marks are their own (info); an attribution without quotation
// marks to a service ("per EMS", "per police", "per triage") is the writer's wording, reported at the rule's own
// severity (the guides: eval-new README, "Reported speech"; the sets label "junkie per EMS run sheet",
// "crackhead per his friend" as the writer's).
describe('attributed speech: quoted words are the speaker\u2019s, an unquoted attribution the writer\u2019s', () => {
  it('a bystander\u2019s and a relative\u2019s quoted words are info', async () => {
    expect(await severities('Run sheet quotes a neighbour: "he\u2019s a junkie from the corner".')).toEqual(['substance-use/slang-label junkie info']);
    expect(await severities('Wife says "he\u2019s an alcoholic, always has been."')).toEqual(['substance-use/alcoholic alcoholic info']);
  });
  it('an unquoted attribution to a service is the writer\u2019s', async () => {
    expect(await severities('Known heroin addict per EMS, found in the stairwell.')).toEqual(['substance-use/addict heroin addict error']);
    expect(await severities('Per police, pt is a crackhead who sleeps at the depot.')).toEqual(['substance-use/slang-label crackhead error']);
  });
  it('an unquoted attribution to a relative is reported too', async () => {
    expect(await found('Alcoholic per wife, drinks a bottle of vodka a day.')).toEqual(['substance-use/alcoholic Alcoholic']);
    expect(await found('Dad states he has been clean for 8 months.')).toEqual(['substance-use/clean-abstinent been clean']);
  });
});
