// One worker of the lint pool: lints each document of a task with its options, compiling each
// configuration once (by the id the main thread gave it), and parsing each around the places the
// main thread found (no second scan).
import { withLoading } from './lazy.js';
import { lintDocument } from '../lint/lint-document.js';
import type { ResolvedOptions } from '../match/match.js';
import { fromPlainOptions, placesOf, type PoolTask } from './pool.js';
import type { Finding } from '../types.js';

const compiled = new Map<number, ResolvedOptions>();

export default async function lintTask(task: PoolTask): Promise<Finding[][]> {
  const results: Finding[][] = [];
  for (const [i, doc] of task.docs.entries()) {
    const id = task.options[i]!;
    let options = compiled.get(id);
    if (!options) compiled.set(id, (options = fromPlainOptions(task.configs[id]!)));
    const places = placesOf(task, i);
    results.push(await withLoading(() => lintDocument(doc, options, places)));
  }
  return results;
}
