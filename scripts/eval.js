// npm run eval: precision and recall of the built linter on the labelled sets, per category, tier,
// genre and rule, with every false positive and miss; then the lexicon-case coverage.
//
//   node scripts/eval.js [set.jsonl ...] [--preset <name>] [--json] [--lexicon <file> | --no-lexicon]
//                        [--write-precision] [--show-held-out]
//
// - sets: default fixtures/eval/labelled.jsonl (tuned on), fixtures/eval-genres/labelled.jsonl (held out),
//   fixtures/eval-new/labelled.jsonl (held out, labelled blind; its README) and
//   fixtures/eval-fresh/labelled.jsonl, fixtures/eval-unseen/labelled.jsonl and
//   fixtures/eval-sealed/labelled.jsonl, fixtures/eval-blind/labelled.jsonl and
//   fixtures/eval-final/labelled.jsonl, fixtures/eval-ninth/labelled.jsonl and
//   fixtures/eval-tenth/labelled.jsonl, fixtures/eval-eleventh/labelled.jsonl,
//   fixtures/eval-twelfth/labelled.jsonl, fixtures/eval-thirteenth/labelled.jsonl,
//   fixtures/eval-fourteenth/labelled.jsonl, fixtures/eval-fifteenth/labelled.jsonl and
//   fixtures/eval-sixteenth/labelled.jsonl and fixtures/eval-seventeenth/labelled.jsonl (each labelled blind;
//   their READMEs). The sets in HELD_OUT are wholly held out. eval-sealed, eval-blind, eval-final, eval-ninth and
//   eval-twelfth, in a second round eval-thirteenth and eval-fifteenth, and in a third round eval-sixteenth and
//   eval-seventeenth, were retired to tuning on 2026-12-02 (RETIRED below): their lists are printed, their titles
//   and JSON say so; so was fixtures/eval-eighteenth (labelled blind the same day, scored by default since the
//   lead's first run of it) in a fourth round, the same day, and eval-tenth and eval-eleventh in a fifth. fixtures/eval-nineteenth and
//   fixtures/eval-twentieth (labelled blind that day, held out whole, in HELD_OUT) and fixtures/eval-twentyfirst
//   (labelled blind on 2026-12-03) are in the default list since the lead's first run of each (their READMEs,
//   Figures).
// - fixtures/eval-new is scored whole and in two halves, split by a hash of each record's id (splitOf):
//   the dev half lists its false positives and misses, so rule developers can learn from new genres;
//   the test half (and the whole set) only count them, so that nobody tunes rules on them by accident.
//   The test half's figures are the blind ones. --show-held-out lists them all.
// - fixtures/eval-fresh has no dev half: it is scored whole, exactly like eval-new (per genre, tier, rule,
//   clean records with a finding), and its false positives and misses are only counted unless
//   --show-held-out.
// - --preset: passed to lintText as options.preset for the sets and the lexicon cases; without it the
//   sets run with the default preset and the lexicon cases with `all`. Tier-C spans (all-preset terms)
//   count only when the preset is `all`.
// - --lexicon: lexicon-cases.jsonl (default ../shared/reference/lexicon-cases.jsonl; skipped with a
//   note when absent).
// - --write-precision: writes fixtures/eval-genres/precision.json (per-rule precision per set), which
//   `npm run docs` shows in docs/rules.md; the sets other scripts wrote there (fixtures/audit) are kept.
// Exit 2 on a usage or I/O error; 0 otherwise (the scores are a report, not a gate: test/eval*.test.ts gate).
// The command is evalMain(args, io), exported for the tests (test/eval-run.ts): several runs in one process
// (one Node start, one load of the linter) lint each text once per preset (lintMemo).
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { lintText } from '../dist/index.js';
import { formatLexiconReport, formatReport, parseLexiconCases, parseRecords, scoreLexiconCases, scoreRecords } from '../dist/eval/score.js';
import { fnv1a } from './seeded.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const rel = (p) => path.relative(root, p) || p;
// A usage or I/O error: evalMain writes `dignify eval: <message>` and returns 2.
class EvalFailure extends Error {}
const fail = (message) => {
  throw new EvalFailure(message);
};

