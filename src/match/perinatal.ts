// In a note about a pregnant or postpartum patient (labour and delivery, prenatal visits, the
// postpartum ward), "Mother" and "Mom" name the patient: "Mom refused the epidural" is the
// patient's refusal, and a behaviour rule's `subject` condition must not read her as someone else.
// In a newborn's note the baby is the patient and the mother is someone else, and "her mother" is
// the patient's own mother in any note.
//
// Measured on the audit slices (MTSamples, MedQuAD, PriMock57, ACI-Bench dialogues): G/P notation
// and "gravida" alone stand in the history of any woman (a 68-year-old "G3P3" at a physical), so
// they do not make a note perinatal; a gestational age ("38 weeks EGA", "GA 31+2", "32 weeks
// gestation", "at 28 weeks"), a trimester, labour ("in labor", "L&D", "labor and delivery") or the
// words prenatal/antepartum/intrapartum/postpartum do. Newborn notes hold those words too ("born at
// 39 weeks", "maternal prenatal labs"), so a sign that the patient is a baby ("born at", "2 days
// old", "day of life", "newborn", "neonatal", "maternal history") makes the note a newborn's.
//
// Read from the text, not the parse (the fast path and the whole parse agree): the sentence's line
// first (a record of one line: "Mother insists she has not used since conception"), then the whole
// text (a note whose heading says "L&D triage"), once per text. Portable: no Node API.
import { lineAround } from '../parse/lines.js';
import { lazyRegExp } from '../core/lazy-regexp.js';
import { oncePerText } from '../core/once-per-text.js';
import { wordEnd, wordStart } from './word-edges.js';

// A pregnancy now: a gestational age, a trimester, labour, the perinatal periods.
const PREGNANCY = lazyRegExp(
  [
    String.raw`\b\d{1,2}(?:\s?\d\/7|\s?\+\s?\d)?\s*(?:weeks?|wks?)['\u2019]?\s*(?:of\s+)?(?:gestation|GA|EGA|pregnant|pregnancy|IUP)\b`,
    String.raw`\b(?:EGA|GA)\s*(?:of\s*|at\s*|:\s*)?\d{1,2}(?:\s?\d\/7|\s?\+\s?\d)?\s*(?:weeks?|wks?|w\b|\+)`,
    String.raw`\b(?:EGA|IUP)\b`,
    String.raw`\bat\s+\d{1,2}(?:\s?\d\/7|\s?\+\s?\d)?\s*(?:weeks?|wks?)\b`,
    String.raw`\b(?:first|second|third|1st|2nd|3rd)\s+trimester\b`,
    String.raw`\b(?:antepartum|intrapartum|peripartum|postpartum|post-partum|prenatal|antenatal)\b`,
    // The postpartum day of the ward's notes ("PPD#2", "PP day 1", "postpartum day 3"); "PPD" alone
    // is also the tuberculin skin test ("PPD placed", "PPD 10 mm"), so only with "#" or "day" (not
    // "PP" + "D 12": the "D" of "PPD 12 mm").
    String.raw`\bPPD\s*#\s*\d|\bPP\s+day\s*#?\s*\d`,
    String.raw`\bL\s?&\s?D\b|\blabou?r\s+and\s+delivery\b|\bin\s+(?:active\s+|early\s+)?labou?r\b`,
    String.raw`\b(?:is|she's|currently|now)\s+pregnant\b|\bpregnant\s+(?:patient|woman|female)\b|\bsince\s+conception\b`,
  ].join('|'),
  'i',
);
// The patient is a baby: a newborn's or an infant's note.
const NEWBORN = lazyRegExp(
  [
    String.raw`\bborn\s+(?:at|to|via|by|on)\b`,
    String.raw`\b\d{1,2}[-\s](?:days?|weeks?|months?)[-\s]old\b|\b(?:days?|weeks?|months?)\s+old\b`,
    String.raw`\bday\s+of\s+life\b|\bDOL\s*#?\s*\d`,
    String.raw`\bnewborns?\b|\bneonat\w*|\bnursery\b|\bwell[-\s]baby\b`,
    String.raw`\bmaternal\s+(?:history|hx|labs?|serolog\w*|blood\s+type|GBS|prenatal|records?)\b`,
  ].join('|'),
  'i',
);

