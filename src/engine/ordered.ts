// Runs async work on a sequence with up to `limit` items in flight, and yields the results in the
// order of the input. Lets the CLI read ahead (or lint on a worker pool) while it writes results
// in input order, holding no more than `limit` results at a time.
// `waited`, when given, is told how long (ms, wall) each wait for the oldest result took.
export async function* inOrder<T, R>(
  items: Iterable<T> | AsyncIterable<T>,
  limit: number,
  work: (item: T) => Promise<R>,
  waited?: (ms: number) => void,
): AsyncGenerator<R> {
  const pending: Promise<R>[] = [];
  // Timed only for `waited`: without it the oldest promise is awaited as it is, with no extra hop.
  const oldest = waited
    ? (): Promise<R> => {
        const start = performance.now();
        return pending.shift()!.finally(() => waited(performance.now() - start));
      }
    : (): Promise<R> => pending.shift()!;
  for await (const item of items) {
    const running = work(item);
    running.catch(() => {}); // awaited below, in order; no unhandled rejection meanwhile
    pending.push(running);
    if (pending.length >= limit) yield await oldest();
  }
  while (pending.length) yield await oldest();
}
