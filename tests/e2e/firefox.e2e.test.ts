import { readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendErrorComment, badgeOf } from './pages';
import { closedHostCount, EXTENSION_ORIGIN, fixture, hoverFx, launchFirefox, navigate, onNodeFx, queryClosedFx, type FirefoxSession } from './firefox';

// The same user-facing checks as the Chromium suites (badges and cards, popup, diagnosis
// page, options import, site switch, hostile page), on Firefox ESR with the release build.
const poll = <T>(fn: () => T | Promise<T>, options: { timeout?: number } = {}) => expect.poll(fn, { timeout: 15_000, interval: 250, ...options });

const ISSUE = 'https://github.com/modelcontextprotocol/python-sdk/issues/2610';
const DISCORD = 'https://discord.com/channels/1/2';

async function badges(page: Page): Promise<Array<{ entry: string; text: string; confidence: string }>> {
  const out = [];
  for (const button of await queryClosedFx(page, 'button.badge:not(.more)')) {
    const b = await onNodeFx<{ label: string; text: string; classes: string[] }>(
      page,
      button,
      '(el) => ({ label: el.getAttribute("aria-label") ?? "", text: el.querySelector(".badge-text")?.textContent ?? "", classes: [...el.classList] })',
    );
    out.push(badgeOf(b.label, b.text, b.classes));
  }
  return out;
}

const cardText = async (page: Page) => {
  const [card] = await queryClosedFx(page, '.card');
  return card ? onNodeFx<string>(page, card, '(el) => el.textContent') : '';
};

