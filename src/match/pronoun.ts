// Whose pronoun: a he/she/they (or his/her/their, him/them) that stands for someone the note just
// named, rather than the patient. described.ts reads a pronoun as the patient by default; this
// module gives the evidence that it is someone else, and only that (it never turns 'other' into
// 'patient'; where its evidence is weak it says nothing and the default stands). Lists of who is
// not the patient did not carry to new text; the model here is small and general:
//
// 1. Agreement with the subject before. A pronoun opening its sentence takes the subject of the
//    sentence (or clause) before when that subject is someone else (read by described.ts's own
//    classifier: an article or a possessive, a relative, a role, a title with a name: "The trail guide
//    radioed in. He refused…", "Ranger Ortiz reached camp. She insists…", "Two ushers carried pt to
//    the cart. They were…"), agrees with the pronoun in gender and number, and no mention of the
//    patient in that sentence agrees with it too ("The nurse checked on her. She refused lunch": the
//    patient). A plural "they" needs a plural antecedent.
// 2. The patient's pronoun already fixed. When the sentences around fix the patient as "he" ("Pt
//    was hiking with his wife", "Mr. X", "45 yo M", a "he" in the pronoun's own sentence) and this
//    pronoun is "she" while someone who may be a "she" is named nearby ("wife", "Mom", "the aide",
//    "Officer Diaz"), it is that person ("Pt seen with wife. She insists he is drinking less").
// 3. The one asked refuses: "Pt asked the aide to change the channel. She refused": the object of
//    "asked/told/instructed/offered" is the antecedent of a refusal's pronoun.
// 4. An account that names the patient in the third person is someone else's: "He claims pt fell",
//    "She claims the client was on the floor", and by the given name a window sentence opens with
//    ("Destiny, 13, lives with her aunt. She was adamant that Destiny not get the shot").
// 5. A relative of the pronoun's gender named first in the sentence before, before the patient:
//    "Spoke with the patient's mother by phone. She claims…" (not "Seen with her mother. She…", and
//    not with an object pronoun of that gender after it: "Pt's daughter dropped her off. She…").
//
// The subject opening a window sentence is someone else also when the sentence says who it is
// ("Caller is the patient's mother", "Anne is Henry's primary caregiver"), when an appositive does
// ("Grace, the CASA volunteer,"), when a role stands before its head ("Staff captain came"), and when
// the note says elsewhere that a given name is someone else's ("his son Greg … Greg came at noon").
// Given names carry the gender of data/given-names.txt (names.ts; a name of either gender none): the
// first name opening a window sentence fixes the patient's gender for 2 ("Dolores sat by the window.
// Frank came in. He was hostile": he is Frank), and a name of the pronoun's gender is someone it may
// stand for. These were described.ts's older fallback (antecedentIsOther), now one model.
//
// Bounded (issue 11 kind 5): the window is the pronoun's own sentence and at most two sentences
// before it, within its paragraph and its dialogue turn (a line opening with a speaker label ends
// it), and at most WINDOW characters. No parser: a few Set lookups per pronoun that opens a clause.
import { lazyRegExp } from '../core/lazy-regexp.js';
import { type Token, tokenGap } from '../parse/tokens.js';
import { normalizeWord } from '../rules/pattern.js';
import { wordEnd } from './word-edges.js';
import { PATIENT_TITLES, givenNameGender } from './names.js';
import { FEMALE_KIN, MALE_KIN } from './people.js';

export type Gender = 'female' | 'male';
export type Reading = 'patient' | 'other' | 'unknown';

/** What described.ts knows of words: its classifier of a noun phrase's head, and its role lists. */
export interface Reader {
  classify(text: string, tokens: readonly Token[], head: number): Reading;
  /** A word that names someone other than the patient bare (a relative, a role, a team). */
  isRole(word: string): boolean;
  /** A word that names the patient (pt, patient, client, veteran, …). */
  isPatientWord(word: string): boolean;
  /** Does the document `text` say the given name `word` is someone else's ("his son Greg", "Arjun (front desk)")? names.ts. */
  nameIsOther(text: string, word: string): boolean;
}

/**
 * The gender a capitalised first name is usually given (data/given-names.txt, built from the names
 * package's genders), 'unknown' for a name of either, undefined for a word that is no known name. The
 * browser and warehouse builds have no list: no word is a name there, and a name before a pronoun is
 * read as without it (the patient).
 */
export function firstNameGender(word: string): Gender | 'unknown' | undefined {
  return /^\p{Lu}\p{Ll}+$/u.test(word) ? givenNameGender(word) : undefined;
}

