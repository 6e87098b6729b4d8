// Whose words a phrase is, and whether it is used or only mentioned.
//
// - Dialogue turns: in a transcript ("Doctor: …" / "Patient: …", "[doctor]" / "[patient]",
//   "Guest_family: …"), the patient's and family's turns are their own words, treated like a
//   quotation (the --quotes policy). The clinician's turns are linted as usual.
// - Reported speech: "she says she is an alcoholic", "he calls himself an addict".
// - Mentions: 'The term "abuse" undermines the disease model' talks about the word.
//
// Each answer is read from the text around the offsets (the line, the lines of the turn above it,
// and for the dialogue test the whole text), never from the parse, so the fast path and the whole
// parse agree. Portable: no Node API.

import { lineAround, lineBoundsOf, lineIndexAt } from '../parse/lines.js';
import { cuedTest, lazyRegExp } from '../core/lazy-regexp.js';
import { INTERVIEWEES, OWN_RELATIVE_WORDS, SPEAKER_KIN } from './people.js';

export type Speaker = 'clinician' | 'patient';

// Speaker labels by role: of visits, transcripts, interviews and hand-offs ("Paramedic:", "[Case
// Manager]", "EMS:"), and an interview's "Q:" (the interviewer) and "A:" (the person answering);
// the person answering by the name an insurer's, a benefits office's, a shelter's or a jail's
// interview gives them ("Applicant:", "Claimant:", "Evacuee:", "Inmate:"): INTERVIEWEES, the patient
// themselves, not a relative (NOT_RELATIVES).
const CLINICIAN = new Set(
  'doctor dr physician clinician provider nurse np pa rn md interviewer therapist counselor counsellor resident attending guest_clinician practitioner gp pharmacist midwife surgeon psychiatrist psychologist social_worker sw medical_student student assistant scribe q paramedic medic emt ems chaplain case_manager cm dietitian dietician nutritionist ot rt respiratory_therapist triage_nurse charge_nurse np_student intern fellow consultant registrar nurse_practitioner physician_assistant doc officer police'.split(
    ' ',
  ),
);
const PATIENT_SIDE = new Set([
  ...'patient pt patient_guest guest_family guest family family_member client participant respondent relative interpreter a pt_family patient_family foster_parent caller'.split(
    ' ',
  ),
  ...SPEAKER_KIN,
  ...INTERVIEWEES,
]);