describe('Firefox ESR: the release build, end to end', () => {
  let ff: FirefoxSession;

  beforeAll(async () => {
    ff = await launchFirefox();
  }, 120_000);
  afterAll(async () => {
    await ff?.close();
  });

  it('badges each known error of a GitHub issue, with the likely cause where the page gives evidence', async () => {
    const page = await ff.newPage({ [ISSUE]: fixture('github-issue-react.html') });
    await page.goto(ISSUE);
    await poll(async () => (await badges(page)).map((b) => b.entry)).toEqual([
      'mcp/connection-closed',
      'node/spawn-enoent',
      'docker/daemon-not-running',
      'ollama/could-not-connect',
    ]);
    const byEntry = Object.fromEntries((await badges(page)).map((b) => [b.entry, b]));
    expect(byEntry['node/spawn-enoent']).toMatchObject({ confidence: 'strong', text: 'npx.cmd shim spawned without a shell' });
    expect(byEntry['ollama/could-not-connect']).toMatchObject({ confidence: 'none', text: '4 possible causes' });
    // The roots are closed: the page's own scripts see no badge content.
    expect(await page.evaluate(() => [...document.querySelectorAll('*')].filter((el) => el.shadowRoot !== null).length)).toBe(0);
    await page.close();
  });

  it('opens the card on hover, with the top cause, and closes it when the pointer leaves', async () => {
    const page = await ff.newPage({ [ISSUE]: fixture('github-issue-react.html') });
    await page.goto(ISSUE);
    await poll(async () => (await queryClosedFx(page, 'button.badge-strong')).length).toBeGreaterThan(0);
    const [named] = await queryClosedFx(page, 'button.badge-strong');
    await hoverFx(page, named);
    await poll(() => cardText(page)).toContain('Most likely cause here');
    expect(await cardText(page)).toContain('spawn');
    await page.mouse.move(1, 1);
    await poll(async () => (await queryClosedFx(page, '.card')).length).toBe(0);
    await page.close();
  });

  it('a page cannot click for the person: synthetic events open nothing', async () => {
    const page = await ff.newPage({ [ISSUE]: fixture('github-issue-react.html') });
    await page.goto(ISSUE);
    await poll(() => closedHostCount(page)).toBe(4);
    const before = (await ff.browser.pages()).length;
    await page.evaluate(() => {
      for (const host of [...document.querySelectorAll('*')].filter((el) => el.tagName.includes('-') && el.shadowRoot === null)) {
        for (let k = 0; k < 10; k++) {
          host.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
          host.dispatchEvent(new PointerEvent('pointerenter', { bubbles: true, composed: true }));
          host.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, composed: true }));
        }
      }
      window.postMessage({ type: 'wxt:content-script-started', contentScriptName: 'content', messageId: 'x' }, '*');
    });
    await new Promise((r) => setTimeout(r, 1_000));
    expect((await ff.browser.pages()).length).toBe(before);
    expect(await queryClosedFx(page, '.card')).toHaveLength(0);
    await page.close();
  });

  it('a page reading the DOM finds no entry id, no name of ours and no highlight; a mutation flood does not stop the badges', async () => {
    const page = await ff.newPage({ [ISSUE]: fixture('github-issue-react.html') });
    await page.goto(ISSUE);
    await poll(() => closedHostCount(page)).toBe(4);
    const seen = await page.evaluate(() => ({
      attributes: [...document.querySelectorAll('*')].flatMap((el) => [...el.attributes].map((a) => `${a.name}=${a.value}`)).join('\n'),
      html: document.documentElement.outerHTML.toLowerCase(),
      highlights: (CSS as unknown as { highlights?: Map<string, unknown> }).highlights?.size ?? 0,
    }));
    for (const id of ['mcp/connection-closed', 'node/spawn-enoent', 'docker/daemon-not-running', 'ollama/could-not-connect']) expect(seen.attributes).not.toContain(id);
    expect(seen.html).not.toContain('faultline');
    expect(seen.highlights).toBe(0);
    await page.evaluate(async () => {
      const box = document.createElement('div');
      document.body.append(box);
      for (let round = 0; round < 30; round++) {
        for (let k = 0; k < 200; k++) box.append(Object.assign(document.createElement('p'), { textContent: `noise ${k} Connection close ENOEN` }));
        box.replaceChildren();
        await new Promise((r) => setTimeout(r, 10));
      }
    });
    await page.evaluate(appendErrorComment);
    await poll(async () => (await badges(page)).map((b) => b.entry)).toContain('npm/eresolve');
    await page.close();
  });

  it('options: refuses an imported signature whose pattern could backtrack for ages, saying why', async () => {
    const valid = readFileSync(join(__dirname, '..', 'fixtures', 'custom', 'valid-signature.md'), 'utf8');
    const hostile = valid.replace('match:\n  - "FrobnicatorError: widget flux capacitor overheated"', `match:\n  - "FrobnicatorError: widget flux capacitor overheated"\n  - regex: 'zzzz(a|a){1,500}!'\n    anchor: "zzzz"`);
    const file = join(tmpdir(), 'faultline-hostile.md');
    writeFileSync(file, hostile);
    const options = await ff.openExtensionPage('options.html');
    const input = await options.waitForSelector('input[type=file]');
    await input?.uploadFile(file);
    await poll(() => options.evaluate(() => document.querySelector('[role=alert]')?.textContent ?? '')).toMatch(/backtracking steps on hostile text/);
    await options.close();
  });

  it('popup: finds the Gemini quota entry from "rate limit gemini"', async () => {
    const page = await ff.openExtensionPage('popup.html');
    await page.waitForSelector('input[type=search]');
    await page.type('input[type=search]', 'rate limit gemini');
    await poll(() => page.evaluate(() => [...document.querySelectorAll('[role=option]')].slice(0, 3).map((o) => o.textContent).join('\n'))).toContain(
      '429 RESOURCE_EXHAUSTED: You exceeded your current quota (Gemini API)',
    );
    await page.close();
  });

  it('diagnosis page: shows an entry with its causes, and diagnoses a pasted log', async () => {
    const page = await ff.openExtensionPage('diagnosis.html?entry=mcp%2Fconnection-closed');
    await poll(() => page.evaluate(() => document.querySelector('main h1')?.textContent ?? '')).toBe('MCP error -32000: Connection closed');
    expect(await page.evaluate(() => document.querySelectorAll('.cause .cause-title').length)).toBeGreaterThan(1);
    await navigate(page, `${EXTENSION_ORIGIN}/diagnosis.html`);
    await page.waitForSelector('textarea#paste-text');
    await page.type('textarea#paste-text', 'npm ERR! code ERESOLVE\nnpm ERR! ERESOLVE unable to resolve dependency tree');
    await page.keyboard.down('Control');
    await page.keyboard.press('Enter');
    await page.keyboard.up('Control');
    await poll(() => page.evaluate(() => document.querySelector('.paste-result article.entry h2')?.textContent ?? '')).toContain('ERESOLVE');
    await page.close();
  });

  it('options: imports a custom signature, lists it, and a page gets its badge', async () => {
    const options = await ff.openExtensionPage('options.html');
    const input = await options.waitForSelector('input[type=file]');
    await input?.uploadFile(join(__dirname, '..', 'fixtures', 'custom', 'valid-signature.md'));
    await poll(() => options.evaluate(() => document.querySelector('[aria-label="Your signatures"]')?.textContent ?? '')).toContain('custom/valid-signature');
    const page = await ff.newPage({ [ISSUE]: readFileSync(join(__dirname, '..', 'fixtures', 'pages', 'github-issue-react.html'), 'utf8').replace('</body>', '<div class="markdown-body"><pre>FrobnicatorError: widget flux capacitor overheated</pre></div></body>') });
    await page.goto(ISSUE);
    await poll(async () => {
      const labels = [];
      for (const b of await queryClosedFx(page, 'button.badge')) labels.push(await onNodeFx<string>(page, b, '(el) => el.getAttribute("aria-label")'));
      return labels.join('\n');
    }).toContain('FrobnicatorError: widget flux capacitor overheated');
    await page.close();
    await options.close();
  });

  it('site switch: Discord is off until the person turns it on in the options page', async () => {
    const before = await ff.newPage({ [DISCORD]: fixture('discord-channel.html') });
    await before.goto(DISCORD);
    await new Promise((r) => setTimeout(r, 1_500));
    expect(await closedHostCount(before)).toBe(0);
    await before.close();

    const options = await ff.openExtensionPage('options.html');
    // The switch whose label names Discord (the page's own markup: <label for=id>).
    await options.waitForSelector('input[role=switch]');
    const id = await options.evaluate(() => [...document.querySelectorAll<HTMLInputElement>('input[role=switch]')].find((s) => s.labels?.[0]?.textContent?.includes('Discord'))?.id);
    expect(id).toBeTruthy();
    await options.click(`#${id}`);
    await poll(() => options.evaluate((i) => (document.getElementById(i as string) as HTMLInputElement).checked, id)).toBe(true);

    const page = await ff.newPage({ [DISCORD]: fixture('discord-channel.html') });
    await page.goto(DISCORD);
    await poll(() => closedHostCount(page)).toBeGreaterThan(0);
    await page.close();
    await options.close();
  });
});
