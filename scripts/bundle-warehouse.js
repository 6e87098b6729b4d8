// Build step: dist/warehouse/dignify.js, the portable lint core (src/core/portable.ts) as one
// self-contained script for a warehouse's JavaScript UDF (docs/warehouse.md). It uses no Node API
// (no require, process, Buffer, file system or timers): it defines the global function
// dignify_findings(text) and nothing else. test/warehouse.test.ts runs it in an empty vm context.
//
// The modules below, which the core imports, reach for Node or for parts a warehouse does not need; the bundle
// gets stand-ins for them (the rest is the code lintText runs):
//   rules/builtin.ts  reads dist/rules/builtin.json from disk → that JSON, inlined, less what the warehouse never reads;
//   inputs/markdown.ts, inputs/html.ts, fix/segments-*.ts (lazy-loaded parsers) → left out: plain text only;
//   match/given-names-file.ts  reads data/given-names.txt → no list (a first name is read as the list-less model reads it);
//   fix/refine.ts, lint/options.ts (and with it core/edit-distance.ts), vfile (for match/equality.ts), and
//   unified with retext-english (imported by parse/parse-text.ts) → stand-ins: code a plain-text call
//   with default options never runs (each is explained where it is swapped below);
//   parse/positioned.ts (with latin-tree.ts: parse-english's plugins ported, for speed) → those plugins themselves (positioned-english.ts);
//   parse-latin's lib/expressions.js → the same regular expressions in fewer bytes (scripts/compact-classes.js).
// The rule data is written packed (packRules); the minified code's word lists as strings split at
// blanks (splitWordArrays); then the packed rules and the code's long strings, regular expressions
// made at start and String.raw templates are compressed together (storeText, compressText) and
// expanded before any module runs (expandText), the rules unpacked again by the stand-in below.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { compactModule } from './compact-classes.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outdir = path.join(root, 'dist', 'warehouse');
const outfile = path.join(outdir, 'dignify.js');
rmSync(outdir, { recursive: true, force: true });

let esbuild;
try {
  esbuild = await import('esbuild');
} catch {
  console.log('dignify: esbuild not installed, the warehouse build (dist/warehouse/) not made');
  process.exit(0);
}

// The rule files as the build validated them, less what the warehouse never runs or shows (its
// rows carry no message, note or sources, and it runs lintText's default options, so the
// recommended preset): a rule's examples, note, description and sources, a file's description,
// the rules of the all preset only, and the stored pattern expansions (start-up time of the CLI,
// not worth their size here). A Snowflake UDF keeps the script in its body, where Snowflake
// recommends 100 KB at most (docs/warehouse.md): every kilobyte counts.
const ruleFiles = JSON.parse(readFileSync(path.join(root, 'dist', 'rules', 'builtin.json'), 'utf8'));
for (const file of ruleFiles) {
  delete file.description;
  delete file.expansions;
  delete file.expansionSets; // the sets the expansions name: read only with them (compile.ts storedHolds)
  file.rules = file.rules.filter((rule) => !rule.presets || rule.presets.includes('recommended'));
  for (const rule of file.rules) {
    // Keys dropped, not emptied: compileRules reads neither examples nor note. `description` stays
    // (as ''): compileRules would make one from the note without it.
    delete rule.examples;
    delete rule.note;
    rule.description = '';
    delete rule.sources;
    // A row carries the first suggestion only (portable.ts warehouseFindings: f.suggestions[0]).
    // match.ts puts the first rendering of the first template first (and equality.ts the first
    // template), and a rendering is never empty (checked below), so the later ones only fill the
    // message and the list of alternatives, which no row reads.
    // A rule reporting several retext-equality ids keeps the first suggestion of each id's list too
    // (equality.ts gives a finding its id's list), and each list its first item.
    // A personSuggestion (a person's wording) stays with its rule: where the term names a person
    // ("Patient is an IVDU", a sentence-opening "Known IVDU": match/person-reading.ts namesPerson) it is
    // lintText's first suggestion, so the row's too. Dropped (with namesPerson stood in) until 2026-12-03,
    // the row suggested "injection drug use" there where lintText suggests "person who injects drugs".
    const byId = rule.equalitySuggestions;
    if (byId) for (const id of Object.keys(byId)) byId[id] = byId[id].slice(0, 1);
    const kept = new Set([rule.suggestions[0], rule.personSuggestion, ...Object.values(byId ?? {}).map((list) => list[0])]);
    rule.suggestions = rule.suggestions.filter((s) => kept.has(s));
    // A formSuggestions entry (the suggestions in the matched word's form) is a finding's whole list
    // in place of suggestions: its first is the row's suggestion.
    for (const entry of rule.formSuggestions ?? []) entry.suggestions = entry.suggestions.slice(0, 1);
  }
}
// renderSuggestion fills a {set} with a value's text, the set's default or the captured word: with
// no empty value, a template never renders as '' (which match.ts would filter out, moving the
// second suggestion first).
if (
  /"(?:text|default)":""/.test(JSON.stringify(ruleFiles.map((file) => file.sets ?? {}))) ||
  ruleFiles.some((file) => file.rules.some((rule) => /^\s*$/.test(rule.suggestions[0] ?? 'x')))
)
  throw new Error('bundle-warehouse: an empty suggestion or set value: keep every suggestion');

// The rule data is written packed (packRules), ~3 KB gzipped less than as JSON, and unpacked by the
// stand-in for rules/builtin.ts (STAND_INS below) before the rules are compiled. The build stops
// unless it unpacks to exactly the data above.
const LIST = '~';
const SAME = '`';
const FORM = '@';
const KEYS = ruleKeys(ruleFiles);
const rulesJson = JSON.stringify(packRules(structuredClone(ruleFiles), KEYS));
if (JSON.stringify(unpackRules(JSON.parse(rulesJson), KEYS)) !== JSON.stringify(ruleFiles))
  throw new Error('bundle-warehouse: the packed rules do not unpack to the rules');
// The packed rules are compressed with the code's long strings once the code is built (storeText).

