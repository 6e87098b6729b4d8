// The dignify command: a thin shell over the Node API. It parses arguments, reads sources,
// lints them, hands results to a reporter and turns the outcome into an exit code:
// 0 nothing at or above --fail-on, 1 findings, 2 usage or I/O error.
import { readFileSync } from 'node:fs';
import { CommanderError, InvalidArgumentError, Option } from 'commander';
import { ConfigSet } from '../config/index.js';
import { DEFAULT_EXTENSIONS } from '../inputs/files.js';
import { INPUT_FORMATS } from '../inputs/formats.js';
import { formatters } from '../output/index.js';
import { PACKAGE_ROOT } from '../rules/load.js';
import { PRESETS, type PresetName } from '../rules/presets.js';
import { defaultIo, EXIT, type Io } from './io.js';
import { lint, type LintCliOptions } from './lint-command.js';
import type { ReportCliOptions } from './report-command.js';
import { configView, explainRule, listRules } from './rules-commands.js';
import { isUsageError } from './start.js';
import { defaultActionWord, mistypedCommand, nearestCommand } from './suggest.js';
import { DignifyCommand } from './usage-errors.js';

export { EXIT, type Io } from './io.js';

function version(): string {
  return (JSON.parse(readFileSync(`${PACKAGE_ROOT}/package.json`, 'utf8')) as { version: string }).version;
}

function portNumber(value: string): number {
  if (!/^\d+$/.test(value) || Number(value) > 65535) throw new InvalidArgumentError('expected a port number, 0 to 65535');
  return Number(value);
}

function nonNegativeInteger(value: string): number {
  if (!/^\d+$/.test(value)) throw new InvalidArgumentError('expected a whole number, 0 or more');
  return Number(value);
}

/**
 * The smallest `serve --max-body-bytes`: room for the other parameters (8 KiB) and one character
 * at 9 bytes, so GET /v2/maxtextlength (src/serve/server.ts, maxTextLength) says at least 1. Below
 * it (0 was accepted) every request got 413 and maxtextlength said 0. Not imported from the
 * server: that module loads the linter, which a usage error does not need.
 */
export const MIN_BODY_BYTES = 8 * 1024 + 9;

function bodyBytes(value: string): number {
  if (!/^\d+$/.test(value) || Number(value) < MIN_BODY_BYTES) {
    throw new InvalidArgumentError(`expected a whole number of bytes, ${MIN_BODY_BYTES} or more (8 KiB for the other parameters and 9 for a character)`);
  }
  return Number(value);
}

function positiveInteger(value: string): number {
  if (!/^\d+$/.test(value) || Number(value) < 1) throw new InvalidArgumentError('expected a whole number, 1 or more');
  return Number(value);
}

/** --ext: at least one extension (an empty list, as from an unset shell variable, would search for nothing). */
function extensionList(value: string): string {
  if (!value.split(',').some((e) => e.trim().replace(/^\./, '') !== ''))
    throw new InvalidArgumentError('expected one or more extensions, comma-separated (txt,md)');
  return value;
}

/** --max-file-size: megabytes (fractions allowed) → bytes. */
function megabytesArg(value: string): number {
  if (!/^\d+(\.\d+)?$/.test(value) || Number(value) <= 0) throw new InvalidArgumentError('expected a size in megabytes, more than 0');
  return Math.floor(Number(value) * 1024 * 1024);
}

/** --max-file-size, one definition for the lint and report commands: the same parsing, default (256 MB) and help. */
function maxFileSizeOption(): Option {
  return new Option('--max-file-size <MB>', 'refuse a document (not a streamed export) larger than this many megabytes (default 256)').argParser(megabytesArg);
}

