// Shared checker behind the evaluation-set verify scripts (scripts/eval-new-verify.mjs,
// eval-fresh-verify.mjs, eval-unseen-verify.mjs, eval-sealed-verify.mjs, eval-blind-verify.mjs,
// eval-final-verify.mjs). Each script gives only what is its own: the genres and
// id forms, the earlier sets it must not share a text or id with, and how a `real` record's text is found
// in the corpus; this module parses the arguments, reads the sets, runs the per-record checks in a fixed
// order and sets the exit code. Messages go to stderr as `<record id>: <problem>`, one line each, then
// `<n> records checked, <m> problems`; exit 0 when clean, 1 with problems, 2 (one line naming the file and
// line) when the set or an earlier set cannot be read or holds a line that is not JSON. Node 20 ESM, no dependencies.

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));

export const CATS = new Set(['substance-use', 'credibility', 'compliance', 'demeanor', 'identity']);
const TIERS = ['core', 'B', 'C'];

/** Case- and whitespace-insensitive key of a text (lowercase, whitespace runs as one space, trimmed). */
export const norm = (s) => s.toLowerCase().replace(/\s+/g, ' ').trim();

/** A file that cannot be read or parsed: the verify scripts print its message alone and exit 2. */
export class InputError extends Error {}

/**
 * Records of a JSON Lines file (blank lines skipped; line numbers count them).
 * @throws InputError `<file>: cannot read (<code>)` when the file cannot be read, and
 *   `<file>:<line>: not JSON (<reason>)` on the first line that does not parse.
 */
export const readJsonl = (f) => {
  let text;
  try {
    text = readFileSync(f, 'utf8');
  } catch (e) {
    throw new InputError(`${f}: cannot read (${e.code ?? e.message})`);
  }
  const records = [];
  for (const [i, l] of text.split('\n').entries()) {
    if (!l.trim()) continue;
    try {
      records.push(JSON.parse(l));
    } catch (e) {
      throw new InputError(`${f}:${i + 1}: not JSON (${e.message})`);
    }
  }
  return records;
};

/** A loader that runs `load` the first time it is called and returns that value ever after. */
export const once = (load) => {
  let value;
  return () => {
    value ??= load();
    return value;
  };
};

/**
 * Counts per genre for a verify script's `--counts` table: `count(genre, key, n = 1)` adds to a key;
 * `span(r, s)` counts a span under its tier, or `info` for one with a level; `record(r, lookAlike)`
 * counts `records`, `withSpan` or `clean`, and `lookAlike`; `print(genres, keys)` writes the Markdown
 * table, one row per genre in the order given (0 where a genre has no count) and a bold total row, to
 * stdout.
 */
export function genreCounts() {
  const counts = new Map();
  const count = (genre, key, n = 1) => {
    if (!counts.has(genre)) counts.set(genre, {});
    const c = counts.get(genre);
    c[key] = (c[key] ?? 0) + n;
  };
  return {
    count,
    span(r, s) {
      count(r.genre, s.level ? 'info' : s.tier);
    },
    record(r, lookAlike) {
      count(r.genre, 'records');
      count(r.genre, r.spans.length ? 'withSpan' : 'clean');
      if (lookAlike) count(r.genre, 'lookAlike');
    },
    print(genres, keys, out = console.log) {
      const total = {};
      const rows = [];
      for (const g of genres) {
        const c = counts.get(g) ?? {};
        for (const key of keys) total[key] = (total[key] ?? 0) + (c[key] ?? 0);
        rows.push(`| \`${g}\` | ${keys.map((key) => c[key] ?? 0).join(' | ')} |`);
      }
      out(`| genre | ${keys.join(' | ')} |\n|${'---|'.repeat(keys.length + 1)}\n${rows.join('\n')}`);
      out(`| **total** | ${keys.map((key) => `**${total[key]}**`).join(' | ')} |`);
    },
  };
}

