// Writes a benchmark's generated table into a Markdown file between its markers
// (`<!-- bench:NAME:start -->` … `<!-- bench:NAME:end -->`), so what is written around them by hand
// (targets, analysis) stays. Every bench script writes its section through this.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';

/**
 * Puts `body` between the markers of `name` in `file` (`name` undefined: the plain
 * `<!-- bench:start -->` markers of the main table). Without the markers yet, the section is
 * appended under `## heading` (the file is created, headed `# Benchmarks`, when missing).
 */
export function writeSection(file, name, body, heading) {
  const start = `<!-- bench:${name ? `${name}:` : ''}start -->`;
  const end = `<!-- bench:${name ? `${name}:` : ''}end -->`;
  const section = `${start}\n${body.replace(/\n*$/, '\n')}${end}`;
  const old = existsSync(file) ? readFileSync(file, 'utf8') : '# Benchmarks\n';
  const at = old.indexOf(start);
  const until = old.indexOf(end);
  const next =
    at !== -1 && until > at
      ? `${old.slice(0, at)}${section}${old.slice(until + end.length)}`
      : `${old.trimEnd()}\n\n${heading ? `## ${heading}\n\n` : ''}${section}\n`;
  writeFileSync(file, next);
}
