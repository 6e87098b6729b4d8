// GitHub Actions workflow commands: one annotation per finding, shown on the pull request's diff.
// ::error file=…,line=…,endLine=…,col=…,endColumn=…,title=rule::message
import path from 'node:path';
import type { Severity } from '../types.js';
import type { Formatter } from './types.js';
import { ciPlace, fromRoot, sourceRoot } from './where.js';

const LEVEL: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'notice' };

// The escaping the Actions runner expects (toolkit's command.ts): data escapes %, CR, LF;
// property values also escape : and ,.
function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}
function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

export const github: Formatter = ({ cwd, why, skipBadRecords }) => {
  // The runner places an annotation by a path from the repository's root (see sourceRoot); a file
  // outside it keeps its name from the working folder.
  const root = sourceRoot(cwd);
  return {
    result: (r) => {
      const file =
        (r.file.startsWith('<') ? undefined : fromRoot(r.file, cwd, root)) ??
        (path.isAbsolute(r.file) ? path.relative(cwd, r.file) || r.file : r.file).split(path.sep).join('/');
      // A file or record that could not be read is an annotation too (it is on stderr as well), so
      // a job that fails on it says why on the pull request; a malformed record accepted by
      // --skip-bad-records is a warning (the job does not fail on it), one per record as on stderr.
      // The file, and a record's line and row (a Parquet record has no line), for both annotations below.
      const unread = (level: string, text: string) =>
        `::${level} file=${escapeProperty(file)}${r.record?.line ? `,line=${r.record.line}` : ''},title=dignify::${escapeData(`${r.record ? `row ${r.record.row}: ` : ''}${text}`)}\n`;
      if (r.error) return unread(r.record && skipBadRecords ? 'warning' : 'error', r.error);
      // What is left out with a warning on stderr (a binary file met in a folder, a FHIR attachment
      // given by url or of a type not read) is a warning annotation, as SARIF makes it a warning
      // notification: a pull request's reviewer sees that part was not read.
      if (r.skipped) return unread('warning', `skipped: ${r.skipped}`);
      return r.findings
        .map((f) => {
          // An export record points at its own line of the export; a .docx at the file (see ciPlace).
          const { region: g, prefix } = ciPlace(r, f);
          const props = {
            file,
            ...(g && { line: g.startLine, endLine: g.endLine }),
            ...(g?.startColumn !== undefined && { col: g.startColumn, endColumn: g.endColumn }),
            title: f.ruleId,
          };
          const list = Object.entries(props)
            .map(([key, value]) => `${key}=${escapeProperty(String(value))}`)
            .join(',');
          // --why: the rule's reason and its documentation, each on a line of the annotation.
          const more = why
            ? [f.note, f.url]
                .filter(Boolean)
                .map((s) => `\n${s}`)
                .join('')
            : '';
          return `::${LEVEL[f.severity]} ${list}::${escapeData(`${prefix}${f.message} [${f.ruleId}]${more}`)}\n`;
        })
        .join('');
    },
    end: () => '',
  };
};