/**
 * Command line of a verify script: `[--corpus DIR] [other --flags] [FILE]`.
 * @param {string} set folder under fixtures/ whose labelled.jsonl is the default FILE
 * @returns {{ args: string[], corpus: string, file: string }} absolute paths; the corpus defaults to ../shared/corpus
 *   beside the repository
 */
export function parseArgs(set, args = process.argv.slice(2)) {
  const ci = args.indexOf('--corpus');
  const corpus = resolve(ci >= 0 ? args[ci + 1] : join(here, '..', '..', 'shared', 'corpus'));
  const file = resolve(args.find((a, i) => !a.startsWith('--') && args[i - 1] !== '--corpus') ?? join(here, '..', 'fixtures', set, 'labelled.jsonl'));
  return { args, corpus, file };
}

/**
 * Checks the records of `o.file` and exits the process (0 clean, 1 with problems).
 *
 * Per record, in this order: duplicate id; id shared with an earlier set; no text (the record's further
 * checks stop here unless `lenient`); `o.beforeSource`; no source; `o.genreKind` (genre, kind and id form);
 * spans not an array (stops); random record with spans; look-alike note on a record with spans (not when
 * `lenient`); text shared with an earlier set, else `o.nearText`; per span (sorted by start, file order
 * when `lenient`): bad offsets and overlap (not when `lenient`), offset mismatch, category, tier, level,
 * `o.onSpan`; `o.onRecord`; for `real` records when the corpus files exist, `o.corpus.check`.
 *
 * @param {object} o
 * @param {string} o.file the set to check (JSON Lines)
 * @param {string} o.corpusDir the corpus folder named in the warning
 * @param {string[]} o.earlierSets folders under fixtures/ whose texts and ids this set must not share
 * @param {boolean} [o.warnMissingEarlier] warn on stderr when an earlier set is absent (else skipped silently)
 * @param {string} o.idClash message for an id shared with an earlier set
 * @param {string} o.textClash message for a text shared (see `norm`) with an earlier set
 * @param {boolean} [o.lenient] eval-new's original checks: a record without text is checked further, spans
 *   are checked in file order, and there is no bad-offset, overlap or look-alike check
 * @param {(r: object, id: string, problem: Function) => void} [o.beforeSource]
 * @param {(r: object, id: string, problem: Function) => void} o.genreKind
 * @param {(r: object, key: string, otherTexts: Set<string>) => string | undefined} [o.nearText] a problem for a
 *   text not itself in an earlier set (`key` is its `norm`)
 * @param {(r: object, span: object) => void} [o.onSpan]
 * @param {(r: object, lookAlike: boolean) => void} [o.onRecord]
 * @param {{ files: string[], skipped: string, load?: () => void, check: (r: object, id: string, problem: Function) => void }} o.corpus
 *   files that must all exist in the corpus folder for the check of `real` records to run; `skipped` ends the
 *   warning when they do not; `load` runs once when they do
 * @param {() => void} [o.after] runs after the last record, before the summary line
 */
/**
 * Every evaluation set under fixtures/ but `set`: the folders named `eval` or `eval-*` that hold a
 * labelled.jsonl, sorted. The sets written blind since the ninth are checked against all the others both
 * ways, so a new set needs no edit of the earlier sets' verify scripts.
 * @param {string} set the folder name of the set being checked
 * @returns {string[]} folder names under fixtures/
 */
export function otherSets(set) {
  const fixtures = join(here, '..', 'fixtures');
  return readdirSync(fixtures)
    .filter((d) => (d === 'eval' || d.startsWith('eval-')) && d !== set && existsSync(join(fixtures, d, 'labelled.jsonl')))
    .sort();
}
/**
 * The normalised texts (norm) and the ids of the earlier evaluation sets, fixtures/<set>/labelled.jsonl
 * for each name in `sets`; a set whose file is absent is passed to `onMissing` (its path) and skipped.
 * @returns {{ texts: Set<string>, ids: Set<string> }}
 * @throws InputError as readJsonl does.
 */
