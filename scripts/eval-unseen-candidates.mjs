#!/usr/bin/env node
// Draws the unlabelled candidate sentences of the fifth evaluation set (fixtures/eval-unseen, issue 11)
// from the corpus slice reserved for it (see fixtures/eval-unseen/README.md):
//   MedQuAD answers at 1-based lines ≡ 0 (mod 5), outside medquad_substance_use_subset.jsonl, and
//   leaving out every answer the second set (fixtures/eval-genres) read: an answer is left out whole when
//   any of its sentences is in that draw's patient-education pool (the diabetes/obesity/HIV/mental-health
//   focus answers and its seeded 12% sentence sample; scripts/eval-genre-candidates.mjs drawGenres()).
//
//   node scripts/eval-unseen-candidates.mjs [--corpus ../shared/corpus] [--out DIR]
//
// Writes DIR/candidates.jsonl (sentences matching the broad TERMS regex, with the stems matched, in the
// reading order: substance/credibility/compliance/demeanour sentences first, then at most PER_STEM per
// other stem, each group shuffled with mulberry32 seed SEED), DIR/random.jsonl (40 sentences of ≥ 25
// characters matching no stem, drawn with the same generator after the shuffle), DIR/reading-narrow.txt and
// DIR/reading-strong.txt (the two lists that were read by hand, see NARROW and STRONG) and DIR/stats.json.
// DIR defaults to $TMPDIR/dignify-eval-unseen: corpus copies stay out of the repository.
// Ids: mq0-L<line>-s<n> (n = 1-based sentence number after eval-fresh's split, scripts/eval-fresh-candidates.mjs
// sentences()). Sentences equal (case- and whitespace-insensitive) to a text of fixtures/eval, eval-genres,
// eval-new or eval-fresh are dropped, and so are sentences that contain or lie inside such a text (≥ 16
// characters). Node 20 ESM, no dependencies.

import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sentences } from './eval-fresh-candidates.mjs';
import { earlierSets, norm, readJsonl } from './eval-set-checks.mjs';
import { drawGenres } from './eval-genre-candidates.mjs';
import { mulberry32 } from './seeded.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : dflt;
};
const CORPUS = resolve(opt('--corpus', join(here, '..', '..', 'shared', 'corpus')));
const OUT = resolve(opt('--out', join(process.env.TMPDIR || tmpdir(), 'dignify-eval-unseen')));
export const SEED = 0x5e7_2026;
const PER_STEM = 4;
export const EARLIER_SETS = ['eval', 'eval-genres', 'eval-new', 'eval-fresh'];

/** 1-based lines of medquad_answers.jsonl whose answer this set may use (≡ 0 mod 5, not subset, not read by eval-genres). */
export function sliceLines(corpus = CORPUS) {
  const lines = readFileSync(join(corpus, 'medquad_answers.jsonl'), 'utf8').split('\n');
  const subset = readJsonl(join(corpus, 'medquad_substance_use_subset.jsonl'));
  const subsetAnswers = new Set(subset.map((r) => r.answer));
  const subsetKeys = new Set(subset.map((r) => `${r.file}\u0000${r.question}`));
  const { pools } = drawGenres({ poolsUntil: 'patient-education' });
  const taken = new Set(pools['patient-education'].map((s) => Number(/^mqe-L(\d+)-/.exec(s.id)[1])));
  const ok = new Map();
  let excluded = 0;
  for (let line = 5; line <= lines.length; line += 5) {
    if (!lines[line - 1]?.trim()) continue;
    const r = JSON.parse(lines[line - 1]);
    if (subsetAnswers.has(r.answer) || subsetKeys.has(`${r.file}\u0000${r.question}`)) continue;
    if (taken.has(line)) {
      excluded++;
      continue;
    }
    ok.set(line, r);
  }
  return { ok, excluded, taken: taken.size };
}

