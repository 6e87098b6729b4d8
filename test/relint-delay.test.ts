// The page's pause before it lints again (src/web/relint-delay.ts): a newcomer trial typed into a
// 95 KB note and keystrokes lagged up to 641 ms, since each 150 ms pause ran a half-second lint.
import { describe, expect, it } from 'vitest';
import { relintDelay } from '../src/web/relint-delay.js';

describe('relintDelay', () => {
  it('waits 150 ms for a quick lint, a second for a text over 100,000 code units', () => {
    expect(relintDelay(500, 3)).toBe(150);
    expect(relintDelay(100_001, 3)).toBe(1_000);
  });
  it('waits twice as long as the last lint took, up to 3 s', () => {
    expect(relintDelay(95_000, 500)).toBe(1_000);
    expect(relintDelay(95_000, 641)).toBe(1_282);
    expect(relintDelay(1_000_000, 3_500)).toBe(3_000);
  });
});