/**
 * The rule data, packed:
 * - each list of strings (patterns, words, suggestions: ~500 lists, ~7,000 strings) as one string,
 *   its items each after a LIST mark ("a|b c", "d" → "~a|b c~d"): ~0.9 KB gzipped less than the
 *   quotes and commas of a JSON array. No string of the data holds the mark (checked), so a string
 *   that starts with it is a list and nothing else. An item that begins with five or more
 *   characters of the item before it is written as SAME, a character for how many, and the rest
 *   ("did|does not comply", "did|does not adhere" → "…~`?adhere");
 * - a set whose words are every count with every unit, in that order, with one prefix or none
 *   ({duration-token}: "1d", "1day" … "365weeks"; {times-duration-token}: "x1d" …; 1,100 words, 3.5 KB
 *   gzipped) as its factors, `product: [prefix, counts, units]`;
 * - a set whose words carry values of the same fields ({drug}: text and class) as rows
 *   "word=text=class", a value equal to its word left empty, and the field names;
 * - a condition's form (conditions' `forms`) that is one of its rule's match patterns as FORM and
 *   the pattern's index ("@2");
 * - the keys written more than twice (conditions' `after`, `within` …) as one capital letter each
 *   (KEYS: the letter's index).
 */
function packRules(files, keys) {
  const strings = JSON.stringify(files).match(/"(?:[^"\\]|\\.)*"/g);
  const mark = strings.find((string) => string.includes(LIST) || string[1] === SAME || string[1] === FORM);
  if (mark) throw new Error(`bundle-warehouse: a rule string holds "${LIST}" or starts with "${SAME}" or "${FORM}": ${mark}`);
  for (const file of files) {
    for (const set of Object.values(file.sets ?? {})) {
      factorSet(set);
      tableSet(set);
    }
    for (const rule of file.rules) {
      for (const kind of ['requires', 'unless'])
        for (const condition of rule.conditions?.[kind] ?? [])
          if (condition.forms) condition.forms = condition.forms.map((form) => (rule.match.includes(form) ? FORM + rule.match.indexOf(form) : form));
    }
  }
  return renameKeys(joinLists(files), keys);
}
function joinLists(value) {
  if (Array.isArray(value) && value.length > 0 && value.every((item) => typeof item === 'string')) {
    return value
      .map((item, i) => {
        const before = value[i - 1] ?? '';
        let same = 0;
        while (same < 40 && same < item.length && item[same] === before[same]) same++;
        return LIST + (same >= 5 ? SAME + String.fromCharCode(48 + same) + item.slice(same) : item);
      })
      .join('');
  }
  if (Array.isArray(value)) return value.map(joinLists);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, joinLists(item)]));
  return value;
}
function factorSet(set) {
  if (!Array.isArray(set.words) || set.words.length < 50) return;
  const parts = set.words.map((word) => /^([a-z]?)(\d+)([a-z]+)$/.exec(word));
  if (parts.some((m) => !m || m[1] !== parts[0][1])) return;
  const counts = [...new Set(parts.map((m) => m[2]))];
  const units = [...new Set(parts.map((m) => m[3]))];
  const product = [parts[0][1], counts.join(' '), units.join(' ')];
  const words = counts.flatMap((count) => units.map((unit) => product[0] + count + unit));
  if (JSON.stringify(words) !== JSON.stringify(set.words)) return;
  delete set.words;
  set.product = product;
}
function tableSet(set) {
  if (!set.words || Array.isArray(set.words)) return;
  const values = Object.values(set.words);
  const fields = Object.keys(values[0] ?? {});
  const plain = (text) => typeof text === 'string' && text !== '' && !text.includes('=');
  if (
    !fields.length ||
    !values.every((value) => value && JSON.stringify(Object.keys(value)) === JSON.stringify(fields) && fields.every((field) => plain(value[field])))
  )
    return;
  if (!Object.keys(set.words).every(plain)) return;
  set.fields = fields;
  set.words = Object.entries(set.words).map(([word, value]) => [word, ...fields.map((field) => (value[field] === word ? '' : value[field]))].join('='));
}
/** The keys of objects in the data that occur more than twice, most frequent first (26 at most). */
function ruleKeys(files) {
  const counts = new Map();
  const walk = (value) => {
    if (Array.isArray(value)) value.forEach(walk);
    else if (value && typeof value === 'object')
      for (const [key, item] of Object.entries(value)) {
        counts.set(key, (counts.get(key) ?? 0) + 1);
        walk(item);
      }
  };
  walk(packRules(structuredClone(files), []));
  const keys = [...counts]
    .filter(([key, n]) => n > 2 && key.length > 1)
    .sort((a, b) => b[1] - a[1])
    .map(([key]) => key)
    .slice(0, 26);
  if ([...counts.keys()].some((key) => /^[A-Z]$/.test(key))) throw new Error('bundle-warehouse: cannot write the rule keys as capital letters');
  return keys;
}
function renameKeys(value, keys) {
  if (Array.isArray(value)) return value.map((item) => renameKeys(item, keys));
  if (value && typeof value === 'object')
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [keys.includes(key) ? String.fromCharCode(65 + keys.indexOf(key)) : key, renameKeys(item, keys)]),
    );
  return value;
}
/**
 * The stored text (storeText: the packed rules and the code's long strings, as JSON) is compressed
 * at build time (compressText) and expanded when the script starts (expandText, inlined with
 * textModel): a binary arithmetic coder driven by a mix of
 * predictions, each of the next bit given the bits of the byte so far and the bytes before (the
 * last 0, 1, 2, 3, 4, 6 and 12 of them, the letters of the word so far, and those with the word
 * before), in tables reached by a hash; the mix's weights are learnt as it goes (logistic mixing),
 * and the mix is refined by what followed such a mix after the same byte and bits before
 * (an adaptive probability map, SSE). Each table's 16-slot bucket (one half byte's 15 bits) keeps
 * a check of its context in its spare slot: a context that finds another's bucket takes the less
 * used of two (reset) rather than reading the other's counts. Encoder and decoder run the same
 * model, so each predicts what the other did. Integer arithmetic only (Math.imul, shifts, the
 * squash curve from 33 integers, a division by a power of two): every engine expands the same text.
 * The 200,634 characters stored (157,759 of packed rules, 40,427 of 399 code strings) take 47,623
 * bytes against gzip's 64,734 (deflate's window is 32 KB and it codes whole bytes); the digits (six
 * bits a character) are left to gzip as they are. Expanding takes about half a second of CPU at start
 * (once per JavaScript environment; most of it waiting on memory: a half byte reads a bucket in each
 * of the larger tables) and 23 MB of tables, freed after.
 * The check, the SSE, the word pair and the 12 bytes took the rules from 34,989 bytes to 32,757
 * (2026-12-02; 2^20 slots a table where there were 2^21: 25 MB of tables instead of 32).
 * 2026-12-03: the rules alone took 35,207 bytes (157,769 characters); with the code's strings (28%
 * more to expand), one table array, a bit's slot read from its bucket, the weights by word and no
 * order 8, the script starts in 949 ms of CPU where it took 986 (a vm context at load 9, medians of 12 in
 * turns; 788 against 973 in an earlier run at load 8).
 */
