// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import type { FindingSummary, Message } from '../../src/platform/messages';
import { DEFAULT_SETTINGS, loadSettings, settingsItem } from '../../src/platform/settings';
import { setLanguage } from '../../src/ui/i18n';
import { startPopup } from '../../src/ui/popup-app';

const FINDINGS: FindingSummary[] = [
  {
    entryId: 'mcp/connection-closed',
    title: 'MCP error -32000: Connection closed',
    title_zh: 'MCP 错误 -32000：连接已关闭',
    count: 3,
    topCause: { id: 'server-not-found', title: 'The server command cannot be found', title_zh: '找不到服务器命令' },
  },
  { entryId: 'npm/eresolve', title: 'npm ERR! code ERESOLVE: unable to resolve dependency tree', count: 1 },
];

let root: HTMLElement;
let sent: Message[];
let replies: { findings: FindingSummary[] | Error; scan: { ok: boolean; error?: string } | Error };

function stubTab(url: string) {
  vi.spyOn(fakeBrowser.tabs, 'query').mockResolvedValue([{ id: 42, url, index: 0, highlighted: false, incognito: false, pinned: false, active: true, windowId: 1 }] as never);
}

beforeEach(() => {
  fakeBrowser.reset();
  setLanguage('en');
  sent = [];
  replies = { findings: FINDINGS, scan: { ok: true } };
  vi.spyOn(fakeBrowser.i18n, 'getUILanguage').mockReturnValue('en-US');
  vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation((async (message: Message) => {
    sent.push(message);
    const reply = message.type === 'ui:tab-findings' ? replies.findings : replies.scan;
    if (reply instanceof Error) throw reply;
    return reply;
  }) as never);
  vi.spyOn(window, 'close').mockImplementation(() => {});
  stubTab('https://github.com/owner/repo/issues/1');
  root = document.createElement('div');
  document.body.append(root);
});
afterEach(() => {
  act(() => render(null, root));
  root.remove();
  vi.restoreAllMocks();
});

async function open() {
  await act(() => startPopup(root));
}
const findingRows = () => [...root.querySelectorAll<HTMLButtonElement>('.popup-finding')];
const siteSwitch = () => root.querySelector<HTMLInputElement>('input[role=switch]');
const button = (name: string) => [...root.querySelectorAll('button')].find((b) => b.textContent === name);

