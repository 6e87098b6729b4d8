// The people a note names who are not the patient: relatives, companions and carers. Each word list
// is written here once, with where it comes from and why; the matchers build their sets and regexes
// from these lists (subject.ts, described.ts, pronoun.ts, relative-speech.ts, speakers.ts), each
// taking the lists its reading needs. Portable: no Node API.
//
// Where the matchers' copies differed when they were gathered here (2026-12-02), each keeps its
// own: the differences are written next to the set that has them, so a later change that makes them
// agree is a decision, measured, not an accident of copying.
// - KIN_LISTED (a parenthesis listing relatives) has no "mum".
// - SPEAKER_KIN (speaker labels) has no "parents", "sibling" or "cousin" label, and has "carer",
//   grandchildren and step-parents, which the subject model's RELATIVE_WORDS has not.
// - OWN_RELATIVE_WORDS ("my husband's an alcoholic") has "kid", "child" and "ex", and no "parent",
//   "sibling", "niece", "nephew", "guardian" or "neighbour".
// - child-patient.ts's NOT_A_RELATIVE (the relatives an age may belong to: "a 4-year-old son") stays
//   in that file: it is the only list with "child", and the file's regexes are kept together there.
// - parent-rule.ts's PARENT_WORDS (the parents of a child patient, with "momma", "daddy") and the
//   rules' own `words:` lists (rules/*.yaml) are data of their rules and stay there.

/**
 * Close family, the kin every list of relatives names: spouses and partners, parents, children,
 * siblings, grandparents, aunts and uncles, nieces and nephews, cousins. From the notes' own
 * words for them (the labelled sets' relatives, NIDA's and the guides' "family member").
 */
export const FAMILY = [
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
  'parents',
  'son',
  'daughter',
  'sister',
  'brother',
  'sibling',
  'grandmother',
  'grandfather',
  'grandma',
  'grandpa',
  'aunt',
  'uncle',
  'niece',
  'nephew',
  'cousin',
] as const;

/** Plurals of close family that a list of relatives holds ("household contacts (brothers, nieces)"). */
export const FAMILY_PLURALS = ['sons', 'daughters', 'brothers', 'sisters', 'siblings', 'nieces', 'nephews', 'cousins'] as const;

/** Partners before marriage: "girlfriend", "fiance(e)" (the accented forms only where a regex reads them). */
export const DATING = ['girlfriend', 'boyfriend', 'fiance', 'fiancee'] as const;

/** Notes' shorthand for a girlfriend and a boyfriend ("GF at bedside insists"). */
export const DATING_SHORT = ['gf', 'bf'] as const;

/** People the patient lives with or near, who come with them and speak for them ("Roommate states"). */
export const HOUSEHOLD = ['friend', 'roommate', 'neighbor', 'neighbour'] as const;

/** Those who care for the patient or decide for them: a caregiver, a guardian. */
export const CARERS = ['caregiver', 'guardian'] as const;

/** Step-parents, which the short lists leave out and the longer ones name. */
export const STEP_PARENTS = ['stepmother', 'stepfather', 'stepmom', 'stepdad'] as const;

/** Grandchildren, which a speaker label and a name's role name ("Granddaughter:", "her grandson, Mateo"). */
export const GRANDCHILDREN = ['grandson', 'granddaughter'] as const;

/**
 * Relatives the subject model's lists do not name, before a name ("her grandson, Mateo", "his
 * brother-in-law Ivo"): found by batch 51 (names.ts reads them through described.ts).
 */
export const NAME_RELATIVES = [
  ...GRANDCHILDREN,
  'grandsons',
  'granddaughters',
  'grandchild',
  'grandchildren',
  'grandkid',
  'grandkids',
  'godson',
  'goddaughter',
  'godparent',
  'godmother',
  'godfather',
] as const;

/** Relatives' names the other lists do not hold, which the parent rule reads ("Papa refused the CT for the boy"). */
export const KIN_OTHER_NAMES = ['papa', 'mama', 'abuela', 'abuelo', 'nana', 'granny', 'gran', 'grandparent', 'grandparents', ...STEP_PARENTS] as const;