// Relatives, titles and persons by gender.
const FEMALE = new Set([...FEMALE_KIN, 'mama', 'stepmom', ...'woman lady girl mrs ms miss mob'.split(' ')]);
const MALE = new Set([...MALE_KIN, 'papa', 'stepdad', ...'man gentleman boy guy mr fob'.split(' ')]);
// Words of a person's sex that name the patient as often as anyone ("a 58-year-old woman"), and the parents of a baby.
const PERSONS = new Set('man woman boy girl gentleman lady guy mob fob'.split(' '));
// Counts before a plural noun.
const COUNTS = new Set('two three four five several both many few'.split(' '));
// Groups named as one noun: "they", never "he"/"she" ("Security brought her in. She was…").
const COLLECTIVES = new Set(
  'staff security police ems crew team family nursing patrol group household committee board faculty management administration'.split(' '),
);
const PRONOUNS: Readonly<Record<string, { gender?: Gender; plural: boolean }>> = {
  he: { gender: 'male', plural: false },
  him: { gender: 'male', plural: false },
  his: { gender: 'male', plural: false },
  himself: { gender: 'male', plural: false },
  she: { gender: 'female', plural: false },
  her: { gender: 'female', plural: false },
  hers: { gender: 'female', plural: false },
  herself: { gender: 'female', plural: false },
  they: { plural: true },
  them: { plural: true },
  their: { plural: true },
};
// Verbs whose object is asked to do something, and so is the one who refuses after.
const ASKING = new Set(
  'asked asks told tells instructed instructs requested requests invited invites offered offers urged urges encouraged encourages'.split(' '),
);
// Words that end an opening noun phrase read forwards: forms of be and have, modals, prepositions.
const VERBISH = new Set(
  'is are was were be been being am has have had do does did will would can could should may might must met came went found brought took said told left sat stood ran got gave let called arrived answered walked carried drove flew stopped stayed reached picks picked dropped escorted visited attended finished splinted packaged radioed hiked landed of at in on with from to for by about into after before during via per and or but who which that'.split(
    ' ',
  ),
);
// How far back the window reaches (UTF-16 code units), and how many sentences it holds.
const WINDOW = 400;
const WINDOW_SENTENCES = 2;
// A line opening with a speaker label: the start of a dialogue turn ("Doctor:", "[patient]").
const TURN = /^[ \t]*(?:\[[^\]\n]{1,30}\]|[A-Za-z][\w .'-]{0,24}:(?!\d))/;
// Stops that end no sentence: a title or an initial before a name ("Dr. Amsel", "Sgt. Molina").
// Built on first use (lazy-regexp.ts), as WORD: a one-line check seldom reads a pronoun's antecedent.
const ABBREVIATION = lazyRegExp(String.raw`(?:^|[^\p{L}])(?:dr|drs|mr|mrs|ms|mx|sgt|lt|capt|st|prof|jr|sr|dept|no|vs|approx|\p{Lu})\.$`, 'iu');

interface Sentence {
  text: string;
  tokens: Token[];
}

const WORD = lazyRegExp(String.raw`[\p{L}\p{N}]+(?:['\u2019][\p{L}]+)*['\u2019]?`, 'gu');

/** The words of `text` as tokens whose offsets point into `text`. */
function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const m of text.matchAll(WORD())) {
    const start = m.index;
    const end = start + m[0].length;
    tokens.push({
      norm: normalizeWord(m[0]),
      start: { line: 1, column: start + 1, offset: start },
      end: { line: 1, column: end + 1, offset: end },
      adjacent: false,
    });
  }
  return tokens;
}

/**
 * The sentences before `offset` that a pronoun there may look back to, nearest last: at most
 * WINDOW_SENTENCES, within WINDOW characters, the paragraph and the dialogue turn.
 */
export function windowBefore(text: string, offset: number): string[] {
  let before = text.slice(wordEnd(text, Math.max(0, offset - WINDOW), offset), offset);
  const paragraph = before.search(/\n[ \t]*\n(?![\s\S]*\n[ \t]*\n)/);
  if (paragraph !== -1) before = before.slice(paragraph);
  // The turn: back to the nearest line that opens with a speaker label (its words after the label kept).
  const lines = before.split('\n');
  for (let i = lines.length - 1; i >= 0; i--) {
    const label = TURN.exec(lines[i]!);
    if (label) {
      lines.splice(0, i + 1, lines[i]!.slice(label[0].length));
      break;
    }
  }
  const sentences: string[] = [];
  let current = '';
  const parts = lines.join('\n').split(/(?<=[.!?;\u2026])[ \t]+|\n/);
  for (const part of parts) {
    current = current === '' ? part : `${current} ${part}`;
    if (ABBREVIATION().test(current.trimEnd()) && /[.]$/.test(part)) continue;
    if (current.trim() !== '') sentences.push(current.trim());
    current = '';
  }
  if (current.trim() !== '') sentences.push(current.trim());
  return sentences.slice(-WINDOW_SENTENCES);
}

