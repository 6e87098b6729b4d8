// Is the note about a child? In a paediatric history the patient's behaviour is mostly told by a
// parent ("Mother reports …", "He refuses to eat any fiber", "she refuses her vegetables"), and a
// child who will not eat a food is a feeding symptom the parent reports, as "food refusal" is, not
// a patient's decision cast as defiance. A rule's condition asks for this with `patient: child`
// (compliance/refused: refusing a food in a note about a child).
//
// Read from the whole text once per text (the fast path and the whole parse agree), from signs that
// the patient is a child: an age of 12 or under given to a person ("a 6-year-old boy", "7 yo M",
// "18-month-old", "this 4 year old"), not to a relative ("her 6-year-old son": someone's child is
// no sign), the patient at school below secondary level ("The patient attends … Elementary School",
// "he is in first grade"), or a paediatric word for the patient (toddler, preschooler, "the child", "well-child
// visit"). Measured on the audit slices: an adult's note that mentions a relative's child is kept
// out by the possessive. Portable: no Node API.

import { lazyRegExp } from '../core/lazy-regexp.js';

const AGE = String.raw`(?:[1-9]|1[0-2]|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)`;
// Someone's child: "her 6-year-old", "Pt's 4 yo son".
const OWNED = String.raw`(?<!(?:\b(?:his|her|their|my|your|our)|['\u2019]s)\s+(?:\w+\s+)?)`;
// Built on first use, as the other 'iu' module-level regexes are (core/lazy-regexp.ts): only a
// rule with `patient: child` that meets a candidate asks for it.
const CHILD_SOURCE = [
  // An age of 12 or under, for a person: "a 6-year-old boy", "this 7 yo", "6 y/o male", "a 9 year old".
  String.raw`${OWNED}\b(?:a|an|this|the|is)\s+${AGE}[-\s]?(?:years?|yrs?)[-\s]?old\b(?![-\s]+(?:son|daughter|brother|sister|sibling|child|grandson|granddaughter|niece|nephew)\b)`,
  String.raw`${OWNED}\b${AGE}\s?(?:yo|y\/o|y\.o\.)\s+(?:boy|girl|male|female|child|m|f)\b`,
  // Months, weeks or days old: an infant or a toddler.
  String.raw`${OWNED}\b(?:a|an|this|the|is)\s+\d{1,2}[-\s]?(?:months?|mos?|weeks?|wks?|days?)[-\s]?old\b(?![-\s]+(?:son|daughter|brother|sister|sibling|child|grandson|granddaughter|niece|nephew)\b)`,
  // At school below secondary level.
  String.raw`\b(?:he|she|patient|pt)\s+(?:is\s+in|attends|goes\s+to|is\s+attending|started)\s+(?:the\s+|a\s+)?(?:[A-Z][\w.'-]*\s+){0,3}(?:kindergarten|preschool|pre-school|daycare|day\s+care|elementary|grade\s+school|(?:first|second|third|fourth|fifth|sixth|1st|2nd|3rd|4th|5th|6th)\s+grade)\b`,
  // A paediatric word for the patient.
  String.raw`\b(?:the|this|a)\s+(?:toddler|preschooler|infant)\b|\b(?:the|this)\s+(?:child|kid)\b|\bwell[-\s]child\s+(?:visit|check|exam)\b`,
].join('|');
export const CHILD = lazyRegExp(CHILD_SOURCE, 'iu');
// The same with 'i' alone, which V8 runs about 2.4 times faster (over all of MTSamples' notes,
// three passes each at load 19: 2.3-2.6 s CPU with 'iu', 0.9-1.1 s with 'i'; a run asks it of the
// notes with a `patient: child` candidate only): the source is ASCII, so the two differ only on the
// characters 'iu' folds to an ASCII letter, the long s (an "s") and the Kelvin sign (a "k"), as for
// the scanner's checks (prefilter.ts caseFlags). A text holding either is read with 'iu'.
export const CHILD_ASCII = lazyRegExp(CHILD_SOURCE, 'i');

const cache = { text: undefined as string | undefined, child: false };

/** Does `text` say its patient is a child (12 or under)? Scanned once per text. */
export function childIsPatient(text: string): boolean {
  if (cache.text !== text) cache.child = (text.includes('\u017f') || text.includes('\u212a') ? CHILD() : CHILD_ASCII()).test(text);
  cache.text = text; // adopt this string object (see parse/lines.ts startsOf)
  return cache.child;
}
