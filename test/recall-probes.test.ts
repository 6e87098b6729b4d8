// fixtures/recall-probes (issue 11): probes of every core and tier-B term of the guides in sixty
// genres, written and labelled before dignify was run on them. The file must be what its source
// builds, every look-alike must pass, and recall must hold issue 11's bars on them.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { type EvalReport, parseRecords, scoreRecords } from '../src/eval/score.js';
import { lintText } from '../src/index.js';
import { ROOT } from './helpers.js';

const SET = path.join(ROOT, 'fixtures', 'recall-probes', 'probes.jsonl');
// The batches whose misses have been worked on (the README's table). A new batch is committed
// before dignify is run on it, so it joins this list only with the fixes made from it.
const FIXED_BATCHES = new Set([
  1, 2, 3, 4, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32, 33, 38, 40, 41, 42, 43, 44, 45, 46, 47,
  48, 49, 50, 52, 54, 56, 58, 59, 60, 61, 62, 66, 68, 69, 70, 72, 74, 76, 80, 82, 84, 86, 88, 89, 90, 92, 94, 95, 96, 97, 98, 99, 100, 101, 102, 103,
]);
// Core spans of the fixed batches left missed, each a kind judged not safe to close (the README):
// "a drug of abuse by a 2 y/o" (the by-phrase reads as an abuser, as in "abuse by her father").
// (Batch 14's "UA: clean" as a field is found since batch 22: substance-use/clean-dirty-result;
// batch 22's "drug dealer & user" and "active user" with the drug in the sentence before since
// batch 28: an ampersand is the word "and", substance-use/user-label reads the drug around it.)
// Batch 42: a bare "user" with no drug in the sentence or the one before ("girlfriend is also a
// user, per pt"): "a user" alone is a device's, an app's or a service's as often.
// Batch 43: a result field named only "result" or "follow-up" ("Donor result: DIRTY", "Follow-up:
// clean": a blood donor's or a wound's follow-up as often), and "clean" with a span of time in words
// ("clean the whole time inside").
// Batch 56: "abusing them" whose drug is a field name before it ("Benzos: pt admits abusing them"):
// "abusing them" after a substance word is a victim's abuse as often ("drank and was abusing them");
// and "EtOH ab." ("ab" clipped: a pattern for it took the scan regex past its size guard and lost
// the drug from the suggestion, the README's batch 56).
// Batch 59: "H habit" ("H" for heroin: a one-letter word is a grade, a unit or an initial as often).
const KNOWN_CORE_MISSES = [
  'rp-tri-019 "abuse"',
  'rp-reentry-009 "user"',
  'rp-mro-016 "DIRTY"',
  'rp-mro-017 "clean"',
  'rp-reentry-016 "clean"',
  'rp-medrec-004 "abusing them"',
  'rp-irf-001 "EtOH ab."',
  'rp-acon-032 "H habit"',
];
// Look-alikes of the fixed batches still flagged, each left to the work that owns its kind (branch
// `third`: whose refusal or claim it is). Batch 32: a parent ("MOB", mother of the baby) as the subject
// of a credibility word is a third party (adding MOB/FOB to {someone-else} alone would also silence the
// parent rule, a mother's refusal of the newborn's care, which is B). Batch 33, flagged before its fixes
// too: an agency as the subject of a credibility word (its 2 y/o refusing a bottle passes since branch
// fp: a bottle, a pacifier or the breast refused is a feeding sign, whoever refuses). Its hospice
// aide who "alleges" passes since branch legal (someone else as the subject of the verb).
// And batches 30 and 31's, each a kind left as it is (the README, batches 30
// and 31): an adjective set off by commas after its subject's clause with no verb of that subject
// after it ("was heard in the background, belligerent and yelling": "Wife at bedside, agitated" is
// the patient as often; "Dad on the line, hysterical, says" passes since branch subj2); a bare role no list names, or one that is the patient in some genre (a singular
// "Peer", a "Passenger", a "Co-leader", a "Dietary worker"; an "Answering
// service operator" and a "Unit clerk" pass since branch refuse); and three sentences whose mother is the patient when the note is hers (a vaccine "for
// herself", "MOB allegedly used … in the third trimester", "MOB - hostile w/ the lactation nurse").
// ("he" after a neighbour who found "her", rp-ahl-031, passes since branch pronoun: the patient is "she".)
const KNOWN_LOOKALIKE_FINDINGS = [
  'rp-nurs-025 credibility/adamant "adamant"',
  'rp-ahl-023 demeanor/combative "belligerent"',
  'rp-grp-006 compliance/refused "refused"',
  'rp-grp-017 demeanor/aggressive "aggressive"',
  'rp-pol-028 demeanor/uncooperative "uncooperative"',
  'rp-nbhv-013 compliance/refused "refused"',
  'rp-nbhv-022 credibility/allegedly "allegedly"',
  'rp-grp-031 credibility/insists "insisted"',
  'rp-wchd-039 compliance/refused "refused"',
  'rp-nbhv-029 demeanor/combative "hostile"',
  'rp-vir-043 compliance/refused "refused"',
  // Batch 40's, each a kind left as it is (the README, batch 40): a proper name of a hospital as the
  // subject ("St. Luke's", "Riverside": a bare capitalised name may be the patient's), "she" after
  // someone met as the object of "Spoke with" (the patient as often), "he" after a sentence that
  // names the patient too ("Officer … accompanied the client"), and "he" after a clause joined by
  // ", and" whose subject is a worker ("Worker", the patient of an occupational-health note).
  'rp-xfer-003 compliance/refused "refused"',
  'rp-xfer-006 compliance/refused "refused"',
  'rp-xfer-013 credibility/insists "insists"',
  'rp-dva-014 credibility/insists "insists"',
  'rp-aps-014 compliance/refused "refused"',
  // (Batch 41's "Sending ED attending insists" passes since branch fp3: "attending" as a subject's
  // head is the attending physician. Its "Delivery driver", batch 30's "Valet attendant" and batch
  // 32's "Poison control insists" pass since branch bare: a bare common noun opening the sentence is
  // someone else unless a genre names its patient so.)
  // Batch 47's (unseen until its first run): a bare "Sonographer student", whose head is a word a
  // campus note uses for its patient.
  'rp-obtri-015 compliance/refused "refused"',
  // Batch 48's (branch pronoun), each a kind left to the patient's reading because the evidence is weak
  // (pronoun.ts): a role no list names with no verb a person does after it ("The trail guide radioed in",
  // "The cabin steward found", "The van driver was late"); a role of either gender beside a mention of
  // the patient that agrees ("brought pt down", "finished his shift", "His business partner").
  'rp-wildmed-001 compliance/refused "refused"',
  'rp-skipat-011 compliance/refused "refused"',
  'rp-cruise-002 credibility/claims "claims"',
  'rp-stadfa-011 credibility/claims "claims"',
  'rp-adp-019 credibility/claims "claims"',
  'rp-hotelhc-005 credibility/adamant "adamant"',
  // Batch 49's (unseen until its first run, then the account and -ant kinds fixed): a coach (no list
  // names it, no agent ending), and a plural "they" that refuses (left to the parent rule's reading:
  // "Parents at bedside. They refused the vaccine" is the patient's care).
  'rp-skipat-016 credibility/claims "claims"',
  'rp-stadfa-019 compliance/refused "refused"',
  // Batch 80's (branch fp), left: a relative's second verb after "and" when a comma-set participle
  // stands between the relative and the first verb ("X's mother, visiting from Ohio, disputes … and
  // insists"), and a "Second applicant's brother" whose ordinal reads the possessive as the subject.
  'rp-zfah-001 credibility/insists "insists"',
  'rp-zfah-002 credibility/insists "insisted on"',
  // Batch 82's (branch mc), flagged before its fixes too: a mother's refusal of a comfort item "for
  // herself" with no other sign of whose note it is (perinatal.ts reads "for herself" as the mother's own
  // care, so the mother as the patient; a cot is no care). Left to the work on relatives as subjects.
  'rp-zupn-007 compliance/refused "refused"',
  // Batch 86 (fp3): a form's and an instrument's item quoted in a records-release note, reported at info (quoted words);
  // no instrument's name opens the line, and the retired sets label a form's own question a finding.
  'rp-zprr-001 substance-use/substance-abuse "substance abuse"',
  'rp-zprr-002 substance-use/abuse-verb "abuse"',
  // Batch 88's (branch su3), flagged before its fixes too: the same kind, a mother's refusal of a hotel voucher
  // "for herself" read as the mother's own care (perinatal.ts), so the mother as the patient.
  'rp-zsck-005 compliance/refused "refused"',
  // Batch 98's (branch fp5), left: a domestic-violence protection order's "respondent" aggressive with officers
  // (in a commitment petition the respondent is the patient: the word cannot name someone else).
  'rp-zffr-013 demeanor/aggressive "aggressive"',
];

