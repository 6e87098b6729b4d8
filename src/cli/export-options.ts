// The export-only flags (--text-column, --text-field, --id-column, --id-field) choose a column or
// field of a record; on a file read as a document they would do nothing, silently: a JSON array
// linted as raw text (every string "quoted", errors turned to info, exit 0) passed a CI gate.
// Each named file that is not read as an export is said here, before anything is read. A file
// read as FHIR (--input-format fhir, or a .ndjson/.jsonl/.json file that starts like a resource)
// is said by its reader (note-sources.ts), which alone knows what a file found in a folder holds.
import { closeSync, openSync, readSync, statSync } from 'node:fs';
import path from 'node:path';
import { flagsApply } from '../inputs/columns.js';
import { formatEntry, formatOf, looksLikeFhir, type InputFormat } from '../inputs/formats.js';
import type { InputCliOptions } from './io.js';

const EXPORT_FLAGS = [
  ['textColumn', '--text-column'],
  ['textField', '--text-field'],
  ['idColumn', '--id-column'],
  ['idField', '--id-field'],
] as const;

/** Whether a file starts like a FHIR resource (its first 64 KB, as the reader sniffs them); false when it cannot be read. */
function startsLikeFhir(file: string): boolean {
  let fd: number | undefined;
  try {
    fd = openSync(file, 'r');
    const head = Buffer.alloc(65536);
    return looksLikeFhir(head.toString('utf8', 0, readSync(fd, head, 0, head.length, 0)));
  } catch {
    return false; // said later, by the reader
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/**
 * The problems of export-only flags given with named sources that are not exports.
 * `named`: the paths as given (globs and folders are left alone: their files are found later, and
 * a folder holds no export unless --ext asks); `stdinName`: standard input's name when it is read.
 * `errors`: a `.json` file that is not FHIR (not a supported export: a JSON array would be linted
 * as raw text), a usage error; `warnings`: any other document (the flags are ignored for it); a
 * FHIR `.json` file is neither (its reader warns). Each is one line
 * starting with the file's name, without the "dignify: " prefix.
 */
export function exportFlagProblems(
  named: readonly string[],
  options: InputCliOptions,
  cwd: string,
  stdinName?: string,
): { errors: string[]; warnings: string[] } {
  const flags = EXPORT_FLAGS.filter(([key]) => options[key] !== undefined).map(([, flag]) => flag);
  const errors: string[] = [];
  const warnings: string[] = [];
  if (flags.length === 0) return { errors, warnings };
  const apply = flagsApply(flags);
  const check = (name: string, file?: string) => {
    const format: InputFormat = formatOf(name, options.inputFormat);
    if (formatEntry(format).read !== 'text' && formatEntry(format).read !== 'docx') return;
    if (!options.inputFormat && /\.json$/i.test(name)) {
      // A FHIR resource or Bundle is read as FHIR, not as text: its reader says the flags are ignored.
      if (file !== undefined && startsLikeFhir(file)) return;
      errors.push(`${name}: ${apply}; a .json file is read as text (save it as JSON Lines, one object per line, .jsonl)`);
    } else {
      warnings.push(
        `${name}: warning: ${apply}; it is read as ${format === 'text' ? 'plain text' : format} and ${flags.length === 1 ? 'the flag is' : 'the flags are'} ignored for it`,
      );
    }
  };
  for (const name of named) {
    const file = path.resolve(cwd, name);
    let isFile = false;
    try {
      isFile = statSync(file).isFile();
    } catch {
      // Not a file (a glob, or missing): said later, by the reader.
    }
    if (isFile) check(name, file);
  }
  if (stdinName !== undefined) check(stdinName);
  return { errors, warnings };
}
