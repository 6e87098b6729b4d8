#!/usr/bin/env node
// Reproducible extraction of the HELD-OUT genre evaluation candidates (fixtures/eval-genres/).
//
//   node scripts/eval-genre-candidates.mjs [--corpus ../shared/corpus] [--out $TMPDIR/dignify-eval-genres/candidates.jsonl]
//   node scripts/eval-genre-candidates.mjs --verify [fixtures/eval-genres/labelled.jsonl]
//
// Held-out slices (the detection developers are told not to tune on them):
//   dialogue           aci_bench_notes.jsonl field `dialogue`, records at ODD 1-based line numbers only
//   patient-education  medquad_answers.jsonl outside the substance-use subset, 1-based line ≡ 0 (mod 5),
//                      focus on diabetes / obesity / HIV / mental health, plus a general sample
//   notes-primock      primock57_notes.jsonl clinician notes (sentences not already in fixtures/eval)
// Writes unlabelled records {id, source, genre, kind: "candidate"|"random", text, terms, spans: []};
// labels were then added by reading (fixtures/eval-genres/README.md). Node 20 ESM, no dependencies.
// Sampling is deterministic (mulberry32, SEED below).

import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { mulberry32 } from './seeded.mjs';

const SEED = 20261130;
const MAX_LEN = 400;
const PER_TERM_CAP = { dialogue: 14, 'patient-education': 12, 'notes-primock': 20 };
const RANDOM = { dialogue: 70, 'patient-education': 50, 'notes-primock': 20 };

const here = dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const argVal = (name, dflt) => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] && !args[i + 1].startsWith('--') ? args[i + 1] : dflt;
};
const CORPUS = resolve(argVal('--corpus', join(here, '..', '..', 'shared', 'corpus')));
const OUT = resolve(argVal('--out', join(tmpdir(), 'dignify-eval-genres', 'candidates.jsonl')));

