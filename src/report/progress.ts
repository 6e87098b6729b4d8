// A one-line progress bar on stderr for long exports: records done, rate, time left (estimated
// from the share of the file read). Drawn only when stderr is a terminal (and, as the lint
// command's line, not with --no-progress, in CI or with TERM=dumb: cli/progress-wanted.ts), so logs
// and pipes stay clean; redrawn at most every 100 ms so it costs nothing next to linting
// (output/redrawn-line.ts, which also erases it when Ctrl-C or SIGTERM ends the run).
import { RedrawnLine } from '../output/redrawn-line.js';

export interface Progress {
  /**
   * `records` linted so far; `done` of `total` units read (bytes of a file, files of a folder). After
   * a redraw, a turn of the event loop for the caller to await (Ctrl-C's erase runs in one:
   * RedrawnLine.draw); else undefined.
   */
  update(records: number, done: number, total: number): Promise<void> | undefined;
  /** Clears the line. */
  end(): void;
}

const SILENT: Progress = { update: () => undefined, end() {} };

export function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 0) return '–';
  const s = Math.round(seconds);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const pad = (n: number) => String(n).padStart(2, '0');
  return h ? `${h}:${pad(m)}:${pad(s % 60)}` : `${m}:${pad(s % 60)}`;
}

/** The bar's text for a moment of the run (pure, for tests). */
export function progressLine(records: number, done: number, total: number, elapsedMs: number, width = 24): string {
  const share = total > 0 ? Math.min(1, done / total) : 0;
  const filled = Math.round(share * width);
  const seconds = elapsedMs / 1000;
  const rate = seconds > 0 ? records / seconds : 0;
  const left = share > 0 ? (seconds / share) * (1 - share) : NaN;
  return `[${'█'.repeat(filled)}${'░'.repeat(width - filled)}] ${String(Math.round(share * 100)).padStart(3)}%  ${records.toLocaleString('en-US')} notes  ${Math.round(rate).toLocaleString('en-US')}/s  ${formatDuration(left)} left`;
}

export function createProgress(stream: { write(s: string): unknown; isTTY?: boolean }, now: () => number = Date.now): Progress {
  if (!stream.isTTY) return SILENT;
  const line = new RedrawnLine(stream, { now, intervalMs: 100 });
  return {
    update(records, done, total) {
      const t = line.due();
      return t === undefined ? undefined : line.draw(`\r${progressLine(records, done, total, t - line.started)}\u001b[K`);
    },
    end() {
      line.clear();
    },
  };
}
