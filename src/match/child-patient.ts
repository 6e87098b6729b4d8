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
import { oncePerText } from '../core/once-per-text.js';

const AGE = String.raw`(?:[1-9]|1[0-2]|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)`;
// Someone's child: "her 6-year-old", "Pt's 4 yo son": what ends just before an age that is not the
// patient's. It was a negative lookbehind at the start of each alternative that takes an owner
// (`(?<!OWNER)…`), which V8 tried at every position of the text and which walked back over a run of
// blanks from each of its positions: quadratic in the run ("Pt refused meds." and 100,000 spaces
// took 241 s, in the young-child and minor checks of every refusal). notOwned() finds the
// alternatives first and tries the owner once, at each place one of them matches: the same answers
// as the lookbehind's (test/regex-backtracking.test.ts compares them).
// "has|have|had" owns the age too: "she has a 3-yr-old at home" is the patient's child (the third round's kind).
const OWNER = String.raw`(?:\b(?:his|her|their|my|your|our|has|have|had)|['\u2019]s)\s+(?:\w+\s+)?`;
// An age that is a relative's, not the patient's: "a 4-year-old son", "15 yo sister".
const NOT_A_RELATIVE = String.raw`(?![-\s]+(?:son|daughter|brother|sister|sibling|child|grandson|granddaughter|niece|nephew)\b)`;

/** A test of a whole text (`test(text)`), as a regex's. */
export interface TextTest {
  test(text: string): boolean;
}

/**
 * The test `(?<!OWNER)(?:owned…)|free…` would make, built on first use: does one of `free` match, or
 * one of `owned` where OWNER does not end just before it? The owned alternatives are found by a
 * forward regex, and OWNER is tried (a lookbehind held at one position) only where one matches;
 * where it holds, the search goes on from the next position, as the lookbehind's failure made the
 * regex do. The free alternatives come first, each match tells by its empty group whether it is an
 * owned one's.
 */
function notOwned(owned: readonly string[], free: readonly string[], flags: string): () => TextTest {
  const find = lazyRegExp(`${free.map((alt) => `(?:${alt})`).join('|')}|()(?:${owned.join('|')})`, `${flags}g`);
  const owner = lazyRegExp(`(?<=${OWNER})`, `${flags}y`);
  const built: TextTest = {
    test(text) {
      const search = find();
      const owns = owner();
      search.lastIndex = 0;
      for (let m = search.exec(text); m; m = search.exec(text)) {
        if (m[1] === undefined) return true;
        owns.lastIndex = m.index;
        if (!owns.test(text)) return true;
        search.lastIndex = m.index + 1;
      }
      return false;
    },
  };
  return () => built;
}
// Built on first use, as the other 'iu' module-level regexes are (core/lazy-regexp.ts): only a
// rule with `patient: child` that meets a candidate asks for it.
const CHILD_OWNED = [
  // An age of 12 or under, for a person: "a 6-year-old boy", "this 7 yo", "6 y/o male", "a 9 year old".
  String.raw`\b(?:a|an|this|the|is)\s+${AGE}[-\s]?(?:years?|yrs?)[-\s]?old\b${NOT_A_RELATIVE}`,
  String.raw`\b${AGE}\s?(?:yo|y\/o|y\.o\.)\s+(?:boy|girl|male|female|child|m|f)\b`,
  // An age in shorthand opening its phrase before a finding or a comma: "6 yo w/ CP", "5 yo, mom …",
  // "4yo with fever" (retired sets' kind: the age written as a note's shorthand, no noun after it).
  String.raw`(?:^|[:;.(]\s*|\b(?:peds|pediatric|paediatric|ei|visit|note|consult|intake)\s*[:,-]?\s*)${AGE}\s?(?:yo|y\/o|y\.o\.)(?=\s*(?:w\/|with\b|[,;:(]))`,
  // Months, weeks or days old: an infant or a toddler.
  String.raw`\b(?:a|an|this|the|is)\s+\d{1,2}[-\s]?(?:months?|mos?|weeks?|wks?|days?)[-\s]?old\b${NOT_A_RELATIVE}`,
];
const CHILD_FREE = [
  // The age in brackets or after "aged" right after the patient ("Pt (age 7) refused the wraps").
  String.raw`\b(?:pt|patient|child)\s*(?:\(\s*|,\s*)aged?\s+${AGE}\b`,
  // At school below secondary level.
  String.raw`\b(?:he|she|patient|pt)\s+(?:is\s+in|attends|goes\s+to|is\s+attending|started)\s+(?:the\s+|a\s+)?(?:[A-Z][\w.'-]*\s+){0,3}(?:kindergarten|preschool|pre-school|daycare|day\s+care|elementary|grade\s+school|(?:first|second|third|fourth|fifth|sixth|1st|2nd|3rd|4th|5th|6th)\s+grade)\b`,
  // A paediatric word for the patient.
  String.raw`\b(?:the|this|a)\s+(?:toddler|preschooler|infant)\b|\b(?:the|this)\s+(?:child|kid)\b|\bwell[-\s]child\s+(?:visit|check|exam)\b`,
];
export const CHILD = notOwned(CHILD_OWNED, CHILD_FREE, 'iu');
// The same with 'i' alone, which V8 runs about 2.4 times faster (over all of MTSamples' notes,
// three passes each at load 19: 2.3-2.6 s CPU with 'iu', 0.9-1.1 s with 'i'; a run asks it of the
// notes with a `patient: child` candidate only): the source is ASCII, so the two differ only on the
// characters 'iu' folds to an ASCII letter, the long s (an "s") and the Kelvin sign (a "k"), as for
// the scanner's checks (prefilter.ts caseFlags). A text holding either is read with 'iu'.
export const CHILD_ASCII = notOwned(CHILD_OWNED, CHILD_FREE, 'i');

