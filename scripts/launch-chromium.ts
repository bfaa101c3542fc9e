// Launches Chromium (Debian's by default) with the built Chrome extension and finds its
// id. Used by the e2e suite, the page benchmark and `npm start`.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext } from 'playwright-core';

/**
 * Serves HTML at real URLs (`url` → a function giving the page), so the content script
 * runs as on the real sites. Every other web request is refused: nothing is fetched from
 * the network. The extension's own pages and files load as usual.
 */
export async function servePages(context: BrowserContext, pages: Record<string, () => string>): Promise<void> {
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith('chrome-extension://')) return route.fallback();
    const page = pages[url.split('#')[0]];
    return page ? route.fulfill({ contentType: 'text/html; charset=utf-8', body: page() }) : route.abort();
  });
}

const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const EXTENSION_DIR = join(ROOT, process.env.FAULTLINE_OUT ?? '.output', 'chrome-mv3');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/lib/chromium/chromium';

export async function launchWithExtension(
  options: { colorScheme?: 'light' | 'dark'; locale?: string; extensionDir?: string; withExtension?: boolean; headless?: boolean } = {},
) {
  const extensionDir = options.extensionDir ?? EXTENSION_DIR;
  const withExtension = options.withExtension ?? true;
  const context: BrowserContext = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'faultline-e2e-')), {
    executablePath: CHROMIUM,
    headless: options.headless ?? true,
    viewport: options.headless === false ? null : { width: 1280, height: 720 },
    colorScheme: options.colorScheme ?? 'light',
    locale: options.locale ?? 'en-US',
    args: [
      // Without the extension (benchmark baselines) the flags are otherwise identical.
      ...(withExtension ? [`--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`] : []),
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  if (!withExtension) return { context, extensionId: '' };
  // The worker may register before a listener is attached: look, then wait, then look again.
  let worker = context.serviceWorkers()[0];
  for (let tries = 0; !worker && tries < 60; tries++) {
    worker = await context.waitForEvent('serviceworker', { timeout: 500 }).catch(() => context.serviceWorkers()[0]);
  }
  if (!worker) throw new Error(`the extension's service worker did not start (loaded from ${extensionDir})`);
  const extensionId = new URL(worker.url()).host;
  return { context, extensionId };
}
