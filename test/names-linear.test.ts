// A newcomer trial: a note that opens thousands of sentences with one capitalised word ("Tenant
// refused entry.", "Maria is combative." on every line) took 42-61 s for 4,000 lines (88 KB): each
// sentence read every other use of its word and the whole text again (match/names.ts readName,
// match/described.ts namedInText). Time is not measured here (BENCHMARKS.md, pathological rows): the
// regex executions are counted, which the quadratic reading made grow fourfold when the lines doubled.
import { describe, expect, it } from 'vitest';
import { lintText } from '../src/index.js';

/** The regex executions (RegExp.prototype.exec, which test, match and replace call) that linting `text` makes, and its findings. */
async function execsOf(text: string): Promise<{ execs: number; findings: number }> {
  const exec = RegExp.prototype.exec;
  let execs = 0;
  RegExp.prototype.exec = function (this: RegExp, s: string) {
    execs++;
    return exec.call(this, s);
  };
  try {
    const findings = (await lintText(text)).length;
    return { execs, findings };
  } finally {
    RegExp.prototype.exec = exec;
  }
}

describe('a word opening many sentences is read once per note', () => {
  it.each([
    ['Tenant refused entry.\n', 0], // a role: no finding, whatever the count
    ['Maria is combative.\n', 1], // a given name: the patient, a finding per line
    ['Maria refused labs. Spoke with Maria today.\n', 1],
  ])('%j repeated: the work grows with the lines, not with their square', async (line, perLine) => {
    await execsOf(line); // loads what the first lint loads
    const small = await execsOf(line.repeat(150));
    const large = await execsOf(line.repeat(300));
    expect([small.findings, large.findings]).toEqual([150 * perLine, 300 * perLine]);
    expect(large.execs / small.execs).toBeLessThan(2.5);
  });
});
