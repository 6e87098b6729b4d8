// Which configuration applies to a file, and whether the file is ignored. The nearest .dignifyrc
// (JSON or YAML; .dignifyrc.json/.yaml/.yml) or package.json "dignify" key, searched from the
// file's folder upwards, applies on its own (no merging), unless --config names one or
// --no-config turns the search off. Each config is resolved once and cached.
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { lilconfigSync } from 'lilconfig';
import { describeIoError } from '../inputs/files.js';
import { OptionsError, shown } from '../lint/options.js';
import { builtinRules } from '../rules/builtin.js';
import type { Options, RuleSet } from '../types.js';
import { IgnoreFiles, relativeInside } from './ignore.js';
import { ConfigError, parseConfigText, resolveConfig, validateConfig, type ResolvedConfig } from './load.js';

export { ConfigError, type ResolvedConfig } from './load.js';
export type { DignifyConfig } from './schema.js';

export const CONFIG_FILES = ['package.json', '.dignifyrc', '.dignifyrc.json', '.dignifyrc.yaml', '.dignifyrc.yml'];

const WHAT_CONFIG_IS = '--config names a config file: a .dignifyrc, JSON or YAML, or a package.json';

/**
 * The file --config names, checked before it is read, so a mistake says what was expected: an
 * empty path (an unset shell variable) was taken for no --config at all, a folder said only "is a
 * directory". Throws ConfigError.
 */
function namedConfigFile(given: string, cwd: string): string {
  if (given === '') throw new ConfigError('--config', undefined, 'expected a config file, got an empty path');
  const file = path.resolve(cwd, given);
  let folder: boolean;
  try {
    folder = statSync(file).isDirectory();
  } catch (error) {
    // Worded as for any missing or unreadable file (test/papercuts.test.ts): the path says enough.
    throw new ConfigError(given, undefined, describeIoError(error));
  }
  if (folder) {
    const inside = CONFIG_FILES.slice(1).find((name) => existsSync(path.join(file, name)));
    const meant = inside ? `; did you mean ${path.join(given, inside)}?` : '';
    throw new ConfigError(given, undefined, `is a folder, not a config file${meant} (${WHAT_CONFIG_IS})`);
  }
  return file;
}

export interface ConfigSetOptions {
  /** A config file to use for every file (--config), or false for none (--no-config). */
  config?: string | false | undefined;
  /** Honour .dignifyignore and the config's `ignore` (default true; --no-ignore turns it off). */
  ignore?: boolean;
  cwd: string;
  /** Options from the command line that every config builds on (quotes). */
  base?: Options;
}

/**
 * A JavaScript caller has no types to stop it: `new ConfigSet()` threw "Cannot read properties of
 * undefined (reading 'cwd')", `{ config: '.dignifyrc' }` without `cwd` Node's ERR_INVALID_ARG_TYPE
 * about a "path" argument, and `config: true` (lintFiles' spelling of "each file's nearest") the
 * same (developer's trial, newc3). Each is an OptionsError naming the setting, as lintFiles' are.
 */
function checkSettings(settings: unknown): asserts settings is ConfigSetOptions {
  if (settings === null || typeof settings !== 'object' || Array.isArray(settings))
    throw new OptionsError(`ConfigSet: expected its settings, an object ({ cwd: process.cwd() }), got ${shown(settings)}`);
  const { cwd, config } = settings as Partial<ConfigSetOptions>;
  if (typeof cwd !== 'string')
    throw new OptionsError(`cwd: expected the folder configs are found from and file names shown relative to, a string (process.cwd()), got ${shown(cwd)}`);
  if (config !== undefined && config !== false && typeof config !== 'string')
    throw new OptionsError(
      `config: expected a config file's path, false for none, or nothing for each file's nearest .dignifyrc, got ${shown(config)}${config === true ? " (true is lintFiles' spelling of the last)" : ''}`,
    );
}

/** The configurations of a run, looked up per file and cached per folder; usable as the engine's `configs` (ConfigLookup). */
export class ConfigSet {
  private readonly explorer;
  private readonly resolved = new Map<string, ResolvedConfig>();
  private readonly byDir = new Map<string, ResolvedConfig>();
  private readonly ignoreFiles = new IgnoreFiles();
  private readonly fixed: ResolvedConfig | undefined;
  // The last file asked about and its configuration: an export asks once per record (MTSamples:
  // 10,000 path.resolve calls, about 2% of a one-thread run), always for the same file.
  private lastFile: string | undefined;
  private lastFound: ResolvedConfig | undefined;

