// Tier-B coverage from the guides (issue 11): every term the guides class as tier-B-like
// (fixtures/eval-new/README.md: credibility, negative compliance, demeanour, identity person labels,
// relapse/detox/rehab with substance context, addicted (to X), [substance] dependence, tobacco user; and
// the psychiatric and disability labels of /work/shared/reference/terms.csv), one probe sentence per
// term and form (our own wording, no corpus text), linted with the built linter under `recommended`
// and `all`. For each: the rule that flags it, whether that rule is in `recommended` or only `all`, and
// its measured precision: the audit's judgements (fixtures/audit/judgements.jsonl, real text) and the
// per-set precision of fixtures/eval-genres/precision.json (fixtures/eval, eval-genres, eval-new).
//
//   node scripts/tier-b-coverage.mjs            writes fixtures/audit/tier-b-coverage.md
//   node scripts/tier-b-coverage.mjs --check    prints the table and exits 1 when a probe marked
//                                               `want: 'recommended'` is not flagged under recommended
//
// Needs `npm run build` first (reads dist/). Exit 2 on a usage or I/O error.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const fail = (m) => {
  console.error(`dignify tier-b-coverage: ${m}`);
  process.exit(2);
};
const args = process.argv.slice(2);
for (const a of args) if (a !== '--check') fail(`unknown option ${a} (options: --check)`);
const check = args.includes('--check');
if (!existsSync(path.join(root, 'dist', 'index.js'))) fail('dist/index.js not found: run npm run build first');
const { lintText, builtinRules } = await import('../dist/index.js');

