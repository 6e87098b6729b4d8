// Runs async work on a sequence with up to `limit` items in flight, and yields the results in the
// order of the input. Lets the CLI read ahead (or lint on a worker pool) while it writes results
// in input order, holding no more than `limit` results at a time.
export async function* inOrder<T, R>(items: Iterable<T> | AsyncIterable<T>, limit: number, work: (item: T) => Promise<R>): AsyncGenerator<R> {
  const pending: Promise<R>[] = [];
  for await (const item of items) {
    const running = work(item);
    running.catch(() => {}); // awaited below, in order; no unhandled rejection meanwhile
    pending.push(running);
    if (pending.length >= limit) yield await pending.shift()!;
  }
  while (pending.length) yield await pending.shift()!;
}
