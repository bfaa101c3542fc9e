import { fakeBrowser } from 'wxt/testing';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

afterEach(() => vi.restoreAllMocks());
import { handleMessage, type HandlerSender } from '../../src/background/handle-message';
import { createTabFindings } from '../../src/background/tab-findings';
import { createMenus, onMenuClicked, MENU_ID } from '../../src/background/context-menu';
import { setLanguage } from '../../src/ui/i18n';
import { LIMITS, type FoundError } from '../../src/platform/messages';
import { contextStorageKey } from '../../src/platform/diagnosis-link';
import { MAX_CONTEXTS, takeContext } from '../../src/platform/diagnosis-contexts';
import { storage } from 'wxt/utils/storage';

const extension = { id: 'faultline-test', origin: 'chrome-extension://faultline-test' };
const fromTab: HandlerSender = { id: extension.id, tab: { id: 7, index: 2, windowId: 1, url: 'https://github.com/o/r/issues/1' } };
const fromPopup: HandlerSender = { id: extension.id, url: `${extension.origin}/popup.html` };
const finding = { entryId: 'mcp/connection-closed', title: 'MCP error -32000: Connection closed', count: 2 };

describe('background message handlers', () => {
  let deps: Parameters<typeof handleMessage>[2];
  beforeEach(() => {
    fakeBrowser.reset();
    deps = { extension, findings: createTabFindings() };
    // The fake browser has no action API: record what the toolbar would show.
    (fakeBrowser as unknown as { action: object }).action = {
      setBadgeText: vi.fn(async () => {}),
      setBadgeBackgroundColor: vi.fn(async () => {}),
      setTitle: vi.fn(async () => {}),
    };
  });

  it('stores a tab’s findings, shows the count, and gives them to the popup', async () => {
    expect(await handleMessage({ type: 'page:findings', url: 'https://github.com/o/r/issues/1', findings: [finding] }, fromTab, deps)).toEqual({ ok: true });
    const action = (fakeBrowser as unknown as { action: { setBadgeText: ReturnType<typeof vi.fn> } }).action;
    expect(action.setBadgeText).toHaveBeenCalledWith({ tabId: 7, text: '2' });
    expect(await handleMessage({ type: 'ui:tab-findings', tabId: 7 }, fromPopup, deps)).toEqual([finding]);
    expect(await handleMessage({ type: 'ui:tab-findings', tabId: 8 }, fromPopup, deps)).toEqual([]);
  });

  it('answers cause details from the full knowledge base', async () => {
    const details = await handleMessage({ type: 'page:cause-details', entryId: 'mcp/connection-closed', causeId: 'command-not-found' }, fromTab, deps);
    expect(details).toMatchObject({ fix: expect.stringContaining('absolute path') });
    expect(await handleMessage({ type: 'page:cause-details', entryId: 'mcp/connection-closed', causeId: 'no-such-cause' }, fromTab, deps)).toBeNull();
  });

  it('diagnoses a batch of blocks for a content script, the thread excerpt and shared comments sent once', async () => {
    const found = (await handleMessage(
      {
        type: 'page:diagnose',
        items: [
          { block: 'Error: spawn npx ENOENT\nMCP error -32000: Connection closed', comment: 0 },
          { block: 'MCP error -32000: Connection closed' },
          { block: 'all good, no error here' },
        ],
        comments: ['c'],
        title: 'MCP fails',
        page: 'p',
      },
      fromTab,
      deps,
    )) as FoundError[][];
    expect(found).toHaveLength(3);
    const mcp = found[0].find((f) => f.entryId === 'mcp/connection-closed');
    expect(mcp).toMatchObject({ start: 24, end: 59, title: expect.stringContaining('MCP error -32000') });
    expect(mcp?.causes[0]).toMatchObject({ id: 'command-not-found', confidence: 'strong', label: expect.any(String) });
    expect(mcp?.causes[0].cues.map((c) => c.text)).toContain('spawn npx ENOENT');
    expect(found[0].map((f) => f.entryId)).toContain('node/spawn-enoent');
    expect(found[1].map((f) => f.entryId)).toEqual(['mcp/connection-closed']);
    expect(found[1][0].causes.every((c) => c.confidence === 'none')).toBe(true);
    expect(found[2]).toEqual([]);
  });

  const item = (block = 'x') => ({ block });
  it.each([
    ['no items', { type: 'page:diagnose', items: [] }, /items: expected a non-empty list/],
    ['too many items', { type: 'page:diagnose', items: Array(33).fill(item()) }, /items: more than 32/],
    ['an item that is not an object', { type: 'page:diagnose', items: ['x'] }, /items\[0\]: expected an object/],
    ['a huge block', { type: 'page:diagnose', items: [item('x'.repeat(64 * 1024 + 1))] }, /block: longer than/],
    ['a huge thread excerpt', { type: 'page:diagnose', items: [item()], page: 'x'.repeat(64 * 1024 + 1) }, /page: longer than/],
    ['a comment index out of range', { type: 'page:diagnose', items: [{ ...item(), comment: 1 }], comments: ['c'] }, /not an index into comments/],
    ['a batch over its size', { type: 'page:diagnose', items: Array(17).fill(item('x'.repeat(64 * 1024))) }, /more than 1048576 characters/],
  ])('refuses a diagnosis request with %s', async (_name, message, error) => {
    const reply = (await handleMessage(message, fromTab, deps)) as { error: string };
    expect(reply.error).toMatch(error);
  });

  it('opens the diagnosis page next to the tab, with the context kept in session storage', async () => {
    const create = vi.spyOn(fakeBrowser.tabs, 'create');
    const context = { block: 'MCP error -32000: Connection closed\nspawn npx ENOENT', comment: 'c', page: 'p' };
    expect(await handleMessage({ type: 'page:open-diagnosis', entryId: 'mcp/connection-closed', context }, fromTab, deps)).toEqual({ ok: true });
    const url = new URL(create.mock.calls[0][0].url as string);
    expect(url.pathname).toBe('/diagnosis.html');
    expect(url.searchParams.get('entry')).toBe('mcp/connection-closed');
    expect(create.mock.calls[0][0]).toMatchObject({ index: 3, openerTabId: 7 });
    const stored = await storage.getItem(contextStorageKey(url.searchParams.get('context') as string));
    expect(stored).toMatchObject({ ...context, source: { kind: 'badge', url: 'https://github.com/o/r/issues/1' } });
  });

  it.each([
    ['not an object', 'hello', fromTab, /not a Faultline message/],
    ['unknown type', { type: 'page:steal-settings' }, fromTab, /unknown message type/],
    ['another extension', { type: 'ui:tab-findings', tabId: 1 }, { ...fromPopup, id: 'evil' }, /not this extension/],
    ['a page asking for another tab’s findings', { type: 'ui:tab-findings', tabId: 1 }, fromTab, /must come from an extension page/],
    ['a page URL posing as an extension page', { type: 'ui:scan-tab', tabId: 1 }, { id: extension.id, url: 'https://evil.example/popup.html' }, /extension page/],
    ['findings without a tab', { type: 'page:findings', url: 'x', findings: [] }, fromPopup, /must come from a tab/],
    ['findings that are not a list', { type: 'page:findings', url: 'x', findings: 'all' }, fromTab, /expected a list/],
    ['a negative count', { type: 'page:findings', url: 'x', findings: [{ ...finding, count: -1 }] }, fromTab, /positive integer/],
    ['an id with a path escape', { type: 'page:cause-details', entryId: '../../secrets', causeId: 'x' }, fromTab, /not a knowledge id/],
    ['a huge block', { type: 'page:open-diagnosis', entryId: 'mcp/connection-closed', context: { block: 'x'.repeat(LIMITS.block + 1) } }, fromTab, /longer than/],
    ['too many findings', { type: 'page:findings', url: 'x', findings: Array.from({ length: LIMITS.findings + 1 }, () => finding) }, fromTab, /more than/],
    ['a fractional tab id', { type: 'ui:tab-findings', tabId: 1.5 }, fromPopup, /tab id/],
  ])('refuses %s and changes nothing', async (_name, message, sender, error) => {
    const create = vi.spyOn(fakeBrowser.tabs, 'create');
    const reply = await handleMessage(message, sender, deps);
    expect(reply).toMatchObject({ error: expect.stringMatching(error) });
    expect(create).not.toHaveBeenCalled();
    expect(await deps.findings.get(7)).toEqual([]);
  });

  it('a tab that asks for diagnosis pages in a loop gets three, then is refused', async () => {
    const create = vi.spyOn(fakeBrowser.tabs, 'create');
    const sender: HandlerSender = { ...fromTab, tab: { ...fromTab.tab, id: 41 } };
    const replies = [];
    for (let k = 0; k < 6; k++) replies.push(await handleMessage({ type: 'page:open-diagnosis', entryId: 'mcp/connection-closed', context: { block: 'x' } }, sender, deps));
    expect(replies.slice(0, 3)).toEqual([{ ok: true }, { ok: true }, { ok: true }]);
    expect(replies.slice(3)).toEqual(Array(3).fill({ error: expect.stringMatching(/too many diagnosis pages/) }));
    expect(create).toHaveBeenCalledTimes(3);
  });

  it('keeps at most MAX_CONTEXTS contexts; the page that reads one removes it and keeps a copy for reloads', async () => {
    const create = vi.spyOn(fakeBrowser.tabs, 'create');
    for (let k = 0; k < MAX_CONTEXTS + 3; k++) {
      const sender: HandlerSender = { ...fromTab, tab: { ...fromTab.tab, id: 100 + k } };
      await handleMessage({ type: 'page:open-diagnosis', entryId: 'mcp/connection-closed', context: { block: `block ${k}` } }, sender, deps);
    }
    const keys = create.mock.calls.map((c) => new URL(c[0].url as string).searchParams.get('context') as string);
    const stored = await Promise.all(keys.map((key) => storage.getItem(contextStorageKey(key))));
    expect(stored.filter(Boolean)).toHaveLength(MAX_CONTEXTS);
    expect(stored[0]).toBeNull();
    const last = keys[keys.length - 1];
    const tabStore = new Map<string, string>();
    const shim = { getItem: (k: string) => tabStore.get(k) ?? null, setItem: (k: string, v: string) => void tabStore.set(k, v) };
    expect(await takeContext(last, shim)).toMatchObject({ block: `block ${MAX_CONTEXTS + 2}` });
    expect(await storage.getItem(contextStorageKey(last))).toBeNull();
    expect(await takeContext(last, shim)).toMatchObject({ block: `block ${MAX_CONTEXTS + 2}` });
  });

  it('opens the page without a context when session storage refuses it (quota)', async () => {
    const create = vi.spyOn(fakeBrowser.tabs, 'create');
    vi.spyOn(fakeBrowser.storage.session, 'set').mockRejectedValue(new Error('QUOTA_BYTES quota exceeded'));
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const sender: HandlerSender = { ...fromTab, tab: { ...fromTab.tab, id: 77 } };
    expect(await handleMessage({ type: 'page:open-diagnosis', entryId: 'mcp/connection-closed', context: { block: 'x' } }, sender, deps)).toEqual({ ok: true });
    const url = new URL(create.mock.calls[0][0].url as string);
    expect(url.searchParams.get('entry')).toBe('mcp/connection-closed');
    expect(url.searchParams.has('context')).toBe(false);
  });

  it('refuses to open a diagnosis for an entry that does not exist', async () => {
    const create = vi.spyOn(fakeBrowser.tabs, 'create');
    const reply = await handleMessage({ type: 'page:open-diagnosis', entryId: 'nope/nothing', context: { block: 'x' } }, fromTab, deps);
    expect(reply).toEqual({ error: 'unknown entry nope/nothing' });
    expect(create).not.toHaveBeenCalled();
  });
});

