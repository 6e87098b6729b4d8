// One worker of the lint pool: lints each document of a task with its options, compiling each
// configuration once (by the id the main thread gave it).
import { lintDocument } from './lint-document.js';
import type { MatchOptions } from './match.js';
import { fromPlainOptions, type PoolTask } from './pool.js';
import type { Finding } from '../types.js';

const compiled = new Map<number, MatchOptions>();

export default function lintTask(task: PoolTask): Finding[][] {
  return task.docs.map((doc, i) => {
    const id = task.options[i]!;
    let options = compiled.get(id);
    if (!options) compiled.set(id, (options = fromPlainOptions(task.configs[id]!)));
    return lintDocument(doc, options);
  });
}
