import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension } from './browser';
import { axeProblems, storeLanguage } from './extension-pages';

// Set FAULTLINE_SCREENSHOTS=DIR to also write the README's screenshots.
const screenshots = process.env.FAULTLINE_SCREENSHOTS;
// The popup's own width (25rem); the height follows the content, as in the toolbar.
const POPUP_VIEWPORT = { width: 400, height: 600 };

describe('popup in real Chromium', () => {
  let context: BrowserContext;
  let extensionId: string;

  beforeAll(async () => {
    ({ context, extensionId } = await launchWithExtension());
  });
  afterAll(async () => {
    await context?.close();
  });

  it('finds the seed entry from the misspelled "conection clsed"', async () => {
    const page = await context.newPage();
    await page.goto(`chrome-extension://${extensionId}/popup.html`);
    const search = page.getByRole('searchbox', { name: 'Search known errors' });
    await expect.poll(() => search.evaluate((el) => el === document.activeElement)).toBe(true);
    await search.pressSequentially('conection clsed');
    const first = page.getByRole('option').first();
    await expect.poll(() => first.textContent()).toContain('MCP error -32000: Connection closed');
    expect(await page.locator('mark').count()).toBeGreaterThan(0);
    if (screenshots) {
      mkdirSync(screenshots, { recursive: true });
      await page.setViewportSize(POPUP_VIEWPORT);
      await fitToContent(page);
      await page.screenshot({ path: join(screenshots, 'popup-search.png') });
    }
    await page.close();
  });

  it('finds the Gemini quota entry from "rate limit gemini", words spread over title and tools (among the three Gemini 429 entries)', async () => {
    const page = await context.newPage();
    await page.goto(`chrome-extension://${extensionId}/popup.html`);
    await page.getByRole('searchbox', { name: 'Search known errors' }).pressSequentially('rate limit gemini');
    await expect.poll(async () => (await page.getByRole('option').allTextContents()).slice(0, 3).join('\n')).toContain('429 RESOURCE_EXHAUSTED: You exceeded your current quota (Gemini API)');
    await page.close();
  });

  it('moves the selection with the arrow keys', async () => {
    const page = await context.newPage();
    await page.goto(`chrome-extension://${extensionId}/popup.html`);
    await page.getByRole('searchbox').pressSequentially('ENOENT');
    await expect.poll(() => page.getByRole('option').count()).toBeGreaterThan(1);
    await page.keyboard.press('ArrowDown');
    expect(await page.getByRole('option').nth(1).getAttribute('aria-selected')).toBe('true');
    await page.close();
  });

  it('makes no network request from extension pages', async () => {
    const page = await context.newPage();
    const requests: string[] = [];
    page.on('request', (r) => {
      if (!r.url().startsWith('chrome-extension://')) requests.push(r.url());
    });
    await page.goto(`chrome-extension://${extensionId}/popup.html`);
    await page.getByRole('searchbox').pressSequentially('npm ERESOLVE');
    await page.waitForTimeout(200);
    expect(requests).toEqual([]);
    await page.close();
  });

  it('opens the diagnosis page of the active result on Enter', async () => {
    const page = await context.newPage();
    await page.goto(`chrome-extension://${extensionId}/popup.html`);
    await page.getByRole('searchbox').pressSequentially('ERESOLVE');
    await expect.poll(() => page.getByRole('option').first().textContent()).toContain('ERESOLVE');
    // The popup closes itself once the tab is open, so the key press may not return.
    const [diagnosis] = await Promise.all([context.waitForEvent('page'), page.keyboard.press('Enter').catch(() => undefined)]);
    expect(diagnosis.url()).toBe(`chrome-extension://${extensionId}/diagnosis.html?entry=npm%2Feresolve`);
    await expect.poll(() => page.isClosed()).toBe(true);
    await diagnosis.close();
  });

  it('reaches every control with Tab, each with a name', async () => {
    const page = await context.newPage();
    await page.goto(`chrome-extension://${extensionId}/popup.html`);
    await page.getByRole('searchbox').pressSequentially('ENOENT');
    await expect.poll(() => page.getByRole('option').count()).toBeGreaterThan(1);
    const visited: string[] = [];
    for (let i = 0; i < 5; i++) {
      visited.push((await page.locator(':focus').ariaSnapshot()).split('\n')[0]);
      await page.keyboard.press('Tab');
    }
    // The search box first, then the results list, the scan button, the paste box and the options.
    expect(visited.slice(0, 5)).toEqual([
      '- searchbox "Search known errors": ENOENT',
      '- listbox "Results":',
      '- button "Scan this page"',
      '- button "Paste a log"',
      '- button "Options"',
    ]);
    // Arrow keys work inside the list as well.
    await page.getByRole('listbox').focus();
    await page.keyboard.press('End');
    const last = (await page.getByRole('option').count()) - 1;
    expect(await page.getByRole('option').nth(last).getAttribute('aria-selected')).toBe('true');
    await page.close();
  });

  it('reflows without horizontal scrolling at 320 CSS pixels (400% zoom of a 1280 window)', async () => {
    const page = await context.newPage();
    await page.setViewportSize({ width: 320, height: 256 });
    await page.goto(`chrome-extension://${extensionId}/popup.html`);
    await page.getByRole('searchbox').pressSequentially('conection clsed');
    await expect.poll(() => page.getByRole('option').count()).toBeGreaterThan(0);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.close();
  });
});

describe.each(['light', 'dark'] as const)('popup accessibility and screenshots, %s', (scheme) => {
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
    await page.setViewportSize(POPUP_VIEWPORT);
    await page.goto(`chrome-extension://${extensionId}/popup.html`);
    await storeLanguage(page, lang === 'zh' ? 'zh_CN' : 'en');
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe(lang === 'zh' ? 'zh-CN' : 'en');
    // The findings answer has arrived (an extension page has none) before checking.
    await expect.poll(() => page.locator('.popup-findings-placeholder').textContent()).not.toMatch(/…$/);
    expect(await axeProblems(page)).toEqual([]);

    await page.getByRole('searchbox').pressSequentially(lang === 'zh' ? '连接已关闭' : 'conection clsed');
    await expect.poll(() => page.getByRole('option').count()).toBeGreaterThan(0);
    expect(await axeProblems(page)).toEqual([]);
    if (screenshots) {
      mkdirSync(screenshots, { recursive: true });
      await fitToContent(page);
      await page.screenshot({ path: join(screenshots, `popup-${scheme}-${lang}.png`) });
    }
    await page.close();
  });
});

/** Shrinks the viewport to the page's height, as the browser sizes a popup window. */
async function fitToContent(page: Page) {
  const height = await page.evaluate(() => Math.ceil(document.body.getBoundingClientRect().height));
  await page.setViewportSize({ width: POPUP_VIEWPORT.width, height });
}
