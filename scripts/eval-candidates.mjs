#!/usr/bin/env node
// Reproducible extraction of evaluation-set candidates for dignify.
//
//   node scripts/eval-candidates.mjs [--corpus ../shared/corpus] [--out $TMPDIR/dignify-eval/candidates.jsonl]
//
// Reads the public corpus files, splits notes into sentences, and writes one
// unlabelled record per line:
//   {id, source, kind: "candidate"|"random", text, terms: [...], spans: []}
// The gold spans in fixtures/eval/labelled.jsonl were then added by hand (see
// fixtures/eval/README.md). Plain Node 20 ESM, no dependencies.
//
// Sampling is deterministic (mulberry32, SEED below).

import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { csvRows } from './corpus-csv.mjs';
import { mulberry32 } from './seeded.mjs';

const SEED = 20240611;
const MAX_LEN = 400;
const PER_TERM_CAP = 60; // cap for frequent non-substance terms
const MEDQUAD_GENERAL_SAMPLE = 100;
const RANDOM_SAMPLE = 170;

const here = dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const argVal = (name, dflt) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : dflt;
};
const CORPUS = resolve(argVal('--corpus', join(here, '..', '..', 'shared', 'corpus')));
// Generated copies of corpus text stay out of the repository: the default output is a temp folder.
const OUT = resolve(argVal('--out', join(tmpdir(), 'dignify-eval', 'candidates.jsonl')));

function sample(arr, n, rng) {
  // Fisher-Yates on a copy, keep first n, then restore original order.
  const idx = arr.map((_, i) => i);
  for (let i = idx.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [idx[i], idx[j]] = [idx[j], idx[i]];
  }
  return idx
    .slice(0, n)
    .sort((a, b) => a - b)
    .map((i) => arr[i]);
}

// ---------------------------------------------------------------- CSV
function parseCsv(text) {
  const [header, ...rows] = csvRows(text);
  return rows.filter((r) => r.length === header.length).map((r) => Object.fromEntries(header.map((h, k) => [h, r[k]])));
}

// ---------------------------------------------------------------- sentence splitting
const ABBREV =
  /(?:\b(?:Dr|Mr|Mrs|Ms|St|vs|No|approx|Fig|e\.g|i\.e|a\.m|p\.m|b\.i\.d|t\.i\.d|q\.i\.d|q\.d|p\.o|p\.r\.n|etc|Jr|Sr|cc|mg|mL|ml|Inc|Co|U\.S|q)\.)$/i;

