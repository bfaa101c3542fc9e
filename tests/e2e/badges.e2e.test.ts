import type { BrowserContext, Page, Worker } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { launchWithExtension } from './browser';
import { appendErrorComment, badgeEntries, badgeTexts, PAGES_DIR, serveFixtures } from './pages';
import { attributeOf, clickNode, closedHosts, focusedNode, focusNode, hoverNode, queryClosed, textOf } from '../../scripts/closed-shadow';

// Scans run in idle slices and counts are reported after a short delay: poll patiently.
/** The extension APIs, as the service worker sees them (evaluated there, typed here). */
declare const chrome: {
  tabs: { query(q: { url: string }): Promise<Array<{ id?: number }>> };
  action: { getBadgeText(d: { tabId?: number }): Promise<string> };
};

const poll = <T>(fn: () => T | Promise<T>, options: { timeout?: number } = {}) => expect.poll(fn, { timeout: 10_000, ...options });

const ISSUE = 'https://github.com/modelcontextprotocol/python-sdk/issues/2610';
const ISSUE_2 = 'https://github.com/modelcontextprotocol/python-sdk/issues/2611';
const QUIET = 'https://github.com/o/r/issues/3';
const SO = 'https://stackoverflow.com/questions/1/x';
const GITLAB = 'https://gitlab.com/gitlab-org/gitlab/-/issues/1';
const BUSY = 'https://github.com/modelcontextprotocol/python-sdk/issues/2612';

/** The React issue fixture with more replies: two repeat the first paste, one only mentions the error under a negation. */
function busyThread(): string {
  const page = readFileSync(join(PAGES_DIR, 'github-issue-react.html'), 'utf8');
  const comment = (id: string, body: string) =>
    `<div class="react-issue-comment"><div data-testid="comment-viewer-outer-box-${id}"><div data-testid="markdown-body" class="markdown-body">${body}</div></div></div>`;
  const paste = '<pre>2026-05-12T15:48:10.753Z [sequential-thinking] [error] failed to start or connect to MCP server \'sequential-thinking\' {"command":"npx"};\nMcpError: MCP error -32000: Connection closed</pre>';
  const replies = [
    comment('IC_busy1', `<p>Same for me:</p>${paste}`),
    comment('IC_busy2', `<p>Me too:</p>${paste}`),
    comment('IC_busy3', '<p>For me it is not <code>Error: spawn npx ENOENT</code>, npx is on my PATH.</p>'),
  ].join('');
  return page.replace('<div id="react-issue-comment-composer">', `${replies}<div id="react-issue-comment-composer">`);
}