export function earlierSets(sets, onMissing = () => {}) {
  const texts = new Set();
  const ids = new Set();
  for (const set of sets) {
    const f = join(here, '..', 'fixtures', set, 'labelled.jsonl');
    if (!existsSync(f)) {
      onMissing(f);
      continue;
    }
    for (const r of readJsonl(f)) {
      texts.add(norm(r.text));
      ids.add(r.id);
    }
  }
  return { texts, ids };
}

export function verifySet(o) {
  process.exit(checkSet(o, CONSOLE));
}

/** Where a check writes: `err` for stderr's lines, `out` for stdout's. */
const CONSOLE = { err: (line) => console.error(line), out: (line) => console.log(line) };

/**
 * verifySet's checks without exiting: the lines go to `io` and the exit code is returned (2, with one
 * line, when a set cannot be read or parsed).
 */
function checkSet(o, io) {
  try {
    return check(o, io);
  } catch (e) {
    // A set or an earlier set that cannot be read or parsed: one line naming the file (and line), exit 2.
    if (!(e instanceof InputError)) throw e;
    io.err(e.message);
    return 2;
  }
}

function check(o, io) {
  let bad = 0;
  const problem = (id, m) => {
    bad++;
    io.err(`${id}: ${m}`);
  };

  const records = readJsonl(o.file);
  const onMissing = (f) => {
    if (o.warnMissingEarlier) io.err(`warning: ${f} not found; texts and ids of that set not compared`);
  };
  const { texts: otherTexts, ids: otherIds } = o.others ? o.others(onMissing) : earlierSets(o.earlierSets, onMissing);

  const corpusOk = o.corpus.files.every((f) => existsSync(join(o.corpusDir, f)));
  if (corpusOk) o.corpus.load?.();
  else io.err(`warning: corpus not found at ${o.corpusDir}; ${o.corpus.skipped}`);

  const seen = new Set();
  for (const r of records) {
    const id = r.id ?? '(no id)';
    if (seen.has(id)) problem(id, 'duplicate id');
    seen.add(id);
    if (otherIds.has(id)) problem(id, o.idClash);
    if (typeof r.text !== 'string' || !r.text) {
      problem(id, 'no text');
      if (!o.lenient) continue;
    }
    o.beforeSource?.(r, id, problem);
    if (!r.source) problem(id, 'no source');
    o.genreKind(r, id, problem);
    if (!Array.isArray(r.spans)) {
      problem(id, 'spans is not an array');
      continue;
    }
    if (r.kind === 'random' && r.spans.length) problem(id, 'random record with spans');
    const lookAlike = /look-alike:/.test(r.note ?? '');
    if (!o.lenient && r.spans.length && lookAlike) problem(id, 'look-alike note on a record with spans');
    const k = norm(r.text ?? '');
    if (otherTexts.has(k)) problem(id, o.textClash);
    else {
      const near = o.nearText?.(r, k, otherTexts);
      if (near) problem(id, near);
    }
    const spans = o.lenient ? r.spans : [...r.spans].sort((a, b) => a.start - b.start);
    for (let i = 0; i < spans.length; i++) {
      const s = spans[i];
      if (!o.lenient && (!Number.isInteger(s.start) || !Number.isInteger(s.end) || s.start < 0 || s.end <= s.start))
        problem(id, `bad offsets ${JSON.stringify(s)}`);
      if (r.text.slice(s.start, s.end) !== s.text) problem(id, `offset mismatch ${JSON.stringify(s)}`);
      if (!o.lenient && i && spans[i - 1].end > s.start) problem(id, `overlapping spans at ${s.start}`);
      if (!CATS.has(s.category)) problem(id, `bad category ${s.category}`);
      if (!TIERS.includes(s.tier)) problem(id, `bad tier ${s.tier}`);
      if (s.level !== undefined && s.level !== 'info') problem(id, `bad level ${s.level}`);
      o.onSpan?.(r, s);
    }
    o.onRecord?.(r, lookAlike);
    if (r.genre === 'real' && corpusOk) o.corpus.check(r, id, problem);
  }
  o.after?.(io);
  io.err(`${records.length} records checked, ${bad} problems`);
  return bad ? 1 : 0;
}

