// For any input, lintText never throws and every finding's offsets slice out its phrase.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lintText } from '../src/index.js';
import { builtinRules } from '../src/rules/builtin.js';

// Text made of rule words, look-alikes, punctuation, quotes and odd whitespace, so that
// properties are exercised on text that actually produces findings.
const words = [...builtinRules().triggers, 'abuse', 'drug', 'clean', 'dirty', 'urine', 'tox', 'the', 'Pt', 'wound', 'IV', 'a', 'an'];
const pieces = fc.oneof(
  fc.constantFrom(...words),
  fc.constantFrom(' ', '  ', '\n', '\r\n', '\t', '-', ',', '.', ':', '"', '“', '”', "'", '’', '(', ')', '/', '{{x}}', '\u00a0', '🙂', '\u0301'),
  fc.string({ maxLength: 6 }),
);
const clinicalText = fc.array(pieces, { maxLength: 60 }).map((parts) => parts.join(''));

describe('lintText properties', () => {
  it('never throws, and text.slice(start, end) === actual for every finding', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(clinicalText, fc.string({ maxLength: 200 }), fc.string({ unit: 'grapheme', maxLength: 80 })), async (text) => {
        const findings = await lintText(text);
        for (const f of findings) {
          expect(text.slice(f.start.offset, f.end.offset)).toBe(f.actual);
          expect(f.end.offset).toBeGreaterThan(f.start.offset);
          // line/column agree with the offset
          const before = text.slice(0, f.start.offset);
          const lines = before.split(/\r\n|\r|\n/);
          expect(f.start.line).toBe(lines.length);
          expect(f.start.column).toBe(lines.at(-1)!.length + 1);
          if (f.fix) {
            expect(f.fix.range[0]).toBeLessThanOrEqual(f.start.offset);
            expect(f.fix.range[1]).toBe(f.end.offset);
          }
        }
      }),
      { numRuns: 600 },
    );
  });

  it('finds no overlapping findings', async () => {
    await fc.assert(
      fc.asyncProperty(clinicalText, async (text) => {
        const findings = await lintText(text);
        for (let i = 1; i < findings.length; i++) {
          expect(findings[i]!.start.offset).toBeGreaterThanOrEqual(findings[i - 1]!.end.offset);
        }
      }),
      { numRuns: 300 },
    );
  });
});
