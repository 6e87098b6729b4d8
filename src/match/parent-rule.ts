// The parent rule: in a child's chart a parent decides about the patient's care, and a parent's
// refusal of, or noncompliance with, that care is reported as the patient's would be ("Dad refused
// the flu vaccine for the child", "Parents refusing all vaccines", "MOB noncompliant with the apnea
// monitor", "Mother's refusal of the vitamin K"). The labelling guidelines of the newest sets say so
// (fixtures/eval-ninth: a mother who refuses acetaminophen for her baby; fixtures/eval-tenth: a
// parent's refusal of or noncompliance with the infant's care). A parent's own acts and care stay a
// third party's ("Mother refused to leave the room", "Father refused a cot", "Mom refused her own
// flu shot"), and so do a parent's claims, insisting and anger: only refusal and compliance words
// ask (compliance rules), through their `subject` and `described` conditions (match.ts).
//
// Read from the words after the match within its clause: the care of the child (a vaccine, a
// screen, a medicine, a monitor, teaching, a diet or plan), or the child named ("for the infant", "the child's",
// "her 12-month-old", "for pt"), or a verb that lets care be given ("refused to let the MA weigh the baby",
// "refusing to give acetaminophen"). A parent of an adult patient refusing their own treatment is a
// family history ("Father refused dialysis"): unless the child is named, the note must be about a
// child (child-patient.ts, a newborn's note: perinatal.ts) or the subject one only a child has
// ("Parents", MOB, FOB). Portable, no Node API; a handful of Set lookups per candidate.
import { type Token, tokenGap } from '../parse/tokens.js';
import { childIsPatient, minorIsPatient, youngChildIsPatient } from './child-patient.js';
import { babyIsPatient } from './perinatal.js';
import { windowBefore } from './pronoun.js';
import { possessive, subjectIndex } from './subject.js';