// want: 'recommended' = the guides class it B and a precise rule exists, so the default preset must
// flag it; 'all' = kept out of recommended on purpose (reason in `why`); 'pass' = a look-alike that
// must not be flagged under either preset; 'gap' = a known gap, reported, not checked (reason in `why`).
const PROBES = [
  // credibility
  ['credibility', 'claims', 'He claims he took every dose.', 'recommended'],
  ['credibility', 'insists', 'She insists the pain is a 10/10.', 'recommended'],
  ['credibility', 'adamant', 'Patient is adamant that she never drinks.', 'recommended'],
  ['credibility', 'allegedly / supposedly', 'He supposedly stopped smoking last year.', 'recommended'],
  ['credibility', 'poor historian', 'Poor historian, details unclear.', 'recommended'],
  ['credibility', 'frequent flyer', 'Known frequent flyer to this ED.', 'recommended'],
  ['credibility', 'exaggerates', 'She exaggerates her symptoms.', 'all', 'often neutral ("exaggerated startle", "exaggerated response")'],
  ['credibility', 'malingering', 'Likely malingering to obtain time off work.', 'recommended'],
  ['credibility', 'malingerer', 'He is a known malingerer.', 'recommended'],
  ['credibility', 'malingering ruled out (still the term)', 'Malingering was ruled out by the psychologist.', 'recommended'],
  ['credibility', 'secondary gain', 'Concern for secondary gain.', 'all', 'terms.csv: weaker evidence; a term of art in assessments'],
  // negative compliance
  ['compliance', 'noncompliant', 'Noncompliant with insulin.', 'recommended'],
  ['compliance', 'nonadherent', 'Nonadherent to his medications.', 'recommended'],
  ['compliance', 'poor compliance', 'Poor compliance with the diet.', 'recommended'],
  ['compliance', 'compliance has been poor', 'His compliance has been poor since the move.', 'recommended'],
  ['compliance', 'compliance … has been poor (words between)', 'Compliance with his inhaler has been poor.', 'recommended'],
  ['compliance', 'refuse (base form, habitual)', 'He continues to refuse the CPAP.', 'recommended'],
  ['compliance', 'refused', 'He refused the flu shot.', 'recommended'],
  ['compliance', 'failed (treatment)', 'She failed outpatient treatment twice.', 'all', 'audit 0.88 (< 0.90)'],
  ['compliance', 'unmotivated', 'Patient is unmotivated to change.', 'all', 'the guides list it as often neutral'],
  ['compliance', 'unwilling', 'He is unwilling to stop drinking.', 'all', 'audit 0.67'],
  // demeanour
  ['demeanour', 'combative', 'Patient was combative overnight.', 'recommended'],
  ['demeanour', 'agitated', 'He became agitated and yelled at staff.', 'recommended'],
  ['demeanour', 'aggressive', 'The patient was aggressive with the nurse.', 'recommended'],
  ['demeanour', 'aggressive toward', 'He was verbally aggressive toward staff.', 'recommended'],
  ['demeanour', 'aggressive (before a person noun)', 'Aggressive patient in bay 4, security aware.', 'recommended'],
  ['demeanour', "aggressive behaviour (a note's account)", 'Nursing noted aggressive behaviour toward the sitter.', 'recommended'],
  ['demeanour', 'belligerent', 'Belligerent on arrival.', 'recommended'],
  ['demeanour', 'hostile', 'She was hostile during the interview.', 'recommended'],
  ['demeanour', 'uncooperative', 'Uncooperative with the exam.', 'recommended'],
  ['demeanour', 'hysterical', 'Patient was hysterical in the waiting room.', 'recommended'],
  ['look-alike', 'hysterical (a relative)', 'Her mother was hysterical in the waiting room.', 'pass'],
  ['demeanour', 'difficult patient', 'Difficult patient, demanding more medication.', 'recommended'],
  ['demeanour', 'manipulative', 'She is manipulative with staff.', 'recommended'],
  ['demeanour', 'drug-seeking', 'Drug-seeking behavior noted.', 'recommended'],
  ['demeanour', 'angry', 'He was angry about the wait.', 'all', 'audit 0.50'],
  ['demeanour', 'demanding', 'Patient is demanding.', 'all', 'audit 0.50 (n = 2)'],
  // identity person labels
  ['identity', 'a diabetic', 'He is a diabetic on metformin.', 'recommended'],
  ['identity', 'diabetics', 'Diabetics need yearly eye exams.', 'recommended'],
  ['identity', 'type 2 diabetic', 'Type 2 diabetic, well controlled.', 'recommended'],
  ['identity', 'diabetic after a number', '58 yo diabetic with foot ulcer.', 'recommended'],
  ['identity', 'diabetic after "or"', 'Is she hypertensive or diabetic?', 'recommended'],
  ['identity', 'a schizophrenic', 'He is a schizophrenic living in a group home.', 'recommended'],
  ['identity', 'schizophrenics', 'Schizophrenics often stop their medication.', 'recommended'],
  ['identity', 'a bipolar', 'She is a bipolar who stopped lithium.', 'recommended'],
  [
    'identity',
    'a borderline',
    'She is a borderline and splits the team.',
    'all',
    'issue 11 lists "a borderline" among the often-neutral descriptors; audit 0/1',
  ],
  ['identity', 'borderlines', 'Borderlines are hard to treat.', 'all', 'issue 11 lists "a borderline" among the often-neutral descriptors; audit 0/1'],
  ['identity', 'an epileptic', 'He is an epileptic on valproate.', 'recommended'],
  ['identity', 'epileptics', 'Epileptics should not drive until seizure-free.', 'recommended'],
  ['identity', 'retarded', 'Her son is retarded.', 'recommended'],
  ['identity', 'mental retardation', 'History of mental retardation.', 'recommended'],
  ['identity', 'mentally retarded', 'Mentally retarded adult in a group home.', 'recommended'],
  ['identity', 'AIDS victim', 'He is an AIDS victim.', 'recommended'],
  ['identity', 'infected with AIDS', 'She was infected with AIDS in 1995.', 'recommended'],
  ['identity', 'AIDS patient', 'AIDS patient admitted with PCP.', 'all', 'issue 11 lists "HIV patient" for all (tier C)'],
  ['identity', 'sickler', 'Sickler in pain crisis.', 'recommended'],
  ['identity', 'obese female', 'Obese female with knee pain.', 'recommended'],
  ['identity', 'wheelchair-bound', 'Wheelchair-bound since the accident.', 'recommended'],
  ['identity', 'committed suicide', 'His brother committed suicide.', 'recommended'],
  [
    'identity',
    'a psychotic',
    'He is a psychotic off his meds.',
    'all',
    'identity/disability-noun: severity info, all only; no finding on the slices (n = 0), "amputee" bare is often neutral',
  ],
  ['identity', 'bipolar patient', 'Bipolar patient requesting a refill.', 'recommended'],
  [
    'identity',
    'an asthmatic',
    'She is an asthmatic on two inhalers.',
    'all',
    'identity/disability-noun: severity info, all only; no finding on the slices (n = 0), "amputee" bare is often neutral',
  ],
  [
    'identity',
    'a paraplegic',
    'He is a paraplegic after the crash.',
    'all',
    'identity/disability-noun: severity info, all only; no finding on the slices (n = 0), "amputee" bare is often neutral',
  ],
  ['identity', 'handicapped', 'Handicapped since birth.', 'recommended'],
  ['identity', 'crippled', 'Crippled by arthritis.', 'recommended'],
  ['identity', 'demented / senile', 'Demented old man, confused at night.', 'all', 'terms.csv lists it; "demented" is also a clinical adjective'],
  ['identity', 'suicide gesture', 'Took 5 pills as a suicide gesture.', 'all', 'issue 11 lists it for all'],
  ['demeanour', 'argumentative', 'Argumentative with the nurses.', 'recommended'],
  ['demeanour', 'confrontational', 'Confrontational when told to wait.', 'recommended'],
  ['demeanour', 'attention-seeking', 'Attention-seeking behavior on the unit.', 'recommended'],
  ['demeanour', 'entitled', 'Entitled and rude to staff.', 'recommended'],
  ['demeanour', 'needy', 'Very needy overnight, on the call light hourly.', 'recommended'],
  ['demeanour', 'defensive', 'She became defensive when asked about drinking.', 'all', 'issue 11 lists it as often neutral'],
  ['demeanour', 'challenging', 'A challenging patient to care for.', 'all', 'issue 11 lists it as often neutral'],
  ['compliance', 'declined', 'She declined the colonoscopy.', 'gap', 'no rule: the guides call it the neutral alternative to "refused"'],
  ['identity', 'mentally ill', 'He is mentally ill.', 'all', 'terms.csv lists it; precision on real text not yet measured'],
  ['identity', 'psycho / crazy (person)', 'The guy in bed 3 is a psycho.', 'recommended'],
  // substance context (tier B of eval-new)
  ['substance', 'relapsed (on a substance)', 'He relapsed on heroin last month.', 'recommended'],
  ['substance', 'detox (substance)', 'Was in alcohol detox in March.', 'recommended'],
  ['substance', 'rehab (substance)', 'Went to drug rehab twice.', 'recommended'],
  ['substance', 'addicted to X', 'She is addicted to opioids.', 'recommended'],
  ['substance', 'opioid dependence', 'History of opioid dependence.', 'recommended'],
  ['substance', 'alcohol dependence', 'Alcohol dependence, in remission.', 'recommended'],
  ['substance', 'tobacco user', 'Current tobacco user, 1 ppd.', 'recommended'],
  ['substance', 'high on (a drug)', 'He was high on meth when he arrived.', 'recommended'],
  ['substance', 'getting high', 'He has been getting high every weekend.', 'recommended'],
  ['look-alike', 'getting high (a reading)', 'He is getting high blood pressure readings at home.', 'pass'],
  ['look-alike', 'refuse (a right)', 'She has the right to refuse the transfusion.', 'pass'],
  // look-alikes that must pass under both presets
  ['look-alike', 'borderline personality disorder', 'Borderline personality disorder, in DBT.', 'pass'],
  ['look-alike', 'borderline BP', 'BP was borderline at 138/88.', 'pass'],
  ['look-alike', 'a borderline result', 'A borderline elevated TSH of 4.8.', 'pass'],
  ['look-alike', 'aggressive tumour', 'An aggressive tumour needing aggressive treatment.', 'pass'],
  ['look-alike', 'aggressive behaviour (a sign in a list)', 'Signs include aggressive behaviour, tantrums and poor sleep.', 'pass'],
  ['look-alike', 'high on the list', 'Sepsis is high on the list of causes.', 'pass'],
  ['look-alike', 'psychomotor retardation', 'Depressed with psychomotor retardation.', 'pass'],
  ['look-alike', 'epileptic seizure', 'Had an epileptic seizure at age 12.', 'pass'],
  ['look-alike', 'diabetic diet', 'Diabetic diet and foot care reviewed.', 'pass'],
  ['look-alike', 'cardiac rehab', 'Referred to cardiac rehab.', 'pass'],
  ['look-alike', 'relapsed lymphoma', 'Relapsed lymphoma on second-line therapy.', 'pass'],
  ['look-alike', 'no malingering term (give-way)', 'Give-way weakness with normal reflexes.', 'pass'],
];

