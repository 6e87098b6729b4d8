// Whether the worker pool runs, as one state with one owner (lintInParallel): before the pool,
// when it is due (a size threshold, and with adaptive threads a prediction: poolHelps); with it,
// whether it pays, measured by a trial (adaptive threads only; `--threads N` forces the pool).
//
// The trial is fair by design: after a warm-up (the workers start, compile their rules and warm
// their JIT, uncounted), it runs eight windows of the same number of characters, in the order pool,
// here, here, pool, pool, here, here, pool ("here": this thread alone, still reading, scanning and
// writing as with the pool), so both sides read text of the same mix, at the same load, at the same
// stage of this thread's warm-up, and a trend over time (load that grows, a JIT that warms) weighs
// on both alike. Each window ends when all its batches are linted (the reading thread waits for
// the workers there), so no window's work spills into the next. On the MTSamples-repeated export,
// consecutive 4 M-character windows of one build differed up to 3-fold in time (text of other
// specialties; load 17-25), which is why the windows take turns and are many.
//
// What each side's window measures is what the rest of the run would get from it. This thread alone
// has no pipeline: a window's time, from the previous window's end to its own, is its pace. The pool
// is a pipeline (this thread reads and scans batch n + 1 while a worker lints batch n), and a kept
// pool runs it without a break to the end of the input; a window's wall time would also charge it
// the pipeline's fill (the worker idle until the first batch arrives) and its drain (this thread
// idle while the worker finishes the window's last batches), which a kept pool pays once per run.
// So a pool window is timed in steady state: from the moment the window's first batch is linted
// (the pipeline full) to the moment its last is, over the characters of all its other batches
// (`done`). The trial of 2026-12-01 timed whole windows and dropped the pool at 1 GB (per 8 M
// characters: pool 355-525 ms, this thread 285-342 ms) where the forced pool ran 1.35 times faster
// than this thread over the whole run (BENCHMARKS.md, "branch pool1g"). A pool dropped is tried again
// later (`due`), each time twice as far on, so that one unlucky trial does not cost a long export its
// second core, while a machine where the pool never pays spends at most a few trials on it.
// A kept pool is looked at as it runs (poolKeeps): a load that comes after the trial, which the
// trial could not see, stops it.
//
// DIGNIFY_POOL_LOG=1 writes each decision to stderr (the signals at each check and look, the
// trial's paces per window, a drop): for benchmarks, not a user setting.
import { availableParallelism, cpus } from 'node:os';

/** Writes a line of the pool's log to stderr, when DIGNIFY_POOL_LOG is set (undefined otherwise). */
export const poolLog = process.env.DIGNIFY_POOL_LOG ? (line: string): void => void process.stderr.write(`dignify pool: ${line}\n`) : undefined;

/** The pool starts once this many documents and characters (UTF-16 code units) have been read. */
export interface PoolThreshold {
  documents: number;
  chars: number;
  /**
   * Characters in each of the trial's eight windows (default `chars / 8`). Each window ends with the
   * pool drained, so a short window charges the pool its fill and drain and a collector pause weighs
   * on one side: at 2 M characters (about 0.1 s) the trial dropped a pool that ran 1.7 times faster
   * than this thread over a 1 GB export (bench, 2026-12-01). The CLI's default uses 8 M.
   */
  window?: number;
}

/**
 * What `poolHelps` decides from: cores, how many of them this run could use beside this thread
 * (0 to `cores`: idle cores, and the CPU this process's own helper threads took beyond one core,
 * since those run with one thread too), and the share (0-1) of this thread's time spent linting.
 * `used`, what `poolKeeps` decides from: the cores this process got (the CPU time of all its
 * threads over the wall time; undefined when not known).
 */
export interface PoolSignals {
  cores: number;
  idle: number;
  lintShare: number;
  used?: number;
}

/**
 * Whether a pool is worth a trial: most of a core free beside this thread, and linting at least
 * half of this thread's time (the part a worker can take over; the rest, reading and writing,
 * stays here). A prediction only: the trial (PoolPace) decides whether the pool stays.
 */
export function poolHelps({ cores, idle, lintShare }: PoolSignals): boolean {
  return cores >= 2 && idle >= 0.75 && lintShare >= 0.5;
}

/** The pool stays only when, in its trial, it handed results on this much faster than this thread alone. */
export const POOL_MIN_GAIN = 1.05;

