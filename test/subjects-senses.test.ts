// Whose behaviour a word describes, which sense a word has, whose words a relative's line holds,
// and lines that are not prose about a patient (issue 11, kinds 1–4): general mechanisms, each
// with phrasings of our own and the look-alikes that must still be reported.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lintText } from '../src/index.js';
import { nonProseSpans } from '../src/match/spans.js';
import { expectFlag as flags, expectPass as passes, findingsOf } from './detection.js';

/** Findings reported above info (what a user sees as a problem). */
const strong = (text: string) => findingsOf(text, { strong: true });
/** Every finding with its severity. */
const all = async (text: string) => (await lintText(text)).map((f) => `${f.ruleId}:${f.actual}:${f.severity}`);

const expectPass = (texts: string[]) => passes(texts, { strong: true });
const expectFlag = (texts: string[]) => flags(texts, { strong: true });

describe('the subject of a behaviour or credibility word', () => {
  it('passes a relative, a child, staff or an institution as the subject of the verb', async () => {
    await expectPass([
      'Mother refuses to leave the bedside.',
      'Wife insists he takes his meds every morning.',
      'Mom reports the toddler is refusing to eat.',
      "Pt's husband claims she has not been drinking.",
      'The insurer refused to cover the CT.',
      "Patient's mother refused the flu vaccine for herself.",
      'Her 3 year old son refuses to take the antibiotic.',
      'Infant refusing feeds since this morning.',
      'Staff member refused to enter the room without a gown.',
      'Family at bedside refused to leave after visiting hours.',
      'Wife and daughter refused hospice.',
      'The rest of my family refuses to walk my dog.',
    ]);
  });

  it('passes a relative described by a behaviour adjective, predicate or attributive', async () => {
    await expectPass([
      'Her son is hysterical in the waiting room.',
      'The daughter was combative with security and was escorted out.',
      'Family became aggressive toward staff at the nurses station.',
      'Father was manipulative with the children per CPS.',
      'Mother of patient was hostile with the triage nurse.',
      'The husband, who was belligerent, was asked to leave.',
      'One of her sons was belligerent in the lobby.',
      'The grandmother is manipulative and demanding per the social worker.',
      'A hysterical mother called the front desk twice.',
    ]);
  });

  it('reports the patient as the subject, also when a relative stands nearby', async () => {
    await expectFlag([
      'Pt refused.',
      'He refuses to take his insulin.',
      "Patient's refusal of dialysis was documented.",
      'Pt claims she took all her meds.',
      'He is hysterical and crying.',
      'Patient became aggressive toward her mother.',
      'Wife at bedside; patient refused lunch.',
      "Patient's wife at bedside. He refused the CT.",
      'Mother at bedside, pt agitated and combative.',
      'The patient claims her son stole her pills.',
      'Pt and wife refused the vaccine.',
      'Patient yelled at her mother and refused her medications.',
      'Pt hit his wife and then refused meds.',
      'She and her husband were adamant about going home.',
      'The rest of the day he refused all care.',
      'Pt is a hysterical woman.',
    ]);
    // A relative's account names the patient as the subject too; its words are the relative's, so
    // the --quotes policy applies (info by default, reported as usual with quotes: flag).
    for (const text of [
      'Husband reports she refused her meds again.',
      'Per his wife, he refuses to take his insulin.',
      'Family reports patient is combative at home.',
    ]) {
      expect(
        (await lintText(text)).map((f) => f.severity),
        text,
      ).toEqual(['info']);
      expect(
        (await lintText(text, { quotes: 'flag' })).map((f) => f.severity),
        text,
      ).toEqual(['warning']);
    }
  });

  it('passes a sign of a disease said of people in general, and reports it said of the patient', async () => {
    await expectPass([
      'People with delirium may become combative or confused.',
      'Some patients with dementia become combative at night.',
      'Your loved one may become combative when woken.',
    ]);
    await expectFlag(['Pt can be combative with care in the evenings.', 'He may become combative if restrained.', 'Patient could be combative, keep sitter.']);
  });

  it('reads past an appositive and to the antecedent of a relative pronoun', async () => {
    await expectPass([
      'SW spoke with son, who was hostile and insisted pt go home.',
      'Daughter upset and hostile toward staff at the desk.',
      'Mother very anxious and hysterical in the family room.',
      'Per RN, husband refusing to leave and agitated at bedside.',
      'The babysitter claims the child fell from the couch.',
      'Son, who is his HCP, refused the PEG on his behalf.',
      "The patient's wife, a nurse, insists he be discharged.",
    ]);
    expect(await strong('Her brother, an IV drug user, refused treatment.')).toEqual(['substance-use/drug-user:IV drug user']);
    await expectFlag([
      'SW spoke with son; pt was hostile and insisted on going home.',
      'Pt tearful and hostile when approached.',
      'Per RN, pt refusing to leave and agitated at bedside.',
      'Pt, a 45 year old roofer, refused the CT.',
      'The patient, who refused labs, was discharged.',
      'Pt, who was combative overnight, is calm this morning.',
      'Dr: your wife says you refused your insulin again.',
    ]);
  });

  it('still reports terminology labels whoever they describe', async () => {
    expect(await strong('Her husband is an alcoholic.')).toEqual(['substance-use/alcoholic:alcoholic']);
    expect(await strong('His brother is a heroin addict.')).toEqual(['substance-use/addict:heroin addict']);
  });

  it('passes refusing contact with a relative (not care)', async () => {
    await expectPass(['He refuses to speak with her and leaves the room.', 'Refused to see his wife.', 'She refused to let her mother stay.']);
    await expectFlag(['Pt refused to speak with the surgeon about the amputation.']);
  });
});