const rules = builtinRules();
const ruleList = rules.rules ?? rules;
const inRecommended = new Map();
for (const r of ruleList) inRecommended.set(r.id, !r.presets || r.presets.includes('recommended'));

// Audit precision: judged findings per rule (right / judged), both presets' judgements together.
const judged = new Map();
for (const line of readFileSync(path.join(root, 'fixtures', 'audit', 'judgements.jsonl'), 'utf8').split('\n')) {
  if (!line.trim()) continue;
  const j = JSON.parse(line);
  const k = `${j.doc}|${j.rule}|${j.start}|${j.end}`;
  judged.set(k, j);
}
const audit = new Map();
for (const j of judged.values()) {
  const a = audit.get(j.rule) ?? { right: 0, n: 0 };
  a.n++;
  if (j.verdict === 'right') a.right++;
  audit.set(j.rule, a);
}
const sets = JSON.parse(readFileSync(path.join(root, 'fixtures', 'eval-genres', 'precision.json'), 'utf8')).sets;
const fmt = (p) => (p === undefined ? '–' : p.toFixed(2));
const setCell = (rule) =>
  ['fixtures/eval', 'fixtures/eval-genres', 'fixtures/eval-new']
    .map((s) => {
      const r = sets[s]?.[rule];
      return r ? `${fmt(r.precision)} (${r.truePositives + r.falsePositives})` : '–';
    })
    .join(' / ');

