// "Did you mean" for a mistyped command: `dignify repot notes.csv` would otherwise be read as a
// file named "repot" and answered "no such file or directory".
import { existsSync } from 'node:fs';
import path from 'node:path';
import { editDistance } from '../core/edit-distance.js';

export { editDistance };

/**
 * The command `first` (the first argument) was probably meant to be: when it is not an option, a
 * command, an existing path or a glob, and is within edit distance 2 of a command name (the
 * closest; ties: the first in `commands`). Otherwise undefined: a missing file is reported as one.
 */
export function mistypedCommand(first: string | undefined, commands: readonly string[], cwd: string): string | undefined {
  if (first === undefined || first === '' || first.startsWith('-') || commands.includes(first)) return undefined;
  if (/[*?[\]{}/\\.]/.test(first) || existsSync(path.resolve(cwd, first))) return undefined;
  return nearestCommand(first, commands);
}

// Words other linters take as their command for what dignify does with no command (`eslint` has
// none, but `biome lint`, `ruff check`, `vale`'s users type them): `dignify lint notes/` read "lint"
// as a missing file, then linted notes/ and exited 2, as if the notes could not be read.
const DEFAULT_ACTION_WORDS: Readonly<Record<string, string>> = {
  lint: 'dignify lints the paths it is given, with no command: dignify notes/',
  check: 'dignify checks the paths it is given, with no command: dignify notes/',
  fix: 'to fix, give the paths with --fix (or --fix-dry-run for a diff): dignify notes/ --fix',
};

/**
 * What to tell a user whose first argument is another linter's command word ("lint", "check",
 * "fix", any case) and no existing path: the way dignify says it, as one clause; otherwise undefined.
 */
export function defaultActionWord(first: string | undefined, cwd: string): string | undefined {
  if (first === undefined || !Object.hasOwn(DEFAULT_ACTION_WORDS, first.toLowerCase())) return undefined;
  return existsSync(path.resolve(cwd, first)) ? undefined : DEFAULT_ACTION_WORDS[first.toLowerCase()];
}

/** The command `word` (any case) is at most two edits from, the nearest and then the first listed; undefined if none. */
export function nearestCommand(word: string, commands: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = 3;
  for (const command of commands) {
    const d = editDistance(word.toLowerCase(), command, 2);
    if (d < bestDistance) {
      best = command;
      bestDistance = d;
    }
  }
  return best;
}
