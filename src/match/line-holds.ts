// A rule's `line` condition (match.ts holds): does its regex match the line around the match (on a
// long line, the match's sentence)? Pure speed around the plain reading (line-window.ts readLine):
// the same answers, asked less and read quicker. Not in the warehouse build, which reads the plain
// way (scripts/bundle-warehouse.js stands lineHolds in with readLine): the build is only bytes under
// its gzip limit (the stand-in left it 86 bytes smaller than main's cached lineHolds in match.ts did),
// and a record there is one short note.
import { nativeRegExp } from '../core/lazy-regexp.js';
import type { CompiledCondition } from '../rules/compile.js';
import type { SentenceTokens } from '../parse/tokens.js';
import { LONG_LINE, lineBoundsOf, lineIndexAt } from '../parse/lines.js';
import { LINE_REACH, lineWindowFrom, lineWindowTo, readLine } from './line-window.js';

// Each line condition's answer, once per line: every candidate on a line asks the same question,
// and a note flattened to one line (an export's) is one long line. The line comes from the shared
// line index (parse/lines.ts), so finding it costs a binary search, not the line's length.
// Answers are kept by the regex's source, not by condition: rules share a line condition (three
// substance-use rules ask for the same ICD-code regex), and each asking read the whole line.
// An answer counts only for the text it was read from: each entry carries the text's number
// (`generation`, raised when the text changes), which forgets the last text's answers as clearing
// the maps did, without a Map clear per text (a runtime call; an export's every record is a text)
// and with one entry object per regex, updated in place.
interface Answer {
  generation: number;
  /** The line's index, or on a long line where the sentence's window starts. */
  at: number;
  answer: boolean;
}
let answersText: string | undefined;
let generation = 0;
const lineAnswers = new Map<string, Answer>();
// The same for a long line's sentences: keyed by where the sentence's window starts.
const sentenceAnswers = new Map<string, Answer>();
// The last line found in the current text: its index, and [start, end] with its "\n" (or the
// text's end) included, the offsets lineIndexAt gives that index. An offset inside it skips the
// line index's two searches.
let knownLine = -1;
let knownStart = 0;
let knownEnd = -1;
// Whether the current text holds a character on which a regex's 'iu' and 'i' can disagree (see
// asciiTwin): the long s, the Kelvin sign, or a UTF-16 surrogate (a character outside the BMP).
let textFolds = true;
const FOLDS = /[\u017f\u212a\ud800-\udfff]/;

/** Does `condition`'s line regex match around the candidate starting at `offset` in `sentence`? */
export function lineHolds(condition: CompiledCondition, text: string, offset: number, sentence: SentenceTokens): boolean {
  if (answersText !== text) {
    generation++;
    knownEnd = -1;
    textFolds = FOLDS.test(text);
  }
  answersText = text; // adopt this string object (see core/once-per-text.ts recentPerText)
  if (offset < knownStart || offset > knownEnd) {
    knownLine = lineIndexAt(text, offset);
    [knownStart, knownEnd] = lineBoundsOf(text, knownLine);
  }
  const start = knownStart;
  const end = knownEnd;
  const key = condition.regex!.source; // the flags are always compile.ts's 'iu'
  const regex = textFolds ? condition.regex! : (asciiTwin(condition.regex!) ?? condition.regex!);
  if (end - start <= LONG_LINE) return remember(lineAnswers, key, knownLine, regex, text, start, end);
  const from = lineWindowFrom(start, offset, sentence);
  const to = lineWindowTo(end, offset, sentence);
  // A sentence of ordinary length is read whole, once for all its candidates; a longer one (an
  // unpunctuated transcript) only around the match, at each candidate.
  if (to - from > 2 * LINE_REACH) return readLine(regex, text, start, end, offset, sentence);
  return remember(sentenceAnswers, key, from, regex, text, from, to);
}

/** The answer of `regex` over [from, to), kept in `answers` under `key` for `at` of this text. */
function remember(answers: Map<string, Answer>, key: string, at: number, regex: RegExp, text: string, from: number, to: number): boolean {
  const known = answers.get(key);
  if (known && known.generation === generation && known.at === at) return known.answer;
  const answer = regex.test(text.slice(from, to));
  if (known) {
    known.generation = generation;
    known.at = at;
    known.answer = answer;
  } else answers.set(key, { generation, at, answer });
  return answer;
}

const twins = new Map<string, RegExp | null>();

