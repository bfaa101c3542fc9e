import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension } from './browser';
import { axeProblems, storeLanguage } from './extension-pages';

// Set FAULTLINE_SCREENSHOTS=DIR to also write the README's screenshots.
const screenshots = process.env.FAULTLINE_SCREENSHOTS;
const ROOT = join(__dirname, '..', '..');

// Real pastes: an example of the seed entry, and a committed Claude Desktop log.
const SEED = readFileSync(join(ROOT, 'knowledge', 'mcp', 'connection-closed.md'), 'utf8');
const SEED_EXAMPLES: string[] = parse(SEED.split(/^---$/m)[1]).examples;
const NPX_PASTE = SEED_EXAMPLES.find((e) => e.includes("'sequential-thinking'")) as string;
const CANCEL_LOG = readFileSync(join(ROOT, 'samples', 'claude-desktop-mcp.log'), 'utf8');

const TITLE = 'MCP error -32000: Connection closed';
const PYTHON_CAUSE = 'Python SDK bug: a cancelled request kills the stdio receive loop (python-sdk#2610)';
const COMMAND_CAUSE = 'The host cannot find or launch the server command';
const VIEWPORT = { width: 1000, height: 900 };

const url = (id: string, query: Record<string, string>) => `chrome-extension://${id}/diagnosis.html?${new URLSearchParams(query)}`;
const causeTitles = (page: Page) => page.locator('.cause .cause-title').allTextContents();

async function ready(page: Page) {
  await page.locator('main[aria-busy=false]').waitFor();
}

/** Stores a context in session storage the way the background does, from an extension page. */
async function storeContext(page: Page, key: string, context: object) {
  await page.evaluate(([key, context]) => chrome.storage.session.set({ [`context:${key}`]: context }), [key, context] as const);
}

describe('diagnosis page in real Chromium', () => {
  let context: BrowserContext;
  let extensionId: string;

  beforeAll(async () => {
    ({ context, extensionId } = await launchWithExtension());
  });
  afterAll(async () => {
    await context?.close();
  });

  it('shows the seed entry with every cause, sources and copy buttons', async () => {
    const page = await context.newPage();
    await page.goto(url(extensionId, { entry: 'mcp/connection-closed' }));
    await ready(page);
    expect(await page.locator('main h1').textContent()).toBe(TITLE);
    expect(await page.title()).toBe(`${TITLE} — Faultline`);
    const titles = await causeTitles(page);
    expect(titles).toHaveLength(4);
    expect(titles[0]).toBe(COMMAND_CAUSE);
    expect(titles[3]).toBe(PYTHON_CAUSE);
    expect(await page.locator('a[href="https://github.com/modelcontextprotocol/python-sdk/issues/2610"]').first().getAttribute('rel')).toBe('noreferrer');
    const copy = page.getByRole('button', { name: 'Copy command: which npx' });
    expect(await copy.count()).toBe(1);
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await copy.click();
    await expect.poll(() => page.locator('.copy-copied').getAttribute('aria-label')).toBe('Copied');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe('which npx');
    await page.close();
  });

  it('ranks the python-sdk cause first for a badge context holding CancelledError', async () => {
    const page = await context.newPage();
    await page.goto(url(extensionId, {}));
    await storeContext(page, 'e2e-badge', {
      block: 'McpError: MCP error -32000: Connection closed',
      comment: 'It happens right after Claude sends notifications/cancelled:\nasyncio.exceptions.CancelledError: Cancelled by cancel scope',
      page: 'mcp 1.27.1, FastMCP server over stdio',
      source: { kind: 'badge', url: 'https://github.com/modelcontextprotocol/python-sdk/issues/2610', title: 'python-sdk#2610' },
    });
    await page.goto(url(extensionId, { entry: 'mcp/connection-closed', context: 'e2e-badge' }));
    await ready(page);
    expect((await causeTitles(page))[0]).toBe(PYTHON_CAUSE);
    expect(await page.locator('.cause-top .cues').textContent()).toContain('CancelledError — in this comment');
    expect(await page.locator('.context-note').textContent()).toContain('python-sdk#2610');
    await page.close();
  });

  it.each([
    ['a knowledge example', NPX_PASTE, COMMAND_CAUSE],
    ['a Claude Desktop log with a cancellation', CANCEL_LOG, PYTHON_CAUSE],
  ])('diagnoses ?text= with %s', async (_name, text, topCause) => {
    const page = await context.newPage();
    await page.goto(url(extensionId, { text }));
    await ready(page);
    expect(await page.getByRole('status').first().textContent()).toBe('Known errors in this text: 1');
    expect(await page.locator('article.entry h2').first().textContent()).toBe(TITLE);
    expect(await page.locator('.matched-text mark').textContent()).toBe(TITLE);
    expect((await causeTitles(page))[0]).toBe(topCause);
    expect(await page.locator('.copy-button').count()).toBeGreaterThan(0);
    await page.close();
  });

  it('diagnoses a multi-line log pasted into the paste box, as the context menu does', async () => {
    const page = await context.newPage();
    await page.goto(`chrome-extension://${extensionId}/diagnosis.html`);
    await ready(page);
    expect(await page.locator('main h1').first().textContent()).toBe('Diagnose a log or an error');
    await page.locator('textarea#paste-text').fill(CANCEL_LOG);
    await page.keyboard.press('Control+Enter');
    await page.locator('.paste-result').waitFor();
    expect(await page.locator('.paste-result article.entry h2').first().textContent()).toBe(TITLE);
    expect((await page.locator('.paste-result .cause .cause-title').allTextContents())[0]).toBe(PYTHON_CAUSE);
    expect(await page.locator('.paste-result .tag-confidence').first().textContent()).toBe('Strong evidence here');
    await page.close();
  });

  it('offers the nearest entries and web searches, without any request, when nothing matches', async () => {
    const page = await context.newPage();
    const requests: string[] = [];
    page.on('request', (r) => {
      if (!r.url().startsWith('chrome-extension://')) requests.push(r.url());
    });
    await page.goto(url(extensionId, { text: 'Error: MCP eror -32000: Conection closd' }));
    await ready(page);
    expect(await page.locator('.nearest a').first().getAttribute('href')).toBe('diagnosis.html?entry=mcp%2Fconnection-closed');
    const github = await page.getByRole('link', { name: 'Search GitHub issues' }).getAttribute('href');
    expect(github).toBe('https://github.com/search?type=issues&q=Error%3A+MCP+eror+-32000%3A+Conection+closd');
    expect(await page.getByRole('link', { name: 'Search Stack Overflow' }).getAttribute('href')).toBe(
      'https://stackoverflow.com/search?q=Error%3A+MCP+eror+-32000%3A+Conection+closd',
    );
    await page.waitForTimeout(200);
    expect(requests).toEqual([]);
    await page.close();
  });

  it('stays within the window at 200% zoom (half the width)', async () => {
    const page = await context.newPage();
    await page.setViewportSize({ width: VIEWPORT.width / 2, height: VIEWPORT.height / 2 });
    await page.goto(url(extensionId, { text: CANCEL_LOG }));
    await ready(page);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.setViewportSize({ width: 320, height: 480 });
    await page.goto(url(extensionId, { entry: 'mcp/connection-closed' }));
    await ready(page);
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
    await page.close();
  });

  it('jumps to an entry from the search box', async () => {
    const page = await context.newPage();
    await page.goto(url(extensionId, {}));
    await ready(page);
    expect(await page.locator('main h1').textContent()).toBe('Diagnose a log or an error');
    await page.getByRole('searchbox', { name: 'Search known errors' }).pressSequentially('conection clsed');
    await page.locator('.search-results a').first().click();
    await page.waitForURL(/entry=mcp%2Fconnection-closed/);
    await ready(page);
    expect(await page.locator('main h1').textContent()).toBe(TITLE);
    await page.close();
  });
});

