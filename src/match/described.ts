// Who a behaviour, refusal or credibility word is about: the patient, someone or something else, or
// unknown. Word lists of everyone who is *not* the patient (relatives, clinicians, payers, lawyers…)
// did not carry to new genres: each unseen batch of look-alikes still had 14–17% flagged, mostly a
// new kind of "someone else" (an owner, a detective, a wholesaler, a raccoon). This reads the other
// way round: a note names its patient in few ways (pt, patient, a pronoun, an age, "Mr. X", the
// word a setting uses for the person seen: veteran, student, detainee), and anything else standing
// as the subject with an article or a possessive ("the owner", "a customer", "her cat", "the left
// eye") is someone or something else. A bare noun ("Runner claims", "Knee refuses") is the patient
// in a note's shorthand when it names a person (a role suffix), and a thing otherwise.
//
// The subject is found by subject.ts (the words before the match within its clause); this module
// only classifies it. No parser: the cost is a handful of Set lookups per candidate.
import { spacedApart, type Token, tokenGap } from '../parse/tokens.js';
import { maskPlaceholders } from '../parse/placeholders.js';
import { bracketAfter, isGivenName, type NameWords, readName } from './names.js';
import { BARE_RELATIVES, FEMALE_KIN, KIN_OTHER_NAMES, MALE_KIN, NAME_RELATIVES as NAME_RELATIVES_LIST } from './people.js';
import { motherIsPatient } from './perinatal.js';
import { pronounIsOther, type Reader } from './pronoun.js';
import { antecedentOfRelative, definiteChild, operatingRoom, passiveWithAgent, subjectIndex } from './subject.js';

/** The patient, someone or something else, or no subject found (a note's "Refused lunch."). */
export type Described = 'patient' | 'other' | 'unknown';

// What a note or a setting calls the person it is about (a death investigation's or a mortality review's
// "the decedent": the fifth round's kind). "res": a long-term-care note's resident ("Res was combative
// during am care": a blind probe's miss).
const PATIENT_WORDS = new Set(
  'pt pts patient patients client resident res veteran vet member members employee worker student athlete trainee recruit cadet camper inmate detainee arrestee examinee evaluee claimant decedent insured enrollee defendant respondent applicant declarant accused supervisee probationer parolee consumer individual person participant subject man woman male female gentleman lady boy girl guy m f'.split(
    ' ',
  ),
);
// Of these, the ones that also name anybody: with "a"/"another" and no age they are someone else
// ("a man at the bar", "another member").
const GENERIC = new Set(
  'man woman male female gentleman lady boy girl guy person individual member members participant student worker employee defendant respondent applicant'.split(
    ' ',
  ),
);
// Pronouns: he/she/they stand for the patient in a note about them unless the sentences before
// name someone else they stand for (pronoun.ts); "you" is the patient in a clinician's
// turn or a letter; "we", "it" and the demonstratives are the team or a thing.
const PATIENT_PRONOUNS = new Set('he she him they them you'.split(' '));
const OTHER_PRONOUNS = new Set(
  'we us it this that these those something everything nothing someone somebody anyone anybody everyone everybody nobody people'.split(' '),
);
// Nouns of a person's conduct: their owner is the one described ("his behavior was hostile").
const ATTRIBUTES = new Set(
  'behavior behaviour behaviors behaviours attitude demeanor demeanour affect mood manner tone speech conduct presentation response reaction temperament personality interaction interactions engagement'.split(
    ' ',
  ),
);
// Nouns of a manner or an outburst, after an adjective ("in an agitated way", "an angry outburst").
const MANNERS = new Set('way ways fashion state states voice outburst outbursts episode episodes moment moments manner'.split(' '));
// A patient's medicines, whose loss or theft the patient reports.
const MEDICINES = new Set(
  'pill pills med meds medication medications medicine medicines prescription prescriptions script scripts rx refill refills bottle bottles inhaler inhalers tablets narcotics opioids'.split(
    ' ',
  ),
);
// Words that make a noun phrase someone else's or a particular other one.
const ARTICLES = new Set([
  'the',
  'a',
  'an',
  'this',
  'that',
  'these',
  'those',
  'another',
  'other',
  'his',
  'her',
  'their',
  'its',
  'my',
  'our',
  'your',
  'any',
  'some',
  'every',
  'each',
  'no',
  'one',
]);
const INDEFINITE = new Set(['a', 'an', 'another', 'other', 'one', 'any', 'some', 'every', 'each', 'no']);
// Counts before a plural noun: "Two peers were hostile", "Several visitors insisted", "Both sons".
const COUNTS = new Set('two three four five six several both many few'.split(' '));
// Words that make the patient's noun someone else's: "another patient", "the other resident", "a fellow client".
const OTHER_ONE = new Set(['another', 'other', 'fellow', 'different']);
// Nouns written bare ("Mother refuses", "Crew insists", "Staff report") that are not the patient:
// (also the roles police, EMS and incident-report notes name bare: a deputy, a trooper, a bystander,
// a witness, a housekeeper, a transporter, a volunteer; MOB and FOB, the mother and father of a baby
// (in a pregnancy's note MOB is the patient: perinatal.ts); "peers", plural, in a group's note; the
// guardian "ad litem")
// relatives and care teams are named without an article in notes, as the patient is. Household
// members, visitors and staff roles are named bare too in group-home, memory-care and security
// notes ("Housemate was aggressive toward the individual", "Tech, age 24, became aggressive").
// Before "member" they make it someone else's ("staff member", "board member", "union member"); a
// plan's "member" alone is the patient of a payer letter.
const BARE_OTHERS = new Set([
  ...BARE_RELATIVES,
  ...'staff nursing nurse crew team security police ems medic medics group board committee union council panel faculty club church choir band household jury congregation visitor visitors sitter coworker tech techs aide aides cna rn lpn officer officers guard guards interpreter mob fob deputy deputies trooper troopers sergeant sergeants sheriff detective detectives bystander bystanders witness witnesses firefighter firefighters housekeeper housekeepers transporter transporters volunteer volunteers contractor contractors valet facilitator facilitators peers litem sponsor sponsors'.split(
    ' ',
  ),
]);
// Workers of a service, a trade or the institution, and its departments, named bare as notes name
// staff ("Dispatcher claims", "Registrar refused the card", "Plumber refused to enter", "Biomed
// refused to release the vent", "Housekeeping refused the room", "writer refused"): the people a
// patient deals with, never what a note calls its patient (a bare activity role such as "Runner"
// or "Driver", or a patient's own trade in an occupational-health note, stays unknown).
const SERVICE_ROLES = new Set(
  'dispatcher dispatchers scheduler schedulers registrar registrars receptionist receptionists clerk clerks cashier cashiers operator operators prescriber prescribers wholesaler wholesalers rep reps representative representatives salesperson salesman saleswoman engineer engineers technician technicians technologist technologists phlebotomist phlebotomists pharmacist pharmacists advocate advocates locksmith locksmiths plumber plumbers electrician electricians janitor janitors custodian custodians porter porters escort escorts superintendent chaplain chaplains scribe scribes ombudsman md mds np nps emt emts rt sw evs ap writer undersigned fellow fellows biomed housekeeping dietary registration admitting scheduling billing maintenance engineering transport pharmacy vendor vendors courier couriers manager managers coordinator coordinators supervisor supervisors landlord landlords hospitalist hospitalists physician physicians doctor doctors surgeon surgeons therapist therapists paramedic paramedics sonographer sonographers radiographer radiographers perfusionist perfusionists dosimetrist anesthetist anesthetists hygienist hygienists audiologist optometrist orthotist prosthetist doula doulas installer installers mechanic mechanics repairman repairmen handyman preventionist preventionists doorman doormen concierge bailiff bailiffs notary notaries payee payees trustee trustees conservator conservators executor banker bankers accountant accountants realtor groundskeeper groundskeepers gardener gardeners cook cooks chef waiter waitress caterer fireman firemen policeman policemen mailman deliveryman foreman'.split(
    ' ',
  ),
);
// Hospital services by their initials, written in capitals ("IP insisted the unit close", "ED
// refused the transfer", "SPD claims the tray was sterile"): a department. Only in capitals: "Ed"
// is a name, and "PT" (the patient as often as physical therapy) is not among them.
const DEPARTMENTS = new Set('ip id ed er spd icu micu sicu picu nicu ccu pacu ent gi ir ct mri ekg ecg'.split(' '));
// The attending physician as a subject ("ID attending was adamant"): read only as the subject's
// head, not as a role opening a sentence before a pronoun ("Attending groups weekly. She refused").
const ATTENDINGS = new Set(['attending', 'attendings']);
// Heads of the names of hospitals and services, written capitalised and bare ("Mercy General refused
// the bed", "refused by Lakeview Regional", "Hospice declined"): an institution.
const INSTITUTIONS = new Set(
  'general memorial regional hospital hospitals facility facilities center centre clinic clinics agency agencies hospice snf ltach ltac'.split(' '),
);
// Animals, named bare in bite, police and home-visit notes ("Police K9 agitated", "Dog combative").
const ANIMALS = new Set('dog dogs cat cats k9 k9s canine canines puppy horse horses pet pets animal animals'.split(' '));
// Things a note describes that no genre names its patient by, written bare or with a number
// ("Sterilizer 3 noncompliant with the Bowie-Dick test", "Washer 2 refused to start"): a service's
// machines, containers and printouts (sterile processing, blood bank, laboratory, inspection
// notes). Not what a patient uses or is offered and may refuse (a tray of food, a bath, a scope, a
// machine, a device, a pump, a brace, a sample: "Dinner tray refused", "Scope refused").
const THINGS = new Set(
  'sterilizer sterilizers steriliser sterilisers autoclave autoclaves washer washers disinfector disinfectors irradiator irradiators load loads centrifuge centrifuges analyzer analyzers analyser analysers cooler coolers refrigerator refrigerators fridge fridges freezer freezers printer printers printout printouts elevator elevators chute chutes hamper hampers cart carts container containers instrument instruments crossmatch crossmatches reagent reagents server servers software'.split(
    ' ',
  ),
);
// A side before a noun makes it a body part ("Left knee refuses to bend").
const SIDES = new Set(['left', 'right', 'bilateral', 'lt', 'rt', 'l', 'r', 'upper', 'lower']);
// An operation, not a body part, after the side: a rounds or handoff line names its patient by bed,
// side, operation and post-operative day ("Rm 6 L craniotomy POD2 agitated overnight", "Bed 3 R
// carotid endarterectomy POD1 combative"): the fourth retirement round's kind. Such a subject stays
// not known (the patient's, as a bare "Bed 3" is), never a body part.
const OPERATION =
  /(?:ectom(?:y|ies)|otom(?:y|ies)|ostom(?:y|ies)|plast(?:y|ies)|pex(?:y|ies)|rrhaph(?:y|ies)|desis|scopy|fusion|repair|orif|crani|lami|tka|tha|tkr|thr|cabg|shunt|^pod\d*)$/;
