// Serves page fixtures at real URLs so the content script runs as on the real sites.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';

export const PAGES_DIR = join(__dirname, '..', 'fixtures', 'pages');

/**
 * Routes `url` to a fixture file (or HTML text). Every other request from the page is
 * refused and recorded, so a test can also prove nothing else was fetched.
 */
export async function serveFixtures(context: BrowserContext, routes: Record<string, string>): Promise<string[]> {
  const refused: string[] = [];
  await context.route('**/*', (route) => {
    const url = route.request().url();
    // The extension's own pages and files are not the web: let them load.
    if (url.startsWith('chrome-extension://')) return route.fallback();
    const file = routes[url.split('#')[0]];
    if (file === undefined) {
      refused.push(url);
      return route.abort();
    }
    const body = file.trimStart().startsWith('<') ? file : readFileSync(join(PAGES_DIR, file), 'utf8');
    return route.fulfill({ contentType: 'text/html; charset=utf-8', body });
  });
  return refused;
}

/** Entry ids of the badges on the page, in document order. */
export function badgeEntries(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll('faultline-badge[data-faultline-entries]')].flatMap((h) => (h.getAttribute('data-faultline-entries') ?? '').split(' ')),
  );
}