function textModel() {
  // Math's functions as locals: in a vm context (the tests) each global lookup goes through the sandbox.
  const { imul, min, max, floor } = Math;
  // No order 8 since the code's strings joined the rules (storeText): a ninth of the work at start for
  // 125 bytes (48,200 → 48,325 bytes of 201,531), and the weights by word below took 456.
  const ORDERS = [0, 1, 2, 3, 4, 6, 12];
  const N = ORDERS.length + 2;
  const BITS = 20;
  // Each slot: a probability in 4096ths (high 12 bits) and how often it was seen, up to 5 (low 4 bits);
  // slot 0 of each bucket (the half byte's bits are 1-15): the check of the context that holds it.
  // The N tables as one array (table i from i << BITS): one kind of array read at one place, ~10% faster.
  const probs = new Uint16Array(N << BITS).fill(32768);
  const rate = new Int32Array(6);
  for (let n = 0; n < 6; n++) rate[n] = (65536 / (n + 1.05)) | 0;
  // squash(d) = 4096 / (1 + e^(-d/256)), 1 to 4095, interpolated from integers (no floating point, so every engine decodes alike).
  const knots = [
    1, 2, 3, 6, 10, 16, 27, 45, 73, 120, 194, 310, 488, 747, 1101, 1546, 2047, 2549, 2994, 3348, 3607, 3785, 3901, 3975, 4022, 4050, 4068, 4079, 4085, 4089,
    4092, 4093, 4094,
  ];
  const squash = (d) => (d > 2047 ? 4095 : d < -2047 ? 1 : (knots[(d >> 7) + 16] * (128 - (d & 127)) + knots[(d >> 7) + 17] * (d & 127) + 64) >> 7);
  const stretch = new Int16Array(4096);
  let q = 0;
  for (let d = -2047; d < 2048; d++) while (q <= squash(d)) stretch[q++] = d;
  while (q < 4096) stretch[q++] = 2047;
  // The SSE map: for the last byte and the bits so far (65,536 contexts), the probability (in 65536ths)
  // at 33 points of the mix's stretched output, at first the squash curve itself.
  const map = new Uint16Array(33 * 65536);
  for (let j = 0; j < 33; j++) map[j] = squash((j - 16) * 128) * 16;
  for (let c = 1; c < 65536; c++) map.copyWithin(c * 33, 0, 33);
  // The mix's weights: a set for each of the byte's bits so far (partial), inside a word and not.
  const weights = new Int32Array(N * 512).fill(1 << 14);
  const hashes = new Int32Array(N);
  const inputs = new Int32Array(N);
  const last = [0];
  let partial = 1;
  let word = 0;
  let before = 0;
  let mixed = 2048;
  let point = 0;
  let near = 0;
  const rehash = () => {
    for (let i = 0; i < ORDERS.length; i++) {
      let h = i + 1;
      for (let k = 1; k <= ORDERS[i] && k < last.length; k++) h = (imul(h ^ last[last.length - k], 16777619) + k) | 0;
      hashes[i] = h;
    }
    hashes[N - 2] = (imul(word, 747796405) + 99) | 0;
    hashes[N - 1] = (imul(word ^ imul(before, 12345679), 747796405) + 77) | 0;
  };
  // The 15 slots of a half byte's bits lie together (one cache line), found once per half byte: the
  // bucket whose check is the context's, else the less used of two (its first bit's count), emptied.
  // A bit's slot in table i is bases[i] | nibble (the half byte's bits so far, after a leading 1).
  let nibble = 1;
  const bases = new Int32Array(N);
  const place = () => {
    for (let i = 0; i < N; i++) {
      const x = (hashes[i] + imul(partial, 192691)) | 0;
      const check = imul(x, -2048144789) >>> 16;
      let b = ((imul(x, -1640531535) >>> (32 - BITS)) & -16) | (i << BITS);
      if (probs[b] !== check) {
        if (probs[b ^ 16] === check || (probs[(b ^ 16) + 1] & 15) < (probs[b + 1] & 15)) b ^= 16;
        if (probs[b] !== check) {
          probs.fill(32768, b, b + 16);
          probs[b] = check;
        }
      }
      bases[i] = b;
    }
  };
  rehash();
  place();
  return {
    /** The probability, in 4096ths, that the next bit is 1. */
    predict() {
      let dot = 0;
      const w = (partial + (word ? 256 : 0)) * N;
      for (let i = 0; i < N; i++) dot += weights[w + i] * (inputs[i] = stretch[probs[bases[i] | nibble] >>> 4]);
      // Divided, not shifted (>> 16): the sum may pass 2^31 (ten inputs up to 2047 times weights past
      // 2^17), where a shift would wrap it to the other sign. Exact: integers below 2^53, a power of two.
      dot = floor(dot / 65536);
      mixed = squash(dot);
      const d = min(max(dot, -2047), 2047) + 2048;
      point = ((last[last.length - 1] << 8) | partial) * 33 + (d >> 7);
      near = d & 127;
      const p = (mixed + ((map[point] * (128 - near) + map[point + 1] * near) >> 11) * 3) >> 2;
      // 0 to 4095 (the map's points are at most 65535 / 16): never 0, which would leave a 1 no room.
      return p || 1;
    },
    update(bit) {
      const error = ((bit << 12) - mixed) * 20;
      const w = (partial + (word ? 256 : 0)) * N;
      for (let i = 0; i < N; i++) {
        weights[w + i] += (inputs[i] * error + 32768) >> 16;
        const j = bases[i] | nibble;
        const s = probs[j];
        const n = s & 15;
        const q = s >>> 4;
        probs[j] = ((q + ((((bit << 12) - q - bit) * rate[n]) >> 16)) << 4) | (n < 5 ? n + 1 : n);
      }
      const k = point + (near >> 6);
      map[k] += ((bit << 16) - map[k] - bit) >> 6;
      partial = (partial << 1) | bit;
      nibble = nibble > 7 ? 1 : (nibble << 1) | bit;
      if (partial > 255) {
        const c = partial & 255;
        last.push(c);
        if (last.length > 13) last.shift();
        if ((c | 32) > 96 && (c | 32) < 123) word = imul(word ^ c, 16777619);
        else if (word) {
          before = word;
          word = 0;
        }
        partial = 1;
        rehash();
      }
      if (nibble === 1) place();
    },
  };
}