const MENTIONS = new Set(['word', 'words', 'term', 'terms', 'label', 'labels', 'phrase']);
const TITLES_OF_PATIENT = new Set(['mr', 'mrs', 'ms', 'miss', 'mx']);
const TITLES_OF_OTHERS = new Set(['dr', 'drs', 'prof']);
const AGE = /^\d{1,3}$/;
const AGE_WORDS = new Set('year years yr yrs yo old month months mo mos'.split(' '));
// Relatives by gender, which names.ts reads as roles before or after a name ("his wife Fatima").
const FEMALE: ReadonlySet<string> = new Set(FEMALE_KIN);
const MALE: ReadonlySet<string> = new Set(MALE_KIN);

const wordAt = (text: string, token: Token) => text.slice(token.start.offset, token.end.offset);
// "he's", "it's" are "he is", not possessives.
const isPossessive = (text: string, token: Token) =>
  /['\u2019]s?$/.test(wordAt(text, token)) && !/^(?:he|she|it|that|there|what|who)['\u2019]s$/i.test(wordAt(text, token));
// Words that end a noun phrase read backwards: forms of be and have, pronouns, reporting verbs.
// Subordinators too: "Team frustrated because pt insists" (the clause after "because" is its own).
const NOT_MODIFIERS = new Set(
  'is are was were be been being am has have had do does did he she it they we you i him them me us who which that reports report reported says said states stated notes noted per with and or but at to of from by for in on because if when while since although though unless until whether'.split(
    ' ',
  ),
);
const spaceOnly = (text: string, a: Token, b: Token) => /^[ \t]*$/.test(tokenGap(text, a, b));

/**
 * Who the word at token `at` of `tokens` describes. `text` is the document the tokens' offsets
 * point into (UTF-16 offsets); a pronoun's antecedent is read in the sentences before it there
 * (pronoun.ts: "Pt's wife was at the bedside. She was hysterical"). Never throws.
 */
export function describedPerson(source: string, tokens: readonly Token[], at: number, last = at): Described {
  const text = maskPlaceholders(source);
  // "Specimen refused by the laboratory", "ranges claimed by the manufacturer": a passive's agent
  // after "by" is the one who refused or claimed ("Medication refused by pt" is the patient).
  const agent = passiveAgent(text, tokens, at);
  if (agent !== undefined) return agent;
  // "Pt was refused a bed at the shelter", "has been refused surgery at two centres": the subject is
  // the one refused; someone else refused.
  if (refusedSomething(text, tokens, at)) return 'other';
  // "Hand hygiene noncompliance by staff", "noncompliance observed in two physicians", "refusal by
  // the courier": a noun of conduct whose actor, a role, follows it.
  if (/(?:ance|ence|sal|ion)s?$/.test(tokens[at]!.norm) && actorAfterNoun(text, tokens, at)) return 'other';
  if (!predicate(text, tokens, at)) {
    // "The van driver arrived late. His refusal to use the lift…": a possessive pronoun opening the
    // sentence before the noun is someone else's when its antecedent is (pronoun.ts).
    const owner = tokens[at - 1];
    if (
      owner &&
      ['his', 'her', 'their'].includes(owner.norm) &&
      spaceOnly(text, owner, tokens[at]!) &&
      at - 1 === firstOfSentence(text, tokens, at - 1) &&
      pronounIsOther(text, tokens, at - 1, at, READER)
    )
      return 'other';
    return attributive(text, tokens, at, last);
  }
  const reduced = reducedPassiveNoun(text, tokens, at);
  if (reduced !== undefined) {
    const word = tokens[reduced]!.norm;
    const before = tokens[reduced - 1]!.norm;
    // "a patient described by staff as hostile" is the patient; "another patient", "a man" someone else.
    if (PATIENT_WORDS.has(word) && !OTHER_ONE.has(before) && !(GENERIC.has(word) && INDEFINITE.has(before))) return 'patient';
    return 'other';
  }
  // "Pt has a history of being noncompliant", "has a tendency to be combative": the one described
  // is who has the history, the subject of "has" (the walk back stopped at "a history" and read a
  // thing there: a blind probe's miss, 2026-12-03).
  const holder = heldComplement(text, tokens, at);
  if (holder !== undefined) return describedPerson(source, tokens, holder);
  const found = smallClauseHead(text, tokens, at) ?? subjectIndex(text, tokens, at);
  if (found === undefined) return parenthetical(text, tokens, at);
  const head = outsideRelative(text, tokens, found);
  // "Pt is a diabetic who has been noncompliant", "He is a smoker who refused": the relative's noun is
  // what the patient is, so the patient (retired sets' kind).
  if (tokens[head + 1]?.norm === 'who' && patientsPredicateNoun(text, tokens, head)) return 'patient';
  // "The patient is a Jehovah's Witness and has refused", "she presented with a bleed and
  // refused": across "and", the patient named earlier in the sentence is the subject.
  if (coordinatedWithPatient(text, tokens, head, at)) return 'patient';
  // "The rest of the day he refused": the patient stands between the phrase read and the match.
  for (let i = head + 1; i < at; i++) {
    const norm = tokens[i]!.norm;
    if (['he', 'she', 'pt', 'patient'].includes(norm) && !isPossessive(text, tokens[i]!) && !PREPOSITIONS.has(tokens[i - 1]!.norm)) return 'patient';
  }
  // "Pt and wife refused", "patient/family": the patient is one of the subjects.
  const modifiers = modifiersOf(text, tokens, head);
  const start = modifiers.length > 0 ? modifiers[modifiers.length - 1]! : head;
  const joined = tokens[start - 2];
  if (
    joined &&
    ['and', 'or', '&'].includes(tokens[start - 1]!.norm) &&
    (PATIENT_WORDS.has(joined.norm) || PATIENT_PRONOUNS.has(joined.norm)) &&
    !antecedentOfRelative(text, tokens, head, at)
  )
    return 'patient';
  const slashed = tokens[head - 1];
  if (slashed && PATIENT_WORDS.has(slashed.norm) && /^\s*\/\s*$/.test(tokenGap(text, slashed, tokens[head]!))) return 'patient';
  // "The trail guide radioed in. He refused…", "Pt seen with wife. She insists he…": a pronoun
  // opening its clause whose antecedent is someone else (pronoun.ts).
  if (PRONOUN_SUBJECTS.has(tokens[head]!.norm) && head === firstOfSentence(text, tokens, head) && pronounIsOther(text, tokens, head, at, READER))
    return 'other';
  if (otherGenderPatient(text, tokens, head)) return 'other';
  // "Pt's husband arrived. Security found him hostile": an object pronoun read as the one described,
  // after a clause opening that names nobody of the patient's.
  if (tokens[head]!.norm === 'him') {
    const first = firstOfSentence(text, tokens, head);
    const named = tokens.slice(first, head).some((t) => PATIENT_WORDS.has(t.norm) || PATIENT_PRONOUNS.has(t.norm) || ['his', 'her'].includes(t.norm));
    if (first < head && !named && pronounIsOther(text, tokens, head, at, READER, tokens[first]!.start.offset)) return 'other';
  }
  const described = classify(text, tokens, head);
  if (described !== 'unknown') return described;
  // "Caller, her roommate, claims", "Bystander, a nurse from the ICU, insists": a bare role the
  // model does not know, and an appositive after it that says who it is.
  const apposed = appositiveHead(text, tokens, head, at);
  if (apposed !== undefined && classify(text, tokens, apposed) === 'other') return 'other';
  // "Deputy claims pt swallowed two bags", "Crew adamant that pt was apneic": an account that names
  // the patient in the third person is someone else's account of the patient.
  if (/^(?:claim|insist|adamant|alleg)/.test(tokens[at]!.norm) && accountNamesPatient(text, tokens, at)) return 'other';
  // "Peer in room 12 hostile toward pt", "Visitor aggressive towards the patient": the patient is the
  // one the behaviour is aimed at, so the subject the model does not know is someone else.
  if (aimedAtPatient(text, tokens, at)) return 'other';
  // "Tenant refused entry", "Referee insists", "Juror became agitated": a bare common noun opening
  // the sentence right before the predicate, which is no word a genre uses for its patient, is
  // someone or something else.
  if (bareSubject(text, tokens, head, at)) return 'other';
  return 'unknown';
}