function splitSentences(text) {
  // 1) hard breaks: newlines; MTSamples section headings glued with commas (",HEENT:  ...").
  const out = [];
  // MTSamples also glues paragraphs with ".," / ":," (a newline replaced by a comma).
  const blocks = text.split(/\r?\n+|,\s*(?=[A-Z][A-Z0-9 /&()'-]{2,}:)|(?<=[.:]),(?=\s*[A-Z0-9])/);
  for (const block of blocks) {
    // 2) sentence ends: [.!?] (+ optional closing quote/paren) + whitespace + capital/digit/quote/paren.
    let start = 0;
    const re = /[.!?]["')\]]?\s+(?=["'([]?[A-Z0-9])/g;
    let m;
    while ((m = re.exec(block))) {
      const endPunct = m.index + m[0].trimEnd().length;
      const before = block.slice(start, endPunct);
      if (ABBREV.test(before)) continue;
      out.push(block.slice(start, endPunct));
      start = m.index + m[0].length;
    }
    out.push(block.slice(start));
  }
  // 3) trim, drop empties, chop overlong sentences at "; " / ", " boundaries.
  const res = [];
  for (let s of out) {
    s = s
      .trim()
      .replace(/^[,;\s]+/, '')
      .replace(/[,;\s]+$/, '');
    if (s.length < 3) continue;
    if (s.length <= MAX_LEN) {
      res.push(s);
      continue;
    }
    const parts = s.split(/(?<=[;,])\s+/);
    let cur = '';
    for (const p of parts) {
      if (cur && `${cur} ${p}`.length > MAX_LEN) {
        res.push(cur.replace(/[,;\s]+$/, ''));
        cur = p;
      } else cur = cur ? `${cur} ${p}` : p;
    }
    if (cur) {
      // a single clause still too long: hard-wrap on whitespace
      while (cur.length > MAX_LEN) {
        const cut = cur.lastIndexOf(' ', MAX_LEN);
        res.push(cur.slice(0, cut > 0 ? cut : MAX_LEN));
        cur = cur.slice(cut > 0 ? cut + 1 : MAX_LEN);
      }
      res.push(cur.replace(/[,;\s]+$/, ''));
    }
  }
  // collapse internal whitespace? No: text must stay verbatim from the corpus.
  return res.filter((s) => s.length >= 3);
}

// ---------------------------------------------------------------- candidate terms
// substance: true => every sentence kept (no cap).
const DRUG = `(?:drugs?|IV|IVD|intravenous|injection|heroin|cocaine|crack|meth|methamphetamine|opioids?|opiates?|marijuana|cannabis|polysubstance|substance|alcohol|etoh|narcotics?|benzos?|benzodiazepines?|pot|speed)`;
const TERMS = [
  { term: 'addict', re: /\baddict\w*/i, substance: true },
  { term: 'abuse', re: /\babus(?:e|es|ed|er|ers|ing|ive)\b/i, substance: true },
  { term: 'junkie', re: /\bjunkies?\b/i, substance: true },
  { term: 'crackhead', re: /\bcrack-?heads?\b/i, substance: true },
  { term: 'alcoholic', re: /\balcoholics?\b/i, substance: true },
  { term: 'drunk', re: /\bdrunk(?:en|s)?\b/i, substance: true },
  { term: 'drug user', re: new RegExp(String.raw`\b${DRUG}(?:[\s-]+\w+){0,2}?[\s-]+users?\b`, 'i'), substance: true },
  {
    term: 'clean/dirty (tox/needles)',
    strict:
      /\b(?:clean|dirty)\b[^.]{0,40}\b(?:urine|tox\w*|screens?|UDS|drug|needles?|syringes?|works|sober|for \d+|since)\b|\b(?:urine|tox\w*|screens?|UDS|drug|needles?|syringes?)\b[^.]{0,40}\b(?:clean|dirty)\b|\b(?:been|stay\w*|got|getting|stayed) clean\b/i,
  },
  { term: 'clean', re: /\bclean\b/i },
  { term: 'dirty', re: /\bdirty\b/i },
  { term: 'habit', re: /\bhabit(?:s|ual|ually)?\b/i },
  { term: 'drug-seeking', re: /\b(?:drug|narcotic|opioid|medication|pain[- ]medication)[- ]seek(?:ing|er|ers)\b/i, substance: true },
  { term: 'IVDU/IVDA', re: /\bIVD[UA]\w*/i, substance: true },
  { term: 'polysubstance', re: /\bpoly-?substance\b/i, substance: true },
  { term: 'SA', re: /\bSA\b/ },
  { term: 'DA', re: /\bDA\b/ },
  { term: 'PSA', re: /\bPSA\b/ },
  { term: 'FF', re: /\bFF\b/ },
  { term: 'MAT', re: /\bMAT\b/ },
  { term: 'noncompliant', re: /\bnon[- ]?complian(?:t|ce)\b/i },
  { term: 'compliance', re: /(?<!non[- ]?)\bcomplian(?:t|ce)\b/i },
  { term: 'nonadherent', re: /\bnon[- ]?adheren(?:t|ce)\b/i },
  { term: 'refuse', re: /\brefus(?:e|ed|es|ing|al|als)\b/i },
  { term: 'claim', re: /\bclaim(?:s|ed|ing)?\b/i },
  { term: 'insist', re: /\binsist(?:s|ed|ing|ent|ence)?\b/i },
  { term: 'adamant', re: /\badam[ae]nt(?:ly)?\b/i },
  { term: 'allegedly/supposedly', re: /\b(?:allegedly|supposedly)\b/i },
  { term: 'frequent flyer', re: /\bfrequent[- ]fl(?:y|i)ers?\b/i },
  { term: 'historian', re: /\bhistorians?\b/i },
  { term: 'combative', re: /\bcombative(?:ness)?\b/i },
  { term: 'belligerent', re: /\bbelligeren(?:t|ce)\b/i },
  { term: 'manipulative', re: /\bmanipulative\b/i },
  { term: 'uncooperative', re: /\b(?:un|non-?)cooperative\b/i },
  { term: 'hostile', re: /\bhostil(?:e|ity)\b/i },
  { term: 'argumentative', re: /\bargumentative\b/i },
  { term: 'hysterical', re: /\bhysteric(?:al|s)?\b/i },
  { term: 'aggressive', re: /\baggressi(?:ve|vely|on)\b/i },
  { term: 'agitated', re: /\bagitat(?:ed|ion|ing)\b/i },
  { term: 'difficult', re: /\bdifficult\b/i },
  { term: 'diabetic', re: /\bdiabetics?\b/i },
  { term: 'sickler', re: /\bsicklers?\b/i },
  { term: 'schizophrenic', re: /\bschizophrenics?\b/i },
  { term: 'bipolar', re: /\bbipolar\b/i },
  { term: 'suicide', re: /\bsuicides?\b/i },
  { term: 'obese', re: /\bobese\b/i },
  { term: 'morbidly', re: /\bmorbidly\b|\bmorbid obesity\b/i }, // 'morbid obesity' added: labelled like 'morbidly obese'
  { term: 'HIV-infected', re: /\bHIV[- ]infected\b/i },
  { term: 'AIDS victim', re: /\bAIDS victims?\b/i },
  { term: 'wheelchair-bound', re: /\bwheelchair[- ]bound\b|\bconfined to (?:a )?wheelchair\b/i },
  { term: 'retarded', re: /\bretard(?:ed|ation)?\b/i },
  { term: 'crazy/psycho', re: /\b(?:crazy|psycho|psychos|insane)\b/i },
  { term: 'epileptic', re: /\bepileptics?\b/i },
  { term: 'relapse', re: /\brelaps(?:e|es|ed|ing)\b/i },
  { term: 'detox', re: /\bdetox(?:ification|ed|ing)?\b/i },
  { term: 'rehab', re: /\brehabs?\b/i },
  { term: 'dependence', re: /\bdependence\b/i },
  { term: 'habitus', re: /\bhabitus\b/i },
];

function termsIn(s) {
  const hits = [];
  for (const t of TERMS) {
    if (t.term === 'clean/dirty (tox/needles)') {
      if (t.strict.test(s)) hits.push(t.term);
      continue;
    }
    if (t.re.test(s)) hits.push(t.term);
  }
  // clean/dirty in tox/abstinence context is kept whole; drop the generic bucket for it
  return hits;
}
const SUBSTANCE_TERMS = new Set(TERMS.filter((t) => t.substance).map((t) => t.term));

// ---------------------------------------------------------------- load corpus
function readJsonl(file) {
  return readFileSync(join(CORPUS, file), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l));
}

function loadDocs() {
  const docs = [];
  // MTSamples: many reports appear twice; keep the first note_id for each distinct transcription.
  const mts = parseCsv(readFileSync(join(CORPUS, 'mtsamples.csv'), 'utf8'));
  const seenT = new Set();
  for (const r of mts) {
    const t = r.transcription || '';
    if (!t.trim() || seenT.has(t)) continue;
    seenT.add(t);
    docs.push({ file: 'mtsamples.csv', prefix: `mts-${r.note_id}`, source: `mtsamples.csv note_id ${r.note_id}`, text: t });
  }
  // NegEx: already one sentence per line.
  const tsv = readFileSync(join(CORPUS, 'negex_rsAnnotations-1-120-random.tsv'), 'utf8').split('\n');
  const head = tsv.shift().split('\t');
  const iLine = head.indexOf('line number');
  const iSent = head.indexOf('sentence');
  for (const line of tsv) {
    if (!line.trim()) continue;
    const cols = line.split('\t');
    docs.push({
      file: 'negex',
      prefix: `negex-${cols[iLine]}`,
      source: `negex_rsAnnotations-1-120-random.tsv line number ${cols[iLine]}`,
      text: cols[iSent] ?? '',
      single: true,
    });
  }
  for (const r of readJsonl('aci_bench_notes.jsonl'))
    docs.push({ file: 'aci', prefix: `aci-${r.encounter_id}`, source: `aci_bench_notes.jsonl encounter_id ${r.encounter_id} (${r.split}) note`, text: r.note });
  for (const r of readJsonl('primock57_notes.jsonl'))
    docs.push({
      file: 'primock',
      prefix: `primock-d${r.day}c${r.consultation}`,
      source: `primock57_notes.jsonl day ${r.day} consultation ${r.consultation} note`,
      text: r.note,
    });
  for (const r of readJsonl('ctakes_example_notes.jsonl')) {
    const slug = r.file.replace(/[^A-Za-z0-9]+/g, '_');
    docs.push({ file: 'ctakes', prefix: `ctakes-${slug}`, source: `ctakes_example_notes.jsonl file ${r.file}`, text: r.text });
  }
  const _subsetFiles = new Set();
  // MedQuAD: one file can hold several QA pairs, so the id carries the 1-based line number too.
  const subsetKeys = new Set();
  readJsonl('medquad_substance_use_subset.jsonl').forEach((r, i) => {
    subsetKeys.add(`${r.file}\u0000${r.question}`);
    const slug = r.file
      .replace(/\.xml$/, '')
      .replace(/^.*\//, '')
      .replace(/[^A-Za-z0-9]+/g, '_');
    docs.push({
      file: 'medquad_sub',
      prefix: `mqs-L${i + 1}-${slug}`,
      source: `medquad_substance_use_subset.jsonl line ${i + 1} (file ${r.file})`,
      text: r.answer,
    });
  });
  readJsonl('medquad_answers.jsonl').forEach((r, i) => {
    if (subsetKeys.has(`${r.file}\u0000${r.question}`)) return;
    const slug = r.file
      .replace(/\.xml$/, '')
      .replace(/^.*\//, '')
      .replace(/[^A-Za-z0-9]+/g, '_');
    docs.push({ file: 'medquad', prefix: `mq-L${i + 1}-${slug}`, source: `medquad_answers.jsonl line ${i + 1} (file ${r.file})`, text: r.answer });
  });
  return docs;
}

// ---------------------------------------------------------------- main
function main() {
  const rng = mulberry32(SEED);
  const docs = loadDocs();
  const seenText = new Set();
  const sents = []; // {id, source, file, text, terms}
  for (const d of docs) {
    const parts = d.single ? [d.text.trim()].filter((s) => s.length >= 3 && s.length <= MAX_LEN) : splitSentences(d.text);
    parts.forEach((s, k) => {
      // de-duplicate identical sentences across the corpus (case/whitespace-insensitive:
      // NegEx repeats sentences with only the annotated condition upper-cased)
      const key = s.toLowerCase().replace(/\s+/g, ' ');
      if (seenText.has(key)) return;
      seenText.add(key);
      const id = d.single ? d.prefix : `${d.prefix}-s${k + 1}`;
      sents.push({ id, source: d.source, file: d.file, text: s, terms: termsIn(s) });
    });
  }

  // --- candidates from the clinical files + MedQuAD substance subset
  const clinical = sents.filter((s) => s.file !== 'medquad' && s.terms.length);
  const chosen = new Set();
  const byTerm = new Map();
  for (const s of clinical) {
    if (s.terms.some((t) => SUBSTANCE_TERMS.has(t))) {
      chosen.add(s);
      continue;
    }
    for (const t of s.terms) {
      if (!byTerm.has(t)) byTerm.set(t, []);
      byTerm.get(t).push(s);
    }
  }
  const samplingLog = {};
  for (const t of TERMS.map((x) => x.term)) {
    const list = byTerm.get(t) || [];
    if (!list.length) continue;
    const pool = list.filter((s) => !chosen.has(s));
    const alreadyIn = list.length - pool.length;
    const take = Math.max(0, PER_TERM_CAP - alreadyIn);
    const picked = pool.length > take ? sample(pool, take, rng) : pool;
    picked.forEach((s) => chosen.add(s));
    samplingLog[t] = { sentences: list.length, kept: Math.min(list.length, alreadyIn + picked.length), sampled: pool.length > take };
  }

  // --- ~100 candidate sentences from the general MedQuAD answers
  const mqPool = sents.filter((s) => s.file === 'medquad' && s.terms.length);
  // keep all substance-term hits there would be too many; sample half from substance hits, half from the rest
  const mqSub = mqPool.filter((s) => s.terms.some((t) => SUBSTANCE_TERMS.has(t)));
  const mqOther = mqPool.filter((s) => !s.terms.some((t) => SUBSTANCE_TERMS.has(t)));
  const mqPicked = [...sample(mqSub, MEDQUAD_GENERAL_SAMPLE / 2, rng), ...sample(mqOther, MEDQUAD_GENERAL_SAMPLE / 2, rng)];
  samplingLog['(medquad_answers.jsonl general)'] = { substanceTermPool: mqSub.length, otherTermPool: mqOther.length, kept: mqPicked.length, sampled: true };

  const candidates = [...sents.filter((s) => chosen.has(s)), ...mqPicked];

  // --- random sentences with no candidate term (clinical files + medquad)
  const noTerm = sents.filter((s) => !s.terms.length && s.text.length >= 20 && /[a-z]{3}/.test(s.text));
  const noTermClinical = noTerm.filter((s) => s.file !== 'medquad');
  const noTermMq = noTerm.filter((s) => s.file === 'medquad');
  const randoms = [...sample(noTermClinical, RANDOM_SAMPLE - 20, rng), ...sample(noTermMq, 20, rng)];

  const out = [
    ...candidates.map((s) => ({ id: s.id, source: s.source, kind: 'candidate', text: s.text, terms: s.terms, spans: [] })),
    ...randoms.map((s) => ({ id: s.id, source: s.source, kind: 'random', text: s.text, terms: [], spans: [] })),
  ];
  mkdirSync(dirname(OUT), { recursive: true });
  writeFileSync(OUT, `${out.map((r) => JSON.stringify(r)).join('\n')}\n`);
  const stats = { seed: SEED, sentences: sents.length, candidates: candidates.length, random: randoms.length, sampling: samplingLog };
  writeFileSync(OUT.replace(/\.jsonl$/, '.stats.json'), `${JSON.stringify(stats, null, 2)}\n`);
  console.error(JSON.stringify(stats, null, 2));
}

// --verify: check fixtures/eval/labelled.jsonl (offsets, categories, unique ids, random records unlabelled)
function verify(file) {
  const CATS = new Set(['substance-use', 'credibility', 'compliance', 'demeanor', 'identity']);
  const seen = new Set();
  let n = 0;
  let bad = 0;
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const r = JSON.parse(line);
    n++;
    const err = (m) => {
      bad++;
      console.error(`${r.id}: ${m}`);
    };
    if (seen.has(r.id)) err('duplicate id');
    seen.add(r.id);
    if (!['candidate', 'random', 'handwritten'].includes(r.kind)) err('bad kind');
    if (r.kind === 'random' && r.spans.length) err('random record with spans');
    for (const s of r.spans) {
      if (r.text.slice(s.start, s.end) !== s.text) err(`offset mismatch ${JSON.stringify(s)}`);
      if (!CATS.has(s.category)) err(`bad category ${s.category}`);
    }
  }
  console.error(`${n} records checked, ${bad} problems`);
  process.exit(bad ? 1 : 0);
}

// Imported (scripts/corpus-run.js reuses loadDocs) or run as a script.
export { loadDocs };
if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  if (args.includes('--verify')) verify(resolve(argVal('--verify') ?? join(here, '..', 'fixtures', 'eval', 'labelled.jsonl')));
  else main();
}
