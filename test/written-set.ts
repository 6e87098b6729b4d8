// The shared tests of a handwritten, blind-labelled evaluation set (fixtures/eval-sealed, eval-blind,
// eval-final, eval-ninth): its verify script (scripts/<set>-verify.mjs, a call of verifyWrittenSet in
// scripts/eval-set-checks.mjs) passes on the set and names each bad record, and the set has the genres, mix
// and spans its README promises. Each set's test file calls describeWrittenSet with what is its own; the
// checks a set did not have before the files were merged stay off for it (the options below), so no set's
// test became weaker or stricter. Nothing here lints a set or imports dignify code: the JSON Lines are
// parsed here, and a failing check prints counts and ids, never a record's text.
//
// The verify script runs in this process (writtenSetRun in scripts/eval-set-checks.mjs, with the spec the
// script gives verifyWrittenSet: the same checks and lines as `node scripts/<set>-verify.mjs`), so the
// other sets' texts are read and indexed once per worker process, not once per set and run: the cost of
// checking every set against all the others grows with the sets, not with their square. The scripts as
// commands (exit codes, stderr) are checked once, in test/eval-sealed.test.ts.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { writtenSetRun, writtenSetSpec } from '../scripts/eval-set-checks.mjs';
import { ROOT } from './helpers.js';

interface Span {
  start: number;
  end: number;
  text: string;
  category: string;
  tier: string;
  level?: string;
}
interface WrittenRecord {
  id: string;
  genre: string;
  text: string;
  spans: Span[];
  note?: string;
}

/** What a set's test file gives describeWrittenSet. Minimums count records or spans (spans without a level). */
export interface WrittenSetSpec {
  /** Folder under fixtures/ (also the verify script's name: scripts/<set>-verify.mjs). */
  set: string;
  /** Id prefix (`se`, `bl`, `fi`, `ni`): ids are `<prefix>-<genre>-<nnn>`. */
  prefix: string;
  /** The set's genres (any order; compared sorted). */
  genres: string[];
  minRecords?: number;
  minClean: number;
  minCore: number;
  minB: number;
  minC?: number;
  /** Every genre has a core span, a tier-B span and a look-alike record. */
  everyGenreMixed?: boolean;
  /** Every core span (without a level) is in the substance-use category. */
  coreIsSubstanceUse?: boolean;
  /** The README holds the table `--counts` prints. */
  readmeCounts?: boolean;
  /** scripts/eval.js lists the set among the sets `npm run eval` scores by default (else only in HELD_OUT). */
  inDefaultEval: boolean;
  /** The date scripts/eval.js's RETIRED gives the set: held out until then, tuned on since (its lists printed). */
  retired?: string;
  /** For the bad-record test: a genre of this set, and an id and a genre from an earlier set it must not reuse. */
  bad: { genre: string; earlierId: string; earlierGenre: string; earlierSet: string };
  /** The bad-record test also checks the messages verifyWrittenSet gained after eval-sealed's test was written. */
  strictMessages?: boolean;
}

/** The checks eval-blind's test had, which the later written sets (eval-final, eval-ninth) keep: spread into a spec. */
export const BLIND_CHECKS = {
  minCore: 95,
  minB: 140,
  minC: 25,
  everyGenreMixed: true,
  readmeCounts: true,
  strictMessages: true,
} as const;

/** `node scripts/<set>-verify.mjs ...args`, run in this process: its exit code, stdout and stderr. */
export async function verifyInProcess(set: string, args: string[]) {
  return writtenSetRun(await writtenSetSpec(set), args);
}

const readSet = (set: string): WrittenRecord[] =>
  readFileSync(path.join(ROOT, 'fixtures', set, 'labelled.jsonl'), 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l));