// Broad candidate regex: every substance, identity, credibility, compliance and demeanour word and stem of
// terms.csv / clinical-language.md, and their look-alikes (wound "clean", victimization "abuse", "claim"…).
const GROUPS = {
  substance: [
    'addict',
    'abus',
    'junk',
    'crack',
    'druggie',
    'dope',
    'pothead',
    'stoner',
    'tweak',
    'strung out',
    'alcoholi',
    'drunk',
    'drinker',
    'drinking problem',
    'user',
    'habit',
    'clean',
    'dirty',
    'sober',
    'relaps',
    'detox',
    'rehab',
    'depend',
    'ivd',
    'idu',
    'etoh',
    'seek',
    'narcotic',
    'methadone',
    'buprenorph',
    'suboxone',
    'heroin',
    'cocaine',
    'opioid',
    'opiate',
    'fentanyl',
    'marijuana',
    'cannabis',
    'meth',
    'benzo',
    'intoxicat',
    'withdraw',
    'overdose',
    'substance',
    'drug use',
    'illicit',
    'high',
    'hooked',
    'wasted',
    'stoned',
    'replacement therap',
    'maintenance',
  ],
  credibility: [
    'claim',
    'insist',
    'adamant',
    'adament',
    'alleged',
    'supposed',
    'apparent',
    'purport',
    'reported',
    'deni',
    'deny',
    'historian',
    'frequent fl',
    'malinger',
    'secondary gain',
    'exaggerat',
    'faker',
    'complain',
    'c/o',
  ],
  compliance: ['compli', 'adheren', 'adheran', 'refus', 'declin', 'fail', 'neglect', 'motivat', 'unwilling', 'reluctan', 'resist'],
  demeanour: [
    'combativ',
    'agitat',
    'aggress',
    'angry',
    'anger',
    'belligeren',
    'argumentativ',
    'confront',
    'hostil',
    'defensiv',
    'cooperat',
    'hysteri',
    'difficult',
    'manipulat',
    'demanding',
    'needy',
    'entitled',
    'attention seek',
    'attention-seek',
    'challeng',
    'pleasant',
    'dishevel',
    'unkempt',
    'groom',
    'malodor',
    'violent',
  ],
  identity: [
    'sickler',
    'sickle cell patient',
    'schizo',
    'bipolar',
    'mentally ill',
    'mental patient',
    'psych',
    'crazy',
    'insan',
    'nuts',
    'lunatic',
    'loony',
    'borderline',
    'suffer',
    'afflict',
    'stricken',
    'victim',
    'suicid',
    'diabetic',
    'control',
    'brittle',
    'epileptic',
    'asthmatic',
    'wheelchair',
    'handicap',
    'disabled',
    'cripple',
    'paraplegic',
    'quadriplegic',
    'amputee',
    'hearing impair',
    'deaf',
    'dumb',
    'demented',
    'senile',
    'retard',
    'obes',
    'morbid',
    'overweight',
    'fat',
    'hiv',
    'aids',
    'full-blown',
    'promiscu',
    'prostitut',
    'sex worker',
    'homeless',
    'vagrant',
    'transient',
    'inmate',
    'prison',
    'incarcerat',
    'jail',
    'convict',
    'felon',
    'elderly',
    'senior',
    'old man',
    'old lady',
    'lol',
    'smok',
    'tobacco',
    'vaping',
    'illegal',
    'immigrant',
    'invalid',
    'lame',
    'vegetable',
    'crock',
  ],
};
const STEM_GROUP = new Map(Object.entries(GROUPS).flatMap(([g, stems]) => stems.map((s) => [s, g])));
const TERM_RE = new RegExp(`(${[...STEM_GROUP.keys()].map((t) => t.replace(/[/]/g, '\\/')).join('|')})`, 'gi');

// Stems of TERMS that match inside common words ("individual", "method", "reported"…): a candidate whose
// only stems are these was read only when the word-bounded form below matches.
const NARROW = {
  idu: /\bIDUs?\b/i,
  reported: /\breportedly\b/i,
  high: /\b(get|got|getting) high\b|\bhigh on\b/i,
  meth: /\bmeth\b|methamphetamine|methadone/i,
  fat: /\bfat (people|person|kids?|child)/i,
  lame: /\blame\b/i,
  deaf: /deaf[- ]mute|the deaf\b/i,
  depend: /depend(ence|ent)\b/i,
  difficult: /difficult (patient|person|famil)/i,
  fail: /\bfail(ed|s|ing)? (to|treatment|therapy)/i,
  control: /\b(un|poorly |well[- ]|good |poor |bad |tight )control/i,
  vegetable: /\bvegetable state|a vegetable\b/i,
};
// Word-bounded strong terms, matched against every sentence of the slice (not only the candidates).
const STRONG =
  /\b(abus\w*|addict\w*|alcoholics?|alcoholism|drunk\w*|drug use\w*|illicit|substance use|mental(ly)? retard\w*|retarded|diabetics?|obese|smokers?|suffer\w*|victims?|wheelchair|confined|elderly|den(y|ies|ied)|complain\w*|refus\w*|non-?complian\w*|complian(t|ce)|adheren\w*|HIV[- ](infected|positive)|AIDS|handicap\w*|the disabled|crippl\w*|demented|senile|insan\w*|crazy|lunatic|psychotics?|schizophrenics?|epileptics?|asthmatics?|homeless|prison\w*|inmates?|prostitut\w*|promiscu\w*|dependence|dependency|withdrawal|overdos\w*|opioids?|heroin|cocaine|marijuana|methadone|narcotic\w*|intoxicat\w*|clean|dirty|habit\w*|agitat\w*|combative|hostil\w*|uncooperative|difficult patient|manipulat\w*|malinger\w*|claim\w*|insist\w*|alleged\w*|supposedly|apparently|reportedly|pleasant|unpleasant|failed|relaps\w*|detox\w*|rehab\w*|control(led)? (diabetes|blood sugar)|(un|poorly |well[- ])controlled|brittle|fat)\b/i;

