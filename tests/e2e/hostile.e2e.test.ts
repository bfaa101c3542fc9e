import type { BrowserContext, Page, Worker } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension } from './browser';
import { appendErrorComment, badgeEntries, serveFixtures } from './pages';
import { closedHosts, queryClosed } from '../../scripts/closed-shadow';
import entries from '../../src/knowledge/generated/entries.json';

// Pages are not trusted: each test runs page scripts that try what a hostile page would,
// and checks that the badges still show only *that* something matched, act only for the
// person, and keep working.
declare const chrome: { storage: { session: { get(keys: null): Promise<Record<string, unknown>> } } };

const poll = <T>(fn: () => T | Promise<T>, options: { timeout?: number } = {}) => expect.poll(fn, { timeout: 15_000, ...options });

const ISSUE = 'https://github.com/modelcontextprotocol/python-sdk/issues/2610';
const ENTRY_IDS = (entries as Array<{ id: string }>).map((e) => e.id);

/** A comment with a real error, as a page would add one later. */
const addErrorComment = (page: Page) => page.evaluate(appendErrorComment);

describe('hostile pages, in real Chromium', () => {
  let context: BrowserContext;
  let extensionId: string;
  let worker: Worker;

  beforeAll(async () => {
    ({ context, extensionId } = await launchWithExtension());
    worker = context.serviceWorkers()[0];
    await serveFixtures(context, { [ISSUE]: 'github-issue-react.html' });
  });
  afterAll(async () => {
    await context?.close();
  });

  /** Opens the issue with `script` running in the page before any of its own code. */
  async function openWith(script: () => void): Promise<Page> {
    const page = await context.newPage();
    await page.addInitScript(script);
    await page.goto(ISSUE);
    await poll(async () => (await badgeEntries(page)).length).toBe(4);
    return page;
  }

  it('a page reading the DOM learns that something matched, and nothing else', async () => {
    const page = await openWith(() => {
      // A page that hooks attachShadow before anything runs, hoping to keep our roots.
      const roots: ShadowRoot[] = [];
      const original = Element.prototype.attachShadow;
      Element.prototype.attachShadow = function (init: ShadowRootInit) {
        const root = original.call(this, init);
        roots.push(root);
        return root;
      };
      (window as unknown as { __roots: ShadowRoot[] }).__roots = roots;
    });
    const seen = await page.evaluate(() => {
      const all = [...document.querySelectorAll('*')];
      return {
        attributes: all.flatMap((el) => [...el.attributes].map((a) => `${a.name}=${a.value}`)).join('\n'),
        openRoots: all.filter((el) => el.shadowRoot !== null).length,
        hooked: (window as unknown as { __roots: ShadowRoot[] }).__roots.length,
        html: document.documentElement.outerHTML,
        text: document.body.innerText,
        highlights: (CSS as unknown as { highlights?: Map<string, unknown> }).highlights?.size ?? 0,
        customTags: [...new Set(all.map((el) => el.tagName.toLowerCase()).filter((t) => t.includes('-')))],
      };
    });
    // Four badges are there (read through the DevTools protocol, as a browser tool can)...
    await poll(async () => (await closedHosts(page)).length).toBe(4);
    // ...but a page script finds no open root, no captured root, no entry id, no name of ours.
    expect(seen.openRoots).toBe(0);
    expect(seen.hooked).toBe(0);
    expect(seen.highlights).toBe(0);
    for (const id of ENTRY_IDS) expect(seen.attributes).not.toContain(id);
    expect(seen.html.toLowerCase()).not.toContain('faultline');
    expect(seen.text).not.toMatch(/possible causes|Likely cause|Known error/);
    expect(seen.customTags.filter((t) => t.includes('faultline'))).toEqual([]);
    await page.close();
  });

  it('a page cannot open cards, open the diagnosis page or store contexts for the person', async () => {
    const page = await openWith(() => {});
    const before = context.pages().length;
    await page.evaluate(async () => {
      const hosts = [...document.querySelectorAll('*')].filter((el) => el.tagName.includes('-'));
      for (let round = 0; round < 20; round++) {
        for (const host of hosts) {
          const box = host.getBoundingClientRect();
          // What the page finds at the badge's place is the host: the root is closed.
          const target = document.elementFromPoint(box.left + 5, box.top + 5);
          for (const el of target === host ? [host] : [host, ...(target && target.tagName.includes('-') ? [target] : [])]) {
            for (const type of ['pointerover', 'pointerenter', 'mouseover', 'focusin', 'focus']) el.dispatchEvent(new FocusEvent(type, { bubbles: true, composed: true }));
            el.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
            (el as HTMLElement).click?.();
            el.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, composed: true }));
          }
        }
        document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Tab', bubbles: true }));
        await new Promise((r) => setTimeout(r, 20));
      }
    });
    await page.waitForTimeout(1_000);
    expect(context.pages().length).toBe(before);
    expect(await queryClosed(page, '.card')).toHaveLength(0);
    const session = await worker.evaluate(() => chrome.storage.session.get(null));
    expect(Object.keys(session).filter((k) => k.startsWith('context:'))).toEqual([]);
    await page.close();
  });

  it("replaying WXT's start-up message or our port name does not switch the content script off, and the page hears nothing from us", async () => {
    const page = await openWith(() => {
      const heard: unknown[] = [];
      addEventListener('message', (event) => heard.push(event.data));
      (window as unknown as { __heard: unknown[] }).__heard = heard;
    });
    // Before the page says anything, it has heard nothing (WXT's context would have posted our id).
    expect(await page.evaluate(() => (window as unknown as { __heard: unknown[] }).__heard)).toEqual([]);
    await page.evaluate((id) => {
      for (const type of [`${id}:content:wxt:content-script-started`, 'wxt:content-script-started']) {
        window.postMessage({ type, contentScriptName: 'content', messageId: Math.random().toString(36) }, '*');
        window.dispatchEvent(new CustomEvent(type, { detail: { contentScriptName: 'content' } }));
        document.dispatchEvent(new CustomEvent(type));
      }
    }, extensionId);
    await page.waitForTimeout(500);
    await addErrorComment(page);
    await poll(() => badgeEntries(page)).toContain('npm/eresolve');
    // What the page itself posted is all it heard.
    expect(await page.evaluate(() => (window as unknown as { __heard: unknown[] }).__heard.length)).toBe(2);
    await page.close();
  });

  it('a flood of mutations does not stop the badges', async () => {
    const page = await openWith(() => {});
    await page.evaluate(async () => {
      const box = document.createElement('div');
      document.body.append(box);
      for (let round = 0; round < 50; round++) {
        for (let k = 0; k < 200; k++) {
          const p = document.createElement('p');
          p.textContent = `noise ${round} ${k} Connection close spawn npx ENOEN`;
          box.append(p);
        }
        box.replaceChildren();
        await new Promise((r) => setTimeout(r, 10));
      }
    });
    await addErrorComment(page);
    await poll(() => badgeEntries(page)).toContain('npm/eresolve');
    await page.close();
  });

  it.each([
    ['an alternation of one character under a repeat', `regex: 'zzzz(a|a){1,500}!'`],
    ['adjacent repeats of one class', `regex: 'zzzz\\w{0,400}\\w{0,400}\\w{0,400}\\w{0,400}!'`],
    ['a lookahead holding repeats', `regex: 'zzzz(?=[\\s\\S]{0,500}a[\\s\\S]{0,500}b[\\s\\S]{0,500}c)'`],
    ['four {any} in a row', `"zzzz{any}{any}{any}{any}!"`],
  ])('an imported signature with %s is refused with the reason, and nothing is saved', async (_what, pattern) => {
    const valid = readFileSync(join(__dirname, '..', 'fixtures', 'custom', 'valid-signature.md'), 'utf8');
    const hostile = valid.replace('match:\n  - "FrobnicatorError: widget flux capacitor overheated"', `match:\n  - "FrobnicatorError: widget flux capacitor overheated"\n  - ${pattern.startsWith('regex') ? `${pattern}\n    anchor: "zzzz"` : pattern}`);
    expect(hostile).not.toBe(valid);
    const options = await context.newPage();
    await options.goto(`chrome-extension://${extensionId}/options.html`);
    await options.getByLabel('Import .md files').setInputFiles({ name: 'hostile.md', mimeType: 'text/markdown', buffer: Buffer.from(hostile) });
    await options.getByRole('alert').waitFor();
    expect(await options.getByRole('alert').textContent()).toMatch(/backtracking steps on hostile text/);
    const list = options.getByRole('list', { name: 'Your signatures' });
    expect((await list.count()) === 0 || !(await list.textContent())?.includes('custom/hostile')).toBe(true);
    await options.close();
  });

  it('extension pages cannot reach the network: the browser blocks it (connect-src none)', async () => {
    const options = await context.newPage();
    await options.goto(`chrome-extension://${extensionId}/options.html`);
    const outcome = await options.evaluate(
      () =>
        new Promise<{ violated: string; fetched: string }>((resolve) => {
          let violated = '';
          document.addEventListener('securitypolicyviolation', (e) => (violated = e.effectiveDirective));
          fetch('https://example.com/').then(
            () => resolve({ violated, fetched: 'ok' }),
            (error: Error) => setTimeout(() => resolve({ violated, fetched: error.name }), 100),
          );
        }),
    );
    expect(outcome).toEqual({ violated: 'connect-src', fetched: 'TypeError' });
    await options.close();
  });
});
