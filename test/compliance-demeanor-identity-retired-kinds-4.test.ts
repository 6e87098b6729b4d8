// Compliance, demeanour and identity kinds learnt from the fourth round of sets retired to tuning (2026-12-02:
// the ten sets of the third round and eval-eighteenth; branch cd4, fixtures/recall-probes batches 96 and 97).
// Each kind with small sentences of our own (none of those sets' text), beside the look-alikes that must pass.
import { describe, expect, it } from 'vitest';
import { lintText } from '../src/index.js';
import { flagsOnce, passesCategories } from './kind-checks.js';

const flags = flagsOnce;
const passes = (texts: string[], prefixes: readonly string[]) => passesCategories(texts, prefixes);

describe('compliance, demeanour and identity kinds of the retired sets, fourth round', () => {
  it('"difficult", a comma and another behaviour label: demeanor/difficult-label; a task, a term of art, someone else pass', async () => {
    await flags(
      [
        'Extremely difficult, belligerent at the pharmacy window tonight.',
        'Volunteer 12 is difficult, argumentative about the dosing diary.',
        'Quite difficult, hostile on the phone with scheduling.',
      ],
      'demeanor/difficult-label',
      'difficult',
    );
    await passes(
      [
        'Closure difficult, hostile abdomen after the open repair.',
        'Venous access difficult, agitated saline not needed.',
        'Ride home was difficult, her nephew argumentative with the driver.',
        'Not difficult, not hostile; engaged in teaching.',
        // The label as an adjective of a noun after it (batch 97's kind, found unseen).
        'Parking difficult, aggressive merging by the lorry ahead.',
        'Exposure difficult, hostile scar tissue from the old graft.',
      ],
      ['demeanor/difficult'],
    );
  });

  it('"threatening" with a harm, a line or staff after it: demeanor/threatening; leaving, self-harm, others\' threats pass', async () => {
    await flags(
      ['Loud at the desk and threatening to punch the registrar.', 'Pt threatening to yank out the NG tube, mitts on.'],
      'demeanor/threatening',
      'threatening',
    );
    await flags(['Combative in the ED, threatening security on arrival.'], 'demeanor/threatening', 'threatening security');
    await passes(
      [
        'Pt threatening to leave before the MRI; stayed after a snack.',
        'Threatening to overdose if sent home; psychiatry consulted.',
        'Her landlord is threatening to evict her next month.',
        'Yelling and threatening the night aide; security called.',
      ],
      ['demeanor/threatening'],
    );
  });

  it('"a bipolar" after a verb of calling and "a psychotic" as a noun: identity rules; the forceps and the adjective pass', async () => {
    await flags(['The nursing home note labelled him a bipolar -- no mood history.'], 'identity/bipolar-person');
    await flags(
      ['Old triage note calls her a psychotic; she had a UTI.', 'EMS: a psychotic at the bus stop, brought in by police.'],
      'identity/psychotic-person',
      'a psychotic',
    );
    await passes(
      [
        'The bipolar was used on the bleeding vessel; then closed.',
        'He had a psychotic break after a week without sleep.',
        'A psychotic or depressive relapse is possible off lithium.',
      ],
      ['identity/'],
    );
  });

  it('a rounds line naming the patient by side, operation and post-operative day is the patient, not a body part', async () => {
    await flags(['Bed 11 R hip hemiarthroplasty POD2 combative overnight, needed a sitter.'], 'demeanor/combative', 'combative');
    await flags(['Rm 4 L mastoidectomy POD1 agitated at 0300, pulled the dressing.'], 'demeanor/agitated', 'agitated');
    await passes(['Left knee agitated? No - effusion stable.', 'R arm combative hold taught to the sitter.'], ['demeanor/agitated']);
  });

  it('"pt aggressive" later in a line or during care: demeanor/aggressive-field; aggressive care and wound care pass', async () => {
    await flags(
      ['Night aide report: pt aggressive during the bed bath, bit the aide.', 'Pt aggressive during care, grabbed the tech by the wrist.'],
      'demeanor/aggressive-field',
      'aggressive',
    );
    await passes(['Pt aggressive pulmonary care overnight, sats 94%.', 'Pt with aggressive care goals per the family meeting.'], ['demeanor/aggressive']);
  });

  it('"hostile" as the second half of a hyphenated adjective of a thing passes; the patient hostile is reported', async () => {
    await passes(
      [
        'Skin-hostile adhesive swapped for silicone tape.',
        'The portal is patient-hostile; reminders go by post.',
        'Describes a hostile-submissive pattern with her father.',
      ],
      ['demeanor/'],
    );
    await flags(['Verbally-hostile with the charge nurse at 2200.'], 'demeanor/combative', 'hostile');
  });

  it("hard negatives of the guides (c.1 rows 10, 12, 13, 17), written beside the kinds: a thing that sticks, a device or a vessel wall, a form of refusal, someone else's coordinated labels", async () => {
    await passes(
      [
        'Infusion set site adherence has been poor since the heatwave.',
        'Non-compliant mesh was fixed with tacks at the hernia repair.',
        'Poor compliance of the aortic wall on the cardiac MRI.',
        'Refusal of transport form signed by the ambulance crew.',
      ],
      ['compliance/'],
    );
    await passes(['Pt says her ex-husband was hostile and threatening at the handover.'], ['demeanor/threatening']);
    await passes(['Retarded ejaculation on the SSRI; discussed switching to bupropion.'], ['identity/']);
    await flags(['Her insulin adherence was poor over the holidays.'], 'compliance/poor-compliance', 'adherence');
  });

  it('a term of art\'s word ("school", "food") before punctuation and then "refused": the patient\'s refusal is reported', async () => {
    await flags(['16M skips meds at school; refused the pill organizer.', 'Picky with food, refused the dietitian visit.'], 'compliance/refused', 'refused');
    await passes(['School refusal since the move; counselling started.', 'Her toddler has food refusal; feeding clinic referral.'], ['compliance/']);
    expect((await lintText('Refused at school; the nurse called home.')).filter((f) => f.ruleId === 'compliance/refused').length).toBe(1);
  });
});