/**
 * The texts of `texts` at least `min` characters long, indexed for the containment check of every record
 * of a set against every one of them (the check was a scan of all of them per record: most of a verify
 * script's time). `contains(k)`: some text is a substring of `k` (each text is filed under its first `min`
 * characters, and each `min`-character window of `k` is looked up). `inside(k)`: `k` is a substring of some
 * text (one search of the texts joined by NUL, which no text holds; a text that holds one is searched alone;
 * a hit in the joined texts is traced to its text by their start offsets). Both answer as
 * `texts.some((t) => k.includes(t) && keep(t))` and `texts.some((t) => t.includes(k) && keep(t))` over those
 * texts; without `keep`, every text counts.
 * @param {Iterable<string>} texts
 * @param {number} min
 */
export function nearIndex(texts, min) {
  const long = [...texts].filter((t) => t.length >= min);
  const byHead = new Map();
  for (const t of long) {
    const head = t.slice(0, min);
    const list = byHead.get(head);
    if (list) list.push(t);
    else byHead.set(head, [t]);
  }
  const withNul = long.filter((t) => t.includes('\0'));
  const joinedTexts = long.filter((t) => !t.includes('\0'));
  const starts = [];
  let at = 0;
  for (const t of joinedTexts) {
    starts.push(at);
    at += t.length + 1;
  }
  const joined = joinedTexts.join('\0');
  const counts = (keep, t) => keep === undefined || keep(t);
  return {
    /** @param {string} k @param {(text: string) => boolean} [keep] */
    contains(k, keep) {
      for (let i = 0; i + min <= k.length; i++) {
        const list = byHead.get(k.slice(i, i + min));
        if (list?.some((t) => k.startsWith(t, i) && counts(keep, t))) return true;
      }
      return false;
    },
    /** @param {string} k @param {(text: string) => boolean} [keep] */
    inside(k, keep) {
      if (k.includes('\0')) return long.some((t) => t.includes(k) && counts(keep, t));
      if (withNul.some((t) => t.includes(k) && counts(keep, t))) return true;
      if (keep === undefined) return joined.includes(k);
      for (let p = joined.indexOf(k); p !== -1; p = joined.indexOf(k, p + 1)) {
        // The text the match lies in: the last one starting at or before p (k holds no NUL, so it lies inside one).
        let lo = 0;
        let hi = starts.length - 1;
        while (lo < hi) {
          const mid = (lo + hi + 1) >> 1;
          if (starts[mid] <= p) lo = mid;
          else hi = mid - 1;
        }
        if (keep(joinedTexts[lo])) return true;
      }
      return false;
    },
  };
}

/** Shortest earlier text that a written set's containment check compares (shorter ones are common phrases). */
const NEAR_MIN = 24;
const PAIR = /pair of the previous record/;

/**
 * Checks a set whose every record was written for it (eval-sealed, eval-blind) and exits the process, as
 * `verifySet` does. Beyond verifySet's checks, per record: a genre from `o.genres`, an id
 * `<o.prefix>-<genre>-<nnn>`, source `handwritten for this set (genre: <genre>)`, kind `handwritten`, no
 * empty span, every clean record's note starting `clean:` or holding `look-alike:`, a preferred-wording
 * record (note "pair of the previous record") only without spans and right after a record with spans; no
 * text that contains or lies inside a text (≥ 24 characters) of an earlier set. `--counts` on the command
 * line prints the per-genre table (records, with a span, clean, look-alikes, preferred-wording pairs,
 * core/B/C spans without a level, info-level spans) on stdout.
 *
 * While `writtenSetSpecs` imports a verify script, the call only hands `o` over (the script is not run).
 *
 * @param {object} o
 * @param {string} o.set folder under fixtures/ whose labelled.jsonl is the default file
 * @param {string} o.prefix id prefix (`se`, `bl`)
 * @param {string[]} o.genres the set's genres, in the order of the counts table
 * @param {string[]} o.earlierSets folders under fixtures/ whose ids and texts this set must not share
 */
