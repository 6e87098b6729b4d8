// A .json file is a document to dignify, read as plain text: JSON Lines is the JSON export it
// reads. Read as text, every JSON string stands inside quotation marks, so every finding in it is
// `info (quoted)`: a JSON array of notes gave a clean audit (exit 0, and nothing at all with -q) in
// a newcomer trial. Such a file is still read as text (a .json template or config keeps its
// findings), with a warning that says how to read it as the export it looks like.
import { namedLikeText } from './columns.js';
import { plural } from '../core/plural.js';

/** Above this many characters a .json text is judged by its start alone, not parsed: JSON.parse of 256 MB would hold it many times over. */
const PARSE_LIMIT = 16 * 1024 * 1024;

const isRecord = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);
const isRecords = (v: unknown): v is Record<string, unknown>[] => Array.isArray(v) && v.length > 0 && v.every(isRecord);

/** How jq names a key: `.notes`, or `.["the notes"]`. */
const jqKey = (key: string) => (/^[A-Za-z_][A-Za-z0-9_]*$/.test(key) ? `.${key}` : `.[${JSON.stringify(key)}]`);

/**
 * The warning (one line, without the file's name) for the text of a .json file read as plain text
 * that looks like an export of notes, or undefined for any other text:
 * - an array whose items are all objects (records), however named their fields;
 * - an object with an array of objects as a value (`{"notes": [{…}]}`, the first such key);
 * - an object with a string field named like note text (one record: `note_text`, `text`, `note`, …).
 * A text over 16 M characters is judged by its start (`[{` or `{"`), without counting.
 */
export function jsonExportWarning(text: string): string | undefined {
  const say = (what: string, save: string) =>
    `warning: looks like a JSON export (${what}) but is read as plain text, where every JSON string counts as a quotation (its findings are info); ${save}, or pass --input-format text to read it as text without this warning`;
  const lines = "save it as JSON Lines, one object a line (jq -c '.[]')";
  if (text.length > PARSE_LIMIT) {
    if (/^\uFEFF?\s*\[\s*\{/.test(text)) return say('an array of objects', lines);
    return undefined;
  }
  const start = /^\uFEFF?\s*([[{])/.exec(text);
  if (!start) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    return undefined; // not JSON: a document that happens to be named .json
  }
  if (isRecords(value)) return say(`an array of ${plural(value.length, 'object')}`, lines);
  if (!isRecord(value)) return undefined;
  const inner = Object.entries(value).find(([, v]) => isRecords(v));
  if (inner) {
    const [key, records] = inner as [string, unknown[]];
    return say(`an object whose "${key}" holds ${plural(records.length, 'object')}`, `save them as JSON Lines, one object a line (jq -c '${jqKey(key)}[]')`);
  }
  const field = Object.keys(value).find((k) => typeof value[k] === 'string' && namedLikeText(k));
  if (field === undefined) return undefined;
  // JSON Lines reads a record on one line as it is; a record over many lines is made one line first.
  const save = text.trim().includes('\n') ? "save it as JSON Lines, the object on one line (jq -c '.')" : 'pass --input-format jsonl to read it as JSON Lines';
  return say(`an object with a "${field}" field`, save);
}
