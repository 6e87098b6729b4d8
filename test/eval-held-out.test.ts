// scripts/eval.js hides the false positives and misses of a held-out set by the name of the set's folder,
// wherever the set is read from: a copy of the repository elsewhere (a helper's /tmp checkout) used to list
// a held-out set's errors because the check compared paths relative to the running copy.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { type EvalRun, evalRuns } from './eval-run.js';

// A gold span no rule flags ("wound" labelled as identity language), so the run has exactly one miss.
const RECORD = {
  id: 'ho-1',
  source: 'test',
  kind: 'handwritten',
  text: 'The wound is healing well.',
  spans: [{ start: 4, end: 9, text: 'wound', category: 'identity', tier: 'B' }],
};

// The five folders' sets, scored in one process (test/eval-run.ts, as `node scripts/eval.js --no-lexicon <set>`
// from outside the repository): one Node start for the four command lines, on first use.
const FOLDERS = ['eval-fresh', 'eval-fourteenth', 'eval-nineteenth', 'eval-ninth', 'scratch'];
let runs: Map<string, EvalRun> | undefined;
const evalOf = (folder: string) => {
  runs ??= new Map(
    evalRuns(
      FOLDERS.map((name) => {
        const dir = path.join(mkdtempSync(path.join(tmpdir(), 'dignify-held-out-')), name);
        mkdirSync(dir);
        const file = path.join(dir, 'labelled.jsonl');
        writeFileSync(file, `${JSON.stringify(RECORD)}\n`);
        return ['--no-lexicon', file];
      }),
      tmpdir(),
    ).map((r, i) => [FOLDERS[i]!, r]),
  );
  return runs.get(folder)!;
};

describe('scripts/eval.js held-out sets', () => {
  // Three names of the list (one Set in eval.js).
  it.each(['eval-fresh', 'eval-fourteenth', 'eval-nineteenth'])(
    'counts a set in a folder named %s outside the repository without listing its texts',
    (folder) => {
      const r = evalOf(folder);
      expect(r.status).toBe(0);
      expect(r.stdout).toMatch(/false positives \(0\) and misses \(1\) not listed: a held-out set/);
      expect(r.stdout).not.toContain(RECORD.text);
    },
  );

  // eval-ninth was held out until it was retired to tuning (eval.js's RETIRED): its lists are printed, and its
  // title says it is tuned on now.
  it('lists the misses of a retired set and names it retired', () => {
    const r = evalOf('eval-ninth');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/misses \(1\):/);
    expect(r.stdout).toContain(RECORD.text);
    expect(r.stdout).toMatch(/eval-ninth\/labelled\.jsonl \(held out until 2026-12-02, tuned on since\)/);
  });

  it('lists the misses of a set in any other folder', () => {
    const r = evalOf('scratch');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/misses \(1\):/);
    expect(r.stdout).toContain(RECORD.text);
  });
});
