// The list of given names (data/given-names.txt, built by scripts/given-names.mjs), read from the
// package on first use: src/match/, dist/match/ and the CLI bundle's dist/bundle/ all sit two
// folders below the package root. The browser and warehouse builds swap this module for one with no
// list (scripts/web-bundle.js, scripts/bundle-warehouse.js): a 455 KB list is too large for them.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The list's text (one lower-case name a line), or undefined when it cannot be read. */
export function givenNamesText(): string | undefined {
  try {
    return readFileSync(path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'data', 'given-names.txt'), 'utf8');
  } catch {
    return undefined;
  }
}