describe('"claim" as a noun of insurance, compensation and forms', () => {
  it('passes a claim that is filed, numbered, denied or owned', async () => {
    await expectPass([
      "He has an open workers' comp claim for his shoulder.",
      'Claim number: 4471-22.',
      'Claim/Reference #: 88120',
      'Her insurance claim was denied twice.',
      'Patient filed a claim with L&I last month.',
      'She is waiting on her disability claim.',
      'His claim for short-term disability was approved.',
      'The denied claims were appealed.',
      'We discussed her claim with the case manager.',
      'They have not claimed that she is disabled.',
    ]);
  });

  it('reports "claims" for what the patient says', async () => {
    await expectFlag([
      'Patient claims to have quit drinking last year.',
      'Pt claims he took his insulin.',
      'She claims that the pain started yesterday.',
      'He claimed he never missed a dose.',
      'Claims to be sober for 6 months.',
    ]);
  });
});

describe('other senses that must hold', () => {
  it('passes rehab that is no substance treatment, an aggressive treatment or tumour, crazy as an intensifier', async () => {
    await expectPass([
      'She completed cardiac rehab in 2019.',
      'Referred to pulmonary rehab.',
      'Will discharge to inpatient rehab for PT/OT.',
      'Acute rehab at the county hospital after the stroke.',
      'Aggressive IV fluid resuscitation was started.',
      'This is an aggressive lymphoma.',
      'We will pursue aggressive treatment.',
      'Itched like crazy all night.',
      'Nothing crazy happened this weekend.',
      'It has been a crazy week at work.',
    ]);
  });

  it('reports rehab for a substance and aggressive about a person', async () => {
    expect(await all('She relapsed after leaving drug rehab.')).toContain('substance-use/detox-rehab:rehab:info');
    await expectFlag(['Pt was aggressive with staff.', 'He became verbally aggressive toward the nurse.']);
  });
});

