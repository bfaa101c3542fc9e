import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension } from './browser';

// Set FAULTLINE_SCREENSHOTS=DIR to also write the README's screenshots.
const screenshots = process.env.FAULTLINE_SCREENSHOTS;

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
      await page.setViewportSize({ width: 420, height: 520 });
      await page.screenshot({ path: join(screenshots, 'popup-search.png') });
    }
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
});