/**
 * "Per his mother, \"he can't be left alone,\" and she insists …": "she" or "he" within its sentence
 * after a relative of that gender, in a sentence that names the patient with the other gender's
 * pronoun ("his", "he", "him" for "she"): the relative, not the patient (retired sets' kind).
 */
function otherGenderPatient(text: string, tokens: readonly Token[], head: number): boolean {
  const pronoun = tokens[head]!.norm;
  if (pronoun !== 'she' && pronoun !== 'he') return false;
  const first = firstOfSentence(text, tokens, head);
  if (first === head) return false;
  const kin = pronoun === 'she' ? FEMALE : MALE;
  const patient = pronoun === 'she' ? ['he', 'him', 'his'] : ['she', 'her', 'hers'];
  let relative = false;
  let other = false;
  for (let i = first; i < tokens.length && (i < head || !/[.;:!?\n]/.test(tokenGap(text, tokens[i - 1]!, tokens[i]!))); i++) {
    const word = tokens[i]!.norm;
    if (i < head && kin.has(word.replace(/['\u2019]s?$/, '')) && !isPossessive(text, tokens[i]!)) relative = true;
    if (i !== head && patient.includes(word)) other = true;
  }
  return relative && other;
}

// Verbs of an audit's finding between a noun of conduct and its actor ("noncompliance observed in").
const OBSERVED = new Set('observed noted found seen documented identified recorded'.split(' '));
const ACTOR_PREPOSITIONS = new Set(['by', 'among', 'in']);

/** Is a staff or service role the actor after the noun at `at`: "(observed) by|among|in (two|the) physicians", up to four words on, within the clause? */
function actorAfterNoun(text: string, tokens: readonly Token[], at: number): boolean {
  let i = at + 1;
  if (OBSERVED.has(tokens[i]?.norm ?? '') && spaceOnly(text, tokens[i - 1]!, tokens[i]!)) i++;
  if (!ACTOR_PREPOSITIONS.has(tokens[i]?.norm ?? '') || !spaceOnly(text, tokens[i - 1]!, tokens[i]!)) return false;
  for (let j = i + 1; j < tokens.length && j <= i + 4; j++) {
    if (!spaceOnly(text, tokens[j - 1]!, tokens[j]!)) return false;
    const norm = tokens[j]!.norm;
    const one = norm.replace(/s$/, '');
    if (BARE_OTHERS.has(norm) || SERVICE_ROLES.has(norm) || BARE_OTHERS.has(one) || SERVICE_ROLES.has(one)) return true;
    if (PREPOSITIONS.has(norm) || NOT_MODIFIERS.has(norm) || PATIENT_WORDS.has(norm) || PATIENT_WORDS.has(one)) return false;
    // After "by", the agent's head word as for a passive ("Refusals by the lab", "refusal by her
    // insurer": someone else; "refusal by the patient", "by her": not).
    const next = tokens[j + 1];
    if (
      tokens[i]!.norm === 'by' &&
      (next === undefined || !spaceOnly(text, tokens[j]!, next) || PREPOSITIONS.has(next.norm) || NOT_MODIFIERS.has(next.norm) || AGENT_STOPS.has(next.norm))
    ) {
      const marked = tokens.slice(i + 1, j).some((t) => ARTICLES.has(t.norm) || isPossessive(text, t));
      return marked && !PATIENT_WORDS.has(norm) && !PATIENT_PRONOUNS.has(norm) && !PATIENT_BARE.has(norm) && !isPossessive(text, tokens[j]!);
    }
  }
  return false;
}

const AIMED = new Set(['toward', 'towards', 'at', 'against']);

/** Does "toward(s)/at/against (the/this) pt|patient" follow the match at `at` within its clause (two words on)? */
function aimedAtPatient(text: string, tokens: readonly Token[], at: number): boolean {
  for (let i = at + 1; i <= at + 3 && i < tokens.length; i++) {
    if (/[.;:!?()\n,]/.test(tokenGap(text, tokens[i - 1]!, tokens[i]!))) return false;
    if (!AIMED.has(tokens[i]!.norm)) continue;
    let j = i + 1;
    if (['the', 'this', 'our'].includes(tokens[j]?.norm ?? '')) j++;
    const who = tokens[j];
    return who !== undefined && ['pt', 'patient'].includes(who.norm) && !isPossessive(text, who) && spaceOnly(text, tokens[j - 1]!, who);
  }
  return false;
}

// Words that open an appositive after a comma: "Caller, her roommate,", "Bystander, a nurse,".
const APPOSITIVE_OPENERS = new Set(['a', 'an', 'the', 'his', 'her', 'their']);

/**
 * The head of an appositive between commas right after the subject at `head` and before the match
 * at `at` ("Caller, her roommate, claims": "roommate"; "Bystander, a nurse from the ICU, insists":
 * "nurse"), or undefined. It opens with an article, a possessive pronoun or a possessive ("Caller,
 * pt's sister,"); its head is its last word before a preposition or the closing comma.
 */
function appositiveHead(text: string, tokens: readonly Token[], head: number, at: number): number | undefined {
  const open = tokens[head + 1];
  if (open === undefined || head + 1 >= at || !/^[ \t]*,[ \t]*$/.test(tokenGap(text, tokens[head]!, open))) return undefined;
  if (!APPOSITIVE_OPENERS.has(open.norm) && !isPossessive(text, open)) return undefined;
  let last: number | undefined;
  let stopped = false;
  for (let j = head + 2; j <= at && j <= head + 10; j++) {
    const gap = tokenGap(text, tokens[j - 1]!, tokens[j]!);
    if (/[.;:!?()\n]/.test(gap)) return undefined;
    // The closing comma, before the match.
    if (gap.includes(',')) return j <= at ? last : undefined;
    if (j === at) return undefined;
    // Its head is the word before a preposition or a verb ("a nurse from the ICU").
    if (PREPOSITIONS.has(tokens[j]!.norm) || NOT_MODIFIERS.has(tokens[j]!.norm)) stopped = true;
    if (!stopped) last = j;
  }
  return undefined;
}

/** Does the account after the match at `at` name the patient as its subject ("claims pt swallowed", "adamant that the patient was")? */
function accountNamesPatient(text: string, tokens: readonly Token[], at: number): boolean {
  let i = at + 1;
  if (tokens[i]?.norm === 'that' && spaceOnly(text, tokens[i - 1]!, tokens[i]!)) i++;
  if (tokens[i]?.norm === 'the' && spaceOnly(text, tokens[i - 1]!, tokens[i]!)) i++;
  const named = tokens[i];
  return named !== undefined && spaceOnly(text, tokens[i - 1]!, named) && ['pt', 'patient'].includes(named.norm) && !isPossessive(text, named);
}

// Words before a noun or inside a noun phrase: the match is then a noun or an attributive word
// ("his claim", "due to noncompliance", "h/o hysterical paralysis"), not a verb or a predicate
// whose subject can be read.
const NOMINAL_BEFORE = new Set(
  'of for to by with without from in on at due about after despite given secondary poor inconsistent partial repeated ongoing h/o hx history'.split(' '),
);
// Plurals too: "Multiple refusals of the visiting nurse" is a noun whose count ("Multiple", "Two")
// stands before it, not a subject (batch 68).
const NOUN_SUFFIX = /(?:ance|ence|ancy|ency|ity|ness|sal|ion|ment)s?$/;

/**
 * The index of "has" (had, have, with) in "has a history of being <match>" or "has a tendency to be
 * <match>": a noun (up to two words before it, after an optional article or possessive) whose
 * complement the match is, with spaces only between the words. undefined otherwise.
 */
function heldComplement(text: string, tokens: readonly Token[], at: number): number | undefined {
  let i = at - 1;
  while (i >= 0 && /ly$/.test(tokens[i]!.norm)) i--;
  const be = tokens[i]?.norm;
  const link = tokens[i - 1]?.norm;
  if (!((be === 'being' && link === 'of') || (be === 'be' && link === 'to'))) return undefined;
  let j = i - 2;
  const first = j;
  while (
    j >= 0 &&
    first - j < 3 &&
    /^\p{L}+$/u.test(tokens[j]!.norm) &&
    !NOT_MODIFIERS.has(tokens[j]!.norm) &&
    !ARTICLES.has(tokens[j]!.norm) &&
    !isPossessive(text, tokens[j]!)
  )
    j--;
  if (j === first) return undefined; // no noun
  if (j >= 0 && (ARTICLES.has(tokens[j]!.norm) || isPossessive(text, tokens[j]!) || ['his', 'her', 'their'].includes(tokens[j]!.norm))) j--;
  if (j < 0 || !['has', 'had', 'have', 'having', 'with'].includes(tokens[j]!.norm)) return undefined;
  for (let k = j; k < at; k++) if (!spaceOnly(text, tokens[k]!, tokens[k + 1]!)) return undefined;
  return j;
}

/** Is the match at `at` a verb or a predicate (not a noun, not inside a noun phrase)? */
function predicate(text: string, tokens: readonly Token[], at: number): boolean {
  if (NOUN_SUFFIX.test(tokens[at]!.norm)) return false;
  // An adverb after a noun phrase is no adjective inside it: "The offender supposedly had a knife"
  // (its subject is read), not "the supposedly sterile tray" (the hedge before its noun).
  if (/ly$/.test(tokens[at]!.norm) && !/ly$/.test(tokens[at - 1]?.norm ?? '') && !ARTICLES.has(tokens[at - 1]?.norm ?? '')) return true;
  let i = at - 1;
  while (i >= 0 && /ly$/.test(tokens[i]!.norm) && spaceOnly(text, tokens[i]!, tokens[i + 1]!)) i--;
  const before = tokens[i];
  if (before === undefined || !spaceOnly(text, before, tokens[i + 1]!)) return true;
  // "a molar that refuses": a relative pronoun before a verb, not a determiner.
  if ((before.norm === 'that' || before.norm === 'which') && /(?:s|ed)$/.test(tokens[at]!.norm)) return true;
  if (ARTICLES.has(before.norm) || isPossessive(text, before) || NOMINAL_BEFORE.has(before.norm)) return false;
  // One word between an article and an adjective: "an underlying hostile message" (not a verb:
  // "the optician claimed").
  if (/(?:s|ed|ing)$/.test(tokens[at]!.norm)) return true;
  const article = tokens[i - 1];
  return !(article && spaceOnly(text, article, before) && (ARTICLES.has(article.norm) || isPossessive(text, article)) && !NOT_MODIFIERS.has(before.norm));
}

/** Ends of a noun phrase read forwards: what stops the head word of a passive's agent. */
const AGENT_STOPS = new Set([...NOT_MODIFIERS, 'was', 'were', 'because', 'after', 'before', 'due', 'as', 'so', 'x', 'then']);

// The words that open a time after a passive's agent ("by pt today", "by patient this morning").
const TIME_ADVERBS = new Set('today tonight yesterday overnight again now once twice repeatedly daily nightly'.split(' '));
const TIME_DETERMINERS = new Set('this that last every each'.split(' '));
const TIME_NOUNS = new Set('morning afternoon evening night am pm week weekend shift visit time day admission'.split(' '));

/**
 * Who did what a passive past participle says, when "by" follows it: "refused by the laboratory"
 * (someone else), "refused by pt", "refused by her" (the patient). The agent is up to four words
 * after "by" with only spaces between them; its last word is its head. undefined when no "by"
 * follows the match or the agent is not read.
 */
function passiveAgent(text: string, tokens: readonly Token[], at: number): Described | undefined {
  if (!passiveWithAgent(text, tokens, at)) return undefined;
  let head: number | undefined;
  let marked = false;
  for (let i = at + 2; i < tokens.length && i <= at + 5; i++) {
    if (!spaceOnly(text, tokens[i - 1]!, tokens[i]!)) break;
    const norm = tokens[i]!.norm;
    // A time after the agent ends it: "refused by patient this morning", "by pt today" (the agent's
    // head was read as "morning"; a miss found while fixing blind probe 14's).
    if (head !== undefined && (TIME_ADVERBS.has(norm) || (TIME_DETERMINERS.has(norm) && TIME_NOUNS.has(tokens[i + 1]?.norm ?? '')))) break;
    // "by her", "by them": the patient; "by her mother": a possessive, read on.
    const determiner =
      (norm === 'her' || norm === 'his' || norm === 'their') &&
      tokens[i + 1] !== undefined &&
      spaceOnly(text, tokens[i]!, tokens[i + 1]!) &&
      /^\p{L}/u.test(tokens[i + 1]!.norm) &&
      !AGENT_STOPS.has(tokens[i + 1]!.norm);
    if (!determiner && (PATIENT_PRONOUNS.has(norm) || norm === 'her' || norm === 'his')) return i === at + 2 ? 'patient' : undefined;
    if (!/^\p{L}[\p{L}'\u2019-]*$/u.test(norm) || ((AGENT_STOPS.has(norm) || PREPOSITIONS.has(norm)) && !ARTICLES.has(norm))) break;
    if (ARTICLES.has(norm) || isPossessive(text, tokens[i]!)) marked = true;
    head = i;
  }
  if (head === undefined) return undefined;
  const word = tokens[head]!.norm.replace(/['\u2019]s?$/, '');
  if (isPossessive(text, tokens[head]!)) return undefined;
  if (PATIENT_WORDS.has(word)) return marked && GENERIC.has(word) ? undefined : 'patient';
  if (INSTITUTIONS.has(word) && /^\p{Lu}/u.test(wordAt(text, tokens[head]!))) return 'other';
  return marked || BARE_OTHERS.has(word) || SERVICE_ROLES.has(word) || BARE_MACHINES.has(word) ? 'other' : undefined;
}

// Machines and systems named bare as a passive's agent, as logs and transaction notes write them
// ("Transaction refused by machine", "Login refused by system": blind probe 14, a naloxone vending
// log): a thing refused, never the patient. With an article they were read already ("by the machine").
const BARE_MACHINES = new Set(
  'machine machines kiosk kiosks system systems computer computers scanner scanners terminal terminals server servers network device devices software portal app website reader readers dispenser dispensers atm bank banks'.split(
    ' ',
  ),
);

/** Who the word at `at` describes when it stands inside a noun phrase after an article (see attributive); the subject of a verb is not read. */
export function describedInPhrase(source: string, tokens: readonly Token[], at: number): Described {
  const text = maskPlaceholders(source);
  // A hedge opening a sentence before a plural noun and a form of "be" ("Allegedly overcoded
  // accounts are pulled for review"): the hedge is on the things, as after an article.
  const adjective = tokens[at + 1];
  const noun = tokens[at + 2];
  const verb = tokens[at + 3];
  if (
    at === firstOfSentence(text, tokens, at) &&
    /ly$/.test(tokens[at]!.norm) &&
    adjective &&
    noun &&
    verb &&
    spaceOnly(text, tokens[at]!, adjective) &&
    spaceOnly(text, adjective, noun) &&
    spaceOnly(text, noun, verb)
  ) {
    const plural = /[^s]s$/.test(noun.norm) && !PATIENT_WORDS.has(noun.norm) && !MEDICINES.has(noun.norm) && !NOT_MODIFIERS.has(adjective.norm);
    if (plural && ['are', 'were', 'have', 'had'].includes(verb.norm)) return 'other';
  }
  return attributive(text, tokens, at);
}

/**
 * An adjective inside a noun phrase, before its noun ("an insistent alarm", "the supposedly sterile
 * tray", "Aggressive fluid resuscitation"): the noun after it is the one described, when that noun is
 * someone or something else ("an aggressive dog"). A name of the patient after it ("an agitated
 * patient", "a combative 80-year-old man") and anything not read stay 'unknown', as before. `last`
 * is the match's last token: a match that holds its own noun ("a poor historian") is read from
 * the word after it.
 */
function attributive(text: string, tokens: readonly Token[], at: number, last = at): Described {
  if (NOUN_SUFFIX.test(tokens[at]!.norm)) return 'unknown';
  // After a copula the phrase is a predicate noun ("Pt is an agitated man"): its subject is read
  // as before, not the noun.
  let before = at - 1;
  while (before >= 0 && /ly$/.test(tokens[before]!.norm) && spaceOnly(text, tokens[before]!, tokens[before + 1]!)) before--;
  // Only after an article ("an insistent alarm"): after a possessive the owner is the one described
  // ("Resident's aggressive outbursts", "her hostile emails"), and after a preposition the word
  // may be a verb ("continues to refuse her lithium").
  const article = tokens[before];
  if (
    article === undefined ||
    !ARTICLES.has(article.norm) ||
    isPossessive(text, article) ||
    ['his', 'her', 'their', 'its', 'my', 'our', 'your', 'no', 'one'].includes(article.norm)
  )
    return 'unknown';
  // The copula before the article, across adverbs ("is unfortunately a poor historian").
  let copula = before - 1;
  while (copula >= 0 && (/ly$/.test(tokens[copula]!.norm) || COPULA_ADVERBS.has(tokens[copula]!.norm)) && spaceOnly(text, tokens[copula]!, tokens[copula + 1]!))
    copula--;
  if (copula >= 0 && COPULAS.has(tokens[copula]!.norm)) {
    // "The sterilizer printout is a poor historian", "Her son is an aggressive man": the predicate
    // noun describes the copula's subject, read as for a predicate adjective (not after "as": "him
    // as an agitated man" is read by the rule's own subject condition).
    if (tokens[copula]!.norm === 'as') return 'unknown';
    const found = subjectIndex(text, tokens, copula + 1);
    return found !== undefined && classify(text, tokens, found) === 'other' ? 'other' : 'unknown';
  }
  // The noun: the next word, or the one after it ("the supposedly sterile tray").
  if (last > at) return 'unknown';
  for (let i = at + 1; i < tokens.length && i <= at + 2; i++) {
    if (!spaceOnly(text, tokens[i - 1]!, tokens[i]!)) return 'unknown';
    const norm = tokens[i]!.norm;
    // A manner or a conduct ("in an agitated way", "an aggressive tone"): its owner is the one described.
    // A medicine the patient says was lost or stolen ("the allegedly stolen pills") is their account.
    if (
      PATIENT_WORDS.has(norm) ||
      PATIENT_PRONOUNS.has(norm) ||
      AGE.test(norm) ||
      NOT_MODIFIERS.has(norm) ||
      ATTRIBUTES.has(norm) ||
      MANNERS.has(norm) ||
      MEDICINES.has(norm)
    )
      return 'unknown';
    const next = tokens[i + 1];
    // A noun phrase goes on ("an aggressive 80-year-old"): read its last word.
    if (next && spaceOnly(text, tokens[i]!, next) && i < at + 2 && !NOT_MODIFIERS.has(next.norm) && !PREPOSITIONS.has(next.norm) && !/(?:ed|s)$/.test(norm))
      continue;
    return classify(text, tokens, i) === 'other' ? 'other' : 'unknown';
  }
  return 'unknown';
}

// Forms of be and the verbs of seeming before a predicate noun, and the adverbs between ("is still
// a", "has always been an").
const COPULAS = new Set([
  'is',
  'was',
  'are',
  'were',
  'be',
  'been',
  "'s",
  'being',
  'as',
  'remains',
  'remained',
  'became',
  'becomes',
  'seems',
  'seemed',
  'appears',
  'appeared',
]);
const COPULA_ADVERBS = new Set(['also', 'still', 'always', 'often', 'again', 'now', 'not', 'never', 'just', 'quite', 'truly']);

const CONJUNCTIONS = new Set(['and', 'but', 'then']);
// Prepositions of a place or a group after a person ("his roommate at the halfway house"), not
// "of" ("no history of renal biopsy, who has been…").
const PLACE_PREPOSITIONS = new Set(['at', 'in', 'from', 'on', 'near', 'behind']);
const PREPOSITIONS = new Set(
  'at with to toward towards for from of by about on in per via than like against around near over under into onto upon between among behind'.split(' '),
);

/** Is there a conjunction between the subject found and the match, and the patient before it in the sentence? */
function coordinatedWithPatient(text: string, tokens: readonly Token[], head: number, at: number): boolean {
  let conjunction = false;
  for (let i = head + 1; i < at; i++) if (CONJUNCTIONS.has(tokens[i]!.norm)) conjunction = true;
  if (!conjunction) return false;
  for (let i = firstOfSentence(text, tokens, head); i < head; i++) {
    const token = tokens[i]!;
    if ((PATIENT_WORDS.has(token.norm) || token.norm === 'he' || token.norm === 'she') && !isPossessive(text, token)) return true;
  }
  return false;
}

/**
 * "describes his squad leader as hostile", "called her hysterical": the noun before "as" (or the
 * object of a verb of calling) is the one described, not a subject farther back.
 */
/**
 * "as hostile and threatening", "as loud, hostile or threatening": the first of the adjectives
 * coordinated after "as" (they share its noun: retired sets' kind), or `match` itself.
 */
function firstAfterAs(text: string, tokens: readonly Token[], match: number): number {
  let at = match;
  for (let n = 0; n < 3 && at >= 2; n++) {
    const link = tokens[at - 1]!;
    if (['and', 'or'].includes(link.norm) && spaceOnly(text, link, tokens[at]!) && spaceOnly(text, tokens[at - 2]!, link)) at -= 2;
    else if (/^[ \t]*,[ \t]*$/.test(tokenGap(text, link, tokens[at]!)) && /^\p{L}+$/u.test(link.norm)) at -= 1;
    else break;
  }
  return at !== match && tokens[at - 1]?.norm !== 'as' ? match : at;
}

/**
 * A reduced passive relative before "as" (retired sets' kind): "bullied by a peer described by the
 * counselor as hostile" describes the peer, the noun right before the participle (with its
 * article), not the agent after "by" nor the clause's subject. Its index, or undefined.
 */
function reducedPassiveNoun(text: string, tokens: readonly Token[], match: number): number | undefined {
  const at = firstAfterAs(text, tokens, match);
  const as = tokens[at - 1];
  if (as?.norm !== 'as' || !spaceOnly(text, as, tokens[at]!)) return undefined;
  // "as" ← agent (up to three words, spaces only) ← "by" ← participle ← noun.
  for (let by = at - 3; by >= 2 && at - 3 - by < 3; by--) {
    if (!spaceOnly(text, tokens[by]!, tokens[by + 1]!)) return undefined;
    if (tokens[by]!.norm !== 'by') continue;
    const participle = tokens[by - 1]!;
    const noun = tokens[by - 2]!;
    if (!/ed$/.test(participle.norm) || !spaceOnly(text, participle, tokens[by]!) || !spaceOnly(text, noun, participle)) return undefined;
    if (!/^\p{L}+$/u.test(noun.norm) || LINKS.has(noun.norm) || NOT_MODIFIERS.has(noun.norm) || PREPOSITIONS.has(noun.norm)) return undefined;
    const article = tokens[by - 3];
    return article && spaceOnly(text, article, noun) && (ARTICLES.has(article.norm) || isPossessive(text, article)) ? by - 2 : undefined;
  }
  return undefined;
}

function smallClauseHead(text: string, tokens: readonly Token[], match: number): number | undefined {
  const at = firstAfterAs(text, tokens, match);
  const before = tokens[at - 1];
  if (before?.norm !== 'as' || !spaceOnly(text, before, tokens[at]!)) return undefined;
  const noun = tokens[at - 2];
  if (noun === undefined || !spaceOnly(text, noun, before)) return undefined;
  if (['him', 'her', 'them'].includes(noun.norm)) return at - 2;
  // A noun phrase with its article or possessive ("his former squad leader"), not a verb ("has
  // never become as combative as").
  for (let i = at - 3; i >= 0 && at - 3 - i < 3; i--) {
    if (!spaceOnly(text, tokens[i]!, tokens[i + 1]!)) return undefined;
    if (ARTICLES.has(tokens[i]!.norm) || isPossessive(text, tokens[i]!)) {
      // A passive's agent is not the one described: "The witness was described by the officers as
      // hysterical" describes the witness (the subject, read as for any predicate).
      if (tokens[i - 1]?.norm === 'by' && spaceOnly(text, tokens[i - 1]!, tokens[i]!)) return i >= 2 ? subjectIndex(text, tokens, i - 2) : undefined;
      return at - 2;
    }
  }
  return undefined;
}

/**
 * "the bystander who called 911 was hysterical": a subject found inside a relative clause that
 * ends before the match ("911") is not the match's subject; the noun before "who" is.
 */
/** Is the noun at `head` the predicate of a copula after the patient ("pt is a [known] diabetic", "he was an …")? */
function patientsPredicateNoun(text: string, tokens: readonly Token[], head: number): boolean {
  for (let i = head - 1; i >= 2 && head - i <= 4; i--) {
    if (!spaceOnly(text, tokens[i]!, tokens[i + 1]!)) return false;
    if (tokens[i]!.norm !== 'a' && tokens[i]!.norm !== 'an') continue;
    const copula = tokens[i - 1]!;
    const subject = tokens[i - 2]!;
    return (
      (copula.norm === 'is' || copula.norm === 'was') &&
      spaceOnly(text, copula, tokens[i]!) &&
      spaceOnly(text, subject, copula) &&
      (PATIENT_WORDS.has(subject.norm) || subject.norm === 'he' || subject.norm === 'she')
    );
  }
  return false;
}

function outsideRelative(text: string, tokens: readonly Token[], head: number): number {
  for (let i = head - 1; i > 0 && head - i <= 10; i--) {
    const gap = tokenGap(text, tokens[i]!, tokens[i + 1]!);
    if (/[^ \t]/.test(gap)) return head;
    const relative = tokens[i]!.norm;
    if (relative === 'who' || relative === 'that') {
      const noun = tokens[i - 1]!;
      // "that" is a relative pronoun only after a noun with its article ("the dog that bit him"),
      // not after a verb ("reports that he was").
      const article = tokens[i - 2];
      const nounBefore = relative === 'who' || (article !== undefined && (ARTICLES.has(article.norm) || isPossessive(text, article)));
      return nounBefore && spacedApart(text, noun, tokens[i]!) && !ARTICLES.has(noun.norm) ? i - 1 : head;
    }
  }
  return head;
}

function classify(text: string, tokens: readonly Token[], head: number, depth = 0): Described {
  const token = tokens[head]!;
  const word = token.norm.replace(/['\u2019]s?$/, '');
  // A pronoun is the patient; pronoun.ts reads the one opening its clause as someone else when the
  // sentences before name whom it stands for (describedPerson asks it first).
  if (PATIENT_PRONOUNS.has(word)) return 'patient';
  if (word === 'her' || word === 'his' || word === 'their') return 'patient';
  if (OTHER_PRONOUNS.has(word)) return 'other';
  // "I" is the writer, or the patient in their own words; a word mentioned is nobody ("the word").
  if (word === 'i' || MENTIONS.has(word)) return 'unknown';
  const title = tokens[head - 1];
  if (title && spaceOrStop(text, title, token)) {
    if (TITLES_OF_PATIENT.has(title.norm)) return 'patient';
    if (TITLES_OF_OTHERS.has(title.norm)) return 'other';
  }
  if (TITLES_OF_OTHERS.has(word)) return 'other';
  // The operating room ("The OR refused the tray"; subject.ts reads it as no conjunction).
  if (operatingRoom(text, tokens, head)) return 'other';
  if (AGE.test(word)) {
    if (AGE_WORDS.has(tokens[head + 1]?.norm ?? '') || /^\d{1,3}\s*(?:[mf]|yo)$/i.test(wordAt(text, token))) return 'patient';
    // A number naming which one of a kind of thing ("Sterilizer 3", "Washer 2"): that thing (a
    // "Bed 3" or a "Room 12" is the patient in it, as before: not a thing of THINGS).
    const named = tokens[head - 1];
    return named && spaceOnly(text, named, token) && THINGS.has(named.norm) ? 'other' : 'unknown';
  }
  if (motherIsPatient(text, word, token.start.offset, token.end.offset)) return 'patient';
  // "The child became agitated", "this toddler refused": the patient of a paediatric note.
  if (definiteChild(text, tokens, head)) return 'patient';
  const modifiers = modifiersOf(text, tokens, head);
  if (ATTRIBUTES.has(word)) {
    // "his behavior", "the son's attitude": the owner is the one described.
    const owner = modifiers.find((i) => isPossessive(text, tokens[i]!) || ['his', 'her', 'their'].includes(tokens[i]!.norm));
    return owner === undefined ? 'unknown' : classify(text, tokens, owner);
  }
  const words = modifiers.map((i) => tokens[i]!.norm);
  const aged = words.some((w) => AGE.test(w) || AGE_WORDS.has(w));
  // "The person served", "the person supported": what disability and behavioural-health services
  // call the one they support.
  if ((word === 'served' || word === 'supported') && ['person', 'persons', 'individual'].includes(tokens[head - 1]?.norm ?? '')) return 'patient';
  if (PATIENT_WORDS.has(word)) {
    // "family member", "group member", "co-worker"; "another patient", "the other resident". Not
    // the patient's own noun after a source ("Per police pt was aggressive": no "police pt").
    if (words.some((w) => OTHER_ONE.has(w))) return 'other';
    // "Surgical res", "the night res": a word before "res" makes it a resident physician, not the
    // long-term-care resident a bare "Res" opening the line is.
    if (word === 'res' && words.length > 0) return 'other';
    if (words.some((w) => (BARE_OTHERS.has(w) && !['pt', 'pts', 'patient', 'patients'].includes(word)) || w === 'co')) return 'other';
    if (GENERIC.has(word) && !aged && words.some((w) => INDEFINITE.has(w))) return 'other';
    // "the patient in the next room", "a patient from another unit": a patient picked out by a
    // place beside the one the note is about is someone else.
    if (besidePlace(text, tokens, head)) return 'other';
    // "the woman who lives downstairs": a person picked out by a relative clause is someone else.
    if (GENERIC.has(word) && !aged && tokens[head + 1]?.norm === 'who' && spaceOnly(text, token, tokens[head + 1]!)) return 'other';
    return 'patient';
  }
  // The object of a preposition was taken for the subject ("found at a local church agitated"):
  // the subject is not known.
  const start = modifiers.length > 0 ? modifiers[modifiers.length - 1]! : head;
  const before = tokens[start - 1];
  if (before && spaceOnly(text, before, tokens[start]!) && (NOMINAL_BEFORE.has(before.norm) || PREPOSITIONS.has(before.norm))) {
    // "His roommate at the halfway house was aggressive": the noun the phrase follows is the
    // subject (a verb there, "found at a church", reads as a bare word: unknown).
    const owner = tokens[start - 2];
    if (PLACE_PREPOSITIONS.has(before.norm) && owner && spaceOnly(text, owner, before) && !NOT_MODIFIERS.has(owner.norm) && depth < 2)
      return classify(text, tokens, start - 2, depth + 1);
    // "Another member of the choir insisted", "a member of the public was hostile": the person
    // word before "of" is the one described (subject.ts gives the group after "member of").
    if (before.norm === 'of' && owner && spaceOnly(text, owner, before) && PATIENT_WORDS.has(owner.norm) && depth < 2)
      return classify(text, tokens, start - 2, depth + 1);
    return 'unknown';
  }
  // The patient's medicines, whose loss or theft the patient reports ("His prescription was
  // allegedly stolen", "The pills were purportedly lost in a move"): their account, not known.
  if (MEDICINES.has(word)) return 'unknown';
  // A possessive, an article or a demonstrative: a particular someone or something else ("the
  // owner", "a stray cat", "her supervisor").
  if (words.some((w) => ARTICLES.has(w) || COUNTS.has(w)) || modifiers.some((i) => isPossessive(text, tokens[i]!))) return 'other';
  // Bare: relatives and teams as notes name them, and a body part with its side.
  if (BARE_OTHERS.has(word) || SERVICE_ROLES.has(word) || ANIMALS.has(word) || THINGS.has(word)) return 'other';
  if (words.some((w) => SIDES.has(w)) && !OPERATION.test(word) && !words.some((w) => OPERATION.test(w))) return 'other';
  if (INSTITUTIONS.has(word) && /^\p{Lu}/u.test(wordAt(text, token))) return 'other';
  if (DEPARTMENTS.has(word) && /^\p{Lu}+$/u.test(wordAt(text, token))) return 'other';
  if (ATTENDINGS.has(word) && !['pt', 'patient'].includes(tokens[head - 1]?.norm ?? '')) return 'other';
  // Any other bare common noun is someone or something else ("Tenant refused entry", "Referee
  // insists", "Juror became agitated"), unless it is a word that names the patient in some genre,
  // a name, a shorthand or a telegraphic object ("Meds refused."): those stay not known.
  return 'unknown';
}

// Bare nouns that name the patient in some genre (kept 'unknown', as before, so the rules flag
// them): what a setting calls the one it sees, beside PATIENT_WORDS. Payers and call lines (caller,
// enrollee, beneficiary, insured), justice and detention (youth, juvenile, minor, offender,
// defendant, respondent, probationer, parolee, prisoner), schools and campuses (pupil, freshman,
// sophomore, junior, senior, undergrad, grad, kid, kids, teen, teenager, adolescent), sport
// (player, the sports and the positions a sports-medicine note names: swimmer, cyclist, goalie,
// linebacker…; not "runner", a food or errand runner as often, nor "defender" or "keeper"), school grades
// (kindergartner, preschooler, "first grader", "middle schooler"), blood, gamete and organ services and
// transplant lists (donor, recipient, candidate: "Candidate was defensive", blind probe 11), shelters and outreach (guest, tenant is
// not), research (volunteer in a phase-1 unit is in BARE_OTHERS already, subject is in
// PATIENT_WORDS), paediatrics and perinatal notes (child, infant, toddler, baby, newborn, neonate,
// primip, multip, gravida, parturient), the military (soldier, sailor, airman, marine,
// servicemember, recruit), applicants and survivors, the trades an occupational-health note names its
// worker by (welder, roofer, miner, farmer, laborer…; the sea's and the rig's, as a merchant-mariner or
// offshore fitness exam names its examinee: mariner, seafarer, seaman, deckhand, roughneck, roustabout,
// blind probe 15; not "crewman", the flight or ambulance crew's own member as often; the trades a patient deals with, a plumber or an
// electrician, are SERVICE_ROLES), and a note's shorthand for the patient.
const PATIENT_BARE = new Set(
  'caller callers enrollee enrollees beneficiary beneficiaries insured proband consultand applicant applicants donor donors recipient candidate candidates youth youths juvenile juveniles minor minors offender offenders defendant defendants respondent respondents probationer probationers parolee parolees prisoner prisoners pupil pupils freshman sophomore junior senior undergrad grad kid kids teen teens teenager teenagers adolescent adolescents player players swimmer swimmers cyclist cyclists gymnast gymnasts wrestler wrestlers skater skaters dancer dancers climber climbers lifter lifters boxer boxers rower rowers golfer golfers skier skiers jockey jockeys welder welders roofer roofers carpenter carpenters mason masons machinist machinists miner miners farmer farmers farmworker farmworkers logger loggers trucker truckers laborer laborers labourer labourers fisherman fishermen mariner mariners seafarer seafarers seaman seamen deckhand deckhands roughneck roughnecks roustabout roustabouts ironworker ironworkers pipefitter pipefitters bricklayer bricklayers millwright goalie goalies goalkeeper quarterback linebacker lineman linemen pitcher catcher striker midfielder fullback halfback kicker punter libero kindergartner kindergartener preschooler preschoolers schooler schoolers grader graders guest guests child children infant infants toddler toddlers baby babies newborn neonate primip multip primigravida multigravida gravida parturient soldier soldiers sailor sailors airman marine servicemember survivor survivors client clients consumers residents veterans inmates detainees students athletes employees workers participants subjects men women males females boys girls individuals persons people victim victims decedent evaluee refugee refugees asylee asylees migrant migrants newcomer evacuee case cases contact contacts patron patrons px ptn clt mbr ee ees mom mother'.split(
    ' ',
  ),
);
// Endurance athletes as an event's medical tent names its patient, read only when the noun stands
// alone at the start of a sentence (bareSubject): a word before it ("food runner") is a trade.
const ENDURANCE = new Set('marathoner marathoners triathlete triathletes ultrarunner ultrarunners'.split(' '));
// Runners and joggers are the patient only where the text names a race or its course (RACE).
const RACE_ATHLETES = new Set('runner runners jogger joggers'.split(' '));
// Not a bare "race" (a demographic field) or "course" (of antibiotics).
const RACE = /\b(?:(?:half[- ])?marathon|triathlon|ultramarathon|road race|race day|5k|10k|finish line|medical tent|mile \d+|aid station)\b/i;
// Words after "refused" that show it has no object of its own ("Meds refused x2", "Insulin refused
// this AM", "Shower refused per night RN"): the bare noun before it is what was refused. Also a time
// or a reason after it ("Injections refused last visit", "Labs refused since May", "Insulin refused all
// week", "Dressing change refused due to pain": batch 92).
const AFTER_PASSIVE = new Set(
  'x x1 x2 x3 x4 x5 again today tonight overnight this at per by on in during twice before after when as earlier later yesterday am pm times last since for all each every both until till multiple several once throughout due because secondary'.split(
    ' ',
  ),
);

// Times and stages, which open a telegraphic line without being its subject ("Post surgery refuses
// PT", "Night shift agitated").
const TIMES = new Set(
  'post pre postop preop status day days night nights morning mornings evening evenings afternoon afternoons today tonight shift shifts weekend week weeks month months year years'.split(
    ' ',
  ),
);
// The seats a crash note names its patient by.
const CRASH = new Set('driver drivers passenger passengers pedestrian pedestrians rider riders occupant occupants motorcyclist bicyclist'.split(' '));
// Relatives' names the lists do not hold, which the parent rule reads ("Papa refused the CT for the boy").
const KIN: ReadonlySet<string> = new Set(KIN_OTHER_NAMES);
// Nouns of a conduct or a regimen as a telegraphic subject ("adherence poor", "compliance fair").
const CONDUCT = new Set('adherence compliance nonadherence noncompliance participation effort cooperation insight judgment judgement'.split(' '));
// Verbs of a record, whose subject is a source, not the one described ("Records show poor
// compliance", "Staff note aggressive behaviour"): the match is then no predicate of the noun.
const RECORDING = new Set(
  'note show shows document documents describe describes indicate indicates reflect reflects suggest suggests reveal reveals mention mentions list lists cite cites confirm confirms'.split(
    ' ',
  ),
);
// Words that may stand between the bare subject and the predicate ("Tenant was agitated", "Usher
// has been hostile", "Referee again refused").
const LINKS = new Set(
  'is are was were be been being am has have had became become becomes got gets getting seemed seems appeared appears remained remains stayed also again still then now just very quite extremely increasingly repeatedly not never'.split(
    ' ',
  ),
);

// What names.ts asks of a word before or after a name: a role of someone else ("daughter Siobhan",
// "RN Imani", "Farida, his wife,"), or a word for the patient ("pt Maria", "Maria (patient)").
// Relatives the subject model's lists do not name, before a name ("her grandson, Mateo", "his
// brother-in-law Ivo"): found by batch 51 (src/match/names.ts).
const NAME_RELATIVES: ReadonlySet<string> = new Set(NAME_RELATIVES_LIST);
const NAME_PATIENT_WORDS = new Set(['pt', 'pts', 'patient', 'client', 'resident', 'veteran', 'participant', 'consumer', 'individual']);
const NAME_WORDS: NameWords = {
  isRole: (w) =>
    BARE_OTHERS.has(w) ||
    SERVICE_ROLES.has(w) ||
    KIN.has(w) ||
    FEMALE.has(w) ||
    MALE.has(w) ||
    NAME_RELATIVES.has(w) ||
    /-in-law$/.test(w) ||
    TITLES_OF_OTHERS.has(w) ||
    ANIMALS.has(w) ||
    w === 'nurse',
  isPatient: (w) => NAME_PATIENT_WORDS.has(w),
};

/**
 * Does the note write `word` (capitalised, as it opens a sentence at `offset`) capitalised inside a
 * sentence elsewhere, the way a name is written and a role is not ("Spoke with Maria about her
 * labs. … Maria refused labs.", against "Tenant refused entry")? A lone capitalised word opening a
 * sentence is as often the patient's first name as a role with no article; with no list of names,
 * the note's own use of the word is the evidence. Looks only at the word's other occurrences.
 */
function namedInText(text: string, word: string, offset: number): boolean {
  if (insideText !== text) insideAt.clear();
  insideText = text; // adopt this string object (see core/once-per-text.ts recentPerText)
  let found = insideAt.get(word);
  if (!found) {
    insideAt.set(word, (found = []));
    // Two such uses answer for every offset: one of them is another one's.
    for (let at = text.indexOf(word); at !== -1 && found.length < 2; at = text.indexOf(word, at + 1)) {
      const after = text.charCodeAt(at + word.length);
      if (at + word.length < text.length && /[\p{L}\p{N}]/u.test(String.fromCharCode(after))) continue;
      // Inside a sentence: a letter, a digit or a comma before it on its line, after white space.
      const m = /([^\s])\s+$/u.exec(text.slice(Math.max(0, at - 40), at));
      if (m && /[\p{Ll}\p{N},]/u.test(m[1]!)) found.push(at);
    }
  }
  return found.length > 1 || (found.length > 0 && found[0] !== offset);
}
// The uses namedInText counts, per word of the current text (at most two): found once per word, not
// once per sentence the word opens, which read every use for each (quadratic: a newcomer trial's
// 4,000 "Tenant refused entry." lines took 42 s).
let insideText: string | undefined;
const insideAt = new Map<string, number[]>();

/**
 * Is the subject at `head` a bare common noun opening its sentence right before the predicate at
 * `at` (only a form of be, become or an adverb between), written in letters, not a word that names
 * the patient in some genre (PATIENT_BARE), not all caps (initials, a shorthand), and not what a
 * telegraphic passive "refused" had refused ("Meds refused.", "Dressing change refused x2")?
 */
function bareSubject(text: string, tokens: readonly Token[], head: number, at: number): boolean {
  // The phrase may have up to two bare nouns before its head ("Bus driver", "Birth photographer",
  // "Resident advisor": the head says who it is, not a patient's word before it).
  const first = firstOfSentence(text, tokens, head);
  if (head >= at || head - first > 2) return false;
  // Compliance words after a bare noun are about a regimen ("Diet noncompliant", "Insulin poorly
  // adherent"): the patient's, so only verbs of refusal and account and behaviour words are read.
  // "Owner was hostile and argumentative": a second predicate adjective joined by "and" or "or" has
  // the first one's subject; the words up to the first are read.
  let last = at;
  if (
    ['and', 'or'].includes(tokens[at - 1]?.norm ?? '') &&
    at - 2 > head &&
    LINKS.has(tokens[at - 3]?.norm ?? '') &&
    /^\p{L}+$/u.test(tokens[at - 2]!.norm) &&
    !NOT_MODIFIERS.has(tokens[at - 2]!.norm) &&
    !LINKS.has(tokens[at - 2]!.norm) &&
    spaceOnly(text, tokens[at - 2]!, tokens[at - 1]!) &&
    spaceOnly(text, tokens[at - 1]!, tokens[at]!)
  )
    last = at - 2;
  if (!/^(?:refus|declin|claim|insist|alleg|adamant)/.test(tokens[at]!.norm) && !LINKS.has(tokens[last - 1]?.norm ?? '')) return false;
  for (let i = first; i < head; i++) {
    const w = tokens[i]!.norm;
    if (
      !spaceOnly(text, tokens[i]!, tokens[i + 1]!) ||
      !/^\p{L}+$/u.test(w) ||
      ['pt', 'pts', 'patient', 'patients'].includes(w) ||
      TIMES.has(w) ||
      NOT_MODIFIERS.has(w) ||
      ARTICLES.has(w)
    )
      return false;
  }
  // Not a field's value ("Behavior: {calm/agitated}", read as "calm agitated"), and not the first
  // half of a compound ("Trikafta non-adherence").
  const opening = first > 0 ? tokenGap(text, tokens[first - 1]!, tokens[first]!) : '';
  if (opening.includes(':')) return false;
  // Capitalised after a semicolon, where a note goes on in lower case: a name ("Seen; Rosalind refused").
  if (opening.includes(';') && /^\p{Lu}/u.test(wordAt(text, tokens[first]!))) return false;
  const after = tokens[at + 1];
  if (after && /^[-\u2010\u2011/]$/.test(tokenGap(text, tokens[at]!, after))) return false;
  for (let i = head + 1; i <= last; i++) {
    if (!spaceOnly(text, tokens[i - 1]!, tokens[i]!)) return false;
    if (i < last && !LINKS.has(tokens[i]!.norm) && !/ly$/.test(tokens[i]!.norm)) return false;
  }
  const token = tokens[head]!;
  const written = wordAt(text, token);
  const word = token.norm;
  if (!/^\p{L}[\p{L}-]*\p{L}$/u.test(written) || written.length < 3) return false;
  // A crash note's patient by the seat they had ("Driver insists", "Restrained passenger refused");
  // a driver of a trade ("Bus driver", "Delivery driver") is someone else.
  if (CRASH.has(word) && (head === first || /ed$/.test(tokens[head - 1]!.norm) || ['front', 'rear', 'back', 'seat'].includes(tokens[head - 1]!.norm)))
    return false;
  if (TIMES.has(word) || PATIENT_WORDS.has(word) || PATIENT_BARE.has(word) || MEDICINES.has(word) || KIN.has(word) || CONDUCT.has(word) || ATTRIBUTES.has(word))
    return false;
  // A race's patient by the event ("Triathlete was combative", "Runner was belligerent": a marathon
  // medical tent's note, blind probe 17). Alone only: "Food runner was rude" names someone else. A
  // bare "runner" or "jogger" needs the race in the text: a ward's "Runner refused the tray" is the
  // food runner, which is why "runner" is not in PATIENT_BARE.
  if (head === first && (ENDURANCE.has(word) || (RACE_ATHLETES.has(word) && RACE.test(text)))) return false;
  // An -ly, -ed or -ing word is no noun ("Initially refused", "Sedated, agitated").
  if (/(?:ly|ed|ing)$/.test(word) || NOT_MODIFIERS.has(word) || PREPOSITIONS.has(word) || RECORDING.has(word)) return false;
  if (written === written.toUpperCase()) return false;
  if (head === first) {
    // A given name ("Maria refused labs."): the patient's, unless the note says whose it is (names.ts).
    const name = readName(text, written, token.start.offset, NAME_WORDS);
    if (name === 'other') return true;
    if (name === 'name' || namedInText(text, written, token.start.offset)) return false;
  }
  // What was refused, not who: "Meds refused.", "Insulin refused this AM", "Shower refused x2".
  if (/^(?:refus|declin)/.test(tokens[at]!.norm)) {
    // A passive ("Dressing change was refused a second time"): the subject is what was refused.
    if (PASSIVE_BE.has(tokens[at - 1]?.norm ?? '')) return false;
    const next = tokens[at + 1];
    if (next === undefined || /[.;:!?,()\n]/.test(tokenGap(text, tokens[at]!, next)) || AFTER_PASSIVE.has(next.norm) || /^\d/.test(next.norm)) return false;
  }
  return true;
}

// Words that pick out a place beside the patient's: "in the next room", "from another unit".
const BESIDE = new Set(['next', 'adjacent', 'neighboring', 'neighbouring', 'another', 'other']);

/** Does a place beside the patient's follow the person noun at `head` ("in the next room", "from another unit", "on the other side of the curtain")? */
function besidePlace(text: string, tokens: readonly Token[], head: number): boolean {
  const preposition = tokens[head + 1];
  if (preposition === undefined || !['in', 'from', 'on', 'at'].includes(preposition.norm) || !spaceOnly(text, tokens[head]!, preposition)) return false;
  let i = head + 2;
  if (tokens[i]?.norm === 'the') i++;
  const place = tokens[i];
  return place !== undefined && BESIDE.has(place.norm) && spaceOnly(text, tokens[i - 1]!, place);
}

// Words that may stand between a bracketed appositive and the predicate ("Caller (patient) was
// belligerent", "Visitor (pt's son) then became hostile").
const LINKING = new Set(
  'is are was were be been being became become becomes got gets remained remains seemed seems appeared appears then also again still very quite'.split(' '),
);
// First words that make a bracket a way or a source, not an appositive ("Patient (via phone
// interpreter) refused", "Pt (per wife) refused").
const BRACKET_PREPOSITIONS = new Set('via per through by with from using according'.split(' '));
// How many words a bracketed appositive may have ("(pt's daughter)", "(the patient's sister)").
const PARENTHETICAL_WORDS = 4;

/**
 * The subject reading stops at a bracket; complaint logs and incident notes name who a subject is
 * in one: "Complainant (pt's daughter) was hostile", "Caller (patient) belligerent", "Guardian
 * (sister) was angry". The last word in the brackets says who it is (someone else, or the patient);
 * when it says neither, the noun before the brackets does. 'unknown' when no bracketed appositive
 * stands right before the predicate.
 */
function parenthetical(text: string, tokens: readonly Token[], at: number): Described {
  let last = at - 1;
  while (last >= 0 && LINKING.has(tokens[last]!.norm) && spaceOnly(text, tokens[last]!, tokens[last + 1]!)) last--;
  if (last < 0 || !/^[ \t]*\)[ \t]*$/.test(tokenGap(text, tokens[last]!, tokens[last + 1]!))) return 'unknown';
  for (let first = last; first >= 0 && last - first < PARENTHETICAL_WORDS; first--) {
    const gap = first > 0 ? tokenGap(text, tokens[first - 1]!, tokens[first]!) : '';
    if (/^[ \t]*\([ \t]*$/.test(gap)) {
      // "(via phone interpreter)", "(per daughter)": a way of speaking or a source, not who the
      // subject is; the noun before the brackets says that.
      if (BRACKET_PREPOSITIONS.has(tokens[first]!.norm)) return classify(text, tokens, first - 1);
      const inside = classify(text, tokens, last);
      if (inside !== 'unknown') return inside;
      // "Arjun (front desk) refused": a name opening the sentence, given a role or a workplace in brackets.
      const named = tokens[first - 1];
      if (
        named &&
        first - 1 === firstOfSentence(text, tokens, first - 1) &&
        !(first > 1 && (TITLES_OF_PATIENT.has(tokens[first - 2]!.norm) || TITLES_OF_OTHERS.has(tokens[first - 2]!.norm))) &&
        isGivenName(wordAt(text, named)) &&
        bracketAfter(text.slice(named.end.offset), NAME_WORDS) === 'other'
      )
        return 'other';
      return classify(text, tokens, first - 1);
    }
    if (!/^[ \t\-\u2010\u2011]*$/.test(gap)) return 'unknown';
  }
  return 'unknown';
}

/** Does a title stand right before a name ("Mr. Haddad", "Dr Osei")? */
function spaceOrStop(text: string, title: Token, name: Token): boolean {
  return /^\.?[ \t]+$/.test(tokenGap(text, title, name)) && /^\p{Lu}/u.test(wordAt(text, name));
}

/** The indexes of the words before the head within its noun phrase (up to four: "the 52-year-old man"). */
function modifiersOf(text: string, tokens: readonly Token[], head: number): number[] {
  const out: number[] = [];
  for (let i = head - 1; i >= 0 && head - i <= 4; i--) {
    if (!/^[ \t\-\u2010\u2011]*$/.test(tokenGap(text, tokens[i]!, tokens[i + 1]!))) break;
    out.push(i);
    const norm = tokens[i]!.norm;
    if (ARTICLES.has(norm) || isPossessive(text, tokens[i]!)) break;
  }
  // Stop at a word that cannot modify a noun: a verb or a preposition before the phrase ("Medic
  // reports pt", "he's been pretty").
  const kept: number[] = [];
  for (const i of out) {
    if (NOT_MODIFIERS.has(tokens[i]!.norm)) break;
    kept.push(i);
  }
  return kept;
}

/** The index of the first token of the clause-free run holding `i` (its sentence's first word). */
function firstOfSentence(text: string, tokens: readonly Token[], i: number): number {
  let j = i;
  while (j > 0 && !/[.;:!?\n]/.test(tokenGap(text, tokens[j - 1]!, tokens[j]!))) j--;
  return j;
}

// What a person is refused, right after a passive "refused" ("was refused entry", "been refused a bed").
const REFUSED_THINGS = new Set('any further entry admission access service services care surgery treatment transplant housing placement coverage'.split(' '));
// After "was refused a/an", any noun is what the subject was refused ("a bed", "a refill", "a transfer",
// "a seat on the flight", "a berth": blind probe 15 found the list of places too short), except a time
// or a count, which makes the subject what the patient refused ("Dressing change was refused a second
// time", "Insulin was refused a total of 3 times", "Labs were refused an hour ago").
const REFUSED_TIMES = new Set(
  'second third fourth fifth sixth 2nd 3rd 4th 5th 6th few couple total number lot bit little short good great majority while time times hour day week month year minute moment half dozen'.split(
    ' ',
  ),
);
const PASSIVE_BE = new Set(['was', 'were', 'been', 'being', 'get', 'gets', 'got', 'is', 'are']);

/** Is the match "refused" after a form of be or get, with what was refused after it ("was refused a bed", "been refused surgery")? */
function refusedSomething(text: string, tokens: readonly Token[], at: number): boolean {
  const before = tokens[at - 1];
  const next = tokens[at + 1];
  if (tokens[at]!.norm !== 'refused' || !before || !next || !PASSIVE_BE.has(before.norm) || !spaceOnly(text, before, tokens[at]!)) return false;
  if (!spaceOnly(text, tokens[at]!, next)) return false;
  if (REFUSED_THINGS.has(next.norm)) return true;
  const noun = tokens[at + 2];
  return (next.norm === 'a' || next.norm === 'an') && noun !== undefined && spaceOnly(text, next, noun) && !REFUSED_TIMES.has(noun.norm);
}

// Pronouns that may open a clause as the subject read by pronoun.ts.
const PRONOUN_SUBJECTS = new Set(['he', 'she', 'they']);
// What pronoun.ts asks of this module: the classifier and its word lists.
const READER: Reader = {
  classify: (text, tokens, head) => classify(text, tokens, head),
  isRole: (word) => BARE_OTHERS.has(word) || SERVICE_ROLES.has(word) || TITLES_OF_OTHERS.has(word),
  isPatientWord: (word) => PATIENT_WORDS.has(word),
  nameIsOther: (text, word) => readName(text, word, -1, NAME_WORDS) === 'other',
};