/** Runs the CLI and returns its exit code; never calls process.exit, so it can run in tests. */
export async function main(argv: string[] = process.argv.slice(2), io: Io = defaultIo()): Promise<number> {
  let exitCode: number = EXIT.clean;
  const error = (message: string) => io.stderr.write(`dignify: ${message}\n`);

  const program = new DignifyCommand()
    .name('dignify')
    .description('Find stigmatizing language in clinical notes, templates and patient materials, and suggest person-first wording.')
    .version(version(), '-v, --version', 'print the version')
    .helpOption('-h, --help', 'show this help')
    .exitOverride()
    .configureOutput({
      writeOut: (s) => io.stdout.write(s),
      writeErr: (s) => io.stderr.write(s),
      // Commander's usage errors start "error:", dignify's own "dignify:": one prefix for both,
      // so a script or a user can tell the tool's messages by it (their words: usage-errors.ts).
      outputError: (s, write) => write(s.replace(/^error: /, 'dignify: ')),
    })
    // `dignify help [command]`, as `git help`: with a default action commander adds none itself.
    .helpCommand('help [command]', 'show the help of dignify or of a command')
    .showSuggestionAfterError(true)
    .enablePositionalOptions();

  program
    .argument('[paths...]', 'files, folders or globs to lint; "-" or none reads standard input')
    .addOption(new Option('-f, --format <name>', 'output format').choices(Object.keys(formatters)).default('stylish'))
    .option('-q, --quiet', 'report errors only (warnings and info are neither shown nor counted)')
    .option('--why', "explain each finding: the rule's reason, other suggestions and sources")
    .addOption(
      new Option(
        '--preset <name>',
        "which rules run: recommended (precise on real notes) or all (every lexicon term; default: the config's preset, else recommended)",
      ).choices([...PRESETS]),
    )
    .option('--stdin-filename <name>', 'the name to show for standard input')
    .addOption(new Option('--fail-on <severity>', 'the lowest severity that makes the exit code 1').choices(['error', 'warning', 'info']).default('warning'))
    .addOption(
      new Option('--quotes <mode>', 'phrases inside quotation marks: report as info, flag as usual, or ignore')
        .choices(['info', 'flag', 'ignore'])
        .default('info'),
    )
    .addOption(
      new Option('--ext <list>', 'file extensions to lint inside folders, comma-separated').argParser(extensionList).default(DEFAULT_EXTENSIONS.join(',')),
    )
    .addOption(new Option('--input-format <format>', 'read every source as this format (default: by extension)').choices([...INPUT_FORMATS]))
    .option(
      '--text-column <name>',
      'CSV/TSV/Parquet export: the column holding the note text (default: one named like text, note, note_text, transcription, body)',
    )
    .option('--text-field <path>', 'JSON Lines export: the field holding the note text, dotted for nested objects (e.g. note.text)')
    .option('--id-column <name>', 'CSV/TSV/Parquet export: the column holding the record id (shown with each finding)')
    .option('--id-field <path>', 'JSON Lines export: the field holding the record id')
    .option('--skip-bad-records', 'malformed export records are reported and counted but do not make the exit code 2')
    .option('--no-color', 'plain output without colours')
    .option('--no-progress', 'no progress line on stderr (shown only on a terminal, after a second; never with --quiet or in CI)')
    .option('-c, --config <file>', 'use this config file for every file (instead of the nearest .dignifyrc)')
    .option('--no-config', 'use no config file')
    .option('--no-ignore', 'lint files that .dignifyignore or the config\'s "ignore" would skip')
    .addOption(new Option('--max-warnings <n>', 'exit 1 when there are more than n warnings').argParser(nonNegativeInteger))
    .option('--redact', 'report positions, rule ids and the flagged phrase only (no other note text)')
    .option(
      '--fix',
      'replace the words of each safe fix in place, keeping markup, case and meaning (atomically; refuses exports, read-only and hard-linked files)',
    )
    // Both at once ran the dry run and wrote nothing, silently: a user who added --fix-dry-run to a
    // hook's `dignify --fix` to see what it does, or the other way round, could not tell which won.
    .addOption(
      new Option('--fix-dry-run', 'print the fixes as a unified diff and report every finding, those it would fix included; write nothing').conflicts('fix'),
    )
    .addOption(
      new Option(
        '--threads <n>',
        'threads that lint a large input (past 500 files or records and 16 M characters), this one included (default: one per core; 1: no workers)',
      ).argParser(positiveInteger),
    )
    .addOption(maxFileSizeOption())
    .addHelpText(
      'after',
      `
Exit codes:
  0  no finding at or above --fail-on
  1  findings at or above --fail-on, or more warnings than --max-warnings
  2  usage error, a bad config, a file could not be read, an export had malformed
     records (the other files and records are still linted), or --fix was refused
     (an export, or a file it may not rewrite: read-only, hard-linked, another's),
     or --fix-dry-run given an export

Examples:
  $ dignify notes/                      lint every .txt, .md, .html and .docx file under notes/
  $ echo "hx of IVDU" | dignify         lint standard input
  $ dignify "templates/**/*.txt" --format json
  $ dignify notes.csv --text-column note_text --id-column note_id
  $ dignify notes.jsonl --text-field note.text --format json
  $ dignify notes.parquet --text-column note_text --id-column note_id
  $ dignify DocumentReference.ndjson    FHIR Bulk Data (detected by resourceType; or --input-format fhir)
  $ dignify notes.csv --format jsonl | jq -c 'select(.severity == "error")'
  $ dignify handout.docx leaflet.md page.html
  $ dignify notes/ --format sarif > dignify.sarif
  $ dignify templates/ --fix-dry-run    show the fixes as a diff; --fix writes them
  $ dignify notes/ --preset all         also the often-neutral descriptors the lexicons list
  $ dignify rules                       list every rule
  $ dignify explain substance-use/addict
  $ dignify report notes.csv -o report.html   an audit page for a note export
  $ dignify lsp --stdio                 the language server, for editors
  $ dignify serve                       LanguageTool's API on http://127.0.0.1:8081/v2 for its extension and editor plugins`,
    )
    .action(async (paths: string[], options: LintCliOptions) => {
      exitCode = await lint(paths, options, io, error);
    });

  /** The config of the working folder (or --config's, or none with --no-config), as the lint command finds it for standard input. Throws ConfigError. */
  const folderConfig = (config: string | false | undefined) => {
    const configs = new ConfigSet({ config, ignore: false, cwd: io.cwd });
    return configView(configs.forFolder(), configs);
  };

  program
    .command('rules')
    .description("list every rule: id, severity, presets, phrases and suggestions; with the nearest .dignifyrc's preset, severities and own rules (extends)")
    .addOption(new Option('-f, --format <name>', 'output format').choices(['text', 'json']).default('text'))
    .addOption(new Option('--preset <name>', "list only the rules of this preset (default: the config's preset, else every rule)").choices([...PRESETS]))
    .option('-c, --config <file>', 'use this config file (instead of the nearest .dignifyrc, found from the working folder)')
    .option('--no-config', 'use no config file: the built-in rules as they are')
    .action((options: { format: 'text' | 'json'; preset?: PresetName; config?: string | false }) => {
      const { rules, view } = folderConfig(options.config);
      io.stdout.write(listRules(rules, options.format, options.preset, view));
    });

  program
    .command('explain')
    .description(
      "show one rule: why, suggestions, sources and its examples (a category: its rules); the nearest .dignifyrc's own rules (extends) and severities included",
    )
    .argument('<ruleId>', 'a rule id, e.g. substance-use/addict, or a category, e.g. credibility')
    .option('-c, --config <file>', 'use this config file (instead of the nearest .dignifyrc, found from the working folder)')
    .option('--no-config', 'use no config file: the built-in rules as they are')
    .action((ruleId: string, options: { config?: string | false }) => {
      const { rules, view } = folderConfig(options.config);
      const text = explainRule(rules, ruleId, view);
      if (text.ok) io.stdout.write(text.text);
      else {
        error(text.text);
        exitCode = EXIT.error;
      }
    });

  program
    .command('lsp')
    .description('run the language server (LSP) for editors, over standard input and output')
    .option('--stdio', 'talk LSP over standard input and output (the only transport; accepted because clients pass it)')
    .action(async () => {
      // Loaded on use: vscode-languageserver is not needed to lint (start-up).
      const { startLanguageServer } = await import('../lsp/server.js');
      const connection = startLanguageServer();
      // The connection ends the process itself on the client's exit notification or when stdin closes.
      await new Promise<void>((resolve) => connection.onExit(resolve));
    });

  program
    .command('serve')
    .description("a local service that answers LanguageTool's HTTP API (POST /v2/check), for LanguageTool's browser extension and editor plugins")
    .addOption(new Option('-p, --port <n>', 'the port to listen on (0: any free port)').argParser(portNumber).default(8081))
    .option('--host <address>', 'the address to listen on; anything but loopback lets other machines send notes to it', '127.0.0.1')
    .option('--allow-origin [origin]', "send Access-Control-Allow-Origin (default when given: *) so web pages may call it, as LanguageTool's --allow-origin")
    .addOption(new Option('--max-body-bytes <n>', 'the largest request accepted, in bytes (larger: 413)').argParser(bodyBytes).default(1024 * 1024))
    .option(
      '-c, --config <file>',
      "use this config file for every request (default: the nearest .dignifyrc of the folder it starts in); a request's rule parameters apply on top",
    )
    .option('--no-config', 'use no config file: the built-in rules as they are')
    .action(async (options: import('./serve-command.js').ServeCliOptions) => {
      const { serve } = await import('./serve-command.js');
      exitCode = await serve(options, io, version());
    });

  program
    .command('report')
    .description('an audit report (one self-contained HTML page, or CSV) over a CSV/TSV/JSONL/Parquet/FHIR note export or a folder of notes')
    .argument(
      '<export>',
      'a .csv, .tsv, .jsonl, .parquet or FHIR (.json/.ndjson) export (one note per record), "-" for standard input (with --input-format), or a folder (one note per file)',
    )
    .option('-o, --output <file>', 'write the report to this file (atomically) instead of standard output')
    .addOption(new Option('-f, --format <name>', 'html page, or csv aggregates for a spreadsheet').choices(['html', 'csv']).default('html'))
    .addOption(
      new Option('--input-format <format>', 'read the export (or every file of the folder) as this format (default: by extension)').choices([...INPUT_FORMATS]),
    )
    .option('--text-column <name>', "CSV/TSV/Parquet: the column holding the note's text (default: one named like text, note, note_text, transcription, body)")
    .option('--text-field <path>', "JSON Lines: the field holding the note's text, dotted for nested objects")
    .option('--id-column <name>', 'CSV/TSV/Parquet: the column holding the record id (default: one named like id, note_id; else row numbers)')
    .option('--id-field <path>', 'JSON Lines: the field holding the record id')
    .option('--skip-bad-records', 'malformed records are reported and left out but do not make the exit code 2')
    .option('--group-by <columns>', 'break the numbers down by these columns (JSON Lines: dotted fields), comma-separated')
    .option('--date-column <name>', 'show the trend over time from this column')
    .addOption(new Option('--period <unit>', 'trend by month or by week').choices(['month', 'week']).default('month'))
    .option('--include-snippets', "add each finding's sentence (note text: may contain PHI)")
    .addOption(new Option('--quotes <mode>', 'phrases inside quotation marks').choices(['info', 'flag', 'ignore']).default('info'))
    .addOption(new Option('--preset <name>', 'which rules run: recommended (default) or all').choices([...PRESETS]))
    .addOption(
      new Option('--ext <list>', 'file extensions read inside a folder, comma-separated').argParser(extensionList).default(DEFAULT_EXTENSIONS.join(',')),
    )
    .option('-c, --config <file>', 'use this config file for every note (instead of the nearest .dignifyrc)')
    .option('--no-config', 'use no config file')
    .option('--no-ignore', 'read files that .dignifyignore or the config\'s "ignore" would skip')
    .option('--no-progress', 'no progress bar on stderr (shown only on a terminal; never in CI or with TERM=dumb)')
    .addOption(
      new Option('--threads <n>', 'threads that lint a large export, this one included (default: one per core; 1: no workers)').argParser(positiveInteger),
    )
    .addOption(maxFileSizeOption())
    .action(async (source: string, options: ReportCliOptions) => {
      // Loaded on use: its chart and CSV libraries are not needed to lint (start-up).
      const { report } = await import('./report-command.js');
      exitCode = await report(source, options, io, error, version());
    });

  const commands = program.commands.map((c) => c.name());
  // A mistyped command (`dignify repot notes.csv`) would be linted as a missing file "repot".
  const meant = mistypedCommand(argv[0], commands, io.cwd);
  if (meant) {
    error(`${argv[0]}: no such file, folder or command; did you mean "${meant}"? (see dignify --help)`);
    return EXIT.error;
  }
  const advice = defaultActionWord(argv[0], io.cwd);
  if (advice) {
    error(`${argv[0]}: no such file, folder or command; ${advice} (see dignify --help)`);
    return EXIT.error;
  }
  // `dignify help nope` printed the whole help and exited 0, as if "nope" were a topic it knew.
  const topic = argv[0] === 'help' ? argv[1] : undefined;
  if (topic !== undefined && !topic.startsWith('-') && topic !== 'help' && !commands.includes(topic)) {
    const near = nearestCommand(topic, commands);
    error(`help: no command "${topic}"; ${near ? `did you mean "${near}"? ` : ''}the commands are ${commands.join(', ')} (see dignify --help)`);
    return EXIT.error;
  }
  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch (e) {
    if (e instanceof CommanderError) {
      if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.code === 'commander.help') return EXIT.clean;
      return EXIT.error; // commander has already printed the usage error
    }
    if (isUsageError(e)) {
      error(e.message);
      return EXIT.error;
    }
    throw e;
  }
  return exitCode;
}