// A digit of the packed text: 64 characters from "(" to "h" less the backslash (no quote, "$" or backslash).
/** Text of bytes below 128, as digits of six bits (compressText undone; self-contained but for textModel). */
function expandText(digits, length) {
  const model = textModel();
  let low = 0;
  let high = 4294967295;
  let x = 0;
  let bits = 0;
  let held = 0;
  let k = 0;
  const byte = () => {
    while (held < 8) {
      const c = digits.charCodeAt(k++) | 0;
      bits = ((bits << 6) | ((c - 40 - (c > 92)) & 63)) & 16383;
      held += 6;
    }
    held -= 8;
    return (bits >> held) & 255;
  };
  for (let i = 0; i < 4; i++) x = x * 256 + byte();
  const out = [];
  for (let i = 0; i < length; i++) {
    let c = 0;
    for (let j = 0; j < 8; j++) {
      const mid = low + ((high - low) >>> 12) * model.predict();
      const bit = x <= mid ? 1 : 0;
      if (bit) high = mid;
      else low = mid + 1;
      model.update(bit);
      c = (c << 1) | bit;
      while (((low ^ high) & 0xff000000) === 0) {
        low = (low << 8) >>> 0;
        high = ((high << 8) | 255) >>> 0;
        x = ((x << 8) >>> 0) + byte();
      }
    }
    out.push(c);
  }
  let text = '';
  for (let i = 0; i < out.length; i += 4096) text += String.fromCharCode.apply(null, out.slice(i, i + 4096));
  return text;
}
function compressText(text) {
  const model = textModel();
  let low = 0;
  let high = 4294967295;
  const bytes = [];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c > 127) throw new Error('compressText: not ASCII');
    for (let j = 7; j >= 0; j--) {
      const bit = (c >> j) & 1;
      const mid = low + ((high - low) >>> 12) * model.predict();
      if (bit) high = mid;
      else low = mid + 1;
      model.update(bit);
      while (((low ^ high) & 0xff000000) === 0) {
        bytes.push(high >>> 24);
        low = (low << 8) >>> 0;
        high = ((high << 8) | 255) >>> 0;
      }
    }
  }
  bytes.push(low >>> 24, (low >>> 16) & 255, (low >>> 8) & 255, low & 255);
  let digits = '';
  let bits = 0;
  let held = 0;
  const digit = (d) => String.fromCharCode(d + 40 + (d + 40 >= 92));
  for (const b of bytes) {
    bits = ((bits << 8) | b) & 65535;
    held += 8;
    while (held >= 6) {
      held -= 6;
      digits += digit((bits >> held) & 63);
    }
  }
  if (held) digits += digit((bits << (6 - held)) & 63);
  return digits;
}

/** packRules undone (inlined in the build, so self-contained). */
function unpackRules(packed, keys) {
  const unpack = (value) => {
    if (typeof value === 'string' && value[0] === '~') {
      let before = '';
      return value
        .slice(1)
        .split('~')
        .map((item) => (before = item[0] === '`' ? before.slice(0, item.charCodeAt(1) - 48) + item.slice(2) : item));
    }
    if (Array.isArray(value)) return value.map(unpack);
    if (value && typeof value === 'object') {
      const out = {};
      for (const [key, item] of Object.entries(value)) out[/^[A-Z]$/.test(key) ? keys[key.charCodeAt(0) - 65] : key] = unpack(item);
      return out;
    }
    return value;
  };
  const files = unpack(packed);
  for (const file of files) {
    for (const set of Object.values(file.sets ?? {})) {
      if (set.product) {
        const [prefix, counts, units] = set.product;
        set.words = counts.split(' ').flatMap((count) => units.split(' ').map((unit) => prefix + count + unit));
        delete set.product;
      }
      if (set.fields) {
        const fields = set.fields;
        delete set.fields;
        set.words = Object.fromEntries(
          set.words.map((row) => {
            const [word, ...values] = row.split('=');
            return [word, Object.fromEntries(fields.map((field, i) => [field, values[i] || word]))];
          }),
        );
      }
    }
    for (const rule of file.rules) {
      for (const kind of ['requires', 'unless'])
        for (const condition of rule.conditions?.[kind] ?? [])
          if (condition.forms) condition.forms = condition.forms.map((form) => (form[0] === '@' ? rule.match[form.slice(1)] : form));
    }
  }
  return files;
}

// retext-equality's patterns (140 KB of source, most of the library) less those no kept rule
// reports: dignify drops every other message (match/equality.ts). A phrase belongs to the last
// pattern that lists it (its createPlugin), so a kept pattern also loses the phrases a later,
// dropped pattern takes over: retext-equality finds exactly what it found before, for the rules kept.
const { patterns } = await import(pathToFileURL(path.join(root, 'node_modules', 'retext-equality', 'lib', 'patterns-en.js')).href);
const equalityIds = new Set(ruleFiles.flatMap((file) => file.rules.flatMap((rule) => rule.equality ?? [])));
const owner = new Map();
for (const pattern of patterns) for (const phrase of Object.keys(pattern.inconsiderate)) owner.set(phrase, pattern.id);
const keptPatterns = patterns
  .filter((pattern) => equalityIds.has(pattern.id))
  .map((pattern) => ({
    ...pattern,
    // Only the message's text reads these (its note, its "may be better" list), and
    // match/equality.ts keeps nothing of a message but its ruleId and place; create-plugin.js reads
    // `considerate` only when it is there, `categories` never.
    note: undefined,
    considerate: undefined,
    categories: undefined,
    inconsiderate: Object.fromEntries(Object.entries(pattern.inconsiderate).filter(([phrase]) => owner.get(phrase) === pattern.id)),
  }));
