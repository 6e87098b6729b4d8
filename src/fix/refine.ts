// Turns each finding's whole-phrase fix into an edit of only the words that change, or withholds
// it with a reason. Lint builds a fix as "replace the phrase with the suggestion"; in Markdown or
// HTML the phrase's source range can hold markup ("*drug* abuse", "drug <b>abuse</b>", a comment,
// a line break), and replacing it whole destroyed that markup. Here the phrase and the suggestion
// are aligned word by word: words equal in both (case aside) are left as written, the words that
// change are replaced one for one, and what lies between them is copied unchanged. The format's
// own tree says where text may be edited (its text nodes: `segments`); a word outside them, or a
// change in the number of words across markup, withholds the fix. So do a URL or e-mail address,
// code, a proper name ("Drug Abuse Resistance Education"), and a replacement that would drop a
// word carrying meaning (a history marker, a negation).
import { CLIPPED } from '../parse/tokens.js';
import type { Finding, Fix, FixSkipped, FixSkipReason } from '../types.js';
import { lineAround } from '../parse/lines.js';
import { countBelow } from '../match/count-below.js';
import { lazyRegExp } from '../core/lazy-regexp.js';
import { isAsciiText } from '../core/ascii.js';
import { hiddenFree, INVISIBLE, INVISIBLE_ENTITY } from '../parse/hidden.js';

/**
 * [start, end) UTF-16 offsets of a run of editable text (a text node's source), sorted, not
 * overlapping; `forbidden`, the characters an edit may not write there (a Markdown title's
 * delimiters, which would end it early: src/parse/markdown.ts titleRun).
 */
export type Segment = readonly [start: number, end: number, forbidden?: string];

interface Word {
  text: string;
  start: number;
  end: number;
}

