// While the CLI's worker pool runs, V8's heaps may grow only by POOL_HEAP_GROWING_PERCENT over their
// live size, after one full collection (src/cli/pool-heap.ts: the 250 MB bar on a 1 GB export). The
// hook must run when the pool starts and give V8 its own factor back when the run ends; the full
// collection must collect and leave no `gc` behind; a factor the user set is left alone; the
// findings are those of one thread (test/pool.test.ts compares them too, with the hook in place).
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runInNewContext } from 'node:vm';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ROOT, runMain } from './helpers.js';

// The built CLI (its pool loads dist/engine/pool-worker.js), with its pool-heap module watched.
const calls: number[] = [];
vi.mock('../dist/cli/pool-heap.js', async (original) => {
  const actual = await original<typeof import('../src/cli/pool-heap.js')>();
  return {
    ...actual,
    poolHeap: (threads: number) => {
      calls.push(threads);
      return actual.poolHeap(threads);
    },
  };
});

const { fullCollection, poolHeap, POOL_HEAP_GROWING_PERCENT } = (await import(
  path.join(ROOT, 'dist', 'cli', 'pool-heap.js')
)) as typeof import('../src/cli/pool-heap.js');

describe('the heaps while the pool runs', () => {
  afterEach(() => {
    calls.length = 0;
    vi.unstubAllEnvs();
  });

  it('bounds the growth to a small factor', () => {
    expect(POOL_HEAP_GROWING_PERCENT).toBeGreaterThan(0);
    expect(POOL_HEAP_GROWING_PERCENT).toBeLessThanOrEqual(50);
  });

  it('collects the heap once, and leaves gc unexposed', () => {
    // 64 MB of doubles on the heap, in large-object space: only a full collection frees it.
    let garbage: number[][] | undefined = Array.from({ length: 8 }, () => new Array<number>(1 << 20).fill(1.5));
    const held = process.memoryUsage().heapUsed;
    expect(garbage.length).toBe(8);
    garbage = undefined;
    fullCollection();
    expect(process.memoryUsage().heapUsed).toBeLessThan(held - 48 * 2 ** 20);
    expect(runInNewContext('typeof gc')).toBe('undefined');
    expect(typeof (globalThis as { gc?: unknown }).gc).toBe('undefined');
  });

  it('leaves a growing factor the user set alone', () => {
    vi.stubEnv('NODE_OPTIONS', '--heap-growing-percent=50');
    expect(poolHeap(2)).toBe(false);
    expect(poolHeap(1)).toBe(false);
    vi.stubEnv('NODE_OPTIONS', '');
    expect(poolHeap(2)).toBe(true);
    expect(poolHeap(1)).toBe(true);
  });

  it('is set when the pool starts and given back when the run ends, same output as one thread', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'dignify-pool-heap-'));
    const csv = path.join(dir, 'export.csv');
    const filler = 'No findings here. '.repeat(60);
    const rows = Array.from({ length: 300 }, (_, i) => `${i},"Note ${i}. ${i % 3 ? 'Pt with hx of drug abuse.' : 'Wound clean.'} ${filler}"`);
    writeFileSync(csv, `note_id,note_text\n${rows.join('\n')}\n`);
    const env = { DIGNIFY_POOL_FROM: '60,60000' };
    const one = await runMain([csv, '--format', 'compact', '--threads', '1'], { built: true, env });
    expect(calls).toEqual([]);
    const pooled = await runMain([csv, '--format', 'compact', '--threads', '2'], { built: true, env });
    expect(calls).toEqual([2, 1]);
    expect(pooled.code).toBe(1);
    expect(pooled.stdout).toBe(one.stdout);
  });
});
