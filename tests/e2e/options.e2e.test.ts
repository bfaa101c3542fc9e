import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension } from './browser';
import { axeProblems } from './extension-pages';

// The extension page's own API, used inside page.evaluate.
declare const chrome: { storage: { local: { get(key: string): Promise<Record<string, unknown>> } } };

// Set FAULTLINE_SCREENSHOTS=DIR to also write the README's screenshots.
const screenshots = process.env.FAULTLINE_SCREENSHOTS;
const FIXTURES = join(__dirname, '..', 'fixtures', 'custom');

function fixture(name: string) {
  return { name, mimeType: 'text/markdown', buffer: readFileSync(join(FIXTURES, name)) };
}

async function storedCustomNames(page: Page): Promise<string[]> {
  return page.evaluate(async () => {
    const { customSignatures } = await chrome.storage.local.get('customSignatures');
    return ((customSignatures as { files?: Array<{ name: string }> } | undefined)?.files ?? []).map((f) => f.name);
  });
}


describe('options page in real Chromium', () => {
  let context: BrowserContext;
  let extensionId: string;
  let page: Page;

  beforeAll(async () => {
    ({ context, extensionId } = await launchWithExtension());
    page = await context.newPage();
  });
  afterAll(async () => {
    await context?.close();
  });

  it('imports a valid custom signature and lists it', async () => {
    await page.goto(`chrome-extension://${extensionId}/options.html`);
    await page.getByRole('heading', { level: 1, name: 'Faultline options' }).waitFor();
    await page.getByLabel('Import .md files').setInputFiles(fixture('valid-signature.md'));
    const list = page.getByRole('list', { name: 'Your signatures' });
    await expect.poll(() => list.textContent()).toContain('FrobnicatorError: widget flux capacitor overheated');
    expect(await list.textContent()).toContain('custom/valid-signature');
    expect(await storedCustomNames(page)).toEqual(['custom/valid-signature.md']);
  });

  it('refuses a broken file with file:line: field: problem and keeps the valid one', async () => {
    await page.getByLabel('Import .md files').setInputFiles(fixture('broken-signature.md'));
    const alert = page.getByRole('alert');
    await expect.poll(() => alert.textContent()).toContain('custom/broken-signature.md:2: causes: missing required field');
    expect(await alert.textContent()).toContain('Nothing was changed.');
    expect(await page.getByRole('list', { name: 'Your signatures' }).textContent()).toContain('custom/valid-signature');
    expect(await storedCustomNames(page)).toEqual(['custom/valid-signature.md']);
    // Survives a reload: what is listed is what is stored.
    await page.reload();
    await expect.poll(() => page.getByRole('list', { name: 'Your signatures' }).textContent()).toContain('custom/valid-signature');
  });

  it('stores a switch from the keyboard', async () => {
    const highlight = page.getByRole('switch', { name: 'Highlight the error text' });
    await highlight.focus();
    await page.keyboard.press('Space');
    await expect
      .poll(() => page.evaluate(async () => ((await chrome.storage.local.get('settings')).settings as { highlight?: boolean } | undefined)?.highlight))
      .toBe(false);
    await page.keyboard.press('Space');
    expect(await highlight.isChecked()).toBe(true);
  });

  it('exports a signature as the same .md text and a backup that imports back', async () => {
    const signatureDownload = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export FrobnicatorError: widget flux capacitor overheated as a .md file' }).click();
    const md = await signatureDownload;
    expect(md.suggestedFilename()).toBe('valid-signature.md');
    expect(readFileSync(await md.path(), 'utf8')).toBe(readFileSync(join(FIXTURES, 'valid-signature.md'), 'utf8'));

    const backupDownload = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export settings' }).click();
    const backup = await backupDownload;
    expect(backup.suggestedFilename()).toBe('faultline-settings.json');
    const text = readFileSync(await backup.path(), 'utf8');
    expect(JSON.parse(text)).toMatchObject({ format: 'faultline-backup', version: 1, customSignatures: [{ name: 'custom/valid-signature.md' }] });

    await page.getByLabel('Import settings').setInputFiles({ name: 'faultline-settings.json', mimeType: 'application/json', buffer: Buffer.from(text) });
    await expect.poll(() => page.getByRole('status').allTextContents()).toContain('Settings and custom signatures imported. Optional sites ask for access again when you turn them on.');
    await page.getByLabel('Import settings').setInputFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from('{"format":') });
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('It is not valid JSON');
    expect(await storedCustomNames(page)).toEqual(['custom/valid-signature.md']);
  });

  it('has no serious or critical accessibility violations, light and dark', async () => {
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      await page.reload();
      await page.getByRole('heading', { level: 1 }).waitFor();
      expect(await axeProblems(page)).toEqual([]);
    }
    await page.emulateMedia({ colorScheme: 'light' });
  });

  it('reflows without horizontal scrolling at 200% zoom (640 CSS px wide)', async () => {
    await page.setViewportSize({ width: 640, height: 800 });
    await page.reload();
    await page.getByRole('heading', { level: 1 }).waitFor();
    await page.evaluate(() => {
      document.body.style.zoom = '2';
    });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.evaluate(() => {
      document.body.style.zoom = '';
    });
  });

  it('makes no network request', async () => {
    const requests: string[] = [];
    const listener = (r: { url(): string }) => {
      if (!r.url().startsWith('chrome-extension://')) requests.push(r.url());
    };
    page.on('request', listener);
    await page.reload();
    await page.getByRole('heading', { level: 1 }).waitFor();
    await page.getByRole('button', { name: 'Add signature' }).click();
    await page.getByRole('button', { name: 'Cancel' }).click();
    page.off('request', listener);
    expect(requests).toEqual([]);
  });

  it('switches to Chinese through its own language setting', async () => {
    await page.setViewportSize({ width: 1000, height: 900 });
    if (screenshots) {
      mkdirSync(screenshots, { recursive: true });
      await shoot(page, join(screenshots, 'options-light-en.png'), 'light');
      await shoot(page, join(screenshots, 'options-dark-en.png'), 'dark');
    }
    await page.getByLabel('Language').selectOption('zh_CN');
    await page.getByRole('heading', { level: 1, name: 'Faultline 选项' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
    expect(await page.title()).toBe('Faultline 选项');
    if (screenshots) {
      await shoot(page, join(screenshots, 'options-light-zh.png'), 'light');
      await shoot(page, join(screenshots, 'options-dark-zh.png'), 'dark');
    }
    // Kept across a reload: the setting is stored.
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Faultline 选项' }).waitFor();
  });
});

async function shoot(page: Page, path: string, colorScheme: 'light' | 'dark') {
  await page.emulateMedia({ colorScheme });
  await page.screenshot({ path, fullPage: true });
  await page.emulateMedia({ colorScheme: 'light' });
}
