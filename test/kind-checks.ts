// The two checks the kind tests of the retirement rounds make of small sentences (test/*-retired-kinds-*.test.ts):
// each text gets exactly one finding of a rule, and no text gets a finding of some categories.
import { expect } from 'vitest';
import { lintText } from '../src/index.js';

const found = async (text: string) => (await lintText(text)).map((f) => [f.ruleId, f.actual, f.severity] as [string, string, string]);

/** Each text gets one finding of `rule` (any severity: quoted staff words are reported at info), of `actual` words if given (lower case). */
export async function flagsOnce(texts: string[], rule: string, actual?: string): Promise<void> {
  for (const text of texts) {
    const hits = (await found(text)).filter(([id]) => id === rule);
    expect(hits.length, `${rule} should flag: ${text}`).toBe(1);
    if (actual !== undefined) expect(hits[0]![1].toLowerCase(), text).toBe(actual);
  }
}

/** No text gets a finding of a rule whose id starts with one of `prefixes` (e.g. `demeanor/`). */
export async function passesCategories(texts: string[], prefixes: readonly string[]): Promise<void> {
  for (const text of texts) {
    const hits = (await found(text)).filter(([id]) => prefixes.some((p) => id.startsWith(p)));
    expect(hits, text).toEqual([]);
  }
}