// The parents themselves.
const PARENT_WORDS = new Set('mother mom mum mama momma mommy father dad daddy papa parent parents mob fob stepmother stepfather stepmom stepdad'.split(' '));
// A family, a guardian or a caregiver decides for the patient as a parent does ("Family not compliant
// with pt's seizure plan", "Guardian nonadherent with pt's meds": the guides' "family for the
// patient"), but only about the patient's care named.
const PARENTS = new Set([
  ...PARENT_WORDS,
  ...'family guardian guardians caregiver caregivers caretaker caretakers grandmother grandfather grandma grandpa grandparent grandparents'.split(' '),
]);
// Subjects only a child has: no other sign that the patient is a child is needed.
const PARENTS_OF_A_CHILD = new Set(['parents', 'mob', 'fob']);
// The child named in the clause.
const CHILD = new Set(
  'child kid kids infant infants baby babies newborn newborns neonate son daughter twins toddler children teen teenager adolescent'.split(' '),
);
// The care a parent decides about for the child; then procedures and a child's medicines by name (retired
// sets' kind: "Father refuses sutures", "Parents refused metformin").
const CARE = new Set(
  [
    'vaccine vaccines vaccination vaccinations vax immunization immunizations immunisation immunisations shot shots vitamin erythromycin ointment hep hepatitis rsv synagis palivizumab nirsevimab beyfortus antibody screen screens screening test tests testing lp lumbar puncture labs bloodwork draw bilirubin bili phototherapy transfusion iv antibiotic antibiotics medication medications medicine medicines med meds nebs inhaler inhalers controller spacer enzymes insulin vest drops dose doses acetaminophen tylenol ibuprofen motrin monitor teaching diet plan regimen enzyme dosing dosage study studies eeg scan scans schedule appointment appointments treatment therapy procedure surgery consent consents physio physiotherapy exercises pill pills contraception contraceptive contraceptives imaging ct mri ultrasound exam evaluation admission transfer oxygen nebulizer neb ng feeds weigh weight hearing referral adjustment adjustments elastics retainer retainers headgear braces aligner aligners appliance expander glasses patching splint brace tube feeding feedings formula flushes injection injections botox fluoride varnish sealant sealants tubes sedation anesthesia anaesthesia propofol midazolam ketamine emla nitrous lp hpv mmr dtap tdap',
    // A safety measure counselled for the child: the home's firearms locked, stored or removed.
    'gun guns firearm firearms weapon weapons',
    // A clinic's visits and follow-up, and the meals of a feeding or eating-disorder plan ("Mom non-compliant
    // with clinic f/u", "Parents noncompliant with plated meals": the fifth round's kind). Not "visit", a verb
    // as often ("refused pt's brother's request to visit").
    'clinic visits followup follow-up fu meal meals snack snacks',
    'sutures suture stitches biopsy vcug cystogram catheter cath dialysis fistula cast casting xray x-ray echo ekg ecg metformin tacrolimus cyclosporine prednisone prednisolone steroids steroid amoxicillin methylphenidate stimulant stimulants guanfacine risperidone aripiprazole fluoxetine sertraline melatonin albuterol budesonide fluticasone montelukast levothyroxine hydroxyurea levetiracetam',
  ]
    .join(' ')
    .split(' '),
);
// Verbs after "refused to" that let care be given ("refused to let the nurse draw blood", "refused to give the drops",
// "refused to sign the consent", "refuses to do the vest": the third round's kind).
const CARE_VERBS = new Set(
  'let allow give consent vaccinate immunize immunise administer have bring continue start use sign do lock store remove secure'.split(' '),
);
// Verbs that need the care or the child named after them ("refused to let her stay home" is no care, nor is
// "refused to sign the photo release").
const NEEDS_OBJECT = new Set(['let', 'allow', 'have', 'bring', 'use', 'continue', 'start', 'sign', 'do', 'lock', 'store', 'remove', 'secure']);
// Care only a baby or a child gets: the patient is a child ("Mother's refusal of the vitamin K").
const CHILD_CARE = new Set('erythromycin synagis palivizumab nirsevimab beyfortus phototherapy bili bilirubin rsv'.split(' '));
const OWN = new Set(['own', 'herself', 'himself', 'themselves', 'myself']);
// Pronouns that may stand for the parent named in the sentence before, and the parents each agrees with.
const PRONOUNS = new Map([
  ['she', new Set(['mother', 'mom', 'mum', 'mama', 'momma', 'mommy', 'stepmother', 'stepmom', 'mob'])],
  ['he', new Set(['father', 'dad', 'daddy', 'papa', 'stepfather', 'stepdad', 'fob'])],
  ['they', new Set(['parents'])],
]);
// Owners that keep "mother" the child's ("the baby's mother", "pt's mom", "her father").
const CHILD_OWNERS = new Set(['pt', 'patient', 'child', 'baby', 'infant', 'newborn', 'his', 'her', 'their']);
const REFUSAL_OR_COMPLIANCE = /refus|complian|comply|adheren/;
const AGE_UNITS = new Set(['month', 'months', 'mo', 'week', 'weeks', 'wk', 'day', 'days', 'year', 'years', 'yr', 'yo']);
// Where the clause of the match ends.
const CLAUSE_END = /[.;:!?\n]|\s[-\u2013]\s/;
// How many words after the match are read.
const REACH = 12;

