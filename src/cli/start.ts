// The dignify command's entry (bin/dignify.js and the bundle start here): the CLI of main.ts, with
// a shortcut for the commonest call, `dignify` with paths only or with none (standard input), as a
// pre-commit hook or `echo … | dignify` makes it. That call lints with the default options, so it
// needs no argument parser: the shortcut does not load commander (120 kB of code) nor build the
// program's forty options and help texts, which cost about a tenth of a one-line check
// (BENCHMARKS.md, branch cold3). "-" (standard input, `dignify - < note`) is a path here, as the
// lint command reads it. Any option, a command or a name close to a command's goes to main.ts as
// before; test/start.test.ts checks that both give the same options and output.
import { ConfigError } from '../config/index.js';
import { DEFAULT_EXTENSIONS } from '../inputs/files.js';
import { OptionsError } from '../lint/options.js';
import { RuleFileError } from '../rules/load.js';
import { defaultIo, EXIT, type Io } from './io.js';
import { type LintCliOptions, lint } from './lint-command.js';
import { defaultActionWord, mistypedCommand } from './suggest.js';

export { EXIT, type Io } from './io.js';

/** The commands of main.ts's program, and commander's own `help`: an argument naming one (or close to one) is not a path. */
export const COMMAND_NAMES: readonly string[] = ['rules', 'explain', 'lsp', 'serve', 'report', 'help'];

/** The options main.ts's program gives the lint action when no option is given (test/start.test.ts compares them). */
export function defaultLintOptions(): LintCliOptions {
  return { format: 'stylish', failOn: 'warning', quotes: 'info', ext: DEFAULT_EXTENSIONS.join(','), color: true, ignore: true, progress: true };
}

/** Whether `argv` is paths only (or nothing), none of them an option, a command or near one; "-" (standard input) is a path here. */
export function onlyPaths(argv: readonly string[], cwd: string): boolean {
  if (argv.some((arg) => arg.startsWith('-') && arg !== '-')) return false;
  const first = argv[0];
  return (
    first === undefined ||
    (!COMMAND_NAMES.includes(first) && mistypedCommand(first, COMMAND_NAMES, cwd) === undefined && defaultActionWord(first, cwd) === undefined)
  );
}

/** An error the CLI reports as one line and exit 2 (bad options, rule file or configuration), not as an internal error. */
export function isUsageError(e: unknown): e is Error {
  return e instanceof OptionsError || e instanceof RuleFileError || e instanceof ConfigError;
}

/** Runs the CLI and returns its exit code, as main.ts's main does (never calls process.exit). */
export async function main(argv: string[] = process.argv.slice(2), io: Io = defaultIo()): Promise<number> {
  if (!onlyPaths(argv, io.cwd)) return (await import('./main.js')).main(argv, io);
  const error = (message: string) => io.stderr.write(`dignify: ${message}\n`);
  try {
    return await lint([...argv], defaultLintOptions(), io, error);
  } catch (e) {
    // As main.ts reports them.
    if (isUsageError(e)) {
      error(e.message);
      return EXIT.error;
    }
    throw e;
  }
}