/**
 * `regex` (flags 'iu') with flags 'i', or null where the two may disagree. 'i' alone runs a line
 * regex 1.5-2.5 times faster (`\bE66\.[0-9]{1,2}\b` over MTSamples' sentences: 25 against 10 ns a
 * character) and compiles faster. Used only on a text without FOLDS characters, where the two agree
 * when the source, parsed alike with or without 'u', compares only characters whose case classes are
 * alike: with no surrogate in the text a code point is a code unit, so `.`, negated classes, `\W`
 * and counted repeats read the same characters; 'iu' folds only the long s and the Kelvin sign to
 * an ASCII letter (and so into `\w` and `\b`) and 'i' nothing outside ASCII into it, so an ASCII
 * character, class or escape matches the same characters; the source's other characters are
 * caseless symbols (CASELESS: test/line-holds.test.ts checks each against every BMP character under
 * both flags). Not with `\p`/`\P` or `\u{…}` (read otherwise without 'u'), nor with a backreference
 * (it compares captured text, whose non-ASCII letters the two fold differently: ß and ẞ).
 */
export function asciiTwin(regex: RegExp): RegExp | null {
  let twin = twins.get(regex.source);
  if (twin === undefined) {
    twin = regex.flags === 'iu' && twinSafe(regex.source) ? nativeRegExp(regex.source, 'i') : null;
    twins.set(regex.source, twin);
  }
  return twin;
}

/**
 * Characters outside ASCII a twin's source may hold (as themselves or as `\uXXXX`/`\xXX` escapes,
 * alone or as a range's ends): General Punctuation (dashes, quotation marks, bullets) and the
 * miscellaneous symbols and dingbats (ballot boxes, check marks), none with a case.
 */
export const CASELESS = /^[\u2000-\u206f\u2600-\u27bf]$/;

/** Which CASELESS block a character code is in (0 for ASCII, 3 for any other). */
function blockOf(code: number): number {
  if (code < 0x80) return 0;
  if (code >= 0x2000 && code <= 0x206f) return 1;
  return code >= 0x2600 && code <= 0x27bf ? 2 : 3;
}

/**
 * May `source` (a regex valid with 'u') be read with 'i' instead of 'iu' (asciiTwin)? Its characters
 * outside ASCII, as themselves or escaped, are CASELESS, and a class's range with one end outside
 * ASCII has both ends in one CASELESS block (`[ -\u2013]` would hold every letter between).
 */
export function twinSafe(source: string): boolean {
  // Property escapes, code point escapes, backreferences by number or by name.
  if (/\\[pPk]|\\u\{|\\[1-9]/.test(source)) return false;
  let inClass = false;
  // In a class: the code of the last single character (-1 after anything else), and of a range's first end after its "-".
  let last = -1;
  let rangeFrom = -1;
  for (let i = 0; i < source.length; ) {
    let code: number;
    let single = true;
    if (source[i] === '\\') {
      const hexEscape = /^\\(?:u([0-9a-fA-F]{4})|x([0-9a-fA-F]{2}))/.exec(source.slice(i, i + 6));
      if (hexEscape) {
        code = Number.parseInt(hexEscape[1] ?? hexEscape[2]!, 16);
        i += hexEscape[0].length;
      } else {
        code = source.charCodeAt(i + 1);
        // A class escape (\d, \s, \w and their negations) is no range's end; \b in a class is a backspace.
        single = !/[dDsSwW]/.test(source[i + 1] ?? '');
        if (inClass && source[i + 1] === 'b') code = 8;
        i += 2;
      }
    } else {
      const ch = source[i]!;
      code = source.charCodeAt(i);
      i++;
      if (!inClass && ch === '[') {
        inClass = true;
        last = -1;
        rangeFrom = -1;
        if (source[i] === '^') i++;
        continue;
      }
      if (inClass && ch === ']') {
        inClass = false;
        continue;
      }
      if (inClass && ch === '-' && last !== -1 && rangeFrom === -1 && source[i] !== ']') {
        rangeFrom = last;
        continue;
      }
    }
    if (code >= 0x80 && !CASELESS.test(String.fromCharCode(code))) return false;
    if (!inClass) continue;
    if (rangeFrom !== -1) {
      if ((rangeFrom >= 0x80 || code >= 0x80) && blockOf(rangeFrom) !== blockOf(code)) return false;
      rangeFrom = -1;
      last = -1;
    } else last = single ? code : -1;
  }
  return true;
}
