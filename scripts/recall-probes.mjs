#!/usr/bin/env node
// Builds fixtures/recall-probes/probes.jsonl from probes.src.tsv (see the README there) and checks it.
//
//   node scripts/recall-probes.mjs           rebuild probes.jsonl, then check it
//   node scripts/recall-probes.mjs --check   check only: probes.jsonl equals what the source builds
//   node scripts/recall-probes.mjs --batch N writes batch N's records (jsonl) to stdout, to score one
//                                            batch: `... --batch 4 > /tmp/b4.jsonl && node scripts/eval.js /tmp/b4.jsonl --no-lexicon`
//
// A comment line `# Batch N ...` starts batch N; lines before the first such comment are batch 1.
// Each record carries its `batch` number.
//
// Source lines: genre <TAB> text <TAB> optional note; `\n` in text is a line break, `\t` a tab (a
// table cell); ⟦words|tier|cat⟧
// (optionally ⟦words|tier|cat|info⟧) marks a span. Offsets are UTF-16 code units (JavaScript string
// indices), end exclusive, as in fixtures/eval-genres. Exit 1 when a record is malformed or the
// jsonl is stale, 2 on an I/O error.
import { readFileSync, writeFileSync, writeSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dir = path.join(root, 'fixtures', 'recall-probes');
const srcFile = path.join(dir, 'probes.src.tsv');
const outFile = path.join(dir, 'probes.jsonl');
const CATEGORY = { su: 'substance-use', cr: 'credibility', co: 'compliance', de: 'demeanor', id: 'identity' };
const TIERS = new Set(['core', 'B', 'C']);
const SHORT = {
  'pain-pharmacy': 'pain',
  perinatal: 'peri',
  handoff: 'ho',
  'problem-list': 'pl',
  'hiv-clinic': 'hiv',
  'diabetes-obesity': 'dm',
  'portal-message': 'portal',
  psychiatry: 'psy',
  'ed-note': 'ed',
  template: 'tpl',
  // Batch 14: genres no earlier batch used.
  adolescent: 'adol',
  'jail-intake': 'jail',
  'residential-sud': 'res',
  'prior-auth': 'pa',
  'home-health': 'hh',
  'peer-recovery': 'peer',
  'occ-health': 'occ',
  'ed-triage': 'tri',
  // Batch 15's genres (branch identity): text of kinds no earlier batch used.
  dermatology: 'derm',
  cardiology: 'card',
  geriatric: 'geri',
  'school-nurse': 'school',
  'insurer-letter': 'ins',
  radiology: 'rad',
  'pre-op': 'preop',
  'speech-language': 'slp',
  nutrition: 'nutr',
  'pharmacy-counsel': 'rxc',
  // Batch 19's genres (branch recall3): core substance-use wording in genres no earlier batch used.
  'allergy-immunology': 'allergy',
  'sports-medicine': 'sports',
  'chaplaincy-spiritual-care': 'chap',
  'community-health-worker': 'chw',
  'lactation-newborn-feeding': 'lact',
  'employee-assistance-program': 'eap',
  'college-counselling': 'college',
  'anesthesia-PACU': 'pacu',
  // Batch 20's genres (branch tierb): credibility and compliance wording in text of kinds no earlier batch used.
  'insurance-appeal': 'appeal',
  'workers-comp': 'wc',
  'chart-audit': 'qi',
  'hospital-at-home': 'hah',
  genetics: 'gen',
  interpreter: 'interp',
  'ot-home-safety': 'ot',
  'call-centre': 'call',
  // Batch 21's genres (branch demid): demeanor and identity wording in text of kinds no earlier batch used.
  podiatry: 'pod',
  'crisis-line': 'crisis',
  'group-home': 'gh',
  'memory-care': 'mc',
  'peds-endo': 'pendo',
  'seating-clinic': 'seat',
  security: 'sec',
  'patient-relations': 'prel',
  // Batch 23's genres (branch bgrid): the tier-B grid of demeanor, identity, compliance and credibility frames.
  'vaccine-clinic': 'vax',
  'hand-surgery': 'hand',
  'infusion-nursing': 'inf',
  'fertility-ivf': 'ivf',
  'interfacility-transfer': 'ift',
  'nursing-shift-narrative': 'shift',
  'sleep-lab-tech': 'sleep',
  'bedside-sitter-log': 'sitter',
  // Batch 22's genres (branch core): the core substance-use terms crossed with frames in text of kinds no earlier batch used.
  'drug-court': 'dc',
  'otp-dosing': 'otp',
  'labor-delivery': 'ld',
  'endocarditis-surgery': 'ie',
  'hepatitis-c-clinic': 'hcv',
  'dui-assessment': 'dui',
  'nursing-home-admission': 'nh',
  'transplant-listing': 'tx',
  // Batch 24's genres (branch clean): look-alikes of the context-dependent rules in text of kinds no earlier batch used.
  'coding-query': 'codeq',
  'risk-management-incident': 'risk',
  'policy-procedure-manual': 'policy',
  'lab-report-comment': 'labc',
  'consent-form': 'consent',
  'ethics-consult': 'ethics',
  'quality-committee-minutes': 'qcm',
  'patient-transport-log': 'transp',
  // Batch 32's genres (branch ident2): identity labels of third parties, telephone and advice-line phrasing,
  // compressed shorthand, pediatric and newborn notes.
  'peds-after-hours-phone': 'pahp',
  'well-child-visit': 'wcc',
  'newborn-nursery': 'nurs',
  'maternal-home-visiting': 'mhv',
  'pharmacy-refill-line': 'refill',
  'family-history-intake': 'fhx',
  'developmental-peds': 'devp',
  'hospice-on-call-phone': 'hospc',
  // Batch 28's genres (branch core2; its well-child-visit records share batch 32's genre): core substance-use terms crossed with the kinds the scan reads least.
  'home-visiting-nurse': 'hvn',
  'sbirt-screening': 'sbirt',
  'hospitalist-progress': 'hosp',
  'poison-control-call': 'pcc',
  'shelter-clinic': 'shelter',
  'ambient-scribe-transcript': 'scribe',
  'military-medicine': 'mil',
  // Batch 34's genres (branch parser): the subject of behaviour, refusal and credibility predicates.
  'apheresis-unit': 'aph',
  'ward-clerk-log': 'clerk',
  'outpatient-pt-gym': 'ptgym',
  // Batch 35's genres (branch parser): new wording after the trial's reading.
  audiology: 'aud',
  'mri-suite': 'mri',
  // Batch 36's genres (branch subj2): the subject across a participle or an interrupter.
  'cath-lab': 'cath',
  'wound-care-clinic': 'wound',
  'stroke-unit': 'strk',
  'hyperbaric-unit': 'hbo',
  'urgent-care': 'uc',
  // Batch 37's genres (branch subj2): new wording after batch 36's fixes.
  'phlebotomy-station': 'phleb',
  'ostomy-clinic': 'ostomy',
  'cast-room': 'cast',
  // Batch 30's genres (branch third): behaviour and credibility words about someone other than the patient.
  'peds-ward': 'pward',
  'after-hours-line': 'ahl',
  'family-meeting': 'fmtg',
  'group-therapy': 'grp',
  'police-handoff': 'pol',
  'well-child': 'wchd', // not wcc: that is batch 32's well-child-visit
  'newborn-home-visit': 'nbhv',
  'visitor-incident-report': 'vir',
  // Batch 38's genres (branch comp2): compliance wording in text of kinds no earlier batch or set used.
  'hf-clinic': 'hfc',
  'cf-clinic': 'cfc',
  'tb-dot': 'tbdot',
  'cpap-followup': 'cpap',
  'peds-asthma': 'pasth',
  'kidney-tx-followup': 'ktx',
  'bp-telemonitoring': 'bptel',
  'lai-clinic': 'lai',
  // Batch 44's genres (branch brecall): tier-B identity, compliance, demeanor and credibility wording in shorthand.
  'med-surg-flowsheet': 'msflow',
  'postpartum-ward': 'ppw',
  'spinal-cord-rehab': 'scir',
  'insulin-pump-clinic': 'pump',
  'psych-unit-flowsheet': 'puf',
  'peds-transition-clinic': 'ptc',
  'chronic-pain-intake': 'cpain',
  'epilepsy-monitoring-unit': 'emu',
  // Batch 40's genres (branch refuse): look-alikes of the subject-reading rules in text of kinds no earlier batch or set used.
  'transfer-center': 'xfer',
  'specialty-pharmacy': 'sphx',
  'biomed-device-log': 'biomed',
  'dv-advocacy': 'dva',
  'adult-protective-services': 'aps',
  'rapid-response': 'rrt',
  'registration-desk': 'regdesk',
  'environmental-services': 'evs',
  // Batch 42's genres (branch su): core and tier-B substance-use wording in text of kinds no earlier batch or set used.
  'sober-living-house': 'slh',
  'child-welfare-report': 'cwr',
  'pdmp-review': 'pdmp',
  'detox-unit': 'detox',
  'bed-census-board': 'census',
  'tertiary-survey': 'tert',
  'mro-review': 'mro',
  'reentry-clinic': 'reentry',
  // Batch 46's genres (branch bare): bare-noun subjects, the patient's and someone else's, in text of kinds no earlier batch or set used.
  'donor-center': 'donor',
  'juvenile-detention': 'juvdet',
  'campus-health': 'campus',
  'athletic-training': 'atr',
  'outreach-van': 'ovan',
  'ob-triage': 'obtri',
  'peds-dental': 'pdent',
  'court-clinic': 'court',
  // Batch 56's genres (branch su2): core substance-use wording in text of kinds no earlier batch or set used.
  'consult-liaison-psych': 'clp',
  'med-rec-pharmacy': 'medrec',
  'vocational-rehab': 'voc',
  'inpatient-rehab-facility': 'irf',
  'house-calls': 'hcall',
  'dispatch-911': 'd911',
  'telemetry-unit': 'tele',
  'interventional-radiology': 'ir',
  // Batch 52's genres (branch legal): credibility and demeanour words in legal and forensic register.
  'probation-health-liaison': 'probl',
  'mitigation-report': 'mitig',
  'guardianship-evaluation': 'guardev',
  'asylum-medical-affidavit': 'asylaff',
  'custody-medical-screening': 'cusmed',
  'victim-compensation-claim': 'vcomp',
  'civil-ime-report': 'cime',
  'child-custody-evaluation': 'custev',
  // Batch 50's genres (branch names): a person named by a given name, the patient or someone else, in text of kinds no earlier batch or set used.
  'adult-day-program': 'adp',
  'chiropractic-visit': 'chiro',
  'acupuncture-clinic': 'acu',
  'home-oxygen-delivery': 'o2del',
  'assisted-living-med-pass': 'alfmed',
  'transitional-care-clinic': 'tcc',
  'plastic-surgery-clinic': 'plast',
  'migrant-farmworker-clinic': 'mfw',
  // Batch 48's genres (branch pronoun): pronoun subjects, the patient's and someone else's. Two of its eight genres were
  // written at the same time by branches names and su2 (adult-day-program, batch 50; consult-liaison-psych, batch 56) and
  // keep those batches' codes.
  'wilderness-medicine': 'wildmed',
  'ski-patrol': 'skipat',
  'cruise-ship-infirmary': 'cruise',
  'stadium-first-aid': 'stadfa',
  'hotel-house-call': 'hotelhc',
  'community-paramedicine': 'commpara',
  // Batch 54's genres (branch brecall2): tier-B identity and compliance wording in shorthand, fields, boxes and tables.
  // Two of its eight genres were written at the same time by other branches and keep their codes (adult-day-program,
  // batch 50; community-paramedicine, batch 48); 'medrec' was batch 56's code, so med-reconciliation is 'mrecon'.
  'med-reconciliation': 'mrecon',
  'mtm-pharmacist': 'mtm',
  'sbar-handover': 'sbar',
  'youth-residential-treatment': 'yrt',
  'assisted-living-nursing': 'alf',
  'dsme-class': 'dsme',
  // Batch 64's genres (branch antecedent): pronouns after people named by first names, the patient and others.
  'home-care-aide-log': 'hcal',
  'respite-care': 'resp',
  'foster-care-health-assessment': 'fcha',
  // Batch 60's genres (branch fp3): look-alikes of the rules that false-fire most on clean sentences, in text of kinds no earlier batch or set used.
  'infection-prevention-rounds': 'ipr',
  'orthotics-prosthetics': 'orpr',
  'blood-bank-transfusion': 'bbk',
  'sterile-processing': 'spd',
  'environmental-health-inspection': 'envh',
  // Batch 58's genres (branch su3): core substance-use wording of occupational monitoring, maternal care, staff
  // diversion, addiction consults and employee health.
  'commercial-driver-exam': 'cdl',
  'midwifery-birth-center': 'midw',
  'pharmacy-diversion-review': 'pdiv',
  'addiction-consult-inpatient': 'acon',
  'hospital-employee-health': 'ehlth',
  // Batch 62's genres (branch comp2, session of 2026-12-01 19:57): compliance and demeanour wording in text of kinds no
  // earlier batch or set used.
  'cardiac-device-clinic': 'cdev',
  'glaucoma-clinic': 'glc',
  orthodontics: 'ortd',
  'home-enteral-nutrition': 'hen',
  'lymphedema-therapy': 'lymph',
  // Batch 72's genres (branch core4, session of 2026-12-01 22:27): core and tier-B substance-use wording and its
  // look-alikes in text of kinds no earlier batch or set used.
  'bridge-clinic': 'brdg',
  'overdose-follow-up-team': 'odft',
  'recovery-high-school': 'rhs',
  'buprenorphine-telehealth': 'bupt',
  // Batch 66's genres (branch ident, session of 2026-12-01 22:27): identity labels, slurs and outdated terms in text of
  // kinds no earlier batch or set used.
  'low-vision-rehab': 'lvr',
  'ryan-white-case-management': 'rwcm',
  'supported-employment': 'semp',
  'weight-loss-medication-clinic': 'wlmc',
  'peer-run-respite': 'prr',
  // Batch 70's genres (branch cred, session of 2026-12-01 22:27): credibility and demeanour words beside their look-alikes
  // in text of kinds no earlier batch or set used.
  'functional-neurology-clinic': 'fnd',
  'chronic-fatigue-clinic': 'cfs',
  'fibromyalgia-clinic': 'fibro',
  'urgent-dental': 'udent',
  'jail-diversion': 'jdiv',
  // Batch 68's genres (branch comp3, session of 2026-12-01 22:27): compliance and refusal wording, and refusal
  // look-alikes by payers, services and relatives, in text of kinds no earlier batch or set used.
  'home-infusion-pharmacy': 'hip',
  'post-transplant-pharmacy': 'ptp',
  'hepatitis-b-clinic': 'hbc',
  'dme-supplier': 'dme',
  'adult-asthma-clinic': 'aac',
  // Batch 76's genres (branch cc, session of 2026-12-02 01:16): compliance and credibility kinds of the retired sets'
  // errors in text of kinds no earlier batch or set used.
  'early-intervention-home-visit': 'zcei',
  'revenue-cycle-worklist': 'zcrc',
  'long-term-care-ombudsman': 'zcom',
  'pediatric-sedation-unit': 'zcps',
  // Batch 74's genres (branch su, session of 2026-12-02 01:16): the substance-use kinds learnt from the retired sets, in
  // text of kinds no earlier batch or set used.
  'offshore-rig-medic': 'zsrig',
  'pharmacovigilance-case-report': 'zspv',
  'disaster-shelter-medical': 'zsdsm',
  'cosmetic-injectables-clinic': 'zsci',
  // Batch 78's genres (branch di, session of 2026-12-02 01:16): demeanour and identity wording of the retired sets' kinds.
  'long-term-acute-care-hospital': 'zdlt',
  'adaptive-sports-program': 'zdas',
  'medical-staff-peer-review': 'zdpr',
  'summer-camp-infirmary': 'zdsc',
  // Batch 80's genres (branch fp, session of 2026-12-02 04:09): the kinds of the retired sets' false positives.
  'adoption-home-study': 'zfah',
  'school-based-health-center': 'zfsb',
  'pharmacy-benefit-audit': 'zfpb',
  'home-ventilator-program': 'zfhv',
  // Batch 82's genres (branch mc, session of 2026-12-02 04:09): substance-use, compliance and credibility kinds of the
  // seven retired sets' misses.
  'tumor-board-summary': 'zutb',
  'morbidity-mortality-conference': 'zumm',
  'pediatric-nephrology-clinic': 'zupn',
  'panel-management-outreach': 'zupm',
  // Batch 84's genres (branch md, session of 2026-12-02 04:09): demeanour and identity wording of the kinds the seven
  // retired sets still show missed.
  'psychiatric-clubhouse': 'zmpc',
  'icf-idd-residence': 'zmicf',
  'employer-wellness-screening': 'zmew',
  'hospital-elder-life-program': 'zmhe',
  // Batch 90's genres (branch di3, session of 2026-12-02 06:48): demeanour and identity wording of the kinds the nine
  // retired sets (third round) still show missed.
  'bereavement-counselling': 'zdbg',
  'pelvic-floor-physiotherapy': 'zdpf',
  'vestibular-rehab-clinic': 'zdvr',
  'menopause-clinic': 'zdmn',
  // Batch 86's genres (branch fp3, session of 2026-12-02 06:48): the kinds of the false positives of the third
  // retirement round, in genres no batch or set used.
  'altitude-medicine-clinic': 'zpal',
  'motorsport-trackside-medical': 'zpms',
  'marathon-medical-tent': 'zpmt',
  'medical-records-release-office': 'zprr',
  // Batch 88's genres (branch su3, session of 2026-12-02 06:48): substance-use, compliance and credibility wording of
  // the kinds the nine retired sets (third round) still show missed.
  'telepharmacy-order-review': 'zstp',
  'state-physician-health-program': 'zsph',
  'pediatric-cochlear-implant-program': 'zsck',
  'bereavement-support-program': 'zsbs',
  // Batch 92's genres (branch comp4, session of 2026-12-02 06:48): compliance wording in the shapes real notes give it,
  // with its look-alikes, in text of kinds no earlier batch or set used.
  'lipid-clinic': 'zclp',
  'gout-clinic': 'zcgo',
  'neuromuscular-clinic': 'zcnm',
  'kidney-stone-clinic': 'zcks',
  // Batch 94's genres (branch su4, session of 2026-12-02 afternoon): core and tier-B substance-use wording in the
  // shapes the retired sets' kinds name (a bracket after the term, the drug a clause or sentence away, questions,
  // third parties, lists, abbreviations, hyphens), with look-alikes beside each.
  'sickle-cell-clinic': 'zusc',
  'pulmonary-function-lab': 'zupf',
  'law-enforcement-fitness-clinic': 'zule',
  'travel-medicine': 'zutm',
  'caregiver-training-program': 'zuct',
  // Batch 95's genres (branch su4): new wording of batch 94's fixed kinds, written after the fixes (c31a89d).
  'refugee-health-clinic': 'zurh',
  'music-festival-first-aid': 'zumf',
  'dive-medicine-clinic': 'zudm',
  'commercial-driver-medical-exam': 'zucd',
  // Batch 96's genres (branch cd4, session of 2026-12-02 afternoon): compliance, credibility, demeanour and identity
  // kinds of the ten retired sets' misses and false positives (fourth round), in text of kinds no earlier batch or set used.
  'geriatric-psychiatry-unit': 'zqgp',
  'scoliosis-clinic': 'zqsc',
  'neurosurgery-step-down-unit': 'zqns',
  'contact-lens-clinic': 'zqcl',
  // Batch 97's genres (branch cd4): new wording of batch 96's kinds and the guides' look-alikes of these categories, written
  // after batch 96's fixes, in text of kinds no earlier batch or set used.
  'orthogeriatric-ward': 'zqog',
  'sports-concussion-clinic': 'zqsp',
  'prison-mental-health-in-reach': 'zqpm',
  'old-age-psychiatry-outreach': 'zqop',
  'driving-assessment-service': 'zqdr',
  // Batch 98's genres (branch fp5, session of 2026-12-02 afternoon): the kinds of the fifth retirement round's false
  // positives and of the rules with most held-out false positives, with positives beside each look-alike.
  'ambulatory-surgery-center': 'zfasc',
  'pediatric-dermatology-clinic': 'zfpd',
  'forensic-toxicology-lab': 'zfft',
  'flood-relief-field-clinic': 'zffr',
  // Batch 99's genres (branch fp5): new wording of batch 98's kinds, written after its fixes (05be651).
  'cataract-day-surgery-unit': 'zgcat',
  'pediatric-eye-clinic': 'zgpe',
  'port-authority-first-aid': 'zgpa',
  'employer-drug-testing-collection-site': 'zgdt',
  // Batch 100's genres (branch miss5, session of 2026-12-02 afternoon): the core substance-use terms in the shapes the
  // kinds tables name, and the tier-B kinds of eval-tenth's and eval-eleventh's misses (fifth round).
  'mohs-dermatologic-surgery': 'm5mohs',
  'lupus-clinic': 'm5lup',
  'pharmacogenomics-clinic': 'm5pgx',
  'peer-recovery-coach-log': 'm5prc',
  'varicose-vein-clinic': 'm5vein',
  'hair-loss-clinic': 'm5hair',
  'morbidity-mortality-review': 'm5mm',
  'occupational-hand-therapy': 'm5oht',
  // Batch 101's genres (branch miss5): new wording of batch 100's kinds, written after its fixes.
  'cleft-craniofacial-team': 'm5cleft',
  'student-health-center': 'm5shc',
  'tinnitus-clinic': 'm5tin',
  'tattoo-removal-clinic': 'm5tat',
  // Batch 102's genres (branch cred6): credibility terms in the shapes notes use.
  'vertigo-clinic': 'c6vert',
  'independent-medical-exam': 'c6ime',
  'eye-casualty': 'c6eye',
  'std-clinic': 'c6std',
};

const problems = [];
const read = (file) => {
  try {
    return readFileSync(file, 'utf8');
  } catch (e) {
    console.error(`recall-probes: cannot read ${path.relative(root, file)}: ${e.code ?? e.message}`);
    process.exit(2);
  }
};

const records = [];
const counters = {};
let batch = 1;
read(srcFile)
  .split('\n')
  .forEach((line, i) => {
    const header = /^# Batch (\d+)\b/.exec(line);
    if (header) batch = Number(header[1]);
    if (line.trim() === '' || line.startsWith('#')) return;
    const where = `probes.src.tsv line ${i + 1}`;
    const [genre, raw, note] = line.split('\t');
    if (!(genre in SHORT)) return problems.push(`${where}: unknown genre ${JSON.stringify(genre)}`);
    const marked = raw.replace(/\\n/g, '\n').replace(/\\t/g, '\t');
    let text = '';
    const spans = [];
    const re = /⟦([^⟧]*)⟧/g;
    let last = 0;
    for (let m = re.exec(marked); m !== null; m = re.exec(marked)) {
      text += marked.slice(last, m.index);
      const [words, tier, cat, level, ...rest] = m[1].split('|');
      if (!TIERS.has(tier) || !(cat in CATEGORY) || (level !== undefined && level !== 'info') || rest.length > 0) problems.push(`${where}: bad span ⟦${m[1]}⟧`);
      const span = { start: text.length, end: text.length + words.length, text: words, category: CATEGORY[cat], tier };
      if (level === 'info') span.level = 'info';
      spans.push(span);
      text += words;
      last = m.index + m[0].length;
    }
    text += marked.slice(last);
    if (/[⟦⟧]/.test(text)) problems.push(`${where}: unbalanced ⟦ ⟧`);
    if (spans.length === 0 && !(note ?? '').includes('look-alike:')) problems.push(`${where}: no span and no "look-alike:" note`);
    if (spans.length > 0 && (note ?? '').includes('look-alike:')) problems.push(`${where}: a look-alike with a span`);
    counters[genre] = (counters[genre] ?? 0) + 1;
    const id = `rp-${SHORT[genre]}-${String(counters[genre]).padStart(3, '0')}`;
    const record = { id, source: `handwritten for fixtures/recall-probes (genre: ${genre})`, genre, kind: 'handwritten', batch, text, spans };
    if (note) record.note = note;
    records.push(record);
  });

const texts = new Map();
for (const r of records) {
  for (const s of r.spans) if (r.text.slice(s.start, s.end) !== s.text) problems.push(`${r.id}: offsets do not give ${JSON.stringify(s.text)}`);
  if (texts.has(r.text)) problems.push(`${r.id}: same text as ${texts.get(r.text)}`);
  texts.set(r.text, r.id);
}

const built = `${records.map((r) => JSON.stringify(r)).join('\n')}\n`;
const batchArg = process.argv.indexOf('--batch');
if (batchArg !== -1) {
  const wanted = Number(process.argv[batchArg + 1]);
  if (!Number.isInteger(wanted)) {
    console.error('recall-probes: --batch needs a batch number');
    process.exit(2);
  }
  if (problems.length === 0) {
    const picked = records.filter((r) => r.batch === wanted);
    if (picked.length === 0) {
      console.error(`recall-probes: no batch ${wanted} in probes.src.tsv`);
      process.exit(2);
    }
    // writeSync: process.exit would cut an asynchronous write to a pipe short.
    writeSync(1, `${picked.map((r) => JSON.stringify(r)).join('\n')}\n`);
    process.exit(0);
  }
} else if (process.argv.includes('--check')) {
  if (read(outFile) !== built) problems.push('probes.jsonl is stale: run node scripts/recall-probes.mjs');
} else if (problems.length === 0) writeFileSync(outFile, built);

if (problems.length > 0) {
  for (const p of problems) console.error(`recall-probes: ${p}`);
  process.exit(1);
}
const count = (pred) => records.filter(pred).length;
const spanCount = (tier) => records.reduce((n, r) => n + r.spans.filter((s) => s.tier === tier && s.level !== 'info').length, 0);
console.log(
  `recall-probes: ${records.length} records (${count((r) => r.spans.length > 0)} with a span, ${count((r) => r.spans.length === 0)} look-alikes); spans: core ${spanCount('core')}, B ${spanCount('B')}, C ${spanCount('C')}, info ${records.reduce((n, r) => n + r.spans.filter((s) => s.level === 'info').length, 0)}`,
);
