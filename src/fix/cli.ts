// The CLI's side of --fix and --fix-dry-run: which inputs are refused, what is written or shown
// for each fixed document, and the summary line. The fixing itself is the API's (lintStream with
// `fix`); this module only writes what it returns. Kept light: the diff library and the writer
// are loaded when there is something to write or show.
import path from 'node:path';
import type { Document } from '../inputs/document.js';
import { formatEntry, type InputFormat } from '../inputs/formats.js';
import type { LintResult } from '../engine/lint-files.js';
import type { FixMode } from './index.js';
import { plural } from '../core/plural.js';

// Exports hold many notes in a machine format (and FHIR bundles are JSON): rewriting one in place
// could break every record in it, and it is a copy of a source system that would not follow.
const EXPORT_EXTENSIONS = new Set(['csv', 'tsv', 'tab', 'jsonl', 'ndjson', 'json', 'parquet', 'xlsx', 'xls', 'fhir']);

/** A format whose sources hold records (an export), by the format registry. */
function isRecords(format: InputFormat): boolean {
  return ['export', 'parquet', 'fhir'].includes(formatEntry(format).read);
}

/** Why --fix (or --fix-dry-run) cannot run on these inputs: an export among them; undefined when it can. */
export function fixRefusal(paths: readonly string[], inputFormat?: InputFormat): string | undefined {
  const why = 'is an export: --fix never rewrites exports (CSV, TSV, JSON Lines, JSON, Parquet, FHIR); nothing was written. Lint it without --fix';
  // --input-format decides for every source (text on a .csv is a text document, rewritten as one).
  if (inputFormat) return isRecords(inputFormat) ? `--input-format ${inputFormat} ${why}` : undefined;
  for (const file of paths) {
    if (EXPORT_EXTENSIONS.has(path.extname(file).slice(1).toLowerCase())) return `${file} ${why}`;
  }
  return undefined;
}

/** Counts fixes over a run, and turns each result of lintStream({fix}) into what is reported. */
export class FixSummary {
  private fixes = 0;
  private files = 0;
  private left = 0;
  private withheld = 0;

  /** `format`: the report's, which decides where a withheld fix's reason is to be read. */
  constructor(
    private readonly mode: FixMode,
    private readonly format = 'stylish',
  ) {}

  /**
   * Writes (or diffs) one document's fix and sets `result.findings` to what the file now holds:
   * the findings left after a written fix, or the findings as read when nothing was written
   * (--fix-dry-run, standard input, a write refused). Removes `output` from the result.
   */
  async handle(result: LintResult, doc: Document, cwd: string): Promise<{ diff?: string; error?: string; notice?: string }> {
    const { output, inputFindings, fixed = 0 } = result;
    delete result.output;
    delete result.inputFindings;
    delete result.fixed;
    const count = () => {
      this.left += result.findings.length;
      this.withheld += result.findings.filter((f) => f.fixSkipped).length;
    };
    if (output === undefined || !inputFindings) {
      count();
      if (doc.paragraphs && result.findings.some((f) => f.fix))
        return { notice: `${doc.file}: a Word file is never rewritten: its findings are listed as they are` };
      return {};
    }
    const remaining = result.findings;
    if (this.mode === 'dry-run') {
      // Nothing is written: the file still holds every finding, and the exit code says so.
      this.fixes += fixed;
      this.files++;
      this.left += remaining.length;
      this.withheld += remaining.filter((f) => f.fixSkipped).length;
      result.findings = inputFindings;
      const { fixDiff } = await import('./index.js');
      return { diff: fixDiff(doc.file, doc.text, output, cwd) };
    }
    result.findings = inputFindings;
    if (doc.stdin) {
      count();
      return { notice: `${doc.file}: standard input is never rewritten (--fix-dry-run shows the fixes)` };
    }
    const { commitFix } = await import('./index.js');
    const { error } = await commitFix(doc.file, doc.text, output, 'fix', cwd);
    if (error) {
      count();
      return { error: `${doc.file}: ${error}` };
    }
    result.findings = remaining;
    this.fixes += fixed;
    this.files++;
    count();
    return {};
  }

  /**
   * "3 fixes in 2 files; 2 findings left, 1 with its fix withheld: edit it by hand (the report says
   * why)". A withheld fix is a person's to make, so the line says so, and where this format gives
   * each one's reason (stylish: "(no fix: …)"; JSON: `fixSkipped`; compact, github, SARIF: none).
   */
  line(): string {
    const where =
      this.format === 'stylish'
        ? 'the report says why'
        : this.format === 'json' || this.format === 'jsonl'
          ? `${this.withheld === 1 ? 'its' : 'each'} fixSkipped says why`
          : this.format === 'redacted'
            ? 'a run without --redact says why'
            : '--format stylish says why';
    const withheld = this.withheld
      ? `, ${this.withheld} with ${this.withheld === 1 ? 'its fix withheld: edit it' : 'their fixes withheld: edit them'} by hand (${where})`
      : '';
    const head = `${plural(this.fixes, 'fix', 'fixes')} in ${plural(this.files, 'file')}`;
    return this.mode === 'dry-run'
      ? `--fix-dry-run: would make ${head}; ${plural(this.left, 'finding')} would be left${withheld}`
      : `${head}; ${plural(this.left, 'finding')} left${withheld}`;
  }
}
