// Tier-B demeanor, identity, compliance and credibility frames (issue 11; recall probe batches 23 and
// 26: vaccine clinic, hand surgery, infusion nursing, fertility, interfacility transfer, shift
// narratives, sleep lab, sitter logs). One test per kind, each with sentences of our own wording and
// the look-alikes beside them.
import { describe, expect, it } from 'vitest';
import { expectFlag as flags, expectPass as passes, who } from './detection.js';

// Findings at any severity, as `rule:words`.
const expectPass = (texts: string[], rule?: string) => passes(texts, { rule });
const expectFlag = (texts: string[], rule: string) => flags(texts, { rule });

describe('the tier-B grid', () => {
  it('reads "the child" (definite) as the patient of a paediatric note; someone\'s child, a child, a baby stay someone else', async () => {
    expect(who('The child became hostile when the nurse came back.', 'hostile')).toBe('patient');
    expect(who('This toddler was combative for the shot.', 'combative')).toBe('patient');
    expect(who('Her child was combative in the hallway.', 'combative')).toBe('other');
    await expectFlag(['The kid was belligerent with the phlebotomist.', 'The child became hostile when the nurse came back.'], 'demeanor/combative');
    await expectFlag(['The child was uncooperative with the eye exam.'], 'demeanor/uncooperative');
    await expectPass(['Her child was combative in the hallway while she was seen.', "The pt's child was hostile toward the clerk."], 'demeanor/combative');
    // A child's refusal of a food is a feeding symptom, and a baby is someone else in a mother's chart.
    await expectPass(['The child is refusing to eat vegetables, per mother.', 'Mother reports the baby is refusing the bottle.'], 'compliance/refused');
  });

  it('reports a label after the patient\'s noun without a copula ("Pt diabetic", "Pt demented"), not before a complication', async () => {
    await expectFlag(['Pt diabetic; glucose 250 after the steroid dose.'], 'identity/diabetic');
    await expectFlag(['Pt demented, pulling at the dressing.', 'Client senile and forgetful since the stroke.'], 'identity/crazy-person');
    await expectPass(['Pt diabetic foot exam normal, monofilament intact.', 'Pt diabetic teaching done with the daughter.'], 'identity/diabetic');
    await expectPass(['Pt senile purpura on the forearms.'], 'identity/crazy-person');
    await expectFlag(['Pt bipolar, on lithium since 2019.'], 'identity/bipolar-person');
    await expectFlag(['Resident epileptic, rescue med in the cart.'], 'identity/epileptic');
    await expectPass(['Pt bipolar disorder, stable on lithium.'], 'identity/bipolar-person');
    await expectPass(['Pt epileptic seizure at 0300 lasted 2 minutes.'], 'identity/epileptic');
  });

  it('reports the misspellings and the abbreviation notes write for the labels', async () => {
    await expectFlag(['Pt uncooperitive with the splint check.', 'Pt uncoop with vitals.'], 'demeanor/uncooperative');
    await expectFlag(['Pt arguementative at the desk.', 'Pt beligerent with security.'], 'demeanor/combative');
    await expectFlag(['Pt manipulitive with the night staff.'], 'demeanor/manipulative');
    await expectFlag(['Pt alledgedly fell off the roof.'], 'credibility/allegedly');
    await expectFlag(['Pt non-complient with the brace.'], 'compliance/noncompliant');
    await expectFlag(['Pt aggresive with the ambulance crew.'], 'demeanor/aggressive-field');
    await expectPass(['The cooperative housing unit is near the clinic.', 'Coop housing application sent.']);
  });

  it('reports "aggressively" before an act against someone, not before a treatment', async () => {
    await expectFlag(
      ['Pt aggressively swatted at the nurse during the bath.', 'He aggressively shoved the bedside table toward the aide.'],
      'demeanor/aggressive-person',
    );
    await expectPass([
      'The wound was aggressively irrigated.',
      'Fluids were aggressively pushed for the low pressure.',
      'We aggressively diuresed her overnight.',
    ]);
    await expectPass(['The nurse aggressively kicked the jammed door open.'], 'demeanor/aggressive-person');
  });

  it('reads "difficult" coordinated with another behaviour label, or after "she\'s been"', async () => {
    await expectFlag(["She's been difficult with the aides since admission.", 'Pt loud and difficult at the window.'], 'demeanor/difficult-patient');
    await expectPass(
      ['The dressing was painful and difficult to change.', "Pt's husband was rude and difficult with the scheduler."],
      'demeanor/difficult-patient',
    );
  });

  it('reads a modifier noun inside "poor adherence"', async () => {
    await expectFlag(['Inconsistent insulin adherence per the pump download.'], 'compliance/nonadherent');
    await expectPass(['Adherence to the dressing protocol was audited.'], 'compliance/nonadherent');
  });

  it('passes "hostile" of a body part, a secretion or a tissue, and "Claims for" a service; reports hostile of a person', async () => {
    await expectPass(
      ['Hostile cervical mucus on the post-coital test.', 'A hostile neck after radiation.', 'Hostile tissue bed after two prior repairs.'],
      'demeanor/combative',
    );
    await expectFlag(['Pt hostile toward the ultrasound tech.'], 'demeanor/combative');
    await expectPass(['Claims for the infusion are filed by the billing office.'], 'credibility/claims');
    await expectFlag(['Claims for two days he has had no bowel movement.'], 'credibility/claims');
  });

  it("reports a hedge on what the patient is said to take; passes a product's promise", async () => {
    await expectFlag(
      ['Pt is supposedly using the steroid cream twice a day.', 'She is supposedly taking the iron tablets but her ferritin is 6.'],
      'credibility/allegedly',
    );
    await expectPass(
      [
        'The vitamins supposedly boost energy, per the label.',
        'He drinks a tea that is supposedly a natural remedy for sleep.',
        'The gummies she buys supposedly help with sleep.',
      ],
      'credibility/allegedly',
    );
  });

  it("reads a restraint or sitter order's reason as a behaviour field", async () => {
    await expectFlag(['Sitter reason: aggressive with staff overnight.'], 'demeanor/aggressive-field');
    await expectPass(['Sitter reason: fall risk, impulsive.', 'Restraint reason: not aggressive, pulling lines.']);
  });

  it('reads a Title Case protocol, policy or pathway as a name', async () => {
    await expectPass(['The Combative Patient Protocol was reviewed at the huddle.', 'Our Medication Refusal Policy applies to all units.']);
    await expectFlag(['The combative patient was restrained per protocol.'], 'demeanor/combative');
  });
});