/** Does `text` say its patient is a child (12 or under)? Scanned once per text. */
export const childIsPatient: (text: string) => boolean = oncePerText((text) =>
  (text.includes('\u017f') || text.includes('\u212a') ? CHILD() : CHILD_ASCII()).test(text),
);

// A young child (5 or under, in months, weeks or days, or a toddler, preschooler or infant) is the
// patient: a refusal of a food, a drink, a mask, drops or an exam by the patient of such a note is a
// young child's behaviour, not a decision cast as defiance (the retired sets' guideline: a toddler
// refusing a mask, a 3-year-old refusing drops or otoscopy, a 2-year-old refusing to drink are not
// labelled). Read as CHILD is: ages given to a person, not to someone's child ("her 3 yo son").
const YOUNG = String.raw`(?:[1-5]|one|two|three|four|five)`;
const MONTHS = String.raw`(?:[1-9]|[12]\d|3[0-6])`;
const YOUNG_OWNED = [
  String.raw`\b(?:a|an|this|the|is)\s+${YOUNG}[-\s]?(?:years?|yrs?)[-\s]?old\b${NOT_A_RELATIVE}`,
  String.raw`(?:^|[:;.(]\s*|\b(?:a|an|this|the|is|peds|pediatric|paediatric|ei|visit|note|consult|intake)\s*[:,-]?\s*)${YOUNG}\s?(?:yo|y\/o|y\.o\.)(?=\s*(?:w\/|with\b|[,;:(]|boy\b|girl\b|male\b|female\b|child\b|[mf]\b|refus|is\b|has\b))`,
  String.raw`(?:^|[:;.(]\s*|\b(?:a|an|this|the|is|peds|pediatric|paediatric|ei|visit|note|consult|intake)\s*[:,-]?\s*)${MONTHS}\s?(?:mo|mos|months?)(?:[-\s]old)?(?=\s*(?:w\/|with\b|[,;:(]|boy\b|girl\b|male\b|female\b|child\b|[mf]\b|old\b|refus|is\b|has\b))`,
  String.raw`\b(?:a|an|this|the|is)\s+\d{1,2}[-\s]?(?:weeks?|wks?|days?)[-\s]?old\b`,
];
// The age in brackets or after "aged" right after the patient ("Pt (age 5) refused the biopsy", "patient, aged 4,"):
// nobody else's (fifth retirement round's kind).
const YOUNG_FREE = [
  String.raw`(?:^|[:;.]\s*|\b(?:the|this|a)\s+)(?:toddler|preschooler|infant)\b`,
  String.raw`\b(?:pt|patient|child)\s*(?:\(\s*|,\s*)aged?\s+${YOUNG}\b`,
];
const YOUNG_CHILD = notOwned(YOUNG_OWNED, YOUNG_FREE, 'i');
/** Does `text` say its patient is a young child (5 or under)? Scanned once per text. */
export const youngChildIsPatient: (text: string) => boolean = oncePerText((text) => YOUNG_CHILD().test(text));

// A minor (17 or under) is the patient, for the parent rule (parent-rule.ts): a parent's refusal of
// an adolescent's care ("Adolescent: 16M … Mom refuses the HPV vaccine") is the patient's as a
// younger child's is. An age of 17 or under given to a person ("15 yo", "16M", "a 14-year-old"), or
// the note headed paediatric or adolescent ("Peds ENT:", "Adolescent clinic").
const TEEN = String.raw`(?:1[0-7]|[1-9])`;
const MINOR_OWNED = [
  String.raw`\b(?:a|an|this|the|is|pt|patient)?\s*${TEEN}[-\s]?(?:years?|yrs?)[-\s]?old\b${NOT_A_RELATIVE}`,
  String.raw`\b${TEEN}\s?(?:yo|y\/o|y\.o\.)${NOT_A_RELATIVE}`,
];
// "16F" after a mark or after "Pt" ("Pt 16F. Mother refused …": the third round's kind).
const MINOR_FREE = [String.raw`(?:^|[:;.(,]\s*|\b(?:pt|patient)\s+)${TEEN}\s?[mf]\b`, String.raw`(?:^|[.;\n]\s*)(?:peds|pediatric|paediatric|adolescent)\b`];
const MINOR = notOwned(MINOR_OWNED, MINOR_FREE, 'i');
/** Does `text` say its patient is a minor (17 or under, or a paediatric or adolescent note)? Scanned once per text. */
export const minorIsPatient: (text: string) => boolean = oncePerText((text) => MINOR().test(text));

/** The sources of the three tests, for test/regex-backtracking.test.ts (the lookbehind form they replace). */
export const CHILD_PATIENT_SOURCES = {
  owner: OWNER,
  child: { owned: CHILD_OWNED, free: CHILD_FREE },
  young: { owned: YOUNG_OWNED, free: YOUNG_FREE },
  minor: { owned: MINOR_OWNED, free: MINOR_FREE },
};
