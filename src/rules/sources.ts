// The bibliography (rules/sources.yaml): what each key in a rule's `sources` stands for, so that
// `--why`, `dignify explain`, SARIF and docs/rules.md can show titles and links people can follow.
// A build writes it to sources.json beside this module (no YAML parsing in the installed CLI);
// from source the YAML is read directly. Read on first use only: plain linting never needs it.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { BUILTIN_RULES_DIR } from './load.js';

/** The bibliography's file name inside rules/ (not a rule file). */
export const SOURCES_FILE = 'sources.yaml';

/** One work a rule cites. */
export interface Source {
  /** The key rules use, e.g. "NIDA-WM". */
  key: string;
  title: string;
  /** Authors, or the publishing organisation. */
  by: string;
  year: number;
  /** Journal and volume, or series, when there is one. */
  published_in?: string;
  /** A link to the document, or (see note) to its publisher or a search for its title. */
  url: string;
  note?: string;
}

const PRECOMPILED = path.join(path.dirname(fileURLToPath(import.meta.url)), 'sources.json');
const lazyRequire = createRequire(import.meta.url);

/** Parses the bibliography's YAML text into entries by key. Throws Error naming the key on a bad entry. */
export function parseSources(text: string): Map<string, Source> {
  const { parse } = lazyRequire('yaml') as typeof import('yaml');
  const data = parse(text) as Record<string, Omit<Source, 'key'>> | null;
  const out = new Map<string, Source>();
  for (const [key, entry] of Object.entries(data ?? {})) {
    for (const field of ['title', 'by', 'year', 'url'] as const) {
      if (entry?.[field] === undefined || entry[field] === '') throw new Error(`${SOURCES_FILE}: ${key}: missing ${field}`);
    }
    out.set(key, { key, ...entry });
  }
  return out;
}

let cached: Map<string, Source> | undefined;

/** The built-in bibliography, by key. */
export function builtinSources(): Map<string, Source> {
  if (cached) return cached;
  if (existsSync(PRECOMPILED)) {
    const entries = JSON.parse(readFileSync(PRECOMPILED, 'utf8')) as Source[];
    return (cached = new Map(entries.map((e) => [e.key, e])));
  }
  return (cached = parseSources(readFileSync(path.join(BUILTIN_RULES_DIR, SOURCES_FILE), 'utf8')));
}

/** "Title. By, year. URL" for one key; the bare key when the bibliography does not know it (user rules). */
export function describeSource(key: string, sources: Map<string, Source> = builtinSources()): string {
  const s = sources.get(key);
  if (!s) return key;
  return `${s.title}. ${s.by}${s.published_in ? `. ${s.published_in}` : ''}, ${s.year}. ${s.url}`;
}

/** A Markdown link for one key: [KEY](url "title"), or the bare key when unknown. */
export function sourceLink(key: string, sources: Map<string, Source> = builtinSources()): string {
  const s = sources.get(key);
  return s ? `[${key}](${s.url} "${s.title.replace(/"/g, "'")}")` : key;
}

/**
 * A Markdown link by title for one key: "[Title](url) (By, year)", as an editor's hover shows it (its
 * brackets escaped); the bare key when unknown (a house rule's own).
 */
export function sourceTitleLink(key: string, sources: Map<string, Source> = builtinSources()): string {
  const s = sources.get(key);
  return s ? `[${s.title.replace(/[[\]\\]/g, '\\$&')}](${s.url}) (${s.by}, ${s.year})` : key;
}

/** "KEY: Title (By, year) URL", one line per key for terminals; the bare key when unknown. */
export function sourceLine(key: string, sources: Map<string, Source> = builtinSources()): string {
  const s = sources.get(key);
  return s ? `${key}: ${s.title} (${s.by}, ${s.year}) ${s.url}` : key;
}
