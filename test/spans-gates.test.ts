// spansOfLine looks for the character each non-prose regex needs ("/" or "www." for a URL, "@"
// for an e-mail address, a slash or backslash for a path) before running it: the spans found must
// be the ones the regexes find on their own.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { spansAround } from '../src/match/spans.js';

const URL =
  /\b(?:https?:\/\/|ftp:\/\/|www\.)[^\s<>"'\u201c\u201d()[\]]+|\b[a-z0-9][a-z0-9-]*(?:\.[a-z0-9-]+)*\.(?:org|com|gov|net|edu|int|info|io|uk|ca|au|nz|de)\/[^\s<>"'\u201c\u201d()[\]]*/gi;
const EMAIL = /\b[\w.+-]+@[a-z0-9-]+(?:\.[a-z0-9-]+)+\b/gi;
const PATH =
  /(?<![\w/\\])(?:(?:~|\.{1,2}|[a-z]:)?[/\\](?:[\w.-]+[/\\])+[\w.-]*|(?:[\w.-]+\/)+[\w-]+\.(?:txt|md|html?|pdf|docx?|csv|tsv|jsonl?|ya?ml|xml|rtf)\b)/gi;

const kinds = (line: string) => spansAround(`${line}\n`, 0).map(([s, e, k]) => [line.slice(s, e), k]);

describe('non-prose spans with their quick character checks', () => {
  it('still finds a URL without a slash, an e-mail address and a backslash path', () => {
    expect(kinds('See WWW.drugabuse.gov for help')).toContainEqual(['WWW.drugabuse.gov', 'url']);
    expect(kinds('Write to help@drug-abuse.org today')).toContainEqual(['help@drug-abuse.org', 'email']);
    expect(kinds('Saved in C:\\notes\\addict.txt now')).toContainEqual(['C:\\notes\\addict.txt', 'path']);
    expect(kinds('He is an addict, no url here')).toEqual([]);
  });

  it('finds the spans of each rare cue behind the one scan for all four (RARE_CUES): a journal abbreviation, an instrument, a document number, an ICD code', () => {
    // Each line holds one cue of the four only, so leaving one out of the scan loses its span here.
    expect(kinds('He was treated per J Subst Abuse Treat guidance and drank')).toEqual([['J Subst Abuse Treat', 'citation']]);
    expect(kinds('the Adaptive Behavior Scale for Mental Retardation was given, he drinks')).toEqual([
      ['Adaptive Behavior Scale for Mental Retardation', 'name'],
    ]);
    expect(kinds('Policy RI-204: Refusal of Blood Products applies; he refused')).toEqual([['Refusal of Blood Products', 'name']]);
    expect(kinds('Dx: F11.20 Opioid dependence, uncomplicated; pt is a heroin addict')).toEqual([['F11.20 Opioid dependence, uncomplicated', 'code']]);
    expect(kinds('HX F10.10 Alcohol abuse. He drinks')).toEqual([['F10.10 Alcohol abuse', 'code']]);
    expect(kinds('He is an addict; Scale, Policy and F11 without the rest')).toEqual([]);
  });

  it('finds a span wherever one of the regexes alone matches', () => {
    const piece = fc.constantFrom('www.', 'WwW.', 'x.org/', '/', '\\', '@', 'a', 'drug', '.', '-', ' ', 'http://', 'C:', 'b.com', '~', 'x.txt', '_');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), (parts) => {
        const line = parts.join('');
        const any = [URL, EMAIL, PATH].some((r) => {
          r.lastIndex = 0;
          return [...line.matchAll(r)].some((m) => m[0].replace(/[.,;:!?]+$/, '') !== '');
        });
        if (any) expect({ line, spans: spansAround(`${line}\n`, 0).length > 0 }).toEqual({ line, spans: true });
      }),
      { numRuns: 2000 },
    );
  });
});
