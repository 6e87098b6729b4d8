// Who a behaviour or credibility word is about: the subject of the verb ("Mother refuses to
// leave", "Pt's husband claims…") or the noun a predicate adjective describes ("her son is
// hysterical", "the husband, who was belligerent, …"). The guideline reports behaviour and
// credibility labels only about the patient; terminology labels are reported whoever they describe,
// so only rules that say so (a `subject` condition) ask.
//
// No parser gives clauses here (retext has words, punctuation and sentences), so the subject is
// read from the words before the match within its clause: auxiliaries, copulas, modals, adverbs
// and negation are passed over; the first noun phrase met is the subject, unless it is the object
// of a preposition ("yelled at her mother and refused…", "mother of the patient") or, across an
// "and", the object of an earlier verb; a relative pronoun ("the husband, who was…") points to the
// noun before it. Measured instead of adding a parser: a dependency parser (wink-nlp, compromise)
// costs megabytes and milliseconds per sentence, and this reads at most 16 tokens per candidate.
import { maskPlaceholders } from '../parse/placeholders.js';
import { spacedApart, type Token, tokenGap } from '../parse/tokens.js';
import { KIN_LISTED, RELATIVE_WORDS } from './people.js';
import { childIsPatient } from './child-patient.js';

// Words between a subject and its predicate that are not the subject.
const PASS_OVER = new Set(
  "is are was were be been being am has have had having do does did will would shall should can could may might must also again still then now just very so too often increasingly repeatedly frequently initially later today tonight overnight yesterday not never n't became become becomes becoming got get gets getting grew grow grows growing seemed seem seems appeared appear appears remained remain remains stayed stays acting acts acted started starts began begins continued continues continue keeps kept kinda quite extremely rather somewhat more less".split(
    ' ',
  ),
);
// Passive verbs of judging, passed over after a form of "be" only ("Nurse found him combative":
// "found" there is the nurse's verb, and "Nurse" is no subject of "combative").
const JUDGED = new Set(['found', 'deemed', 'considered', 'judged', 'declared']);
const BE = new Set(['is', 'are', 'was', 'were', 'be', 'been', 'being']);
// Words in -ly that are nouns, not adverbs.
const NOT_ADVERBS = new Set(['family', 'ally', 'bully', 'assembly', 'supply', 'belly']);
// The patient, or a pronoun that stands for them in a note about them.
const PATIENT = new Set('pt pts patient patients he she him client clients resident'.split(' '));
// What may stand before a noun within its phrase: articles, possessives, numbers of an age.
const DETERMINERS = new Set(
  'the a an his her their my your our its this that these those pt patient year years yr yo y old month months day days week weeks'.split(' '),
);
const PREPOSITIONS = new Set(
  'at with to toward towards for from of by about on in per via than like against around near after before over under into onto upon between among beside besides behind'.split(
    ' ',
  ),
);
// A child named with the definite article ("The child became agitated after the second shot", "this
// toddler kicked the nurse") is the patient of a paediatric note; someone's child ("her child",
// "Pt's toddler") or a child ("a child in the waiting room") is someone else, and so is a bare "Child"
// unless the note is about a child. Not a baby, an infant or a newborn: in a mother's chart "the baby" is her baby, and a
// baby "refusing the bottle" is a feeding symptom. Not "the boy"/"the girl", who in an adult's note
// is as often someone at the desk. A child's refusal of a food stays a feeding symptom
// (compliance/refused, child-patient.ts). definiteChild is shared with described.ts.
const CHILD_NOUNS = new Set('child kid toddler preschooler youngster'.split(' '));
const DEFINITE = new Set(['the', 'this']);

/** Is the word at `at` a past participle with "by" after it, spaces only between ("refused by")? Its agent follows. */
export function passiveWithAgent(text: string, tokens: readonly Token[], at: number): boolean {
  const by = tokens[at + 1];
  return by?.norm === 'by' && /ed$/.test(tokens[at]!.norm) && spacedApart(text, tokens[at]!, by);
}

/** Is the noun at `head` a child named with "the"/"this" and nothing else before it ("the child", "this toddler")? */
export function definiteChild(text: string, tokens: readonly Token[], head: number): boolean {
  if (!CHILD_NOUNS.has(tokens[head]!.norm)) return false;
  const start = phraseStart(text, tokens, head);
  if (start === head - 1 && DEFINITE.has(tokens[start]!.norm)) return true;
  // A bare "Child" opening its clause in a note whose patient is a child ("8 yo M. … ; child refuses
  // blood draws": retired sets' kind) is the patient too.
  return start === head && (head === 0 || /[.;:\n]/.test(tokenGap(text, tokens[head - 1]!, tokens[head]!))) && childIsPatient(text);
}
// Words that take their noun after "of": "the rest of my family", "one of her sons".
// And "next" of "next of kin" ("Next of kin refused organ donation": the kin's).
const QUANTITIES = new Set(
  'rest all some most none both one two three many several few each any either neither part half majority members member next'.split(' '),
);
const CONJUNCTIONS = new Set(['and', 'or', 'but', '&', 'nor']);
const PRONOUN_SUBJECTS = new Set(['he', 'she', 'they']);
const RELATIVES = new Set(['who', 'which', 'whom']);
// Words that start a clause of their own: the subject is not looked for before them.
const SUBORDINATORS = new Set('if when whenever while because since although though unless until after as where once whether'.split(' '));
// Marks that end a clause (a comma is handled apart: a relative clause may follow one).
const CLAUSE_MARK = /[.;:!?()[\]{}\n\u2014]|\s-\s/;
// How many tokens back the subject is looked for.
const REACH = 16;