export function verifyWrittenSet(o) {
  if (capturing) {
    capturing.push(o);
    return;
  }
  process.exit(checkWrittenSet(o, process.argv.slice(2), CONSOLE));
}

/** @type {object[] | undefined} the specs verifyWrittenSet was called with while writtenSetSpecs imports */
let capturing;

/**
 * The spec (verifyWrittenSet's argument) of each written set's verify script, for running its checks in
 * this process (writtenSetRun): `scripts/<set>-verify.mjs` is imported (once per process, as any module)
 * with verifyWrittenSet only recording its argument.
 * @param {string} set folder under fixtures/
 */
export async function writtenSetSpec(set) {
  const url = new URL(`./${set}-verify.mjs`, import.meta.url).href;
  if (!specs.has(url)) {
    capturing = [];
    try {
      await import(url);
      if (capturing.length !== 1) throw new Error(`scripts/${set}-verify.mjs called verifyWrittenSet ${capturing.length} times on import`);
      specs.set(url, capturing[0]);
    } finally {
      capturing = undefined;
    }
  }
  return specs.get(url);
}
const specs = new Map();

/**
 * What `node scripts/<set>-verify.mjs ...args` does, in this process: its exit code and what it writes to
 * stdout and stderr (the same lines). For the tests, which check every written set: the other sets are read
 * and indexed once per process (sharedSets), not once per set.
 * @param {object} o the script's spec (writtenSetSpec)
 * @param {string[]} args the command line after the script
 * @returns {{ status: number, stdout: string, stderr: string }}
 */
export function writtenSetRun(o, args) {
  let stdout = '';
  let stderr = '';
  const status = checkWrittenSet(o, args, { err: (line) => (stderr += `${line}\n`), out: (line) => (stdout += `${line}\n`) });
  return { status, stdout, stderr };
}

function checkWrittenSet(o, argv, io) {
  const { args, file } = parseArgs(o.set, argv);
  const others = othersOf(o.earlierSets);
  let previousHadSpans = false;
  const counts = genreCounts();

  return checkSet(
    {
      file,
      corpusDir: '(none: this set has no corpus text)',
      earlierSets: o.earlierSets,
      others: others.lookups,
      warnMissingEarlier: true,
      idClash: `id also used in one of ${o.earlierSets.join(', ')}`,
      textClash: 'text also in an earlier evaluation set',
      genreKind(r, id, problem) {
        // Runs once per record with text, in file order, before the span checks: the place for this set's own
        // record checks, since verifySet hands `problem` to this hook (and to no later one).
        const spans = Array.isArray(r.spans) ? r.spans : [];
        const note = r.note ?? '';
        const clean = spans.length === 0;
        if (!o.genres.includes(r.genre)) problem(id, `unknown genre ${JSON.stringify(r.genre)}`);
        else {
          if (!new RegExp(`^${o.prefix}-${r.genre}-\\d{3}$`).test(id)) problem(id, `id does not have the form ${o.prefix}-${r.genre}-<nnn>`);
          if (r.source !== `handwritten for this set (genre: ${r.genre})`) problem(id, `source ${JSON.stringify(r.source)} does not name the genre`);
        }
        if (r.kind !== 'handwritten') problem(id, `kind ${JSON.stringify(r.kind)} is not "handwritten"`);
        if (clean && !note.startsWith('clean:') && !note.includes('look-alike:')) problem(id, 'clean record without a "clean:" or "look-alike:" note');
        if (PAIR.test(note) && !clean) problem(id, 'preferred-wording pair with spans');
        if (PAIR.test(note) && !previousHadSpans) problem(id, 'preferred-wording pair that does not follow a record with spans');
        if (spans.some((sp) => typeof sp.text !== 'string' || !sp.text.trim())) problem(id, 'empty span');
        previousHadSpans = !clean;
      },
      nearText(_r, k) {
        if (others.near(k)) return 'text contains or lies inside a text of an earlier set';
      },
      onSpan: counts.span,
      onRecord(r, lookAlike) {
        counts.record(r, lookAlike);
        if (PAIR.test(r.note ?? '')) counts.count(r.genre, 'pairs');
      },
      // No corpus text in a written set: no file is needed and no record is checked against one.
      corpus: { files: [], skipped: '', check() {} },
      after() {
        if (!args.includes('--counts')) return;
        counts.print(o.genres, ['records', 'withSpan', 'clean', 'lookAlike', 'pairs', 'core', 'B', 'C', 'info'], io.out);
      },
    },
    io,
  );
}