function sample(arr, n, rng) {
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

// ---------------------------------------------------------------- candidate terms
// Broad on purpose: every term of terms.csv / clinical-language.md and its look-alikes, so that
// sentences WITHOUT any of these (the random sample) are clean sentences.
const DRUG = `(?:drugs?|IV|IVD|intravenous|injection|heroin|cocaine|crack|meth|methamphetamine|opioids?|opiates?|marijuana|cannabis|pot|weed|polysubstance|substance|alcohol|etoh|narcotics?|benzos?|speed|tobacco|nicotine)`;
const TERMS = [
  { term: 'addict', re: /\baddict\w*/i, substance: true },
  { term: 'abuse', re: /\babus(?:e|es|ed|er|ers|ing|ive)\b/i, substance: true },
  {
    term: 'junkie/slang',
    re: /\b(?:junkies?|crack-?heads?|druggies?|dope ?fiends?|potheads?|stoners?|tweak(?:er|ers|ing)|dope ?heads?|dope ?sick|strung out|crack bab(?:y|ies))\b/i,
    substance: true,
  },
  { term: 'alcoholic', re: /\b(?:alcoholics?|alcoholism)\b/i, substance: true },
  { term: 'drunk', re: /\bdrunk(?:en|s)?\b/i, substance: true },
  { term: 'drug user', re: new RegExp(String.raw`\b${DRUG}(?:[\s-]+\w+){0,2}?[\s-]+users?\b|\busers?\b`, 'i'), substance: true },
  { term: 'clean/dirty', re: /\b(?:clean|dirty)\b/i },
  { term: 'habit', re: /\bhabit(?:s|ual|ually)?\b/i },
  {
    term: 'drug-seeking',
    re: /\b(?:drug|narcotic|opioid|medication|pain[- ]medication)[- ]seek(?:ing|er|ers)\b|\bseeking (?:drugs|narcotics|opioids)\b/i,
    substance: true,
  },
  { term: 'IVDU/IVDA', re: /\bIVD[UA]\w*/i, substance: true },
  { term: 'polysubstance', re: /\bpoly-?substance\b/i, substance: true },
  { term: 'abbrev SA/DA/PSA/FF/MAT', re: /\b(?:SA|DA|PSA|FF|MAT)\b/ },
  { term: 'drinker/smoker', re: /\b(?:heavy |problem |binge )?(?:drinkers?|smokers?)\b|\bdrinking problem\b|\b(?:drug|alcohol) problems?\b/i },
  { term: 'relapse', re: /\brelaps(?:e|es|ed|ing)\b/i },
  { term: 'detox/rehab', re: /\b(?:detox\w*|rehabs?)\b/i },
  { term: 'dependence', re: /\b(?:dependen(?:ce|t|cy)|hooked)\b/i },
  { term: 'high/sober', re: /\b(?:get(?:ting)? high|got high|sober|wasted|stoned|hammered)\b/i },
  { term: 'methadone/replacement', re: /\b(?:methadone|suboxone|buprenorphine|replacement therapy|substitution therapy|medication[- ]assisted)\b/i },
  { term: 'noncompliant', re: /\bnon[- ]?complian(?:t|ce)\b/i },
  { term: 'compliance', re: /(?<!non[- ]?)\bcomplian(?:t|ce)\b/i },
  { term: 'adherence', re: /\b(?:non|un)?[- ]?adheren(?:t|ce)\b|\badherance\b/i },
  { term: 'refuse', re: /\brefus(?:e|ed|es|ing|al|als)\b/i },
  { term: 'decline', re: /\bdeclin(?:e|ed|es|ing)\b/i },
  { term: 'failed', re: /\bfail(?:ed|s|ing|ure)?\b/i },
  { term: 'claim', re: /\bclaim(?:s|ed|ing)?\b/i },
  { term: 'insist', re: /\binsist(?:s|ed|ing|ent|ence)?\b/i },
  { term: 'adamant', re: /\badam[ae]nt(?:ly)?\b/i },
  { term: 'allegedly/supposedly', re: /\b(?:allegedly|alleged|supposedly|apparently|purportedly|reportedly)\b/i },
  { term: 'denies', re: /\bden(?:y|ies|ied|ying)\b/i },
  { term: 'exaggerate/malinger', re: /\b(?:exaggerat\w*|malinger\w*|secondary gain|faker?)\b/i },
  { term: 'frequent flyer', re: /\bfrequent[- ]fl(?:y|i)ers?\b/i },
  { term: 'historian', re: /\bhistorians?\b/i },
  { term: 'combative', re: /\bcombative(?:ness|ly)?\b/i },
  { term: 'hostile/belligerent', re: /\b(?:hostil(?:e|ity)|belligeren(?:t|ce)|argumentative|confrontational|defensive(?:ly)?)\b/i },
  { term: 'manipulative/demanding', re: /\b(?:manipulat\w*|demanding|needy|attention[- ]seeking|entitled)\b/i },
  { term: 'uncooperative', re: /\b(?:un|non-?)cooperative\b|\bcooperative\b/i },
  { term: 'hysterical', re: /\bhysteric(?:al|s)?\b/i },
  { term: 'aggressive', re: /\baggressi(?:ve|vely|on)\b/i },
  { term: 'agitated', re: /\bagitat(?:ed|ion|ing|e)\b/i },
  { term: 'angry', re: /\b(?:angry|angrily|anger|angered)\b/i },
  { term: 'difficult/challenging', re: /\b(?:difficult|challenging)\b/i },
  { term: 'unmotivated/unwilling', re: /\b(?:unmotivated|(?:poorly|not) motivated|unwilling|reluctant(?:ly)?|resist(?:s|ed|ant|ance)?)\b/i },
  { term: 'pleasant/unpleasant', re: /\b(?:un)?pleasant\b|\bdisheveled\b|\bunkempt\b|\bmalodorous\b/i },
  { term: 'diabetic', re: /\bdiabetics?\b/i },
  { term: 'diabetes control', re: /\b(?:uncontrolled|poorly controlled|well[- ]controlled|brittle)\b|\b(?:bad|poor|good|tight) control\b/i },
  { term: 'sickler/sickle', re: /\bsicklers?\b|\bsickle cell (?:patient|pt)s?\b/i },
  { term: 'schizophrenic/psychotic', re: /\b(?:schizophrenics?|schizo|psychotics?)\b/i },
  { term: 'bipolar/borderline', re: /\b(?:bipolar|borderline)\b/i },
  { term: 'mentally ill', re: /\bmental(?:ly)?[- ]ill(?:ness)?\b|\b(?:mental|psych) patients?\b/i },
  { term: 'crazy/psycho', re: /\b(?:crazy|psycho|psychos|insane|insanity|nuts|lunatics?|loony|mad)\b/i },
  { term: 'suffers/victim', re: /\b(?:suffer(?:s|ed|ing|er|ers)?|afflicted|stricken|victims?)\b/i },
  { term: 'suicide', re: /\bsuicid\w*/i },
  { term: 'epileptic/asthmatic', re: /\b(?:epileptics?|asthmatics?)\b/i },
  { term: 'obese', re: /\bobes(?:e|ity)\b|\bmorbidly\b|\bfat\b|\boverweight\b/i },
  {
    term: 'HIV/AIDS label',
    re: /\bHIV[- ](?:infected|positive|patients?|pts?|carriers?|virus)\b|\bAIDS[- ](?:victims?|patients?|sufferers?|virus|carriers?|infected)\b|\bfull[- ]blown\b|\bdied of AIDS\b|\bpositives\b/i,
  },
  { term: 'promiscuous/prostitute', re: /\b(?:promiscu\w*|prostitut\w*|hookers?|sex workers?)\b/i },
  {
    term: 'disability',
    re: /\b(?:wheelchair[- ]bound|confined to (?:a )?wheelchair|handicapped|(?:the )?disabled|cripple[ds]?|differently abled|deaf[- ]mute|paraplegics?|quadriplegics?|amputees?|hearing impaired|demented|senile|retard\w*|invalid)\b/i,
  },
  {
    term: 'social',
    re: /\b(?:homeless|vagrants?|transient|bums?|illegal|immigrants?|aliens?|inmates?|prisoners?|convicts?|offenders?|criminals?|felons?|parolees?|detainees?|elderly|seniors?|old (?:man|lady|woman))\b/i,
  },
  { term: 'complains', re: /\bcomplain(?:s|ed|ing|t|ts)?\b|\bc\/o\b/i },
];
const SUBSTANCE_TERMS = new Set(TERMS.filter((t) => t.substance).map((t) => t.term));
const termsIn = (s) => TERMS.filter((t) => t.re.test(s)).map((t) => t.term);

// ---------------------------------------------------------------- splitting
function chop(s) {
  // over-long pieces: cut at ", " / "; " then at whitespace (text stays verbatim)
  if (s.length <= MAX_LEN) return [s];
  const res = [];
  let cur = '';
  for (const p of s.split(/(?<=[;,])\s+/)) {
    if (cur && `${cur} ${p}`.length > MAX_LEN) {
      res.push(cur);
      cur = p;
    } else cur = cur ? `${cur} ${p}` : p;
  }
  while (cur.length > MAX_LEN) {
    const cut = cur.lastIndexOf(' ', MAX_LEN);
    res.push(cur.slice(0, cut > 0 ? cut : MAX_LEN));
    cur = cur.slice(cut > 0 ? cut + 1 : MAX_LEN);
  }
  if (cur) res.push(cur);
  return res.map((x) => x.trim().replace(/^[,;\s]+/, '')).filter((x) => x.length >= 3);
}

/** Dialogue: one turn per line "[speaker] words"; sentences end at " . ", " ? ", " ! " (ACI spacing). */
function splitDialogue(dialogue) {
  const out = []; // {turn, speaker, text}
  dialogue.split('\n').forEach((line, t) => {
    const m = /^\s*\[([a-z_]+)\]\s*(.*)$/i.exec(line);
    if (!m) return;
    const [, speaker, body] = m;
    const sents = body.split(/(?<=\s[.?!])\s+/).flatMap(chop);
    for (const s of sents) if (/[a-z]{2}/i.test(s)) out.push({ turn: t + 1, speaker, text: `[${speaker}] ${s.trim()}` });
  });
  return out;
}

const ABBREV = /(?:\b(?:Dr|Mr|Mrs|Ms|St|vs|No|approx|Fig|e\.g|i\.e|etc|Jr|Sr|U\.S|U\.S\.A|Inc)\.)$/i;
function splitProse(text) {
  const out = [];
  for (const block of text.split(/\r?\n+|\s{2,}-\s+|\s{4,}/)) {
    let start = 0;
    const re = /[.!?]["')\]]?\s+(?=["'([]?[A-Z0-9])/g;
    let m;
    while ((m = re.exec(block))) {
      const endPunct = m.index + m[0].trimEnd().length;
      if (ABBREV.test(block.slice(start, endPunct))) continue;
      out.push(block.slice(start, endPunct));
      start = m.index + m[0].length;
    }
    out.push(block.slice(start));
  }
  return out
    .map((s) => s.trim().replace(/^[-•*,;\s]+/, ''))
    .filter((s) => s.length >= 3)
    .flatMap(chop);
}

function readJsonl(file) {
  return readFileSync(join(CORPUS, file), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l));
}

// Sentences already in fixtures/eval (the tuned set) are left out, so the held-out set shares no text with it.
function tunedTexts() {
  const set = new Set();
  try {
    for (const l of readFileSync(join(here, '..', 'fixtures', 'eval', 'labelled.jsonl'), 'utf8').split('\n'))
      if (l.trim()) set.add(JSON.parse(l).text.toLowerCase().replace(/\s+/g, ' '));
  } catch {
    /* no tuned set: nothing to exclude */
  }
  return set;
}

const FOCUS =
  /diabet|obes|overweight|weight|HIV|AIDS\b|mental|depress|anxiety|schizo|bipolar|psychos|psychot|suicid|eating disorder|personality|panic|post-?traumatic|PTSD|insulin|glucose|hypoglyc/i;

/** The sentences of the three genres in draw order; `withTerms(s)` false leaves a sentence's terms empty (not searched). */
function loadSentences(withTerms = () => true) {
  const tuned = tunedTexts();
  const seen = new Set();
  const sents = [];
  const push = (s) => {
    const key = s.text.toLowerCase().replace(/\s+/g, ' ');
    if (seen.has(key) || tuned.has(key)) return;
    seen.add(key);
    sents.push({ ...s, terms: withTerms(s) ? termsIn(s.text) : [] });
  };
  readJsonl('aci_bench_notes.jsonl').forEach((r, i) => {
    if ((i + 1) % 2 !== 1) return; // odd 1-based lines only (even lines are the tuning slice)
    splitDialogue(r.dialogue).forEach((u, k) =>
      push({
        genre: 'dialogue',
        id: `acid-L${i + 1}-${r.encounter_id}-t${u.turn}s${k + 1}`,
        source: `aci_bench_notes.jsonl line ${i + 1} encounter_id ${r.encounter_id} (${r.split}) dialogue turn ${u.turn}`,
        text: u.text,
      }),
    );
  });
  const subset = new Set(readJsonl('medquad_substance_use_subset.jsonl').map((r) => `${r.file}\u0000${r.question}`));
  readJsonl('medquad_answers.jsonl').forEach((r, i) => {
    if ((i + 1) % 5 !== 0 || subset.has(`${r.file}\u0000${r.question}`)) return;
    const focus = FOCUS.test(`${r.focus} ${r.question}`);
    const slug = r.file
      .replace(/\.xml$/, '')
      .replace(/^.*\//, '')
      .replace(/[^A-Za-z0-9]+/g, '_');
    splitProse(r.answer).forEach((s, k) =>
      push({
        genre: 'patient-education',
        focus,
        id: `mqe-L${i + 1}-${slug}-s${k + 1}`,
        source: `medquad_answers.jsonl line ${i + 1} (file ${r.file}, focus ${r.focus})`,
        text: s,
      }),
    );
  });
  readJsonl('primock57_notes.jsonl').forEach((r) => {
    splitProse(r.note).forEach((s, k) =>
      push({
        genre: 'notes-primock',
        id: `pmk-d${r.day}c${r.consultation}-s${k + 1}`,
        source: `primock57_notes.jsonl day ${r.day} consultation ${r.consultation} note`,
        text: s,
      }),
    );
  });
  return sents;
}

/**
 * The whole draw, without writing: `out` (the records main() writes), `stats`, and `pools` (genre → the
 * sentences the draw chose from, after the patient-education focus filter and 12% sample). Exported so
 * that later sets (scripts/eval-unseen-candidates.mjs) can leave out exactly what this one read.
 * `poolsUntil` (a genre): only `pools`, up to that genre's (the same sentences and ids; the terms of
 * that genre's sentences and later ones are left empty).
 */
export function drawGenres({ poolsUntil } = {}) {
  const rng = mulberry32(SEED);
  // With poolsUntil, the draw stops once that genre's pool is chosen: only the genres before it need
  // their terms (their sampling moves the generator the pool draws from), so the others are not searched.
  const before = ['dialogue', 'patient-education', 'notes-primock'].slice(0, ['dialogue', 'patient-education', 'notes-primock'].indexOf(poolsUntil));
  const sents = loadSentences(poolsUntil ? (s) => before.includes(s.genre) : undefined);
  const out = [];
  const stats = { seed: SEED, genres: {} };
  const pools = {};
  for (const genre of ['dialogue', 'patient-education', 'notes-primock']) {
    let pool = sents.filter((s) => s.genre === genre);
    // patient education: the focus topics, plus a general sample a quarter its size
    if (genre === 'patient-education') pool = pool.filter((s) => s.focus || rng() < 0.12);
    pools[genre] = pool;
    if (genre === poolsUntil) return { pools };
    const withTerms = pool.filter((s) => s.terms.length);
    const chosen = new Set(withTerms.filter((s) => s.terms.some((t) => SUBSTANCE_TERMS.has(t) && t !== 'drug user')));
    // 'drug user' matches every bare "user": keep only those with a drug noun nearby
    for (const s of withTerms) if (s.terms.includes('drug user') && new RegExp(String.raw`\b${DRUG}\b`, 'i').test(s.text)) chosen.add(s);
    const log = {};
    for (const { term } of TERMS) {
      const list = withTerms.filter((s) => s.terms.includes(term));
      if (!list.length) continue;
      const rest = list.filter((s) => !chosen.has(s));
      const take = Math.max(0, PER_TERM_CAP[genre] - (list.length - rest.length));
      const picked = rest.length > take ? sample(rest, take, rng) : rest;
      picked.forEach((s) => chosen.add(s));
      log[term] = { sentences: list.length, kept: list.length - rest.length + picked.length };
    }
    const candidates = withTerms.filter((s) => chosen.has(s));
    const noTerm = pool.filter((s) => !s.terms.length && s.text.length >= 25 && /[a-z]{3}/.test(s.text));
    const randoms = sample(noTerm, RANDOM[genre], rng);
    for (const s of candidates) out.push({ id: s.id, source: s.source, genre, kind: 'candidate', text: s.text, terms: s.terms, spans: [] });
    for (const s of randoms) out.push({ id: s.id, source: s.source, genre, kind: 'random', text: s.text, terms: [], spans: [] });
    stats.genres[genre] = { sentences: pool.length, withTerms: withTerms.length, candidates: candidates.length, random: randoms.length, perTerm: log };
  }
  return { out, stats, pools };
}

function main() {
  const { out, stats } = drawGenres();
  mkdirSync(dirname(OUT), { recursive: true });
  writeFileSync(OUT, `${out.map((r) => JSON.stringify(r)).join('\n')}\n`);
  writeFileSync(OUT.replace(/\.jsonl$/, '.stats.json'), `${JSON.stringify(stats, null, 2)}\n`);
  console.error(JSON.stringify(stats, null, 2));
}

// --verify: offsets, categories, levels, tiers, unique ids, random records unlabelled.
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
    if (!r.genre) err('no genre');
    if (r.kind === 'random' && r.spans.length) err('random record with spans');
    for (const s of r.spans) {
      if (r.text.slice(s.start, s.end) !== s.text) err(`offset mismatch ${JSON.stringify(s)}`);
      if (!CATS.has(s.category)) err(`bad category ${s.category}`);
      if (s.level !== undefined && s.level !== 'info') err(`bad level ${s.level}`);
      if (!['core', 'B', 'C'].includes(s.tier)) err(`bad tier ${s.tier}`);
    }
  }
  console.error(`${n} records checked, ${bad} problems`);
  process.exit(bad ? 1 : 0);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  if (args.includes('--verify')) verify(resolve(argVal('--verify', join(here, '..', 'fixtures', 'eval-genres', 'labelled.jsonl'))));
  else main();
}