describe("a relative's labelled line", () => {
  it("reads a relative's sentence about someone as their own words (info)", async () => {
    for (const text of [
      "Mother: He's been refusing his meds since he got home.",
      'Wife: she says he is a drunk.',
      'Guest_family: he was an addict before the accident.',
      "PT: my dad was an alcoholic\nDR: I'm sorry to hear that",
      'Doctor: tell me about home.\nPatient: my dad was an alcoholic.\nhe used to hit us.\nand my mom was a junkie too.\nDoctor: I see.',
      '[Patient] my husband is an addict.',
      'SPEAKER 1: any alcohol at home?\nSPEAKER 2: my dad was an alcoholic, he drank every day.',
      'Counselor: how has the week been?\nClient: my sister says I am a drunk and a junkie.\nCounselor: how does that feel?\nClient: bad.',
      "Dr: any drinking in the family?\nPatient's wife: his brother is a drunk.\nDr: thank you.\nPatient's wife: yeah.",
    ]) {
      const findings = await lintText(text);
      expect(findings.length, text).toBeGreaterThan(0);
      expect(
        findings.filter((f) => f.severity !== 'info').map((f) => f.actual),
        text,
      ).toEqual([]);
    }
  });

  it("reports a family-history field and a clinician's turn", async () => {
    await expectFlag(['Father: alcoholic, deceased at 60.', 'Patient: 45M, known heroin addict.']);
    await expectFlag(['Doctor: any drug use?\nPatient: no.\nDoctor: okay, so he is an addict.\nPatient: what?']);
  });
});

describe('ICD-10-CM code titles', () => {
  it('masks the official title beside its code, in a line, a list or a billing line', async () => {
    await expectPass([
      'F11.20 Opioid dependence, uncomplicated',
      'F10.10 Alcohol abuse, uncomplicated',
      "Z91.19 Patient's noncompliance with other medical treatment and regimen",
      "Z91.14 Patient's other noncompliance with medication regimen",
      'Problem list:\n1. F11.20 Opioid dependence, uncomplicated\n2. E11.9 Type 2 diabetes mellitus without complications',
      'Dx: F10.20 - Alcohol dependence, uncomplicated',
      'ICD-10: F12.10 Cannabis abuse, uncomplicated',
      'Assessment: F11.20 Opioid dependence, uncomplicated; continue buprenorphine.',
      '- Alcohol abuse, uncomplicated (F10.10)',
      '2. Cocaine abuse (F14.10)',
    ]);
  });

  it("still reports the note's own words beside a code, and no code is read into A1C", async () => {
    await expectFlag([
      'F11.20 pt is a known heroin abuser, continues to use daily.',
      'F10.10 Alcohol abuse. Pt is an alcoholic and drinks daily.',
      'Alcohol abuse (F10.10): pt is a drunk.',
      'A1C 7.2, pt is a known alcohol abuser.',
      'History of alcohol abuse, uncomplicated by withdrawal.',
    ]);
  });

  it('gives the span as kind code', () => {
    const text = 'Plan: F10.10 Alcohol abuse, uncomplicated';
    const spans = nonProseSpans(text).filter((s) => s[2] === 'code');
    expect(spans.map(([s, e]) => text.slice(s, e))).toEqual(['F10.10 Alcohol abuse, uncomplicated']);
  });
});

describe('template drop-down lists read as each option', () => {
  it('reports a word that one option makes, wherever the list stands', async () => {
    expect(await strong('Urine tox: {clean/dirty}')).toEqual(
      expect.arrayContaining(['substance-use/clean-dirty-field:clean', 'substance-use/clean-dirty-field:dirty']),
    );
    await expectFlag([
      'UDS: {clean/dirty/not done:19197}',
      'Patient {is/was not} combative.',
      'Pt {was/was not} combative overnight.',
      'Pt {is not/is/was} {combative/agitated} this shift.',
      'Pt is a {poor/good} historian.',
      'Pt {was/was not} {manipulative/demanding}.',
      '{drug/physical} abuse history.',
      'History of {alcohol/drug/none} abuse.',
      '{heroin/cocaine/alcohol} abuse',
      '{Alcohol/Opioid/Cocaine:20391} abuse: {Yes/No:19197}',
      'Dressing {clean/{dirty/soiled}} needles',
      'Tox screen: {{result}} {clean/dirty}',
      '{He/She} refused the medication.',
      '[x] combative [ ] calm',
    ]);
  });

  it('passes when no single option makes the word', async () => {
    await expectPass([
      '{Patient/Family} refused.',
      '{Mother/Father} refused the vaccine.',
      '{Mother/Father} {is/was} hysterical.',
      '{verbal/physical/***} aggression noted.',
      'Patient {was not/was never} combative.',
      'Pt {was not/has not been} combative.',
      'Wound: {clean/dry/intact}',
      '[ ] clean [ ] dry [x] intact',
      'Dressing {clean/dry/intact/{saturated/soiled}}',
      'Hello {{name}}, your {cardiac/pulmonary} rehab starts Monday.',
    ]);
  });

  it("reads a template's substance context over every option of a list", async () => {
    // "relapsed" needs a substance in its sentence: the other option names it.
    expect(await strong('Status: {relapsed/in remission from opioid use disorder}')).toEqual(['substance-use/relapse:relapsed']);
    expect(await strong('Status: {relapsed/in remission}')).toEqual([]);
  });

  it('reports a phrase found in several readings once', async () => {
    const findings = await lintText('History of {heavy/daily} drug abuse.');
    expect(findings.map((f) => f.actual)).toEqual(['drug abuse']);
  });

  it('finds a phrase of one reading on the fast path too (a long note, many blocks)', async () => {
    const filler = Array.from({ length: 60 }, (_, k) => `Line ${k} of the template has nothing to report.`).join('\n\n');
    const text = `${filler}\n\nDressing {clean/{dirty/soiled}} needles\n\n${filler}`;
    const findings = await lintText(text);
    expect(findings.map((f) => f.ruleId)).toEqual(['substance-use/dirty-needles']);
  });
});