/**
 * A kept pool is stopped when its threads got fewer cores than this, twice in a row (each look
 * `PoolThreshold.chars` characters apart). The pool costs CPU one thread does not spend (copying
 * text to the workers, their heaps, their compiles): over whole runs 1.12-1.17 times one thread's
 * CPU on a 200 MB export, 1.41 times on 1 GB (quiet), 1.21 times on 204 MB at load 4.7; one thread
 * gets 0.99 (busy) to 1.09 (quiet) cores, its collector's and compiler's threads included. So the
 * pool beats one thread only above about 1.2-1.5 cores. Quiet, the pool's threads got 1.65-1.71
 * cores (200 MB and 1 GB, BENCHMARKS.md); with both cores taken by other work they got 0.95 (the
 * lead's bench at load 4.7: 16.1 CPU s in 16.9 s) and the pool ran 25% slower than one thread.
 * A load that comes after the trial kept the pool is what this catches: the trial cannot see it.
 */
export const POOL_MIN_CORES = 1.3;

/** Whether a running pool can still beat one thread: its threads got at least POOL_MIN_CORES (unknown: yes). */
export function poolKeeps({ used }: Pick<PoolSignals, 'used'>): boolean {
  return used === undefined || used >= POOL_MIN_CORES;
}

/**
 * The default signals: cores free for this run since the previous call (the first call: since this
 * function was called), from the idle time os.cpus() reports for every core and this process's CPU
 * time (process.cpuUsage: its threads beyond the one linting, V8's collector and compiler, take a
 * share of the other core with one thread too), scaled to availableParallelism(); and the cores
 * this process used since the previous call (its CPU time over the wall time: `used`). Throws
 * nothing; with no CPU times (some sandboxes) it reports no free core.
 */
export function idleCoresSince(): () => Omit<PoolSignals, 'lintShare'> {
  const times = (): { idle: number; total: number; own: number; wall: number } => {
    let idle = 0;
    let total = 0;
    for (const { times: t } of cpus()) {
      idle += t.idle;
      total += t.user + t.nice + t.sys + t.idle + t.irq;
    }
    const { user, system } = process.cpuUsage();
    return { idle, total, own: (user + system) / 1000, wall: performance.now() };
  };
  let last = times();
  return () => {
    const cores = availableParallelism();
    const now = times();
    const total = now.total - last.total; // ms, summed over the cores
    const wall = now.wall - last.wall;
    let idle = 0;
    if (total > 0) {
      const own = ((now.own - last.own) / total) * cores; // cores this process used
      idle = Math.min(cores, ((now.idle - last.idle) / total) * cores + Math.max(0, own - 1));
    }
    // From the wall clock, not the CPU times' total (which leaves out a virtual machine's stolen time).
    const used = wall > 0 ? (now.own - last.own) / wall : undefined;
    last = now;
    return { cores, idle, used };
  };
}

/** The signals PoolPace decides from; `start`, when given, is called when it counts its second document (PoolPace.due). */
export type PaceSignals = (() => Omit<PoolSignals, 'lintShare'> & { lintShare?: number }) & { start?: () => void };

/**
 * idleCoresSince, started when PoolPace counts its second document instead of at once: a run of one
 * document (a one-line check) then never reads the cores' times (os.cpus reads /proc: ~0.5-1 ms of
 * every start; BENCHMARKS.md, branch cold13). The pool is considered at POOL_MIN_DOCUMENTS documents
 * at the earliest, so the window still spans the run up to then but for its first document. Called
 * before `start` (never by PoolPace), it starts at that call, whose window is then empty.
 */
export function idleCoresFromSecondDocument(): PaceSignals {
  let since: (() => Omit<PoolSignals, 'lintShare'>) | undefined;
  const signals: PaceSignals = () => (since ??= idleCoresSince())();
  signals.start = () => {
    since ??= idleCoresSince();
  };
  return signals;
}

/** The trial's windows, in order: linted by the pool, or on this thread ("here"). */
const TRIAL = ['pool', 'here', 'here', 'pool', 'pool', 'here', 'here', 'pool'] as const;
/** The window of the documents read after the trial. */
export const AFTER_TRIAL = TRIAL.length;
/** The window of the documents read during the warm-up (to the pool, uncounted). */
export const WARM_UP = -1;

export type PoolPhase = 'before' | 'warming' | 'trial' | 'kept' | 'dropped';

/** A pool dropped is tried again once this many times `PoolThreshold.chars` more have been read, then 4 times as far each time. */
export const RETRY_AFTER = 4;

