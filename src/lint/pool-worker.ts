// One worker of the lint pool: compiles the configuration it was started with, then lints each
// task (a text, or a file it reads itself so reading is parallel too).
import { workerData } from 'node:worker_threads';
import { readTextFileSync } from '../inputs/files.js';
import { compileRules } from '../rules/compile.js';
import { lintResolved } from './lint-text.js';
import { resolveOptions } from './options.js';
import type { PoolAnswer, PoolConfig, PoolTask } from './pool.js';

const config = workerData as PoolConfig;
const resolved = resolveOptions({ ...config.options, ruleSet: config.ruleFiles ? compileRules(config.ruleFiles) : undefined });

export default function lintTask(task: PoolTask): PoolAnswer[] {
  if ('texts' in task) return task.texts.map((text) => ({ findings: lintResolved(text, resolved) }));
  return task.paths.map((path) => {
    const read = readTextFileSync(path);
    return 'text' in read ? { findings: lintResolved(read.text, resolved) } : read;
  });
}