const rows = [];
let bad = 0;
for (const [group, term, text, want, why] of PROBES) {
  const rec = await lintText(text, { preset: 'recommended' });
  const all = await lintText(text, { preset: 'all' });
  const ids = [...new Set(all.map((f) => f.ruleId ?? f.rule))];
  const recIds = [...new Set(rec.map((f) => f.ruleId ?? f.rule))];
  let ok;
  if (want === 'pass') ok = all.length === 0;
  else if (want === 'recommended') ok = recIds.length > 0;
  else if (want === 'gap') ok = true;
  else ok = ids.length > 0;
  if (!ok) bad++;
  const rule = ids.join(', ') || '–';
  const a = ids.map((id) => audit.get(id)).filter(Boolean);
  const auditCell = ids.length
    ? ids.map((id) => (audit.get(id) ? `${fmt(audit.get(id).right / audit.get(id).n)} (${audit.get(id).right}/${audit.get(id).n})` : '–')).join(', ')
    : '–';
  const presetCell = ids.length ? ids.map((id) => (inRecommended.get(id) ? 'recommended' : 'all')).join(', ') : '–';
  rows.push({ group, term, text, want, why: why ?? '', rule, presetCell, auditCell, sets: ids.map(setCell).join('; ') || '–', ok, n: a.length });
}

const lines = [
  '# Tier-B coverage from the guides (`node scripts/tier-b-coverage.mjs`)',
  '',
  'Generated; do not edit by hand. Each row: a term the guides (`/work/shared/reference/terms.csv`,',
  '`clinical-language.md`, the tier-B definition of `fixtures/eval-new/README.md`) class as tier-B-like, a',
  'probe sentence of our own wording, the rule(s) that flag it under the `all` preset, which preset holds',
  'the rule, and its measured precision: **audit** = right / judged in `fixtures/audit/judgements.jsonl`',
  "(real text no labelled set uses; both presets' judgements), **sets** = precision (findings) on",
  'fixtures/eval / eval-genres / eval-new from `fixtures/eval-genres/precision.json`.',
  '`want`: `recommended` = must be flagged by the default preset; `all` = kept out of recommended (why);',
  '`pass` = a look-alike no preset may flag; `gap` = a known gap, not checked.',
  '`ok` says whether the probe behaves as wanted.',
  '',
  '| group | term | probe | want | rule | preset | audit precision | sets precision (n) | ok |',
  '|---|---|---|---|---|---|---|---|---|',
];
for (const r of rows)
  lines.push(
    `| ${r.group} | ${r.term} | ${r.text.replace(/\|/g, '\\|')} | ${r.want}${r.why ? ` (${r.why})` : ''} | ${r.rule} | ${r.presetCell} | ${r.auditCell} | ${r.sets} | ${r.want === 'gap' ? 'gap' : r.ok ? 'yes' : '**no**'} |`,
  );
lines.push('', `${rows.length} probes, ${rows.length - bad} as wanted, ${bad} not.`, '');
const out = lines.join('\n');
if (check) {
  console.log(out);
  process.exit(bad ? 1 : 0);
}
writeFileSync(path.join(root, 'fixtures', 'audit', 'tier-b-coverage.md'), out);
console.log(`wrote fixtures/audit/tier-b-coverage.md: ${rows.length} probes, ${bad} not as wanted`);