describe('template readings (property)', () => {
  // Sentences with a finding, each word of which may be made one option of a drop-down list.
  const sentences = [
    'Pt is a known heroin addict.',
    'Urine tox: dirty',
    'History of alcohol abuse.',
    'Patient refused the blood draw.',
    'He was combative with staff overnight.',
    'She claims she took her insulin.',
    'Pt is a poor historian.',
    'Reports using dirty needles.',
  ];

  it('keeps every rule that reports the plain sentence when one of its words becomes an option', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...sentences),
        fc.nat(),
        fc.constantFrom('qqq', 'zzz yyy', '***', 'other'),
        fc.boolean(),
        async (text, pick, other, first) => {
          const words = [...text.matchAll(/[A-Za-z]+/g)];
          const word = words[pick % words.length]!;
          const options = first ? `${word[0]}/${other}` : `${other}/${word[0]}`;
          const templated = `${text.slice(0, word.index)}{${options}}${text.slice(word.index! + word[0].length)}`;
          const plain = new Set((await lintText(text)).map((f) => f.ruleId));
          const read = new Set((await lintText(templated)).map((f) => f.ruleId));
          for (const id of plain) expect(read.has(id), `${templated} lost ${id}`).toBe(true);
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe('a clinician named by title as the subject (batch 11 of the recall probes)', () => {
  it('passes "Dr. Name" or "Prof. Name" as the subject of a credibility or refusal word', async () => {
    await expectPass([
      'Dr. Osei insists on a repeat echo before discharge.',
      'Dr Lee insisted that we admit her overnight.',
      'Dr. Patel refused to sign the transfer order.',
      'Dr Kim was adamant that the biopsy wait.',
      'Prof. Abe claims the drug is safe.',
    ]);
  });

  it('still reports the patient after a clinician is named', async () => {
    await expectFlag([
      'Dr. Ruiz saw the patient. Pt refused the CT.',
      'Seen with Dr. Ruiz; she refused the CT.',
      'Mr. Jones refused the CT.',
      'Dr. Lee saw her; she insists the pain is worse.',
    ]);
  });
});

describe('procedure-code descriptors are not prose (batch 12 of the recall probes)', () => {
  it('masks a CPT or HCPCS code and its descriptor', async () => {
    await expectPass([
      'CPT 99408: Alcohol and/or substance (other than tobacco) abuse structured screening and brief intervention, 15 to 30 minutes',
      'HCPCS G0396 - Alcohol and/or substance (other than tobacco) abuse structured assessment and brief intervention, 15 to 30 minutes',
    ]);
  });

  it('still reports a note written after a code', async () => {
    await expectFlag(['CPT 99408 billed; pt is a known heroin abuser.', 'Screening (CPT 99408) done. Pt is a heroin addict.']);
  });
});