const missing = [...equalityIds].filter((id) => !keptPatterns.some((pattern) => pattern.id === id));
if (missing.length) throw new Error(`retext-equality has no pattern ${missing.join(', ')}`);
// The stored texts (storeText): the packed rules first. A name no module declares, so esbuild leaves
// it as it is; storeText renames it to a short name the script does not use and declares it.
const STORED = '__dignifyStoredTexts';
const STAND_INS = {
  'rules/builtin': `import { compileRules } from ${JSON.stringify(path.join(root, 'src/rules/compile.ts'))};
${unpackRules.toString()}
const FILES = unpackRules(${STORED}[0], ${JSON.stringify(KEYS)});
let cached;
export function builtinRuleFiles() { return FILES; }
export function builtinRules() { return (cached ??= compileRules(FILES)); }
export function builtinRulePaths() { throw new Error('no rule files in the warehouse build'); }`,
  // The four parsers of markup throw one short error (every byte counts: Snowflake's 100 KB).
  'parse/markdown': `export function markdownTrees() { throw new Error('plain text only'); }`,
  'parse/html': `export function htmlTrees() { throw new Error('plain text only'); }`,
  'fix/segments-markdown': `export function markdownSegments() { throw new Error('plain text only'); }`,
  // Markup inside words (lint-document.ts asks it of Markdown and HTML only): never called on plain text.
  'parse/markup-words': 'export function withoutWordMarkup() {} export function readablePhrase(actual) { return actual; }',
  // data/given-names.txt (455 KB) would take the script past Snowflake's 100 KB: no list, and so
  // none of what is read with it (a word is no given name; the patient is named no other way).
  'match/given-names':
    'export function isGivenName() { return false; } export function givenNameGender() {} export function patientNamedOtherwise() { return false; }',
  'fix/segments-html': `export function htmlSegments() { throw new Error('plain text only'); }`,
  // Nor a message (match/message.ts: the phrase, two suggestions and whose words, which lintText's
  // findings show): '' in its place; ~240 bytes gzipped.
  'match/message': 'export function messageFor() { return ""; }',
  // A row carries no fix (only rule, category, severity, offsets, actual and the first suggestion):
  // narrowing each fix to the words that change, or withholding it, alters only f.fix and
  // f.fixSkipped, which no row reads. 4.7 KB of code.
  'fix/refine': 'export function refineFixes(text, findings) { return findings; }',
  // Nor is a fix made: fitReplacement (a suggestion fitted to the case of the words it replaces and
  // to an article before them), withKnown ("known" taken into it) and fitPerson (a person-first
  // wording fitted to the words around it, or withheld) give only f.fix or f.fixSkipped; renderSuggestion and
  // possessiveSuggestion ("the addict's" -> "the person with …'s"), the row's suggestion, stay;
  // mayBeArticle is asked only for a fix's article.
  'match/suggest': `export { AGE, AGE_SEX, COPULAS, HEADER_MODIFIER, PATIENT_NOUN, SEX, possessiveSuggestion, renderSuggestion } from ${JSON.stringify(path.join(root, 'src/match/suggest.ts'))};
export function fitReplacement() {}
export function mayBeArticle() { return false; }
export function withKnown() {}
export function withEx() {}
export function fitPerson(text, from, end, suggestion) { return { end, suggestion }; }`,
  // compile.ts gives a compiled rule the lazy examples and conditions of its definition (none here:
  // the rules are plain data, unpacked without examples) and reads conditionPatterns only with stored
  // expansions (none here either: compile.ts asks for them only when storedHolds); the getters and
  // loaders of the lazy fields go, and conditionPatterns is never called.
  'rules/lean': `export function conditionPatterns() { throw new Error('no stored expansions here'); }
export function copyLazyFields() { return false; }
export function definitionFields(def) { return def; }`,
  // parseAt with parse-english's own plugins (positioned-english.ts), which the bundle holds anyway,
  // instead of latin-tree.ts's port of them: the same trees (test/latin-tree.test.ts), without the port's bytes.
  'parse/positioned': `export { parseAt } from ${JSON.stringify(path.join(root, 'src/parse/positioned-english.ts'))};`,
  // A line condition read afresh at each candidate (line-window.ts readLine), without line-holds.ts's
  // answers kept per line and sentence and its 'i' twins of the 'iu' regexes: the same answers
  // (test/line-holds.test.ts), ~170 bytes gzipped less, and a row is one note.
  'match/line-holds': `import { lineAround } from ${JSON.stringify(path.join(root, 'src/parse/lines.ts'))};
import { readLine } from ${JSON.stringify(path.join(root, 'src/match/line-window.ts'))};
export function lineHolds(condition, text, offset, sentence) {
  const [start, end] = lineAround(text, offset);
  return readLine(condition.regex, text, start, end, offset, sentence);
}`,
  // No walker of the scanner's words (word-walk.ts): the scanner runs its regex on every text, as it
  // does once it has walked 64 KB (prefilter.ts walkLimits), so only a process's first rows differ, by
  // compiling the regex (once); mayHoldEquality answers "may" and confirmAt scans the block as confirm
  // does, so the findings are the same (test/word-walk.test.ts, walkLimits.text 0). ~400 bytes gzipped
  // (branch scan, 3b10123), taken 2026-12-03 for prefilter.ts's per-word records (HitWord).
  'match/word-walk': 'export function wordWalker() {}',
  // phrase-check.ts's one-position walks always give up, so the set walk answers: the same answers
  // (test/phrase-check.test.ts), speed only.
  'match/phrase-check-one': 'export function forwardsOne() {}\nexport function backwardsOne() {}',
  // resolveOptions as it resolves no options, the one call the build makes (portable.ts: dignify_findings(text)
  // calls lintTextSync(text), which calls resolveOptions() with none): no severities, the default preset,
  // whose rules are builtinPresetRules('recommended'), no allow phrases, quotes 'info' (test/warehouse.test.ts
  // holds resolveOptions() to these). The checks and messages for options a user gives (severities, rule ids
  // with didYouMean's edit distance, presets, allow patterns, quote modes) and presetRules go: 963 bytes gzipped.
  'lint/options': `import { builtinPresetRules } from ${JSON.stringify(path.join(root, 'src/rules/builtin-presets.ts'))};
export class OptionsError extends Error {}
export const shown = String;
// warehouseFindings gives lintTextSync String(text) and no options: neither check has work here.
export function checkText() {}
export function checkOptionKeys() {}
export const OPTION_KEYS = [];
export function resolveOptions(options) {
  if (options) throw new OptionsError('no options in the warehouse build');
  return { rules: builtinPresetRules('recommended'), severities: {}, allow: [], quotes: 'info', preset: 'recommended' };
}`,
};
const PATTERNS_EN = /[\\/]retext-equality[\\/]lib[\\/]patterns-en\.js$/;
// parse-latin's regular expressions, their long character classes written as code-unit ranges
// (scripts/compact-classes.js: the same classes, 7.3 KB gzipped → 3.1 KB).
const EXPRESSIONS = /[\\/]parse-latin[\\/]lib[\\/]expressions\.js$/;
const expressionsModule = compactModule(await import(pathToFileURL(path.join(root, 'node_modules', 'parse-latin', 'lib', 'expressions.js')).href));
// unified and retext-english: parse-text.ts parses with them only in parseText, the whole-text
// parse of lintDocumentWhole (the slow reference path, for tests) and of Markdown or HTML too
// long for their converters. Plain text is parsed block by block by positioned.ts (parse-english
// itself), so the warehouse never calls them; with them go trough, extend, is-plain-obj and bail.
const WHOLE_TEXT_PARSER = {
  unified: `export function unified() {
  const processor = { use: () => processor, freeze: () => processor, parse() { throw new Error('the whole-text parse is not in the warehouse build'); } };
  return processor;
}`,
  'retext-english': 'export default function retextEnglish() {}',
};
// vfile, for match/equality.ts, the one module of the build that imports it: it makes a VFile for
// retext-equality's messages and reads each message's ruleId and place, nothing else. The stand-in
// keeps what vfile's message() (vfile-message) makes of retext-equality's call (a reason and
// options {ancestors, place, ruleId, source}): the ruleId, and the place, or the position of the
// last ancestor when there is none. With vfile go vfile-message and unist-util-stringify-position.
const EQUALITY_VFILE = `export class VFile {
  constructor() { this.messages = []; }
  message(reason, options) {
    const parent = options.ancestors ? options.ancestors[options.ancestors.length - 1] : undefined;
    const message = { reason, ruleId: options.ruleId || undefined, source: options.source || undefined, place: options.place || (parent ? parent.position : undefined) || undefined };
    this.messages.push(message);
    return message;
  }
}`;
const standIns = {
  name: 'warehouse-stand-ins',
  setup(build) {
    build.onResolve({ filter: /^\.\.?\/.*\.js$/ }, (args) => {
      const target = path.relative(path.join(root, 'src'), path.resolve(args.resolveDir, args.path)).replace(/\\/g, '/').replace(/\.js$/, '');
      return target in STAND_INS ? { path: target, namespace: 'stand-in' } : undefined;
    });
    build.onResolve({ filter: /^(?:unified|retext-english)$/ }, (args) =>
      /[\\/]src[\\/]parse[\\/]parse-text\.ts$/.test(args.importer) ? { path: args.path, namespace: 'whole-text-parser' } : undefined,
    );
    build.onResolve({ filter: /^vfile$/ }, (args) =>
      /[\\/]src[\\/]match[\\/]equality\.ts$/.test(args.importer) ? { path: args.path, namespace: 'equality-vfile' } : undefined,
    );
    build.onLoad({ filter: /.*/, namespace: 'equality-vfile' }, () => ({ contents: EQUALITY_VFILE, loader: 'js' }));
    build.onLoad({ filter: /.*/, namespace: 'whole-text-parser' }, (args) => ({ contents: WHOLE_TEXT_PARSER[args.path], loader: 'js' }));
    build.onLoad({ filter: /.*/, namespace: 'stand-in' }, (args) => ({ contents: STAND_INS[args.path], loader: 'js', resolveDir: root }));
    build.onLoad({ filter: EXPRESSIONS }, () => ({ contents: expressionsModule, loader: 'js' }));
    build.onLoad({ filter: PATTERNS_EN }, () => ({ contents: `export const patterns = ${JSON.stringify(keptPatterns)};`, loader: 'js' }));
  },
};

