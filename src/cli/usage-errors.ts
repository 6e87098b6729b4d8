// The argument parser's usage errors in dignify's own form: one line, the option or command it is
// about first, what was expected and what was given, as the config's errors say it
// (`dignify: .dignifyrc: rules.x: expected one of off, info, warning, error, got "err"`).
// commander's own wording ("option '-f, --format <name>' argument 'xml' is invalid. Allowed
// choices are …", "(Did you mean --format?)" on a second line, "missing required argument
// 'ruleId'") is rewritten here; a message of a kind not known below keeps its words, on one line.
import { Command, type ErrorOptions, type Option } from 'commander';

/** The option's long name, as a user types it ("--format" for "-f, --format <name>"). */
function optionName(flags: string, command: Command): string {
  const option = findOption(flags, command);
  return option?.long ?? flags.split(/[ ,|]+/).find((f) => f.startsWith('--')) ?? flags;
}

function findOption(flags: string, command: Command): Option | undefined {
  for (let c: Command | null = command; c; c = c.parent) {
    const option = c.options.find((o) => o.flags === flags);
    if (option) return option;
  }
  return undefined;
}

/** "dignify --help", or "dignify help report" for a subcommand. */
function helpFor(command: Command): string {
  return command.parent ? `dignify help ${command.name()}` : 'dignify --help';
}

/** What an option's value must be: its choices, what its parser asks for, or its placeholder. */
function expectedValue(option: Option | undefined, flags: string): string {
  if (option?.argChoices) return `one of ${option.argChoices.join(', ')}`;
  if (option?.parseArg) {
    try {
      option.parseArg('', undefined);
    } catch (e) {
      const said = (e as Error).message;
      if (said.startsWith('expected ')) return said.slice('expected '.length);
    }
  }
  return /<[^>]+>|\[[^\]]+\]/.exec(flags)?.[0] ?? 'a value';
}

const count = (n: number) => (n === 0 ? 'no argument' : n === 1 ? 'one argument' : `${n} arguments`);

/** commander's message (which starts "error: ") → dignify's line, without the "dignify: " prefix. */
export function usageLine(message: string, command: Command): string {
  const text = message.replace(/^error: /, '').trim();
  let m = /^option '(.+?)' argument '([^]*)' is invalid\. ([^]*)$/.exec(text);
  if (m) {
    const [, flags, value, reason] = m as unknown as [string, string, string, string];
    const choices = /^Allowed choices are (.*)\.$/.exec(reason);
    const expected = choices ? `expected one of ${choices[1]}` : reason.startsWith('expected ') ? reason : `expected ${reason}`;
    return `${optionName(flags, command)}: ${expected}, got "${value}"`;
  }
  m = /^option '(.+?)' argument missing$/.exec(text);
  if (m) {
    const flags = m[1]!;
    return `${optionName(flags, command)} needs a value: ${expectedValue(findOption(flags, command), flags)} (see ${helpFor(command)})`;
  }
  m = /^unknown option '(.+?)'(?:\s*\(Did you mean (.+?)\?\))?$/.exec(text);
  if (m) return `unknown option ${m[1]}${m[2] ? `; did you mean ${m[2]}?` : ''} (see ${helpFor(command)})`;
  m = /^missing required argument '(.+)'$/.exec(text);
  if (m) {
    const argument = command.registeredArguments.find((a) => a.name() === m![1]);
    return `${command.name()}: expected ${argument?.description || `<${m[1]}>`} (see ${helpFor(command)})`;
  }
  m = /^too many arguments(?: for '.+?')?\. Expected (\d+) arguments? but got (\d+)\.$/.exec(text);
  if (m) return `${command.name()}: expected ${count(Number(m[1]))}, got ${m[2]} (see ${helpFor(command)})`;
  m = /^option '(.+?)' cannot be used with option '(.+?)'$/.exec(text);
  if (m) {
    const [a, b] = [optionName(m[1]!, command), optionName(m[2]!, command)];
    const why = [a, b].sort().join(' ') === '--fix --fix-dry-run' ? ': --fix writes the fixes, --fix-dry-run only shows them' : '';
    return `${a} cannot be used with ${b}${why}`;
  }
  return text.replace(/\s*\n\s*/g, '; ');
}

/** A Command whose usage errors (its subcommands' too) are dignify's one-line messages. */
export class DignifyCommand extends Command {
  override createCommand(name?: string): Command {
    return new DignifyCommand(name);
  }

  override error(message: string, errorOptions?: ErrorOptions): never {
    // Only the parser's usage errors come here ("error: …"); anything else keeps its words.
    return super.error(message.startsWith('error: ') ? `error: ${usageLine(message, this)}` : message, errorOptions);
  }
}
