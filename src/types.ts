// The plain data that flows between stages: rule definitions in, findings out.

export type Severity = 'error' | 'warning' | 'info';
export type SeveritySetting = Severity | 'off';

export const SEVERITY_RANK: Record<Severity, number> = { info: 1, warning: 2, error: 3 };

/**
 * A place in the text that was linted, in UTF-16 code units (JavaScript string indexes, as an LSP
 * position's default encoding and LanguageTool's offsets count): an emoji or another character
 * outside the BMP counts 2. "The text that was linted" is the string given to lintText (or the
 * plugin's file); for a file, its text as read (a BOM left out); for a record of an export (CSV,
 * TSV, JSON Lines, Parquet, FHIR), the record's note, not the file (the record's place in the file
 * is the result's `record`); for a .docx, the text read from it (see Finding.paragraph and context).
 */
export interface Point {
  /** 1-based line; a line ends at \n, \r\n or \r. */
  line: number;
  /** 1-based column in the line, in UTF-16 code units. */
  column: number;
  /** 0-based UTF-16 index into the text: text.slice(start.offset, end.offset) === Finding.actual. */
  offset: number;
}

/**
 * A safe edit, as in ESLint: replace text.slice(range[0], range[1]) with `text`. It covers only the
 * words that change (offsets are 0-based UTF-16 indexes): markup, line breaks and entities between
 * them are copied into `text` unchanged. Can reach beyond the finding (e.g. "a IVDU" → "an …").
 */
export interface Fix {
  range: [number, number];
  text: string;
}

/** Why a finding of a fixable rule carries no fix (see README "Fixing"). */
export type FixSkipReason = 'quoted' | 'markup' | 'address' | 'code' | 'name' | 'meaning';

/** Set instead of `fix` when the rule is fixable but this phrase must not be rewritten. */
export interface FixSkipped {
  reason: FixSkipReason;
  /** One line for people, e.g. "in a URL or e-mail address". */
  message: string;
}

export interface Finding {
  ruleId: string;
  category: string;
  severity: Severity;
  message: string;
  /** The matched phrase: text.slice(start.offset, end.offset) === actual. */
  actual: string;
  /**
   * Person-first alternatives, best first. Frozen: findings of the same phrase share one list (in
   * every call of the process), so copy it (`[...f.suggestions]`) to change it.
   */
  suggestions: readonly string[];
  /** Where the phrase starts (see Point: UTF-16, in the note for a record of an export). */
  start: Point;
  /** Where it ends: the first code unit after it. */
  end: Point;
  /** True when the phrase stands inside quotation marks (often the patient's own words). */
  quoted?: boolean;
  fix?: Fix;
  /** The rule is fixable but this phrase is not fixed, and why (never set together with `fix`). */
  fixSkipped?: FixSkipped;
  note?: string;
  /** Keys of rules/sources.yaml. Frozen, as `suggestions`: the rule's own list, shared by its findings. */
  sources?: readonly string[];
  /**
   * The rule's documentation: docs/rules.md#<rule id> for a built-in rule, the file:// URL of its rule
   * file for a house rule loaded by a config's `extends` or loadRuleFiles (parseRuleFile: the
   * LoadedRuleFile's `docsUrl`, when set). Every finding has one.
   */
  url: string;
  /** Set by lintFiles and the CLI: the file the finding is in. */
  file?: string;
  /** .docx (no lines): the 1-based paragraph, counting paragraphs with text (headings, list items and table cells included). */
  paragraph?: number;
  /** .docx: the sentence the phrase is in, to find it again. */
  context?: string;
}

/**
 * The built-in presets (README "Presets"): `recommended`, the rules precise on real clinical text,
 * and `all`, every rule. There are no custom presets: a rule file's own rules join these two by
 * their `presets` key, so this union is every name Options.preset, a config's `preset` and
 * `--preset` accept.
 */
export type PresetName = 'recommended' | 'all';

/**
 * Something about a linted text that is not a finding, which the command line prints on stderr
 * (`dignify: note.md: warning: line 3: …`) and the API gives on its results (`warnings`: lintText's
 * findings and fix result, lintFiles' results, lintOutcomes' `linted` outcomes), writing nothing.
 * The one kind so far, `unknown-directive`: an inline-control comment (`dignify-disable …`,
 * README "Inline control") names a rule id or category that no rule has, so it disables nothing
 * (or, a category, more than meant). New kinds may be added: switch on `kind` with a default.
 */