mkdirSync(outdir, { recursive: true });
const result = await esbuild.build({
  absWorkingDir: root,
  entryPoints: ['src/core/warehouse.ts'],
  outfile,
  bundle: true,
  format: 'iife',
  platform: 'neutral',
  // vfile and unified pick their browser builds (no node:path, node:process, node:url).
  conditions: ['browser', 'default'],
  mainFields: ['browser', 'module', 'main'],
  target: 'es2020',
  minify: true,
  // compile.ts's checks of the rule data across files (a set or id defined twice, a suggestion naming
  // no set) and pattern.ts's of a pattern's syntax: the data here is the built-in rules, which the build
  // compiled with them. ~610 bytes gzipped.
  dropLabels: ['RULE_CHECKS'],
  legalComments: 'eof',
  // Kept in memory and written once, finished (below): esbuild's own output reads the stored texts
  // (STORED) that only storeText declares, so a build stopped half-way leaves no script that fails.
  write: false,
  metafile: true,
  plugins: [standIns],
  logLevel: 'warning',
});
writeFileSync(path.join(outdir, 'meta.json'), JSON.stringify(result.metafile));
writeFileSync(outfile, await storeText(await splitWordArrays(result.outputFiles[0].text)));
const built = readFileSync(outfile);
console.log(
  `dignify: warehouse build dist/warehouse/dignify.js (${(built.length / 1024).toFixed(0)} KB, ${(gzipSync(built).length / 1024).toFixed(0)} KB gzipped)`,
);

/**
 * TypeScript's compiler API, the parser of the script's code (splitWordArrays, storeText): a
 * devDependency, which `npm run build` has run (tsc) before this script. Loaded once, when first asked.
 * require, not import(): Node's ESM loader scans the 9 MB CommonJS file for its export names first
 * (cjs-module-lexer), about 0.9 s of CPU in the build's longest step.
 */
function typescript() {
  // Kept on the function: the script's top-level await calls it before a `let` below would be set.
  typescript.module ??= createRequire(import.meta.url)('typescript');
  return typescript.module;
}

