// FHIR R4 notes: the note-bearing resources of a FHIR Bulk Data export ($export writes one NDJSON
// file per resource type, or mixed), a single resource or a Bundle in a .json file.
//
//   DocumentReference   every content[].attachment with inline data (base64)
//   DiagnosticReport    every presentedForm[] attachment, and its conclusion
//   Composition         every section's narrative (section.text.div, XHTML), nested sections too
//   Bundle              the entries' resources, these three kinds (a Bundle inside a Bundle too)
//
// An attachment is text/plain, text/html (or XHTML) or text/markdown, and is linted by the reader
// for its type, so HTML and Markdown markup is not prose. Each note is a record named by its
// resource ("DocumentReference/abc") and the part it comes from ("content[1]", "section[0] Plan");
// findings are at line:column inside the decoded text. Nothing is dropped silently:
//   - an attachment given only by url (dignify fetches nothing), without a contentType, or of a type
//     it does not read (application/pdf) → 'skipped', with the resource and part;
//   - base64 that is not base64, bytes not in the stated charset, a line that is not JSON → 'bad-record';
//   - resources that hold no notes (Patient, Observation, …) → one notice with their counts.
import type { Attachment, Composition, CompositionSection, DiagnosticReport, DocumentReference } from 'fhir/r4.js';
import { plural } from '../core/plural.js';
import { getPath } from './columns.js';
import { textLines } from './decode.js';
import type { Document, RecordRef } from './document.js';
import { jsonSyntaxError } from './json-error.js';

export type FhirEvent =
  | { kind: 'record'; doc: Document }
  | { kind: 'bad-record'; record: RecordRef; error: string }
  /** `what`: what was left out, a short label to count by: `url-only`, `no data`, `no contentType`, a content type (`application/pdf`), `charset <name>`. */
  | { kind: 'skipped'; record: RecordRef; reason: string; what: string }
  | { kind: 'notice'; message: string }
  | { kind: 'fatal'; error: string };

export interface FhirOptions {
  /**
   * Elements of the note's resource to keep on each record as `record.fields` (the report's
   * --group-by and --date-column), in FHIRPath-like form: "type.coding[0].display",
   * "author[0].display", "date". An element the resource does not have is kept as ''.
   */
  fields?: readonly string[];
}

type Syntax = Document['syntax'];
const SYNTAX_BY_TYPE: Record<string, Syntax> = {
  'text/plain': 'text',
  'text/html': 'html',
  'application/xhtml+xml': 'html',
  'text/markdown': 'markdown',
  'text/x-markdown': 'markdown',
};

/** One thing found in a resource: a note, or why a part could not be one. */
type Part =
  | { kind: 'note'; resource: object; ref: string; part: string; syntax: Syntax; text: string }
  | { kind: 'skip'; ref: string; part: string; reason: string; what: string }
  | { kind: 'bad'; ref: string; part: string; error: string };

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/** "DocumentReference/abc", or the type and where it stands when it has no id. */
function refOf(resource: { resourceType?: unknown; id?: unknown }, where: string): string {
  return `${String(resource.resourceType)}/${typeof resource.id === 'string' && resource.id ? resource.id : `(no id, ${where})`}`;
}

