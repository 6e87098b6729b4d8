// The pages in a real browser: Debian's headless Chromium, driven by playwright-core (which never
// downloads a browser), opens them from disk. One browser serves both (a Chromium start is about
// 4.5 s of CPU), each page in a fresh context of its own.
//
// The paste-a-note page (dist/web/index.html): a note is typed, the findings are marked in place
// and listed, suggestions are applied from the list (by keyboard) and from the pop-up at the caret,
// the revised text is copied, and the page makes no request and logs no error. axe-core then
// checks accessibility (no serious or critical violation).
//
// The audit report: the charts must have drawn, the console must stay free of errors, and the page
// must make no request at all besides the file itself; axe-core finds no violation and no ARIA
// attribute to review. Screenshots of both (the report on screen and in print) are written only where
// DIGNIFY_ARTIFACTS names a folder.
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM, HAS_CHROMIUM, launchChromium, openWatched } from './browser.js';
import { ROOT, runMain } from './helpers.js';

const PAGE = path.join(ROOT, 'dist', 'web', 'index.html');
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
// Screenshots for a person to look at (they assert nothing), taken only where DIGNIFY_ARTIFACTS names
// a folder: a full-page PNG of the report took ~1 s of CPU each on the busy 2-core machine, about a
// fifth of this file's time, for files no one opened (the report's went to test-artifacts/ every run).
const ARTIFACTS = process.env.DIGNIFY_ARTIFACTS;
if (ARTIFACTS) mkdirSync(ARTIFACTS, { recursive: true });

/** A full-page screenshot in DIGNIFY_ARTIFACTS as `name`, or nothing when that is not set. */
async function screenshot(page: Page, name: string): Promise<void> {
  if (ARTIFACTS) await page.screenshot({ path: path.join(ARTIFACTS, name), fullPage: true });
}
if (ARTIFACTS) console.log(`pages.browser.test: screenshots in ${ARTIFACTS}`);

if (!HAS_CHROMIUM) {
  console.warn(`pages.browser.test: SKIPPED: ${CHROMIUM} is not installed (apt-get install -y chromium; .ci/run does this)`);
}

