// Parts of lint loaded on first use. The Markdown and HTML parsers and retext-equality are most of
// the code lint can run, and a note on standard input needs none of them: loading them up front
// cost a pre-commit hook about a fifth of its start-up. Lint itself stays synchronous: a part it
// needs and has not loaded throws NotLoaded, and withLoading (at the asynchronous entry points)
// loads that part and runs the lint again. Lint is a pure function, so the rerun only costs time,
// once per part and process.

export class NotLoaded extends Error {
  constructor(
    what: string,
    readonly load: () => Promise<unknown>,
  ) {
    super(`${what} is not loaded yet: lint through withLoading(), or await preloadLint() first`);
  }
}

export interface Lazy<T> {
  /** The loaded value; throws NotLoaded until load() has settled. */
  get(): T;
  load(): Promise<T>;
  /** Provides the value at once (for callers that cannot wait, e.g. the retext plugin). */
  set(value: T): void;
}

export function lazy<T>(what: string, load: () => Promise<T>): Lazy<T> {
  let value: T | undefined;
  let loading: Promise<T> | undefined;
  const self: Lazy<T> = {
    get: () => {
      if (value === undefined) throw new NotLoaded(what, self.load);
      return value;
    },
    load: () => (loading ??= load().then((v) => (value ??= v))),
    set: (v) => {
      value = v;
    },
  };
  return self;
}

/** Runs a synchronous lint, loading whatever part it turns out to need (then running it again). */
export async function withLoading<T>(run: () => T): Promise<T> {
  for (;;) {
    try {
      return run();
    } catch (error) {
      if (!(error instanceof NotLoaded)) throw error;
      await error.load();
    }
  }
}
