// Whether a term that names a behaviour or a person names a person here (a rule's personSuggestion,
// rules/schema.json). Its own module so that the warehouse build, whose rows keep a rule's first
// suggestion, leaves it out (scripts/bundle-warehouse.js).
import { spacedApart, tokenGap, type Token } from '../parse/tokens.js';
import { AGE, AGE_SEX, COPULAS, HEADER_MODIFIER, PATIENT_NOUN, SEX } from './suggest.js';

// A head noun after the term makes it a modifier: "is an IVDA hx (remote)" is a history.
const HEADS = new Set(['hx', 'history', 'hist']);
// Words that do not describe a term after them but start a phrase of their own ("a history of IVDU", "a pt with IVDA").
// Prepositions all: "A note about IVDU." reached back past "about" and "note" to the sentence's "A", and
// --fix wrote "A note about person who injects drugs" (a CI maintainer's trial of leaflets, 2026-12-04).
const NOT_DESCRIBING = new Set([
  'of',
  'with',
  'w',
  'and',
  'or',
  'for',
  'in',
  'on',
  'to',
  'at',
  'by',
  'from',
  'about',
  'regarding',
  're',
  'into',
  'over',
  'against',
  'after',
  'before',
  'during',
  'since',
  'without',
  'than',
  'like',
  'no',
  'not',
  ...HEADS,
  'h/o',
  'is',
  'was',
  'the',
]);
// After a sentence-opening "A"/"An" the term is the sentence's subject, a person, when a verb or a
// preposition of a person follows ("An IVDU was seen in clinic", "A known IVDA presented with fever"),
// or a comma or the sentence's end. Before another word it may be a modifier ("An IVDU abscess"), and
// a hyphen makes it one ("An IVDU-related abscess"). --fix wrote "An injection drug use was seen"
// (a newcomer trial of 2026-12-03).
const SUBJECT_FOLLOWERS = new Set(
  'was is has had with w who presents presented presenting came comes arrived admitted readmitted found brought seen reports reported states stated denies denied here in at on from per'.split(
    ' ',
  ),
);

// An age and sex right before the term, as a one-liner opens: "45F IVDU with endocarditis", "in a 34M IVDA",
// "a 52 yo M IVDU" (blind probe 8: --fix wrote "in a 34M injection drug use"). One token ("34M", "34yoF") or
// an age and "M"/"F"/"male"/"female"/"man"/"woman" (suggest.ts AGE_SEX, AGE, SEX), with only spaces
// between it and the term ("45M, IVDU, HCV+" is a list of items, left as it was).

function afterAgeSex(text: string, tokens: readonly Token[], i: number): boolean {
  const tok = tokens[i];
  const next = tokens[i + 1];
  if (!tok || !next || !/^\s+$/.test(tokenGap(text, tok, next))) return false;
  if (AGE_SEX.test(tok.norm)) return true;
  const before = tokens[i - 1];
  return SEX.test(tok.norm) && before !== undefined && AGE.test(before.norm) && /^\s+$/.test(tokenGap(text, before, tok));
}

// The patient named right before the term, as the subject a one-liner opens with: "Pt IVDU, presents
// with fever", "Patient known IVDA presents …". The term says who the patient is, and --fix wrote
// "Pt injection drug use, presents" (a run of 2026-12-04); the person's wording goes first, and a fix
// or a click puts it after the patient noun without its own ("Pt who injects drugs": suggest.ts fitPerson).
const PATIENT_NOUN_WORD = new RegExp(`^(?:${PATIENT_NOUN})$`, 'i');
const PERSON_SUBJECT = new RegExp(`^(?:${PATIENT_NOUN}|he|she|they)$`, 'i');

// A result or status after the term makes it a modifier, as a head noun does: "Patient is IVDU
// positive", "He is IVDU+" say what was found, and --fix wrote "Patient is a person who injects drugs
// positive" once the copula's subject made the term a person.
const RESULT_WORDS = new Set(['positive', 'negative', 'pos', 'neg', 'status']);

