// Serves page fixtures at real URLs so the content script runs as on the real sites, and
// reads the badges through the DevTools protocol (they live in closed shadow roots).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { servePages } from '../../scripts/launch-chromium';
import { attributeOf, onNode, queryClosed } from '../../scripts/closed-shadow';
import entries from '../../src/knowledge/generated/entries.json';

export const PAGES_DIR = join(__dirname, '..', 'fixtures', 'pages');

/** Routes each URL to a fixture file in tests/fixtures/pages, or to HTML text; see servePages. */
export async function serveFixtures(context: BrowserContext, routes: Record<string, string>): Promise<void> {
  const pages = Object.fromEntries(
    Object.entries(routes).map(([url, file]) => [url, () => (file.trimStart().startsWith('<') ? file : readFileSync(join(PAGES_DIR, file), 'utf8'))]),
  );
  await servePages(context, pages);
}

/**
 * Runs in the page (pass it to Playwright's or Puppeteer's `page.evaluate`): appends a
 * comment holding a real npm ERESOLVE paste to the React issue fixture's timeline, as a
 * page adds one after load.
 */
export function appendErrorComment(): void {
  const timeline = document.querySelector('[data-testid="issue-timeline-container"]') as Element;
  const comment = document.createElement('div');
  comment.className = 'react-issue-comment';
  comment.innerHTML = '<div data-testid="markdown-body" class="markdown-body"><pre><code>npm ERR! code ERESOLVE\nnpm ERR! ERESOLVE unable to resolve dependency tree</code></pre></div>';
  timeline.append(comment);
}

/** Titles, longest first, so a title that extends another is tried before it. */
const TITLES: Array<readonly [string, string]> = (entries as Array<{ id: string; title: string }>).map((e) => [e.title, e.id] as const);
const byLength = () => TITLES.sort((a, b) => b[0].length - a[0].length);
byLength();

/** A custom signature's title, so its badges read as its id. */
export function registerTitle(title: string, id: string): void {
  TITLES.push([title, id]);
  byLength();
}

/**
 * The entry a badge stands for, read from its accessible name (the DOM names no entry):
 * "Known error: <title>…" for a badge, "<title>: the same diagnosis…" for a repeat marker.
 */
export function entryOfLabel(label: string): string {
  for (const [title, id] of TITLES) {
    if (label.startsWith(`Known error: ${title}`) || label.startsWith(`${title}: the same diagnosis`)) return id;
  }
  return `?${label}`;
}

/** What a badge button says, from its accessible name, its text and its classes (either browser). */
export function badgeOf(label: string, text: string, classes: string[]): { entry: string; text: string; confidence: string } {
  return { entry: entryOfLabel(label), text, confidence: ['strong', 'some', 'none'].find((c) => classes.includes(`badge-${c}`)) ?? '' };
}

/** Entry ids of the badges on the page, in document order. */
export async function badgeEntries(page: Page): Promise<string[]> {
  return (await badgeTexts(page)).map((b) => b.entry);
}

/** What each badge says (its visible text and accessible name), with its entry, in document order. */
export async function badgeTexts(page: Page): Promise<Array<{ entry: string; text: string; label: string; confidence: string }>> {
  const out = [];
  for (const button of await queryClosed(page, 'button.badge:not(.more)')) {
    const label = (await attributeOf(page, button, 'aria-label')) ?? '';
    const { text, classes } = await onNode<{ text: string; classes: string[] }>(
      page,
      button,
      'function () { return { text: this.querySelector(".badge-text")?.textContent ?? "", classes: [...this.classList] }; }',
    );
    out.push({ ...badgeOf(label, text, classes), label });
  }
  return out;
}