  /** Throws OptionsError for settings of the wrong shape (no `cwd`, a `config` that is no path), ConfigError for a `config` file that cannot be used. */
  constructor(private readonly settings: ConfigSetOptions) {
    checkSettings(settings);
    const load = (file: string, content: string) => parseConfigText(this.display(file), content);
    this.explorer = lilconfigSync('dignify', {
      searchPlaces: CONFIG_FILES,
      loaders: { '.json': load, '.yaml': load, '.yml': load, noExt: load },
      // Search up to the filesystem root, not only to the home folder.
      stopDir: path.parse(settings.cwd).root,
    });
    if (settings.config === false) this.fixed = this.resolve(undefined, {});
    else if (settings.config !== undefined) {
      const file = namedConfigFile(settings.config, settings.cwd);
      let loaded: ReturnType<typeof this.explorer.load>;
      try {
        // A named file of another extension (house.conf, dignify.txt) is read as .dignifyrc is:
        // YAML, which includes JSON. lilconfig would say 'No loader specified for extension ".conf"'.
        const ext = path.extname(file);
        loaded =
          ext && !['.json', '.yaml', '.yml'].includes(ext) && path.basename(file) !== 'package.json'
            ? { filepath: file, config: parseConfigText(this.display(file), readFileSync(file, 'utf8')) }
            : this.explorer.load(file);
      } catch (error) {
        if (error instanceof ConfigError) throw error;
        throw new ConfigError(settings.config, undefined, describeIoError(error));
      }
      this.fixed = this.resolve(file, loaded?.config);
    }
  }

  /**
   * A config, package.json or .dignifyignore file found in a search that could not be read
   * (EACCES, EISDIR), as the error of a --config file that cannot be read ("dignify:
   * rc/.dignifyrc: permission denied"): it was an internal error with a stack trace. Any other
   * error is passed on as it is.
   */
  private unreadable(error: unknown): unknown {
    const { code, path: file } = error as NodeJS.ErrnoException;
    if (error instanceof ConfigError || typeof code !== 'string' || !file) return error;
    return new ConfigError(this.display(file), undefined, describeIoError(error));
  }

  private display(file: string): string {
    return relativeInside(this.settings.cwd, file) ?? file;
  }

  private resolve(file: string | undefined, data: unknown): ResolvedConfig {
    const key = file ?? '';
    let found = this.resolved.get(key);
    if (!found) {
      // Messages name the file as the user sees it; rule files are found from its absolute path.
      const shown = file ? this.display(file) : undefined;
      found = resolveConfig(validateConfig(data, shown ?? '(no config)'), file, this.settings.base ?? {}, shown);
      this.resolved.set(key, found);
    }
    return found;
  }

  /** The configuration for a file (or for standard input, given its shown name). Throws ConfigError. */
  forFile(file: string): ResolvedConfig {
    if (file === this.lastFile) return this.lastFound!;
    const dir = path.dirname(path.resolve(this.settings.cwd, file));
    // Asked for each file several times (validation up front, ignore, lint, fix): once per folder.
    let found = this.byDir.get(dir);
    if (!found) {
      try {
        if (this.fixed) found = this.fixed;
        else {
          const result = this.explorer.search(dir);
          found = !result || result.isEmpty ? this.resolve(undefined, {}) : this.resolve(result.filepath, result.config);
        }
        // The folder's .dignifyignore files are read here, once per folder, and not when the
        // first file is read: one that cannot be read then stops the run before any output, as
        // a config that cannot be read does (isIgnored comes only as each file is read).
        if (this.settings.ignore !== false) this.ignoreFiles.read(dir);
      } catch (error) {
        throw this.unreadable(error);
      }
      this.byDir.set(dir, found);
    }
    this.lastFile = file;
    this.lastFound = found;
    return found;
  }

  /**
   * The configuration of the working folder, found as standard input's is without
   * --stdin-filename (or --config's, or none with --no-config): what `dignify rules`, `explain`
   * and `serve` use. Throws ConfigError.
   */
  forFolder(): ResolvedConfig {
    return this.forFile(path.join(this.settings.cwd, '<folder>'));
  }

  /** A file as messages show it: relative to the working folder when inside it, else absolute. */
  shown(file: string): string {
    return this.display(file);
  }

  /** The config files used so far, as shown to the user. */
  files(): string[] {
    return [...this.resolved.keys()].filter(Boolean).map((f) => this.display(f));
  }

  /** The distinct rule sets of the configurations used so far (for reporters that describe rules). */
  ruleSets(): RuleSet[] {
    return [...new Set([builtinRules(), ...[...this.resolved.values()].map((c) => c.options.rules)])];
  }

  /**
   * True when .dignifyignore or the applicable config's `ignore` excludes the file. A path ending in
   * a separator is a folder's (one a walk could not read): "drafts/" in an ignore file matches it.
   */
  isIgnored(file: string): boolean {
    if (this.settings.ignore === false) return false;
    const absolute = path.resolve(this.settings.cwd, file);
    const folder = /[\\/]$/.test(file);
    let ignored: boolean;
    try {
      ignored = this.ignoreFiles.ignores(absolute, folder);
    } catch (error) {
      throw this.unreadable(error);
    }
    if (ignored) return true;
    const ignore = this.forFile(file).ignore;
    if (!ignore) return false;
    const rel = relativeInside(ignore.dir, absolute) ?? relativeInside(this.settings.cwd, absolute);
    return rel !== undefined && ignore.matcher.ignores(folder ? `${rel}/` : rel);
  }
}
