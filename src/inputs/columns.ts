// Which column (CSV/TSV) or field (JSON Lines) holds the note, and which the record id: the
// user's choice, or a column named like a note ("note_text", "Transcription", …) said once.

export interface ColumnOptions {
  /** The column (CSV/TSV) or dotted field path (JSON Lines) holding the note text. */
  textColumn?: string;
  /** The column or field holding the record id. */
  idColumn?: string;
  /**
   * Other columns (dotted paths for JSON Lines) to keep on each record as `record.fields`
   * (the report's --group-by and --date-column). Only these are kept, so memory stays flat.
   */
  fields?: readonly string[];
  /**
   * Show no column or field name in a message (`--redact`): a CSV without a header row has its
   * first record read as the header, so a name may be note text. Without it, only the names that
   * read like note text are left out (nameLike).
   */
  hideNames?: boolean;
  /**
   * The flags that set textColumn and idColumn as the user typed them (`{ text: '--text-field' }`),
   * for messages that name them; without it, "--text-column" and "--id-column".
   */
  flags?: { text?: string; id?: string };
}

/** The export flags `options` holds, by name: ["--text-field", "--id-field"]. */
export function flagsGiven(options: ColumnOptions): string[] {
  return [
    ...(options.textColumn !== undefined ? [options.flags?.text ?? '--text-column'] : []),
    ...(options.idColumn !== undefined ? [options.flags?.id ?? '--id-column'] : []),
  ];
}

/**
 * "--text-field applies to CSV, TSV, JSON Lines and Parquet exports" (the start of a message about
 * export flags given for a source they do not apply to). Not FHIR: its notes are parts of
 * resources, named by resource and part, with no column or field to choose.
 */
export function flagsApply(flags: readonly string[]): string {
  return `${flags.join(' and ')} ${flags.length === 1 ? 'applies' : 'apply'} to CSV, TSV, JSON Lines and Parquet exports`;
}

const TEXT_NAMES = ['notetext', 'text', 'note', 'transcription', 'body'];
const ID_NAMES = ['noteid', 'id', 'recordid', 'documentid', 'docid', 'encounterid'];

const squash = (name: string) => name.toLowerCase().replace(/[^a-z0-9]/g, '');

function pick(names: readonly string[], wanted: readonly string[]): string | undefined {
  for (const w of wanted) {
    const hit = names.find((n) => squash(n) === w);
    if (hit !== undefined) return hit;
  }
  return undefined;
}

/**
 * Whether a column name reads like a header's name, not like a note: at most 40 UTF-16 code units and
 * four words, and no sentence end. A CSV export without a header row has its first record read as
 * the header, and the names of the messages below would echo a note to the terminal or a CI log.
 */
function nameLike(name: string): boolean {
  return name.length <= 40 && name.trim().split(/\s+/).length <= 4 && !/[.!?;](?:\s|$)/.test(name);
}

/**
 * `names` for a message: each quoted, or "column N" where it may be note text (nameLike), or every
 * one so with `hide`; then why some are not shown.
 */
function nameList(names: readonly string[], noun: 'column' | 'field', hide = false): string {
  if (names.length === 0) return '(none)';
  const like = names.map((n) => !hide && nameLike(n));
  const shown = names.map((n, i) => (like[i] ? `"${n}"` : `${noun} ${i + 1}`));
  if (hide) return `${shown.join(', ')}; names are not shown with --redact`;
  const hidden = like.filter((l) => !l).length;
  if (hidden === 0) return shown.join(', ');
  const what = hidden === 1 ? 'one name reads like note text and is' : `${hidden} names read like note text and are`;
  return `${shown.join(', ')}; ${what} not shown${noun === 'column' ? ': is the first row a record? An export needs a header row' : ''}`;
}

/** `fields`: each of ColumnOptions.fields, as named in the header (CSV/TSV) or as given (a JSON path). */
export type ColumnChoice = { text: string; id?: string; notice?: string; fields?: string[] } | { error: string };

/**
 * Chooses the text and id columns among `names` (a header, or the first record's fields), and
 * checks that the columns to keep exist: in the header, or (JSON Lines, given `has`) in the first record.
 */
