// PoolPace, the pool's one state: when it starts, and whether its trial keeps it, with a clock of
// the test's own (each window's documents cost what the test says, on the pool or on this thread).
import { syncBuiltinESMExports } from 'node:module';
import os from 'node:os';
import { describe, expect, it, vi } from 'vitest';
import {
  AFTER_TRIAL,
  idleCoresFromSecondDocument,
  type PaceSignals,
  POOL_MIN_CORES,
  POOL_MIN_GAIN,
  PoolPace,
  poolKeeps,
  RETRY_AFTER,
  WARM_UP,
} from '../src/engine/pool-pace.js';

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
 * (each window ended before the next begins; each document a batch of its own, told `done` when
 * linted); `cost(side, ms)` is what a document costs at that time, one after another (no
 * pipeline: see `pipelined`). Returns the windows seen in order and the phase after the trial.
 */
function trial(cost: (side: 'pool' | 'here' | 'warm', now: number) => number, adaptive = true) {
  const clock = { now: 0 };
  const pace = started(() => clock.now, adaptive);
  return { ...runTrial(pace, clock, cost), phase: pace.phase };
}

/** The trial of `trial` on a pace whose pool has just started, with its clock. */
function runTrial(pace: PoolPace, clock: { now: number }, cost: (side: 'pool' | 'here' | 'warm', now: number) => number) {
  const windows: number[] = [];
  let window = WARM_UP;
  let first = true;
  for (let i = 0; i < 400; i++) {
    const of = pace.windowOf(500);
    if (of !== window) {
      pace.ended(window);
      window = of;
      first = true;
    }
    if (windows.at(-1) !== of) windows.push(of);
    if (of === AFTER_TRIAL) break;
    clock.now += cost(of === WARM_UP ? 'warm' : pace.here(of) ? 'here' : 'pool', clock.now);
    pace.done(of, 500, first);
    first = false;
  }
  return { windows, here: windows.map((w) => pace.here(w)) };
}

/**
 * The trial with the pool as a pipeline, as lintInParallel runs it: this thread reads (and scans)
 * each document in `read` ms and hands it on; it reaches the worker `latency` ms later (the
 * message, the worker's queue), which lints it in `lint` ms, one at a time; at most `depth`
 * documents are in flight, and each window ends with its last one linted. This thread alone takes
 * `alone` ms per document (default `read + lint`). A kept pool runs at one document per
 * max(read, lint, (latency + lint) / depth) ms.
 */
function pipelined({
  read,
  lint,
  latency,
  depth = 8,
  alone = read + lint,
}: {
  read: number;
  lint: number;
  latency: number;
  depth?: number;
  alone?: number;
}): string {
  let now = 0; // what the pace's clock says
  const pace = started(() => now);
  let t = 0; // this thread's time
  let workerFree = 0;
  const linted: { at: number; window: number; first: boolean }[] = []; // in flight, in order
  const deliver = (upTo: number): void => {
    while (linted.length && linted[0]!.at <= upTo) {
      const c = linted.shift()!;
      now = c.at;
      pace.done(c.window, 500, c.first);
    }
  };
  let window = WARM_UP;
  let first = true;
  for (let i = 0; i < 400; i++) {
    const of = pace.windowOf(500);
    if (of !== window) {
      t = Math.max(t, ...linted.map((c) => c.at)); // the window's batches all linted
      deliver(t);
      now = t;
      pace.ended(window);
      window = of;
      first = true;
    }
    if (of === AFTER_TRIAL) break;
    if (pace.here(of)) {
      t += alone;
    } else {
      if (linted.length >= depth) t = Math.max(t, linted[linted.length - depth]!.at);
      t += read;
      deliver(t);
      workerFree = Math.max(t + latency, workerFree) + lint;
      linted.push({ at: workerFree, window: of, first });
    }
    now = t;
    first = false;
  }
  return pace.phase;
}

