// Debian's headless Chromium for the browser tests (playwright-core never downloads a browser): the
// launch flags this machine needs, and a page opened from disk that records every request it makes
// (all but the page itself are aborted) and every console message and page error.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type BrowserContext, chromium, type Page } from 'playwright-core';

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
  /** Closes the browser and removes its profile. */
  close(): Promise<void>;
}

/** Opens `url` in a fresh, empty profile; `consoleLevels` are the console message types counted as problems. */
export async function openWatched(
  url: string,
  viewport: { width: number; height: number },
  consoleLevels: readonly string[] = ['error'],
): Promise<WatchedPage> {
  const profile = mkdtempSync(path.join(tmpdir(), 'dignify-profile-'));
  const context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, headless: true, args: ARGS, viewport });
  const close = async () => {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  };
  try {
    const requests: string[] = [];
    const problems: string[] = [];
    await context.route('**/*', (route) => {
      const requested = route.request().url();
      if (requested === url) return route.continue();
      problems.push(`network request: ${requested}`);
      return route.abort();
    });
    const page = context.pages()[0] ?? (await context.newPage());
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