export function chooseColumns(
  names: readonly string[],
  options: ColumnOptions,
  noun: 'column' | 'field',
  has?: (path: string) => boolean,
  /** The names the text may be found among when not given (JSON Lines: string-valued fields only); default `names`. */
  textNames: readonly string[] = names,
): ColumnChoice {
  const list = nameList(names, noun, options.hideNames);
  const flag = noun === 'column' ? '--text-column' : '--text-field';
  const given = (name: string | undefined) =>
    name === undefined || names.includes(name) || noun === 'field' ? name : names.find((n) => squash(n) === squash(name));
  if (options.textColumn !== undefined && given(options.textColumn) === undefined) {
    return { error: `no ${noun} "${options.textColumn}"; the ${noun}s are ${list}` };
  }
  if (options.idColumn !== undefined && given(options.idColumn) === undefined) {
    return { error: `no ${noun} "${options.idColumn}" for the id; the ${noun}s are ${list}` };
  }
  const text = given(options.textColumn) ?? pick(textNames, TEXT_NAMES);
  if (text === undefined) return { error: `no ${noun} looks like note text; name it with ${flag} (the ${noun}s are ${list})` };
  const fields: string[] = [];
  for (const wanted of options.fields ?? []) {
    const name = noun === 'field' ? ((has ? has(wanted) : names.includes(wanted)) ? wanted : undefined) : given(wanted);
    if (name === undefined) return { error: `no ${noun} "${wanted}"; the ${noun}s are ${list}` };
    fields.push(name);
  }
  const keep = fields.length ? { fields } : {};
  const id = given(options.idColumn) ?? pick(names, ID_NAMES);
  // A name matched loosely, beyond letter case ("note text" for "Note_Text"), is said once, so a
  // user who meant another column sees which one is read: the text and id columns, and the columns
  // kept for the report (--group-by "dept name" read as "Dept_Name"). A JSON field never is (exact).
  const loosely = (wanted: string, got: string) => wanted.toLowerCase() !== got.toLowerCase();
  const looseFields = (options.fields ?? []).flatMap((wanted, i) => (loosely(wanted, fields[i]!) ? [`the ${noun} "${wanted}" read as "${fields[i]}"`] : []));
  if (options.textColumn !== undefined) {
    const loose = [
      ...(loosely(options.textColumn, text) ? [`${flag} "${options.textColumn}" read as the ${noun} "${text}"`] : []),
      ...(options.idColumn !== undefined && id !== undefined && loosely(options.idColumn, id) ? [`the id ${noun} "${options.idColumn}" read as "${id}"`] : []),
      ...looseFields,
    ];
    const said = loose.length ? { notice: loose.join('; ') } : {};
    return id === undefined ? { text, ...keep, ...said } : { text, id, ...keep, ...said };
  }
  const notice = [
    `linting the ${noun} "${text}"${id !== undefined ? ` (record id: "${id}")` : ''}; choose with ${flag}${noun === 'column' ? ' and --id-column' : ' and --id-field'}`,
    ...looseFields,
  ].join('; ');
  return id === undefined ? { text, notice, ...keep } : { text, id, notice, ...keep };
}

/**
 * The column or field a notice of chooseColumns (above) says it chose as the note text, read back from the
 * notice's words, which are built just above; undefined for any other message. The report page names it.
 */
export function chosenTextOf(notice: string): string | undefined {
  return /^linting the (?:column|field) "(.*?)"(?: \(record id: ".*"\))?; choose with /.exec(notice)?.[1];
}

/** Whether a column or field name (or a dotted path's last key) is named like note text ("note_text", "Body"). */
export function namedLikeText(name: string): boolean {
  return TEXT_NAMES.includes(squash(name.slice(name.lastIndexOf('.') + 1)));
}

/** Reads a dotted path ("note.text", "notes.0.body") from a parsed JSON value. */
export function getPath(value: unknown, dotted: string): unknown {
  if (value !== null && typeof value === 'object' && dotted in value) return (value as Record<string, unknown>)[dotted];
  let current = value;
  for (const key of dotted.split('.')) {
    if (current === null || typeof current !== 'object' || !(key in current)) return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}
