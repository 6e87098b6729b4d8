// With the pool running, a record with no place for a rule phrase is answered on the reading
// thread and never sent to a worker (engine/gate.ts); the output is still that of one thread, in
// input order. The pool is replaced by one that lints in this thread and records what it was sent.
import { describe, expect, it, vi } from 'vitest';
import type { Document } from '../src/inputs/document.js';
import type { SourceEvent } from '../src/inputs/sources.js';
import { lintInParallel } from '../src/engine/lint-parallel.js';
import { lintDocument, preloadLint } from '../src/lint/lint-document.js';
import { resolveOptions } from '../src/lint/options.js';
import type { ResolvedOptions } from '../src/match/match.js';

const sent = vi.hoisted(() => [] as string[]);
const handed = vi.hoisted(() => [] as Array<number[] | undefined>);
vi.mock('../src/engine/pool.js', () => ({
  LintPool: {
    open: () => ({
      run: async (docs: Document[], options: ResolvedOptions[], places: (Int32Array | undefined)[]) => {
        sent.push(...docs.map((d) => d.text));
        handed.push(...docs.map((_, i) => (places[i] ? [...places[i]] : undefined)));
        // A worker takes a while: batches wait for it (this thread must not lint them meanwhile).
        await new Promise((resolve) => setTimeout(resolve, 2));
        // As a worker does: parsed around the places handed, not scanned again.
        return docs.map((d, i) => lintDocument(d, options[i]!, places[i]));
      },
      close: async () => {},
    }),
  },
}));

await preloadLint();
const resolved = resolveOptions();

describe('the pool and the gate', () => {
  it('sends only records that may hold a finding to the workers, and gives the output of one thread', async () => {
    const texts = Array.from({ length: 2000 }, (_, i) =>
      i % 7 === 0 ? `Pt ${i} with hx of IVDU.` : i % 11 === 0 ? `Note ${i}: hx of IV\u00adDU.` : `Note ${i}: wound healing well.`,
    );
    async function* sources(): AsyncGenerator<SourceEvent> {
      for (const [i, text] of texts.entries()) yield { kind: 'document', doc: { file: 'x.csv', syntax: 'text', text, record: { row: i + 1, line: i + 2 } } };
    }
    let started = 0;
    const out: Array<{ text: string; rules: string[] }> = [];
    for await (const { event, findings } of lintInParallel(
      sources(),
      () => resolved,
      2,
      () => started++,
      { documents: 10, chars: 100 },
    )) {
      if (event.kind === 'document') out.push({ text: event.doc.text, rules: findings!.map((f) => f.ruleId) });
    }
    expect(started).toBe(1);
    // Input order, and each record's findings as one thread gives them.
    expect(out.map((o) => o.text)).toEqual(texts);
    expect(out).toEqual(texts.map((text) => ({ text, rules: lintDocument({ file: 'x.csv', syntax: 'text', text }, resolved).map((f) => f.ruleId) })));
    // The workers saw records with a place (the hidden-character ones too), none of the others.
    expect(sent.length).toBeGreaterThan(30);
    // All of them (after the first ten, linted here before the pool was due): this thread lints a
    // batch only when every other batch in flight is at the worker (lint-parallel.ts), and these
    // are fewer batches than are in flight.
    expect(sent).toEqual(texts.slice(10).filter((t) => t.includes('IVDU') || t.includes('\u00ad')));
    expect(sent.filter((t) => !t.includes('IVDU') && !t.includes('\u00ad'))).toEqual([]);
    expect(sent.some((t) => t.includes('\u00ad'))).toBe(true);
    // Each went with the places found on the reading thread: IVDU's, or none in the text as
    // written when only its hidden-free reading ("IVDU") may hold a finding.
    expect(sent.map((t, i) => (handed[i] ?? []).map((p) => t.slice(p, p + 4)))).toEqual(sent.map((t) => (t.includes('\u00ad') ? [] : ['IVDU'])));
    expect(out.filter((o) => o.rules.length).length).toBeGreaterThan(40);
  });
  it('closes the source when the consumer stops early, before the pool is due and after it started', async () => {
    for (const poolFrom of [
      { documents: 1000, chars: 1 << 30 },
      { documents: 2, chars: 10 },
    ]) {
      let closed = false;
      let read = 0;
      async function* sources(): AsyncGenerator<SourceEvent> {
        try {
          for (let i = 0; i < 100; i++) {
            read++;
            yield { kind: 'document', doc: { file: 'x.csv', syntax: 'text', text: `Note ${i}: hx of IVDU.`, record: { row: i + 1, line: i + 2 } } };
          }
        } finally {
          closed = true;
        }
      }
      const seen: string[] = [];
      for await (const { event, findings } of lintInParallel(sources(), () => resolved, 2, undefined, poolFrom)) {
        if (event.kind === 'document') seen.push(`${event.doc.text} ${findings!.map((f) => f.ruleId).join()}`);
        if (seen.length === 5) break;
      }
      expect(seen).toEqual(
        Array.from(
          { length: 5 },
          (_, i) =>
            `Note ${i}: hx of IVDU. ${lintDocument({ file: 'x.csv', syntax: 'text', text: `Note ${i}: hx of IVDU.` }, resolved)
              .map((f) => f.ruleId)
              .join()}`,
        ),
      );
      expect(closed).toBe(true);
      // Before the pool, a document is read only when the one before it is out; the pool reads ahead by batches.
      if (poolFrom.documents === 1000) expect(read).toBe(5);
    }
  });
});
