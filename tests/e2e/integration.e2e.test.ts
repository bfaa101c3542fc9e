// Paths that cross the extension's parts: the context menu, custom signatures reaching
// the content script, and an optional site (Discord) turned on from the options page.
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BrowserContext, Page, Worker } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension } from './browser';
import { badgeEntries, registerTitle, serveFixtures } from './pages';
import { closedHosts } from '../../scripts/closed-shadow';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const GRANTED_DIR = join(ROOT, process.env.FAULTLINE_GRANTED_OUT ?? '.output-granted', 'chrome-mv3');
const CUSTOM = join(ROOT, 'tests/fixtures/custom/valid-signature.md');

const poll = <T>(fn: () => T | Promise<T>) => expect.poll(fn, { timeout: 10_000 });

const ISSUE = 'https://github.com/o/r/issues/42';
const ISSUE_HTML = `<!doctype html><html data-color-mode="light"><body><div data-testid="issue-viewer-container">
<div class="react-issue-body"><div data-testid="markdown-body" class="markdown-body">
<p>Our build tool crashed:</p><pre>FrobnicatorError: widget flux capacitor overheated (after 3 retries)</pre></div></div></div></body></html>`;
const DISCORD = 'https://discord.com/channels/1/2';
const PLAIN = 'https://example.com/blog/post';
const DOCS = 'https://docs.ollama.com/faq';
const PLAIN_HTML = '<!doctype html><p>An article with no content script.</p>';

declare const faultlineOnMenuClicked: (info: { menuItemId: string; selectionText: string }, tab?: object) => Promise<boolean>;

describe('context menu, custom signatures and optional sites in real Chromium', () => {
  let context: BrowserContext;
  let extensionId: string;
  let worker: Worker;

  beforeAll(async () => {
    ({ context, extensionId } = await launchWithExtension({ extensionDir: GRANTED_DIR }));
    worker = context.serviceWorkers()[0];
    await serveFixtures(context, { [ISSUE]: ISSUE_HTML, [DISCORD]: 'discord-channel.html', [PLAIN]: PLAIN_HTML, [DOCS]: 'docs-page.html' });
  });
  afterAll(async () => {
    await context?.close();
  });

  async function optionsPage(): Promise<Page> {
    const page = await context.newPage();
    await page.goto(`chrome-extension://${extensionId}/options.html`);
    await page.getByRole('heading', { level: 1 }).waitFor();
    return page;
  }

  it('"Diagnose selected text" opens the diagnosis page with the right top cause, on a page without content script', async () => {
    const page = await context.newPage();
    await page.goto(PLAIN);
    const paste = 'failed to start or connect to MCP server "filesystem"\nError: spawn npx ENOENT\nMcpError: MCP error -32000: Connection closed';
    const [diagnosis] = await Promise.all([
      context.waitForEvent('page'),
      worker.evaluate(
        ([text, url]) => faultlineOnMenuClicked({ menuItemId: 'faultline-diagnose-selection', selectionText: text }, { url }),
        [paste, PLAIN] as const,
      ),
    ]);
    await diagnosis.waitForLoadState();
    expect(diagnosis.url()).toContain(`chrome-extension://${extensionId}/diagnosis.html`);
    // The seed entry, with command-not-found ranked first because of `spawn npx ENOENT`.
    const main = diagnosis.getByRole('main');
    await poll(() => main.textContent()).toContain('MCP error -32000: Connection closed');
    const seed = diagnosis.getByRole('article', { name: 'MCP error -32000: Connection closed', exact: true });
    await poll(() => seed.locator('[data-cause-id]').first().getAttribute('data-cause-id')).toBe('command-not-found');
    await diagnosis.close();
    await page.close();
  });

  it('a custom signature imported in the options page badges a page; a broken file keeps it', async () => {
    const options = await optionsPage();
    await options.getByLabel('Import .md files').setInputFiles(CUSTOM);
    await poll(() => options.getByRole('list', { name: 'Your signatures' }).textContent()).toContain('custom/valid-signature');
    await options.getByLabel('Import .md files').setInputFiles({
      name: 'broken.md',
      mimeType: 'text/markdown',
      buffer: Buffer.from('---\ntitle: "x"\n---\n'),
    });
    await options.getByRole('alert').waitFor();
    expect(await options.getByRole('list', { name: 'Your signatures' }).textContent()).toContain('custom/valid-signature');

    const page = await context.newPage();
    await page.goto(ISSUE);
    registerTitle('FrobnicatorError: widget flux capacitor overheated', 'custom/valid-signature');
    await poll(() => badgeEntries(page)).toEqual(['custom/valid-signature']);
    await page.close();
    await options.close();
  });

  it('"Scan this page" scans a page whose site is off, when the popup asks', async () => {
    const page = await context.newPage();
    await page.goto(DOCS);
    await page.waitForTimeout(1_000);
    expect(await closedHosts(page)).toEqual([]);
    const tabId = await worker.evaluate(async (url) => (await chrome.tabs.query({ url }))[0]?.id, DOCS);
    // The popup's button sends this message; here an extension page sends it directly.
    const ui = await context.newPage();
    await ui.goto(`chrome-extension://${extensionId}/popup.html`);
    expect(await ui.evaluate((id) => chrome.runtime.sendMessage({ type: 'ui:scan-tab', tabId: id }), tabId)).toEqual({ ok: true });
    await poll(async () => (await badgeEntries(page)).length).toBeGreaterThan(0);
    await ui.close();
    await page.close();
  });

  it('Discord badges appear once the person turns Discord on in the options page', async () => {
    const before = await context.newPage();
    await before.goto(DISCORD);
    await before.waitForTimeout(1_000);
    expect(await closedHosts(before)).toEqual([]);
    await before.close();

    const options = await optionsPage();
    const discord = options.getByRole('switch', { name: /Discord/ });
    await discord.check();
    await poll(() => discord.isChecked()).toBe(true);
    await poll(() => worker.evaluate(async () => (await chrome.scripting.getRegisteredContentScripts()).map((s) => s.id))).toContain('faultline-optional');

    const page = await context.newPage();
    await page.goto(DISCORD);
    await poll(async () => (await badgeEntries(page)).length).toBeGreaterThan(0);
    await page.close();
    await options.close();
  });
});

declare const chrome: {
  scripting: { getRegisteredContentScripts(): Promise<Array<{ id: string }>> };
  tabs: { query(q: { url: string }): Promise<Array<{ id?: number }>> };
  runtime: { sendMessage(message: object): Promise<unknown> };
};
