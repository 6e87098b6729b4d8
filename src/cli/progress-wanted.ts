// Whether a command shows its progress line (lint: lint-progress.ts; report: report/progress.ts),
// one answer for both commands. Its own module so that deciding loads neither line's code.
import type { Io } from './io.js';

/**
 * Whether the progress line is shown: only when stderr is a terminal, never with --no-progress
 * (`progress: false`) or --quiet (as git's --quiet, which hides its progress), nor in CI (a CI
 * runner may give the job a pseudo-terminal, and its log keeps every redraw) or on a terminal that
 * cannot erase a line (TERM=dumb). The format does not matter: the line is on stderr and erased
 * before anything is written, so stdout (a terminal, a pipe or a file) gets the same bytes either way.
 */
export function progressWanted(options: { progress?: boolean; quiet?: boolean }, io: Pick<Io, 'stderr' | 'env'>): boolean {
  const ci = io.env.CI !== undefined && io.env.CI !== '' && io.env.CI !== 'false' && io.env.CI !== '0';
  return options.progress !== false && !options.quiet && io.stderr.isTTY === true && !ci && io.env.TERM !== 'dumb';
}