function resultAfter(text: string, tokens: readonly Token[], last: number): boolean {
  if (/^[+-]/.test(text.slice(tokens[last]!.end.offset))) return true;
  const next = tokens[last + 1];
  return next !== undefined && RESULT_WORDS.has(next.norm) && spacedApart(text, tokens[last]!, next);
}

function afterPatient(text: string, tokens: readonly Token[], i: number): boolean {
  const tok = tokens[i];
  const next = tokens[i + 1];
  return tok !== undefined && next !== undefined && PATIENT_NOUN_WORD.test(tok.norm) && spacedApart(text, tok, next);
}

/**
 * Whether a term that may name a behaviour or a person (IVDU: "IV drug use" or "IV drug user") names a
 * person here: after a copula and "a"/"an", with or without "known" ("is an IVDU", "was a known IVDA"), after a
 * sentence-opening "Known" ("Known IVDA and smoker") or "A"/"An" before a verb ("An IVDU was seen"; SUBJECT_FOLLOWERS),
 * right after an age and sex ("45F IVDU with endocarditis"; afterAgeSex) or the patient ("Pt IVDU, presents"; afterPatient),
 * or written as a singular -er form ("ivdrugabuser"; the
 * plurals are a rule of their own). Not before a head noun ("an IVDU hx").
 * `first`, `last`: the term's first and last tokens in `tokens` (a candidate's); `text`: what their offsets point into.
 */
export function namesPerson(text: string, tokens: readonly Token[], first: number, last: number): boolean {
  if (/er$/i.test(text.slice(tokens[first]!.start.offset, tokens[last]!.end.offset))) return true;
  const norm = (i: number) => (i >= 0 ? tokens[i]?.norm : undefined);
  if (first === 1 && norm(0) === 'known') return true;
  const skip = norm(first - 1) === 'known' ? 1 : 0;
  // Not before a head noun: "45F IVDU hx, on methadone" is a history (--fix wrote "45F person who injects drugs hx").
  const head = HEADS.has(norm(last + 1) ?? '');
  if (!head && (afterAgeSex(text, tokens, first - 1 - skip) || afterPatient(text, tokens, first - 1 - skip))) return true;
  if (!head && COPULAS.has(norm(first - 1 - skip) ?? '') && PERSON_SUBJECT.test(norm(first - 2 - skip) ?? '') && !resultAfter(text, tokens, last)) return true;
  // "58 yo M chronic IVDU", "45F active daily IVDA": one or two words describing the label after the header
  // (suggest.ts HEADER_MODIFIER). The person's wording goes first and a fix in place is withheld
  // (suggest.ts modifierBefore), as for "was a chronic IVDU".
  for (let n = 1; !head && n <= 2 && first - n > 0; n++) {
    const word = tokens[first - n]!;
    if (!HEADER_MODIFIER.test(word.norm) || !spacedApart(text, word, tokens[first - n + 1]!)) break;
    if (afterAgeSex(text, tokens, first - n - 1)) return true;
  }
  let at = first - 1 - skip;
  // "was a chronic IVDU", "is a 28 yo IVDA": words that describe the term between the article and it
  // (up to three, none a word that starts a phrase of its own: "is a history of IVDU" is a history).
  // A person's wording then goes first, and a fix in place is withheld (suggest.ts fitPerson), where
  // "a chronic injection drug use" was written (a blind suggestion probe of 2026-12-04).
  for (let n = 0; n < 3 && at > 0 && norm(at) !== 'a' && norm(at) !== 'an' && !NOT_DESCRIBING.has(norm(at) ?? ''); n++) at--;
  const article = norm(at);
  if (article !== 'a' && article !== 'an') return false;
  if (at === 0) {
    const next = tokens[last + 1];
    if (!next) return true;
    const gap = tokenGap(text, tokens[last]!, next);
    return /[,;:]/.test(gap) || (/^\s+$/.test(gap) && SUBJECT_FOLLOWERS.has(next.norm));
  }
  return COPULAS.has(norm(at - 1) ?? '') && !HEADS.has(norm(last + 1) ?? '');
}