/**
 * The minified script's arrays of four or more words (string literals without blanks: the code's
 * word lists, ["the","our","their","this","main"]) written as one string split at blanks,
 * "the our their this main".split(" "): the same new array where the literal stood, without the
 * quotes and commas (~0.3 KB gzipped). Found with TypeScript's parser, so only array literals of
 * the code are rewritten (not text inside strings or regular expressions).
 */
async function splitWordArrays(script) {
  const ts = typescript();
  const file = ts.createSourceFile('dignify.js', script, ts.ScriptTarget.ES2020, true, ts.ScriptKind.JS);
  const arrays = [];
  const visit = (node) => {
    if (
      ts.isArrayLiteralExpression(node) &&
      node.elements.length >= 4 &&
      node.elements.every((item) => ts.isStringLiteral(item) && /^[^\s"\\]+$/.test(item.text))
    ) {
      arrays.push(node);
      return;
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  let out = script;
  for (const node of arrays.reverse())
    out = `${out.slice(0, node.getStart(file))}${JSON.stringify(node.elements.map((item) => item.text).join(' '))}.split(" ")${out.slice(node.end)}`;
  return out;
}

/**
 * The packed rules and the code's strings of STORED_LENGTH characters or more, compressed together
 * at build time (compressText) and expanded when the script starts, before any of its modules runs:
 * the script opens with `var W = JSON.parse(expandText(…))` (W a name the script does not use,
 * STORED in the modules), W[0] the packed rules (the stand-in for rules/builtin.ts unpacks them) and
 * in place of each literal what makes the same value from W[i]:
 * - a string literal (the word lists above, messages, regular expressions' sources): W[i];
 * - a regular expression literal the script makes once, at start: RegExp(W[i], flags);
 * - String.raw`…` (a template of regular expression syntax): its raw text W[i]; with substitutions of
 *   names, made once at start: String.raw({raw: [W[i], …]}, x, …), the same call.
 * The model predicts the code's words from the rules' words (patient, nurse, refuse …): the 399
 * strings (40 KB) take 12.4 KB there where gzip took 17.0 KB of them in the code (2026-12-03; 20
 * characters or more: 10, 14, 17 and 24 saved less). A literal stays where it is when it is a name
 * (a property's, a method's) or a directive ("use strict").
 */
async function storeText(script) {
  const STORED_LENGTH = 20;
  const head = '"use strict";(()=>{';
  if (!script.startsWith(head)) throw new Error(`bundle-warehouse: the script does not open with ${head}`);
  if (!script.includes(STORED)) throw new Error(`bundle-warehouse: the script does not read ${STORED}`);
  // The shortest name that no word of the script spells (in code, strings or regular expressions
  // alike), so it declares, shadows and reads nothing else.
  const words = new Set(script.match(/[\p{L}\p{N}_$]+/gu));
  const letters = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';
  const name = [...letters, ...[...letters].flatMap((a) => [...letters].map((b) => a + b))].find(
    (candidate) => !words.has(candidate) && !['do', 'if', 'in'].includes(candidate),
  );
  const ts = typescript();
  const strings = [];
  let out = script;
  const file = ts.createSourceFile('dignify.js', script, ts.ScriptTarget.ES2020, true, ts.ScriptKind.JS);
  // What is stored: [node, its strings, what stands in its place given their references W[i] …].
  const literals = [];
  const rawTemplate = (node) => ts.isTaggedTemplateExpression(node) && node.getText(file).startsWith('String.raw`');
  const visit = (node, functions) => {
    const parent = node.parent;
    if (
      (ts.isStringLiteral(node) || (ts.isNoSubstitutionTemplateLiteral(node) && !ts.isTaggedTemplateExpression(parent))) &&
      node.text.length >= STORED_LENGTH &&
      parent.name !== node &&
      !ts.isExpressionStatement(parent) &&
      // Made once, at start, or thrown. A literal read in a function stays: V8 keeps literals as
      // internalized strings, which it compares by address and whose split(" ") it caches; a string
      // of JSON.parse is neither, and the warehouse's lint (that "a b c".split(" ").includes(word),
      // ===) ran ~10% slower over the corpus with them stored.
      (functions === 1 || ts.findAncestor(node, ts.isThrowStatement))
    )
      literals.push([node, [node.text], ([ref]) => ref]);
    else if (rawTemplate(node) && ts.isNoSubstitutionTemplateLiteral(node.template)) {
      // String.raw`…` without substitutions: its raw text, stored as it is.
      const text = node.getText(file);
      if (new Function(`return ${text}`)() !== node.template.rawText) throw new Error(`bundle-warehouse: ${text} is not its raw text`);
      if (node.template.rawText.length >= STORED_LENGTH) literals.push([node, [node.template.rawText], ([ref]) => ref]);
      return;
    } else if (rawTemplate(node) && functions === 1 && node.template.templateSpans.every((span) => ts.isIdentifier(span.expression))) {
      // String.raw`a${x}b` made once, at start, of names: String.raw({raw: ['a', 'b']}, x), the same
      // call (String.raw reads the raw strings of the object it is given), with the raw strings stored.
      const { head, templateSpans } = node.template;
      const raws = [head.rawText, ...templateSpans.map((span) => span.literal.rawText)];
      const args = templateSpans.map((span) => span.expression.text);
      const make = (refs) => `String.raw({raw:[${refs.join(',')}]},${args.join(',')})`;
      const text = node.getText(file);
      const samples = args.map((_, i) => `(${i})`);
      if (new Function(...args, `return ${text}`)(...samples) !== new Function(...args, `return ${make(raws.map((raw) => JSON.stringify(raw)))}`)(...samples))
        throw new Error(`bundle-warehouse: ${text} is not ${make(raws)}`);
      literals.push([node, raws, make]);
      return;
    } else if (ts.isRegularExpressionLiteral(node) && functions === 1) {
      // A regular expression the script makes once, at start (in no function or class but the
      // script's own function): RegExp(source, flags) makes the same one there. In a function (or a
      // class's field, made with each instance) it stays a literal: each call would make a RegExp
      // from its string.
      const text = node.getText(file);
      const source = text.slice(1, text.lastIndexOf('/'));
      const flags = text.slice(text.lastIndexOf('/') + 1);
      const literal = new Function(`return ${text}`)();
      const made = new RegExp(source, flags);
      if (made.source !== literal.source || made.flags !== literal.flags) throw new Error(`bundle-warehouse: RegExp(${source}) is not ${text}`);
      if (source.length >= STORED_LENGTH) literals.push([node, [source], ([ref]) => `RegExp(${ref}${flags ? `,${JSON.stringify(flags)}` : ''})`]);
    }
    ts.forEachChild(node, (child) => visit(child, functions + (ts.isFunctionLike(node) || ts.isClassLike(node) ? 1 : 0)));
  };
  visit(file, 0);
  const replaced = literals.map(([node, texts, make]) => {
    const refs = texts.map((text) => `${name}[${strings.push(text)}]`);
    return [node, make(refs)];
  });
  for (const [node, text] of replaced.reverse()) {
    const start = node.getStart(file);
    // A space after a word the literal followed unspaced (return"…" → return W[i], not returnW[i]).
    const space = /[\p{L}\p{N}_$]/u.test(out[start - 1] ?? '') ? ' ' : '';
    out = `${out.slice(0, start)}${space}${text}${out.slice(node.end)}`;
  }
  // The rewritten script names nothing new but W and RegExp: a literal taken out never joined the
  // words around it into another name.
  const names = (code) => {
    const found = new Set();
    const visitNames = (node) => {
      if (ts.isIdentifier(node)) found.add(node.text);
      ts.forEachChild(node, visitNames);
    };
    visitNames(ts.createSourceFile('dignify.js', code, ts.ScriptTarget.ES2020, true, ts.ScriptKind.JS));
    return found;
  };
  const before = names(script);
  const added = [...names(out)].filter((n) => !before.has(n) && n !== name && n !== 'RegExp');
  if (added.length) throw new Error(`bundle-warehouse: storing the literals made new names: ${added.join(', ')}`);
  // JSON with every character past ASCII as its \u escape (the coder codes bytes below 128).
  const json = `[${[rulesJson, ...strings.map((s) => JSON.stringify(s))].join(',')}]`;
  const ascii = json.replace(/[^\0-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  const digits = compressText(ascii);
  if (expandText(digits, ascii.length) !== ascii || /["\\$]/.test(digits))
    throw new Error('bundle-warehouse: the compressed text does not expand to the rules and strings');
  const stored = JSON.parse(ascii);
  if (JSON.stringify(stored[0]) !== rulesJson || JSON.stringify(stored.slice(1)) !== JSON.stringify(strings))
    throw new Error('bundle-warehouse: the stored text does not parse to the rules and strings');
  const { code } = await esbuild.transform(
    `var ${name} = (() => {\n${textModel}\n${expandText}\nreturn JSON.parse(expandText("${digits}", ${ascii.length}));\n})();`,
    { minify: true, target: 'es2020' },
  );
  return head + code.trim() + out.slice(head.length).replaceAll(STORED, name);
}

// The SQL that creates it (docs/warehouse.md): Snowflake keeps the code in the function's body
// (between $$ … $$, so the script must not hold "$$"); BigQuery loads it from Cloud Storage.
const script = readFileSync(outfile, 'utf8').trim();
if (script.includes('$$')) throw new Error('dist/warehouse/dignify.js holds "$$": it cannot stand in a Snowflake $$-quoted body');
// Snowflake evaluates a JavaScript UDF's body for every row; the guard runs the script once per
// JavaScript environment (Snowflake's documented pattern for expensive initialization).
const snowflake = `-- dignify ${JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')).version}: the findings of a note as a Snowflake JavaScript UDF (an ARRAY of
-- OBJECTs) and UDTF (one row per finding). Made by \`npm run build\`; see docs/warehouse.md.

CREATE OR REPLACE FUNCTION dignify_findings(NOTE_TEXT VARCHAR)
  RETURNS ARRAY
  LANGUAGE JAVASCRIPT
  IMMUTABLE
AS $$
if (typeof dignify_findings === 'undefined') {
${script}
}
return dignify_findings(NOTE_TEXT);
$$;

CREATE OR REPLACE FUNCTION dignify_findings_table(NOTE_TEXT VARCHAR)
  RETURNS TABLE (RULE_ID VARCHAR, CATEGORY VARCHAR, SEVERITY VARCHAR, START_OFFSET NUMBER, END_OFFSET NUMBER, ACTUAL VARCHAR, SUGGESTION VARCHAR)
  LANGUAGE JAVASCRIPT
  IMMUTABLE
AS $$
{
  initialize: function (argumentInfo, context) {
    if (typeof dignify_findings === 'undefined') {
${script}
    }
  },
  processRow: function (row, rowWriter, context) {
    var found = dignify_findings(row.NOTE_TEXT);
    for (var i = 0; i < found.length; i++) {
      var f = found[i];
      rowWriter.writeRow({ RULE_ID: f.rule_id, CATEGORY: f.category, SEVERITY: f.severity, START_OFFSET: f.start, END_OFFSET: f.end, ACTUAL: f.actual, SUGGESTION: f.suggestion });
    }
  }
}
$$;
`;
writeFileSync(path.join(outdir, 'snowflake.sql'), snowflake);
// BigQuery: INT64 cannot cross into or out of a JavaScript UDF, so offsets come back as FLOAT64
// (exact up to 2^53); END is a reserved word, hence start_offset/end_offset.
const bigquery = `-- dignify: the findings of a note as a BigQuery JavaScript UDF. Copy dist/warehouse/dignify.js to
-- Cloud Storage first (gsutil cp dist/warehouse/dignify.js gs://YOUR_BUCKET/dignify/dignify.js).

CREATE OR REPLACE FUNCTION \`YOUR_PROJECT.YOUR_DATASET.dignify_findings\`(note_text STRING)
RETURNS ARRAY<STRUCT<rule_id STRING, category STRING, severity STRING, start_offset FLOAT64, end_offset FLOAT64, actual STRING, suggestion STRING>>
DETERMINISTIC
LANGUAGE js
OPTIONS (library = ['gs://YOUR_BUCKET/dignify/dignify.js'])
AS r"""
  return dignify_findings(note_text).map(function (f) {
    return { rule_id: f.rule_id, category: f.category, severity: f.severity, start_offset: f.start, end_offset: f.end, actual: f.actual, suggestion: f.suggestion };
  });
""";
`;
writeFileSync(path.join(outdir, 'bigquery.sql'), bigquery);
console.log('dignify: wrote dist/warehouse/snowflake.sql and bigquery.sql');
