// inOrder (engine/ordered.ts): results in input order with at most `limit` in flight, and the
// waits for the oldest result told to `waited` (the pool's log, DIGNIFY_POOL_LOG).
import { describe, expect, it } from 'vitest';
import { inOrder } from '../src/engine/ordered.js';

describe('inOrder', () => {
  it('yields the results in input order, at most `limit` in flight, and tells each wait for the oldest', async () => {
    let running = 0;
    let most = 0;
    const work = async (n: number): Promise<number> => {
      running++;
      most = Math.max(most, running);
      // Later items finish first: the order is the input's all the same.
      await new Promise((resolve) => setTimeout(resolve, 10 - n));
      running--;
      return n * 10;
    };
    const waits: number[] = [];
    const out: number[] = [];
    for await (const r of inOrder([0, 1, 2, 3, 4, 5, 6], 3, work, (ms) => waits.push(ms))) out.push(r);
    expect(out).toEqual([0, 10, 20, 30, 40, 50, 60]);
    expect(most).toBe(3);
    // A wait for each result not settled when its turn came: at least the first (10 ms), none for
    // results that finished before it (later items finish first).
    expect(waits.length).toBeGreaterThanOrEqual(1);
    expect(waits.length).toBeLessThan(7);
    expect(waits[0]).toBeGreaterThan(5);
    expect(waits.every((ms) => ms >= 0)).toBe(true);
  });
  it('yields a result as soon as it and those before it are settled, before `limit` are in flight', async () => {
    const events: string[] = [];
    async function* items(): AsyncGenerator<number> {
      for (let i = 0; i < 6; i++) {
        events.push(`read ${i}`);
        yield i;
      }
    }
    // Item 2 is slow: 3 and 4 wait behind it, in order, though settled.
    const work = async (n: number): Promise<number> => {
      if (n === 2) await new Promise((resolve) => setTimeout(resolve, 20));
      return n;
    };
    const waits: number[] = [];
    for await (const r of inOrder(items(), 100, work, (ms) => waits.push(ms))) events.push(`out ${r}`);
    // Each result settled is out before the item after the next is read (with a limit of 100, a
    // wait only for the oldest once 100 were in flight would hold them all to the end).
    expect(events.indexOf('out 0')).toBeLessThan(events.indexOf('read 2'));
    expect(events.indexOf('out 1')).toBeLessThan(events.indexOf('read 3'));
    expect(events.filter((e) => e.startsWith('out'))).toEqual(['out 0', 'out 1', 'out 2', 'out 3', 'out 4', 'out 5']);
    expect(events.indexOf('out 2')).toBeGreaterThan(events.indexOf('read 5')); // it was not waited for while reading
    expect(waits.length).toBe(1); // only item 2, at the end
  });
  it('throws a failed item where its result would be, and never waits told without `waited`', async () => {
    const work = async (n: number): Promise<number> => {
      if (n === 2) throw new Error('item 2');
      return n;
    };
    const out: number[] = [];
    await expect(
      (async () => {
        for await (const r of inOrder([0, 1, 2, 3], 2, work)) out.push(r);
      })(),
    ).rejects.toThrow('item 2');
    expect(out).toEqual([0, 1]);
  });
});
