// One worker of the lint pool: lints each document of a task with its options, compiling each
// configuration once (by the id the main thread gave it), and parsing each around the places the
// main thread found (no second scan). Started by pool.ts; answers each task with one message.
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import { withLoading } from './lazy.js';
import { lintDocument } from '../lint/lint-document.js';
import type { ResolvedOptions } from '../match/match.js';
import { charsOf, fromPlainOptions, placesOf, type PoolAnswer, type PoolTask, type PoolWorkerData } from './pool.js';
import type { Finding } from '../types.js';

const compiled = new Map<number, ResolvedOptions>();
const plain = new Map<number, PoolTask['configs'][number]>();

/**
 * The findings of each document of `task`. With `queued` (PoolWorkerData), each document's
 * characters are taken off it once linted, and the rest of the task's when it throws, so the
 * count goes back to what other tasks hold.
 */
export default async function lintTask(task: PoolTask, queued?: Int32Array): Promise<Finding[][]> {
  for (const [id, config] of Object.entries(task.configs)) plain.set(Number(id), config);
  const results: Finding[][] = [];
  let left = queued ? charsOf(task.docs) : 0;
  try {
    for (const [i, doc] of task.docs.entries()) {
      const id = task.options[i]!;
      let options = compiled.get(id);
      if (!options) compiled.set(id, (options = fromPlainOptions(plain.get(id)!)));
      const places = placesOf(task, i);
      results.push(await withLoading(() => lintDocument(doc, options, places)));
      if (queued) {
        Atomics.sub(queued, 0, doc.text.length);
        left -= doc.text.length;
      }
    }
  } finally {
    if (queued && left) Atomics.sub(queued, 0, left);
  }
  return results;
}

if (!isMainThread && parentPort) {
  const port = parentPort;
  const { queued, answers } = workerData as PoolWorkerData;
  // One task at a time, in the order sent (a task waits only while a lazy part loads).
  let queue = Promise.resolve();
  let busy = 0; // ms spent on tasks (PoolAnswer.busy)
  port.on('message', (task: PoolTask) => {
    queue = queue.then(async () => {
      const start = performance.now();
      let answer: PoolAnswer;
      try {
        answer = { id: task.id, findings: await lintTask(task, queued) };
      } catch (error) {
        const e = error instanceof Error ? error : new Error(String(error));
        answer = { id: task.id, error: { message: e.message, stack: e.stack } };
      }
      busy += performance.now() - start;
      answer.busy = busy;
      answers.postMessage(answer);
    });
  });
}
