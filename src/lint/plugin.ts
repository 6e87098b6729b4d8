// retextDignify: the unified plugin. It reports through vfile messages, for use in any
// unified pipeline (retext directly, or remark/rehype bridged to retext).
import type { Root } from 'nlcst';
import retextEquality from 'retext-equality';
import type { VFile } from 'vfile';
import type { Options } from '../types.js';
import { useEquality } from '../match/equality.js';
import { refineFixes } from '../fix/refine.js';
import { lintTree } from './lint-tree.js';
import { checkOptionKeys, OPTION_KEYS, resolveOptions } from './options.js';

// A unified transformer that returns a promise breaks processSync, so the plugin cannot load
// retext-equality on first use as the CLI does (lazy.ts): it comes with the plugin.
useEquality(retextEquality);

/** Why the plugin reads no `syntax` or `fix`, which lintText reads. */
const PLUGIN_HINTS = {
  syntax: "the pipeline's parser decides what is prose: remark-retext or rehype-retext before it",
  fix: 'it reports only; each message carries its fix, and applyFixes applies findings',
};

/**
 * The unified plugin: `unified().use(retextEnglish).use(retextDignify, options)`. Each finding is a
 * vfile message: `ruleId`, `source: 'dignify'`, `actual`, `expected` (the suggestions), `note`,
 * `url`, `place` (the whole phrase: line and column 1-based, offset 0-based UTF-16), `fatal` (true
 * for an error, false for a warning, unset for info), and the finding's `category`, `severity`,
 * `quoted`, `fix` and `fixSkipped`. The same findings as lintText, but for inline directives
 * (`dignify-disable-line`), which the plugin does not apply. Throws OptionsError for an
 * option it cannot use (one it does not read included) when the processor is frozen (its first process call), not per file.
 */
export default function retextDignify(options?: Options) {
  const resolved = resolveOptions(options);
  // As lintText does: an option the plugin does not read (a misspelt one, lintText's `syntax`, lintFiles' `config`) did nothing.
  if (options) checkOptionKeys(options, OPTION_KEYS, 'retextDignify', PLUGIN_HINTS);
  return function transformer(tree: Root, file: VFile): void {
    const text = String(file.value ?? '');
    // Fixes as lintText gives them for plain text: only the words that change; none in addresses or names.
    for (const finding of refineFixes(text, lintTree(tree, text, resolved))) {
      const message = file.message(finding.message, {
        place: { start: finding.start, end: finding.end },
        ruleId: finding.ruleId,
        source: 'dignify',
      });
      message.actual = finding.actual;
      message.expected = [...finding.suggestions]; // vfile's own list: a reporter may change it
      message.fatal = finding.severity === 'error' ? true : finding.severity === 'warning' ? false : undefined;
      if (finding.note) message.note = finding.note;
      if (finding.url) message.url = finding.url;
      // The full finding, for tools that want its category, severity, quote flag or fix.
      Object.assign(message, {
        category: finding.category,
        severity: finding.severity,
        quoted: finding.quoted ?? false,
        fix: finding.fix,
        fixSkipped: finding.fixSkipped,
      });
    }
  };
}