export interface LintWarning {
  kind: 'unknown-directive';
  /** The directive's line, 1-based. */
  line: number;
  /** The rule id or category it names that no rule has. */
  name: string;
  /** One line for people, as the command line prints it: `line 3: a dignify directive names "substance-use/adict", which is no rule id or category; did you mean "substance-use/addict"?` */
  message: string;
}

/** How a finding inside quotation marks is treated: reported at info level, reported as usual, or not reported. */
export type QuoteHandling = 'info' | 'flag' | 'ignore';

export interface Options {
  /** Per rule id or category: a severity, or 'off'. A rule id wins over its category. */
  rules?: Record<string, SeveritySetting>;
  /** Phrases never to report (case-insensitive, compared to the whole matched phrase). */
  allow?: string[];
  /** Default 'info'. */
  quotes?: QuoteHandling;
  /** A rule set to use instead of the built-in one (see loadRuleFiles / compileRules). */
  ruleSet?: RuleSet;
  /**
   * Which rules run: 'recommended' (default; the rules precise on real clinical text) or 'all'
   * (every rule, including often-neutral descriptors). A rule id turned on in `rules` runs under
   * any preset. Typed as the preset names (a `string` from elsewhere, such as a command-line flag,
   * is checked first, or cast: at run time an unknown name throws OptionsError, as before).
   */
  preset?: PresetName;
}

declare const ruleSetBrand: unique symbol;

/**
 * A compiled rule set, from compileRules or builtinRules: pass it as Options.ruleSet. Opaque: only
 * its rules can be read; what the matcher keeps inside (indexes, compiled conditions) is private
 * and may change in any release.
 */
export interface RuleSet {
  readonly rules: readonly Rule[];
  readonly [ruleSetBrand]: true;
}

// ---- Rule data, as written in rules/*.yaml (see rules/schema.json) ----

export interface ConditionDefinition {
  before?: string[];
  after?: string[];
  sentence?: string[];
  /**
   * The subject of the match (of the verb, or the noun a predicate adjective describes), read
   * within its clause, is one of these words and not coordinated with the patient: "Mother refuses
   * to leave", "her son is hysterical", "the husband, who was belligerent". Not: "Pt refused",
   * "Husband reports she refused", "yelled at her mother and refused".
   */
  subject?: string[];
  /**
   * `other`: the one the match describes (the subject of the verb, the noun a predicate adjective
   * describes, the noun before "as") is not the patient: a particular someone or something else
   * ("the owner claims", "a stray cat became agitated", "the left eye refuses"), read by
   * src/match/described.ts. The patient, a pronoun for them, a bare role noun ("Runner claims") or
   * no subject ("Refused lunch.") does not hold. `other-in-phrase`: only the match inside a noun
   * phrase after an article ("the supposedly sterile tray", "an insistent alarm"), whose noun is
   * not the patient; the subject of a verb is not read ("the pills were purportedly lost" holds
   * no more).
   */
  described?: 'other' | 'other-in-phrase';
  line?: string;
  /**
   * A regular expression on the header row of the plain-text or Markdown table holding the match
   * alone in a cell below it ("Date | UDS | Comment" over "| 2/2 | + cocaine | dirty |"); never
   * holds outside such a cell (match/table-header.ts).
   */
  table?: string;
  /**
   * A regular expression on the header cell of the match's own column, in the plain-text or
   * Markdown table (two columns or more) holding the match alone in a cell below it ("| Visit | Med
   * adherence |" over "| 11/02 | poor |"); never holds outside such a cell (match/table-header.ts).
   */
  column?: string;
  within?: number;
  /** before/after: look no further than the clause, i.e. stop at punctuation (a comma, semicolon, colon, dash, parenthesis). */
  clause?: boolean;
  /**
   * before/after: look no further than the noun phrase: the window stops at a mark that ends a
   * clause other than a comma (full stop, semicolon, colon, question or exclamation mark,
   * parenthesis, bracket) and at a word that starts a new clause or an example (that, which, who,
   * especially, including, is, are …). "an obese, white female" holds; "people who are obese,
   * especially women" and "Obese. … PT/PTT" do not.
   */
  phrase?: boolean;
  /** sentence: also look in the previous sentence of the paragraph ("Uses heroin daily. Relapsed last week."). */
  previous?: boolean;
  /**
   * sentence: also look in the next sentence of the paragraph, for a match in the last `within` words of its
   * sentence ("Was he high? Pupils pinpoint, naloxone given.": a question answered by the sentence after it).
   */
  next?: boolean;
  /**
   * before/after/sentence: phrases that do not count where they stand, so `after: ["*"]` (any
   * word) with `except: ["{person}"]` means "a word follows that is not a person noun" ("a
   * diabetic diet", not "a diabetic patient").
   */
  except?: string[];
  /**
   * The match is one item of an enumeration: three items or more, each of a few words, joined by
   * commas, "and", "or" or slashes, within its clause ("mutism, posturing, combativeness and
   * negativism"). `true` is the only value.
   */
  list?: boolean;
  /** The condition applies only when the match is exactly one of these phrases (patterns, e.g. `combativeness`, `a|an diabetic`). */
  forms?: string[];
  /**
   * The condition holds only in a note whose patient is a child (an age of 12 or under, school
   * below secondary level, a paediatric word: src/match/child-patient.ts): `after: ["to eat"]`
   * with `patient: child` excuses "He refuses to eat any fiber" in a paediatric history only.
   */
  patient?: 'child' | 'young-child';
}