describe('context menu "Diagnose selected text"', () => {
  beforeEach(() => fakeBrowser.reset());

  it.each([
    ['en', 'Diagnose selected text'],
    ['zh_CN', '诊断所选文本'],
  ] as const)('creates one item for selections, titled in the UI language (%s)', async (lang, title) => {
    // The fake browser has no contextMenus API: stand one in and record the calls.
    const create = vi.fn();
    const removeAll = vi.fn(async () => {});
    (fakeBrowser as unknown as { contextMenus: object }).contextMenus = { create, removeAll };
    setLanguage(lang);
    createMenus();
    await vi.waitFor(() => expect(create).toHaveBeenCalledTimes(1));
    expect(removeAll).toHaveBeenCalledBefore(create);
    expect(create).toHaveBeenCalledWith({ id: MENU_ID, title, contexts: ['selection'] });
    setLanguage('en');
  });

  it('opens the diagnosis page for the selection, short texts in the URL', async () => {
    const create = vi.spyOn(fakeBrowser.tabs, 'create');
    const paste = 'McpError: MCP error -32000: Connection closed';
    expect(await onMenuClicked({ menuItemId: MENU_ID, selectionText: paste }, { id: 3, index: 0, url: 'https://example.com/' })).toBe(true);
    const url = new URL(create.mock.calls[0][0].url as string);
    expect(url.searchParams.get('text')).toBe(paste);
    const stored = await storage.getItem(contextStorageKey(url.searchParams.get('context') as string));
    expect(stored).toMatchObject({ block: paste, source: { kind: 'selection', url: 'https://example.com/' } });
  });

  it('keeps a long selection out of the URL', async () => {
    const create = vi.spyOn(fakeBrowser.tabs, 'create');
    await onMenuClicked({ menuItemId: MENU_ID, selectionText: 'x'.repeat(5000) });
    const url = new URL(create.mock.calls[0][0].url as string);
    expect(url.searchParams.has('text')).toBe(false);
    expect(url.searchParams.get('context')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it.each([
    ['another menu item', { menuItemId: 'other', selectionText: 'x' }],
    ['an empty selection', { menuItemId: MENU_ID, selectionText: '   ' }],
  ])('ignores %s', async (_name, info) => {
    const create = vi.spyOn(fakeBrowser.tabs, 'create');
    expect(await onMenuClicked(info)).toBe(false);
    expect(create).not.toHaveBeenCalled();
  });
});
