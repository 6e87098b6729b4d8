// The audit report in a real browser: Debian's headless Chromium, driven by playwright-core
// (which never downloads a browser), opens the generated page from disk. The charts must have
// drawn, the console must stay free of errors, and the page must make no request at all besides
// the file itself. Screenshots (screen and print) go to test-artifacts/ for a person to look at.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CHROMIUM, HAS_CHROMIUM, openWatched } from './browser.js';
import { ROOT, runMain } from './helpers.js';

const ARTIFACTS = path.join(ROOT, 'test-artifacts');

if (!HAS_CHROMIUM) {
  console.warn(`report.browser.test: SKIPPED: ${CHROMIUM} is not installed (apt-get install -y chromium; .ci/run does this)`);
}

describe.skipIf(!HAS_CHROMIUM)('the report in headless Chromium', () => {
  it('renders every chart from disk with no console error and no network request', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'dignify-browser-'));
    const file = path.join(dir, 'report.html');
    const r = await runMain([
      'report',
      'fixtures/report/notes.csv',
      '--text-column',
      'text',
      '--id-column',
      'note_id',
      '--group-by',
      'department,author_role',
      '--date-column',
      'note_date',
      '-o',
      file,
    ]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const url = pathToFileURL(file).href;

    const { page, requests, problems, close } = await openWatched(url, { width: 1400, height: 900 });
    try {
      await page.goto(url, { waitUntil: 'load' });

      await expect(page.title()).resolves.toContain('Stigmatizing language audit');
      const charts = await page.locator('svg.chart').evaluateAll((svgs) =>
        svgs.map((svg) => {
          const box = svg.getBoundingClientRect();
          const bars = [...svg.querySelectorAll('rect')].map((rect) => (rect as SVGGraphicsElement).getBBox());
          return {
            title: svg.querySelector('title')?.textContent ?? '',
            width: box.width,
            height: box.height,
            bars: bars.filter((b) => b.width > 0 && b.height > 0).length,
          };
        }),
      );
      // Trend, rules, and one per --group-by column.
      expect(charts.map((c) => c.title)).toEqual([
        'Findings per 1,000 notes by month',
        'Findings by rule',
        'Findings per 1,000 notes by department',
        'Findings per 1,000 notes by author_role',
      ]);
      for (const c of charts) {
        expect(c.width, c.title).toBeGreaterThan(200);
        expect(c.height, c.title).toBeGreaterThan(50);
        expect(c.bars, c.title).toBeGreaterThan(0);
      }
      // Each chart has its data table beside it.
      expect(await page.locator('.figure:has(svg.chart) table').count()).toBe(charts.length);

      mkdirSync(ARTIFACTS, { recursive: true });
      await page.screenshot({ path: path.join(ARTIFACTS, 'report.png'), fullPage: true });
      await page.emulateMedia({ media: 'print' });
      await page.screenshot({ path: path.join(ARTIFACTS, 'report-print.png'), fullPage: true });

      expect(problems).toEqual([]);
      expect(requests).toEqual([url]);
    } finally {
      await close();
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