/**
 * A rule's example: a sentence, or one with what the finding must show: the phrase reported
 * (`actual`), the text after --fix (`fixed`), the first suggestion offered (`suggestion`).
 */
export type ExampleDefinition = string | { text: string; actual?: string; fixed?: string; suggestion?: string };

/**
 * Suggestions in the form of the word they replace (RuleDefinition.formSuggestions): where the whole
 * match is one of `forms` (patterns), a finding gets `suggestions` in place of the rule's.
 */
export interface FormSuggestions {
  forms: string[];
  suggestions: string[];
}

export interface RuleDefinition {
  id: string;
  /** One line saying what the rule reports (SARIF shortDescription, editors, `dignify rules`). */
  description?: string;
  severity: Severity;
  /** The presets that hold the rule; default ['recommended', 'all']. Always includes 'all'. */
  presets?: PresetName[];
  match: string[];
  suggestions: string[];
  fixable?: boolean;
  note: string;
  sources: string[];
  conditions?: { requires?: ConditionDefinition[]; unless?: ConditionDefinition[] };
  exceptions?: string[];
  /**
   * retext-equality rule ids this rule reports (category `inclusive`). `match` then lists the
   * phrases retext-equality finds for them: trigger words for the fast path, and documentation.
   */
  equality?: string[];
  /**
   * For a rule with `equality`: the suggestions (items of `suggestions`) a finding gets when
   * retext-equality reports it under that id; an id without an entry gets all of `suggestions`.
   */
  equalitySuggestions?: Record<string, string[]>;
  /**
   * An item of `suggestions` naming the person: offered first, and the one --fix writes, where the
   * matched term names a person ("is an IVDU", "Known IVDA", "ivdrugabuser") rather than a behaviour
   * ("hx of IVDU"). match.ts namesPerson decides.
   */
  personSuggestion?: string;
  /**
   * Suggestions by the form of the match, first entry that holds wins: "refuses" -> "declines" and
   * "refusing" -> "declining" where `suggestions` has "declined" (for "refused"). A finding whose match
   * is no entry's form gets `suggestions`.
   */
  formSuggestions?: FormSuggestions[];
  examples: { flag: ExampleDefinition[]; pass: string[] };
}

/** What a set word stands for in suggestions: a replacement text ({set}) or named fields ({set.field}). */
export type SetValue = string | Record<string, string>;

export interface SetDefinition {
  default?: SetValue;
  words: string[] | Record<string, SetValue>;
}

export interface RuleFileDefinition {
  category: string;
  description?: string;
  sets?: Record<string, SetDefinition>;
  exceptions?: string[];
  rules: RuleDefinition[];
}

/** A rule as the engine and the reporters see it: the definition plus its category and source file. */
export interface Rule extends RuleDefinition {
  category: string;
  fixable: boolean;
  /** The one-line description, or the first sentence of the note when the rule file gives none. */
  description: string;
  presets: PresetName[];
  /** The rule file it came from (for error messages and docs). */
  file: string;
  url: string;
}
