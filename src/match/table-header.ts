// The header row of a plain-text or Markdown table, for a value alone in a cell below it. A
// flowsheet of drug tests names the test once, in the header ("Date | UDS | Comment"), and each row
// holds a result ("| 2/2 | + cocaine | dirty |"): rows are read apart (parse/table-rows.ts), so a
// rule that needs the test's name beside "dirty" never saw it. A rule's `table` condition asks this
// module for the header row and tests it. HTML tables are not read here (their rows are markup).
import { recentPerText } from '../core/once-per-text.js';
import { lineBoundsOf, lineIndexAt } from '../parse/lines.js';

/** A row's cell delimiter: a tab, else a pipe ("UDS | dirty" is a two-cell row); undefined for other lines. */
function delimiterOf(line: string): '\t' | '|' | undefined {
  if (line.includes('\t')) return '\t';
  return line.includes('|') ? '|' : undefined;
}

// Each line's delimiter, found once per text and line (the last two texts asked about are
// remembered, as parse/lines.ts remembers their line starts: core/once-per-text.ts recentPerText).
// It is asked per candidate phrase, and reading the line again each time was quadratic in a note
// flattened to one line: a 2 MB line with "clean" every 20 words took 16 s
// (test/table-header-linear.test.ts).
const delimitersOf = recentPerText((): Map<number, '\t' | '|' | undefined> => new Map());

/** The delimiter of line `line` (0-based) of `text`, as delimiterOf reads it. */
function lineDelimiter(text: string, line: number): '\t' | '|' | undefined {
  const byLine = delimitersOf(text);
  if (byLine.has(line)) return byLine.get(line);
  const delimiter = delimiterOf(text.slice(...lineBoundsOf(text, line)));
  byLine.set(line, delimiter);
  return delimiter;
}

/**
 * How many cells a row has (a pipe row's outer pipes are borders, not separators), counted up to
 * `atMost + 1` at most: asked per candidate of a row that may be a megabyte long (a table pasted as
 * one line), a full split cost the row's length each time (1 MB of dense cells: 568 s).
 */
function cellCount(row: string, delimiter: '\t' | '|', atMost = Number.POSITIVE_INFINITY): number {
  let from = 0;
  let to = row.length;
  if (delimiter === '|') {
    // As trim() then removing one pipe at each end: the border pipes.
    while (from < to && /\s/.test(row[from]!)) from++;
    while (to > from && /\s/.test(row[to - 1]!)) to--;
    if (row[from] === '|') from++;
    if (to > from && row[to - 1] === '|') to--;
  }
  let cells = 1;
  for (let at = row.indexOf(delimiter, from); at !== -1 && at < to && cells <= atMost; at = row.indexOf(delimiter, at + 1)) cells++;
  return cells;
}

// A table of fewer columns is a list of fields ("UDS | pending" over "Dressing | clean"): each
// row's first cell names its own value, and the first row is no header.
const MIN_COLUMNS = 3;
// A Markdown separator row ("|---|:--:|") is no header: only blanks, bars, colons and hyphens, one
// hyphen at least. The hyphen is asked for by a lookahead: written `^[\s|:-]*-[\s|:-]*$`, a row of
// hyphens followed by anything else was split at each hyphen in turn (quadratic: 40,000 hyphens
// before a sentence took 19 s).
const SEPARATOR = /^(?=[\s|:]*-)[\s|:-]*$/;
// How far up a header is looked for (rows), so a long pasted table costs little.
const MAX_ROWS = 60;

// What tableHeaderOf and tableColumnHeaderOf both read: a cell holding exactly the match, in a row
// under a header row of as many cells.
interface CellUnderHeader {
  /** The match's row, without its line break. */
  line: string;
  delimiter: '\t' | '|';
  /** Where the match's cell starts in `line` (UTF-16 offset). */
  cellStart: number;
  /** The header row, without its line break. */
  header: string;
  headerCells: number;
}

/**
 * The row, cell and header of the table cell holding exactly `[start, end)` of `text` (blanks around
 * the words allowed). Undefined when the words are not alone in a cell, the line is no table row, the
 * cell is in the header row, or the header row has another number of cells than the match's row.
 */