// The mother's own obstetric or postpartum care, or a decision she makes as the baby's mother, on
// the word's line ("Mother refused the hep B vaccine for herself", "Mom refusing the glucose
// tolerance test", "Mother refusing to breastfeed", "Mother refused the vitamin K for the infant"):
// in a note without newborn signs (below) she is the patient, deciding about her care and her
// baby's. Read on the line only: a glucose tolerance test or an induction elsewhere in a note says
// nothing about who "Mother" is. In a newborn's note the same sentence is a parent's decision about
// the patient, not the patient's refusal, and the newborn signs win.
const MOTHER_CARE = new RegExp(
  [
    String.raw`\bfor\s+herself\b`,
    String.raw`\bbreast[-\s]?fe(?:ed|eds|eding|d)\b|\blactat\w*|\bpump(?:ing|s)?\s+(?:breast\s*)?milk\b`,
    String.raw`\b(?:for|to)\s+(?:the|her|their)\s+(?:infant|baby|newborn|neonate)\b`,
    String.raw`\b(?:glucose\s+(?:tolerance|challenge)|glucola|GTT|GCT|epidural|pitocin|oxytocin|cervical\s+(?:exam|check)|c-section|cesarean|caesarean|fundal)\b`,
    // Just delivered, on the line: "s/p SVD", "post C/S", "after her NSVD" (a past delivery in a
    // history is "C/S x2" or a year: read on the line only, as the rest of this list).
    String.raw`\b(?:s\/p|post|after(?:\s+(?:her|a|the))?)\s*(?:N?SVD|C\/S|LTCS|VBAC|(?:vaginal|operative|forceps|vacuum)\s+delivery|delivery)\b`,
  ].join('|'),
  'i',
);

// Words for the mother, as the subject of a behaviour word.
// "MOB" (mother of the baby) is the patient in a labour note and a parent in a newborn's.
const MOTHER = new Set(['mother', 'mom', 'mum', 'mama', 'momma', 'mommy', 'mob']);
// Someone's mother: "her mother", "Pt's mother", "the baby's mom", "grandmother" (another word).
const OWNED = /(?:\b(?:her|his|their|my|your|our|whose)|['\u2019]s?)\s*$/i;

// The patient named as a separate person near the mother ("…; pt vaccinated today", "Pt's mom"
// is OWNED above): "pt"/"patient" as a word of its own, not her own label in brackets ("Mom (pt)").
const FOR_HERSELF = /\bfor\s+herself\b/i;
const PATIENT_BESIDE = /(?<![([]\s*)\b(?:pt|patient)\b(?![)\]])/i;

// "her own" after the mother, within her clause: the writer tells her care from the patient's.
const OWN_CARE = /^[^.;:!?\n]*\bher\s+own\b/i;

/** Does `text` say its patient is a baby (a newborn's or an infant's note)? */
export function babyIsPatient(text: string): boolean {
  return documentSigns(text).newborn;
}

/** What `text` as a whole says: a pregnancy now, and a baby as the patient (scanned once per text). */
const documentSigns = oncePerText((text): { pregnancy: boolean; newborn: boolean } => ({
  pregnancy: PREGNANCY().test(text),
  newborn: NEWBORN().test(text),
}));

/**
 * Is the word `word` (normalized) at [start, end) of `text` the patient, as a mother ("Mom refused
 * the epidural" in an L&D note)? True only for mother/mom/mum (not someone's mother: "her mother",
 * "Pt's mom", "mother-in-law"), when the word's line or the whole text speaks of a pregnancy now, or
 * the line of her own obstetric care or of her decisions as the baby's mother (MOTHER_CARE), and
 * neither the line nor the text says the patient is a baby.
 */
export function motherIsPatient(text: string, word: string, start: number, end: number): boolean {
  if (!MOTHER.has(word)) return false;
  if (OWNED.test(text.slice(Math.max(0, start - 12), start))) return false;
  if (/^-in-law/i.test(text.slice(end, end + 7))) return false;
  const [lineStart, lineEnd] = lineAround(text, start);
  // A long line (a note flattened to one line) is read around the word only.
  const line = text.slice(wordEnd(text, Math.max(lineStart, start - 400), start), wordStart(text, Math.min(lineEnd, end + 400), end));
  if (NEWBORN().test(line)) return false;
  const whole = documentSigns(text);
  if (whole.newborn) return false;
  // "Mother refused her own flu shot": her own care, told apart from the patient's (the baby's), even
  // on a line that names her delivery ("noncompliant with her own postpartum follow-up" in a
  // newborn's visit note).
  if (OWN_CARE.test(text.slice(end, end + 80))) return false;
  // The patient named beside her on the line as someone else ("Mom refused the flu shot for
  // herself; pt vaccinated today"): she is the patient's parent, not the patient.
  // Only where nothing but "for herself" speaks for her: in a note of a pregnancy, or a line of her
  // obstetric care or of her baby's, "pt" is she.
  const pregnancyLine = PREGNANCY().test(line);
  const care = MOTHER_CARE.test(line.replace(/\bfor\s+herself\b/gi, ''));
  if (
    !pregnancyLine &&
    !whole.pregnancy &&
    !care &&
    (PATIENT_BESIDE.test(text.slice(Math.max(lineStart, start - 120), start)) || PATIENT_BESIDE.test(text.slice(end, Math.min(lineEnd, end + 120))))
  )
    return false;
  return pregnancyLine || whole.pregnancy || care || FOR_HERSELF.test(line);
}