/** Four records the verify script must reject: a short id with a wrong offset, a clean record without a note, two overlapping spans, and an earlier set's id and genre. */
export function badRecords(o: Pick<WrittenSetSpec, 'prefix' | 'bad'>) {
  const { genre, earlierId, earlierGenre } = o.bad;
  const source = `handwritten for this set (genre: ${genre})`;
  return [
    {
      id: `${o.prefix}-${genre}-1`,
      source,
      genre,
      kind: 'handwritten',
      text: 'Pt is a junkie.',
      spans: [{ start: 9, end: 15, text: 'junkie', category: 'substance-use', tier: 'core' }],
    },
    { id: `${o.prefix}-${genre}-002`, source, genre, kind: 'handwritten', text: 'Pin sites clean and dry.', spans: [] },
    {
      id: `${o.prefix}-${genre}-003`,
      source,
      genre,
      kind: 'handwritten',
      text: 'Pt refused the biopsy and is hostile.',
      spans: [
        { start: 3, end: 10, text: 'refused', category: 'compliance', tier: 'B' },
        { start: 5, end: 12, text: 'fused t', category: 'compliance', tier: 'B' },
      ],
    },
    { id: earlierId, source: 's', genre: earlierGenre, kind: 'handwritten', text: 'Fine today, thanks.', spans: [] },
    // A text that holds a text of fixtures/eval (an earlier set of every written set), and one that lies inside it.
    { id: `${o.prefix}-${genre}-004`, source, genre, kind: 'handwritten', text: `Seen today. ${evalText()} Plan unchanged.`, spans: [], note: 'clean: test' },
    { id: `${o.prefix}-${genre}-005`, source, genre, kind: 'handwritten', text: evalText().slice(3, 43), spans: [], note: 'clean: test' },
  ];
}

/** The first text of fixtures/eval (a tuning set) of 60 characters or more, in the verify scripts' `norm` form. */
const evalText = once(() => {
  const text = readSet('eval')
    .map((r) => r.text.toLowerCase().replace(/\s+/g, ' ').trim())
    .find((t) => t.length >= 60);
  if (!text) throw new Error('fixtures/eval has no text of 60 characters');
  return text;
});

/** A value computed the first time it is asked for (by whichever test runs first), then shared. */
function once<T>(load: () => T): () => T {
  let value: { v: T } | undefined;
  return () => {
    value ??= { v: load() };
    return value.v;
  };
}