describe.each(['light', 'dark'] as const)('diagnosis accessibility and screenshots, %s', (scheme) => {
  let context: BrowserContext;
  let extensionId: string;

  beforeAll(async () => {
    ({ context, extensionId } = await launchWithExtension({ colorScheme: scheme }));
  });
  afterAll(async () => {
    await context?.close();
  });

  it.each(['en', 'zh'] as const)('has no serious or critical axe violations (%s)', async (lang) => {
    const page = await context.newPage();
    await page.setViewportSize(VIEWPORT);
    await page.goto(url(extensionId, {}));
    await storeLanguage(page, lang === 'zh' ? 'zh_CN' : 'en');
    await storeContext(page, 'shot', {
      block: 'McpError: MCP error -32000: Connection closed',
      comment: 'asyncio.exceptions.CancelledError after notifications/cancelled',
      source: { kind: 'badge', url: 'https://github.com/modelcontextprotocol/python-sdk/issues/2610', title: 'python-sdk#2610' },
    });
    await page.goto(url(extensionId, { entry: 'mcp/connection-closed', context: 'shot' }));
    await ready(page);
    expect(await page.locator('html').getAttribute('lang')).toBe(lang === 'zh' ? 'zh-CN' : 'en');
    if (lang === 'zh') expect(await page.locator('main h1').textContent()).toBe('MCP 错误 -32000：连接已关闭（Connection closed）');
    expect(await axeProblems(page)).toEqual([]);
    if (screenshots) {
      mkdirSync(screenshots, { recursive: true });
      await page.screenshot({ path: join(screenshots, `diagnosis-${scheme}-${lang}.png`) });
    }

    await page.goto(url(extensionId, { text: 'Error: MCP eror -32000: Conection closd' }));
    await ready(page);
    await page.getByRole('searchbox').pressSequentially('npm');
    await page.locator('.search-results a').first().waitFor();
    expect(await axeProblems(page)).toEqual([]);
    await page.close();
  });
});



// The page-side API used inside page.evaluate(); this module's own declaration, so the
// test does not depend on which global extension typings the project loads.
interface StorageArea {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
}
declare const chrome: { storage: { local: StorageArea; session: StorageArea } };
