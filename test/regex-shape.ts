// The shape check of test/regex-backtracking.test.ts: the lookbehinds of a regex source that hold
// an unbounded quantifier (`*`, `+`, `{n,}`). V8 tries a lookbehind at every position the regex
// reaches and matches it backwards from there, so one that can walk back over a run (a `\s+` over
// 100,000 blanks) from each position of that run is quadratic in it (child-patient.ts's OWNED was).

/** The outermost lookbehinds of `source` (their text, `(?<=…)` or `(?<!…)`) that hold an unbounded quantifier. */
export function unboundedLookbehinds(source: string): string[] {
  const found: string[] = [];
  // The open groups: their start and whether each is a lookbehind.
  const open: Array<{ start: number; lookbehind: boolean }> = [];
  let insideLookbehind = 0;
  let outerStart = -1;
  let unbounded = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') {
      i++;
      continue;
    }
    if (c === '[') {
      // A class: to its closing bracket (escapes skipped); nothing inside is a quantifier.
      for (i++; i < source.length && source[i] !== ']'; i++) if (source[i] === '\\') i++;
      continue;
    }
    if (c === '(') {
      const lookbehind = source.startsWith('(?<=', i) || source.startsWith('(?<!', i);
      if (lookbehind && insideLookbehind === 0) {
        outerStart = i;
        unbounded = false;
      }
      if (lookbehind) insideLookbehind++;
      open.push({ start: i, lookbehind });
      continue;
    }
    if (c === ')') {
      const group = open.pop();
      if (group?.lookbehind) {
        insideLookbehind--;
        if (insideLookbehind === 0 && unbounded) found.push(source.slice(outerStart, i + 1));
      }
      continue;
    }
    if (insideLookbehind > 0 && (c === '*' || c === '+' || (c === '{' && /^\{\d+,\}/.test(source.slice(i, i + 12))))) unbounded = true;
  }
  return found;
}
