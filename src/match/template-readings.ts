// A template's drop-down list ("Urine tox: {clean/dirty}", "Patient {is/was not} combative",
// "{alcohol/drug/***} abuse", nested "{clean/{saturated/soiled}}", Epic's "{Yes/No:19197}") stands
// for one of its options: the note will hold "Urine tox: dirty", or "Patient is combative". Each
// option is read as that text: a sentence holding lists is matched once per reading (every
// combination of options, or when there are more than 40, one reading per option of each list),
// and the findings of every reading are reported. So "Patient {is/was not} combative" is reported (the "is" reading has no
// negation), "{drug/physical} abuse" reads "drug abuse", and "{verbal/physical/***} aggression"
// never joins words of two options into a phrase no single option makes.
//
// Offsets do not move: a reading is the sentence's tokens without those of the options not chosen,
// and a token after a dropped option joins the token before it when nothing but white space,
// hyphens and list markup stood between them.
import { maskPlaceholders, TEMPLATE_TAG } from '../parse/placeholders.js';
import type { SentenceTokens, Token } from '../parse/tokens.js';

/** A list's options as [start, end) ranges of the source text (UTF-16 code units). */
type Options = Array<[number, number]>;

// A list opens with "{" not doubled ("{{field}}" is a placeholder) and holds a slash.
const HAS_LIST = /(?<!\{)\{[^{}\n]*\/|\/[^{}\n]*\}(?!\})/;
const LIST_ID = /:\s*\d+\s*$/;
// Template tags ("{% if a/b %}", "{# … #}", "${…}": see parse/placeholders.ts) are blanks too.
// A tag over several lines keeps its line breaks.
const FIELD = TEMPLATE_TAG;
// Readings are bounded: a sentence is read 40 times at most, however many options its lists have.
const MAX_READINGS = 40;

/** The drop-down lists within [from, to) of `text`, nested lists included, each as its options. */
function listsIn(source: string, from: number, to: number): Options[] {
  // Fields ("{{name}}") and template tags are blanks, not lists: blanked here so that their braces
  // do not pair with a list's. Only the sentence's range is copied (offsets below are of `source`).
  const text = source.slice(from, to).replace(FIELD, (m) => m.replace(/[^\r\n]/g, ' '));
  const lists: Options[] = [];
  // A stack of open braces: where each opened and where its current option started.
  const stack: Array<{ open: number; optionStart: number; options: Options; slash: boolean }> = [];
  for (let i = from; i < to; i++) {
    const ch = text[i - from];
    if (ch === '{') {
      stack.push({ open: i, optionStart: i + 1, options: [], slash: false });
    } else if (ch === '/' && stack.length > 0) {
      const top = stack[stack.length - 1]!;
      top.options.push([top.optionStart, i]);
      top.optionStart = i + 1;
      top.slash = true;
    } else if (ch === '}' && stack.length > 0) {
      const top = stack.pop()!;
      if (!top.slash) continue;
      // An Epic list id (":19197") closes the last option.
      const last = text.slice(top.optionStart - from, i - from);
      const id = LIST_ID.exec(last);
      top.options.push([top.optionStart, id ? top.optionStart + id.index : i]);
      lists.push(top.options);
    } else if (ch === '\n') {
      stack.length = 0;
    }
  }
  return lists;
}

/** The reading of a sentence: its tokens for one choice of options, and each one's index in the whole sentence. */
export interface Reading extends SentenceTokens {
  /** For each token of the reading, its index in the sentence's own tokens. */
  indexes?: number[];
  /** The sentence's own tokens (every option), for tests that read the list whole (a subject). */
  whole?: readonly Token[];
}

/**
 * The readings of `sentence` of `text`: the sentence itself when it holds no drop-down list,
 * otherwise one reading per combination of options (or, past 40 combinations, per option of
 * each list, at most 40), duplicates removed.
 */
export function templateReadings(text: string, sentence: SentenceTokens): Reading[] {
  // The parser saw the list's braces as blanks, so a sentence may start after a "{" or end before
  // a "}": look at the blanks on either side too.
  const masked = maskPlaceholders(text);
  let from = sentence.start;
  while (from > 0 && masked[from - 1] === ' ' && text[from - 1] !== ' ' && text[from - 1] !== '\n') from--;
  let to = sentence.end;
  while (to < text.length && masked[to] === ' ' && text[to] !== ' ' && text[to] !== '\n') to++;
  if (!HAS_LIST.test(text.slice(from, to))) return [sentence];
  const lists = listsIn(text, from, to).filter((options) => options.length >= 2);
  if (lists.length === 0) return [sentence];
  const { tokens } = sentence;
  // Which option of `list` holds offset `at` (-1: none).
  const optionAt = (list: Options, at: number) => list.findIndex(([s, e]) => at >= s && at < e);
  const readings: Reading[] = [];
  const seen = new Set<string>();
  // Every combination of options when there are at most 40 ("Pt {is not/is/was} {combative/
  // agitated}" reads "Pt is combative"); otherwise a reading per option of every list: the list
  // takes that option, a list holding it the option that holds it, every other list its option of
  // the same number (or its last).
  const combinations = lists.reduce((product, options) => product * options.length, 1);
  const choices: Array<Map<Options, number>> = [];
  if (combinations <= MAX_READINGS) {
    for (let n = 0; n < combinations; n++) {
      const choice = new Map<Options, number>();
      let rest = n;
      for (const options of lists) {
        choice.set(options, rest % options.length);
        rest = Math.floor(rest / options.length);
      }
      choices.push(choice);
    }
  } else {
    for (const list of lists) {
      for (let j = 0; j < list.length && choices.length < MAX_READINGS; j++) {
        const choice = new Map<Options, number>();
        for (const other of lists) {
          const holding = optionAt(other, list[0]![0]);
          choice.set(other, other === list ? j : holding !== -1 ? holding : Math.min(j, other.length - 1));
        }
        choices.push(choice);
      }
    }
  }
  // Each token's option in each list that holds it (the same for every reading).
  const memberships = tokens.map((token) =>
    lists.flatMap((list) => {
      const own = optionAt(list, token.start.offset);
      return own === -1 ? [] : [[list, own] as const];
    }),
  );
  for (const choice of choices) {
    const kept: number[] = [];
    for (let t = 0; t < tokens.length; t++) {
      if (memberships[t]!.every(([list, own]) => own === choice.get(list))) kept.push(t);
    }
    const key = kept.join(',');
    if (seen.has(key)) continue;
    seen.add(key);
    readings.push({ ...sentence, tokens: readingTokens(tokens, kept), indexes: kept, whole: tokens });
  }
  return readings;
}

/** The tokens `kept` of `tokens`, each joined to the one before it as the reading has them. */
function readingTokens(tokens: readonly Token[], kept: readonly number[]): Token[] {
  return kept.map((t, n) => {
    const token = tokens[t]!;
    if (n === 0) return token.adjacent ? { ...token, adjacent: false } : token;
    const previous = kept[n - 1]!;
    if (previous === t - 1) return token;
    // Joined when every token dropped between was joined to its neighbour (white space, hyphens
    // and list markup only): "{drug/physical} abuse" reads "drug abuse".
    let joined = true;
    for (let d = previous + 1; d <= t; d++) joined &&= tokens[d]!.adjacent;
    return joined === token.adjacent ? token : { ...token, adjacent: joined };
  });
}