describe('PoolPace', () => {
  it("starts its signals' window at the second document it counts, once, and asks them only at its threshold", () => {
    const asked: string[] = [];
    const signals: PaceSignals = Object.assign(() => (asked.push('signals'), free()), { start: () => asked.push('start') });
    const pace = new PoolPace(threshold, true, signals, () => 0);
    expect(pace.due(8_000)).toBe(false);
    expect(asked).toEqual([]); // one document: no start (a one-line check reads no CPU times)
    for (let i = 0; i < 8; i++) expect(pace.due(8_000)).toBe(false);
    expect(asked).toEqual(['start']);
    expect(pace.due(8_000)).toBe(true);
    expect(asked).toEqual(['start', 'signals']);
  });

  it('idleCoresFromSecondDocument reads the cores only from its start, then as idleCoresSince does', () => {
    const cpus = vi.spyOn(os, 'cpus');
    syncBuiltinESMExports(); // pool-pace.ts's named import of cpus reads the spy
    try {
      const signals = idleCoresFromSecondDocument();
      expect(cpus).not.toHaveBeenCalled();
      signals.start!();
      expect(cpus).toHaveBeenCalledTimes(1);
      signals.start!(); // started once
      expect(cpus).toHaveBeenCalledTimes(1);
      const { cores, idle } = signals();
      expect(cpus).toHaveBeenCalledTimes(2);
      expect(cores).toBe(os.availableParallelism());
      expect(idle).toBeGreaterThanOrEqual(0);
      expect(idle).toBeLessThanOrEqual(cores);
    } finally {
      cpus.mockRestore();
      syncBuiltinESMExports();
    }
  });

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

  it('warms the workers up for a quarter of the threshold and one window more: a pool whose workers warm slowly is kept', () => {
    // The workers' first 60 documents (30,000 characters: a quarter of the threshold and a window)
    // cost 3, then 0.7, with one window's worth of them (documents 100-119) slowed as much by a
    // collector pause. A warm-up of a quarter alone left documents 40-59 in the pool's first window:
    // two slow windows of its four, its median (500/3 + 500/0.7) / 2, about 440 characters per ms,
    // under this thread's 500, and the pool dropped.
    let poolDocs = 0;
    const slowStart = (side: 'pool' | 'here' | 'warm') => {
      if (side === 'here') return 1;
      const n = poolDocs++;
      return n < 60 || (n >= 100 && n < 120) ? 3 : 0.7;
    };
    const { windows, phase } = trial(slowStart);
    expect(windows).toEqual([WARM_UP, 0, 1, 2, 3, 4, 5, 6, 7, AFTER_TRIAL]);
    expect(phase).toBe('kept');
    // A pool slow once warm is still dropped.
    poolDocs = 0;
    expect(trial((side) => (side === 'here' ? 1 : poolDocs++ < 60 ? 0.5 : 1.02)).phase).toBe('dropped');
  });

  it('decides at the first document past the trial even when a long one skipped its last window', () => {
    let now = 0;
    const pace = started(() => now);
    let window = WARM_UP;
    // 30,000 characters of warm-up and 60,000 of windows 0-5, then 30,000 in one document (windows 6 and 7).
    const sizes = [...Array<number>(180).fill(500), 30_000, 500];
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
  it("times the pool in steady state: the pipeline's fill and drain at each window do not count against it", () => {
    // Read 1 and lint 1 per document: this thread alone takes 2. With 12 ms from hand-off to the
    // worker and 8 in flight, the full pool lints one per 1.63 ms (1.23 times faster), but a window
    // of 20 documents timed whole (its fill and drain, about 13 ms, included) takes about 45 ms on the
    // pool against 40 here; a kept pool pays that once per run, not per window.
    expect(pipelined({ read: 1, lint: 1, latency: 12 })).toBe('kept');
    // A worker that lints as slowly as this thread reads and lints (a second heap, copies): no gain.
    expect(pipelined({ read: 1, lint: 2, latency: 0, alone: 2 })).toBe('dropped');
    // Reading is the pool's bottleneck, 1.04 times faster than this thread alone: under POOL_MIN_GAIN.
    expect(pipelined({ read: 1.92, lint: 0.5, latency: 0, alone: 2 })).toBe('dropped');
    expect(pipelined({ read: 1.8, lint: 0.5, latency: 0, alone: 2 })).toBe('kept');
  });

  it(`tries a dropped pool again ${RETRY_AFTER} thresholds later, then 4 times as far each time`, () => {
    const clock = { now: 0 };
    const pace = started(() => clock.now);
    const slow = (side: string) => (side === 'pool' ? 2 : 1);
    runTrial(pace, clock, slow);
    expect(pace.phase).toBe('dropped');
    const tries = (): number => {
      let documents = 0;
      while (!pace.due(8_000)) documents++;
      return documents + 1;
    };
    expect(tries()).toBe((RETRY_AFTER * threshold.chars) / 8_000);
    expect(pace.phase).toBe('warming');
    runTrial(pace, clock, slow);
    expect(pace.phase).toBe('dropped');
    expect(tries()).toBe((4 * RETRY_AFTER * threshold.chars) / 8_000);
    // Tried again, and now the pool pays: kept, and due no more.
    runTrial(pace, clock, (side) => (side === 'pool' ? 0.5 : 1));
    expect(pace.phase).toBe('kept');
    for (let i = 0; i < 1000; i++) expect(pace.due(8_000)).toBe(false);
  });

  it("measures the lint share for a second trial from the drop on: the trial's time does not dilute it", () => {
    // No lint share given: the pace measures it from what this thread tells it (linted).
    const clock = { now: 0 };
    const pace = new PoolPace(
      threshold,
      true,
      () => ({ cores: 2, idle: 1 }),
      () => clock.now,
    );
    const alone = (): boolean => {
      clock.now += 10;
      pace.linted(8); // linting 80% of this thread's time
      return pace.due(8_000);
    };
    for (let i = 0; i < 9; i++) expect(alone()).toBe(false);
    expect(alone()).toBe(true);
    // A long trial (1,000 ms a document on the pool), dropped.
    runTrial(pace, clock, (side) => (side === 'pool' ? 1_000 : 100));
    expect(pace.phase).toBe('dropped');
    let documents = 1;
    while (!alone()) documents++;
    expect(documents).toBe((RETRY_AFTER * threshold.chars) / 8_000);
  });

  it('asks the prediction again before a second trial: on a busy machine the dropped pool is not started', () => {
    let signals = free;
    const clock = { now: 0 };
    const pace = new PoolPace(
      threshold,
      true,
      () => signals(),
      () => clock.now,
    );
    for (let i = 0; i < 9; i++) pace.due(8_000);
    expect(pace.due(8_000)).toBe(true);
    runTrial(pace, clock, (side) => (side === 'pool' ? 2 : 1));
    expect(pace.phase).toBe('dropped');
    signals = busy;
    for (let i = 0; i < 200; i++) expect(pace.due(8_000)).toBe(false);
    expect(pace.phase).toBe('dropped');
  });

  it(`keeps a running pool while its threads get ${POOL_MIN_CORES} cores or more (unknown: kept)`, () => {
    expect(poolKeeps({ used: 1.7 })).toBe(true); // quiet: the pool's threads got 1.65-1.71 cores
    expect(poolKeeps({ used: POOL_MIN_CORES })).toBe(true);
    expect(poolKeeps({ used: 1.2 })).toBe(false);
    expect(poolKeeps({ used: 0.95 })).toBe(false); // both cores taken by other work
    expect(poolKeeps({})).toBe(true);
  });

  /** A pool kept by its trial (here 1 ms a document, the pool 0.5), then `documents` more read with `used` as the cores it gets; the phase at each look. */
  function keptThen(used: (look: number) => number | undefined, documents = 200, adaptive = true): string[] {
    let look = 0; // the looks at a kept pool, in order
    let kept = false;
    const clock = { now: 0 };
    const pace = new PoolPace(
      threshold,
      adaptive,
      () => ({ cores: 2, idle: 1, lintShare: 0.9, ...(kept && { used: used(look++) }) }),
      () => clock.now,
    );
    for (let i = 0; i < 9; i++) pace.due(8_000);
    expect(pace.due(8_000)).toBe(true);
    if (adaptive) runTrial(pace, clock, (side) => (side === 'pool' ? 0.5 : 1));
    expect(pace.phase).toBe('kept');
    kept = true;
    const phases: string[] = [];
    for (let i = 0; i < documents && pace.phase === 'kept'; i++) {
      expect(pace.windowOf(8_000)).toBe(AFTER_TRIAL);
      clock.now += 1;
      if ((i + 1) % (threshold.chars / 8_000) === 0) phases.push(pace.phase);
    }
    return phases;
  }

  it('stops a kept pool whose threads get too few cores at two looks in a row (a load come after its trial)', () => {
    expect(keptThen(() => 1.7)).toEqual(Array(20).fill('kept'));
    // Starved from the third look on: dropped at the fourth.
    expect(keptThen((look) => (look < 2 ? 1.7 : 0.95))).toEqual(['kept', 'kept', 'kept', 'dropped']);
    // One look starved between good ones (a collector pause, a burst of other work): kept.
    expect(keptThen((look) => (look % 3 === 1 ? 0.9 : 1.7))).toEqual(Array(20).fill('kept'));
    // Not known (no CPU times): kept.
    expect(keptThen(() => undefined)).toEqual(Array(20).fill('kept'));
  });

  it('never stops a pool forced by --threads N, starved or not', () => {
    expect(keptThen(() => 0.5, 200, false)).toEqual(Array(20).fill('kept'));
  });

  it('tries a kept pool it stopped again later, and only when the prediction says a core is free', () => {
    const clock = { now: 0 };
    let signals: () => { cores: number; idle: number; lintShare: number; used?: number } = free;
    const pace = new PoolPace(
      threshold,
      true,
      () => signals(),
      () => clock.now,
    );
    for (let i = 0; i < 9; i++) pace.due(8_000);
    expect(pace.due(8_000)).toBe(true);
    runTrial(pace, clock, (side) => (side === 'pool' ? 0.5 : 1));
    expect(pace.phase).toBe('kept');
    signals = () => ({ cores: 2, idle: 0, lintShare: 0.9, used: 0.9 });
    for (let i = 0; i < 20; i++) pace.windowOf(8_000);
    expect(pace.phase).toBe('dropped');
    // Busy: never started again.
    for (let i = 0; i < 200; i++) expect(pace.due(8_000)).toBe(false);
    // Free again: a new trial.
    signals = free;
    let documents = 1;
    while (!pace.due(8_000)) documents++;
    expect(documents).toBeLessThanOrEqual(threshold.chars / 8_000);
    expect(pace.phase).toBe('warming');
  });
});
