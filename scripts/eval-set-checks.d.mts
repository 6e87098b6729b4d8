// Types of what the tests import from scripts/eval-set-checks.mjs (test/written-set.ts).

/** A written set's verify script's argument to verifyWrittenSet. */
export interface WrittenSetSpec {
  set: string;
  prefix: string;
  genres: string[];
  earlierSets: string[];
}

/** The spec of scripts/<set>-verify.mjs, read by importing the script without running it. */
export function writtenSetSpec(set: string): Promise<WrittenSetSpec>;

/** What `node scripts/<set>-verify.mjs ...args` does, run in this process. */
export function writtenSetRun(o: WrittenSetSpec, args: string[]): { status: number; stdout: string; stderr: string };
