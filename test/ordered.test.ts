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
    expect(waits.length).toBe(7); // one wait per result
    expect(waits.every((ms) => ms >= 0)).toBe(true);
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