describe('popup: on this page', () => {
  it('asks the background for the active tab’s findings and lists them', async () => {
    await open();
    expect(sent).toContainEqual({ type: 'ui:tab-findings', tabId: 42 });
    await vi.waitFor(() => expect(findingRows()).toHaveLength(2));
    const [first, second] = findingRows();
    expect(first.querySelector('.popup-row-title')!.textContent).toBe('MCP error -32000: Connection closed');
    expect(first.querySelector('.popup-row-meta')!.textContent).toBe('Likely cause: The server command cannot be found');
    expect(first.querySelector('.popup-count')!.textContent).toBe('3');
    expect(first.textContent).toContain('found 3 times');
    // No top cause: no cause line rather than an empty one.
    expect(second.querySelector('.popup-row-meta')).toBeNull();
    // Above the results, as the first thing after the search box.
    const heading = root.querySelector('#popup-findings-heading')!;
    expect(heading.textContent).toBe('On this page');
    expect(heading.compareDocumentPosition(root.querySelector('.popup-results-area')!) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
  });

  it('opens a finding’s diagnosis page on click and closes the popup', async () => {
    const create = vi.spyOn(fakeBrowser.tabs, 'create');
    await open();
    await vi.waitFor(() => expect(findingRows()).toHaveLength(2));
    await act(async () => findingRows()[1].click());
    expect(create).toHaveBeenCalledWith({ url: `chrome-extension://${fakeBrowser.runtime.id}/diagnosis.html?entry=npm%2Feresolve` });
    await vi.waitFor(() => expect(window.close).toHaveBeenCalled());
  });

  it.each([
    ['an empty reply', [] as FindingSummary[]],
    ['no background listening', new Error('Could not establish connection. Receiving end does not exist.')],
  ])('says nothing was found on %s', async (_, reply) => {
    replies.findings = reply;
    await open();
    await vi.waitFor(() => expect(root.textContent).toContain('No known errors found on this page.'));
    expect(findingRows()).toHaveLength(0);
  });
});

describe('popup: site switch', () => {
  it('turns the tab’s host off and on again in settings.disabledHosts', async () => {
    await settingsItem.setValue({ ...DEFAULT_SETTINGS, disabledHosts: ['example.org'] });
    await open();
    const toggle = siteSwitch()!;
    expect(toggle.checked).toBe(true);
    expect(toggle.closest('label')!.textContent).toBe('Badges on github.com');

    await act(async () => toggle.click());
    await vi.waitFor(async () => expect((await loadSettings()).disabledHosts).toEqual(['example.org', 'github.com']));
    expect(siteSwitch()!.checked).toBe(false);

    await act(async () => siteSwitch()!.click());
    await vi.waitFor(async () => expect((await loadSettings()).disabledHosts).toEqual(['example.org']));
    expect(siteSwitch()!.checked).toBe(true);
  });

  it('shows a host that is already off as off', async () => {
    await settingsItem.setValue({ ...DEFAULT_SETTINGS, disabledHosts: ['github.com'] });
    await open();
    expect(siteSwitch()!.checked).toBe(false);
  });

  it.each(['chrome://extensions/', 'about:blank', 'file:///home/me/log.txt'])('is absent on %s', async (url) => {
    stubTab(url);
    await open();
    expect(siteSwitch()).toBeNull();
    // Scanning is still offered: the background says why a page cannot be scanned.
    expect(button('Scan this page')).toBeDefined();
  });
});

describe('popup: scan this page', () => {
  it('shows the background’s error text when the scan is refused', async () => {
    replies.scan = { ok: false, error: 'Cannot access a chrome:// URL' };
    await open();
    await act(async () => button('Scan this page')!.click());
    expect(sent).toContainEqual({ type: 'ui:scan-tab', tabId: 42 });
    await vi.waitFor(() =>
      expect(root.querySelector('.popup-error')!.textContent).toBe('This page cannot be scanned: Cannot access a chrome:// URL'),
    );
  });

  it('shows a thrown error the same way', async () => {
    replies.scan = new Error('No tab with id: 42');
    await open();
    await act(async () => button('Scan this page')!.click());
    await vi.waitFor(() => expect(root.querySelector('.popup-error')!.textContent).toBe('This page cannot be scanned: No tab with id: 42'));
  });

  it('asks for the findings again after a successful scan', async () => {
    replies.findings = [];
    await open();
    await vi.waitFor(() => expect(root.textContent).toContain('No known errors found on this page.'));
    replies.findings = FINDINGS;
    await act(async () => button('Scan this page')!.click());
    await vi.waitFor(() => expect(findingRows()).toHaveLength(2));
    expect(root.querySelector('.popup-error')).toBeNull();
    expect(root.textContent).toContain('Page scanned.');
    expect(sent.filter((m) => m.type === 'ui:tab-findings').length).toBeGreaterThanOrEqual(2);
  });
});

describe('popup: options and language', () => {
  it('opens the options page', async () => {
    const openOptions = vi.spyOn(fakeBrowser.runtime, 'openOptionsPage').mockResolvedValue(undefined as never);
    await open();
    await act(async () => button('Options')!.click());
    expect(openOptions).toHaveBeenCalled();
  });

  it('keeps the search box focused on open', async () => {
    await open();
    expect(document.activeElement).toBe(root.querySelector('input[type=search]'));
  });

  it.each([
    ['the zh_CN setting', { language: 'zh_CN' as const }, 'en-US'],
    ['a Chinese browser with the auto setting', { language: 'auto' as const }, 'zh-CN'],
  ])('speaks Chinese with %s', async (_, change, uiLanguage) => {
    vi.mocked(fakeBrowser.i18n.getUILanguage).mockReturnValue(uiLanguage);
    await settingsItem.setValue({ ...DEFAULT_SETTINGS, ...change });
    await open();
    await vi.waitFor(() => expect(findingRows()).toHaveLength(2));
    expect(root.querySelector('label[for=popup-search-input]')!.textContent).toBe('搜索已知错误');
    expect(root.querySelector('#popup-findings-heading')!.textContent).toBe('本页');
    const [first, second] = findingRows();
    expect(first.querySelector('.popup-row-title')!.textContent).toBe('MCP 错误 -32000：连接已关闭');
    expect(first.querySelector('.popup-row-meta')!.textContent).toBe('可能原因：找不到服务器命令');
    expect(first.textContent).toContain('出现 3 次');
    // A finding without a Chinese title falls back to its English one.
    expect(second.querySelector('.popup-row-title')!.textContent).toBe('npm ERR! code ERESOLVE: unable to resolve dependency tree');
    expect(siteSwitch()!.closest('label')!.textContent).toBe('在 github.com 上显示标记');
    expect(button('扫描此页面')).toBeDefined();
    expect(document.documentElement.lang).toBe('zh-CN');
  });
});
