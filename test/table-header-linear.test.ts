// A newcomer trial (an analyst's export with one note of megabytes on one line, "Skin is clean and
// dry." many times over): linting took 6.8 s of CPU for 1 MB and 16 s for 2 MB, growing with the
// square of the line. Each candidate phrase asked whether its line is a table row
// (match/table-header.ts delimiterOf: does the line hold a tab or a bar?), reading the whole line
// every time. Time is not measured here: the characters that String.prototype.includes reads are
// counted, which the per-candidate reading made grow fourfold when the line doubled.
import { describe, expect, it } from 'vitest';
import { lintText } from '../src/index.js';

/** The characters String.prototype.includes reads while `text` is linted (its receivers' lengths), and the findings. */
async function includesRead(text: string): Promise<{ read: number; findings: number }> {
  const includes = String.prototype.includes;
  let read = 0;
  String.prototype.includes = function (this: string, ...args: Parameters<typeof includes>) {
    read += this.length;
    return includes.apply(this, args);
  };
  try {
    const findings = (await lintText(text)).length;
    return { read, findings };
  } finally {
    String.prototype.includes = includes;
  }
}

describe('a candidate asks once per line whether the line is a table row', () => {
  it.each([
    ['Pt seen in clinic. History of drug abuse. Skin is clean and dry. Skin is clean and dry. Skin is clean and dry. ', 1],
    ['Wound clean and dry | dressing changed | heroin addict | ', 1],
  ])('%j repeated on one line: the work grows with the line, not with its square', async (segment, perSegment) => {
    await includesRead(segment); // loads what the first lint loads
    const small = await includesRead(segment.repeat(1000));
    const large = await includesRead(segment.repeat(2000));
    expect([small.findings, large.findings]).toEqual([1000 * perSegment, 2000 * perSegment]);
    expect(large.read / small.read).toBeLessThan(2.5);
  });
});
