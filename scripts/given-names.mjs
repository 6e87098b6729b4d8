#!/usr/bin/env node
// Builds data/given-names.txt, the given names src/match/names.ts reads (issue 11: a patient's first
// name opening a sentence is the patient, not a bare role). Two steps, each checked:
//
//   node scripts/given-names.mjs            data/given-names.txt from the package's lists less data/given-names-excluded.txt
//   node scripts/given-names.mjs --check    exit 1 when data/given-names.txt is not what that builds
//   node scripts/given-names.mjs --excluded data/given-names-excluded.txt from an English word list and WordNet
//                                           (Debian packages wamerican and wordnet-base; not needed otherwise)
//
// Source: the npm package gender-detection-from-name (MIT; a devDependency: dignify reads the built
// file, not the package): given names with their gender, English (US birth registrations, every
// origin) and Spanish, Italian, German, French and Turkish lists. Its lists hold words that are not
// names here, so two kinds are left out (data/given-names-excluded.txt, with the reason on each line):
// - `role`: a name of the English list that is an English word whose most common noun sense
//   (WordNet's first sense written in lower case) is a kind of person, a group or an animal: Dean,
//   Judge, Hunter, Bishop, Porter, Chief, Major, Scout, Crew... A note writes them bare for someone
//   who is not the patient ("Judge refused the delay"). Words whose first sense is no person stay
//   names (Grace, Mark, Will, Page, Chase, Summer, May): a grace or a mark does not refuse or claim.
//   Kept as names though a role sense comes first: KEPT below (titles of nobility and birds, which
//   a clinical note does not call anybody by).
// - `place`, and `role` from EXTRA: names a note writes bare for a hospital or health system (Mercy,
//   Providence, Trinity, Temple: "Mercy declined the transfer"), Chase, a bank and payer written bare
//   ("Chase refused to cover it": the one bare Chase of the probes, batch 50, decided it), and English
//   words for a person that WordNet files first under another sense (mister, shooter, tanner).
// - `word`: a name of the other lists that is an English word at all (the French list holds
//   "patient", "time", "rehab"), and any name shorter than three letters.
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const OUT = path.join(root, 'data', 'given-names.txt');
const EXCLUDED = path.join(root, 'data', 'given-names-excluded.txt');
const LANGUAGES = ['en', 'es', 'it', 'de', 'fr', 'tr'];
const PERSON = 18;
const GROUP = 14;
const ANIMAL = 5;
// Names whose first noun sense is a person or an animal, kept: ranks of nobility and religion of
// other languages (amir, khan, raja, sultan), words of affection (angel, darling), and birds and
// beasts no note names bare as a subject (robin, jay, wren, martin, phoebe, raven, colt, drake).
const KEPT = new Set(
  'amir ameer emir khan raja rajah sahib sultan pasha angel darling victor don bobby sonny buddy tom robin jay wren lark raven martin phoebe colt drake hart rhea reeve marlin starling sparrow heron swan falcon kestrel ibis dove'.split(
    ' ',
  ),
);

const EXTRA = new Map([
  ...['mercy', 'providence', 'trinity', 'temple', 'chase'].map((w) => [w, 'place']),
  ...['mister', 'shooter', 'tanner'].map((w) => [w, 'role']),
]);

const require = createRequire(import.meta.url);
const lists = Object.fromEntries(LANGUAGES.map((l) => [l, [...require(`gender-detection-from-name/names/${l}.js`).keys()]]));
const version = require('gender-detection-from-name/package.json').version;

