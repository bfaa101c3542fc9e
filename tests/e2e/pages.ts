// Serves page fixtures at real URLs so the content script runs as on the real sites.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { servePages } from '../../scripts/launch-chromium';

export const PAGES_DIR = join(__dirname, '..', 'fixtures', 'pages');

/** Routes each URL to a fixture file in tests/fixtures/pages, or to HTML text; see servePages. */
export async function serveFixtures(context: BrowserContext, routes: Record<string, string>): Promise<void> {
  const pages = Object.fromEntries(
    Object.entries(routes).map(([url, file]) => [url, () => (file.trimStart().startsWith('<') ? file : readFileSync(join(PAGES_DIR, file), 'utf8'))]),
  );
  await servePages(context, pages);
}

/** Entry ids of the badges on the page, in document order. */
export function badgeEntries(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll('faultline-badge[data-faultline-entries]')].flatMap((h) => (h.getAttribute('data-faultline-entries') ?? '').split(' ')),
  );
}

/** What each badge says (its visible text and accessible name), keyed by entry id, in document order. */
export function badgeTexts(page: Page): Promise<Array<{ entry: string; text: string; label: string; confidence: string }>> {
  return page.evaluate(() =>
    [...document.querySelectorAll('faultline-badge[data-faultline-entries]')].flatMap((host) => {
      const entries = (host.getAttribute('data-faultline-entries') ?? '').split(' ');
      const buttons = [...(host.shadowRoot?.querySelectorAll('button.badge') ?? [])];
      return buttons.map((b, k) => ({
        entry: entries[k],
        text: b.querySelector('.badge-text')?.textContent ?? '',
        label: b.getAttribute('aria-label') ?? '',
        confidence: ['strong', 'some', 'none'].find((c) => b.classList.contains(`badge-${c}`)) ?? '',
      }));
    }),
  );
}