/**
 * Every evaluation set under fixtures/ (otherSets), read once per process: each normalised text and id
 * with the sets that hold it, and the texts of NEAR_MIN characters or more in one nearIndex, so
 * that checking N written sets against all the others reads and indexes the sets once, not N times.
 */
const sharedSets = once(() => {
  const names = otherSets('');
  const texts = new Map();
  const ids = new Map();
  const add = (map, key, set) => {
    const owners = map.get(key);
    if (owners) owners.add(set);
    else map.set(key, new Set([set]));
  };
  for (const set of names) {
    for (const r of readJsonl(join(here, '..', 'fixtures', set, 'labelled.jsonl'))) {
      add(texts, norm(r.text), set);
      add(ids, r.id, set);
    }
  }
  return { names: new Set(names), texts, ids, index: nearIndex(texts.keys(), NEAR_MIN) };
});

/**
 * The texts and ids of the sets `earlier` (folders under fixtures/), and nearIndex's two questions asked of
 * their texts of NEAR_MIN characters or more, answered from sharedSets: a text or id counts when one of the
 * sets holding it is among `earlier`. `lookups(onMissing)` passes each absent set's file to onMissing,
 * in order, as earlierSets does. Falls back to earlierSets and nearIndex when a set of `earlier` is not one
 * of sharedSets (not an eval folder).
 * @param {string[]} earlier
 */
function othersOf(earlier) {
  const wanted = new Set(earlier);
  const files = earlier.map((set) => join(here, '..', 'fixtures', set, 'labelled.jsonl'));
  const some = (owners) => {
    if (owners) for (const set of owners) if (wanted.has(set)) return true;
    return false;
  };
  let fallback;
  const lookups = (onMissing) => {
    const shared = sharedSets();
    if (earlier.some((set, i) => existsSync(files[i]) && !shared.names.has(set))) {
      const { texts, ids } = earlierSets(earlier, onMissing);
      fallback = nearIndex(texts, NEAR_MIN);
      return { texts, ids };
    }
    for (const f of files) if (!existsSync(f)) onMissing(f);
    return { texts: { has: (k) => some(shared.texts.get(k)) }, ids: { has: (id) => some(shared.ids.get(id)) } };
  };
  /** Some text of `earlier` (≥ NEAR_MIN) lies inside k, or k (≥ NEAR_MIN) lies inside one. */
  const near = (k) => {
    const shared = fallback ? undefined : sharedSets();
    const index = fallback ?? shared.index;
    // In the shared index, a text counts when one of the sets holding it is among `earlier`.
    const keep = shared && ((t) => some(shared.texts.get(t)));
    return index.contains(k, keep) || (k.length >= NEAR_MIN && index.inside(k, keep));
  };
  return { lookups, near };
}
