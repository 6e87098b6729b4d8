// maskedAt reads a long line (over 2,000 characters: a note flattened to one line) only between the
// cuts around a finding; it must answer as the spans of the whole line do (nonProseSpans).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { maskedAt, nonProseSpans } from '../src/match/spans.js';

const pieces = fc.constantFrom(
  'drug abuse',
  'Drug Abuse Resistance Education',
  'Alcoholics Anonymous',
  'Adult Children of Alcoholics',
  'J Addict Med.',
  'Subst Abuse Treat Prev Policy',
  'https://example.org/drug-abuse',
  'www.samhsa.gov/find-help,',
  'notes/drug-abuse.txt',
  '/var/log/addict',
  'a.b@example.org',
  'pt',
  'the',
  'Clinic',
  'Center',
  ' ',
  ' ',
  ', ',
  '; ',
  ': ',
  '. ',
  '! ',
  '? ',
  '(',
  ') ',
  '"',
  '\u201c',
  '\u201d ',
  ',',
  '\t',
  'x',
  'Of',
  'of',
  'and',
);
const longLine = fc.array(pieces, { minLength: 400, maxLength: 700 }).map((p) => p.join('').replace(/\n/g, ' '));

function oracle(text: string, start: number, end: number): string | undefined {
  return nonProseSpans(text).find(([s, e]) => s < end && start < e)?.[2];
}

describe('maskedAt on long lines', () => {
  it('answers as the spans of the whole line', () => {
    fc.assert(
      fc.property(longLine, fc.nat(), fc.integer({ min: 1, max: 40 }), (line, at, length) => {
        const text = `${line}\nShort line.`;
        const start = at % line.length;
        const end = Math.min(text.length, start + length);
        expect(maskedAt(text, start, end)).toBe(oracle(text, start, end));
      }),
      { numRuns: 300 },
    );
  });

  it('finds a name and a URL in a long line, and prose beside them', () => {
    const filler = 'Pt seen today, stable. '.repeat(120);
    const text = `${filler}Referred to Drug Abuse Resistance Education, see https://example.org/drug-abuse; hx of drug abuse.`;
    expect(text.length).toBeGreaterThan(2000);
    const at = (s: string, k = 0) => text.indexOf(s, k);
    expect(maskedAt(text, at('Drug Abuse'), at('Drug Abuse') + 10)).toBe('name');
    expect(maskedAt(text, at('drug-abuse'), at('drug-abuse') + 10)).toBe('url');
    expect(maskedAt(text, at('drug abuse'), at('drug abuse') + 10)).toBeUndefined();
  });
});