/** Normalised texts of the earlier evaluation sets (fixtures/<set>/labelled.jsonl). */
export const earlierTexts = () => earlierSets(EARLIER_SETS).texts;

function shuffle(arr, rnd) {
  for (let i = arr.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [arr[i], arr[j]] = [arr[j], arr[i]];
  }
  return arr;
}

function main() {
  const { ok, excluded, taken } = sliceLines();
  const seen = earlierTexts();
  const earlier = [...seen].filter((t) => t.length >= 16);
  const overlaps = (k) => earlier.some((o) => k.includes(o) || o.includes(k));
  const all = [];
  let dropped = 0;
  for (const [line, r] of ok) {
    sentences(r.answer).forEach((s, i) => {
      const k = norm(s);
      if (seen.has(k) || overlaps(k)) {
        dropped++;
        return;
      }
      seen.add(k);
      all.push({ id: `mq0-L${line}-s${i + 1}`, source: `medquad_answers.jsonl line ${line} (${r.file}; focus: ${r.focus})`, text: s });
    });
  }
  const rnd = mulberry32(SEED);
  const first = [];
  const byStem = new Map();
  const rest = [];
  for (const r of all) {
    const stems = [...new Set([...r.text.matchAll(TERM_RE)].map((m) => m[1].toLowerCase()))];
    if (!stems.length) {
      if (r.text.length >= 25) rest.push(r);
      continue;
    }
    const groups = [...new Set(stems.map((s) => STEM_GROUP.get(s)))];
    const rec = { ...r, stems, groups };
    if (groups.some((g) => g !== 'identity')) first.push(rec);
    else for (const s of stems) byStem.set(s, [...(byStem.get(s) ?? []), rec]);
  }
  shuffle(first, rnd);
  const second = [];
  const picked = new Set();
  for (const stem of [...byStem.keys()].sort()) {
    for (const rec of shuffle(byStem.get(stem), rnd).slice(0, PER_STEM)) {
      if (picked.has(rec.id)) continue;
      picked.add(rec.id);
      second.push(rec);
    }
  }
  const random = [];
  for (let k = 0; k < 40 && rest.length; k++) random.push(rest.splice(Math.floor(rnd() * rest.length), 1)[0]);
  mkdirSync(OUT, { recursive: true });
  const cands = [...first, ...second];
  writeFileSync(join(OUT, 'candidates.jsonl'), `${cands.map((r) => JSON.stringify(r)).join('\n')}\n`);
  writeFileSync(join(OUT, 'random.jsonl'), `${random.map((r) => JSON.stringify(r)).join('\n')}\n`);
  // The two lists that were read one by one (README "How it was built"): the candidates whose noisy stems
  // also match word-bounded (NARROW), and every sentence of the slice matching STRONG.
  const narrow = cands.filter((r) => r.stems.some((st) => !(st in NARROW) || NARROW[st].test(r.text)));
  const strong = all.filter((r) => STRONG.test(r.text));
  const line = (r) => `${r.id} | ${r.text}`;
  writeFileSync(join(OUT, 'reading-narrow.txt'), `${narrow.map(line).join('\n')}\n`);
  writeFileSync(join(OUT, 'reading-strong.txt'), `${strong.map(line).join('\n')}\n`);
  const stats = {
    seed: SEED,
    answersInSlice: ok.size,
    answersLeftOutReadByEvalGenres: excluded,
    evalGenresPoolLines: taken,
    sentences: all.length,
    droppedSharedWithEarlierSets: dropped,
    matchingTerms: first.length + [...byStem.values()].reduce((n, l) => n + l.length, 0),
    readingListFirst: first.length,
    readingListPerStem: second.length,
    random: random.length,
    readNarrow: narrow.length,
    readStrong: strong.length,
  };
  writeFileSync(join(OUT, 'stats.json'), `${JSON.stringify(stats, null, 2)}\n`);
  console.error(`${JSON.stringify(stats)} → ${OUT}`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
