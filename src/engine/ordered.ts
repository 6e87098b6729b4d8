// Runs async work on a sequence with up to `limit` items in flight, and yields the results in the
// order of the input. Lets the CLI read ahead (or lint on a worker pool) while it writes results
// in input order, holding no more than `limit` results at a time.
// A result is yielded as soon as it and every one before it are settled, not only once `limit`
// are in flight: the pool's reading thread settles answers as it reads (LintPool.receive), and
// every result held survives its young-generation collections (lint-parallel.ts).
// `waited`, when given, is told how long (ms, wall) each wait for the oldest result took; a result
// already settled is no wait and is not told.
export async function* inOrder<T, R>(
  items: Iterable<T> | AsyncIterable<T>,
  limit: number,
  work: (item: T) => Promise<R>,
  waited?: (ms: number) => void,
): AsyncGenerator<R> {
  const pending: { running: Promise<R>; settled: boolean }[] = [];
  // Timed only for `waited`: without it the oldest promise is awaited as it is, with no extra hop.
  const oldest = waited
    ? (): Promise<R> => {
        const { running, settled } = pending.shift()!;
        if (settled) return running;
        const start = performance.now();
        return running.finally(() => waited(performance.now() - start));
      }
    : (): Promise<R> => pending.shift()!.running;
  for await (const item of items) {
    const entry = { running: work(item), settled: false };
    const settle = (): void => {
      entry.settled = true;
    };
    entry.running.then(settle, settle); // also: awaited below, in order; no unhandled rejection meanwhile
    pending.push(entry);
    while (pending.length >= limit || pending[0]?.settled) yield await oldest();
  }
  while (pending.length) yield await oldest();
}
