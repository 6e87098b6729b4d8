// What the CLI talks to, passed in so the command can run inside tests.
import type { ColumnOptions } from '../inputs/columns.js';
import { type StdOutput, stdInput, stdOutput } from './stdio.js';

export const EXIT = { clean: 0, findings: 1, error: 2 } as const;

export interface Io {
  stdin: NodeJS.ReadableStream & { isTTY?: boolean };
  stdout: { write(s: string): unknown; isTTY?: boolean };
  stderr: { write(s: string): unknown; isTTY?: boolean };
  cwd: string;
  env: NodeJS.ProcessEnv;
  /**
   * Told once, when the first finding that decides exit code 1 is met: the real process records
   * it, so that `dignify … | head -1`, whose reader closes the pipe early, still exits 1.
   */
  onFailing?: () => void;
}

/**
 * The real process's standard input, output and error (stdio.ts: through their descriptors when
 * they are pipes or files, each made on first use), folder and environment.
 */
export function defaultIo(): Io {
  let stdin: Io['stdin'] | undefined;
  let stdout: StdOutput | undefined;
  let stderr: StdOutput | undefined;
  return {
    get stdin() {
      return (stdin ??= stdInput());
    },
    get stdout() {
      return (stdout ??= stdOutput(1));
    },
    get stderr() {
      return (stderr ??= stdOutput(2));
    },
    cwd: process.cwd(),
    env: process.env,
    onFailing: () => {
      process.exitCode = EXIT.findings;
      // The reader has gone (bin/dignify.js): nothing more can be shown, and the code is known.
      if (stdout?.destroyed) process.exit(EXIT.findings);
    },
  };
}

/** How notes are read from exports; the lint and report commands take the same flags. */
export interface InputCliOptions {
  inputFormat?: import('../inputs/formats.js').InputFormat;
  textColumn?: string;
  textField?: string;
  idColumn?: string;
  idField?: string;
  skipBadRecords?: boolean;
  /** --max-file-size, in bytes: a document (not an export, which is streamed) larger than this is refused. */
  maxFileSize?: number;
}

/**
 * A usage error when --text-column and --text-field (or --id-column and --id-field), one setting
 * under two names, are both given with different names: `textColumn ?? textField` dropped the
 * second without a word, and the flags are never ignored silently. The same name twice is fine.
 */
export function columnFlagConflict(options: InputCliOptions): string | undefined {
  const pairs = [
    ['textColumn', 'textField', '--text-column', '--text-field', "note's"],
    ['idColumn', 'idField', '--id-column', '--id-field', "record id's"],
  ] as const;
  for (const [column, field, columnFlag, fieldFlag, what] of pairs) {
    const a = options[column];
    const b = options[field];
    if (a !== undefined && b !== undefined && a !== b) {
      return `${columnFlag} ${JSON.stringify(a)} and ${fieldFlag} ${JSON.stringify(b)} name the ${what} column or field twice: give one (${fieldFlag} is ${columnFlag}'s name for JSON Lines)`;
    }
  }
  return undefined;
}

/**
 * The reader options those flags stand for (--text-field is --text-column for JSON Lines), with the
 * flags' names as given, for the readers' messages about them (ColumnOptions.flags).
 */
export function columnOptions(options: InputCliOptions): Pick<ColumnOptions, 'textColumn' | 'idColumn' | 'flags'> {
  const textColumn = options.textColumn ?? options.textField;
  const idColumn = options.idColumn ?? options.idField;
  const flags = {
    ...(textColumn !== undefined && { text: options.textColumn !== undefined ? '--text-column' : '--text-field' }),
    ...(idColumn !== undefined && { id: options.idColumn !== undefined ? '--id-column' : '--id-field' }),
  };
  return {
    ...(textColumn !== undefined && { textColumn }),
    ...(idColumn !== undefined && { idColumn }),
    ...((textColumn !== undefined || idColumn !== undefined) && { flags }),
  };
}

/**
 * The engine's size limit from --max-file-size (SourceOptions.maxFileBytes, bytes), or nothing for
 * the default (DEFAULT_MAX_FILE_BYTES, 256 MB): the lint and report commands refuse alike.
 */
export function maxFileOptions(options: InputCliOptions): { maxFileBytes?: number } {
  return options.maxFileSize === undefined ? {} : { maxFileBytes: options.maxFileSize };
}