let browser: Browser;
beforeAll(async () => {
  if (HAS_CHROMIUM) browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

describe.skipIf(!HAS_CHROMIUM)('the page in headless Chromium', () => {
  it('marks findings as a note is typed, applies suggestions, copies the text; no request, no console error, no serious axe violation', async () => {
    const url = pathToFileURL(PAGE).href;
    const { context, page, requests, problems, close } = await openWatched(browser, url, { width: 1280, height: 900 }, ['error', 'warning']);
    try {
      await context.grantPermissions(['clipboard-read', 'clipboard-write']);
      await page.goto(url, { waitUntil: 'load' });
      await expect.poll(() => page.locator('#summary').textContent()).toBe('No text yet.');

      const note = page.locator('#note');
      await note.click();
      await note.pressSequentially('Pt is an addict with hx of IVDU.\nClean and dry wound. DRUG ABUSE in the past.', { delay: 2 });
      await expect.poll(() => page.locator('#highlights mark').allTextContents()).toEqual(['addict', 'IVDU', 'DRUG ABUSE']);
      // Counted as the command line counts them: "3 errors", not "3 error".
      await expect.poll(() => page.locator('#summary').textContent()).toBe('3 findings (3 errors).');
      // Each finding is listed with the rule's reason and suggestion buttons.
      const items = page.locator('#findings > li');
      await expect.poll(() => items.count()).toBe(3);
      for (let i = 0; i < 3; i++) {
        await expect.poll(async () => ((await items.nth(i).locator('.reason').textContent()) ?? '').length).toBeGreaterThan(20);
        expect(await items.nth(i).locator('button.suggestion').count()).toBeGreaterThan(0);
      }
      // (A newcomer trial, 2026-12-04: the page showed no source.) Each finding lists its rule's sources
      // by title, folded, each a link that opens in a new tab and sends no referrer.
      const sources = items.first().locator('details.sources');
      await expect.poll(() => sources.locator('summary').textContent()).toMatch(/^Sources \(\d+\)$/);
      const nida = sources.locator('a', { hasText: 'Words Matter' });
      expect(await nida.getAttribute('href')).toMatch(/^https:\/\/nida\.nih\.gov\//);
      expect([await nida.getAttribute('target'), await nida.getAttribute('rel')]).toEqual(['_blank', 'noopener noreferrer']);
      // The marks sit under the words in the textarea: same place on screen.
      const mark = await page.locator('#highlights mark').first().boundingBox();
      expect(mark!.width).toBeGreaterThan(20);
      await screenshot(page, 'web-findings.png');

      // The caret in a phrase shows its suggestions beside it; a click applies the first.
      await note.evaluate((el: HTMLTextAreaElement) => {
        el.focus();
        el.setSelectionRange(10, 10);
      });
      await page.keyboard.press('ArrowRight');
      const popover = page.locator('#popover');
      await expect.poll(() => popover.isVisible()).toBe(true);
      await screenshot(page, 'web-popover.png');
      const first = popover.locator('button.suggestion').first();
      const firstText = (await first.textContent()) ?? '';
      await first.click();
      await expect.poll(() => note.inputValue()).toMatch(/^Pt is a person with /);
      expect(await note.inputValue()).toContain(firstText);

      // By keyboard from the list: focus the IVDU finding's first suggestion and press Enter.
      const ivdu = page.locator('#findings > li', { hasText: 'IVDU' }).locator('button.suggestion').first();
      await ivdu.focus();
      await page.keyboard.press('Enter');
      await expect.poll(() => note.inputValue()).toContain('hx of injection drug use.');
      // Focus stays in the list (the next finding), not lost to the page.
      expect(await page.evaluate(() => document.activeElement?.closest('#findings') !== null)).toBe(true);
      // The case pattern is kept: DRUG ABUSE → DRUG USE.
      await page.locator('#findings > li', { hasText: 'DRUG ABUSE' }).locator('button.suggestion').first().click();
      await expect.poll(() => note.inputValue()).toContain('DRUG USE in the past.');
      await expect.poll(() => page.locator('#summary').textContent()).toMatch(/No findings/);
      const revised = await note.inputValue();
      expect(revised).toMatch(/^Pt is a person with .* with hx of injection drug use\.\nClean and dry wound\. DRUG USE in the past\.$/);

      await page.locator('#copy').click();
      await expect.poll(() => page.locator('#copy-status').textContent()).toMatch(/^Copied/);
      expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(revised);
      await screenshot(page, 'web-revised.png');

      // Keyboard order: the note, then its buttons, then the findings.
      await note.focus();
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('copy');

      // Accessibility, with findings on the page.
      await note.fill('Heroin addict, "junkie" per pt. Hx of IVDU.');
      await expect.poll(() => page.locator('#findings > li').count()).toBe(3);
      await page.evaluate(AXE);
      const violations = await page.evaluate(async () => {
        const axe = (window as unknown as { axe: { run: (opts: object) => Promise<{ violations: Array<{ id: string; impact: string; nodes: unknown[] }> }> } })
          .axe;
        const result = await axe.run({ runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] } });
        return result.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.length }));
      });
      expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);
      await screenshot(page, 'web-quoted.png');

      // Found by a newcomer trial. (1) An instruction or a placeholder is shown to reword by hand,
      // never a button that puts it in the note; quoted words get no button.
      await note.fill('He was combative overnight. Patient states "I am an addict".');
      await expect.poll(() => page.locator('#findings > li').count()).toBe(2);
      const seeker = page.locator('#findings > li', { hasText: 'combative' });
      expect(await seeker.locator('.by-hand').textContent()).toMatch(/^Reword by hand: describe the behaviour/);
      expect(await seeker.locator('button.suggestion').allTextContents()).toEqual(['distressed']);
      expect(await page.locator('#findings > li', { hasText: 'I am an addict' }).locator('button.suggestion').count()).toBe(0);
      // (2) A click after typing that moved the findings replaces the finding clicked, not the one now at its index.
      await note.fill('Known heroin addict.');
      await expect.poll(() => page.locator('#findings > li').count()).toBe(1);
      const addictButton = page.locator('#findings > li').first().locator('button.suggestion').first();
      await note.evaluate((el: HTMLTextAreaElement) => {
        el.value = `Hx IVDU. ${el.value}`; // typed, not yet linted (no input event: no lint is due)
      });
      await addictButton.click();
      await expect.poll(() => note.inputValue()).toBe('Hx IVDU. Person with known opioid use disorder.');
      // (3) The browser's undo takes an applied suggestion back, and Clear too.
      await note.focus();
      await page.keyboard.press('Control+z');
      await expect.poll(() => note.inputValue()).toBe('Hx IVDU. Known heroin addict.');
      await page.locator('#clear').click();
      await expect.poll(() => note.inputValue()).toBe('');
      await page.keyboard.press('Control+z');
      await expect.poll(() => note.inputValue()).toBe('Hx IVDU. Known heroin addict.');
      // (4) Escape closes the pop-up, in the note and in the pop-up, and it stays closed until the caret moves.
      await expect.poll(() => page.locator('#highlights mark').count()).toBe(2);
      await note.evaluate((el: HTMLTextAreaElement) => el.setSelectionRange(4, 4));
      await page.keyboard.press('ArrowRight');
      await expect.poll(() => popover.isVisible()).toBe(true);
      await page.keyboard.press('Escape');
      await expect.poll(() => popover.isVisible()).toBe(false);
      await page.keyboard.press('ArrowLeft');
      await expect.poll(() => popover.isVisible()).toBe(true);
      await popover.locator('button.suggestion').first().focus();
      await page.keyboard.press('Escape');
      await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('note');
      expect(await popover.isVisible()).toBe(false);
      // (5) A long text's findings are all underlined and counted, the first 200 listed (12,943
      // listed froze the page for seconds after every pause in typing).
      await note.fill('Pt is an addict. '.repeat(250));
      await expect.poll(() => page.locator('#highlights mark').count(), { timeout: 20_000 }).toBe(250);
      expect(await page.locator('#findings > li').count()).toBe(200);
      expect(await page.locator('#summary').textContent()).toBe('250 findings (250 errors). The list shows the first 200; all are underlined in the note.');

      expect(problems).toEqual([]);
      expect(requests).toEqual([url]);

      // Found by a newcomer trial (2026-12-04). (6) The note field opts out of the browser's spell-check
      // and of Grammarly: an online spell-check (Chrome's enhanced spell check, Microsoft Editor)
      // sends what is typed to its service, which the page's CSP cannot stop.
      expect(await note.getAttribute('spellcheck')).toBe('false');
      expect(await note.getAttribute('data-gramm')).toBe('false');
      // (7) What error, warning and info mean is on the page, beside the count.
      expect(await page.locator('#legend').textContent()).toMatch(/^Error: .+ Warning: .+ Info: .*quotation marks/);
      // (8) Nothing is kept: no storage written, and the page says the text is gone on reload.
      expect(await page.evaluate(() => localStorage.length + sessionStorage.length)).toBe(0);
      expect(await page.locator('.privacy').textContent()).toMatch(/Nothing is saved/);
      // (9) A sources list a reader opened stays open when the list is drawn again after typing (it
      // folded shut after every pause).
      await note.fill('Pt is an addict.');
      // The page relints after a pause of twice the last lint (up to 3 s, README), here the 250
      // findings' note: the default 1 s poll failed under load (250 marks left), on main as well.
      await expect.poll(() => page.locator('#highlights mark').count(), { timeout: 10_000 }).toBe(1);
      const opened = page.locator('#findings > li').first().locator('details.sources');
      await opened.locator('summary').click();
      await expect.poll(() => opened.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(true);
      await note.press('End');
      await note.pressSequentially(' Seen today.');
      // After the 250 findings above the page waits up to 3 s before it lints again (relint-delay.ts:
      // twice the last lint's time): on a busy machine longer than expect.poll's default second.
      await expect.poll(() => page.locator('#highlights mark').count(), { timeout: 10_000 }).toBe(1);
      await expect
        .poll(() =>
          page
            .locator('#findings > li details.sources')
            .first()
            .evaluate((d) => (d as HTMLDetailsElement).open),
        )
        .toBe(true);
      // (10) A file dropped on the page goes into the note at the caret (read in the page, nothing sent)
      // instead of opening in the tab and losing the note; a file that is not plain text is refused.
      const drop = (name: string, type: string, content: string) =>
        page.evaluate(
          (file) => {
            const data = new DataTransfer();
            data.items.add(new File([file.content], file.name, { type: file.type }));
            const target = document.getElementById('note')!;
            target.dispatchEvent(new DragEvent('dragover', { dataTransfer: data, bubbles: true, cancelable: true }));
            return target.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
          },
          { name, type, content },
        );
      await note.fill('');
      expect(await drop('note.txt', 'text/plain', 'Known drug abuser, seen today.')).toBe(false); // default prevented
      await expect.poll(() => note.inputValue()).toBe('Known drug abuser, seen today.');
      await expect.poll(() => page.locator('#highlights mark').count()).toBe(1);
      expect(await drop('note.docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'PK')).toBe(false);
      expect(await page.locator('#copy-status').textContent()).toMatch(/^note\.docx is not a plain-text file/);
      expect(await note.inputValue()).toBe('Known drug abuser, seen today.');
      // A second file dropped at the end of the note is set apart by a blank line: it ran on into the
      // note's last line ("seen today.IVDU, presents with fever.").
      await note.press('End');
      expect(await drop('second.txt', 'text/plain', 'IVDU, presents with fever.\n')).toBe(false);
      await expect.poll(() => note.inputValue()).toBe('Known drug abuser, seen today.\n\nIVDU, presents with fever.');
      await expect.poll(() => page.locator('#highlights mark').count()).toBe(2);
      await note.fill('Known drug abuser, seen today.');
      expect(page.url()).toBe(url);

      // The Content-Security-Policy forbids connections: a fetch from the page is refused.
      const fetched = await page.evaluate(() =>
        fetch('https://example.org/').then(
          () => 'sent',
          () => 'refused',
        ),
      );
      expect(fetched).toBe('refused');
      expect(requests).toEqual([url]);
    } finally {
      await close();
    }
  }, 90_000);
});

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

    const { page, requests, problems, close } = await openWatched(browser, url, { width: 1400, height: 900 });
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

      await screenshot(page, 'report.png');
      await page.emulateMedia({ media: 'print' });
      await screenshot(page, 'report-print.png');

      // Accessibility: no axe violation, and none of the ARIA checks axe leaves for review (it
      // flagged the term → suggestion arrow, a span named with aria-label, which ARIA does not allow).
      await page.emulateMedia({ media: 'screen' });
      await page.evaluate(AXE);
      const axeResult = await page.evaluate(async () => {
        type Rule = { id: string; impact: string; nodes: unknown[] };
        const axe = (window as unknown as { axe: { run: (opts: object) => Promise<{ violations: Rule[]; incomplete: Rule[] }> } }).axe;
        const result = await axe.run({ runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] } });
        const brief = (rules: Rule[]) => rules.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.length }));
        return { violations: brief(result.violations), incomplete: brief(result.incomplete) };
      });
      expect(axeResult.violations).toEqual([]);
      expect(axeResult.incomplete.filter((v) => v.id.startsWith('aria-'))).toEqual([]);

      // On a phone the page does not scroll sideways: a wide table scrolls in its own box. A stacked
      // figure's table set the width of its wrapping flex line, 687 px on a 390 px screen.
      await page.setViewportSize({ width: 390, height: 800 });
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

      expect(problems).toEqual([]);
      expect(requests).toEqual([url]);
    } finally {
      await close();
      rmSync(dir, { recursive: true, force: true });
    }
  }, 90_000);
});
