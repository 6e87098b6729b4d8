// Debian's headless Chromium for the browser tests (playwright-core never downloads a browser): the
// launch flags this machine needs, and a page opened from disk, in a fresh context of one shared
// browser, that records every request it makes (all but the page itself are aborted) and every
// console message and page error. One launch serves every page: a Chromium start costs about
// 4.5 s of CPU, more than a page's whole test.
import { existsSync } from 'node:fs';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';
export const HAS_CHROMIUM = existsSync(CHROMIUM);

// Without the background-networking flags Chromium tries hosts this machine cannot reach.
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface WatchedPage {
  context: BrowserContext;
  page: Page;
  /** Every URL the page requested, in order. */
  requests: string[];
  /** Requests other than `url`, console messages of the watched levels, and page errors. */
  problems: string[];
  /** Closes the page's context (the browser stays open for the next page). */
  close(): Promise<void>;
}

/** Starts headless Chromium; the caller closes it (afterAll). */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: ARGS });
}

/**
 * Opens `url` in a fresh context of `browser` (its own empty storage, like a new profile);
 * `consoleLevels` are the console message types counted as problems.
 */
export async function openWatched(
  browser: Browser,
  url: string,
  viewport: { width: number; height: number },
  consoleLevels: readonly string[] = ['error'],
): Promise<WatchedPage> {
  const context = await browser.newContext({ viewport });
  const close = () => context.close();
  try {
    const requests: string[] = [];
    const problems: string[] = [];
    await context.route('**/*', (route) => {
      const requested = route.request().url();
      if (requested === url) return route.continue();
      problems.push(`network request: ${requested}`);
      return route.abort();
    });
    const page = await context.newPage();
    page.on('request', (req) => requests.push(req.url()));
    page.on('console', (msg) => {
      if (consoleLevels.includes(msg.type())) problems.push(`console ${msg.type()}: ${msg.text()}`);
    });
    page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
    return { context, page, requests, problems, close };
  } catch (error) {
    await close();
    throw error;
  }
}
