// The first stage's places, found once and handed on. The reading thread of a worker pool scans
// each record anyway (engine/gate.ts: a record with no place never crosses to a worker); the places
// it found travel with the record (an Int32Array, transferable), and the worker parses the windows
// around them (parse-text.ts) through a Scanner that answers from the list instead of scanning the
// text again. One definition of the scan: `firstStagePlaces` is the scanner lintDocument runs
// (scannerFor over the placeholder-masked text, as parseTextWindows scans it), asked from each
// place on as parseTextWindows asks it; test/places.test.ts holds the findings with handed places
// to lintDocument's own.
import type { CompiledRules } from '../rules/compile.js';
import { maskPlaceholders } from '../parse/placeholders.js';
import { type RuleScanner, type Scanner, scannerFor } from './prefilter.js';
import { countBelow } from './count-below.js';

/**
 * Every place the first-stage scanner names in `text` (a plain-text document's text as written),
 * in increasing order: UTF-16 code unit offsets into the text with its placeholders masked, which
 * keeps every offset. Empty when no rule phrase can stand in the text. Throws nothing.
 */
export function firstStagePlaces(text: string, rules: CompiledRules): Int32Array {
  const scanner = scannerFor(rules);
  const masked = maskPlaceholders(text);
  const found: number[] = [];
  for (let p = scanner.next(masked, 0); p !== -1; p = scanner.next(masked, p + 1)) found.push(p);
  return Int32Array.from(found);
}

/**
 * A Scanner that names `places` (firstStagePlaces of the same text and rules) instead of scanning:
 * `next` finds the first place at or after an offset by binary search, `confirm` asks the rule
 * scanner at each place inside the block only (RuleScanner.confirmAt), never scanning the block.
 * Only for the text the places were found in (masked as parseTextWindows masks it); a hidden-free
 * reading of it is another text and gets the rule scanner itself.
 */
export function knownPlaces(places: Int32Array, scanner: RuleScanner): Scanner {
  /** The index of the first place at or after `from` (places.length when none). */
  const firstFrom = (from: number): number => countBelow(places, from);
  return {
    next(_text, from) {
      const i = firstFrom(from);
      return i < places.length ? places[i]! : -1;
    },
    confirm(text, start, end) {
      for (let i = firstFrom(start); i < places.length && places[i]! < end; i++) if (scanner.confirmAt(text, places[i]!, start, end)) return true;
      return false;
    },
    mayHold: (text) => scanner.mayHold(text),
    mayHoldEquality: (text) => scanner.mayHoldEquality(text),
  };
}