describe('badges on pages, in real Chromium', () => {
  let context: BrowserContext;
  let extensionId: string;
  let worker: Worker;

  beforeAll(async () => {
    ({ context, extensionId } = await launchWithExtension());
    worker = context.serviceWorkers()[0];
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await serveFixtures(context, {
      [ISSUE]: 'github-issue-react.html',
      [ISSUE_2]: 'github-issue-classic.html',
      [QUIET]: 'github-no-errors.html',
      [SO]: 'stackoverflow-question.html',
      [GITLAB]: 'gitlab-issue.html',
      [BUSY]: busyThread(),
    });
  });
  afterAll(async () => {
    await context?.close();
  });

  /** The open card's text, or undefined when no card is open. */
  async function cardText(page: Page): Promise<string | undefined> {
    const [card] = await queryClosed(page, '.card');
    return card ? textOf(page, card) : undefined;
  }

  async function open(url: string): Promise<Page> {
    const page = await context.newPage();
    await page.goto(url);
    return page;
  }

  /** The toolbar count for the (newest) tab showing `url`, read in the service worker. */
  function actionCount(url: string): Promise<string> {
    return worker.evaluate(async (u) => {
      const tabs = await chrome.tabs.query({ url: u });
      const newest = tabs.reduce((a, b) => ((a.id ?? 0) > (b.id ?? 0) ? a : b));
      return chrome.action.getBadgeText({ tabId: newest.id });
    }, url);
  }

  it('badges each known error of a GitHub issue: first comment, later comment, <details>, inline code', async () => {
    const page = await open(ISSUE);
    await poll(() => badgeEntries(page)).toEqual([
      'mcp/connection-closed',
      'node/spawn-enoent',
      'docker/daemon-not-running',
      'ollama/could-not-connect',
    ]);
    // The draft in the comment box (textarea and its preview) is not scanned.
    expect(await badgeEntries(page)).not.toContain('npm/eresolve');
    await poll(() => actionCount(ISSUE)).toBe('4');
    await page.close();
  });

  it('says the likely cause where the page gives evidence and "N possible causes" where it gives none (ranked in the background)', async () => {
    const page = await open(ISSUE);
    await poll(async () => (await badgeTexts(page)).length).toBe(4);
    const byEntry = Object.fromEntries((await badgeTexts(page)).map((b) => [b.entry, b]));
    // The spawn paste holds its own evidence (`errno: -4058`, a Windows path): the badge names the cause.
    expect(byEntry['node/spawn-enoent']).toMatchObject({ confidence: 'strong', text: 'npx.cmd shim spawned without a shell' });
    expect(byEntry['node/spawn-enoent'].label).toMatch(/Likely cause: npx\.cmd shim spawned without a shell$/);
    // Nothing on the page tells the Ollama causes apart: the badge says so instead of guessing.
    expect(byEntry['ollama/could-not-connect']).toMatchObject({ confidence: 'none', text: '4 possible causes' });
    expect(byEntry['ollama/could-not-connect'].label).toMatch(/4 possible causes, no clue on this page$/);

    const [quiet] = await queryClosed(page, 'button.badge-none');
    await focusNode(page, quiet);
    await poll(async () => (await cardText(page)) ?? '').toContain('No clue on this page; the usual causes are:');
    expect(await cardText(page)).not.toContain('Most likely cause here');
    await page.keyboard.press('Escape');
    await poll(async () => (await queryClosed(page, '.card')).length).toBe(0);
    const [named] = await queryClosed(page, 'button.badge-strong');
    await focusNode(page, named);
    await poll(async () => (await cardText(page)) ?? '').toContain('Most likely cause here');
    expect((await queryClosed(page, '.card .card-cues li')).length).toBeGreaterThan(0);
    // Sources are on the card, and "Copy as Markdown" puts a reply for the thread on the clipboard.
    await poll(async () => (await cardText(page)) ?? '').toContain('Sources');
    // By keyboard, as a reader tabbing through the card would.
    const [copy] = await queryClosed(page, '.card .card-copy');
    expect(await textOf(page, copy)).toBe('Copy as Markdown');
    await focusNode(page, copy);
    await page.keyboard.press('Enter');
    await poll(async () => textOf(page, (await queryClosed(page, '.card .card-copy'))[0])).toBe('Copied');
    const reply = await page.evaluate(() => navigator.clipboard.readText());
    expect(reply.split('\n').slice(0, 4)).toEqual([
      '**Error:** `spawn npx ENOENT`: Error: spawn <command> ENOENT (child_process could not start the command)',
      '',
      '**Likely cause:** On Windows the command is a .cmd shim (npx, npm, pnpm, yarn) spawned without a shell',
      expect.stringMatching(/^Why: `.+` in this block/),
    ]);
    expect(reply).toMatch(/\*\*Fix:\*\*\n1\. /);
    expect(reply).toMatch(/\nSources: https:\/\//);
    await page.close();
  });

  it('on a busy thread, marks repeats of a diagnosis and leaves negated mentions unbadged', async () => {
    const page = await open(BUSY);
    await poll(async () => (await badgeTexts(page)).filter((b) => b.entry === 'mcp/connection-closed').length).toBe(3);
    const mcp = (await badgeTexts(page)).filter((b) => b.entry === 'mcp/connection-closed');
    expect(mcp.map((b) => b.text)).toEqual([mcp[0].text, 'same as above', 'same as above']);
    // The only spawn ENOENT badge is the real paste; "it is not `Error: spawn npx ENOENT`" gets none.
    expect((await badgeEntries(page)).filter((e) => e === 'node/spawn-enoent')).toHaveLength(1);
    // A repeat marker takes the reader to the first badge.
    const [repeat] = await queryClosed(page, 'button.badge-repeat');
    const buttons = await queryClosed(page, 'button.badge');
    const firstMcp = buttons[(await badgeEntries(page)).indexOf('mcp/connection-closed')];
    expect(repeat.hostBackendNodeId).not.toBe(firstMcp.hostBackendNodeId);
    await clickNode(page, repeat);
    // document.activeElement is the host of the focused badge (focus inside a closed root is retargeted).
    await poll(() => focusedNode(page)).toBe(firstMcp.hostBackendNodeId);
    await page.close();
  });

  it('opens the card on hover and on keyboard focus, with the top cause and why', async () => {
    const page = await open(ISSUE);
    await poll(async () => (await queryClosed(page, 'button.badge')).length).toBeGreaterThan(0);
    const [badge] = await queryClosed(page, 'button.badge');
    await hoverNode(page, badge);
    await poll(async () => (await cardText(page)) ?? '').toContain('MCP error -32000: Connection closed');
    await page.mouse.move(0, 0);
    await poll(async () => (await queryClosed(page, '.card')).length).toBe(0);

    await focusNode(page, badge);
    await poll(async () => (await queryClosed(page, '.card')).length).toBe(1);
    expect(await attributeOf(page, badge, 'aria-expanded')).toBe('true');
    await page.keyboard.press('Escape');
    await poll(async () => (await queryClosed(page, '.card')).length).toBe(0);
    await page.close();
  });

  it('Alt+Shift+J and Alt+Shift+K move between badges, as the card says', async () => {
    const page = await open(ISSUE);
    await poll(async () => (await badgeEntries(page)).length).toBe(4);
    const hosts = await closedHosts(page);
    await page.keyboard.press('Alt+Shift+KeyJ');
    await poll(() => focusedNode(page)).toBe(hosts[0]);
    await page.keyboard.press('Alt+Shift+KeyJ');
    await poll(() => focusedNode(page)).toBe(hosts[1]);
    await page.keyboard.press('Alt+Shift+KeyK');
    await poll(() => focusedNode(page)).toBe(hosts[0]);
    expect(await cardText(page)).toContain('Alt+Shift+J / K: next / previous badge');
    await page.close();
  });

  it('"Open diagnosis" opens the extension page for that entry', async () => {
    const page = await open(ISSUE);
    await poll(async () => (await queryClosed(page, 'button.badge')).length).toBeGreaterThan(0);
    const [badge] = await queryClosed(page, 'button.badge');
    await focusNode(page, badge);
    await poll(async () => (await queryClosed(page, '.card .card-open')).length).toBe(1);
    const [openButton] = await queryClosed(page, '.card .card-open');
    const [diagnosis] = await Promise.all([context.waitForEvent('page'), clickNode(page, openButton)]);
    await diagnosis.waitForLoadState();
    const url = new URL(diagnosis.url());
    expect(`${url.protocol}//${url.host}`).toBe(`chrome-extension://${extensionId}`);
    expect(url.pathname).toBe('/diagnosis.html');
    expect(url.searchParams.get('entry')).toBe('mcp/connection-closed');
    expect(url.searchParams.get('context')).toMatch(/^[0-9a-f-]{36}$/);
    await diagnosis.close();
    await page.close();
  });

  it('badges a comment added after load', async () => {
    const page = await open(ISSUE);
    await poll(async () => (await badgeEntries(page)).length).toBe(4);
    await page.evaluate(appendErrorComment);
    await poll(() => badgeEntries(page)).toContain('npm/eresolve');
    await poll(() => actionCount(ISSUE)).toBe('5');
    await page.close();
  });

  it('rescans after SPA navigation to another issue', async () => {
    const page = await open(ISSUE);
    await poll(async () => (await badgeEntries(page)).length).toBe(4);
    const next = readFileSync(join(PAGES_DIR, 'github-issue-classic.html'), 'utf8');
    await page.evaluate(
      ({ html, url }) => {
        // What a soft navigation does: new URL, new document body, no page load.
        const doc = new DOMParser().parseFromString(html, 'text/html');
        history.pushState({}, '', url);
        document.body.replaceWith(document.adoptNode(doc.body));
      },
      { html: next, url: ISSUE_2 },
    );
    // The new issue's errors are badged and the old issue's are gone.
    await poll(async () => (await badgeEntries(page)).length).toBeGreaterThan(0);
    expect(await badgeEntries(page)).not.toContain('ollama/could-not-connect');
    await page.close();
  });

  it('copying a badged code block yields exactly the original text', async () => {
    const page = await open(ISSUE);
    await poll(async () => (await badgeEntries(page)).length).toBe(4);
    const original = await page.evaluate(() => {
      const body = document.querySelector('[data-testid="issue-body-viewer"] .markdown-body .markdown-body') as Element;
      const selection = getSelection() as Selection;
      selection.selectAllChildren(body);
      return body.textContent;
    });
    await page.keyboard.press('Control+C');
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    // The badge (a sibling of the code block, in a shadow root) adds nothing to the copy.
    expect(copied).not.toContain('Known error');
    expect(copied.replace(/\s+/g, ' ').trim()).toBe((original ?? '').replace(/\s+/g, ' ').trim());
    const pre = await page.evaluate(() => {
      const el = document.querySelector('pre') as Element;
      (getSelection() as Selection).selectAllChildren(el);
      return el.textContent;
    });
    await page.keyboard.press('Control+C');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(pre);
    await page.close();
  });

  it('badges Stack Overflow and GitLab pages', async () => {
    const so = await open(SO);
    await poll(async () => (await badgeEntries(so)).length).toBeGreaterThan(0);
    const gitlab = await open(GITLAB);
    await poll(async () => (await badgeEntries(gitlab)).length).toBeGreaterThan(0);
    await so.close();
    await gitlab.close();
  });

  it('shows nothing on a page without known errors', async () => {
    const page = await open(QUIET);
    await page.waitForTimeout(1500);
    expect(await closedHosts(page)).toEqual([]);
    expect(await actionCount(QUIET)).toBe('');
    await page.close();
  });
});

