// The lint command's progress line: a quality team linting a 1 GB export waited minutes with no sign
// of life. One line on stderr, redrawn in place ("\r", then erase to the end of the line), e.g.
//   dignify: mtsamples.csv 1,204 records (38%)
//   dignify: 312 of 5,000 files (6%)
// with the share of an export's bytes read of its size, when known (not for standard input). Like
// git's progress (and unlike ESLint, which has none): shown only when stderr is a terminal, so CI
// logs, pipes and files never get it; first drawn after a second (a hook's run on a few files never
// flickers), then at most 4 times a second; erased before anything else is written to stdout or
// stderr, at the end, and when Ctrl-C or SIGTERM ends the run (output/redrawn-line.ts, which holds
// the throttle). It names files and counts, never note text. The command makes one only when it is
// wanted (progress-wanted.ts): when it is off, nothing here runs.
import type { LintOutcome } from '../engine/lint-files.js';
import { statSync } from 'node:fs';
import { ERASE, RedrawnLine } from '../output/redrawn-line.js';
import { oneLine } from '../output/where.js';
import { grouped, pluralGrouped } from '../core/plural.js';
import { isRecordRead } from './bad-records.js';

/** Where the line is drawn: the process's stderr (a terminal), or a test's fake one. `columns`: its width in characters, when known. */
export interface ProgressTarget {
  write(s: string): unknown;
  isTTY?: boolean;
  columns?: number;
}

export interface ProgressTiming {
  /** The clock, in ms (default Date.now). */
  now?: () => number;
  /** Nothing is drawn before the run has lasted this long, in ms (default 1,000). */
  delayMs?: number;
  /** At most one redraw per this many ms (default 250: 4 a second). */
  intervalMs?: number;
}

export class ProgressLine {
  private readonly target: ProgressTarget;
  private readonly line: RedrawnLine;
  /** Files the paths expanded to (0: not known, e.g. standard input alone). */
  private files = 0;
  /** Files (or standard input) whose outcomes have begun, and the last one's name and records. */
  private begun = 0;
  private file: string | undefined;
  private records = 0;
  /** The file whose bytes were last counted, how many, and its size (-1: not known). */
  private readFile: string | undefined;
  private bytes = 0;
  private size = -1;

  constructor(target: ProgressTarget, timing: ProgressTiming = {}) {
    this.target = target;
    this.line = new RedrawnLine(target, { now: timing.now, delayMs: timing.delayMs ?? 1000, intervalMs: timing.intervalMs ?? 250 });
  }

  /** The engine's onFiles: how many files the paths expanded to. */
  filesExpanded(count: number): void {
    this.files = count;
  }

  /** The engine's onBytes: `bytes` of `file` read so far (an export or .docx as it streams in). Its size is looked up once per file. */
  bytesRead(file: string, bytes: number): void {
    if (file !== this.readFile) {
      this.readFile = file;
      try {
        this.size = statSync(file).size;
      } catch {
        this.size = -1;
      }
    }
    this.bytes = bytes;
  }

  /**
   * Counts a batch of outcomes (files begun, each export's records) and redraws the line when it is
   * due; then gives a turn of the event loop, for the caller to await (Ctrl-C's erase runs in one:
   * RedrawnLine.draw), else undefined.
   */
  batch(outcomes: readonly LintOutcome[]): Promise<void> | undefined {
    for (const outcome of outcomes) {
      if (outcome.file !== this.file) {
        this.file = outcome.file;
        this.begun++;
        this.records = 0;
      }
      // A record read (linted, malformed or skipped), as the count line counts them.
      if (isRecordRead(outcome)) this.records++;
    }
    return this.line.due() === undefined ? undefined : this.line.draw(`${ERASE}${this.fit(this.text())}`);
  }

  /** Erases the line, if it is drawn: before anything else is written, and at the end. */
  clear(): void {
    this.line.clear();
  }

  /** The line as it stands (without the erase). */
  text(): string {
    const share = (done: number, total: number) => (total > 0 ? ` (${Math.min(100, Math.floor((done * 100) / total))}%)` : '');
    const ofFiles = this.files > 1 ? `, file ${grouped(Math.min(this.begun, this.files))} of ${grouped(this.files)}` : '';
    if (this.records > 0 && this.file !== undefined) {
      const bytes = this.readFile === this.file ? share(this.bytes, this.size) : '';
      return `dignify: ${oneLine(this.file)} ${pluralGrouped(this.records, 'record')}${bytes}${ofFiles}`;
    }
    if (this.files > 0) return `dignify: ${grouped(this.begun)} of ${pluralGrouped(this.files, 'file')}${share(this.begun, this.files)}`;
    return `dignify: ${pluralGrouped(this.begun, 'file')}`;
  }

  /** `line` cut to the terminal's width less one, so it never wraps (a wrapped line is not erased by "\r"). */
  private fit(line: string): string {
    const width = this.target.columns;
    return width && width > 1 && line.length > width - 1 ? line.slice(0, width - 1) : line;
  }
}