/** Does the token end in an apostrophe or apostrophe-s ("pt's", "parents'")? */
export const possessive = (text: string, token: Token) => /['\u2019]s?$/.test(text.slice(token.start.offset, token.end.offset));

/**
 * The index of the head token of the subject of the word at token `at` of `tokens`, or undefined
 * when none is found in its clause (then the word is read as being about the patient: "Refused
 * lunch."). `isOther` says whether a head word names someone other than the patient; it is used
 * to tell a subject ("Wife and daughter refused") from the object of an earlier verb across an
 * "and" ("Pt hit his wife and refused…").
 */
export function subjectIndex(text: string, tokens: readonly Token[], at: number): number | undefined {
  let crossedConjunction = false;
  // The head of the last phrase passed over as the object of "of": "the rest of my family refuses"
  // is the family's refusal when the word before "of" is a quantity.
  let ofObject: number | undefined;
  // A relative pronoun was passed: the next noun is its antecedent, whatever stands before it
  // ("spoke with the son, who was hostile").
  let antecedent = false;
  // Only words passed over so far (no noun, no conjunction): an appositive may still stand between
  // the match and its subject ("Her brother, an IV drug user, refused").
  let bare = true;
  // The comma before an appositive, which the walk crosses.
  let appositiveComma = -1;
  // The object of a preposition was passed over ("… used for e-consent refused").
  let objectPassed = false;
  // A comma-set participle, phrase or adjective was crossed ("Wife, sitting at bedside, insisted"):
  // the word reached must be able to name someone, not a telegraphic list's adjective ("Restless,
  // diaphoretic, combative", "Exam limited, agitated, pulled at lines").
  let interrupted = false;
  // "Mother (pt's) insists": a parenthesis holding only an owner qualifies the noun before it,
  // whose opening bracket the walk then crosses once.
  let ownerParenthesis = false;
  // A bracketed quotation was crossed ("Wife refuses the bed ("he'd hate that") and insists"): the
  // walk goes on before its opening bracket.
  let quotationCrossed = false;
  for (let i = at - 1, steps = 0; i >= 0 && steps < REACH; i--, steps++) {
    const here = tokens[i + 1]!;
    const token = tokens[i]!;
    const between = tokenGap(text, token, here);
    const opening = steps === 0 ? -1 : quotationOpening(text, tokens, i, between);
    if (opening !== -1) {
      quotationCrossed = true;
      i = opening;
      continue;
    }
    if (quotationCrossed) {
      quotationCrossed = false;
      if (!/^[ \t]*\([ \t]*["\u201c'\u2018]$/.test(between)) return undefined;
    } else if (
      // "HIMS sponsor (insisted on weekly calls)": a verb opening a parenthesis says something of the
      // noun before the bracket, the walk's subject.
      steps === 0 &&
      /^[ \t]*\($/.test(between) &&
      (VERB_FORM.test(tokens[at]!.norm) || /ed$/.test(tokens[at]!.norm)) &&
      /^\p{L}/u.test(token.norm)
    ) {
      // (the gap is crossed; the token before the bracket is read below)
    } else if (ownerParenthesis) {
      ownerParenthesis = false;
      if (!/^[ \t]*\($/.test(between)) return undefined;
    } else if (
      steps === 0 &&
      /^[ \t]*\)[ \t]*$/.test(between) &&
      possessive(text, token) &&
      i > 0 &&
      /^[ \t]*\($/.test(tokenGap(text, tokens[i - 1]!, token))
    ) {
      ownerParenthesis = true;
      continue;
    } else if (
      // "Caller (the patient's husband) refused": a parenthesis closing right before the match holds
      // an appositive naming the subject; its words are read, and its opening ends the walk. "Dad -
      // hostile w/ staff": a short noun phrase opening its line or sentence, then a dash, is the
      // subject of the telegraphic predicate after the dash.
      CLAUSE_MARK.test(between) &&
      !(steps === 0 && /^[ \t]*\)[ \t]*$/.test(between) && parentheticalAppositive(text, tokens, i)) &&
      !(bare && !objectPassed && DASH.test(between) && dashedSubject(text, tokens, i))
    )
      return undefined;
    if (between.includes(',') && i !== appositiveComma) {
      // "the husband, who was belligerent": the relative pronoun's noun stands before the comma.
      if (RELATIVES.has(here.norm)) antecedent = true;
      else {
        const before = bare ? appositiveStart(text, tokens, i) : -1;
        // "Dad on the line, hysterical, says", "Son dropping her off, hostile, said": an adjective set
        // off by commas, with the verb of the same subject after it, describes the phrase that opens
        // the sentence (up to its first comma); the walk reads that phrase as the subject. Not without
        // the verb after ("Wife at bedside, agitated": who is agitated is not said).
        if (before === -1 && bare && openingPhrase(text, tokens, i) && verbAfterComma(text, tokens, at)) {
          // "22M GSW R leg, combative, smelled of smoke": a phrase opened by an age and sex is the
          // patient's, whatever noun (a wound, a limb) ends it (the nine retired sets' kind).
          const first = phraseOpening(text, tokens, i);
          if (first !== -1 && AGE_SEX.test(tokens[first]!.norm)) return first;
          interrupted = true;
          appositiveComma = i;
          i++;
          continue;
        }
        if (before === -1) {
          // "Wife at bedside all evening, insisting on a new room", "Husband says she sleeps more,
          // insists on a visit": a verb or a participle right after a comma, with no subject of its
          // own, shares the subject of the sentence, when a relative opens it (retired sets' kind).
          if (steps === 0 && verbWithOwnSubjectGone(text, tokens, at)) {
            const opener = relativeOpener(text, tokens, i, at);
            if (opener !== undefined) return opener;
          }
          return undefined;
        }
        // Walk on from the noun before the appositive. Before a participle, a phrase or an adjective,
        // only a noun phrase opening its sentence ("Her coach, watching the session, insisted"; not
        // "Per ED report, on arrival, combative", "Later that day, in the hall, agitated").
        if (!classicAppositive(text, tokens, before + 1, i)) {
          if (!openingPhrase(text, tokens, before)) return undefined;
          interrupted = true;
        }
        appositiveComma = before;
        i = before + 1;
        continue;
      }
    }
    const word = token.norm;
    if (RELATIVES.has(word)) {
      antecedent = true;
      continue;
    }
    if (antecedent && !PASS_OVER.has(word) && !DETERMINERS.has(word)) return i;
    if (PASS_OVER.has(word) || (/ly$/.test(word) && word.length > 4 && !NOT_ADVERBS.has(word))) continue;
    // A passive verb of judging after a form of "be" ("the facility was found noncompliant", "he
    // was deemed combative"): its subject stands before the "be".
    if (JUDGED.has(word) && BE.has(tokens[i - 1]?.norm ?? '')) continue;
    if (CONJUNCTIONS.has(word) && !operatingRoom(text, tokens, i)) {
      crossedConjunction = true;
      bare = false;
      continue;
    }
    if (SUBORDINATORS.has(word)) return undefined;
    if (PREPOSITIONS.has(word)) continue;
    // A participle opening a reduced relative clause ("The tablet used for e-consent refused", "the
    // pump attached to the pole refused"): the noun before it is the subject. Only once the object
    // of its preposition was passed ("Security called for combative behavior": "called" is the verb).
    if (
      objectPassed &&
      /ed$/.test(word) &&
      (PREPOSITIONS.has(tokens[i + 1]?.norm ?? '') || PARTICLES.has(tokens[i + 1]?.norm ?? '')) &&
      i > 0 &&
      !CLAUSE_MARK.test(tokenGap(text, tokens[i - 1]!, token)) &&
      !tokenGap(text, tokens[i - 1]!, token).includes(',') &&
      !PASS_OVER.has(tokens[i - 1]!.norm) &&
      !PREPOSITIONS.has(tokens[i - 1]!.norm) &&
      !CONJUNCTIONS.has(tokens[i - 1]!.norm)
    )
      continue;
    if (PATIENT.has(word) && !possessive(text, token)) {
      // "mother of the patient", "yelled at him": the patient as an object.
      if (objectOfPreposition(text, tokens, i)) continue;
      // "The daughter helping him change…": "him" as the object of a participle after the subject.
      if (OBJECT_PRONOUNS.has(word)) {
        const participle = participleBefore(text, tokens, i);
        if (participle !== -1) {
          i = participle;
          continue;
        }
      }
      return i;
    }
    // "Mother's refusal", "patient's refusal": the owner of a noun is its subject.
    if (possessive(text, token)) return i;
    // "calls her \"difficult\"", "the old note called her 'hysterical'": "her" right before a quoted
    // label is its object, not the determiner of a noun (the nine retired sets' kind; "him" was read).
    if (word === 'her' && steps === 0 && /^[ \t]*["\u201c'\u2018][ \t]*$/.test(between)) return i;
    // "The team note calls her a liar and manipulative": "her" right after a verb of calling or
    // finding is its object, the one the predicate describes (a relative after "her" is read first).
    if (word === 'her' && i > 0 && OBJECT_VERBS.has(tokens[i - 1]!.norm) && spacedApart(text, tokens[i - 1]!, token)) return i;
    // An article or a possessive pronoun left over from a phrase passed over ("at her mother").
    if (DETERMINERS.has(word)) continue;
    // A number after the object of a preposition names which one ("Visitor in room 12 was
    // combative", "the man in bed 4"): it is part of that object, not the subject.
    if (
      /^\d+$/.test(word) &&
      i > 0 &&
      spacedApart(text, tokens[i - 1]!, token) &&
      !PREPOSITIONS.has(tokens[i - 1]!.norm) &&
      objectOfPreposition(text, tokens, i - 1)
    ) {
      objectPassed = true;
      continue;
    }
    // "Partner #2 refused", "Contact #3 insists": a number after "#" names which one of the noun before it.
    if (/^\d+$/.test(word) && i > 0 && /^[ \t]*#$/.test(tokenGap(text, tokens[i - 1]!, token))) continue;
    // A noun: the first word that is none of the above.
    bare = false;
    if (objectOfPreposition(text, tokens, i)) {
      objectPassed = true;
      if (tokens[phraseStart(text, tokens, i) - 1]?.norm === 'of') ofObject = i;
      continue;
    }
    // "Nurse notes applicant was quiet and uncooperative": a noun after a verb of saying and right
    // before a form of "be" is the subject of the reported clause, not the verb's object (blind probe
    // 11: the walk passed it over and read the reporter, "Nurse", as who was uncooperative).
    if (crossedConjunction && objectOfVerb(text, tokens, i) && !reportedSubject(text, tokens, i)) continue;
    // "he screams and refuses the drops": across "and", a verb right after a pronoun subject is the
    // first verb, not a noun; its subject is the pronoun (retired sets' kind).
    if (crossedConjunction && i > 0 && PRONOUN_SUBJECTS.has(tokens[i - 1]!.norm) && spacedApart(text, tokens[i - 1]!, token) && /(?:[^su]s|ed)$/.test(word))
      continue;
    // "The courier waiting in the lobby refused", "The granddaughter filming the exam refused": a
    // phrase opened by an -ing participle right after a noun qualifies that noun, which is the
    // subject; the participle and its object are passed over.
    const participle = participleBefore(text, tokens, i);
    if (participle !== -1) {
      i = participle;
      continue;
    }
    if (ofObject !== undefined && QUANTITIES.has(word) && tokens[i + 1]?.norm === 'of') return ofObject;
    if (interrupted && !opensSentence(text, tokens, i)) return undefined;
    return titled(text, tokens, i);
  }
  return undefined;
}

/**
 * Is the noun at `head` the antecedent of "who" or "whom" right after it, with the match at `at`
 * inside that relative clause (no comma or clause mark between: "her daughter, who insisted", not
 * "Pt and his wife, who insisted on the TV, refused")?
 */
export function antecedentOfRelative(text: string, tokens: readonly Token[], head: number, at: number): boolean {
  if (head + 1 >= at || (tokens[head + 1]!.norm !== 'who' && tokens[head + 1]!.norm !== 'whom')) return false;
  for (let k = head + 2; k <= at; k++) if (/[,.;:!?()\n]/.test(tokenGap(text, tokens[k - 1]!, tokens[k]!))) return false;
  return true;
}

/**
 * When `between` (the gap after `tokens[i]`) closes a bracketed quotation (a quotation mark, then
 * ")"), the index of its first word, whose gap before holds the opening bracket and quotation mark;
 * -1 otherwise. Up to QUOTATION_WORDS words, no sentence end inside.
 */
function quotationOpening(text: string, tokens: readonly Token[], i: number, between: string): number {
  if (!/^["\u201d'\u2019][ \t]*\)[ \t]*$/.test(between)) return -1;
  for (let k = i; k > 0 && i - k < QUOTATION_WORDS; k--) {
    const gap = tokenGap(text, tokens[k - 1]!, tokens[k]!);
    if (/\([ \t]*["\u201c'\u2018]$/.test(gap)) return k;
    if (/[()\n]/.test(gap)) return -1;
  }
  return -1;
}
// How many words a bracketed quotation crossed may hold.
const QUOTATION_WORDS = 12;

/**
 * Is the token at `i` the operating room, "OR" in capitals after a determiner ("The OR refused the
 * tray", "our OR") or opening its sentence before a word in lower case ("OR refused the set"), not
 * the conjunction (an all-caps line's "REFUSED OR DECLINED")?
 */
export function operatingRoom(text: string, tokens: readonly Token[], i: number): boolean {
  const token = tokens[i]!;
  if (token.norm !== 'or' || text.slice(token.start.offset, token.end.offset) !== 'OR') return false;
  const before = tokens[i - 1];
  if (before !== undefined && !CLAUSE_MARK.test(tokenGap(text, before, token)))
    return ['the', 'our', 'their', 'this', 'main'].includes(before.norm) && spacedApart(text, before, token);
  const next = tokens[i + 1];
  return next !== undefined && /^\p{Ll}/u.test(text.slice(next.start.offset, next.end.offset));
}

// Titles of a clinician before a name ("Dr. Osei insists on a repeat echo"): the title is the
// subject's head word, so a rule's list of other people can name it ("dr").
const TITLES = new Set(['dr', 'drs', 'prof']);

/**
 * `head`, or the index of a clinician's title just before it when `head` is a capitalised name, or
 * of the relative of an in-law compound ("Sister-in-law claims": "sister", not "law").
 */
function titled(text: string, tokens: readonly Token[], head: number): number {
  if (
    tokens[head]!.norm === 'law' &&
    head >= 2 &&
    tokens[head - 1]!.norm === 'in' &&
    /^[-\u2010\u2011]$/.test(tokenGap(text, tokens[head - 1]!, tokens[head]!)) &&
    /^[-\u2010\u2011]$/.test(tokenGap(text, tokens[head - 2]!, tokens[head - 1]!))
  )
    return head - 2;
  const title = tokens[head - 1];
  if (title === undefined || !TITLES.has(title.norm) || !/^\p{Lu}/u.test(text.slice(tokens[head]!.start.offset))) return head;
  return /^\.?[ \t]+$/.test(tokenGap(text, title, tokens[head]!)) ? head - 1 : head;
}

// A dash between spaces, as a telegraphic note writes "Dad - hostile w/ staff".
const DASH = /^[ \t]+[-\u2013][ \t]+$/;
// How many words the noun phrase before such a dash may have ("Dad", "Pt's mother", "Night RN").
const DASHED_WORDS = 3;

/**
 * Is `tokens[last]` the end of a short noun phrase that opens its sentence or line (up to three
 * words, no verb, preposition or conjunction among them: "Dad", "Pt's mother", "Deputy"), so that
 * the dash after it introduces what is said about it ("Dad - hostile w/ staff", "Mom - agitated,
 * yelling")? Not a phrase with a place or an act ("Wife at bedside - agitated": who is agitated is
 * not said).
 */
function dashedSubject(text: string, tokens: readonly Token[], last: number): boolean {
  let hyphens = 0;
  for (let j = last; j >= 0 && last - j - hyphens < DASHED_WORDS; j--) {
    const word = tokens[j]!.norm;
    if (PASS_OVER.has(word) || PREPOSITIONS.has(word) || CONJUNCTIONS.has(word) || SUBORDINATORS.has(word) || RELATIVES.has(word)) return false;
    if (j === 0) return true;
    const before = tokenGap(text, tokens[j - 1]!, tokens[j]!);
    if (/[.;:!?\n]/.test(before)) return true;
    // A hyphenated word is one word ("Co-facilitator - hostile").
    if (/^[-\u2010\u2011]$/.test(before)) {
      hyphens++;
      continue;
    }
    if (!/^[ \t]+$/.test(before)) return false;
  }
  return false;
}

// How many tokens an appositive may have ("an IV drug user", "a 45 year old roofer").
const APPOSITIVE_WORDS = 8;

/**
 * The match is right after a comma ending `tokens[last]`: when the words before it back to an
 * earlier comma are an appositive or a relative clause (they start with an article, an age or a
 * relative pronoun: "Her brother, an IV drug user, refused", "Sibling, age 6, was combative",
 * "Son, who is his HCP, refused"), the index of
 * the token before that earlier comma; otherwise -1.
 */
function appositiveStart(text: string, tokens: readonly Token[], last: number): number {
  for (let j = last; j > 0 && last - j < APPOSITIVE_WORDS; j--) {
    const between = tokenGap(text, tokens[j - 1]!, tokens[j]!);
    if (CLAUSE_MARK.test(between)) return -1;
    // An age is an appositive too ("Sibling, age 6, was combative", "Pt, 45 y/o, refused"), and so
    // is a possessive phrase ("The witness, pt's sister, insisted", "Caller, her husband, insists").
    if (between.includes(','))
      return ['a', 'an', 'the', 'age', 'aged', 'his', 'her', 'their'].includes(tokens[j]!.norm) ||
        (possessive(text, tokens[j]!) && j < last) ||
        /^\d/.test(tokens[j]!.norm) ||
        RELATIVES.has(tokens[j]!.norm) ||
        interrupterOpener(tokens, j, last)
        ? j - 1
        : -1;
  }
  return -1;
}

// Words in -ing that are nouns or prepositions, not participles ("Pt's sibling", "the morning RN",
// "a call regarding the refill").
const ING_NOT_PARTICIPLES = new Set(
  'sibling siblings offspring darling king thing things something nothing anything everything string ring spring swing sling wing building ceiling morning evening nursing setting clothing bedding dressing dressings feeding feedings hearing meeting wedding seating housing tubing padding ending beginning reading finding findings training screening testing imaging coding staffing lodging during regarding concerning including following pending according excluding considering'.split(
    ' ',
  ),
);
// Particles after a participle ("dropped off by her son").
const PARTICLES = new Set(['off', 'out', 'up', 'down', 'back', 'along', 'away', 'over', 'in']);
// The patient's pronouns in the object case, which a participle may take ("helping him change").
const OBJECT_PRONOUNS = new Set(['him']);
// Past participles not in -ed that open a phrase set off by commas ("Pt, seen today without the boot,").
const IRREGULAR_PARTICIPLES = new Set(
  'seen driven sent left told brought taken given held known kept caught shown put found sat stuck woken awoken shaken torn worn beaten bitten hidden'.split(
    ' ',
  ),
);
// How far back from a noun its participle may stand ("filming the exam on her phone").
const PARTICIPLE_REACH = 7;

/** Is the word at `j` an -ing participle (not a noun or a preposition in -ing)? */
const ingParticiple = (word: string) => /ing$/.test(word) && word.length > 4 && !ING_NOT_PARTICIPLES.has(word);

/** Could the word at `j` head a noun phrase before a participle (not a function word, not a possessive)? */
function nounBefore(text: string, tokens: readonly Token[], j: number): boolean {
  const word = tokens[j]!.norm;
  if (PASS_OVER.has(word) || PREPOSITIONS.has(word) || CONJUNCTIONS.has(word) || SUBORDINATORS.has(word) || RELATIVES.has(word)) return false;
  if (DETERMINERS.has(word) && !PATIENT.has(word)) return false;
  if (possessive(text, tokens[j]!) || /ly$/.test(word) || ingParticiple(word)) return false;
  return true;
}

/**
 * The index of an -ing participle opening the phrase that holds the word at `i`, right after a noun
 * with only spaces between ("The courier waiting in the lobby", "Pt changing his own dressings",
 * "the daughter helping him change into scrubs"), or -1. The words between the participle and `i`
 * may be no verb of the clause, conjunction or clause mark.
 */
function participleBefore(text: string, tokens: readonly Token[], i: number): number {
  for (let j = i; j > 0 && i - j < PARTICIPLE_REACH; j--) {
    if (j < i && !spacedApart(text, tokens[j]!, tokens[j + 1]!)) return -1;
    const word = tokens[j]!.norm;
    if (ingParticiple(word)) {
      return spacedApart(text, tokens[j - 1]!, tokens[j]!) && nounBefore(text, tokens, j - 1) ? j : -1;
    }
    if (j < i && (PASS_OVER.has(word) || CONJUNCTIONS.has(word) || SUBORDINATORS.has(word) || RELATIVES.has(word))) return -1;
  }
  return -1;
}

/**
 * Does the phrase set off by commas from `first` to `last` open as a participle, a prepositional
 * phrase or an adverb ("Wife, sitting at bedside,", "Son, reached by phone,", "Her coach, having
 * driven four hours,", "Wife, in the lobby,", "Son, visibly upset,"); not an adjective with its
 * complement ("upset about the plan": measured, it read a patient's sentence as someone else's),
 * or is it one word ("Daughter, tearful,")? Then it qualifies the noun before it.
 */
function interrupterOpener(tokens: readonly Token[], first: number, last: number): boolean {
  const word = tokens[first]!.norm;
  if (PATIENT.has(word) || CONJUNCTIONS.has(word) || SUBORDINATORS.has(word)) return false;
  if (first === last) return /^\p{L}/u.test(word);
  if (ingParticiple(word) || /ed$/.test(word) || IRREGULAR_PARTICIPLES.has(word) || PREPOSITIONS.has(word)) return true;
  return /ly$/.test(word) && word.length > 4 && !NOT_ADVERBS.has(word);
}

// Endings of adjectives and participles, which a telegraphic note lists between commas.
const ADJECTIVE_LIKE = /(?:less|ful|ous|ic|ive|able|ible|ed|al)$/;
const ADJECTIVE_LIKE_NOUNS = new Set('relative relatives individual individuals official officials principal professional medic medics spouse'.split(' '));

// Past tenses a telegraphic note opens a subjectless clause with ("Woke at 3 am, confused, insisted…").
const PAST_TENSES = new Set('woke spoke met came went got sat fell ate slept ran said told saw took gave made arrived'.split(' '));

/** Is the word an adjective or a verb form ("Restless", "Seen", "Woke", "Resting"), which no subject noun is? */
const verbOrAdjective = (word: string) =>
  (ADJECTIVE_LIKE.test(word) && !ADJECTIVE_LIKE_NOUNS.has(word)) ||
  IRREGULAR_PARTICIPLES.has(word) ||
  PAST_TENSES.has(word) ||
  FINITE.has(word) ||
  ingParticiple(word);

/**
 * Is the word at `head` a noun whose phrase opens its sentence or line, with only determiners,
 * possessives and other nouns before it ("Wife", "Her husband", "The chamber operator"), and no
 * verb form or adjective ("Called wife", "Seen at bedside", "Restless")?
 */
function opensSentence(text: string, tokens: readonly Token[], head: number): boolean {
  for (let j = head; j >= 0 && head - j < OPENING_WORDS; j--) {
    const word = tokens[j]!.norm;
    if (j === head ? verbOrAdjective(word) : !DETERMINERS.has(word) && !possessive(text, tokens[j]!) && (verbOrAdjective(word) || !nounBefore(text, tokens, j)))
      return false;
    if (j === 0 || /[.;:!?\n]/.test(tokenGap(text, tokens[j - 1]!, tokens[j]!))) return true;
    if (!spacedApart(text, tokens[j - 1]!, tokens[j]!)) return false;
  }
  return false;
}

/** Does the phrase between commas from `first` open as the appositives read before ("an IV drug user", "age 6", "who is his HCP")? */
function classicAppositive(text: string, tokens: readonly Token[], first: number, last: number): boolean {
  const word = tokens[first]?.norm ?? '';
  return (
    ['a', 'an', 'the', 'age', 'aged', 'his', 'her', 'their'].includes(word) ||
    (possessive(text, tokens[first]!) && first < last) ||
    /^\d/.test(word) ||
    RELATIVES.has(word)
  );
}

// A finite verb's or an -ing participle's form: "insists", "insisting", "refuses", "claims". Not a
// past participle, which after a comma is as often an adjective whose owner is not said ("Wife at
// bedside, agitated"), nor an adjective in -ous.
const VERB_FORM = /(?:ing|[^su]s)$/;
// How many words the sentence may hold before the comma.
const OPENER_REACH = 14;

/**
 * Is the word at `at` a finite verb or an -ing participle ("insists", "insisting"), or a past form
 * with its object after it ("refused testing")? A past form alone or before a preposition is as often
 * an adjective ("Wife at bedside, agitated", "agitated with staff").
 */
function verbWithOwnSubjectGone(text: string, tokens: readonly Token[], at: number): boolean {
  const word = tokens[at]!.norm;
  // Past forms that are never adjectives, before a preposition too ("…, insisted on a second opinion").
  if (VERB_FORM.test(word) || NEVER_ADJECTIVES.has(word)) return true;
  const next = tokens[at + 1];
  return (
    /ed$/.test(word) &&
    next !== undefined &&
    spacedApart(text, tokens[at]!, next) &&
    !PREPOSITIONS.has(next.norm) &&
    !CONJUNCTIONS.has(next.norm) &&
    !PASS_OVER.has(next.norm)
  );
}

// Past forms of verbs of account that are never adjectives.
const NEVER_ADJECTIVES = new Set(['insisted', 'claimed']);
// Verbs of saying, after which a clause of what was said follows ("Husband says she sleeps more").
const SAYING = new Set(
  'says said states stated reports reported claims claimed notes noted thinks thought feels felt believes believed tells told writes wrote explains explained adds added mentions mentioned'.split(
    ' ',
  ),
);

/** Past a determiner or the patient's possessive ("Her husband", "Pt's wife"): the index of a relative's word from `j`, or undefined. */
function relativeAt(text: string, tokens: readonly Token[], j: number, last: number): number | undefined {
  while (j < last && (DETERMINERS.has(tokens[j]!.norm) || possessive(text, tokens[j]!))) j++;
  return RELATIVE_WORDS.has(tokens[j]!.norm.replace(/['\u2019]s?$/, '')) && !possessive(text, tokens[j]!) ? j : undefined;
}

/**
 * The index of a relative ("Wife", "Pt's husband", "Her daughter (POA)") that opens the sentence
 * whose words run up to `tokens[last]` (a comma after it), with no other comma, clause mark,
 * conjunction or mention of the patient between (the patient as the subject of a clause the
 * relative reports or that says when is no mention: "Husband says she sleeps more, insists",
 * "Daughter got upset when he mentioned a SNF, insisted"); undefined otherwise. A sentence that
 * opens with the patient reporting a relative's acts ("Pt reports husband became aggressive when she
 * left, insisted on …") gives the relative when the verb after the comma is in the tense of the
 * relative's verb, not of the patient's verb of saying (retired sets' kind).
 */
function relativeOpener(text: string, tokens: readonly Token[], last: number, at: number): number | undefined {
  let j = last;
  let reported: number | undefined;
  let saying = -1;
  for (; j > 0 && last - j < OPENER_REACH; j--) {
    const between = tokenGap(text, tokens[j - 1]!, tokens[j]!);
    if (/[.;:!?\n]/.test(between)) break;
    if (between.includes(',') || CLAUSE_MARK.test(between) || CONJUNCTIONS.has(tokens[j]!.norm)) return undefined;
    const before = tokens[j - 1]!.norm;
    // ("she is patient with children": the adjective after a form of "be" names no one.)
    if (
      PATIENT.has(tokens[j]!.norm) &&
      !possessive(text, tokens[j]!) &&
      j !== last &&
      !SAYING.has(before) &&
      !SUBORDINATORS.has(before) &&
      before !== 'that' &&
      !BE.has(before)
    )
      return undefined;
    if (SAYING.has(before) && /^[ \t]+$/.test(between)) {
      reported = relativeAt(text, tokens, j, last);
      saying = j - 1;
    }
  }
  if (last - j >= OPENER_REACH) return undefined;
  const opener = relativeAt(text, tokens, j, last);
  if (opener !== undefined) return opener;
  if (reported === undefined || saying !== j + 1 || !PATIENT.has(tokens[j]!.norm)) return undefined;
  // The tenses: "reports … became …, insisted" (the relative's), not "states … drinks, insists" (either's).
  const past = (word: string) => /ed$/.test(word) || ['said', 'told', 'thought', 'felt', 'wrote'].includes(word);
  return past(tokens[at]!.norm) !== past(tokens[saying]!.norm) ? reported : undefined;
}

// How many words the phrase opening a sentence before a comma-set adjective may have.
const OPENING_WORDS = 8;

// Words of a time, which a sentence may open with before a comma ("Later that day, in the hall,").
const TIMES = new Set(
  'day days night nights morning mornings evening evenings afternoon afternoons shift shifts week weeks time times hour hours minute minutes weekend'.split(
    ' ',
  ),
);

/**
 * Does the phrase ending at `last` open its sentence or line, with no comma in it, up to
 * OPENING_WORDS words, and not as a prepositional phrase, a clause or a time ("Per ED report",
 * "When seen", "Overnight", "Later that day")?
 */
// Verbs whose object the predicate after it describes ("calls her a liar and manipulative").
const OBJECT_VERBS = new Set(
  'call calls called calling consider considers considered deem deems deemed label labels labelled labeled find finds found'.split(' '),
);

// An age and sex as one token ("22M", "45f", "7yo"): a note's name for its patient.
const AGE_SEX = /^\d{1,3}(?:[mf]|yo)$/;

/** The first token of the sentence's opening phrase that ends at `last` (as openingPhrase reads it), or -1. */
function phraseOpening(text: string, tokens: readonly Token[], last: number): number {
  for (let j = last; j >= 0 && last - j < OPENING_WORDS; j--) {
    const before = j === 0 ? '.' : tokenGap(text, tokens[j - 1]!, tokens[j]!);
    if (j === 0 || /[.;:!?\n]/.test(before)) return j;
    if (before.includes(',') || CLAUSE_MARK.test(before)) return -1;
  }
  return -1;
}

function openingPhrase(text: string, tokens: readonly Token[], last: number): boolean {
  if (TIMES.has(tokens[last]!.norm)) return false;
  for (let j = last; j >= 0 && last - j < OPENING_WORDS; j--) {
    const before = j === 0 ? '.' : tokenGap(text, tokens[j - 1]!, tokens[j]!);
    if (j === 0 || /[.;:!?\n]/.test(before)) {
      const word = tokens[j]!.norm;
      return (
        !PREPOSITIONS.has(word) &&
        !SUBORDINATORS.has(word) &&
        !PASS_OVER.has(word) &&
        !/ly$/.test(word) &&
        !['upon', 'during', 'following', 'later', 'earlier', 'on'].includes(word)
      );
    }
    if (before.includes(',') || CLAUSE_MARK.test(before)) return false;
  }
  return false;
}

// Verbs after a comma-set adjective that are the clause's own ("hysterical, says", "belligerent, demanded").
const FINITE = new Set(
  'is are was were has had would will could can did does keeps kept said told asked wanted threw hit left began went came made took gave got ran swore continues continued'.split(
    ' ',
  ),
);
// How many words may follow the adjective before its closing comma ("adamant about the schedule,").
const COMPLEMENT_WORDS = 6;

/** After the match at `at` (and a short complement), does a comma come, then a verb of the clause? */
function verbAfterComma(text: string, tokens: readonly Token[], at: number): boolean {
  for (let j = at + 1; j < tokens.length && j - at <= COMPLEMENT_WORDS + 1; j++) {
    const between = tokenGap(text, tokens[j - 1]!, tokens[j]!);
    if (CLAUSE_MARK.test(between)) return false;
    if (!between.includes(',')) continue;
    if (!/^[ \t]*,[ \t]*$/.test(between)) return false;
    const word = tokens[j]!.norm;
    if (FINITE.has(word)) return true;
    if (/[^s]s$/.test(word) && word.length > 3 && !/ous$/.test(word)) return true;
    const next = tokens[j + 1];
    return /ed$/.test(word) && next !== undefined && spacedApart(text, tokens[j]!, next) && !CONJUNCTIONS.has(next.norm);
  }
  return false;
}

// Words that open an appositive in parentheses: "(the patient's husband)", "(his daughter)".
const APPOSITIVE_OPENERS = new Set(['a', 'an', 'the', 'his', 'her', 'their', 'my', 'our', 'your']);

/**
 * Do the words of the parenthesis ending with `tokens[last]` name someone, as an appositive with its
 * article or possessive ("(the patient's husband)", "(pt's wife)")? Not a place, a source or a way
 * ("(nursing home)", "(per daughter)", "(via interpreter)", "(76F)"), as the comma's appositive
 * needs its article too. Up to APPOSITIVE_WORDS words.
 */
function parentheticalAppositive(text: string, tokens: readonly Token[], last: number): boolean {
  // A parenthesis that only lists relatives ("household contacts (brother, niece) refused") names them too.
  let kinOnly = true;
  for (let j = last; j > 0 && last - j < APPOSITIVE_WORDS; j--) {
    if (!KIN_LISTED.has(tokens[j]!.norm)) kinOnly = false;
    const between = tokenGap(text, tokens[j - 1]!, tokens[j]!);
    if (/\(\s*$/.test(between)) return APPOSITIVE_OPENERS.has(tokens[j]!.norm) || (possessive(text, tokens[j]!) && j < last) || kinOnly;
    if (CLAUSE_MARK.test(between)) return false;
  }
  return false;
}

/** The first index of the noun phrase whose head is at `head`: determiners, possessives, numbers before it. */
function phraseStart(text: string, tokens: readonly Token[], head: number): number {
  let i = head;
  while (i > 0 && !/[^\s\-\u2010\u2011]/.test(tokenGap(text, tokens[i - 1]!, tokens[i]!))) {
    const previous = tokens[i - 1]!;
    // A hyphenated word is one word ("for e-consent", "at the re-check").
    const joined = /^[-\u2010\u2011]$/.test(tokenGap(text, previous, tokens[i]!));
    if (joined || DETERMINERS.has(previous.norm) || possessive(text, previous) || /^\d+$/.test(previous.norm)) i--;
    else break;
  }
  return i;
}

/** Is the noun at `head` the object of a preposition ("at her mother", "mother of the patient")? */
function objectOfPreposition(text: string, tokens: readonly Token[], head: number): boolean {
  const start = phraseStart(text, tokens, head);
  if (start === 0) return false;
  const before = tokens[start - 1]!;
  if (!/[^\s]/.test(tokenGap(text, before, tokens[start]!)) && PREPOSITIONS.has(before.norm)) return true;
  // Modifiers between "for", "of", "into" or "onto" (and an article) and the noun ("Authorization
  // for home IVIG refused", "Request for outpatient MRI refused", "Coil plugged into the table port
  // refused", batch 68): the noun is still the object. Not the patient ("for now pt
  // refused"), nor a word that is no modifier; not after "at", "in", "per" or "to", which open a
  // note's telegraphic clause as often ("At the visit husband refused to leave").
  if (PATIENT.has(tokens[head]!.norm)) return false;
  // Up to two modifiers ("Request for extended IV therapy refused", batch 69's first run), each a
  // lower-case word or an abbreviation in capitals.
  let p = start - 1;
  // In a line written in capitals ("DISCHARGED FROM THE METHADONE PROGRAM"), a capitalised head
  // lets a capitalised word of any length be a modifier, not only an abbreviation.
  const capitals = /^[A-Z]{2,}$/.test(text.slice(tokens[head]!.start.offset, tokens[head]!.end.offset));
  for (
    let n = 0;
    n < 2 && p >= 0 && (modifierWord(text, tokens[p]!) || (capitals && capitalModifier(text, tokens[p]!))) && spacedApart(text, tokens[p]!, tokens[p + 1]!);
    n++
  )
    p--;
  if (p === start - 1) return false;
  if (p >= 0 && ['the', 'a', 'an', 'his', 'her', 'their', 'its'].includes(tokens[p]!.norm) && spacedApart(text, tokens[p]!, tokens[p + 1]!)) p--;
  const preposition = tokens[p];
  if (preposition === undefined || !spacedApart(text, preposition, tokens[p + 1]!)) return false;
  if (['for', 'of', 'into', 'onto'].includes(preposition.norm)) return true;
  // "from" before a place or a service with its modifiers, after a verb in -ed ("discharged from a
  // prior clinic for being noncompliant", "dismissed from the pain clinic for noncompliance": blind
  // probe 13, a Project ECHO case presentation): the place is where the patient was, not who was
  // noncompliant. Only a place noun, since "from" may open a telegraphic clause whose subject
  // follows ("From the ED husband insisted"); only after a verb, since after a noun the place
  // stands for the sender ("Letter from the outside clinic refused to release records").
  const verb = tokens[p - 1];
  return (
    preposition.norm === 'from' && FROM_PLACES.has(tokens[head]!.norm) && verb !== undefined && /ed$/.test(verb.norm) && spacedApart(text, verb, preposition)
  );
}

// Places and services a patient is discharged, dismissed or referred from.
const FROM_PLACES = new Set(
  'clinic clinics practice practices program programs programme programmes office offices hospital hospitals service services center centers centre centres unit units facility facilities pharmacy pharmacies shelter shelters agency agencies ward wards department departments'.split(
    ' ',
  ),
);

/**
 * Is the token a word in capitals longer than an abbreviation ("METHADONE"), no function word and not
 * the patient? Read as a modifier only before a head in capitals.
 */
function capitalModifier(text: string, token: Token): boolean {
  return /^[A-Z]{6,}$/.test(text.slice(token.start.offset, token.end.offset)) && mayModify(token.norm);
}

/** Is the token a word that may modify a noun after it: lower case or capitals, no function word, not the patient? */
function modifierWord(text: string, token: Token): boolean {
  return /^(?:[a-z]+|[A-Z]{2,5})$/.test(text.slice(token.start.offset, token.end.offset)) && mayModify(token.norm);
}

/** Is `word` (a token's norm) neither the patient nor a function word, so that it may modify a noun after it? */
function mayModify(word: string): boolean {
  return (
    !PATIENT.has(word) &&
    !PASS_OVER.has(word) &&
    !DETERMINERS.has(word) &&
    !CONJUNCTIONS.has(word) &&
    !RELATIVES.has(word) &&
    !SUBORDINATORS.has(word) &&
    !PREPOSITIONS.has(word)
  );
}

// Forms of "be" and linking verbs whose subject is the noun right before them.
const COPULAS = new Set([...BE, 'became', 'becomes', 'seemed', 'seems', 'appeared', 'appears', 'remained', 'remains']);

/**
 * Is the noun phrase at `head` the subject of a clause reported by a verb of saying: right after the
 * verb and right before a form of "be" or a linking verb, with only spaces between ("Nurse notes
 * applicant was", "Pt reports wife was")? Only after a verb of saying: other nouns before "was" ("Postictal
 * state was prolonged and agitated", "when the nurse was placing") are passed over as before.
 */
function reportedSubject(text: string, tokens: readonly Token[], head: number): boolean {
  const next = tokens[head + 1];
  if (next === undefined || !COPULAS.has(next.norm) || !spacedApart(text, tokens[head]!, next)) return false;
  const start = phraseStart(text, tokens, head);
  const verb = tokens[start - 1];
  return verb !== undefined && SAYING.has(verb.norm) && spacedApart(text, verb, tokens[start]!);
}

/** Across an "and", is the noun at `head` the object of a verb before it (not at its clause's start)? */
function objectOfVerb(text: string, tokens: readonly Token[], head: number): boolean {
  const start = phraseStart(text, tokens, head);
  if (start === 0) return false;
  const before = tokens[start - 1]!;
  if (CLAUSE_MARK.test(tokenGap(text, before, tokens[start]!)) || tokenGap(text, before, tokens[start]!).includes(',')) return false;
  return !CONJUNCTIONS.has(before.norm) && !PATIENT.has(before.norm);
}

/**
 * Is the subject of the word at token `at` one of `isOther`'s words, and not coordinated with the
 * patient ("Pt and wife refused" is the patient's refusal too)?
 */
export function subjectIs(source: string, tokens: readonly Token[], at: number, isOther: (index: number) => boolean): boolean {
  // The text the tokens were read from: a template's drop-down "{Patient/Family} refused" reads
  // "Patient Family refused" (its braces and slashes are no clause marks).
  const text = maskPlaceholders(source);
  // A passive with its agent ("Lunch tray refused by pt", "Consult refused by the insurer"): the
  // noun before it is what was refused, not who refused (the `described` condition reads the agent).
  if (passiveWithAgent(text, tokens, at)) return false;
  let head = subjectIndex(text, tokens, at);
  if (head === undefined) return false;
  // "Stretcher 4 refused to lower", "Pump 2 alarmed": a number after a noun says which one; the noun
  // names it.
  const named = tokens[head - 1];
  if (/^\d+$/.test(tokens[head]!.norm) && named && spacedApart(text, named, tokens[head]!) && isOther(head - 1)) head--;
  if (!isOther(head) || definiteChild(text, tokens, head)) return false;
  // "Pt and wife", "patient/family": the patient is one of the subjects; not the antecedent of a
  // relative pronoun, the noun right before it ("from pt and her daughter, who insisted").
  const start = phraseStart(text, tokens, head);
  if (start >= 2 && CONJUNCTIONS.has(tokens[start - 1]!.norm) && PATIENT.has(tokens[start - 2]!.norm) && !antecedentOfRelative(text, tokens, head, at))
    return false;
  return true;
}
