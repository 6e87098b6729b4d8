// Clean sentences whose behaviour, refusal, compliance or credibility word is about a thing, a
// department or staff (issue 11's clean-sentence bar; fixtures/recall-probes batch 60, branch fp3):
// a numbered machine, the operating room written "OR", a second predicate adjective after "and",
// a predicate noun after a copula, a noun of conduct whose actor is staff, a liquid that is
// agitated. Each kind beside the patient's own wording, which is still flagged.
import { describe, expect, it } from 'vitest';
import { briefOf, expectFlag, expectPass, who } from './detection.js';

describe('things, departments and staff as the one described', () => {
  it('reads a service machine as something else, bare or numbered, but not a bed or a room', async () => {
    expect(who('Sterilizer 3 noncompliant with the daily air-removal test.', 'noncompliant')).toBe('other');
    expect(who('Autoclave refused to start after the door fault.', 'refused')).toBe('other');
    expect(who('Bed 3 noncompliant with the fluid restriction.', 'noncompliant')).toBe('unknown');
    await expectPass(['Sterilizer 3 noncompliant with the daily air-removal test; out of service.', 'Washer 2 noncompliant with the weekly soil test.']);
    await expectFlag(['Bed 3 noncompliant with the fluid restriction.'], { rule: 'compliance/noncompliant' });
    await expectFlag(['Room 12 refused the evening insulin.'], { rule: 'compliance/refused' });
  });

  it('reads "OR" in capitals after a determiner or opening its sentence as the operating room, not "or"', async () => {
    expect(who('The OR refused the tray because the wrap was torn.', 'refused')).toBe('other');
    await expectPass(['The OR refused the tray because the wrap was torn.']);
    // The conjunction of an all-caps line, and the patient beside "or", are read as before.
    await expectFlag(['PT REFUSED OR DECLINED THE FLU SHOT.', 'Patient or family refused the transfer.'], { rule: 'compliance/refused' });
  });

  it('gives a second predicate adjective after "and" the first one\'s subject', async () => {
    expect(who('Owner was hostile and argumentative at the reinspection.', 'argumentative')).toBe('other');
    await expectPass(['Owner was hostile and argumentative at the reinspection.']);
    expect(await briefOf('Pt was hostile and argumentative at the visit.')).toEqual([
      ['demeanor/combative', 'hostile', 'warning'],
      ['demeanor/combative', 'argumentative', 'warning'],
    ]);
  });

  it("reads a predicate noun after a copula as describing the copula's subject", async () => {
    await expectPass(['The sterilizer printout is a poor historian of who ran the cycle.', 'The old device log is also a poor historian.']);
    await expectFlag(['The patient is unfortunately a poor historian.', 'Pt remains a poor historian about her doses.', 'He is a poor historian.'], {
      rule: 'credibility/poor-historian',
    });
  });

  it('reads the actor after a noun of conduct: staff by, among or in', async () => {
    await expectPass([
      'Hand hygiene audit: noncompliance observed in two physicians and one transporter.',
      'Hand hygiene noncompliance by staff on the night shift.',
      'Isolation gown noncompliance among nurses on 4 North.',
    ]);
    await expectFlag(['Noncompliance by the patient with the insulin plan.', 'Noncompliance with insulin noted in the chart.'], {
      rule: 'compliance/noncompliant',
    });
    // After "by", an agent with an article or a possessive that is no name of the patient.
    await expectPass(['Refusals by the lab are reviewed weekly.', 'Refusal by his insurer of the second socket.'], { rule: 'compliance/refused' });
    await expectFlag(
      [
        'Refusal by the patient was documented.',
        'Refusal by her was documented.',
        'Refusal by the veteran of the MRI.',
        'Refusals by the patients on 4 North were reviewed.',
      ],
      { rule: 'compliance/refused' },
    );
  });

  it('reads a liquid or a sample as the subject of "agitated"', async () => {
    await expectPass(['Ultrasonic cleaner solution agitated and degassed before the first load.', 'Specimen agitated on arrival.'], {
      rule: 'demeanor/agitated',
    });
    // Batch 61 (unseen until its first run): a thing washed in a liquid, and a numbered load.
    await expectPass(['Foam liner agitated in warm soapy water, then rinsed.', 'Load 3 noncompliant with the release criteria.']);
    // The verb with a thing as its object.
    await expectPass(['Agitated the platelets for 10 minutes before issue.', 'Agitated each vial before use.'], { rule: 'demeanor/agitated' });
    await expectFlag(['Pt agitated before the first dose.', 'Pt became agitated in the bath.', 'Pt agitated the whole night.'], { rule: 'demeanor/agitated' });
  });

  it('reads a hospital service by its initials in capitals, and an attending, as someone else', async () => {
    await expectPass([
      'IP insisted that the unit close to admissions.',
      'SPD claims the tray was sterile.',
      'ID attending was adamant that the line be pulled.',
      'Sending ED attending insists on a CT first.',
    ]);
    // "PT" is the patient as often as physical therapy; a patient attending a group is the patient.
    await expectFlag(['PT refused the walk today.', 'Pt attending group refused lunch.'], { rule: 'compliance/refused' });
  });

  it('reads "amputee" after a label as a person noun', async () => {
    await expectFlag(['Diabetic amputee seen for a new transtibial socket.'], { rule: 'identity/diabetic' });
    await expectPass(['Diabetic foot ulcer; amputee clinic follow-up.'], { rule: 'identity/diabetic' });
  });
});
