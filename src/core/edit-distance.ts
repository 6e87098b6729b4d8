// Edit distance, for "did you mean": a mistyped command (src/cli/suggest.ts), rule id or category
// (dignify explain, a config's rules).

/** Levenshtein distance (insertions, deletions, substitutions; UTF-16 code units), stopping past `max`. */
export function editDistance(a: string, b: string, max = Number.POSITIVE_INFINITY): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const d = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      current.push(d);
      rowMin = Math.min(rowMin, d);
    }
    if (rowMin > max) return max + 1;
    previous = current;
  }
  return Math.min(previous[b.length]!, max + 1);
}

/**
 * The rule ids (or categories) `key` was probably meant to be, closest first: those within edit
 * distance 2 of it (case ignored); for a key without a slash, also the ids whose name (after the
 * slash) contains it, is contained in it or is within 2 of it ("addict", "noncomplaint"); at most 8.
 */
function nearRuleIds(key: string, ids: readonly string[]): string[] {
  const wanted = key.toLowerCase();
  const scored: Array<[string, number]> = [];
  for (const id of ids) {
    let d = editDistance(wanted, id.toLowerCase(), 2);
    if (!wanted.includes('/')) {
      const name = id.slice(id.indexOf('/') + 1).toLowerCase();
      d = Math.min(d, editDistance(wanted, name, 2), name.includes(wanted) || wanted.includes(name) ? 2 : 3);
    }
    if (d <= 2) scored.push([id, d]);
  }
  return scored
    .sort((a, b) => a[1] - b[1])
    .slice(0, 8)
    .map(([id]) => id);
}

/** `; did you mean "a", "b"?` for the names nearRuleIds finds for `key` among `ids`, or '' when none is near. */
export function didYouMean(key: string, ids: readonly string[]): string {
  const near = nearRuleIds(key, ids);
  return near.length > 0 ? `; did you mean ${near.map((n) => `"${n}"`).join(', ')}?` : '';
}
