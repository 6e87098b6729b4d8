// PoolPace, the pool's one state: when it starts, and whether its trial keeps it, with a clock of
// the test's own (each window's documents cost what the test says, on the pool or on this thread).
import { describe, expect, it } from 'vitest';
import { AFTER_TRIAL, POOL_MIN_GAIN, PoolPace, WARM_UP } from '../src/engine/pool-pace.js';

const threshold = { documents: 10, chars: 80_000 };
const free = () => ({ cores: 2, idle: 1, lintShare: 0.9 }); // poolHelps says yes
const busy = () => ({ cores: 2, idle: 0.1, lintShare: 0.9 });

/** A pace past its threshold (ten documents of 8,000 characters), the pool started. */
function started(clock: () => number, adaptive = true): PoolPace {
  const pace = new PoolPace(threshold, adaptive, free, clock);
  for (let i = 0; i < 9; i++) expect(pace.due(8_000)).toBe(false);
  expect(pace.due(8_000)).toBe(true);
  return pace;
}

/**
 * Reads documents of 500 characters through the pool's warm-up and trial as lintInParallel does
 * (each window ended before the next begins); `cost(side, ms)` is what a document costs at that
 * time. Returns the windows seen in order and the phase after the trial.
 */
function trial(cost: (side: 'pool' | 'here' | 'warm', now: number) => number, adaptive = true) {
  let now = 0;
  const pace = started(() => now, adaptive);
  const windows: number[] = [];
  let window = WARM_UP;
  for (let i = 0; i < 400; i++) {
    const of = pace.windowOf(500);
    if (of !== window) {
      pace.ended(window);
      window = of;
    }
    if (windows.at(-1) !== of) windows.push(of);
    if (of === AFTER_TRIAL) break;
    now += cost(of === WARM_UP ? 'warm' : pace.here(of) ? 'here' : 'pool', now);
  }
  return { windows, phase: pace.phase, here: windows.map((w) => pace.here(w)) };
}

describe('PoolPace', () => {
  it('never starts the pool before its threshold of documents and characters', () => {
    const pace = new PoolPace(threshold, true, free, () => 0);
    for (let i = 0; i < 100; i++) expect(pace.due(100)).toBe(false); // 100 documents, 10,000 characters
    expect(pace.phase).toBe('before');
    const few = new PoolPace(threshold, false, free, () => 0);
    for (let i = 0; i < 9; i++) expect(few.due(100_000)).toBe(false); // 900,000 characters, 9 documents
  });

  it('with adaptive threads on a busy machine, does not start it and asks again a threshold later', () => {
    let signals = busy;
    const pace = new PoolPace(
      threshold,
      true,
      () => signals(),
      () => 0,
    );
    for (let i = 0; i < 10; i++) expect(pace.due(8_000)).toBe(false);
    signals = free;
    for (let i = 0; i < 9; i++) expect(pace.due(8_000)).toBe(false); // not asked again before 80,000 more
    expect(pace.due(8_000)).toBe(true);
    expect(pace.phase).toBe('warming');
  });

  it('with --threads N, starts it at the threshold and keeps it with no trial', () => {
    const { windows, phase } = trial(() => 1, false);
    expect(windows).toEqual([AFTER_TRIAL]);
    expect(phase).toBe('kept');
  });

  it('warms up on the pool, then takes turns, pool, here, here, pool, twice', () => {
    const { windows, here } = trial(() => 1);
    expect(windows).toEqual([WARM_UP, 0, 1, 2, 3, 4, 5, 6, 7, AFTER_TRIAL]);
    expect(here).toEqual([false, false, true, true, false, false, true, true, false, false]);
  });

  it(`keeps a pool ${POOL_MIN_GAIN}× faster than this thread alone, and drops one that is not`, () => {
    expect(trial((side) => (side === 'pool' ? 1 / (POOL_MIN_GAIN * 1.01) : 1)).phase).toBe('kept');
    expect(trial((side) => (side === 'pool' ? 1 / (POOL_MIN_GAIN * 0.99) : 1)).phase).toBe('dropped');
    expect(trial((side) => (side === 'pool' ? 2 : 1)).phase).toBe('dropped');
  });

  it('lets no single window decide: one slow window (a collector pause, a late warm-up) on either side', () => {
    // The pool's first window three times dearer, its others 0.7: by totals it is slower (102 against 80),
    // by each side's median window it is 1.4 times faster, as it is for the rest of the run.
    let poolDocs = 0;
    expect(trial((side) => (side === 'pool' ? (poolDocs++ < 20 ? 3 : 0.7) : 1)).phase).toBe('kept');
    // This thread's first window five times dearer, the pool 1.2 everywhere: by totals the pool pays
    // (96 against 160), by the medians it is slower.
    let hereDocs = 0;
    expect(trial((side) => (side === 'here' ? (hereDocs++ < 20 ? 5 : 1) : side === 'pool' ? 1.2 : 1)).phase).toBe('dropped');
  });

  it('does not count the warm-up: workers still compiling do not drop a pool that pays', () => {
    expect(trial((side) => (side === 'warm' ? 50 : side === 'pool' ? 0.5 : 1)).phase).toBe('kept');
  });

  it('decides at the first document past the trial even when a long one skipped its last window', () => {
    let now = 0;
    const pace = started(() => now);
    let window = WARM_UP;
    // 20,000 characters of warm-up and 60,000 of windows 0-5, then 30,000 in one document (windows 6 and 7).
    const sizes = [...Array<number>(160).fill(500), 30_000, 500];
    const seen: number[] = [];
    for (const chars of sizes) {
      const of = pace.windowOf(chars);
      if (of !== window) {
        pace.ended(window);
        window = of;
      }
      seen.push(of);
      now += 1;
    }
    expect(seen.slice(-3)).toEqual([5, 6, AFTER_TRIAL]);
    expect(pace.phase).not.toBe('trial');
    expect(['kept', 'dropped']).toContain(pace.phase);
  });

  it('is fair to both sides when the machine slows down during the trial (the turns cancel a trend)', () => {
    // Both sides equally fast at any moment, each document dearer as time goes on: no gain to see.
    // A pool measured first and this thread after (or the other way) would see one.
    expect(trial((_, now) => 1 + now / 50).phase).toBe('dropped');
    expect(trial((side, now) => (side === 'pool' ? 0.8 : 1) * (1 + now / 50)).phase).toBe('kept');
  });
});
