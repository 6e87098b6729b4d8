// A relative's words reported in a note without speaker tags: "Wife states he has been drinking
// like a fish and is a drunk", "per mom, she refuses to eat", "According to his sister, he is an
// addict". The words after the relative's verb of saying are the relative's account (the
// --quotes policy, as their own turn of a dialogue would be), where "Patient states she has been
// clean" stays the writer's paraphrase: the writer chose the patient's word, but a relative's
// wording is passed on.
//
// The report must introduce a clause with its own subject ("Wife states (that) he …", "Son says
// pt is …") or open the sentence ("Per mom, …", "According to her husband, …"), and the phrase
// must follow in the same sentence, before a semicolon, a colon or a "but" that hands the sentence
// back to the writer. "Spoke with wife about his alcohol abuse" and "Wife reports alcohol abuse"
// (a summary, no clause) are the writer's. In a perinatal note "Mom states …" is the patient's
// own report (perinatal.ts), the writer's paraphrase like "Pt states". Read from the text around
// the phrase (its line, at most REACH code units back), never from the parse. Portable.
import { lineAround } from '../parse/lines.js';
import { REPORTING_RELATIVE } from './people.js';
import { motherIsPatient } from './perinatal.js';
import { cuedTest, lazyRegExp } from '../core/lazy-regexp.js';

const RELATIVE = REPORTING_RELATIVE;
// A relative's word somewhere before the phrase: tested first, since most phrases have none. The
// regex is built only for a text holding one of the words (cuedTest): "mother" stands for
// "grandmother" and "stepmother", "dad" for "stepdad", "parent" for "grandparents", and so on.
const ANY_RELATIVE = cuedTest(String.raw`\b(?:${RELATIVE})\b`, 'i', [
  'wife',
  'husband',
  'spouse',
  'partner',
  'mother',
  'mom',
  'mum',
  'father',
  'dad',
  'parent',
  'son',
  'daughter',
  'sister',
  'brother',
  'sibling',
  'girlfriend',
  'boyfriend',
  'fianc',
  'family',
  'friend',
  'roommate',
  'caregiver',
  'aunt',
  'uncle',
  'cousin',
  'niece',
  'nephew',
  'grandma',
  'grandpa',
  'guardian',
]);
// Whose relative: "Pt's wife", "his mother", "the patient's son", or none ("Wife states").
const OWNER = String.raw`(?:(?:the\s+)?(?:pt|patient|client)['\u2019]?s\s+|(?:his|her|their|the)\s+)?`;
const SAYS =
  'states?|stated|reports?|reported|says?|said|tells?|told(?:\\s+(?:me|us|staff|this\\s+writer|the\\s+nurse|RN|SW))?|notes?|noted|feels?|felt|thinks?|believes?|believed|describes?|described|explains?|explained|mentions?|mentioned|adds?|added|admits?|admitted|endorses?|endorsed|insists?|insisted|claims?|claimed|worries|is\\s+(?:worried|concerned)|was\\s+(?:worried|concerned)|expresse[sd]\\s+concern';
// The subject of the reported clause: a pronoun or the patient ("Wife reports alcohol abuse", with
// no clause of its own, is the writer's summary).
const SUBJECT = String.raw`(?:he|she|they|pt|patient|the\s+patient)`;
// The rest of the reported clause up to the phrase: no sentence end, semicolon or colon.
const CLAUSE = String.raw`[^.;:!?\n]*`;
const REPORT = lazyRegExp(String.raw`(?<![\p{L}'\u2019])${OWNER}(?<who>${RELATIVE})\s+(?:${SAYS})\s+(?:that\s+)?${SUBJECT}\b${CLAUSE}$`, 'diu');
const PER = lazyRegExp(String.raw`(?:^|[.;:!?]\s+)(?:per|according\s+to)\s+${OWNER}(?<who>${RELATIVE})\s*[,:\u2013\u2014-]${CLAUSE}$`, 'diu');
// The attribution after the clause: "She refuses to eat any fiber, per mom", "He is a drunk
// (according to his wife)", "He refuses his inhaler, mom says". Read to the attribution with no
// sentence end, semicolon, colon or comma between (a comma only right before it): "walks with a
// walker and wheelchair-bound, does not walk much as per the husband" attributes the last clause only.
const PER_AFTER = lazyRegExp(
  String.raw`^[^.;:!?,\n]*?(?:,\s*|\s+|\(\s*)(?:(?:as\s+)?per|according\s+to|as\s+(?:reported|told|stated|described)\s+by)\s+${OWNER}(?<who>${RELATIVE})\b|^[^.;:!?,\n]*?,\s*${OWNER}(?<who2>${RELATIVE})\s+(?:says|said|states|stated|reports|reported|notes|noted)\s*(?:[.;!?)]|$)`,
  'diu',
);
// How far after the phrase the attribution is looked for (UTF-16 code units).
const AFTER_REACH = 120;
// A "but" or "however" hands the sentence back to the writer ("Wife states he is sober, but pt is …").
const HAND_BACK = /(?:^|[\s,])(?:but|however|although|though|whereas|yet)\s/i;
// How far back the relative's verb is looked for (UTF-16 code units), and how many words may stand
// between it and the phrase.
const REACH = 160;
const WORDS = 14;

/**
 * Is the phrase at `start` of `text` in a relative's reported words ("Wife states he … is a drunk",
 * "per mom, she refuses …")? Not when the "relative" is the patient herself (a perinatal note's
 * "Mom states …").
 */
export function isRelativeReport(text: string, start: number, end = start): boolean {
  const [lineStart, lineEnd] = lineAround(text, start);
  if (end > start && reportedAfter(text, end, lineEnd)) return true;
  const from = Math.max(0, start - REACH, lineStart);
  const before = text.slice(from, start);
  if (!ANY_RELATIVE(before)) return false;
  const m = REPORT().exec(before) ?? PER().exec(before);
  const who = m?.indices?.groups?.who;
  if (!m || !who) return false;
  const after = before.slice(who[1]);
  if (HAND_BACK.test(after) || after.trim().split(/\s+/).length > WORDS) return false;
  return !motherIsPatient(text, m.groups!.who!.toLowerCase(), from + who[0], from + who[1]);
}

/**
 * Is the clause holding [start, end) attributed to a relative after it ("…, per mom", "… (according
 * to his wife)", "…, mom says")? The words between the phrase and the attribution must not hand the
 * sentence back to the writer ("but", "however"); a perinatal note's "per mom" is the patient's own.
 */
function reportedAfter(text: string, end: number, lineEnd: number): boolean {
  const after = text.slice(end, Math.min(lineEnd, end + AFTER_REACH));
  if (!ANY_RELATIVE(after)) return false;
  const m = PER_AFTER().exec(after);
  const who = m?.indices?.groups?.who ?? m?.indices?.groups?.who2;
  if (!m || !who) return false;
  if (HAND_BACK.test(after.slice(0, who[0]))) return false;
  const word = (m.groups!.who ?? m.groups!.who2)!.toLowerCase();
  return !motherIsPatient(text, word, end + who[0], end + who[1]);
}
