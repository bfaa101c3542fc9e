// Helpers for the e2e suites that open the extension's own pages.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';

const AXE = join(fileURLToPath(new URL('../..', import.meta.url)), 'node_modules', 'axe-core', 'axe.min.js');

/** axe-core's serious and critical violations, as `rule: target` lines for a readable failure. */
export async function axeProblems(page: Page): Promise<string[]> {
  // The extension's CSP (script-src 'self') refuses addScriptTag's inline script;
  // evaluating the source through the DevTools protocol is not subject to it.
  await page.evaluate(readFileSync(AXE, 'utf8'));
  const violations = await page.evaluate(async () => (await axe.run()).violations);
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')} (${v.help})`));
}

/** Stores the language setting the way WXT's storage item does (value + version meta), then reloads. */
export async function storeLanguage(page: Page, language: 'en' | 'zh_CN'): Promise<void> {
  await page.evaluate(async (language) => {
    const { settings } = await chrome.storage.local.get('settings');
    // Missing fields take their defaults: pages read settings through sanitizeSettings.
    await chrome.storage.local.set({ settings: { ...((settings as object | undefined) ?? {}), language }, settings$: { v: 1 } });
  }, language);
  await page.reload();
}

// Globals of the page the functions above run in (not of this Node process).
declare const axe: { run(): Promise<{ violations: Array<{ id: string; impact?: string | null; help: string; nodes: Array<{ target: string[] }> }> }> };
declare const chrome: { storage: { local: { get(key: string): Promise<Record<string, unknown>>; set(items: object): Promise<void> } } };