function cellUnderHeader(text: string, start: number, end: number): CellUnderHeader | undefined {
  const lineIndex = lineIndexAt(text, start);
  const [from, to] = lineBoundsOf(text, lineIndex);
  if (end > to) return undefined;
  const delimiter = lineDelimiter(text, lineIndex);
  if (!delimiter) return undefined;
  const line = text.slice(from, to);
  const cellStart = line.lastIndexOf(delimiter, start - from - 1) + 1;
  const next = line.indexOf(delimiter, end - from);
  const cellEnd = next === -1 ? line.length : next;
  if (line.slice(cellStart, start - from).trim() !== '' || line.slice(end - from, cellEnd).trim() !== '') return undefined;
  const header = headerAbove(text, lineIndex, delimiter);
  if (header === undefined) return undefined;
  const headerCells = cellCount(header, delimiter);
  if (cellCount(line, delimiter, headerCells) !== headerCells) return undefined;
  return { line, delimiter, cellStart, header, headerCells };
}

/**
 * The header row (its text, without the line break) of the run of table rows holding offset `at`
 * of `text`: the first row of the run of rows with the same delimiter as the line of `at` above
 * it, a Markdown separator row skipped. Undefined when that line is no table row or has no row
 * above it. It asks nothing of the cells (tableHeaderOf does), so whenever tableHeaderOf(text,
 * start, end) gives a header, this gives the same one for every `at` in [start, end): the fast
 * path's scan (prefilter.ts) reads it to pass over a value that no table's header can admit.
 */
export function headerRowAt(text: string, at: number): string | undefined {
  const line = lineIndexAt(text, at);
  const delimiter = lineDelimiter(text, line);
  return delimiter ? headerAbove(text, line, delimiter) : undefined;
}

/**
 * The first row (not a separator) of the run of rows delimited by `delimiter` above line `line`.
 * Lines are found by parse/lines.ts (a binary search over line starts found once per text): asked
 * per candidate, a search back and forth for "\n" costs a long line's length each time.
 */
function headerAbove(text: string, line: number, delimiter: '\t' | '|'): string | undefined {
  let header: string | undefined;
  for (let above = line - 1, rows = 0; above >= 0 && rows < MAX_ROWS; above--, rows++) {
    if (lineDelimiter(text, above) !== delimiter) break;
    const row = text.slice(...lineBoundsOf(text, above)).replace(/\r$/, '');
    if (!SEPARATOR.test(row)) header = row;
  }
  return header;
}

/**
 * The header row (its text, without the line break) of the table whose cell holds exactly
 * `[start, end)` of `text` (UTF-16 offsets; blanks around the words in the cell allowed): the first
 * row of the run of rows with the same delimiter above it, a Markdown separator row skipped.
 * Undefined when the words are not alone in a cell, when the line is no table row, when the cell
 * is in the header row itself, or when the table has fewer than three columns or the header row
 * another number of cells than the match's row (a list of fields, not a table with a header).
 */
export function tableHeaderOf(text: string, start: number, end: number): string | undefined {
  const cell = cellUnderHeader(text, start, end);
  return cell && cell.headerCells >= MIN_COLUMNS ? cell.header : undefined;
}

/** The cells of a row (a pipe row's border pipes dropped), each trimmed. */
function cellsOf(row: string, delimiter: '\t' | '|'): string[] {
  let body = row;
  if (delimiter === '|') body = body.trim().replace(/^\|/, '').replace(/\|$/, '');
  return body.split(delimiter).map((cell) => cell.trim());
}

/** A header cell longer than this is no column's name: its row is prose with a bar in it. */
const MAX_HEADER_CELL = 60;

/**
 * The header cell of the column whose cell below it holds exactly `[start, end)` of `text` (blanks
 * around the words allowed): "Med adherence" for the "poor" of "| Visit | Med adherence |\n| 11/02 |
 * poor |". As tableHeaderOf, but a table of two columns counts (a log of one value per row under a
 * named column), since the header is read cell by cell: a list of fields ("Adherence | good" over
 * "Appetite | poor") gives its first row's value ("good"), no column's name. Undefined when the words
 * are not alone in a cell, the line is no table row, the cell is in the header row, or the header
 * row has another number of cells than the match's row.
 */
export function tableColumnHeaderOf(text: string, start: number, end: number): string | undefined {
  const found = cellUnderHeader(text, start, end);
  if (!found || found.headerCells < 2) return undefined;
  const { line, delimiter, cellStart, header } = found;
  // The match's column: the cells before its own (a pipe row's border pipe is no cell).
  let column = 0;
  const lead = line.slice(0, cellStart);
  for (let at = lead.indexOf(delimiter); at !== -1; at = lead.indexOf(delimiter, at + 1)) column++;
  if (delimiter === '|' && /^\s*\|/.test(line)) column--;
  const cell = cellsOf(header, delimiter)[column];
  return cell !== undefined && cell.length <= MAX_HEADER_CELL ? cell : undefined;
}