/** An attachment's text, or why there is none. */
function attachmentText(resource: object, ref: string, part: string, attachment: Attachment | undefined): Part {
  if (!attachment || typeof attachment !== 'object') return { kind: 'bad', ref, part, error: 'no attachment' };
  const { contentType, data, url } = attachment;
  // `what` is the kind the audit report counts skipped attachments by (application/pdf ×2, url-only ×1).
  if (typeof data !== 'string') {
    if (typeof url === 'string')
      return { kind: 'skip', ref, part, what: 'url-only', reason: `attachment given only by url (${url}); dignify fetches nothing: export with inline data` };
    return { kind: 'skip', ref, part, what: 'no data', reason: 'attachment with neither data nor url' };
  }
  if (typeof contentType !== 'string' || contentType.trim() === '')
    return { kind: 'skip', ref, part, what: 'no contentType', reason: 'attachment with data but no contentType' };
  const [mime = '', ...params] = contentType.split(';').map((s) => s.trim());
  const syntax = SYNTAX_BY_TYPE[mime.toLowerCase()];
  if (!syntax)
    return {
      kind: 'skip',
      ref,
      part,
      what: mime.toLowerCase() || 'no contentType',
      reason: `content type ${mime} is not read (text/plain, text/html and text/markdown are)`,
    };
  const b64 = data.replace(/\s+/g, '');
  if (!BASE64.test(b64)) return { kind: 'bad', ref, part, error: `attachment.data is not valid base64` };
  const charset = params.map((p) => /^charset\s*=\s*"?([^";]+)"?$/i.exec(p)?.[1]).find(Boolean) ?? 'utf-8';
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(charset, { fatal: true });
  } catch {
    return { kind: 'skip', ref, part, what: `charset ${charset.toLowerCase()}`, reason: `charset ${charset} is not known` };
  }
  try {
    return { kind: 'note', resource, ref, part: `${part} (${mime})`, syntax, text: decoder.decode(Buffer.from(b64, 'base64')) };
  } catch {
    return { kind: 'bad', ref, part, error: `attachment.data is not valid ${charset}` };
  }
}

function* compositionSections(resource: Composition, ref: string, sections: CompositionSection[] | undefined, prefix: string): Generator<Part> {
  for (const [i, section] of (sections ?? []).entries()) {
    const part = `${prefix}section[${i}]`;
    const div = section?.text?.div;
    if (typeof div === 'string' && div.trim() !== '') {
      yield { kind: 'note', resource, ref, part: section.title ? `${part} "${section.title}"` : part, syntax: 'html', text: div };
    }
    yield* compositionSections(resource, ref, section?.section, `${part}.`);
  }
}

/** The parts of one resource (entries of a Bundle included); `other` counts resources with no notes, by type. */
function* partsOf(resource: unknown, where: string, other: Map<string, number>): Generator<Part> {
  if (resource === null || typeof resource !== 'object' || Array.isArray(resource)) {
    yield { kind: 'bad', ref: where, part: '', error: 'not a JSON object' };
    return;
  }
  const type = (resource as { resourceType?: unknown }).resourceType;
  if (typeof type !== 'string') {
    yield { kind: 'bad', ref: where, part: '', error: 'not a FHIR resource (no resourceType)' };
    return;
  }
  let found = false;
  const ref = refOf(resource as { id?: unknown }, where);
  if (type === 'DocumentReference') {
    const doc = resource as DocumentReference;
    for (const [i, content] of (Array.isArray(doc.content) ? doc.content : []).entries()) {
      found = true;
      yield attachmentText(doc, ref, `content[${i}]`, content?.attachment);
    }
  } else if (type === 'DiagnosticReport') {
    const report = resource as DiagnosticReport;
    for (const [i, form] of (Array.isArray(report.presentedForm) ? report.presentedForm : []).entries()) {
      found = true;
      yield attachmentText(report, ref, `presentedForm[${i}]`, form);
    }
    if (typeof report.conclusion === 'string' && report.conclusion.trim() !== '') {
      found = true;
      yield { kind: 'note', resource: report, ref, part: 'conclusion', syntax: 'text', text: report.conclusion };
    }
  } else if (type === 'Composition') {
    for (const part of compositionSections(resource as Composition, ref, (resource as Composition).section, '')) {
      found = true;
      yield part;
    }
  } else if (type === 'Bundle') {
    const entries = (resource as { entry?: unknown }).entry;
    for (const [i, entry] of (Array.isArray(entries) ? entries : []).entries()) {
      const inner = (entry as { resource?: unknown } | null)?.resource;
      if (inner !== undefined) yield* partsOf(inner, `${ref} entry[${i}]`, other);
    }
    return;
  }
  if (!found) {
    const key = ['DocumentReference', 'DiagnosticReport', 'Composition'].includes(type) ? `${type} without note text` : type;
    other.set(key, (other.get(key) ?? 0) + 1);
  }
}

