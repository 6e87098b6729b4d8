// One line for a YAML (or JSON) parse error. The yaml library's "pretty" message ends its first
// line with a colon and shows the source below it; cut at the first line, a message read as if
// something was missing ("… at line 2, column 1:"). This keeps the place and quotes the line.

/** "Flow sequence … end with a ] at line 2, column 1, near \"rules: [\"" from a yaml or JSON error. */
export function yamlErrorText(error: unknown): string {
  const lines = String((error as Error)?.message ?? error).split('\n');
  const head = lines[0]!.trim().replace(/:$/, '');
  // The source lines shown under the message, without the caret line.
  const source = lines
    .slice(1)
    .map((l) => l.trim())
    .filter((l) => l && !/^\^+$/.test(l));
  return source.length ? `${head}, near "${source[0]}"` : head;
}
