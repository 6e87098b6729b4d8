// phrase-check-one.ts follows one position and gives up where phrase-check.ts's set walk would follow
// two: its answers are only ever the set walk's (test/phrase-check.test.ts holds the whole check, one
// position first, to the sticky regex), and it must give up, not answer, where a second way opens.
import { describe, expect, it } from 'vitest';
import { backwardsOne, forwardsOne } from '../src/match/phrase-check-one.js';

describe('the one-position phrase walk', () => {
  it('answers where one way is followed', () => {
    expect(forwardsOne('urine tox dirty.', 10, [['dirty']], false)).toBe(true);
    expect(forwardsOne('urine tox dirtyx', 10, [['dirty']], false)).toBe(false); // a letter after (NOT_BEFORE_WORD)
    expect(forwardsOne('tox  -\ndirty', 0, [['tox'], ['dirty']], false)).toBe(true); // a JOIN run
    expect(forwardsOne('tox, dirty', 0, [['tox'], ['dirty']], false)).toBe(false);
    expect(backwardsOne('urine tox dirty', 10, [['urine'], ['tox']], false)).toBe(true);
    expect(backwardsOne('xurine tox dirty', 11, [['urine'], ['tox']], false)).toBe(false); // a letter before (NOT_AFTER_WORD)
    expect(backwardsOne('dirty', 0, [], false)).toBe(true);
  });

  it('gives up at an apostrophe after a word, or before a JOIN going backwards (TAIL opens ways)', () => {
    expect(forwardsOne("dirty's", 0, [['dirty']], false)).toBeUndefined();
    expect(forwardsOne('tox\u2019 dirty', 0, [['tox'], ['dirty']], false)).toBeUndefined();
    expect(backwardsOne("urine's tox", 8, [['urine']], false)).toBeUndefined();
    expect(backwardsOne("urine' tox", 7, [['urine']], false)).toBeUndefined();
  });

  it('gives up where two words of a token end apart, not where they end together', () => {
    expect(forwardsOne('drugs', 0, [['drug', 'drugs']], false)).toBeUndefined();
    expect(backwardsOne('street drugs', 7, [['street', 'treet']], false)).toBeUndefined();
    expect(forwardsOne('drug use', 0, [['drug', 'drug'], ['use']], false)).toBe(true);
  });

  it('folds the Kelvin sign and the long s only with folds', () => {
    expect(forwardsOne('\u212aid', 0, [['kid']], true)).toBe(true);
    expect(forwardsOne('\u212aid', 0, [['kid']], false)).toBe(false);
  });
});