/** The index of the head of the noun phrase opening the sentence (up to four words), or -1. */
function openingHead(sentence: Sentence): number {
  const { tokens, text } = sentence;
  let head = -1;
  for (let k = 0; k < tokens.length && k < 5; k++) {
    const w = tokens[k]!.norm;
    const written = text.slice(tokens[k]!.start.offset, tokens[k]!.end.offset);
    if (k === 0 && ['the', 'a', 'an', 'our', 'their', 'his', 'her', 'this', 'that', 'two', 'three', 'both', 'several'].includes(w)) continue;
    if (VERBISH.has(w) || /(?:ed|ly)$/.test(w)) break;
    // A number after the article modifies the noun ("The 1:1 sitter"); one opening the sentence is no person.
    if (/^\d/.test(w)) {
      if (k > 0 && head === -1) continue;
      return -1;
    }
    // An -s word followed by a word that is no verb is a verb itself ("Pt lives with"): stop.
    if (k > 0 && /[^s]s$/.test(w) && tokens[k + 1] && !VERBISH.has(tokens[k + 1]!.norm) && !/ed$/.test(tokens[k + 1]!.norm) && !/^\p{Lu}/u.test(written)) break;
    head = k;
    if (/[,;:]/.test(text.slice(tokens[k]!.end.offset, tokens[k + 1]?.start.offset ?? text.length))) break;
  }
  return head;
}

/** What a pronoun may say of the one it stands for: gender and number. */
function agrees(pronoun: { gender?: Gender; plural: boolean }, person: { gender?: Gender; plural: boolean }): boolean {
  if (pronoun.plural !== person.plural) return false;
  return pronoun.gender === undefined || person.gender === undefined || pronoun.gender === person.gender;
}

/** Gender and number of the noun at `head` of a window sentence, from its word, its title, or its name. */
function personOf(sentence: Sentence, head: number): { gender?: Gender; plural: boolean } {
  const { tokens, text } = sentence;
  const word = tokens[head]!.norm;
  const title = tokens[head - 1]?.norm ?? '';
  const count = tokens.slice(Math.max(0, head - 3), head).some((t) => COUNTS.has(t.norm));
  const plural = count || COLLECTIVES.has(word) || (/[^s]s$/.test(word) && !/(?:ss|us|is)$/.test(word) && word.length > 3);
  if (FEMALE.has(word) || FEMALE.has(title)) return { gender: 'female', plural };
  if (MALE.has(word) || MALE.has(title)) return { gender: 'male', plural };
  const name = /^\p{Lu}/u.test(text.slice(tokens[head]!.start.offset))
    ? firstNameGender(text.slice(tokens[head]!.start.offset, tokens[head]!.end.offset))
    : undefined;
  return name === 'female' || name === 'male' ? { gender: name, plural } : { plural };
}

/**
 * Is the noun at `head` a role or a title before a capitalised name ("Ranger Okonkwo", "Officer
 * Diaz", "Patroller Haines", "Sgt. Molina"), not the patient's own title ("Mr. Yates")?
 */
function titledName(sentence: Sentence, head: number, reader: Reader): boolean {
  const { tokens, text } = sentence;
  const title = tokens[head - 1];
  if (title === undefined || head - 1 !== 0) return false;
  const written = text.slice(tokens[head]!.start.offset, tokens[head]!.end.offset);
  if (!/^\p{Lu}\p{Ll}/u.test(written) || !/^\.?[ \t]+$/.test(tokenGap(text, title, tokens[head]!))) return false;
  // A day or a month is no name ("Seen Tuesday with wife").
  if (CALENDAR.test(tokens[head]!.norm)) return false;
  // The title: a role, a rank, or a noun of an agent ("Ranger", "Patroller"); not a verb ("Seen").
  const role = reader.isRole(title.norm) || RANKS.has(title.norm) || (AGENT.test(title.norm) && title.norm.length > 4);
  return role && !PATIENT_TITLES.has(title.norm) && !reader.isPatientWord(title.norm) && /^\p{Lu}/u.test(text.slice(title.start.offset));
}

const AGE_SEX =
  /\b\d{1,3}\s*-?\s*(?:yo|y\/o|y\.o\.|year[- ]old|yr[- ]old)\s*-?\s*(m|f|male|female|man|woman|boy|girl|gentleman|lady)\b|\b\d{1,3}\s*-?\s*(male|female)\b/giu;
// "45M", "32F": upper case, glued to the age.
const AGE_GLUED = /\b\d{1,3}([MF])\b/gu;
// Ranks and titles before a name that no role list holds.
const RANKS = new Set('sgt lt capt cpl det ofc dep warden chief coach pastor rev sister brother father'.split(' '));
const CALENDAR = /^(?:mon|tues|wednes|thurs|fri|satur|sun)day$|^(?:january|february|march|april|may|june|july|august|september|october|november|december)$/;