function excludedList() {
  const dictionary = new Set(
    readFileSync('/usr/share/dict/american-english', 'utf8')
      .split('\n')
      .filter((w) => w !== '' && w === w.toLowerCase()),
  );
  const synsets = new Map();
  for (const line of readFileSync('/usr/share/wordnet/data.noun', 'utf8').split('\n')) {
    if (line === '' || line.startsWith(' ')) continue;
    const p = line.split(' ');
    const n = Number.parseInt(p[3], 16);
    synsets.set(p[0], { lex: Number(p[1]), words: Array.from({ length: n }, (_, i) => p[4 + 2 * i].replace(/\(.*\)$/, '')) });
  }
  // The lexicographer file of a lemma's first sense in which it is written in lower case (not "Martin", the saint).
  const firstSense = new Map();
  for (const line of readFileSync('/usr/share/wordnet/index.noun', 'utf8').split('\n')) {
    if (line === '' || line.startsWith(' ')) continue;
    const p = line.trim().split(' ');
    const lemma = p[0];
    const offsets = p.slice(4 + Number(p[3]) + 2);
    const sense = offsets.map((o) => synsets.get(o)).find((s) => s?.words.includes(lemma));
    if (sense) firstSense.set(lemma, sense.lex);
  }
  const english = new Set(lists.en);
  const out = new Map();
  for (const name of new Set(LANGUAGES.flatMap((l) => lists[l]))) {
    if (name.length < 3) out.set(name, 'word');
    else if (EXTRA.has(name)) out.set(name, EXTRA.get(name));
    else if (english.has(name)) {
      const lex = firstSense.get(name);
      if (dictionary.has(name) && (lex === PERSON || lex === GROUP || lex === ANIMAL) && !KEPT.has(name)) out.set(name, 'role');
    } else if (dictionary.has(name)) out.set(name, 'word');
  }
  const lines = [...out].sort(([a], [b]) => (a < b ? -1 : 1)).map(([name, why]) => `${name}\t${why}`);
  writeFileSync(
    EXCLUDED,
    `# Names of gender-detection-from-name ${version} left out of data/given-names.txt (scripts/given-names.mjs says why):\n# role = an English word whose first noun sense in WordNet 3.0 is a person, a group or an animal (or a role listed in\n# the script); place = a hospital's or a company's name; word = an English word (wamerican) in a list of another language, or shorter\n# than three letters.\n${lines.join('\n')}\n`,
  );
  console.log(`given-names: ${lines.length} excluded (${lines.filter((l) => l.endsWith('role')).length} roles)`);
}

// The gender each name is given, for src/match/pronoun.ts ("Maria's husband ... He refused": he is the husband). The
// package gives every name one gender per language list; a name is the gender most of the en, es, it, de and tr lists
// give it (a tie: either), the fr list's only when no other list has it (the fr list gives common English men's names
// to women: Henry, Noah, Ryan, Tyler), and either when UNISEX names it: names US birth registrations give to boys and
// girls both, which the package files under one gender (Jordan, Casey, Riley, Taylor). A name of either gender is no
// evidence for a pronoun.
const UNISEX = new Set(
  'alex ali angel ariel avery bailey blake cameron carey casey charlie chris dakota dana devon drew eden elliot elliott emerson finley frankie hayden jackie jaime jamie jean jesse jessie jody joey jordan kai kelly kendall kerry kim kris lee lou marion morgan ollie parker pat payton peyton quinn reese regan reagan riley river robin rowan sam sage sawyer shay skyler skylar stevie sydney sidney taylor terry toni tracy'.split(
    ' ',
  ),
);
const VOTERS = ['en', 'es', 'it', 'de', 'tr'];
const maps = Object.fromEntries(LANGUAGES.map((l) => [l, require(`gender-detection-from-name/names/${l}.js`)]));

function genderOf(name) {
  if (UNISEX.has(name)) return 'either';
  let female = 0;
  let male = 0;
  for (const l of VOTERS) {
    const g = maps[l].get(name);
    if (g === 'female') female++;
    else if (g === 'male') male++;
  }
  if (female === 0 && male === 0) return maps.fr.get(name) ?? 'either';
  return female > male ? 'female' : male > female ? 'male' : 'either';
}

function build() {
  const excluded = new Set(
    readFileSync(EXCLUDED, 'utf8')
      .split('\n')
      .filter((l) => l !== '' && !l.startsWith('#'))
      .map((l) => l.split('\t')[0]),
  );
  const names = [...new Set(LANGUAGES.flatMap((l) => lists[l]))].filter((n) => !excluded.has(n) && /^\p{L}[\p{L}'-]*\p{L}$/u.test(n)).sort();
  const of = (g) => names.filter((n) => genderOf(n) === g);
  return `# Given names, one a line in lower case, read by src/match/names.ts. Built by scripts/given-names.mjs from the npm\n# package gender-detection-from-name ${version} (MIT, (c) 2019 Davide Violante): its en, es, it, de, fr and tr lists, less\n# data/given-names-excluded.txt. Do not edit by hand. Three runs, each sorted: women's names, then after the line\n# "#male" men's names, then after "#either" names of either gender (scripts/given-names.mjs says how).\n${of('female').join('\n')}\n#male\n${of('male').join('\n')}\n#either\n${of('either').join('\n')}\n`;
}

if (process.argv.includes('--excluded')) excludedList();
else if (process.argv.includes('--check')) {
  if (readFileSync(OUT, 'utf8') !== build()) {
    console.error('given-names: data/given-names.txt is not what scripts/given-names.mjs builds: run it');
    process.exit(1);
  }
} else {
  const text = build();
  writeFileSync(OUT, text);
  console.log(`given-names: ${text.split('\n').length - 8} names, ${Math.round(Buffer.byteLength(text) / 1024)} KB`);
}