/** An element of a resource by a FHIRPath-like path ("type.coding[0].display"), as text; '' when absent. */
export function fhirField(resource: object, path: string): string {
  const value = getPath(resource, path.replace(/\[(\d+)\]/g, '.$1'));
  if (value === undefined || value === null) return '';
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

/**
 * Reads FHIR resources from a byte stream: NDJSON (one resource per line: Bulk Data) when its first
 * line is a whole JSON value, else the whole text as one JSON value (a resource or a Bundle). Each note becomes a record numbered from 1 in the
 * file, with the resource as its id (idName "resource"), the part as `record.part` and the NDJSON
 * line (1 for a .json file). Throws only what the stream throws (I/O) and DecodeError.
 */
export async function* readFhir(file: string, stream: AsyncIterable<Buffer | string>, options: FhirOptions = {}): AsyncGenerator<FhirEvent> {
  const other = new Map<string, number>();
  let row = 0;
  const fields = options.fields ?? [];

  function* emit(parts: Iterable<Part>, line: number): Generator<FhirEvent> {
    for (const p of parts) {
      const record: RecordRef = { row: ++row, line, id: p.ref, idName: 'resource', ...(p.part && { part: p.part }) };
      if (p.kind === 'note') {
        if (fields.length) record.fields = Object.fromEntries(fields.map((f) => [f, fhirField(p.resource, f)]));
        yield { kind: 'record', doc: { file, syntax: p.syntax, text: p.text.replace(/^\uFEFF/, ''), record } };
        continue;
      }
      const name = `${p.ref}${p.part ? ` ${p.part}` : ''}`;
      if (p.kind === 'skip') yield { kind: 'skipped', record, reason: `${name}: ${p.reason}`, what: p.what };
      // A line that is no resource has no name but its line, which the message already gives
      // ("line 2 (row 2): … line 2: not a FHIR resource" said it twice).
      else yield { kind: 'bad-record', record, error: p.ref === `line ${line}` && !p.part ? p.error : `${name}: ${p.error}` };
    }
  }

  const warnings: string[] = [];
  const lines = textLines(stream, (m) => warnings.push(m));
  // NDJSON or one (pretty-printed) JSON value: the first non-blank line tells.
  let ndjson: boolean | undefined;
  const all: string[] = [];
  let number = 0;
  for await (const line of lines) {
    number++;
    if (warnings.length) yield { kind: 'notice', message: warnings.shift()! };
    if (ndjson === false) {
      all.push(line);
      continue;
    }
    if (line.trim() === '') {
      if (ndjson === undefined) all.push(line);
      continue;
    }
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (e) {
      if (ndjson === undefined) {
        ndjson = false;
        all.push(line);
        continue;
      }
      yield { kind: 'bad-record', record: { row: ++row, line: number }, error: jsonSyntaxError(e) };
      continue;
    }
    ndjson = true;
    yield* emit(partsOf(value, `line ${number}`, other), number);
  }
  if (ndjson === false) {
    if (warnings.length) yield { kind: 'notice', message: warnings.shift()! };
    let value: unknown;
    try {
      value = JSON.parse(all.join('\n'));
    } catch (e) {
      yield { kind: 'fatal', error: jsonSyntaxError(e) };
      return;
    }
    yield* emit(partsOf(value, 'the file', other), 1);
  }
  // The resources that took no row, which the count line at the end ("10 records read, 7 linted")
  // cannot show, as its records are parts (notes, and attachments skipped or malformed). It said "7
  // notes read" beside that line's "10 records read": two counts of "read" that did not agree.
  if (other.size) {
    const list = [...other].map(([type, n]) => `${type} ${n}`).join(', ');
    const left = [...other.values()].reduce((a, b) => a + b, 0);
    yield { kind: 'notice', message: `${plural(left, 'resource')} left out, holding no note text (no record): ${list}` };
  }
}

export { looksLikeFhir } from './formats.js';