const stripped = (token: Token) => token.norm.replace(/['\u2019]s?$/, '');

/**
 * Is the refusal or compliance word at tokens `first`..`last` a parent's decision about the child
 * patient's care (the parent rule), so that the parent is not "someone else" for it? `text` is the
 * document the tokens point into.
 */
export function parentDecides(text: string, tokens: readonly Token[], first: number, last: number): boolean {
  let matched = false;
  for (let i = first; i <= last; i++) if (REFUSAL_OR_COMPLIANCE.test(tokens[i]!.norm)) matched = true;
  if (!matched) return false;
  const head = subjectIndex(text, tokens, first);
  if (head === undefined) return false;
  let parent = stripped(tokens[head]!);
  const pronoun = PRONOUNS.get(parent);
  if (pronoun !== undefined) {
    // A pronoun opening its sentence for the parent who opens the sentence before ("Mother missed two
    // weight checks; she has been noncompliant with the infant's follow-up"), of the same gender: the
    // parent's act, if it is about the child's care.
    const offset = tokens[head]!.start.offset;
    if (!/(?:^|[.;!?])\s*$/.test(text.slice(Math.max(0, offset - 40), offset))) return false;
    const previous = windowBefore(text, offset).at(-1);
    // Its first word after a heading ("4 wk visit: Mother refused …").
    const opener = previous === undefined ? undefined : /^[^A-Za-z]*([A-Za-z]+)/.exec(previous.replace(/^[^:]{0,40}:\s+/, ''))?.[1]?.toLowerCase();
    if (opener === undefined || !pronoun.has(opener)) return false;
    parent = opener;
  } else {
    if (!PARENTS.has(parent)) return false;
    // Someone else's parent: "the roommate's father refused".
    const owner = tokens[head - 1];
    if (owner && possessive(text, owner) && !CHILD_OWNERS.has(stripped(owner))) return false;
  }
  let care = false;
  let child = false;
  // The patient's care named as the patient's ("Mom non-compliant with pt's nebs"): with care named.
  let patientsCare = false;
  // "her"/"his" before the care in the clause: the care may be the parent's own ("with her BP meds").
  let ownerPronoun = false;
  for (let i = last + 1; i < tokens.length && i <= last + REACH; i++) {
    if (CLAUSE_END.test(tokenGap(text, tokens[i - 1]!, tokens[i]!))) break;
    const word = stripped(tokens[i]!);
    if (OWN.has(word)) return false;
    if ((word === 'her' || word === 'his') && tokens[i - 1]?.norm !== 'for') ownerPronoun = true;
    const patientWord = tokens[i]!.norm === 'pt' || tokens[i]!.norm === 'patient';
    // "refused to leave", "refused to let the MA weigh the baby".
    if (i === last + 1 && word === 'to') {
      const verb = tokens[i + 1];
      if (verb === undefined || !CARE_VERBS.has(verb.norm)) return false;
      if (!NEEDS_OBJECT.has(verb.norm)) care = true;
      i++;
      continue;
    }
    if (CARE.has(word)) care = true;
    // The child named: "for the infant", "the child's", "her 12-month-old", "for pt" (the patient).
    if (
      CHILD.has(word) ||
      CHILD_CARE.has(word) ||
      (word === 'vitamin' && tokens[i + 1]?.norm === 'k') ||
      (/^\d{1,2}$/.test(word) && AGE_UNITS.has(tokens[i + 1]?.norm ?? '')) ||
      // The age in one token ("for his 7yo", "her 15yo", "their 9mo").
      /^\d{1,2}(?:yo|mo|mos|wk|wks)$/.test(word) ||
      (patientWord && !/['\u2019]/.test(text.slice(tokens[i]!.start.offset, tokens[i]!.end.offset)) && tokens[i - 1]?.norm === 'for') ||
      // "for him", "for her": the patient (a guardian "refused the fistula surgery for him").
      ((word === 'him' || word === 'her') && tokens[i - 1]?.norm === 'for') ||
      // The patient as the object of a verb of care: "refused to bring pt to clinic" (the fifth round's kind).
      (patientWord && NEEDS_OBJECT.has(tokens[i - 1]?.norm ?? '') && tokens[i - 2]?.norm === 'to')
    )
      child = true;
    if (patientWord && possessive(text, tokens[i]!)) patientsCare = true;
  }
  // The child named as an owner further on in the sentence, past a semicolon or a comma ("Mother non-adherent
  // with the feeding visits; baby's weight flat": the fifth round's unseen batch), unless "her"/"his" owned the care.
  if (care && !child && !ownerPronoun) {
    for (let i = last + 1; i < tokens.length && i <= last + 2 * REACH; i++) {
      if (/[.!?\n]/.test(tokenGap(text, tokens[i - 1]!, tokens[i]!))) break;
      if (CHILD.has(stripped(tokens[i]!)) && possessive(text, tokens[i]!)) child = true;
    }
  }
  if (patientsCare && care) return true;
  // A family, a guardian or a caregiver decides for the patient only about care named, and the
  // patient named ("Guardian refused the sleep study for pt"; "Family refused the interpreter and
  // asked the son to translate" is no care, "Family refused the room change for pt" no care either).
  if (!PARENT_WORDS.has(parent)) return care && child;
  if (!care && !child) return false;
  return child || PARENTS_OF_A_CHILD.has(parent) || childIsPatient(text) || babyIsPatient(text) || minorIsPatient(text) || youngChildIsPatient(text);
}
