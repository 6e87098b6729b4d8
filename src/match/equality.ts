// The retext-equality bridge: runs retext-equality on the same NLCST tree and turns the messages
// of the equality rules a rule file enables (rules with `equality: [...]`, category inclusive)
// into ordinary findings. Every other retext-equality message is dropped, which keeps clinical
// vocabulary it would flag (insomnia, depressed, psychotic, detox, …) out of the report, and a
// phrase dignify's own rules already report wins over an overlapping equality message.
import type { Root } from 'nlcst';
import type retextEquality from 'retext-equality';
import { VFile } from 'vfile';
import type { CompiledRule } from '../rules/compile.js';
import { normalizeWord } from '../rules/pattern.js';
import type { Finding, Point } from '../types.js';
import { lazy } from '../engine/lazy.js';
import { makeFinding, unlessHoldsAt, type ClaimedSpan, type ResolvedOptions } from './match.js';
import { maskPlaceholders } from '../parse/placeholders.js';
import { looseEqualityRegex, scannerFor } from './prefilter.js';
import type { SentenceTokens } from '../parse/tokens.js';

type Transform = (tree: Root, file: VFile) => void;
const asTransform = (plugin: typeof retextEquality) => plugin() as unknown as Transform;

// Loaded the first time a text holds one of its phrases (see lazy.ts).
const transform = lazy('retext-equality', async () => asTransform((await import('retext-equality')).default));

export function loadEquality(): Promise<unknown> {
  return transform.load();
}

/** For the retext plugin, which must lint synchronously: retext-equality, imported by the caller. */
export function useEquality(plugin: typeof retextEquality): void {
  transform.set(asTransform(plugin));
}

function pointOf(p: { line: number; column: number; offset?: number | undefined }): Point {
  return { line: p.line, column: p.column, offset: p.offset ?? 0 };
}

/** Is the phrase [start, end) one of the user's allowed phrases (compared word by word)? */
function allowed(actual: string, options: ResolvedOptions): boolean {
  if (options.allow.length === 0) return false;
  const words = actual
    .split(/[^\p{L}\p{N}']+/u)
    .filter(Boolean)
    .map(normalizeWord);
  return options.allow.some((seq) => seq.length === words.length && seq.every((t, k) => t.lookup.has(words[k]!)));
}

// Whether retext-equality runs: the text under the tree must hold an enabled phrase by the loose
// regex the fast path scans with (retext-equality matches within a paragraph; a huge document with
// one such phrase does not run it on every block). Read with placeholders blanked, as the tree was
// parsed ("Down's {{x}} syndrome" is one phrase to retext-equality).
function mayMatch(tree: Root, text: string, options: ResolvedOptions): boolean {
  const { start, end } = tree.position ?? {};
  const masked = maskPlaceholders(text);
  const under = start?.offset === undefined || end?.offset === undefined ? masked : masked.slice(start.offset, end.offset);
  if (!scannerFor(options.rules).mayHoldEquality(under)) return false;
  const loose = looseEqualityRegex(options.rules);
  loose.lastIndex = 0;
  return loose.test(under);
}

export function equalityFindings(
  tree: Root,
  text: string,
  sentences: readonly SentenceTokens[],
  claimed: readonly ClaimedSpan[],
  options: ResolvedOptions,
): Finding[] {
  const enabled = options.rules.equality;
  // retext-equality searches ~1,000 phrases per paragraph; skip it unless an enabled one can occur.
  if (enabled.size === 0 || !mayMatch(tree, text, options)) return [];
  const run = transform.get();
  const file = new VFile({ value: text });
  run(tree, file);
  // Of overlapping messages the longest wins, leftmost first. retext-equality orders its messages
  // by the paragraph they come from (which phrase it met first there), so taking them in its order
  // would let a sentence's report depend on the sentences around it.
  const messages: Array<{ compiled: CompiledRule; id: string; start: Point; end: Point }> = [];
  for (const message of file.messages) {
    const compiled = message.ruleId ? enabled.get(message.ruleId) : undefined;
    const place = message.place;
    if (compiled && place && 'start' in place) messages.push({ compiled, id: message.ruleId!, start: pointOf(place.start), end: pointOf(place.end) });
  }
  messages.sort((a, b) => a.start.offset - b.start.offset || b.end.offset - a.end.offset);
  const findings: Finding[] = [];
  // Spans taken by a phrase rule or an earlier message, whether reported or not (a rule turned
  // off must not hand its span to another rule).
  const taken: ClaimedSpan[] = [...claimed];
  for (const { compiled, id, start, end } of messages) {
    const overlaps = (f: ClaimedSpan) => f.start < end.offset && start.offset < f.end;
    if (taken.some(overlaps)) continue;
    if (allowed(text.slice(start.offset, end.offset), options)) continue;
    taken.push({ start: start.offset, end: end.offset });
    // The rule's own `unless` conditions, read on the sentence holding the match; its paragraph is
    // the match's (a sentence lies inside its paragraph). A match outside every sentence's span
    // takes the paragraph of the first sentence whose paragraph holds it.
    const own = sentences.find((s) => s.start <= start.offset && start.offset < s.end);
    if (own && unlessHoldsAt(compiled, own, start.offset, end.offset, text)) continue;
    const sentence = own ?? sentences.find((s) => s.paragraphStart <= start.offset && start.offset < s.paragraphEnd);
    const paragraph = { start: sentence?.paragraphStart ?? 0, end: sentence?.paragraphEnd ?? text.length, sealed: sentence?.sealed };
    // The suggestions that fit the retext-equality rule that matched (a rule reporting several ids lists
    // them in equalitySuggestions: "multiple sclerosis victim" is not offered "person who has had a stroke").
    const suggestions = compiled.rule.equalitySuggestions?.[id] ?? compiled.rule.suggestions;
    const finding = makeFinding(compiled, [...suggestions], start, end, text, paragraph, options);
    if (finding) findings.push(finding);
  }
  return findings;
}
