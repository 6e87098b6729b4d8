// How long the page waits after a keystroke before it lints the note again.

const LINT_DELAY_MS = 150;
// A long text (an export pasted whole) is linted after a longer pause in typing: its lint takes
// seconds (1 MB of dense notes: about 3.5 s), and at 150 ms it ran between most keystrokes.
const LONG_TEXT = 100_000;
const LONG_TEXT_DELAY_MS = 1_000;
// Past this a person waits too long to see a finding of what they typed.
const MAX_DELAY_MS = 3_000;

/**
 * The pause in typing (ms) after which the page lints a note of `length` UTF-16 code units again,
 * given that the last lint took `lastLintMs` (ms, lint and drawing): 150 ms, a second for a text over
 * 100,000 code units, and at least twice the last lint's time, at most 3 s. A fixed 150 ms under
 * 100,000 code units linted a 95 KB note between keystrokes, which then lagged up to 641 ms on a busy
 * machine (a newcomer trial of 2026-12-03); a lint that takes half a second now waits for a second's pause.
 */
export function relintDelay(length: number, lastLintMs: number): number {
  const floor = length > LONG_TEXT ? LONG_TEXT_DELAY_MS : LINT_DELAY_MS;
  return Math.min(MAX_DELAY_MS, Math.max(floor, Math.round(2 * lastLintMs)));
}
