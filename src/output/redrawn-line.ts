// One line of stderr redrawn in place, at most so often: what the lint command's progress line
// (cli/lint-progress.ts) and the report's bar (report/progress.ts) each did on their own. Each
// writes its own frame (the lint line erases first, the bar erases after its text); this holds the
// throttle, whether a line is drawn, and its erase.
//
// A line drawn when the process is ended by Ctrl-C (SIGINT) or SIGTERM stayed on the terminal,
// the shell's prompt after it. While a line is drawn, one listener per signal erases every drawn
// line and then ends the process by the same signal, as the default action would have (exit
// status 128 + n: 130, 143), as output/write-atomic.ts does for its temporary files. A listener
// runs only in a turn of the event loop, which reading and linting an export from a regular file
// gives every 4 M characters (inputs/exports.ts TURN_CHARS: about a second of linting MTSamples,
// where Ctrl-C had ended the run at once); so draw() gives one after each redraw (at most 4 or
// 10 a second), which its caller awaits. Without a line drawn there is no listener, and the
// default action is immediate.

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

const SIGNALS = ['SIGINT', 'SIGTERM'] as const;
const drawnLines = new Set<RedrawnLine>();

function onSignal(signal: NodeJS.Signals): void {
  for (const line of [...drawnLines]) line.clear();
  // clear() took the listeners off with the last drawn line; die of the same signal.
  process.kill(process.pid, signal);
}

function drawnChanged(line: RedrawnLine, drawn: boolean): void {
  const before = drawnLines.size;
  if (drawn) drawnLines.add(line);
  else drawnLines.delete(line);
  if (before === 0 && drawnLines.size > 0) for (const s of SIGNALS) process.on(s, onSignal);
  else if (before > 0 && drawnLines.size === 0) for (const s of SIGNALS) process.removeListener(s, onSignal);
}

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

  /**
   * Writes `frame` (the caller's erase and text, as one write) and counts the line as drawn. Resolves
   * after a turn of the event loop, in which the signals' listener can run: a caller linting in a
   * chain of promise jobs awaits it.
   */
  draw(frame: string): Promise<void> {
    if (!this.drawn) {
      this.drawn = true;
      drawnChanged(this, true);
    }
    this.target.write(frame);
    return new Promise((resolve) => setImmediate(resolve));
  }

  /** Erases the line, if it is drawn: before anything else is written, at the end, and on SIGINT or SIGTERM. */
  clear(): void {
    if (!this.drawn) return;
    this.drawn = false;
    drawnChanged(this, false);
    this.target.write(ERASE);
  }
}
