// "Did you mean" for a mistyped command: `dignify repot notes.csv` would otherwise be read as a
// file named "repot" and answered "no such file or directory".
import { existsSync } from 'node:fs';
import path from 'node:path';

/** Levenshtein distance (insertions, deletions, substitutions; UTF-16 code units), stopping past `max`. */
export function editDistance(a: string, b: string, max = Number.POSITIVE_INFINITY): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const d = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      current.push(d);
      rowMin = Math.min(rowMin, d);
    }
    if (rowMin > max) return max + 1;
    previous = current;
  }
  return Math.min(previous[b.length]!, max + 1);
}

/**
 * The command `first` (the first argument) was probably meant to be: when it is not an option, a
 * command, an existing path or a glob, and is within edit distance 2 of a command name (the
 * closest; ties: the first in `commands`). Otherwise undefined: a missing file is reported as one.
 */
export function mistypedCommand(first: string | undefined, commands: readonly string[], cwd: string): string | undefined {
  if (first === undefined || first === '' || first.startsWith('-') || commands.includes(first)) return undefined;
  if (/[*?[\]{}/\\.]/.test(first) || existsSync(path.resolve(cwd, first))) return undefined;
  let best: string | undefined;
  let bestDistance = 3;
  for (const command of commands) {
    const d = editDistance(first.toLowerCase(), command, 2);
    if (d < bestDistance) {
      best = command;
      bestDistance = d;
    }
  }
  return best;
}
