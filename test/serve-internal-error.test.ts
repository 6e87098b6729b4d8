// dignify serve: an internal error (here a lint that throws, quoting the note as a parser's error
// could) is answered 500 and logged by its kind and route only, never with the note or the error
// message, and the service stays up.
//
// A file of its own in the `isolated` project (vitest.config.ts): its vi.mock of lint-text.js must
// reach the server's import. In the shared module graph of `main`, a file run earlier by the same
// worker (cli-papercuts, newcomer-papercuts: they import src/serve/) had loaded the real module
// first, and the marked text was checked and answered 200 (seen in full runs under load).
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { type RunningServer, startServer } from '../src/serve/server.js';
import { formPost } from './helpers.js';

vi.mock('../src/lint/lint-text.js', async (importOriginal) => {
  const original = await importOriginal<typeof import('../src/lint/lint-text.js')>();
  return {
    ...original,
    lintResolved: (...args: Parameters<typeof original.lintResolved>) => {
      if (args[0].includes('FAIL-HERE')) throw new TypeError(`cannot read the note "${args[0]}"`);
      return original.lintResolved(...args);
    },
  };
});

let service: RunningServer;
const lines: string[] = [];
beforeAll(async () => {
  service = await startServer({ port: 0, version: '9.9.9', log: (l) => lines.push(l) });
});
afterAll(async () => {
  await service.close();
});

it('an internal error is answered 500 and logged by its kind and route only, never with the note or the error message', async () => {
  const res = await fetch(`${service.url}/v2/check`, formPost({ text: 'FAIL-HERE: Mr Zyxwv, a heroin addict.', language: 'en-US' }));
  expect(res.status).toBe(500);
  expect(await res.text()).toBe('Error: Internal error while checking the text');
  expect(lines).toEqual(['dignify serve: internal error (TypeError) answering POST /v2/check']);
  // The service stays up, and a text without the mark is checked as usual.
  const after = await fetch(`${service.url}/v2/check`, formPost({ text: 'Mr Zyxwv, a heroin addict.', language: 'en-US' }));
  expect(after.status).toBe(200);
  expect(((await after.json()) as { matches: unknown[] }).matches.length).toBeGreaterThan(0);
  expect(lines).toHaveLength(1);
});