// A word: letters and digits, with inner apostrophes ("ivda'er"). Entities are skipped as a whole,
// so "&nbsp;" between two words stays a separator. Built on first use: with the flags iu, its
// Unicode classes cost ~15 M instructions to build, so an ASCII text (most notes) is read with
// ASCII_WORD instead, which matches the same there: the letters and digits of ASCII are [a-z\d]
// in either case, and "’" is not ASCII.
const WORD = lazyRegExp(String.raw`&(?:#\d+|#x[\da-f]+|[a-z][a-z\d]*);|([\p{L}\p{N}]+(?:['’][\p{L}\p{N}]+)*)`, 'giu');
const ASCII_WORD = /&(?:#\d+|#x[\da-f]+|[a-z][a-z\d]*);|([a-z\d]+(?:'[a-z\d]+)*)/gi;
// "&" (or "&amp;" in HTML) standing alone between two words, spaces around it or not.
const AMPERSAND = /^\s*&(?:amp;)?\s*$/;

/** Does `word` hold anything but letters, digits and apostrophes? (An ASCII word is tested without building the Unicode class.) */
function hasOtherThanWordCharacters(word: string): boolean {
  return isAsciiText(word) ? /[^A-Za-z0-9']/.test(word) : /[^\p{L}\p{N}'’]/u.test(word);
}

/** The words of `text` (entities skipped), with UTF-16 offsets from `offset`. */
export function wordsOf(text: string, offset = 0): Word[] {
  const out: Word[] = [];
  for (const m of text.matchAll(isAsciiText(text) ? ASCII_WORD : WORD())) {
    if (m[1]) out.push({ text: m[1], start: offset + m.index, end: offset + m.index + m[1].length });
  }
  return out;
}

/**
 * Words a replacement must not drop: they say when (a history marker) or whether (a negation), by
 * class: a replacement that says the same with another word of the class (or of its saidBy) does
 * not drop it ("Denies" -> "reports no", "Former addict" -> "person in recovery": a suggestion in the form of its
 * phrase, rules' formSuggestions; a blind suggestion probe of 2026-12-03 found "no-did not attend" and
 * "a former person in recovery").
 */
const CLASSES: { kept: readonly string[]; saidBy: readonly string[] }[] = [
  // "Missed" says "did not": "3 no shows" -> "3 missed appointments", where the kept "no" read "3 no missed appointments".
  { kept: ['no', 'not', 'non', 'denies', 'denied', 'never', 'without', 'negative', 'neg', 'none'], saidBy: ['missed'] },
  { kept: ['hx', 'history', 'past', 'prior', 'previous', 'former', 'formerly', 'remote', 'pmh'], saidBy: ['previously', 'recovery'] },
  { kept: ['recent', 'active', 'current', 'ongoing', 'chronic'], saidBy: ['currently'] },
];
/** A word the replacement must keep → every word that says its meaning (its class's, and saidBy). */
const MEANING = new Map<string, readonly string[]>(
  CLASSES.flatMap(({ kept, saidBy }) => {
    const said = [...kept, ...saidBy];
    return kept.map((w) => [w, said] as const);
  }),
);

const ARTICLES = new Set(['a', 'an']);
const SMALL = new Set(['a', 'an', 'and', 'as', 'at', 'by', 'for', 'in', 'of', 'on', 'or', 'the', 'to', 'with']);

const MESSAGES: Record<FixSkipReason, string> = {
  quoted: "in quotation marks: possibly the patient's own words",
  markup: 'split by markup, which a fix would break: edit it by hand',
  address: 'in a URL or e-mail address',
  code: 'in code',
  name: 'part of a proper name (Title Case): add it to allow if it is one, else edit it by hand',
  meaning: 'the replacement would drop a word that carries meaning: edit it by hand',
};

// Not markup: a word whose letters stand apart in one text node ("I.V.D.U.", "E.t.O.H.", a soft
// hyphen, an entity), read as one word by the second reading (src/parse/hidden.ts). Where the
// stops or hidden characters would go in the replacement cannot be known.
const SPLIT_WORD = 'stops or hidden characters between its letters: edit it by hand';

// Not split either: no word of the phrase is in a text node a fix may edit. In Markdown that is the
// label of a shortcut or collapsed reference link ("[drug abuse]", which names its definition); the
// message said "split by markup" there, where nothing splits it (a newcomer trial).
const NOT_TEXT = "in a link's label, an attribute's value or another part of the markup a fix may not edit: edit it by hand";

// A replacement holding a quote (or parenthesis, backslash, "&") of a Markdown title's delimiters.
const TITLE_DELIMITER = "the replacement holds a character that would end or escape the link's title: edit it by hand";

// The characters and entities hidden.ts removes inside a word (a soft hyphen, a zero-width space, "&shy;").
const HIDDEN_IN_WORD = lazyRegExp(`[${INVISIBLE}]|${INVISIBLE_ENTITY}`, 'i');
const POSSESSIVE = /['\u2019]s$/i;

function skip(reason: FixSkipReason, message = MESSAGES[reason]): FixSkipped {
  return { reason, message };
}

// The stretch around an offset up to white space or a bracket: "https://x.org/drug-abuse" in
// "(see https://x.org/drug-abuse)", but only "abuse" in "[drug abuse](https://x.org/)".
const DELIMITER = /[\s<>()[\]{}"'`]/;
function chunkAt(text: string, at: number): string {
  let start = at;
  let end = at;
  while (start > 0 && !DELIMITER.test(text[start - 1]!)) start--;
  while (end < text.length && !DELIMITER.test(text[end]!)) end++;
  return text.slice(start, end);
}

const ADDRESS =
  /[a-z][a-z\d+.-]*:\/\/|^www\.|[\w.+-]@[\w-]+\.[\w.-]|\b[\w-]+\.(?:org|com|net|gov|edu|info|io|int|mil|nhs\.uk|uk|us|ca|au|nz|de|fr|eu)(?:[/:?#]|$)|^mailto:/i;

function inAddress(text: string, start: number, end: number): boolean {
  return ADDRESS.test(chunkAt(text, start)) || ADDRESS.test(chunkAt(text, Math.max(start, end - 1)));
}

// Where the backticks of the last text asked about are (sorted offsets), found once per text: the
// line before a finding was sliced and searched for each finding, quadratic on a note flattened
// to one line (a dense 10 MB line spent a third of its time here).
let ticksText: string | undefined;
let ticks: number[] = [];

/** Plain text: inside `backticks` on its line (a note pasted from a wiki or a chat). */
function inCode(text: string, start: number): boolean {
  if (ticksText === text)
    ticksText = text; // adopt this string object (see core/once-per-text.ts recentPerText)
  else {
    ticksText = text;
    ticks = [];
    for (let i = text.indexOf('`'); i !== -1; i = text.indexOf('`', i + 1)) ticks.push(i);
  }
  if (ticks.length === 0) return false;
  const [lineStart, lineEnd] = lineAround(text, start);
  const before = countBelow(ticks, start) - countBelow(ticks, lineStart);
  if (before % 2 === 0) return false;
  return countBelow(ticks, lineEnd) > countBelow(ticks, start);
}

// The Unicode classes below are built on first use, and ASCII text is read with ASCII classes,
// which say the same there (its letters are [A-Za-z], its upper-case ones [A-Z], its lower-case
// ones [a-z], its digits [0-9]): each `\p{…}` costs ~0.45 M instructions at each parse, and a
// regex is parsed when made and again at its first run. A one-line check with a finding ran all of
// these (esbuild makes a `\p` literal inside a function a `new RegExp` at each call): ~7 M.
const INITIAL_UPPER = lazyRegExp(String.raw`^\p{Lu}`, 'u');
const TITLE_WORD = lazyRegExp(String.raw`^\p{Lu}\p{Ll}{2,}`, 'u');
const LEADING_LETTERS = lazyRegExp(String.raw`^\p{L}+`, 'u');
const startsUpper = (w: string) => (w.charCodeAt(0) < 0x80 ? /^[A-Z]/.test(w) : INITIAL_UPPER().test(w));
const titleWord = (w: string) => (isAsciiText(w) ? /^[A-Z][a-z]{2,}/.test(w) : TITLE_WORD().test(w)) && !SMALL.has(w.toLowerCase());
/** How many UTF-16 code units of letters `text` holds from `at` (`^\p{L}+` there, without its class when they are ASCII). */
export function lettersFrom(text: string, at: number): number {
  let i = at;
  for (; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x80) return LEADING_LETTERS().exec(text.slice(at))?.[0].length ?? 0;
    if ((c | 0x20) < 0x61 || (c | 0x20) > 0x7a) break;
  }
  return i - at;
}
// What may stand between the words of a name: spaces, emphasis marks, inline tags.
const NAME_GAP = String.raw`(?:[ \t*_~]|<\/?[a-z][^>\n]*>)+`;
const NEXT_WORD = lazyRegExp(String.raw`^${NAME_GAP}([\p{L}\p{N}'’]+)`, 'u');
const PREVIOUS_WORD = lazyRegExp(String.raw`([^\s*_~>]?)[ \t]*([\p{L}\p{N}'’]+)${NAME_GAP}$`, 'u');
const ASCII_NEXT_WORD = new RegExp(String.raw`^${NAME_GAP}([A-Za-z0-9'’]+)`, 'u');
const ASCII_PREVIOUS_WORD = new RegExp(String.raw`([^\s*_~>]?)[ \t]*([A-Za-z0-9'’]+)${NAME_GAP}$`, 'u');

/**
 * A Title Case phrase next to another Title Case word is taken as part of a name ("Drug Abuse
 * Resistance Education", "Riverside Alcohol Abuse Clinic"): renaming a programme is not ours to do.
 * A Title Case heading on its own ("## Drug Abuse") is not a name.
 */
export function inProperName(text: string, start: number, end: number): boolean {
  const words = wordsOf(text.slice(start, end)).map((w) => w.text);
  if (words.length === 0 || !words.every((w, i) => startsUpper(w) || (i > 0 && SMALL.has(w.toLowerCase())))) return false;
  const after = text.slice(end, end + 80);
  const next = (isAsciiText(after) ? ASCII_NEXT_WORD : NEXT_WORD()).exec(after);
  if (next && titleWord(next[1]!)) return true;
  const before = text.slice(Math.max(0, start - 80), start);
  const previous = (isAsciiText(before) ? ASCII_PREVIOUS_WORD : PREVIOUS_WORD()).exec(before);
  // The word before counts unless it starts a sentence ("Drug Abuse" after "Hx." is no name).
  return Boolean(previous && titleWord(previous[2]!) && previous[1] !== '' && !/[.!?:;]/.test(previous[1]!));
}

function segmentIndex(segments: readonly Segment[], offset: number): number {
  let lo = 0;
  let hi = segments.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const [s, e] = segments[mid]!;
    if (offset < s) hi = mid - 1;
    else if (offset >= e) lo = mid + 1;
    else return mid;
  }
  return -1;
}

const same = (a: Word, b: Word) => a.text.toLowerCase() === b.text.toLowerCase();
// A hyphen alone between two words: they make a compound ("no-show", "substance-abuse").
const HYPHEN = /^[-\u2010\u2011]$/;

// The name of a character reference, as Markdown and HTML read them: `&nbsp;`, `&#160;`, `&#xA0;`.
const REFERENCE_START = /&(?:#x?)?$/i;

/** Is `w` the name of a character reference of `text` (between its "&", "&#" or "&#x" and its ";")? */
function isReferenceName(text: string, w: Word): boolean {
  return text.charCodeAt(w.end) === 0x3b && REFERENCE_START.test(text.slice(Math.max(0, w.start - 3), w.start));
}

// Labels whose "ex-" a replacement may take in: not "ex-user", which may go on "of crystal meth"
// ("a person in recovery of crystal meth").
const EX_LABEL = /^(?:ivdu|ivda|ivdau|ivdus|ivdas|ivdaus|addicts?)$/i;

/** The word-level edit for one finding's fix, or why there is none. */
export function planFix(
  text: string,
  finding: Pick<Finding, 'fix'> & { start: { offset: number }; end: { offset: number } },
  segments: readonly Segment[] | undefined,
): Fix | FixSkipped {
  const fix = finding.fix!;
  const [s, e] = fix.range;
  if (inAddress(text, s, e)) return skip('address');
  if (!segments && inCode(text, s)) return skip('code');
  // Wholly outside the text nodes (an attribute's value, a link's label read from its definition):
  // that is why, before a Title Case reading of the markup around it ('alt="Known IVDU"').
  if (segments && !segments.some(([from, to]) => from < e && s < to)) return skip('markup', NOT_TEXT);
  if (inProperName(text, finding.start.offset, finding.end.offset)) return skip('name');
  const segs = segments ?? [[0, text.length] as const];
  // The phrase's words are those in its text nodes: a tag name, a URL or a comment between them is markup.
  const from: Word[] = [];
  for (const w of wordsOf(text.slice(s, e), s)) {
    // So is a character reference ("an&nbsp;IVDU", in HTML, Markdown or a note pasted from a web
    // form): its name read as a word was aligned with the replacement's.
    if (isReferenceName(text, w)) continue;
    const i = segmentIndex(segs, w.start);
    if (i >= 0 && w.end <= segs[i]![1]) from.push(w);
    else if (i >= 0 || segmentIndex(segs, w.end - 1) >= 0) return skip('markup'); // half in a text node
  }
  // A fix that starts at an article ("a IVDA" → "an …") holds the text between the article and
  // the phrase as the matcher read it: the source's, or (a phrase found by the second reading,
  // parse/hidden.ts) the source's with its hidden characters undone ("&nbsp;" read as a space).
  // The replacement is the article and the phrase's replacement, as words. Taking the source's
  // length off the second reading's fix cut the replacement ("an&nbsp;IVDU" → "a&nbsp;n who injects drugs").
  let replacement = fix.text;
  // (A prefix "ex-" taken in as "former", suggest.ts withEx, is a word of the phrase like the others.)
  if (s < finding.start.offset && !/^ex-$/i.test(text.slice(s, finding.start.offset))) {
    const article = fix.text.slice(0, lettersFrom(fix.text, 0));
    const between = text.slice(s + lettersFrom(text, s), finding.start.offset);
    const read = [between, hiddenFree(between)?.text, hiddenFree(between, true)?.text].find(
      (written) => written !== undefined && fix.text.startsWith(written, article.length),
    );
    if (read === undefined) return skip('markup', SPLIT_WORD);
    replacement = `${article} ${fix.text.slice(article.length + read.length)}`;
  }
  const to = wordsOf(replacement);
  if (from.length === 0) return skip('markup', NOT_TEXT);
  if (to.length === 0) return skip('markup');
  // A hidden character between two of the phrase's "words" makes them one word as written ("drug
  // ab\u00aduse", "drug\u00adabuse"): aligned as two, the fix deleted "ab" with the space before it
  // ("drug\u00aduse") or glued the replacement ("substance\u00aduse"). A newcomer trial found both.
  for (let k = 1; k < from.length; k++) if (HIDDEN_IN_WORD().test(text.slice(from[k - 1]!.end, from[k]!.start))) return skip('markup', SPLIT_WORD);
  // A possessive ("The IVDU's wife", "Drug abuse's toll"): the replacement would drop its "'s".
  if (POSSESSIVE.test(from[from.length - 1]!.text) && !POSSESSIVE.test(to[to.length - 1]!.text))
    return skip('meaning', `the phrase is a possessive ("${from[from.length - 1]!.text}"), which the replacement would drop: edit it by hand`);
  // A plural possessive ("the alcoholics' families", "addicts' needs"): the apostrophe stays after the
  // phrase, so the fix read "the people with alcohol use disorder' families". An editor writes "the
  // families of people with …", which reorders the sentence: no edit.
  // (A word in single quotes, "'addicts'", is no possessive.)
  if (
    /s$/i.test(from[from.length - 1]!.text) &&
    /^['\u2019](?![\p{L}\p{N}])/u.test(text.slice(e)) &&
    !/['\u2018\u2019]$/u.test(text.slice(0, s)) &&
    to[to.length - 1]!.text !== from[from.length - 1]!.text
  )
    return skip('meaning', `the phrase is a plural possessive ("${from[from.length - 1]!.text}'"), which the replacement cannot take: edit it by hand`);
  // Text before the first or after the last word of the replacement belongs to those words.
  to[0] = { ...to[0]!, text: replacement.slice(0, to[0]!.end), start: 0 };
  const lastTo = to.length - 1;
  to[lastTo] = { ...to[lastTo]!, text: replacement.slice(to[lastTo]!.start), end: replacement.length };

  // Words both share at either end stay as written.
  let p = 0;
  while (p < from.length && p < to.length && same(from[p]!, to[p]!)) p++;
  let q = 0;
  while (q < from.length - p && q < to.length - p && same(from[from.length - 1 - q]!, to[to.length - 1 - q]!)) q++;
  let oi = p;
  let oj = from.length - q;
  let ni = p;
  let nj = to.length - q;
  // A meaning word the replacement lacks stays where it is when it is at an edge ("EtOH abuse hx"
  // → "alcohol use hx"); inside the changed words it cannot be kept, so nothing is fixed.
  const replacementWords = new Set(to.map((w) => w.text.toLowerCase()));
  const dropped = (w: Word) => MEANING.get(w.text.toLowerCase())?.some((said) => replacementWords.has(said)) === false;
  let keptLeft = false;
  let keptRight = false;
  while (oj > oi && dropped(from[oj - 1]!)) oj--, (keptRight = true);
  while (oi < oj && dropped(from[oi]!)) oi++, (keptLeft = true);
  const keptEdge = keptLeft || keptRight;
  // Kept before a person's wording, the word describes the person, not the condition: a click on "a
  // chronic alcoholic"'s "person with alcohol use disorder" wrote "a chronic person with alcohol use
  // disorder", and after an age and sex header "60 yo M chronic with alcohol use disorder" (a run of 2026-12-04).
  if (keptLeft && /^(?:person|people|with|who)$/i.test(to[ni]?.text.trim() ?? ''))
    return skip('meaning', 'a word before the label describes it, which the replacement cannot keep: edit it by hand');
  const lost = from.slice(oi, oj).find(dropped);
  if (lost) return skip('meaning', `the replacement would drop "${lost.text}": edit it by hand`);
  // A meaning word kept at an edge must stand apart from the words that change: "no-showed" ->
  // "missed" kept "no" and wrote "no-missed" (a newcomer trial of 2026-12-03), half of a compound.
  // Only on the side where a meaning word was kept: on the other side the edge is a word both share
  // ("substance-abuse hx" -> "substance use" keeps "hx" on the right and "substance" on the left, and
  // edits "abuse" alone: "substance-use hx", the compound whole), as for any shared word. Checking
  // both sides withheld that fix for the hyphen on the left (blind probe 8, an AMA note).
  const joined = (left: Word, right: Word) => HYPHEN.test(text.slice(left.end, right.start));
  if (
    (keptLeft && oi > 0 && oi < from.length && joined(from[oi - 1]!, from[oi]!)) ||
    (keptRight && oj > 0 && oj < from.length && joined(from[oj - 1]!, from[oj]!))
  )
    return skip('meaning', 'a compound word half of which says whether or when: edit it by hand');
  // An insertion or a deletion is anchored on a shared word next to it.
  if (oi === oj || ni === nj) {
    if (keptEdge) return skip('meaning');
    if (p > 0 && oi === p) oi--, ni--;
    else if (q > 0 && oj === from.length - q) oj++, nj++;
    else return skip('markup');
  }
  const oldWords = from.slice(oi, oj);
  const newWords = to.slice(ni, nj);

  const seg = oldWords.map((w) => segmentIndex(segs, w.start));
  const oldSeps = oldWords.slice(1).map((w, k) => text.slice(oldWords[k]!.end, w.start));
  // A separator is plain when it is white space inside one text node; anything else is markup. The
  // full stop of a clipped substance word ("subst. abuse", src/parse/tokens.ts) is that word's and
  // goes with it when it changes ("substance use", not "substance. use").
  // A hyphen is not plain: a compound replaced by more or fewer words is no edit ("wheelchair-bound" ->
  // "uses a wheelchair" read "is uses a wheelchair" after the copula the span leaves out; "HIV-infected"
  // -> "is person with HIV"), a trade the blind suggestion probe of 2026-12-03 weighed against "no-showed".
  // An ampersand between two words is the word "and" written short ("clean & sober" -> "in recovery"):
  // kept as markup it read "in & recovery" (blind probe 7, an ASAM assessment).
  // So is the hyphen of a prefix "ex-" the replacement words out ("hx of ex-IVDU" → "hx of former
  // injection drug use", suggest.ts withEx; "an ex-IVDU" → "a person who previously injected drugs").
  const exGone = !/(?<![\p{L}\p{N}])ex(?![\p{L}\p{N}])/iu.test(replacement);
  const plain = oldSeps.map(
    (sep, k) =>
      seg[k] === seg[k + 1] &&
      (/^\s+$/.test(sep) ||
        AMPERSAND.test(sep) ||
        (/^\.\s+$/.test(sep) && CLIPPED.has(oldWords[k]!.text.toLowerCase())) ||
        (exGone && sep === '-' && /^ex$/i.test(oldWords[k]!.text) && EX_LABEL.test(oldWords[k + 1]?.text ?? ''))),
  );
  const newSeps = newWords.slice(1).map((w, k) => replacement.slice(newWords[k]!.end, w.start));

  let out = '';
  if (oldWords.length === newWords.length) {
    // Single letters apart in one text node are one word ("an I.V.D.U." has as many words as "a person
    // who injects drugs"): kept, the stops stood between the new words ("a person.who.injects.drugs").
    const apart = (k: number) => seg[k] === seg[k + 1] && !/\s/.test(oldSeps[k]!) && oldWords[k]!.text.length === 1 && oldWords[k + 1]!.text.length === 1;
    if (oldSeps.some((_, k) => !plain[k] && apart(k))) return skip('markup', SPLIT_WORD);
    oldWords.forEach((w, k) => {
      // A hyphen between two words that both change, where the new words make no compound (a small
      // word among them, or a negation's compound replaced): "no-show" -> "missed appointment" read
      // "missed-appointment", "full-blown AIDS" -> "patient-with HIV" (a blind suggestion probe of
      // 2026-12-04). "ETOH-abuse" -> "alcohol-use" keeps the writer's compound.
      const rejoined =
        k > 0 &&
        !plain[k - 1] &&
        HYPHEN.test(oldSeps[k - 1]!) &&
        !same(oldWords[k - 1]!, newWords[k - 1]!) &&
        !same(w, newWords[k]!) &&
        (SMALL.has(newWords[k - 1]!.text.toLowerCase()) || SMALL.has(newWords[k]!.text.toLowerCase()) || MEANING.has(oldWords[k - 1]!.text.toLowerCase()));
      if (k > 0) out += (plain[k - 1] || rejoined) && !oldSeps[k - 1]!.includes('\n') ? newSeps[k - 1] : oldSeps[k - 1];
      out += same(w, newWords[k]!) && !hasOtherThanWordCharacters(newWords[k]!.text) ? w.text : newWords[k]!.text;
    });
  } else {
    // Only an article may sit before markup when the number of words changes ("a *IVDA*" →
    // "an *injection drug use*"); the rest must be in one run of plain text.
    const lastMarkup = plain.lastIndexOf(false);
    for (let k = 0; k <= lastMarkup; k++) {
      if (plain[k] === false && !(ARTICLES.has(oldWords[k]!.text.toLowerCase()) && k === 0))
        return skip('markup', seg[k] === seg[k + 1] && !/\s/.test(oldSeps[k]!) ? SPLIT_WORD : undefined);
    }
    let head = 0;
    if (lastMarkup === 0) {
      if (!ARTICLES.has(newWords[0]!.text.toLowerCase())) return skip('markup');
      out = newWords[0]!.text + oldSeps[0];
      head = 1;
    }
    const tailOld = oldSeps.slice(head);
    // A phrase split over a line break keeps its line break.
    const seps = newSeps.slice(head);
    // An article keeps the white space after it ("an  IVDU" → "a  person who injects drugs"): only words change.
    if (head === 0 && seps.length > 0 && plain[0] && ARTICLES.has(oldWords[0]!.text.toLowerCase()) && ARTICLES.has(newWords[0]!.text.toLowerCase()))
      seps[0] = oldSeps[0]!;
    const lineBreak = tailOld.findIndex((sep) => sep.includes('\n'));
    if (lineBreak >= 0 && seps.length > 0) seps[Math.min(lineBreak, seps.length - 1)] = tailOld[lineBreak]!;
    newWords.slice(head).forEach((w, k) => (out += (k > 0 ? seps[k - 1] : '') + w.text));
  }
  const range: [number, number] = [oldWords[0]!.start, oldWords[oldWords.length - 1]!.end];
  // A replacement that ends in "no", "the" or a preposition needs the word it qualifies: "Drugs:
  // denies." read "Drugs: reports no.", "symptoms were denied" "symptoms were no history of" (a
  // blind suggestion probe of 2026-12-04).
  if (DANGLING.test(out) && /^[ \t]*(?:[.,;:!?)\]]|\n|$)/.test(text.slice(range[1], range[1] + 80)))
    return skip('meaning', `the replacement ends in "${DANGLING.exec(out)![0]}", which needs a word after it: edit it by hand`);
  // An infinitive's "to" ("chose not to", "chooses not to") needs a bare verb after it, and the
  // word it replaces ("refused", "refuse") has a noun or its own "to" after it: "Refused CT" read
  // "Chose not to CT", "refused to take" "chose not to to take"; "did not tolerate" takes an object,
  // not an infinitive ("did not tolerate to take"). A clinician's trial of 2026-12-04: withheld.
  if (
    (INFINITIVE_TO.test(out) && !/\bto$/i.test(text.slice(range[0], range[1]))) ||
    (OBJECT_VERB.test(out) && /^[ \t]+to(?![\p{L}])/iu.test(text.slice(range[1], range[1] + 40)))
  )
    return skip('meaning', `"${out}" does not fit the words after it: edit it by hand`);
  const repeated = repeatsNeighbour(text, range, out);
  if (repeated) return skip('meaning', `the replacement would repeat "${repeated}" next to it: edit it by hand`);
  // A title's quote written into it would end it there and break the link ('[x](u "a "b" c")').
  const forbidden = segs[seg[0]!]?.[2];
  if (forbidden && [...out].some((c) => forbidden.includes(c))) return skip('markup', TITLE_DELIMITER);
  return { range, text: out };
}

// A replacement ending in an infinitive's "to" (a choice: "chose not to", "prefers not to").
const INFINITIVE_TO = /(?<![\p{L}\p{N}'\u2019])not to$/iu;
// A replacement ending in a verb that takes an object and no infinitive.
const OBJECT_VERB = /(?<![\p{L}\p{N}'\u2019])tolerat(?:e|es|ed|ing)$/iu;
const DANGLING = /(?<![\p{L}\p{N}'\u2019])(?:no|any|the|a|an|of|to|with|for|about)$/iu;
// Words whose repetition next to the edit says nothing ("a … a", "of … of").
const FUNCTION_WORDS = new Set('a an the of with to in on for at by and or who is are was were be been has have had do does did no not as from'.split(' '));
const CONJUNCTION = /^(?:or|and|nor)$/i;
const stem = (w: string) => w.toLowerCase().replace(/^(.{3,}?)(?:es|ed|s|d)$/, '$1');

/**
 * A word of the replacement that the word right next to the edit already says ("The patient
 * supposedly had" → "The patient per the patient had"), or its last word when the word before an
 * "and" or "or" before the edit says it ("IV drug use or abuse" → "IV drug use or use"; a blind
 * suggestion probe of 2026-12-04). Undefined when there is none: "alcohol use, drug use" and
 * "alcohol use disorder and alcohol abuse" repeat a word of a phrase alongside, which reads right.
 */
function repeatsNeighbour(text: string, [start, end]: readonly [number, number], replacement: string): string | undefined {
  const mine = wordsOf(replacement).map((w) => w.text);
  const content = mine.filter((w) => !FUNCTION_WORDS.has(w.toLowerCase()));
  if (content.length === 0) return undefined;
  const before = /([\p{L}\p{N}'\u2019]+)[ \t]+(?:([\p{L}\p{N}'\u2019]+)[ \t]+)?$/u.exec(text.slice(Math.max(0, start - 40), start));
  const after = /^[ \t]+([\p{L}\p{N}'\u2019]+)/u.exec(text.slice(end, end + 40));
  const next = new Set([before && (before[2] ?? before[1]!), after?.[1]].filter((w): w is string => Boolean(w)).map(stem));
  const found = content.find((w) => next.has(stem(w)));
  if (found) return found;
  const last = mine[mine.length - 1]!;
  if (before?.[2] && CONJUNCTION.test(before[2]) && !FUNCTION_WORDS.has(last.toLowerCase()) && stem(before[1]!) === stem(last)) return last;
  return undefined;
}

/**
 * Replaces each finding's `fix` by the word-level edit (see planFix), or by `fixSkipped` when the
 * phrase must not be rewritten. `segments` are the editable runs of a Markdown or HTML document
 * (undefined: plain text, all of it editable). Returns new finding objects where anything changed.
 */
export function refineFixes(text: string, findings: Finding[], segments?: readonly Segment[]): Finding[] {
  return findings.map((f) => {
    if (!f.fix) return f;
    const planned = planFix(text, f, segments);
    if ('range' in planned) return { ...f, fix: planned };
    const { fix: _fix, ...rest } = f;
    return { ...rest, fixSkipped: planned };
  });
}
