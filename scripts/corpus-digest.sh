#!/usr/bin/env bash
# The findings digest of the whole shared corpus: every export of ../shared/corpus linted by the CLI
# under both presets, with one thread and with two, each printed as a SHA-256 prefix and a line
# count of the JSON Lines output. Speed work must leave all four unchanged (byte-identical
# findings); detection work says in its commit how the lines changed. Prints no corpus text.
#   scripts/corpus-digest.sh            (run `npm run build` first)
#   DIGNIFY_CORPUS=/path/to/corpus scripts/corpus-digest.sh
# Exit 2 when the corpus or the built CLI is not there, or when a lint fails (exit status other than 0 or 1:
# a digest of a run that stopped part-way, e.g. while `npm run build` or vitest's global setup rewrote dist/,
# would look like a change of findings).
set -uo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
corpus="${DIGNIFY_CORPUS:-$root/../shared/corpus}"
[ -f "$corpus/mtsamples.csv" ] || { echo "corpus-digest: no shared corpus at $corpus" >&2; exit 2; }
[ -f "$root/dist/index.js" ] || { echo "corpus-digest: dist/ not built: run npm run build" >&2; exit 2; }
# Run inside the corpus folder with relative names: the findings name their file, and the digest
# should not depend on where the corpus lies.
cd "$corpus" || exit 2
# The CLI's notes on stderr (which column it lints) are dropped; a failure is reported with the CLI's last
# stderr line (its one-line error, which names the file and row, never note text) and fails the digest.
lint() {
  node "$root/bin/dignify.cjs" --format jsonl --no-config "$@" 2>"$errfile"
  local rc=$?
  if [ "$rc" -gt 1 ]; then
    echo "corpus-digest: dignify $* exited $rc: this digest is incomplete: $(tail -n 1 "$errfile" | cut -c1-300)" >&2
    echo 1 >"$failmark"
  fi
}
failmark=$(mktemp)
errfile=$(mktemp)
trap 'rm -f "$failmark" "$errfile"' EXIT
for preset in recommended all; do
  for threads in 1 2; do
    out=$(
      set -- --preset "$preset" --threads "$threads"
      lint "mtsamples.csv" "$@"
      lint "aci_bench_notes.jsonl" --text-field note "$@"
      lint "aci_bench_notes.jsonl" --text-field dialogue "$@"
      lint "medquad_answers.jsonl" --text-field answer "$@"
      lint "primock57_notes.jsonl" "$@"
      lint "ctakes_example_notes.jsonl" "$@"
      lint "negex_rsAnnotations-1-120-random.tsv" --text-column sentence "$@"
    )
    echo "$preset threads$threads $(printf '%s\n' "$out" | sha256sum | cut -c1-16) $(printf '%s\n' "$out" | wc -l) lines"
  done
done
[ -s "$failmark" ] && exit 2
exit 0
