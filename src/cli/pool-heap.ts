// The V8 heaps while the CLI's worker pool runs (issue 14: peak RSS at most 250 MB on a 1 GB export
// with two threads). With the pool, two heaps grow side by side (this thread's and the worker's),
// and V8's default growing factor lets each old generation grow to 1.5-4 times what survived its
// last full collection before it collects again; 1 GB reached 250-266 MB with two threads. While the pool
// runs, the heap may grow only by POOL_HEAP_GROWING_PERCENT over its live size, and the pool starts
// with one full collection of this thread's heap, so that the limit is set from what the run keeps
// (the rules, the parsers, a few batches) and not from the garbage of the records linted on this
// thread before the pool (BENCHMARKS.md, "branch pool3").
//
// Why a V8 flag set at run time is safe here (Node's docs warn that changing one after start "may
// result in unpredictable behavior, including crashes"; --no-regexp-tier-up did crash the CLI,
// lint-command.ts): --heap-growing-percent is read only when V8 computes the heap's next limits
// after a collection (MemoryController::GrowingFactor in heap-controller.cc); no code is compiled
// from it and no state is built on it, so changing it between collections only moves when the next
// ones run. When a collection runs cannot change a finding: lint holds no WeakRef and no
// FinalizationRegistry (the only weak structure, pool.ts's WeakMap, is looked up by live keys). The
// corpus digest (threads 1 and 2) is unchanged. --expose-gc is read when a context is created: the
// context made for `gc` is the only one created with it, and it is switched off at once (the way
// jest's leak detector reaches gc in a running process).
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/**
 * The old generation may grow by this percent of what survived the last full collection, while the
 * pool runs (V8's own factor is 1.1-4, by heap size and collection speed). 30: 1 GB export with
 * two threads, peak RSS 190-198 MB against 250-266 without, CPU unchanged (BENCHMARKS.md, "branch pool3").
 */
export const POOL_HEAP_GROWING_PERCENT = 30;

/** Whether the user set the growing factor (NODE_OPTIONS or node's own flags): then it is left alone. */
function userSet(): boolean {
  const flag = /--heap[-_]growing[-_]percent/;
  return process.execArgv.some((a) => flag.test(a)) || flag.test(process.env.NODE_OPTIONS ?? '');
}

/** One full, blocking collection of this thread's heap (tens of ms at the pool's start). Throws nothing. */
export function fullCollection(): void {
  setFlagsFromString('--expose-gc');
  try {
    (runInNewContext('gc') as () => void)();
  } finally {
    setFlagsFromString('--no-expose-gc');
  }
}

/**
 * The hook for LintOptions.onPool: `threads` > 1 (the pool starts) bounds the heaps' growth and
 * collects once; 1 (the pool stopped, or the run ended) gives V8 its own factor back (0: the
 * default). Returns whether it changed anything (not when the user set the flag). Throws nothing.
 */
export function poolHeap(threads: number): boolean {
  if (userSet()) return false;
  if (threads > 1) {
    setFlagsFromString(`--heap-growing-percent=${POOL_HEAP_GROWING_PERCENT}`);
    fullCollection();
  } else setFlagsFromString('--heap-growing-percent=0');
  return true;
}