interface Subject {
  reading: Reading;
  gender?: Gender;
  plural: boolean;
  /** The index of its head in the sentence's tokens. */
  head: number;
}

/**
 * The reading of the subject opening a window sentence, with its gender and number; undefined when
 * none is read. `text` is the document (for what it says of a given name elsewhere).
 */
function openingSubject(sentence: Sentence, reader: Reader, text = ''): Subject | undefined {
  let head = openingHead(sentence);
  if (head === -1) return undefined;
  // A title, a first name and a surname ("Caseworker Denise Hall"): the title and the first name are read.
  const { tokens } = sentence;
  // The word after a title alone is as often a surname ("Dr. Amari"): only a first name before a surname gives a gender.
  const full = head === 2 && firstNameGender(written(sentence, 1)) !== undefined && /^\p{Lu}/u.test(written(sentence, 2));
  if (full) head = 1;
  if (titledName(sentence, head, reader)) {
    const name = full ? firstNameGender(written(sentence, head)) : undefined;
    const titled = personOf(sentence, head - 1);
    return { reading: 'other', gender: titled.gender ?? (name === 'female' || name === 'male' ? name : undefined), plural: false, head };
  }
  const person = personOf(sentence, head);
  // "Caller is the patient's mother", "Amari is the accepting physician", "Anne is Henry's primary
  // caregiver": the sentence says who its subject is.
  const identity = identified(sentence, head, reader);
  if (identity) return { reading: 'other', gender: identity.gender ?? person.gender, plural: person.plural, head };
  // "Jordan, the neighbour's teenager,", "Grace, the CASA volunteer,": an appositive says who.
  const apposed = appositive(sentence, head, reader);
  if (apposed) return { reading: 'other', gender: apposed.gender ?? person.gender, plural: person.plural, head };
  // "Staff captain", "Security supervisor": a noun after a role names one of them.
  if (
    PERSON_VERBS.has(tokens[head + 1]?.norm ?? '') &&
    !reader.isPatientWord(tokens[head]!.norm) &&
    tokens.slice(0, head).some((t, i) => reader.isRole(t.norm) && !possessive(sentence, i)) &&
    !tokens.slice(0, head).some((t) => ARTICLE.has(t.norm) || reader.isPatientWord(t.norm))
  )
    return { reading: 'other', ...person, head };
  // Only a person is a he, a she or a they ("The mass enhanced with contrast. He refused biopsy").
  if (!isPerson(sentence, head, reader)) return undefined;
  // A given name the note says elsewhere is someone else's ("his son Greg … Greg came at noon").
  if (head === 0 && firstNameGender(written(sentence, 0)) !== undefined && reader.nameIsOther(text, written(sentence, 0)))
    return { reading: 'other', ...person, head };
  return { reading: reader.classify(sentence.text, sentence.tokens, head), ...person, head };
}