// What a run writes to stderr (`err`) and stdout (`out`): one call per console.error / console.log line.
const CONSOLE = { err: (text) => console.error(text), out: (text) => console.log(text) };

// Findings per preset (undefined: the default) and text. lintText is deterministic for one build, and
// scoreRecords only reads the findings; eval-new's halves re-score its records, and the tests run the
// command several times in one process.
const lintMemo = new Map();
const memoLint = (options) => {
  const key = options?.preset ?? '\0default';
  if (!lintMemo.has(key)) lintMemo.set(key, new Map());
  const memo = lintMemo.get(key);
  return (text) => {
    if (!memo.has(text)) memo.set(text, lintText(text, options));
    return memo.get(text);
  };
};

/**
 * `node scripts/eval.js ...args`, in this process: writes through `io` and returns the exit code.
 * @param {string[]} args the command line after the script
 * @param {{ err: (text: string) => void, out: (text: string) => void }} [io]
 * @returns {Promise<number>}
 */
export async function evalMain(args, io = CONSOLE) {
  try {
    await run(args, io);
    return 0;
  } catch (e) {
    if (!(e instanceof EvalFailure)) throw e;
    io.err(`dignify eval: ${e.message}`);
    return 2;
  }
}

async function run(args, io) {
  const files = [];
  let preset;
  let json = false;
  let writePrecision = false;
  let showHeldOut = false;
  let lexicon = path.resolve(root, '..', 'shared', 'reference', 'lexicon-cases.jsonl');
  let lexiconExplicit = false;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    const value = () => {
      const v = args[++i];
      if (v === undefined || v.startsWith('--')) fail(`${a} needs a value`);
      return v;
    };
    if (a === '--json') json = true;
    else if (a === '--preset') preset = value();
    else if (a.startsWith('--preset=')) preset = a.slice('--preset='.length);
    else if (a === '--lexicon') {
      lexicon = path.resolve(value());
      lexiconExplicit = true;
    } else if (a === '--no-lexicon') lexicon = undefined;
    else if (a === '--write-precision') writePrecision = true;
    else if (a === '--show-held-out') showHeldOut = true;
    else if (a.startsWith('--'))
      fail(`unknown option ${a} (options: --preset <name>, --json, --lexicon <file>, --no-lexicon, --write-precision, --show-held-out)`);
    else files.push(path.resolve(a));
  }
  if (files.length === 0)
    files.push(
      path.join(root, 'fixtures', 'eval', 'labelled.jsonl'),
      path.join(root, 'fixtures', 'eval-genres', 'labelled.jsonl'),
      path.join(root, 'fixtures', 'eval-new', 'labelled.jsonl'),
      path.join(root, 'fixtures', 'eval-fresh', 'labelled.jsonl'),
      path.join(root, 'fixtures', 'eval-unseen', 'labelled.jsonl'),
      path.join(root, 'fixtures', 'eval-sealed', 'labelled.jsonl'),
      path.join(root, 'fixtures', 'eval-blind', 'labelled.jsonl'),
      path.join(root, 'fixtures', 'eval-final', 'labelled.jsonl'),
      path.join(root, 'fixtures', 'eval-ninth', 'labelled.jsonl'),
      path.join(root, 'fixtures', 'eval-tenth', 'labelled.jsonl'),
      path.join(root, 'fixtures', 'eval-eleventh', 'labelled.jsonl'),
      path.join(root, 'fixtures', 'eval-twelfth', 'labelled.jsonl'),
      path.join(root, 'fixtures', 'eval-thirteenth', 'labelled.jsonl'),
      path.join(root, 'fixtures', 'eval-fourteenth', 'labelled.jsonl'),
      path.join(root, 'fixtures', 'eval-fifteenth', 'labelled.jsonl'),
      path.join(root, 'fixtures', 'eval-sixteenth', 'labelled.jsonl'),
      path.join(root, 'fixtures', 'eval-seventeenth', 'labelled.jsonl'),
      path.join(root, 'fixtures', 'eval-eighteenth', 'labelled.jsonl'),
      path.join(root, 'fixtures', 'eval-nineteenth', 'labelled.jsonl'),
      path.join(root, 'fixtures', 'eval-twentieth', 'labelled.jsonl'),
      path.join(root, 'fixtures', 'eval-twentyfirst', 'labelled.jsonl'),
    );
  // Sets whose false positives and misses are counted but not listed unless --show-held-out, by the name of
  // the set's folder — not by a path relative to this copy of the repository, so a set read from another
  // checkout (`node /tmp/copy/scripts/eval.js /work/main/fixtures/eval-new/labelled.jsonl`) stays held out.
  const HELD_OUT = new Set(['eval-new', 'eval-fresh', 'eval-unseen', 'eval-fourteenth', 'eval-nineteenth', 'eval-twentieth', 'eval-twentyfirst']);
  // Sets that were held out and are now tuned on, with the date they were retired: their false positives and
  // misses are listed, and their figures no longer count as figures on unseen text. Fifteen sessions of probe
  // sentences moved these sets little (the errors left are of kinds nobody had thought to write), so the five
  // oldest of the weakest were opened to learn those kinds from; the other held-out sets and the sets written
  // after this date measure whether what was learnt generalises.
  const RETIRED = new Map([
    ['eval-sealed', '2026-12-02'],
    ['eval-blind', '2026-12-02'],
    ['eval-final', '2026-12-02'],
    ['eval-ninth', '2026-12-02'],
    ['eval-twelfth', '2026-12-02'],
    // A second round, the same day: the two sets with the most clean records flagged (2.6% and 2.7%), opened
    // so that false positives, which the first round's kinds did not reduce on the held-out sets, can be learnt
    // as kinds too. eval-sixteenth and the seventeenth set written after this measure it.
    ['eval-thirteenth', '2026-12-02'],
    ['eval-fifteenth', '2026-12-02'],
    // A third round (06:50): the two newest sets, with the most errors left on unseen text (sixteenth: tier-B
    // recall 0.879 and 2.0% of clean records flagged; seventeenth: core recall 0.964, four core misses). The
    // second round again cut held-out misses (81 -> 71) but not false positives (24 -> 24), so these are read
    // for kinds, and an eighteenth blind set written the same day measures whether the kinds generalise.
    ['eval-sixteenth', '2026-12-02'],
    ['eval-seventeenth', '2026-12-02'],
    // A fourth round (second session of the day, 12:20): the newest set, the only one where a bar fails on
    // recall (core 0.964, four core misses; tier-B recall 0.871). The third round cut held-out misses again
    // (49 -> 46 on the six sets held out all day; the eighteenth's first run 29 -> 26) but not false positives
    // (17 -> 17), so its misses are read for kinds and a nineteenth blind set written the same day measures it.
    ['eval-eighteenth', '2026-12-02'],
    // A fifth round (third session of the day, 14:40): the two sets that still miss the clean-record bar (at most
    // 1% of clean records with a finding): eval-tenth 4 of 296 (1.4%), eval-eleventh 5 of 293 (1.7%). Four rounds
    // of kinds cut held-out misses but hardly held-out false positives, and the nineteenth set, written blind at
    // noon, meets every bar (0.3% of clean records flagged); these two are opened so that their false positives
    // can be read as kinds, and a twentieth blind set written the same afternoon measures whether they generalise.
    ['eval-tenth', '2026-12-02'],
    ['eval-eleventh', '2026-12-02'],
  ]);
  // Held-out sets also scored in a dev and a test half (the others are held out whole: no dev half).
  const SPLIT = new Set(['eval-new']);
  const folderOf = (name) => path.basename(path.dirname(path.resolve(root, name)));
  const isHeldOut = (name) => HELD_OUT.has(folderOf(name));
  const retiredOn = (name) => RETIRED.get(folderOf(name));
  // The title a set's text report gets: its name, and for a retired set that it is tuned on now.
  const titleOf = (name) => (retiredOn(name) ? `${name} (held out until ${retiredOn(name)}, tuned on since)` : name);
  const DEV = ' (dev half)';
  const TEST = ' (test half)';
  const listsHidden = (name) => !showHeldOut && isHeldOut(name) && !name.endsWith(DEV);

  // Which half of a held-out set a record is in: FNV-1a (32-bit) of its id, even → dev. Fixed by the id
  // alone, so adding records never moves an old one between halves.
  const splitOf = (id) => (fnv1a(id) % 2 === 0 ? 'dev' : 'test');

  const read = (file) => {
    try {
      return readFileSync(file, 'utf8');
    } catch (e) {
      return fail(`cannot read ${file}: ${e.code ?? e.message}`);
    }
  };

  // A preset the linter does not know (yet) is ignored by lintText's options; passing it costs nothing.
  const setOptions = preset !== undefined ? { preset } : undefined;
  const lexiconPreset = preset ?? 'all';

  const reports = {};
  for (const file of files) {
    let records;
    try {
      records = parseRecords(read(file));
    } catch (e) {
      if (e instanceof EvalFailure) throw e;
      fail(`${file}: ${e.message}`);
    }
    const lint = memoLint(setOptions);
    reports[rel(file)] = await scoreRecords(records, lint, undefined, { preset });
    if (SPLIT.has(folderOf(rel(file)))) {
      for (const [half, suffix] of [
        ['dev', DEV],
        ['test', TEST],
      ])
        reports[rel(file) + suffix] = await scoreRecords(
          records.filter((r) => splitOf(r.id) === half),
          lint,
          undefined,
          { preset },
        );
    }
  }

  let lexiconReport;
  if (lexicon !== undefined) {
    if (!existsSync(lexicon)) {
      if (lexiconExplicit) fail(`cannot read ${lexicon}: ENOENT`);
      io.err(`dignify eval: ${lexicon} not found, lexicon cases skipped`);
    } else {
      let cases;
      try {
        cases = parseLexiconCases(read(lexicon));
      } catch (e) {
        if (e instanceof EvalFailure) throw e;
        fail(`${lexicon}: ${e.message}`);
      }
      lexiconReport = await scoreLexiconCases(cases, memoLint({ preset: lexiconPreset }));
    }
  }

  if (writePrecision) {
    const out = path.join(root, 'fixtures', 'eval-genres', 'precision.json');
    const sets = {};
    for (const [name, report] of Object.entries(reports)) if (!name.endsWith(DEV) && !name.endsWith(TEST)) sets[path.dirname(name)] = report.byRule;
    // Figures other scripts wrote (scripts/audit.mjs --write-precision: `fixtures/audit`) are kept.
    if (existsSync(out)) {
      try {
        for (const [name, byRule] of Object.entries(JSON.parse(readFileSync(out, 'utf8')).sets ?? {})) if (!(name in sets)) sets[name] = byRule;
      } catch {
        // An unreadable file is replaced whole.
      }
    }
    writeFileSync(out, `${JSON.stringify({ preset: preset ?? 'default', sets }, null, 2)}\n`);
    io.err(`dignify eval: wrote ${rel(out)}`);
  }

  // A held-out set's report without its lists: the counts stay, the sentences do not.
  const hide = (report) => ({
    ...report,
    falsePositives: [],
    misses: [],
    listsHidden: { falsePositives: report.falsePositives.length, misses: report.misses.length },
  });
  const hiddenNote = (report) =>
    `false positives (${report.falsePositives.length}) and misses (${report.misses.length}) not listed: a held-out set (--show-held-out lists them)`;

  if (json) {
    const sets = Object.fromEntries(
      Object.entries(reports).map(([name, report]) => {
        const shown = listsHidden(name) ? hide(report) : report;
        return [name, retiredOn(name) ? { ...shown, retired: retiredOn(name) } : shown];
      }),
    );
    io.out(JSON.stringify({ preset: preset ?? null, sets, lexicon: lexiconReport ? { preset: lexiconPreset, ...lexiconReport } : null }, null, 2));
  } else {
    const parts = Object.entries(reports).map(([name, report]) => {
      if (!listsHidden(name)) return formatReport(report, titleOf(name));
      const text = formatReport({ ...report, falsePositives: [], misses: [] }, name);
      return `${text.slice(0, text.lastIndexOf('\n\nfalse positives ('))}\n\n${hiddenNote(report)}`;
    });
    if (lexiconReport) parts.push(formatLexiconReport(lexiconReport, lexiconPreset));
    io.out(parts.join('\n\n'));
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) process.exitCode = await evalMain(process.argv.slice(2));