// A speaker label at the start of a line: "[patient_guest]" or "Guest_family:" / "Pt :" / "Family member:".
const LABEL = /^[ \t]*(?:\[([A-Za-z_ ]{1,30})\]|([A-Za-z][A-Za-z_]*(?:['\u2019]s)?\.?(?: [A-Za-z][A-Za-z_]*)?)[ \t]*:(?!\/\/))/;
const LABEL_LINES = new RegExp(LABEL.source, 'gm');
// A header of a note ("HPI:", "Social history:") ends a turn that runs over several lines.
const HEADER = /^[ \t]*[A-Za-z][A-Za-z /&()-]{0,40}:/;
// How many lines above a phrase the turn's label is looked for.
const TURN_LINES = 30;

// roleOf's answers by label: a dialogue's labels repeat turn after turn ("PATIENT:", "DOCTOR:"),
// and each answer cost a trim, a lower-casing, a replace and up to two regexes. Bounded: cleared
// when full, so an export's stream of distinct labels cannot grow it. null: no role.
const roles = new Map<string, Speaker | null>();
const ROLES_MAX = 4096;

function roleOf(label: string): Speaker | undefined {
  const known = roles.get(label);
  if (known !== undefined) return known ?? undefined;
  const role = roleOfLabel(label);
  if (roles.size >= ROLES_MAX) roles.clear();
  roles.set(label, role ?? null);
  return role;
}

function roleOfLabel(label: string): Speaker | undefined {
  const key = label
    .trim()
    .toLowerCase()
    .replace(/[ \t]+/g, '_');
  if (CLINICIAN.has(key)) return 'clinician';
  if (PATIENT_SIDE.has(key)) return 'patient';
  // Labels written with a name, a title or a possessive: "Dr. Lee" and "DR" (a clinician), "Patient's
  // wife" and "Pt's mother" (a relative: the patient's side), "Nurse Kim". Numbered speakers
  // ("SPEAKER 1") have no role: who they are is not written.
  const possessive = /^(?:patient|pt|client)['\u2019]s_(.+)$/.exec(key);
  if (possessive) return PATIENT_SIDE.has(possessive[1]!) ? 'patient' : undefined;
  const first = key.split('_')[0]!.replace(/\.$/, '');
  if (first !== key && (first === 'dr' || first === 'doctor' || first === 'nurse' || first === 'paramedic')) return 'clinician';
  return undefined;
}

function labelOf(line: string): Speaker | undefined {
  const m = LABEL.exec(line);
  return m ? roleOf(m[1] ?? m[2]!) : undefined;
}

const dialogueCache = { text: undefined as string | undefined, dialogue: false };

/**
 * Is `text` a dialogue: two turns of a clinician and two of a patient or relative at least, or one
 * turn in a transcript's bracketed role tag ("[patient]", "[doctor]")? A note header "Provider: … /
 * Patient: …" has one of each and is no dialogue; a bracketed role tag is transcript markup only,
 * so one excerpt of a transcript (a turn pasted alone) is still read as one.
 */
export function isDialogue(text: string): boolean {
  if (dialogueCache.text === text) {
    dialogueCache.text = text; // adopt this string object (see core/once-per-text.ts recentPerText)
    return dialogueCache.dialogue;
  }
  let clinician = 0;
  let patient = 0;
  let bracketed = false;
  for (const m of text.matchAll(LABEL_LINES)) {
    const role = roleOf(m[1] ?? m[2]!);
    if (role === 'clinician') clinician++;
    else if (role === 'patient') patient++;
    // "[patient]" and "Guest_family:" are transcript markup, never a note's header.
    if (role && (m[1] !== undefined || m[2]!.includes('_'))) bracketed = true;
    if (bracketed || (clinician >= 2 && patient >= 2)) break;
  }
  dialogueCache.text = text;
  dialogueCache.dialogue = bracketed || (clinician >= 2 && patient >= 2);
  return dialogueCache.dialogue;
}

/**
 * Who speaks at `offset`, when `text` is a dialogue: the label of its line, or of the line above
 * that starts the turn (no blank line or note header between). Outside a dialogue, 'patient' for a
 * patient's or relative's labelled turn whose words are speech (first or second person: "Patient:
 * my brother is a heroin addict"); otherwise undefined.
 */
export function speakerAt(text: string, offset: number): Speaker | undefined {
  const dialogue = isDialogue(text);
  // Lines from the line index: searching for the next "\n" from each finding read a one-line note
  // to its end every time (quadratic: 20 MB took 97 s, 70% of it here).
  const here = lineIndexAt(text, offset);
  for (let k = 0; k < TURN_LINES && here - k >= 0; k++) {
    const [lineStart, lineEnd] = lineBoundsOf(text, here - k);
    const line = text.slice(lineStart, lineEnd);
    const role = labelOf(line);
    if (role) {
      if (dialogue) return role;
      // Outside a dialogue (one turn pasted alone, a record of one line) a patient's or relative's
      // label opens a turn only when what follows is speech ("Patient: my brother is a heroin
      // addict"), not a header's value ("Patient: J. Smith", "Mother: alcoholic, deceased").
      const label = LABEL.exec(line)!;
      const words = text.slice(lineStart + label[0].length, lineAround(text, offset)[1]);
      if (role !== 'patient') return undefined;
      // A relative's line that opens with a pronoun subject is a sentence they said ("Mother: He's
      // been refusing his meds"), not a family-history field ("Mother: alcoholic, deceased").
      if (SPEECH().test(words) || (isRelativeLabel(label[1] ?? label[2]!) && TALK_ABOUT_SOMEONE.test(words))) return 'patient';
      return undefined;
    }
    if (line.trim() === '' || HEADER.test(line) || lineStart === 0) return undefined;
  }
  return undefined;
}

// Labels of the patient's side that name the patient themselves (or no one in particular), not a relative.
const NOT_RELATIVES = new Set([
  'patient',
  'pt',
  'client',
  'participant',
  'respondent',
  'a',
  'caller',
  'interpreter',
  'patient_guest',
  'guest',
  // The person interviewed ("Interviewer: … / Applicant: I was a pothead in college").
  ...INTERVIEWEES,
]);

/** Is the label a relative's or a companion's ("Mother", "Patient's wife", "Guest_family")? */
function isRelativeLabel(label: string): boolean {
  const key = label
    .trim()
    .toLowerCase()
    .replace(/[ \t]+/g, '_');
  return roleOf(label) === 'patient' && !NOT_RELATIVES.has(key);
}

// A sentence about someone, as a relative says it: a pronoun subject first.
const TALK_ABOUT_SOMEONE = /^\s*(?:he|she|they|he['\u2019]s|she['\u2019]s|they['\u2019]re|hes|shes)\b/i;

// Words of speech rather than of a note: the first and second person, and talk's fillers.
const SPEECH = lazyRegExp(
  String.raw`(?<![\p{L}\p{N}'\u2019])(?:i|i'm|i\u2019m|im|i've|i\u2019ve|i'd|i\u2019d|i'll|me|my|mine|myself|we|we're|our|us|you|your|you're|yeah|yep|um|uh|hmm|gonna|wanna)(?![\p{L}\p{N}'\u2019])`,
  'iu',
);

// Reported speech before a phrase, in its clause: "she says (that) she is …", "mom states he has
// been …", "he calls himself …". The verb of saying must introduce a clause with its own subject
// (or a reflexive), so "Patient reports heroin abuse" (the clinician's summary) is not one; the
// phrase must follow within a few words and no comma ("she said his father …, and that he
// committed suicide" is the writer's sentence by then).
// Verbs of speech and belief, not the documentation verbs "states", "reports", "admits", "endorses":
// "Patient states she has been clean" is the writer's paraphrase, and the writer chose the word.
const SAYS = String.raw`(?:says?|said|tells?(?:\s+(?:me|us))?|told(?:\s+(?:me|us))?|thinks?|believes?|believed|explains?|explained|insists?|insisted)`;
// Every match holds a verb of SAYS or "sel(f|ves)": without one the regex is not built (cuedTest).
const REPORTED = cuedTest(
  String.raw`(?:\b${SAYS}\s+(?:that\s+)?(?:she|he|they|i|we|the\s+(?:baby|child|toddler|kid|boy|girl))|\b(?:calls?|called|describes?|described|considers?|considered|refers?\s+to|referred\s+to|labels?|labell?ed|sees?|saw|identifies|identified)\s+(?:him|her|them|my|your|our)sel(?:f|ves))(?:\s+[^\s,.;:!?()]+){0,8}\s+$`,
  'i',
  ['say', 'said', 'tell', 'told', 'think', 'believe', 'explain', 'insist', 'sel'],
);
// How far back a clause's verb of saying is looked for (UTF-16 code units).
const REPORT_REACH = 120;

/** Is the phrase at `start` in reported speech ("she says she is …")? */
export function isReportedSpeech(text: string, start: number): boolean {
  const from = Math.max(0, start - REPORT_REACH, lineAround(text, start)[0]);
  return REPORTED(text.slice(from, start));
}

// A mention: the word itself is talked about. "the term 'abuse'", "words like 'addict', 'junkie'",
// '"addict" is a label', "the word addict", "this is commonly referred to as relapse", an old name
// given beside the new one: "intellectual disability (formerly referred to as mental retardation)",
// "(previously called …)", "also known as …".
const QUOTE_OPEN = `["'\u201c\u2018\u00ab\u201e]`;
const QUOTE_CLOSE = `["'\u201d\u2019\u00bb]`;
// Every match holds one of these words: without one, the regex (~10 M instructions to build) is not built.
const MENTION_CUES = ['term', 'word', 'label', 'phrase', 'expression', 'language', 'call', 'named', 'known', 'referred'];
const MENTION_BEFORE = cuedTest(
  String.raw`(?:\b(?:the|a|this|that|such)\s+(?:term|word|label|phrase|expression)s?\s*(?:of\s+|like\s+|such\s+as\s+|as\s+)?${QUOTE_OPEN}?\s*$|\b(?:term|word|label|phrase|expression|language)s?\b[^.;!?\n]{0,60}${QUOTE_OPEN}\s*$|\b(?:terms|words|labels|phrases|language)\s+(?:like|such\s+as)\s+${QUOTE_OPEN}?\s*$|\b(?:called|call(?:ing)?\s+(?:them|him|her|people|patients|someone|a\s+person)|the\s+label)\s+${QUOTE_OPEN}\s*$|\b(?:is|are|was|were|be|been)\s+(?:\w+ly\s+)?(?:also\s+)?(?:called|termed|named|referred\s+to\s+as)\s+${QUOTE_OPEN}?\s*$|\b(?:formerly|previously|once|earlier|historically|traditionally|also|sometimes)\s+(?:been\s+)?(?:called|termed|named|known\s+as|referred\s+to\s+as|labell?ed(?:\s+as)?)\s+${QUOTE_OPEN}?\s*$)`,
  'i',
  MENTION_CUES,
);
const MENTION_AFTER = cuedTest(String.raw`^${QUOTE_CLOSE}?\s*(?:is|are|was|were)\s+(?:a\s+|an\s+|the\s+)?(?:\w+\s+)?(?:term|word|label|phrase)s?\b`, 'i', [
  'term',
  'word',
  'label',
  'phrase',
]);

/** Does the text talk about the phrase [start, end) as a word, rather than use it? */
export function isMention(text: string, start: number, end: number): boolean {
  const from = Math.max(0, start - 80, lineAround(text, start)[0]);
  if (MENTION_BEFORE(text.slice(from, start))) return true;
  return MENTION_AFTER(text.slice(end, Math.min(end + 60, lineAround(text, end)[1])));
}

// A speaker describing themselves: "i refused the flu jab", "I'm an addict", "i have been clean",
// "I used to be a junkie". The pronoun must be the phrase's own subject (only auxiliaries, copulas
// and hedges between), so a clinician's "I discussed his drug abuse" is not one. "type I
// diabetic", "Axis I" and "stage I" are numerals.
const SELF =
  /(?<!\b(?:type|stage|grade|axis|class|phase|level|nerve|part|section|schedule|appendix)\s+)\b(?:i|i'm|i’m|im|i've|i’ve|ive|i'd|i’d)(?:\s+(?:am|was|have|had|been|being|got|get|gotten|became|become|used|use|to|be|kind|sort|of|a|an|still|just|really|never|always|not|so|pretty|very|totally|basically|like|um|uh|mean|guess|think|definitely|probably|also|even|now|almost|nearly|about|over|around|only|\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|few|couple|several|half|and))*\s+$/i;

// A phrase that itself opens with the speaker's "I" ("i'm clean", "im still clean").
const SELF_PHRASE = /^(?:i|i'm|i’m|im|i've|i’ve|ive)\s/i;

/**
 * Does a speaker describe themselves with the phrase at `start` ("I'm an addict", "i refused it",
 * "i've been 6 months clean"), or does the phrase [start, end) open with their "I" ("i'm clean")?
 */
export function isSelfDescription(text: string, start: number, end?: number): boolean {
  if (end !== undefined && SELF_PHRASE.test(text.slice(start, end))) return true;
  const from = Math.max(0, start - 80, lineAround(text, start)[0]);
  return SELF.test(text.slice(from, start));
}

// A dialogue written on one line, each turn after its label: "Dr: how much do you drink? PT: a
// couple beers", "[Social Worker] we can look at shelters [Client] ok". A label inside the line
// starts with a capital and follows white space or the end of a sentence; the line must hold two
// labels of known roles at least (one label alone may be a note's field, "Patient: 45 y/o").
// The lookahead first: the lookbehind is then tried only before "[" or a capital (1.6 times quicker).
const INLINE_LABEL = /(?=[[A-Z])(?<=^|[\s.?!,;])(?:\[([A-Za-z_ ]{1,30})\]|([A-Z][A-Za-z_]*(?:['\u2019]s)?\.?(?: [A-Za-z][A-Za-z_]*)?)[ \t]*:)(?=\s)/g;

// How far either side of a phrase the labels of a one-line dialogue are looked for (UTF-16 code units).
const INLINE_REACH = 1000;

/**
 * Who speaks at `offset` in a dialogue written on one line (two labelled turns or more on the
 * line, within 1,000 code units of `offset`): the role of the last label before `offset`. Undefined
 * when fewer than two labels of known roles are there, or none before `offset`.
 */
export function inlineSpeakerAt(text: string, offset: number): Speaker | undefined {
  // A line of an export can be megabytes long: read the turns within INLINE_REACH of the phrase,
  // so each finding costs a bounded amount of work.
  const [lineStart0, lineEnd0] = lineAround(text, offset);
  const lineStart = Math.max(lineStart0, offset - INLINE_REACH);
  const lineEnd = Math.min(lineEnd0, offset + INLINE_REACH);
  const line = text.slice(lineStart, lineEnd);
  if (!line.includes(':') && !line.includes('[')) return undefined;
  let labels = 0;
  let role: Speaker | undefined;
  for (const m of line.matchAll(INLINE_LABEL)) {
    const r = roleOf(m[1] ?? m[2]!);
    if (!r) continue;
    labels++;
    if (lineStart + m.index < offset) role = r;
  }
  return labels >= 2 ? role : undefined;
}

// A speaker describing a relative: "my husband's an alcoholic", "my son is addicted to pills",
// "my mom was a drunk". Only in the first person and with a relative (not "my patient").
const RELATIVE = OWN_RELATIVE_WORDS.join('|');
const OWN_RELATIVE = cuedTest(
  String.raw`\bmy\s+(?:${RELATIVE})(?:['\u2019]s|\s+is|\s+was|\s+has\s+been|\s+had\s+been|\s+became|\s+got|\s+gets)(?:\s+(?:a|an|always|been|still|just|really|like|kind|sort|of|such|so|totally|basically|never|not))*\s+$`,
  'i',
  ['my'],
);

/** Does a speaker describe their own relative with the phrase at `start` ("my husband's an alcoholic")? */
export function isRelativeDescription(text: string, start: number): boolean {
  const from = Math.max(0, start - 80, lineAround(text, start)[0]);
  return OWN_RELATIVE(text.slice(from, start));
}

// Speech reported without a verb of saying, as people talk: "he's like you're a drunk", "and she
// goes you're just a junkie", "he called me a drunk". The quoted clause starts with a pronoun
// after "like" or "goes"; an insult is reported with "called me (a)".
// Every match holds "like", "goes", "went", "call" or "you": without one the regex (~30 M
// instructions to build: the five optional words after the cue) is not built.
const QUOTATIVE = cuedTest(
  String.raw`(?:\b(?:he|she|they|i|we|you|mom|dad)(?:['\u2019]s|['\u2019]m|\s+is|\s+was|\s+were|\s+am|\s+are|\s+goes|\s+went|\s+was\s+all|\s+is\s+all)?\s+like\s+(?:you['\u2019]re|youre|you\s+are|you|ur|i['\u2019]m|im|he['\u2019]s|she['\u2019]s|this)\b|\b(?:he|she|they|mom|dad)\s+(?:goes|went)\s+(?:you['\u2019]re|youre|you)\b|\b(?:calls?|called|calling)\s+(?:me|him|her|us|them|you)\b|\byou\s+(?:said|say|told\s+(?:me|us)|mentioned)\s+(?:that\s+)?(?:you|your\s+\w+)\b)(?:\s+[^\s,.;:!?()]+){0,5}\s+$`,
  'i',
  ['like', 'goes', 'went', 'call', 'you'],
);

/** Is the phrase at `start` in speech reported as people talk ("he's like you're a drunk", "called me a junkie")? */
export function isQuotativeSpeech(text: string, start: number): boolean {
  const from = Math.max(0, start - REPORT_REACH, lineAround(text, start)[0]);
  return QUOTATIVE(text.slice(from, start));
}

// A list of mentioned words: "labels such as addict, junkie or alcoholic", "words like 'clean',
// 'dirty' and 'abuser'". isMention sees the cue before the first item; this sees it before a later
// one, across the items before it (a word or two each, quoted or not).
const LIST_ITEM = String.raw`${QUOTE_OPEN}?[\p{L}'\u2019-]+(?:\s+[\p{L}'\u2019-]+)?${QUOTE_CLOSE}?`;
const MENTION_LIST = cuedTest(
  String.raw`\b(?:terms|words|labels|phrases|language|slurs|descriptors|expressions)\s+(?:like|such\s+as|including|e\.g\.,?|as)\s+(?:${LIST_ITEM}\s*(?:,\s*(?:or\s+|and\s+)?|\s+or\s+|\s+and\s+)){1,6}${QUOTE_OPEN}?$`,
  'iu',
  ['term', 'word', 'label', 'phrase', 'language', 'slur', 'descriptor', 'expression'],
);

/** Is the phrase at `start` a later item of a list of mentioned words ("labels such as addict, junkie or alcoholic")? */
export function isListedMention(text: string, start: number): boolean {
  const from = Math.max(0, start - 160, lineAround(text, start)[0]);
  return MENTION_LIST(text.slice(from, start));
}
