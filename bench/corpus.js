// Reads the notes of the shared corpus (../shared/corpus beside the repository, or
// $DIGNIFY_CORPUS): every text field of every record of every file. Used by the differential test
// of the fast path and by the benchmark; nothing here is copied into the repository.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** The corpus folder, or undefined when it is not there. */
export function corpusDir() {
  const candidates = [process.env.DIGNIFY_CORPUS, path.resolve(ROOT, '..', 'shared', 'corpus'), '/work/shared/corpus'];
  return candidates.find((dir) => dir && existsSync(dir));
}

/** MTSamples as records: {note_id, description, ..., transcription, keywords}. */
export function mtsamples(dir = corpusDir()) {
  return parse(readFileSync(path.join(dir, 'mtsamples.csv')), { columns: true, skip_empty_lines: true });
}

/** Every string field of every record of every .csv, .tsv and .jsonl file, as {file, field, text}. */
export function corpusTexts(dir = corpusDir()) {
  const out = [];
  for (const name of readdirSync(dir).sort()) {
    const file = path.join(dir, name);
    let records;
    if (name.endsWith('.jsonl')) {
      records = readFileSync(file, 'utf8')
        .split('\n')
        .filter((line) => line.trim())
        .map((line) => JSON.parse(line));
    } else if (name.endsWith('.csv') || name.endsWith('.tsv')) {
      records = parse(readFileSync(file), { columns: true, delimiter: name.endsWith('.tsv') ? '\t' : ',', relax_quotes: true, skip_empty_lines: true });
    } else continue;
    for (const record of records) {
      for (const [field, value] of Object.entries(record)) {
        if (typeof value === 'string' && value.length > 0) out.push({ file: name, field, text: value });
      }
    }
  }
  return out;
}
