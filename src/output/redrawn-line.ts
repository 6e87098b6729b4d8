// One line of stderr redrawn in place, at most so often: what the lint command's progress line
// (cli/lint-progress.ts) and the report's bar (report/progress.ts) each did on their own. Each
// writes its own frame (the lint line erases first, the bar erases after its text); this holds the
// throttle, whether a line is drawn, and its erase.

/** Where a line is drawn: the process's stderr (a terminal), or a test's fake one. */
export interface LineTarget {
  write(s: string): unknown;
}

export interface RedrawTiming {
  /** The clock, in ms (default Date.now). */
  now?: () => number;
  /** Nothing is drawn before this many ms have passed since the line was made (default 0). */
  delayMs?: number;
  /** At most one redraw per this many ms. */
  intervalMs: number;
}

/** Erase from the cursor to the end of the line (ECMA-48 EL), after a carriage return. */
export const ERASE = '\r\u001b[K';

export class RedrawnLine {
  /** When the line was made, by its clock (ms). */
  readonly started: number;
  private readonly target: LineTarget;
  private readonly now: () => number;
  private readonly delayMs: number;
  private readonly intervalMs: number;
  private last = Number.NEGATIVE_INFINITY;
  private drawn = false;

  constructor(target: LineTarget, timing: RedrawTiming) {
    this.target = target;
    this.now = timing.now ?? Date.now;
    this.delayMs = timing.delayMs ?? 0;
    this.intervalMs = timing.intervalMs;
    this.started = this.now();
  }

  /**
   * The moment (ms, by the clock) when a redraw is due now, which then counts as the last one; or
   * undefined, before `delayMs` or within `intervalMs` of the last. Reads the clock once.
   */
  due(): number | undefined {
    const t = this.now();
    if (t - this.started < this.delayMs || t - this.last < this.intervalMs) return undefined;
    this.last = t;
    return t;
  }

  /** Writes `frame` (the caller's erase and text, as one write) and counts the line as drawn. */
  draw(frame: string): void {
    this.drawn = true;
    this.target.write(frame);
  }

  /** Erases the line, if it is drawn: before anything else is written, and at the end. */
  clear(): void {
    if (!this.drawn) return;
    this.drawn = false;
    this.target.write(ERASE);
  }
}