export function describeWrittenSet(o: WrittenSetSpec) {
  const script = `${o.set}-verify.mjs`;

  // One run of the verify script over the set serves both tests that need it (the check of every record
  // against every other set's texts is most of a run): with --counts it checks the same and prints the table too.
  const run = once(() => verifyInProcess(o.set, o.readmeCounts ? ['--counts'] : []));

  describe(`fixtures/${o.set}`, () => {
    const records = readSet(o.set);

    it('passes its verify script (offsets, tiers, pairs, no overlap with the earlier sets)', async () => {
      const r = await run();
      expect(r.stderr + r.stdout).toMatch(/records checked, 0 problems/);
      expect(r.status).toBe(0);
    });

    it('has its written genres, a mix of labelled, clean and look-alike records, and enough core and tier-B spans', () => {
      expect([...new Set(records.map((r) => r.genre))].sort()).toEqual([...o.genres].sort());
      if (o.minRecords !== undefined) expect(records.length).toBeGreaterThanOrEqual(o.minRecords);
      const clean = records.filter((r) => r.spans.length === 0);
      expect(clean.length).toBeGreaterThanOrEqual(o.minClean);
      const lookalikes = clean.filter((r) => /look-alike/.test(r.note ?? ''));
      expect(lookalikes.length * 2).toBeGreaterThanOrEqual(clean.length);
      const spans = records.flatMap((r) => r.spans).filter((s) => s.level !== 'info');
      expect(spans.filter((s) => s.tier === 'core').length).toBeGreaterThanOrEqual(o.minCore);
      expect(spans.filter((s) => s.tier === 'B').length).toBeGreaterThanOrEqual(o.minB);
      if (o.minC !== undefined) expect(spans.filter((s) => s.tier === 'C').length).toBeGreaterThanOrEqual(o.minC);
      if (o.coreIsSubstanceUse) {
        // Every core span is a substance-use term (the tier's definition), so core recall measures only those.
        // Counted, not listed: a failure must not print a held-out set's text.
        expect(spans.filter((s) => s.tier === 'core' && s.category !== 'substance-use').length).toBe(0);
      }
      if (o.everyGenreMixed) {
        // Every genre carries core, tier-B and look-alike records, so no genre's figures rest on one kind.
        for (const g of new Set(records.map((r) => r.genre))) {
          const inGenre = records.filter((r) => r.genre === g);
          const genreSpans = inGenre.flatMap((r) => r.spans);
          expect(
            genreSpans.some((s) => s.tier === 'core'),
            g,
          ).toBe(true);
          expect(
            genreSpans.some((s) => s.tier === 'B'),
            g,
          ).toBe(true);
          expect(
            inGenre.some((r) => /look-alike/.test(r.note ?? '')),
            g,
          ).toBe(true);
        }
      }
    });

    if (o.readmeCounts) {
      it('prints the counts table of its README', async () => {
        const r = await run();
        expect(r.status).toBe(0);
        const readme = readFileSync(path.join(ROOT, 'fixtures', o.set, 'README.md'), 'utf8');
        expect(readme).toContain(r.stdout.trim());
      });
    }

    const where = o.retired ? `retired to tuning on ${o.retired}` : 'held out whole';
    it(o.inDefaultEval ? `is one of the sets npm run eval scores by default, ${where}` : `is ${where} in scripts/eval.js`, () => {
      const evalScript = readFileSync(path.join(ROOT, 'scripts', 'eval.js'), 'utf8');
      if (o.inDefaultEval) expect(evalScript).toMatch(new RegExp(`path\\.join\\(root, 'fixtures', '${o.set}', 'labelled\\.jsonl'\\)`));
      const heldOut = evalScript.match(/HELD_OUT = new Set\(\[([^\]]*)\]/)?.[1] ?? '';
      const retired = evalScript.match(/RETIRED = new Map\(\[([\s\S]*?)\n {2}\]\)/)?.[1] ?? '';
      if (o.retired) {
        expect(retired).toContain(`['${o.set}', '${o.retired}']`);
        expect(heldOut).not.toContain(`'${o.set}'`);
      } else {
        expect(heldOut).toContain(`'${o.set}'`);
        expect(retired).not.toContain(`'${o.set}'`);
      }
    });
  });

  describe(`scripts/${script}`, () => {
    it('names each bad record and exits 1, and exits 2 on a file it cannot read', async () => {
      const dir = mkdtempSync(path.join(tmpdir(), `dignify-${o.set}-`));
      const file = path.join(dir, 'bad.jsonl');
      writeFileSync(
        file,
        `${badRecords(o)
          .map((l) => JSON.stringify(l))
          .join('\n')}\n`,
      );
      const r = await verifyInProcess(o.set, [file]);
      expect(r.status).toBe(1);
      const { genre, earlierId, earlierGenre, earlierSet } = o.bad;
      const short = `${o.prefix}-${genre}-1`;
      expect(r.stderr).toMatch(new RegExp(`^${short}: .*id`, 'm'));
      expect(r.stderr).toMatch(new RegExp(`^${short}: offset mismatch`, 'm'));
      expect(r.stderr).toMatch(new RegExp(`^${earlierId}: `, 'm'));
      expect(r.stderr).toMatch(new RegExp(`^${o.prefix}-${genre}-004: text contains or lies inside a text of an earlier set$`, 'm'));
      expect(r.stderr).toMatch(new RegExp(`^${o.prefix}-${genre}-005: text contains or lies inside a text of an earlier set$`, 'm'));
      if (o.strictMessages) {
        expect(r.stderr).toMatch(new RegExp(`^${short}: id does not have the form ${o.prefix}-${genre}-<nnn>`, 'm'));
        expect(r.stderr).toMatch(new RegExp(`^${o.prefix}-${genre}-002: clean record without a "clean:" or "look-alike:" note`, 'm'));
        expect(r.stderr).toMatch(new RegExp(`^${o.prefix}-${genre}-003: .*overlap`, 'm'));
        expect(r.stderr).toMatch(new RegExp(`^${earlierId}: id also used in one of .*${earlierSet}`, 'm'));
        expect(r.stderr).toMatch(new RegExp(`^${earlierId}: unknown genre "${earlierGenre}"`, 'm'));
      }
      const missing = await verifyInProcess(o.set, [path.join(dir, 'none.jsonl')]);
      expect(missing.status).toBe(2);
      expect(missing.stderr.trim()).toMatch(/none\.jsonl: cannot read \(ENOENT\)$/);
    });
  });
}