/** Relatives by gender, which names.ts and pronoun.ts read ("his wife Fatima", "Pt's mother came. She…"). */
export const FEMALE_KIN = [
  'wife',
  'mother',
  'mom',
  'mum',
  'daughter',
  'sister',
  'girlfriend',
  'grandmother',
  'grandma',
  'aunt',
  'niece',
  'fiancee',
  'stepmother',
  'stepdaughter',
] as const;
export const MALE_KIN = [
  'husband',
  'father',
  'dad',
  'son',
  'brother',
  'boyfriend',
  'grandfather',
  'grandpa',
  'uncle',
  'nephew',
  'fiance',
  'stepfather',
  'stepson',
] as const;

/**
 * The person answering an interview, by the name an insurer's, a benefits office's, a shelter's or a
 * jail's interview gives them ("Applicant:", "Claimant:", "Evacuee:", "Inmate:"): the patient
 * themselves, not a relative (speakers.ts).
 */
export const INTERVIEWEES = [
  'applicant',
  'interviewee',
  'claimant',
  'evacuee',
  'inmate',
  'detainee',
  'enrollee',
  'insured',
  'proposed_insured',
  'beneficiary',
] as const;

const without = (words: readonly string[], left: readonly string[]) => words.filter((w) => !left.includes(w));

// ---- The sets each matcher reads, built from the lists above. ----

/**
 * subject.ts: a relative or a companion opening a sentence before a comma ("Wife, at bedside, insists"), with "POA" and "family",
 * step-parents, grandchildren and the baby's father in an obstetric note ("FOB angry at the wait, insists …": third retirement
 * round's kind; "MOB" is the patient there, perinatal.ts).
 */
export const RELATIVE_WORDS: ReadonlySet<string> = new Set([
  ...FAMILY,
  ...DATING,
  ...DATING_SHORT,
  ...HOUSEHOLD,
  ...CARERS,
  ...STEP_PARENTS,
  ...GRANDCHILDREN,
  'fob',
  'poa',
  'family',
]);

/** subject.ts: relatives, and the words joining them, that a parenthesis may list as an appositive (no "mum"). */
export const KIN_LISTED: ReadonlySet<string> = new Set([...without(FAMILY, ['mum']), ...FAMILY_PLURALS, 'roommate', 'roommates', 'and', 'or']);

/**
 * described.ts: relatives and companions named bare ("Mother refuses", "Housemate was aggressive"),
 * the relatives' part of BARE_OTHERS.
 */
export const BARE_RELATIVES = [...FAMILY, 'siblings', ...DATING, ...HOUSEHOLD, 'roommates', 'housemate', 'housemates', ...CARERS, 'family'] as const;

/**
 * speakers.ts: relatives and companions as speaker labels ("Mother:", "Guest_family:"): no
 * "Parents:", "Sibling:" or "Cousin:" label; "Carer:", grandchildren and step-parents are.
 */
export const SPEAKER_KIN = [
  ...without(FAMILY, ['parents', 'sibling', 'cousin']),
  ...DATING,
  ...HOUSEHOLD,
  ...CARERS,
  'carer',
  ...GRANDCHILDREN,
  'stepmother',
  'stepfather',
] as const;

/** speakers.ts: a speaker's own relative ("my husband's an alcoholic", "my ex was a drunk"). */
export const OWN_RELATIVE_WORDS = [
  ...without(FAMILY, ['parent', 'parents', 'sibling', 'niece', 'nephew']),
  'girlfriend',
  'boyfriend',
  'kid',
  'child',
  'stepdad',
  'stepmom',
  'ex',
  'friend',
  'roommate',
] as const;

/**
 * relative-speech.ts: a relative reporting ("Wife states he …", "per mom, …"), as a regex
 * alternation: close family, "family member(s)", partners (with "fiancé(e)"), friend, roommate,
 * carers, grandparents and step-parents. Each alternative is followed in its regexes by a non-letter,
 * so the order of the alternatives does not change a match.
 */
export const REPORTING_RELATIVE = [
  ...FAMILY.map((w) => (w === 'parents' ? 'parents?' : w)).filter((w) => w !== 'parent'),
  ...DATING.map((w) => (w === 'fiance' ? 'fianc[eé]e?' : w)).filter((w) => w !== 'fiancee'),
  String.raw`family(?:\s+members?)?`,
  'friend',
  'roommate',
  ...CARERS,
  'grandparents?',
  ...STEP_PARENTS,
].join('|');
