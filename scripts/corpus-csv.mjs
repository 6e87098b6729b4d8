// CSV of the shared corpus (mtsamples.csv) for the eval and audit scripts, read by papaparse (the
// product's own CSV reader dependency) instead of a hand-written parser per script: those built
// each field a character at a time and spent seconds collecting garbage on 17 MB.
import Papa from 'papaparse';

/** RFC 4180 CSV → rows of fields (the header is the first row). Empty lines are skipped. */
export function csvRows(text) {
  return Papa.parse(text, { skipEmptyLines: true }).data;
}
