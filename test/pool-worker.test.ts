// The lint pool's own workers (engine/pool.ts, plain worker_threads): findings as lintDocument
// gives them, each configuration sent to a worker once, and a stopped worker rejects its tasks
// instead of leaving them waiting. The built pool is used: workers load the compiled pool-worker.js.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Document } from '../src/inputs/document.js';
import { lintDocument, preloadLint } from '../src/lint/lint-document.js';
import { resolveOptions } from '../src/lint/options.js';

type PoolModule = typeof import('../src/engine/pool.js');
let built: PoolModule;

beforeAll(async () => {
  if (!existsSync(new URL('../dist/engine/pool-worker.js', import.meta.url))) execFileSync('npm', ['run', 'build'], { stdio: 'ignore' });
  built = (await import(new URL('../dist/engine/pool.js', import.meta.url).href)) as PoolModule;
  await preloadLint();
}, 120_000);

const doc = (text: string, row: number): Document => ({ file: 'x.csv', syntax: 'text', text, record: { row, line: row + 1 } });

describe('LintPool', () => {
  it('gives each document the findings lintDocument gives, over tasks at two workers', async () => {
    const resolved = resolveOptions();
    const other = resolveOptions({ rules: { 'substance-use/abuser': 'off' } });
    const texts = ['Pt is a substance abuser.', 'Wound clean and dry.', 'Hx of IVDU, drug seeking.', 'Alcoholic with cirrhosis.'];
    const pool = built.LintPool.open(2);
    try {
      const tasks = [0, 1, 2, 3, 4, 5].map((t) => {
        const docs = texts.map((text, i) => doc(`${text} (${t})`, t * 10 + i));
        const options = docs.map((_, i) => (i % 2 ? other : resolved));
        return { docs, options, answer: pool.run(docs, options) };
      });
      for (const { docs, options, answer } of tasks) expect(await answer).toEqual(docs.map((d, i) => lintDocument(d, options[i]!)));
      expect((await tasks[0]!.answer).flat().length).toBeGreaterThan(2);
    } finally {
      await pool.close();
    }
  }, 60_000);

  it('sends a configuration to a worker once', () => {
    const resolved = resolveOptions();
    const pool = built.LintPool.open(1);
    const posted: Array<{ configs: Record<number, unknown> }> = [];
    // What the pool posts, seen at the worker's postMessage.
    const worker = (pool as unknown as { workers: Array<{ worker: { postMessage: (task: never, transfer?: never) => void } }> }).workers[0]!.worker;
    const post = worker.postMessage.bind(worker);
    worker.postMessage = ((task: { configs: Record<number, unknown> }, transfer?: never) => {
      posted.push(task);
      post(task as never, transfer);
    }) as never;
    const answers = [pool.run([doc('a note', 1)], [resolved]), pool.run([doc('another note', 2)], [resolved])];
    return Promise.all(answers).then(async () => {
      await pool.close();
      expect(posted.map((t) => Object.keys(t.configs).length)).toEqual([1, 0]);
    });
  }, 60_000);

  it('tells how long each worker has linted (the pool log), as of its latest answer', async () => {
    const pool = built.LintPool.open(2);
    try {
      expect(pool.busy()).toEqual([0, 0]);
      // The pool gives each task to the worker with the fewest: one task each.
      await Promise.all([pool.run([doc('Pt is a substance abuser.', 1)], [resolveOptions()]), pool.run([doc('Hx of IVDU.', 2)], [resolveOptions()])]);
      expect(pool.busy().every((ms) => ms > 0)).toBe(true);
    } finally {
      await pool.close();
    }
  }, 60_000);

  it('counts the characters waiting at a worker (shared memory) and settles answers come in with no turn of the event loop', async () => {
    const resolved = resolveOptions();
    const docs = [doc('Pt is a substance abuser.', 1), doc('Hx of IVDU.', 2)];
    const pool = built.LintPool.open(1);
    try {
      expect(pool.queued()).toBe(0);
      const answer = pool.run(docs, [resolved, resolved]);
      expect(pool.queued()).toBe(docs[0]!.text.length + docs[1]!.text.length); // counted as it is posted
      // This thread never yields from here until the answer is in (a reading thread busy with its
      // chunks): the worker's count goes to 0 as it lints, and receive() settles the task.
      const worker = (pool as unknown as { workers: Array<{ pending: Map<number, unknown> }> }).workers[0]!;
      const nap = new Int32Array(new SharedArrayBuffer(4));
      const until = Date.now() + 30_000;
      while (worker.pending.size && Date.now() < until) {
        Atomics.wait(nap, 0, 0, 2); // sleeps 2 ms, the event loop held
        pool.receive();
      }
      expect(worker.pending.size).toBe(0);
      expect(pool.queued()).toBe(0);
      expect(await answer).toEqual(docs.map((d) => lintDocument(d, resolved)));
    } finally {
      await pool.close();
    }
  }, 60_000);

  it('rejects a task sent to a worker that stopped', async () => {
    const pool = built.LintPool.open(1);
    await pool.close();
    await expect(pool.run([doc('a note', 1)], [resolveOptions()])).rejects.toThrow(/lint worker stopped/);
  }, 60_000);
});