/**
 * The pool's state for one run. Before the pool (`before`), `due` counts each document read;
 * once it says yes the pool runs (`warming`, `trial`, then `kept` or `dropped`; `kept` at once
 * without `adaptive`). With the pool, `windowOf` names the window of each document read (a batch
 * holds documents of one window) and `here` whether that window is linted on this thread; `done`
 * is told when each batch is linted, `ended` when each window has ended, and decides at the end of
 * the last. After `dropped`, `due` counts documents again and starts a new trial RETRY_AFTER
 * thresholds later (then 4 times as far each time). Times in ms from `clock`, sizes in UTF-16 code
 * units. The warm-up is `threshold.chars / 4` characters and one window (12 M by the CLI's default), each window
 * `threshold.window` (default `threshold.chars / 8`; the CLI's 8 M: about 0.4 s of one thread on a
 * quiet machine).
 */
export class PoolPace {
  phase: PoolPhase = 'before';
  private documents = 0;
  private read = 0; // characters read without the pool
  private nextCheck: number; // characters read when the pool is considered (again)
  private retryGap: number; // characters from a dropped trial to the next
  private started: number; // ms when this thread last began linting alone (the run's start, or the pool dropped)
  private linting = 0; // ms this thread spent linting alone since `started`
  private poolRead = 0; // characters read since the trial started
  private spent: number[] = []; // ms per trial window, from the previous window's end to its own
  private chars: number[] = []; // characters per trial window
  private firstDone: number[] = []; // pool windows: ms when the window's first batch was linted (NaN: not yet)
  private lastDone: number[] = []; // pool windows: ms when the last of its batches so far was linted
  private restChars: number[] = []; // pool windows: characters of its batches other than the first, linted
  private lastEnd = 0; // ms when the previous window ended
  private last = WARM_UP; // the window of the last document read
  private keptRead = 0; // kept: characters read since the last look at the cores the pool got
  private starved = 0; // kept: looks in a row at which the pool got fewer than POOL_MIN_CORES

  constructor(
    private readonly threshold: PoolThreshold,
    private readonly adaptive: boolean,
    private readonly signals: PaceSignals,
    /** The time in ms (tests give their own). */
    readonly clock: () => number,
  ) {
    this.started = clock();
    this.nextCheck = threshold.chars;
    this.retryGap = threshold.chars * RETRY_AFTER;
  }

  /** Without the pool: counts a document of `chars` characters just read; true when the pool is to start with it. */
  due(chars: number): boolean {
    this.documents++;
    if (this.documents === 2) this.signals.start?.();
    this.read += chars;
    if ((this.phase !== 'before' && this.phase !== 'dropped') || this.documents < this.threshold.documents || this.read < this.nextCheck) return false;
    if (!this.adaptive) {
      this.phase = 'kept';
      return true;
    }
    this.nextCheck = this.read + this.threshold.chars;
    const signals = { lintShare: this.linting / Math.max(1, this.clock() - this.started), ...this.signals() };
    poolLog?.(`check at ${this.read} characters: ${JSON.stringify(signals)}`);
    if (!poolHelps(signals)) return false;
    this.phase = 'warming';
    this.poolRead = 0;
    this.last = WARM_UP;
    this.spent = TRIAL.map(() => 0);
    this.chars = TRIAL.map(() => 0);
    this.firstDone = TRIAL.map(() => Number.NaN);
    this.lastDone = TRIAL.map(() => Number.NaN);
    this.restChars = TRIAL.map(() => 0);
    return true;
  }

  /** Without the pool: this thread spent `ms` linting (the lint share poolHelps reads). */
  linted(ms: number): void {
    this.linting += ms;
  }

  /**
   * With the pool: the window of a document of `chars` characters just read (WARM_UP, a trial
   * window, or AFTER_TRIAL). A pool kept by its trial is looked at every `threshold.chars`
   * characters, and `dropped` when its threads got too few cores twice in a row (poolKeeps).
   */
  windowOf(chars: number): number {
    if (this.phase === 'kept' && this.adaptive) {
      this.keptRead += chars;
      if (this.keptRead >= this.threshold.chars) {
        this.keptRead = 0;
        const signals = this.signals();
        poolLog?.(`kept pool: ${JSON.stringify(signals)}`);
        this.starved = poolKeeps(signals) ? 0 : this.starved + 1;
        if (this.starved >= 2) this.drop(this.clock());
      }
    }
    if (this.phase !== 'warming' && this.phase !== 'trial') return AFTER_TRIAL;
    const at = this.poolRead;
    this.poolRead += chars;
    const size = this.threshold.window ?? this.threshold.chars / TRIAL.length;
    // A quarter of the threshold and one window more: the workers lint only the records that may
    // hold a finding (about a fifth of an export's text), so a quarter alone left them warming up
    // in the pool's first window (BENCHMARKS.md, "branch pool8").
    const warm = this.threshold.chars / 4 + size;
    if (at < warm) return WARM_UP;
    const window = Math.min(AFTER_TRIAL, Math.floor((at - warm) / size));
    if (window < AFTER_TRIAL) this.chars[window]! += chars;
    this.last = window;
    return window;
  }