const ARTICLE = new Set(['the', 'a', 'an', 'his', 'her', 'their', 'our', 'this', 'that']);
const written = (sentence: Sentence, i: number) => sentence.text.slice(sentence.tokens[i]!.start.offset, sentence.tokens[i]!.end.offset);
const possessive = (sentence: Sentence, i: number) => /['\u2019]s?$/.test(written(sentence, i));

/** Is the token `i` a relative, a role or an agent noun, with its gender when it has one? */
function roleAt(sentence: Sentence, i: number, reader: Reader): { gender?: Gender } | undefined {
  const w = sentence.tokens[i]!.norm;
  if (PERSONS.has(w) || PATIENT_TITLES.has(w) || reader.isPatientWord(w)) return undefined;
  if (FEMALE.has(w)) return { gender: 'female' };
  if (MALE.has(w)) return { gender: 'male' };
  return reader.isRole(w) || (AGENT.test(w) && w.length > 5) ? {} : undefined;
}

/**
 * "Caller is the patient's mother", "Dr. Amari is the accepting physician", "Anne is Henry's primary
 * caregiver", "The caseworker was Brian Lowe", "The person on the phone was the patient's son": a
 * subject (and up to three words after it) followed by is/was and a noun phrase (an
 * article or a possessive, up to three words) whose head is a relative or a role, or a given name.
 * The subject is then someone else, of the relative's or the name's gender.
 */
function identified(sentence: Sentence, head: number, reader: Reader): { gender?: Gender } | undefined {
  const { tokens } = sentence;
  // The verb may follow a phrase after the head ("The person on the phone was the patient's son").
  let be = head + 1;
  while (be < tokens.length && be <= head + 4 && !['is', 'was'].includes(tokens[be]!.norm)) {
    if (/[,;:.!?()]/.test(tokenGap(sentence.text, tokens[be - 1]!, tokens[be]!))) return undefined;
    be++;
  }
  if (!['is', 'was'].includes(tokens[be]?.norm ?? '')) return undefined;
  const first = be + 1;
  if (tokens[first] === undefined) return undefined;
  // A given name: "The caseworker was Brian Lowe".
  const name = firstNameGender(written(sentence, first));
  if (name !== undefined && !ARTICLE.has(tokens[first]!.norm)) return name === 'unknown' ? {} : { gender: name };
  if (!ARTICLE.has(tokens[first]!.norm) && !possessive(sentence, first)) return undefined;
  for (let k = first + 1; k < tokens.length && k <= first + 3; k++) {
    if (/[,;:.]/.test(tokenGap(sentence.text, tokens[k - 1]!, tokens[k]!))) return undefined;
    if (reader.isPatientWord(tokens[k]!.norm) && !possessive(sentence, k)) return undefined;
    if (possessive(sentence, k)) continue;
    const role = roleAt(sentence, k, reader);
    if (role) return role;
    if (VERBISH.has(tokens[k]!.norm)) return undefined;
  }
  return undefined;
}

/**
 * "Jordan, the neighbour's teenager,", "Alex, Mae's grandson,", "Grace, the CASA volunteer,": an
 * appositive after the opening name (an article or a possessive, up to four words, up to the next
 * comma) names someone other than the patient. Its relative's gender, when it has one.
 */
function appositive(sentence: Sentence, head: number, reader: Reader): { gender?: Gender } | undefined {
  const { tokens, text } = sentence;
  const open = head + 1;
  if (tokens[open] === undefined || !/^[ \t]*,[ \t]*$/.test(tokenGap(text, tokens[head]!, tokens[open]!))) return undefined;
  if (!['the', 'his', 'her', 'their', 'our'].includes(tokens[open]!.norm) && !(possessive(sentence, open) && !reader.isPatientWord(tokens[open]!.norm)))
    return undefined;
  let gender: Gender | undefined;
  for (let k = open + 1; k < tokens.length && k <= open + 4; k++) {
    const gap = tokenGap(text, tokens[k - 1]!, tokens[k]!);
    if (/[;:.()]/.test(gap)) return undefined;
    if (gap.includes(',')) return k - 1 > open ? { gender } : undefined;
    const w = tokens[k]!.norm;
    if (reader.isPatientWord(w) || PRONOUNS[w]) return undefined;
    if (FEMALE.has(w) && !PERSONS.has(w)) gender = 'female';
    if (MALE.has(w) && !PERSONS.has(w)) gender = 'male';
  }
  return undefined;
}

// Verbs of coming, going, carrying and speaking, which a person does: after a noun of an agent
// ("The mule packer met us", "The lift operator stopped the chair") they say it names a person.
const PERSON_VERBS = new Set(
  'met came went brought took said told left called arrived answered walked carried drove flew stopped reached picked dropped escorted visited attended finished radioed hiked landed flagged waved helped asked refused spoke phoned texted let found'.split(
    ' ',
  ),
);
// Endings of nouns of an agent ("packer", "instructor", "pharmacist", "technician", "bellman", "attendant").
const AGENT = /(?:er|or|ist|ian|man|ant)$/;

/**
 * Does the noun at `head` name a person: a relative, a role a rule list names, a name (the names
 * hook), or a noun of an agent with a verb a person does after it? Not a thing, a finding or a
 * device ("The mass", "The catheter was removed").
 */
function isPerson(sentence: Sentence, head: number, reader: Reader): boolean {
  const { tokens, text } = sentence;
  const word = tokens[head]!.norm;
  const singular = word.replace(/s$/, '');
  if (reader.isRole(word) || reader.isRole(singular) || FEMALE.has(word) || MALE.has(word) || FEMALE.has(singular) || MALE.has(singular)) return true;
  if (
    /^\p{Lu}/u.test(text.slice(tokens[head]!.start.offset)) &&
    firstNameGender(text.slice(tokens[head]!.start.offset, tokens[head]!.end.offset)) !== undefined
  )
    return true;
  return AGENT.test(singular) && singular.length > 4 && PERSON_VERBS.has(tokens[head + 1]?.norm ?? '');
}

/** Mentions of the patient in a sentence (pt, patient, the setting's word, a pronoun), as pronoun features; possessives ("Pt's wife") included. */
function patientMentions(sentence: Sentence, reader: Reader, possessives = true, skip = -1): { gender?: Gender; plural: boolean }[] {
  const out: { gender?: Gender; plural: boolean }[] = [];
  for (const [i, token] of sentence.tokens.entries()) {
    // The subject read as someone else ("The person on the phone was the patient's son").
    if (i === skip) continue;
    const p = PRONOUNS[token.norm];
    if (p) out.push(p);
    else if (reader.isPatientWord(token.norm) && (possessives || !/['\u2019]s?$/.test(sentence.text.slice(token.start.offset, token.end.offset))))
      out.push({ plural: token.norm === 'pts' || token.norm === 'patients' });
  }
  return out;
}

/**
 * The patient's gender, when the window fixes it: a title ("Mr. X", "Mrs. X"), an age with a sex
 * ("16 yo male", "58 yo F", "45M"), a pronoun right after the patient named in the same clause
 * ("Pt was hiking with his wife"), or a pronoun of one gender in the pronoun's own sentence while
 * no one else of that gender is named ("She insists he is drinking less"). undefined when none, or
 * when the signs disagree.
 */
function patientGender(window: readonly string[], current: string, pronoun: Gender, reader: Reader, text = ''): Gender | undefined {
  const signs = new Set<Gender>();
  // The first given name opening a window sentence, as its subject or the possessor of a relative
  // ("Dolores sat by the window", "Lily, 6, was brought", "Maria's husband was home"), unless the note
  // says it is someone else's (names.ts) or the sentence does (an appositive, a role before it).
  for (const sentence of window) {
    const m = /^(\p{Lu}\p{Ll}+)(['\u2019]s)?\b/u.exec(sentence);
    const name = m ? firstNameGender(m[1]!) : undefined;
    if (name === undefined) continue;
    if (name === 'unknown' || reader.nameIsOther(text, m![1]!)) break;
    const opening = openingSubject({ text: sentence, tokens: tokenize(sentence) }, reader, text);
    if (m![2] === undefined && opening?.reading === 'other') break;
    signs.add(name);
    break;
  }
  const all = [...window, current].join(' ');
  // A titled name opening its sentence is the patient ("Mrs. Ferreira was seen"; not "the interpreter, Mr. Quispe").
  for (const m of all.matchAll(/(?:^|[.!?;]\s+)(Mr|Mrs|Ms|Miss)\.?\s+\p{Lu}/gu)) signs.add(m[1] === 'Mr' ? 'male' : 'female');
  // An age with a sex: "34-year-old woman", "16 yo male", "58 yo F", "45 male", "45M" (not "6 m" of a
  // fall, nor a "2-man assist").
  for (const m of all.matchAll(AGE_SEX)) signs.add(/^(?:f|female|woman|girl|lady)$/i.test(m[1] ?? m[2]!) ? 'female' : 'male');
  for (const m of all.matchAll(AGE_GLUED)) signs.add(m[1] === 'F' ? 'female' : 'male');
  for (const text of window) {
    const tokens = tokenize(text);
    for (let i = 0; i < tokens.length; i++) {
      if (!reader.isPatientWord(tokens[i]!.norm) || /['\u2019]s?$/.test(text.slice(tokens[i]!.start.offset, tokens[i]!.end.offset))) continue;
      for (let j = i + 1; j < tokens.length && j <= i + 8; j++) {
        if (/[,;:.!?]/.test(tokenGap(text, tokens[j - 1]!, tokens[j]!))) break;
        const g = PRONOUNS[tokens[j]!.norm]?.gender;
        if (g) {
          signs.add(g);
          break;
        }
      }
    }
    // A sentence opening with "He"/"She" or "His"/"Her" and a relative or role: the note's patient.
    const first = tokens[0]?.norm ?? '';
    const g = PRONOUNS[first]?.gender;
    if (g && (first === 'he' || first === 'she' || (tokens[1] && (FEMALE.has(tokens[1].norm) || MALE.has(tokens[1].norm) || reader.isRole(tokens[1].norm)))))
      signs.add(g);
  }
  // A pronoun of the other gender in the pronoun's own sentence, when no one of that gender is named.
  const other: Gender = pronoun === 'male' ? 'female' : 'male';
  const currentTokens = tokenize(current);
  if (currentTokens.slice(1).some((t) => PRONOUNS[t.norm]?.gender === other) && !namesGender(window, other)) signs.add(other);
  return signs.size === 1 ? [...signs][0] : undefined;
}

/** Does the window name someone other than the patient of this gender (a relative, a title)? */
function namesGender(window: readonly string[], gender: Gender): boolean {
  const kin = gender === 'female' ? FEMALE : MALE;
  for (const text of window) {
    const tokens = tokenize(text);
    for (let i = 0; i < tokens.length; i++) {
      const w = tokens[i]!.norm;
      if (kin.has(w) && !PATIENT_TITLES.has(w) && !PERSONS.has(w)) return true;
    }
  }
  return false;
}

/**
 * Does the window name someone, not the patient, who may be of this gender and number (a relative, a
 * role, a titled name, a given name of that gender: the patient's gender is the other one)?
 */
function namesSomeoneElse(window: readonly string[], pronoun: { gender?: Gender; plural: boolean }, reader: Reader, document = ''): boolean {
  for (const text of window) {
    const sentence = { text, tokens: tokenize(text) };
    const opening = openingSubject(sentence, reader, document);
    if (opening?.reading === 'other' && agrees(pronoun, opening)) return true;
    if (!pronoun.plural && sentence.tokens.some((_, i) => firstNameGender(written(sentence, i)) === pronoun.gender)) return true;
    for (let i = 0; i < sentence.tokens.length; i++) {
      const w = sentence.tokens[i]!.norm;
      if (!reader.isRole(w) && !FEMALE.has(w) && !MALE.has(w)) continue;
      if (PATIENT_TITLES.has(w) || PERSONS.has(w)) continue;
      if (agrees(pronoun, personOf(sentence, i))) return true;
    }
  }
  return false;
}

/** The object of a verb of asking in the sentence ("asked the activity aide to…"), or -1. */
function askedObject(sentence: Sentence): number {
  const { tokens } = sentence;
  for (let i = 0; i < tokens.length - 1; i++) {
    if (!ASKING.has(tokens[i]!.norm)) continue;
    let j = i + 1;
    while (j < tokens.length && j <= i + 4 && tokens[j]!.norm !== 'to') j++;
    if (tokens[j]?.norm !== 'to' || j === i + 1) return -1;
    // "asked us to see her": the writer asked, not the one who refuses.
    if (['us', 'me', 'we', 'you'].includes(tokens[j - 1]!.norm)) return -1;
    return j - 1;
  }
  return -1;
}

/**
 * Is the pronoun at `head` of `tokens` (a subject opening its clause, a possessive one before the
 * match, or an object whose clause opens at `clauseStart`) someone other than the patient, by the
 * sentences before it? `at` is the match; `text` the document the tokens point into. false when the
 * evidence is weak (the caller keeps its reading).
 */
export function pronounIsOther(text: string, tokens: readonly Token[], head: number, at: number, reader: Reader, clauseStart?: number): boolean {
  const pronoun = PRONOUNS[tokens[head]!.norm];
  if (pronoun === undefined) return false;
  const offset = tokens[head]!.start.offset;
  // An object pronoun ("Security found him hostile") looks back from its clause's start: the
  // clause's own subject is not what it stands for.
  const window = windowBefore(text, clauseStart ?? offset);
  const sentenceEnd = tokens[tokens.length - 1]!.end.offset;
  const current = text.slice(offset, sentenceEnd);
  // 4. "He claims pt fell", "She insists the client be moved": the account names the patient.
  // The patient may be named by the given name that opens a sentence of the window ("Destiny, 13, is in
  // kinship care with her aunt. She was adamant that Destiny not get the shot").
  const named = window.map((w) => /^\p{Lu}\p{Ll}+/u.exec(w)?.[0] ?? '').filter((w) => firstNameGender(w) !== undefined);
  if (/^(?:claim|insist|alleg|adamant)/.test(tokens[at]!.norm) && accountNamesPatient(text, tokens, at, reader, named)) return true;
  if (window.length === 0) return false;
  const last: Sentence = { text: window[window.length - 1]!, tokens: tokenize(window[window.length - 1]!) };
  // 3. The one asked refuses.
  if (/^(?:refus|declin)/.test(tokens[at]!.norm)) {
    const asked = askedObject(last);
    if (asked !== -1) {
      const reading = reader.classify(last.text, last.tokens, asked);
      if (reading === 'other' && agrees(pronoun, personOf(last, asked))) return true;
      if (reading !== 'unknown' || PRONOUNS[last.tokens[asked]!.norm]) return false;
    }
  }
  // 1. The subject before, someone else who agrees, and no mention of the patient there that agrees.
  const opening = openingSubject(last, reader, text);
  // A relative or a titled person of the pronoun's gender is not blocked by the patient's possessive
  // ("Pt's husband came down. He was belligerent"); a role of either gender is, in its own phrase
  // ("Pt's aide arrived"), not elsewhere ("Chaplain visited at pt's request").
  if (
    opening?.reading === 'other' &&
    agrees(pronoun, opening) &&
    !patientMentions(last, reader, false, opening.head).some((m) => agrees(pronoun, m)) &&
    !(opening.gender === undefined && last.tokens.slice(0, opening.head).some((t) => reader.isPatientWord(t.norm)))
  ) {
    // A plural "they" for parents, a family or a guardian stays the parent rule's.
    if (!(pronoun.plural && /^(?:refus|complian|noncomplian|adheren|nonadheren)/.test(tokens[at]!.norm))) return true;
  }
  // "Pt lives with two housemates. They were hostile": a plural "they" and a plural someone else
  // named, when the patient is named in the singular only.
  if (pronoun.plural && !/^(?:refus|complian|noncomplian|adheren|nonadheren)/.test(tokens[at]!.norm) && pluralOther(last, reader)) return true;
  // 2. The patient's pronoun fixed as the other gender, and someone who may be this one named nearby.
  if (pronoun.gender !== undefined) {
    const gender = patientGender(window, current, pronoun.gender, reader, text);
    if (gender !== undefined && gender !== pronoun.gender && namesSomeoneElse(window, pronoun, reader, text)) return true;
    // 5. A relative of the pronoun's gender named first in the sentence before, before the patient.
    if ((tokens[head]!.norm === 'he' || tokens[head]!.norm === 'she') && firstNamedRelative(last, pronoun.gender, reader)) return true;
  }
  return false;
}

// Words between a possessive and a relative ("her ex-husband", "his foster dad", "her late mother").
const KIN_MODIFIERS = new Set('ex step foster late former biological bio birth adoptive own older younger elder oldest youngest'.split(' '));
// How many words of the sentence before are read for a relative named first.
const FIRST_NAMED_WORDS = 12;

/**
 * "Spoke with the patient's mother by phone. She claims…", "Met with Mr. Ortiz's two sons and his
 * ex-wife. She became…", "Arthur's nephew is his power of attorney. He was…": a relative of the
 * pronoun's gender named in the sentence before (within its first words) before any mention of the
 * patient, not the relative of someone of that gender ("Seen with her mother. She…": "her" is the
 * one "she" stands for), and no object pronoun of that gender after it, which would be the patient
 * ("Participant's daughter dropped her off. She…").
 */
function firstNamedRelative(sentence: Sentence, gender: Gender, reader: Reader): boolean {
  const kin = gender === 'female' ? FEMALE : MALE;
  const own = gender === 'female' ? 'her' : 'his';
  const object = gender === 'female' ? 'her' : 'him';
  const { tokens } = sentence;
  for (let k = 0; k < tokens.length && k < FIRST_NAMED_WORDS; k++) {
    const w = tokens[k]!.norm;
    if (kin.has(w) && !PERSONS.has(w) && !PATIENT_TITLES.has(w)) {
      let j = k - 1;
      while (j >= 0 && KIN_MODIFIERS.has(tokens[j]!.norm)) j--;
      if (tokens[j]?.norm === own) return false;
      // An object pronoun of the gender after it: "dropped her off", "drove him home".
      for (let i = k + 1; i < tokens.length; i++) {
        if (tokens[i]!.norm !== object) continue;
        const next = tokens[i + 1];
        if (object === 'him' || next === undefined || VERBISH.has(next.norm) || /^(?:off|up|out|down|back|home|over|in)$/.test(next.norm)) return false;
      }
      return true;
    }
    if (!possessive(sentence, k) && (reader.isPatientWord(w) || w === 'he' || w === 'she')) return false;
  }
  return false;
}

// How many words of the account after the match are read for the patient named in the third person.
const ACCOUNT_WORDS = 8;

/**
 * Does the account after the match at `at` name the patient in the third person, within its clause
 * ("claims pt fell", "adamant that the patient was", "insists the car hit pt")? Its speaker is then
 * someone else. Not the patient's possessive ("insists pt's mother…"): that names someone else.
 */
function accountNamesPatient(text: string, tokens: readonly Token[], at: number, reader: Reader, names: readonly string[] = []): boolean {
  for (let i = at + 1; i < tokens.length && i <= at + ACCOUNT_WORDS; i++) {
    if (/[.;:!?()\n,]/.test(tokenGap(text, tokens[i - 1]!, tokens[i]!))) return false;
    const named = tokens[i]!;
    if (/['\u2019]s?$/.test(text.slice(named.start.offset, named.end.offset))) continue;
    // pt, patient, or the setting's word after "the" ("claims the client was on the floor").
    if (['pt', 'patient'].includes(named.norm) || names.includes(text.slice(named.start.offset, named.end.offset))) return true;
    if (tokens[i - 1]!.norm === 'the' && reader.isPatientWord(named.norm) && !PERSONS.has(named.norm) && named.norm.length > 2) return true;
  }
  return false;
}

/** Does the sentence name a plural someone else ("two housemates", "his friends", "the ushers") and the patient in the singular only? */
function pluralOther(sentence: Sentence, reader: Reader): boolean {
  if (patientMentions(sentence, reader).some((m) => m.plural)) return false;
  for (let i = 0; i < sentence.tokens.length; i++) {
    const w = sentence.tokens[i]!.norm;
    const singular = w.replace(/s$/, '');
    if (singular === w || /(?:ss|us|is)$/.test(w)) continue;
    // A role or a relative ("housemates", "his friends"), or any plural noun after a count ("two caddies").
    const counted = sentence.tokens.slice(Math.max(0, i - 2), i).some((t) => COUNTS.has(t.norm));
    if (!(counted || reader.isRole(w) || reader.isRole(singular) || FEMALE.has(singular) || MALE.has(singular))) continue;
    if (PERSONS.has(singular) || COLLECTIVES.has(w)) continue;
    if (reader.classify(sentence.text, sentence.tokens, i) !== 'patient') return true;
  }
  return false;
}
