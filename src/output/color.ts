// Minimal ANSI styling; callers decide whether colour is on (TTY, NO_COLOR, FORCE_COLOR).
const codes = { red: [31, 39], yellow: [33, 39], blue: [34, 39], dim: [2, 22], bold: [1, 22], underline: [4, 24], green: [32, 39] } as const;
export type Style = keyof typeof codes;

export function paint(on: boolean, style: Style, text: string): string {
  if (!on) return text;
  const [open, close] = codes[style];
  return `\u001b[${open}m${text}\u001b[${close}m`;
}

export function colorWanted(stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv = process.env): boolean {
  if (env.NO_COLOR) return false;
  if (env.FORCE_COLOR && env.FORCE_COLOR !== '0') return true;
  return Boolean(stream.isTTY) && env.TERM !== 'dumb';
}