  /** The window of the last document read (windowOf). */
  get latest(): number {
    return this.last;
  }

  /** Whether the documents of `window` are linted on this thread (the trial's windows of this thread alone). */
  here(window: number): boolean {
    return TRIAL[window] === 'here';
  }

  /**
   * With the pool: a batch of `window` holding `chars` characters (all of its documents, those
   * answered by the first stage too) is linted now; `first` when it is the first batch read in its
   * window. Times a pool window in steady state (see the header); other windows ignore it.
   */
  done(window: number, chars: number, first: boolean): void {
    if ((this.phase !== 'warming' && this.phase !== 'trial') || TRIAL[window] !== 'pool') return;
    const now = this.clock();
    if (first) this.firstDone[window] = now;
    else this.restChars[window]! += chars;
    if (!(this.lastDone[window]! >= now)) this.lastDone[window] = now;
  }

  /**
   * With the pool: `window` has ended, every batch of it and before it linted (the caller waits for
   * them: no window's work spills into the next). Its time is since the previous window ended; when
   * the document just read (windowOf) is past the trial, the pool is `kept` or `dropped` (and then
   * tried again RETRY_AFTER thresholds on, 4 times as far each time).
   */
  ended(window: number): void {
    if (this.phase !== 'warming' && this.phase !== 'trial') return;
    const now = this.clock();
    if (window >= 0 && window < AFTER_TRIAL) this.spent[window]! += now - this.lastEnd;
    this.lastEnd = now;
    // Decided once a document past the trial is read (a document longer than a window skips some).
    if (this.last !== AFTER_TRIAL) {
      this.phase = 'trial';
      return;
    }
    poolLog?.(`trial, characters per ms by window: ${TRIAL.map((_, i) => Math.round(this.paceOf(i) ?? 0)).join(' ')}`);
    if (this.pays()) {
      this.phase = 'kept';
      // The cores the kept pool gets are measured from here (not over the trial's windows here).
      this.signals();
      this.keptRead = 0;
      this.starved = 0;
    } else this.drop(now);
  }

  /** The pool stops (its trial did not pay, or a kept pool got too few cores); tried again RETRY_AFTER thresholds on, 4 times as far each time. */
  private drop(now: number): void {
    poolLog?.(this.phase === 'kept' ? 'kept pool stopped: too few cores' : 'trial: pool dropped');
    this.phase = 'dropped';
    this.nextCheck = this.read + this.retryGap;
    this.retryGap *= 4;
    // The lint share the next prediction reads is this thread's alone from now on, not diluted
    // by the pool's time (in which this thread linted only its own windows, or none).
    this.started = now;
    this.linting = 0;
  }

  /**
   * A window's pace in characters per ms: a pool window's in steady state when at least two of its
   * batches were timed (`done`), else (and for this thread's windows) its characters over its time.
   * Infinite for characters in no time, undefined for an empty window.
   */
  private paceOf(window: number): number | undefined {
    const span = this.lastDone[window]! - this.firstDone[window]!;
    const steady = TRIAL[window] === 'pool' && span > 0 && this.restChars[window]! > 0;
    const chars = steady ? this.restChars[window]! : this.chars[window]!;
    const ms = steady ? span : this.spent[window]!;
    if (ms > 0) return chars / ms;
    return chars > 0 ? Number.POSITIVE_INFINITY : undefined;
  }

  /**
   * Whether the pool's windows handed characters on POOL_MIN_GAIN times faster than this thread's
   * (false when a side has no measure), side against side by the median of their four windows' paces:
   * one window slowed by a collector pause or by the workers' last warm-up (the pool's first window
   * took 556 ms where its others took 272-335 ms, bench 2026-12-01) must not decide alone; a total
   * let it drop a pool that ran 1.4 times faster than this thread over the rest of a 1 GB export.
   */
  private pays(): boolean {
    const pace = (side: (typeof TRIAL)[number]): number => {
      const paces: number[] = [];
      TRIAL.forEach((s, i) => {
        const p = s === side ? this.paceOf(i) : undefined;
        if (p !== undefined) paces.push(p);
      });
      if (paces.length === 0) return 0;
      paces.sort((a, b) => a - b);
      const mid = paces.length >> 1;
      return paces.length % 2 ? paces[mid]! : (paces[mid - 1]! + paces[mid]!) / 2;
    };
    const here = pace('here');
    return here > 0 && pace('pool') >= here * POOL_MIN_GAIN;
  }
}