describe('fixtures/recall-probes', () => {
  const all = parseRecords(readFileSync(SET, 'utf8'));
  const records = all.filter((r) => FIXED_BATCHES.has((r as { batch?: number }).batch ?? 1));
  let report: EvalReport;
  beforeAll(async () => {
    report = await scoreRecords(records, (text) => lintText(text));
  }, 120_000);

  it('is what probes.src.tsv builds (offsets, tiers, look-alike notes)', () => {
    const r = spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'recall-probes.mjs'), '--check'], { cwd: ROOT, encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });

  it("has two hundred and eighty-seven genres (batches 14, 15, 19, 20, 21, 22, 23, 24, 28, 30, 32, 38, 40, 42, 44, 46, 52, 56, 50, 48, 54, 58, 60, 62, 66, 68, 70, 72, 74, 76, 80, 82, 84, 86, 88, 90, 92, 94, 95, 96, 97, 98, 99, 100, 101 and 102 brought eight, ten, eight, eight, eight, eight, eight, eight, seven, eight, eight, eight, eight, eight, eight, eight, eight, eight, six (48 shares adult-day-program with 50 and consult-liaison-psych with 56), six (54 shares adult-day-program with 50 and community-paramedicine with 48), five, five, five, five, five, five, four, four, four, four, four, four, four, four, four, four, five, four, four, five, four, four, eight, four and four; 25, 26, 27, 29, 31, 33, 41, 43, 45, 49, 53, 55, 57, 59, 61, 69, 89 and 103 are in 22's, 23's, 24's, 28's, 30's, 32's, 40's, 42's, 44's, 48's, 52's, 54's, 56's, 58's, 60's, 68's, 88's and 102's genres; 28 and 32 share well-child-visit), core and B spans in each genre with terms, and look-alikes in every genre", () => {
    expect(new Set(all.map((r) => (r as { batch?: number }).batch)).size).toBeGreaterThan(FIXED_BATCHES.size - 1);
    const genres = new Set(records.map((r) => r.genre));
    expect(genres.size).toBe(287);
    for (const genre of genres) expect(records.some((r) => r.genre === genre && r.spans.length === 0)).toBe(true);
    expect(records.flatMap((r) => r.spans).filter((s) => s.tier === 'core').length).toBeGreaterThan(300);
  });

  it('every look-alike passes (no finding on a record without a span) but the known ones', () => {
    const flagged = report.falsePositives.filter((fp) => records.find((r) => r.id === fp.id)?.spans.length === 0);
    expect(flagged.map((fp) => `${fp.id} ${fp.ruleId} "${fp.actual}"`).sort()).toEqual([...KNOWN_LOOKALIKE_FINDINGS].sort());
  });

  it('meets issue 11 on the probes: core recall ≥ 0.97, tier-B recall ≥ 0.90, precision ≥ 0.95', () => {
    expect(report.misses.filter((m) => m.tier === 'core').map((m) => `${m.id} "${m.span}"`)).toEqual(KNOWN_CORE_MISSES);
    expect(report.byTier.core!.recall).toBeGreaterThanOrEqual(0.97);
    expect(report.byTier.B!.recall).toBeGreaterThanOrEqual(0.9);
    expect(report.overall.precision).toBeGreaterThanOrEqual(0.95);
  });
});
