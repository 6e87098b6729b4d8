// `node scripts/eval.js ...args` for several command lines in one Node process: evalMain (exported by
// scripts/eval.js, the command's body) runs each in turn, with what it writes captured. One Node start and
// one load of the built linter for all of them, and each text is linted once per preset (eval.js's lintMemo),
// where separate commands linted a set once per run. The command itself (exit code, stdout and stderr of
// `node scripts/eval.js`) is checked against evalMain's in test/eval-score.test.ts.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT } from './helpers.js';

export interface EvalRun {
  status: number;
  stdout: string;
  stderr: string;
}

/** Each command line's exit code, stdout and stderr, as `node scripts/eval.js` gives them, run in one process (in `cwd`). */
export function evalRuns(argsList: string[][], cwd = ROOT): EvalRun[] {
  const script = pathToFileURL(path.join(ROOT, 'scripts', 'eval.js')).href;
  const code = `
    const { evalMain } = await import(${JSON.stringify(script)});
    const runs = [];
    for (const args of ${JSON.stringify(argsList)}) {
      let stdout = '';
      let stderr = '';
      const status = await evalMain(args, { out: (text) => (stdout += text + '\\n'), err: (text) => (stderr += text + '\\n') });
      runs.push({ status, stdout, stderr });
    }
    process.stdout.write(JSON.stringify(runs));`;
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', code], { cwd, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  if (r.status !== 0) throw new Error(`evalRuns: exit ${r.status}: ${r.stderr}`);
  return JSON.parse(r.stdout) as EvalRun[];
}
