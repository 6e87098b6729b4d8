// How the CLI words malformed export records, shared by `dignify` and `dignify report`: each one
// named by file, line and row as it is met, then one count per file at the end. A file name holding a
// line break or another control character is written as a JSON string (where.ts oneLine): one line each.
import type { LintOutcome } from '../engine/lint-files.js';
import type { RecordRef } from '../inputs/document.js';
import { oneLine } from '../output/where.js';
import { grouped, plural, pluralGrouped } from '../core/plural.js';

export function badRecordMessage(file: string, record: RecordRef, error: string): string {
  const where = record.line ? `line ${record.line} (row ${record.row})` : `row ${record.row}`; // Parquet has no lines
  return `${oneLine(file)}: ${where}: skipped a malformed record: ${error}`;
}

/**
 * The count of a file's malformed records; with `records` (lint), how many of its records were read
 * and linted before it, so the run says what the findings cover ("59 records read, 58 linted; 1
 * malformed record skipped"): a skipped record is not lost in the count. `records.leftOut`: FHIR
 * attachments left out with a warning (a url only, a type not read), named so the counts add up
 * ("10 records read, 7 linted, 2 left out with a warning; 1 malformed record skipped").
 */
export function badRecordsSummary(file: string, count: number, skipBadRecords: boolean | undefined, records?: RecordCounts): string {
  const read = records ? `${recordsRead(records)}; ` : '';
  return `${oneLine(file)}: ${read}${plural(count, 'malformed record')} ${skipBadRecords ? 'skipped' : 'skipped (exit 2; --skip-bad-records accepts them)'}`;
}

/**
 * "10 records read, 7 linted, 2 left out with a warning" (the last part only when some were), or
 * without a record left out and with `short`, "7 records linted" (the clean count line's words).
 */
export function recordsRead(records: RecordCounts, short = false): string {
  const leftOut = records.leftOut ?? 0;
  if (short && leftOut === 0) return `${pluralGrouped(records.linted, 'record')} linted`;
  return `${pluralGrouped(records.read, 'record')} read, ${grouped(records.linted)} linted${leftOut ? `, ${grouped(leftOut)} left out with a warning` : ''}`;
}

/** An export's records read (linted, left out with a warning, or malformed), and how many were linted and left out. */
export interface RecordCounts {
  read: number;
  linted: number;
  leftOut?: number;
}

/**
 * The record counts of a run's exports, by file, for the count lines (recordsRead, badRecordsSummary):
 * the lint and report commands count alike, so both say the same numbers of one export.
 */
export class RecordTally extends Map<string, Required<RecordCounts>> {
  /** One record of `file` read: linted, left out with a warning (a FHIR attachment given by url, of a type not read), or malformed. */
  count(file: string, kind: 'linted' | 'leftOut' | 'malformed'): void {
    const counts = this.get(file) ?? { read: 0, linted: 0, leftOut: 0 };
    counts.read++;
    if (kind === 'linted') counts.linted++;
    else if (kind === 'leftOut') counts.leftOut++;
    this.set(file, counts);
  }
}

/**
 * Whether `outcome` is a record read: an export's (it has a record), and not a later batch of a
 * long note's findings, which is the same record as its first. What the count line (RecordTally)
 * and the progress line count.
 */
export function isRecordRead(outcome: LintOutcome): outcome is LintOutcome & { record: RecordRef } {
  return 'record' in outcome && outcome.record !== undefined && !(outcome.kind === 'linted' && outcome.part && !outcome.part.first);
}
