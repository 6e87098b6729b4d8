// The lint command's standard output, coalesced. Node writes to a file, /dev/null or a pipe
// synchronously, one system call per `write`; the command used to make one per document or export
// record, even for the empty string a clean record gives (30,000 calls over a 100 MB CSV, 13% of a
// one-thread run's CPU). Here writes are gathered up to about 64 K characters and written in one
// call. A terminal gets each write at once (a person is reading it); any other target gets what is
// pending within `maxDelayMs`, so `dignify big.csv | less` shows findings as they come.

/** Where the text goes: `process.stdout`, or a test's capture. */
export interface TextSink {
  write(s: string): unknown;
  isTTY?: boolean;
}

export interface BufferedOutputOptions {
  /** Written once this many UTF-16 code units are pending (default 65,536). */
  limit?: number;
  /** Pending text is written at most this many ms after it came (default 100). */
  maxDelayMs?: number;
}

/**
 * A write-coalescing front for a {@link TextSink}. Call {@link flush} before anything that must come
 * after the text written so far (a message on stderr, the end of the run). Never throws itself; a
 * sink that throws does so from `write` or `flush`, as the sink's own `write` would have.
 */
export class BufferedOutput {
  private readonly sink: TextSink;
  private readonly limit: number;
  private readonly maxDelayMs: number;
  /** The sink's: a terminal gets each write at once, and colour is decided by it. */
  readonly isTTY: boolean;
  private pending = '';
  /** `Date.now()` when the oldest pending text came. */
  private since = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(sink: TextSink, options: BufferedOutputOptions = {}) {
    this.sink = sink;
    this.limit = options.limit ?? 65_536;
    this.maxDelayMs = options.maxDelayMs ?? 100;
    this.isTTY = Boolean(sink.isTTY);
  }

  /** Queues `s` (nothing for the empty string). */
  write(s: string): void {
    if (s.length === 0) return;
    if (this.isTTY) {
      this.sink.write(s);
      return;
    }
    if (this.pending.length === 0) {
      this.pending = s;
      this.since = Date.now();
      // A timer for when no other write comes soon (a slow input, the last record of a while);
      // unref'd: pending text never keeps the process alive, flush() at the end writes it.
      this.timer = setTimeout(() => this.flush(), this.maxDelayMs);
      this.timer.unref?.();
    } else {
      this.pending += s;
    }
    // The timer cannot fire while linting runs without yielding (a long document's batches), so
    // the age is checked here too.
    if (this.pending.length >= this.limit || Date.now() - this.since >= this.maxDelayMs) this.flush();
  }

  /** Writes whatever is pending, in one call. */
  flush(): void {
    if (this.timer !== undefined) {
      clearTimeout(this.timer);
      this.timer = undefined;
    }
    if (this.pending.length === 0) return;
    const text = this.pending;
    this.pending = '';
    this.sink.write(text);
  }
}
