// Firefox for the e2e suite: Debian's firefox-esr driven by puppeteer-core over WebDriver
// BiDi, with the release build (.output/firefox-mv2) installed as a temporary add-on.
//
// Pitfalls this file handles (each found by trying):
// - `--remote-allow-system-access` is needed to open moz-extension:// pages at all;
// - `page.goto` on a moz-extension:// URL never resolves: the frame's browsing context is
//   navigated with BiDi's browsingContext.navigate instead;
// - the add-on's UUID is fixed by the pref `extensions.webextensions.uuids`, so its
//   pages have a known origin;
// - optional host permissions are granted without a prompt by the pref
//   `extensions.webextOptionalPermissionPrompts=false` (the release build, not the
//   test-only granted build: that one breaks the site switch on Firefox);
// - closed shadow roots are read as a browser tool does: BiDi serializes a host with
//   `includeShadowTree: "all"`, and the root it hands back can be passed to later calls.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
export const FIREFOX_EXTENSION_DIR = join(ROOT, '.output', 'firefox-mv2');
const ADDON_ID = 'faultline@faultline.dev';
const UUID = '6a0f7d1e-3b2c-4e8f-9a51-2c7d9e4b1f30';
export const EXTENSION_ORIGIN = `moz-extension://${UUID}`;

export interface FirefoxSession {
  browser: Browser;
  /** A new tab that answers `routes` (URL → HTML) and refuses every other web request. */
  newPage(routes?: Record<string, string>): Promise<Page>;
  /** Opens an extension page (popup.html, options.html, diagnosis.html?…) in a new tab. */
  openExtensionPage(path: string): Promise<Page>;
  close(): Promise<void>;
}

export async function launchFirefox(): Promise<FirefoxSession> {
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: true,
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [ADDON_ID]: UUID }),
      'extensions.webextOptionalPermissionPrompts': false,
      'devtools.console.stdout.content': process.env.FAULTLINE_FIREFOX_LOGS === '1',
    },
  });
  await browser.installExtension(FIREFOX_EXTENSION_DIR);

  async function newPage(routes: Record<string, string> = {}): Promise<Page> {
    const page = await browser.newPage();
    await page.setRequestInterception(true);
    page.on('request', (request) => {
      const url = request.url();
      if (url.startsWith('moz-extension://') || url.startsWith('about:')) return void request.continue();
      const html = routes[url.split('#')[0]];
      if (html !== undefined) return void request.respond({ status: 200, contentType: 'text/html; charset=utf-8', body: html });
      return void request.abort();
    });
    return page;
  }

  async function openExtensionPage(path: string): Promise<Page> {
    const page = await browser.newPage();
    await navigate(page, `${EXTENSION_ORIGIN}/${path}`);
    return page;
  }

  return { browser, newPage, openExtensionPage, close: () => browser.close() };
}

/** Navigates a tab through BiDi (page.goto does not resolve for moz-extension:// URLs). */
export async function navigate(page: Page, url: string): Promise<void> {
  await bidi(page, 'browsingContext.navigate', { context: contextId(page), url, wait: 'complete' });
}

function contextId(page: Page): string {
  return (page.mainFrame() as unknown as { _id: string })._id;
}

function bidi<T>(page: Page, method: string, params: object): Promise<T> {
  const connection = (page.browser() as unknown as { connection: { send(method: string, params: object): Promise<{ result: T }> } }).connection;
  return connection.send(method, params).then((r) => r.result);
}

interface RemoteNode {
  type: string;
  sharedId?: string;
  value?: { shadowRoot?: { sharedId?: string; value?: { mode?: string } } | null };
}

/** Runs `fn` in the page with `args` (BiDi local values) and returns the remote result. */
async function call(page: Page, fn: string, args: object[], serialization?: object): Promise<{ type: string; value?: unknown; sharedId?: string }> {
  const reply = await bidi<{ type: string; result?: { type: string; value?: unknown }; exceptionDetails?: { text: string } }>(page, 'script.callFunction', {
    functionDeclaration: fn,
    arguments: args,
    target: { context: contextId(page) },
    awaitPromise: true,
    resultOwnership: 'none',
    ...(serialization ? { serializationOptions: serialization } : {}),
  });
  if (reply.type === 'exception') throw new Error(reply.exceptionDetails?.text ?? 'script exception');
  return reply.result as { type: string; value?: unknown; sharedId?: string };
}

/** The closed shadow roots on the page (our badge hosts'), as BiDi references. */
async function closedRoots(page: Page): Promise<Array<{ sharedId: string }>> {
  const result = await call(page, '() => [...document.querySelectorAll("*")].filter((el) => el.tagName.includes("-"))', [], {
    maxDomDepth: 0,
    includeShadowTree: 'all',
  });
  const hosts = (result.value as RemoteNode[] | undefined) ?? [];
  return hosts
    .map((h) => h.value?.shadowRoot)
    .filter((r): r is { sharedId: string; value: { mode: string } } => !!r?.sharedId && r.value?.mode === 'closed')
    .map((r) => ({ sharedId: r.sharedId }));
}

/** Elements matching `selector` inside closed roots, in document order, as BiDi references. */
export async function queryClosedFx(page: Page, selector: string): Promise<Array<{ sharedId: string }>> {
  const out: Array<{ sharedId: string }> = [];
  for (const root of await closedRoots(page)) {
    const found = await call(page, '(root, selector) => [...root.querySelectorAll(selector)]', [root, { type: 'string', value: selector }], { maxDomDepth: 0 });
    for (const node of (found.value as RemoteNode[] | undefined) ?? []) if (node.sharedId) out.push({ sharedId: node.sharedId });
  }
  return out;
}

export async function closedHostCount(page: Page): Promise<number> {
  return (await closedRoots(page)).length;
}

/** Runs `fn(node)` in the page and returns its JSON result. */
export async function onNodeFx<T>(page: Page, node: { sharedId: string }, fn: string): Promise<T> {
  const result = await call(page, `(node) => JSON.stringify((${fn})(node))`, [node]);
  return JSON.parse(result.value as string) as T;
}

/** A real mouse move onto the node (trusted input). */
export async function hoverFx(page: Page, node: { sharedId: string }): Promise<void> {
  const { x, y } = await onNodeFx<{ x: number; y: number }>(page, node, '(el) => { el.scrollIntoView({ block: "center" }); const r = el.getBoundingClientRect(); return { x: r.left + r.width / 2, y: r.top + r.height / 2 }; }');
  await page.mouse.move(x, y);
}

export function fixture(name: string): string {
  return readFileSync(join(ROOT, 'tests', 'fixtures', 'pages', name), 'utf8');
}
