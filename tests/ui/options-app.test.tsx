// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { getBundledIds } from '../../src/platform/custom-bundled-ids';
import { customSignaturesItem } from '../../src/platform/custom-signatures';
import { putCustomFiles } from '../../src/platform/custom-store';
import { DEFAULT_SETTINGS, loadSettings, settingsItem, updateSettings } from '../../src/platform/settings';
import { systemTheme, type SiteAdapter } from '../../src/sites/types';
import { setLanguage } from '../../src/ui/i18n';
import { OptionsApp } from '../../src/ui/options-app';

const FIXTURES = join(__dirname, '..', 'fixtures', 'custom');
const VALID_TEXT = readFileSync(join(FIXTURES, 'valid-signature.md'), 'utf8');
const BROKEN_TEXT = readFileSync(join(FIXTURES, 'broken-signature.md'), 'utf8');

const adapter = (id: string, name: string, defaultOn: boolean, matches: string[]): SiteAdapter => ({
  id, name, defaultOn, matches, isPage: () => false, blocks: 'pre', comment: 'article', thread: 'main', skip: '', theme: systemTheme,
});
const ADAPTERS = [
  adapter('github', 'GitHub', true, ['https://github.com/*']),
  adapter('docs', 'Documentation sites', false, ['https://docs.python.org/*']),
];

let root: HTMLElement;
let granted: Set<string>;
let grantAnswer: boolean;

beforeEach(() => {
  fakeBrowser.reset();
  setLanguage('en');
  granted = new Set(['https://github.com/*']);
  grantAnswer = true;
  vi.spyOn(fakeBrowser.i18n, 'getUILanguage').mockReturnValue('en-US');
  Object.assign(fakeBrowser.permissions, {
    request: vi.fn(async ({ origins }: { origins: string[] }) => {
      if (grantAnswer) origins.forEach((o) => granted.add(o));
      return grantAnswer;
    }),
    contains: vi.fn(async ({ origins }: { origins: string[] }) => origins.every((o) => granted.has(o))),
    remove: vi.fn(async ({ origins }: { origins: string[] }) => origins.forEach((o) => granted.delete(o))),
  });
  Object.assign(fakeBrowser.scripting, {
    getRegisteredContentScripts: vi.fn(async () => []),
    registerContentScripts: vi.fn(async () => {}),
    updateContentScripts: vi.fn(async () => {}),
    unregisterContentScripts: vi.fn(async () => {}),
  });
  root = document.createElement('div');
  document.body.append(root);
});
afterEach(() => {
  act(() => render(null, root));
  root.remove();
  vi.restoreAllMocks();
});

async function open() {
  await act(() => render(<OptionsApp adapters={ADAPTERS} bundledIds={getBundledIds()} />, root));
  await vi.waitFor(() => expect(root.querySelector('h1')).not.toBeNull());
}
const byId = <T extends HTMLElement>(id: string) => root.querySelector<T>(`#${CSS.escape(id)}`) as T;
const button = (name: string) => {
  const found = [...root.querySelectorAll('button')].find((b) => (b.getAttribute('aria-label') ?? b.textContent) === name);
  if (!found) throw new Error(`no button "${name}"`);
  return found;
};
async function click(element: HTMLElement) {
  await act(async () => element.click());
}
async function chooseFiles(inputId: string, files: File[]) {
  const input = byId<HTMLInputElement>(inputId);
  Object.defineProperty(input, 'files', { value: files, configurable: true });
  await act(async () => void input.dispatchEvent(new Event('change', { bubbles: true })));
}
const text = () => root.textContent ?? '';

describe('options page: sites', () => {
  it('shows each adapter with its state; a default-on site is on until switched off', async () => {
    await open();
    expect(byId<HTMLInputElement>('site-github').checked).toBe(true);
    expect(byId<HTMLInputElement>('site-docs').checked).toBe(false);
    expect(root.querySelector('label[for="site-docs"]')?.textContent).toBe('Documentation sites');
    expect(text()).toContain('Optional; asks for access to docs.python.org');
  });

  it('stores a switched-off default site', async () => {
    await open();
    await click(byId('site-github'));
    await vi.waitFor(async () => expect((await loadSettings()).sites.github).toBe(false));
    expect(byId<HTMLInputElement>('site-github').checked).toBe(false);
  });

  it('asks for access when an optional site is turned on, then registers it', async () => {
    await open();
    await click(byId('site-docs'));
    expect(fakeBrowser.permissions.request).toHaveBeenCalledWith({ origins: ['https://docs.python.org/*'] });
    await vi.waitFor(async () => expect((await loadSettings()).sites.docs).toBe(true));
    await vi.waitFor(() => expect(fakeBrowser.scripting.registerContentScripts).toHaveBeenCalled());
    await vi.waitFor(() => expect(byId<HTMLInputElement>('site-docs').checked).toBe(true));
  });

  it('keeps an optional site off and says so when access is refused', async () => {
    grantAnswer = false;
    await open();
    await click(byId('site-docs'));
    await vi.waitFor(() => expect(text()).toContain('Access was not granted, so Documentation sites stays off.'));
    await vi.waitFor(() => expect(byId<HTMLInputElement>('site-docs').checked).toBe(false));
    expect((await loadSettings()).sites.docs).toBeUndefined();
  });

  it('lists hosts switched off from the popup and turns one back on', async () => {
    await updateSettings((s) => ({ ...s, disabledHosts: ['gitlab.example.com', 'other.example'] }));
    await open();
    expect(text()).toContain('gitlab.example.com');
    await click(button('Turn gitlab.example.com back on'));
    await vi.waitFor(async () => expect((await loadSettings()).disabledHosts).toEqual(['other.example']));
    await vi.waitFor(() => expect(text()).not.toContain('gitlab.example.com'));
  });
});

describe('options page: appearance', () => {
  it('stores the highlight switch, badge style and badge cap', async () => {
    await open();
    await click(byId('highlight'));
    await vi.waitFor(async () => expect((await loadSettings()).highlight).toBe(false));

    const dot = root.querySelector<HTMLInputElement>('input[name="badge-style"][value="dot"]') as HTMLInputElement;
    await click(dot);
    await vi.waitFor(async () => expect((await loadSettings()).badgeStyle).toBe('dot'));

    const cap = byId<HTMLInputElement>('badge-cap');
    await act(async () => {
      cap.value = '500';
      cap.dispatchEvent(new Event('input', { bubbles: true }));
      cap.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await vi.waitFor(async () => expect((await loadSettings()).badgeCap).toBe(200));
    await vi.waitFor(() => expect(cap.value).toBe('200'));
  });

  it('switches the page to Chinese when the language setting changes', async () => {
    await open();
    const select = byId<HTMLSelectElement>('language');
    await act(async () => {
      select.value = 'zh_CN';
      select.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await vi.waitFor(() => expect(root.querySelector('h1')?.textContent).toBe('Faultline 选项'));
    expect((await loadSettings()).language).toBe('zh_CN');
    expect(document.documentElement.lang).toBe('zh-CN');
    expect(text()).toContain('自定义错误签名');
  });
});

describe('options page: custom signatures', () => {
  it('imports a valid file and lists it', async () => {
    await open();
    await chooseFiles('import-signatures', [new File([VALID_TEXT], 'valid-signature.md', { type: 'text/markdown' })]);
    await vi.waitFor(() => expect(text()).toContain('custom/valid-signature'));
    expect(text()).toContain('FrobnicatorError: widget flux capacitor overheated');
    expect(text()).toContain('Signature files imported: 1.');
    expect((await customSignaturesItem.getValue()).entries.map((e) => e.id)).toEqual(['custom/valid-signature']);
  });

  it('shows the problem of a broken file and keeps what was stored', async () => {
    await putCustomFiles([{ name: 'custom/valid-signature.md', text: VALID_TEXT }], getBundledIds());
    const before = await customSignaturesItem.getValue();
    await open();
    await chooseFiles('import-signatures', [new File([BROKEN_TEXT], 'broken-signature.md')]);
    const alert = await vi.waitFor(() => {
      const el = root.querySelector('[role=alert]');
      expect(el).not.toBeNull();
      return el as Element;
    });
    expect(alert.textContent).toContain('The import was refused.');
    expect(alert.textContent).toContain('Nothing was changed.');
    expect(alert.textContent).toContain('custom/broken-signature.md:2: causes: missing required field');
    expect(await customSignaturesItem.getValue()).toEqual(before);
    expect(text()).toContain('custom/valid-signature');
  });

  it('adds a signature through the editor and refuses an invalid edit', async () => {
    await open();
    await click(button('Add signature'));
    const name = byId<HTMLInputElement>('signature-name');
    const area = byId<HTMLTextAreaElement>('signature-text');
    expect(area.value).toContain('causes:');
    await act(async () => {
      name.value = 'frobnicator';
      name.dispatchEvent(new Event('input', { bubbles: true }));
      area.value = VALID_TEXT;
      area.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await act(async () => void (root.querySelector('form.editor') as HTMLFormElement).dispatchEvent(new Event('submit', { cancelable: true })));
    await vi.waitFor(() => expect(text()).toContain('Saved custom/frobnicator.'));
    expect((await customSignaturesItem.getValue()).files.map((f) => f.name)).toEqual(['custom/frobnicator.md']);

    await click(button('Edit FrobnicatorError: widget flux capacitor overheated'));
    const editArea = byId<HTMLTextAreaElement>('signature-text');
    expect(editArea.value).toBe(VALID_TEXT);
    await act(async () => {
      editArea.value = VALID_TEXT.replace('category: runtime', 'category: weather');
      editArea.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await act(async () => void (root.querySelector('form.editor') as HTMLFormElement).dispatchEvent(new Event('submit', { cancelable: true })));
    await vi.waitFor(() => expect(root.querySelector('[role=alert]')?.textContent).toContain('custom/frobnicator.md:8: category: unknown category "weather"'));
    expect((await customSignaturesItem.getValue()).files[0].text).toBe(VALID_TEXT);
    // The editor stays open with the person's text, to fix it.
    expect(byId<HTMLTextAreaElement>('signature-text').value).toContain('weather');
  });

  it('deletes a signature', async () => {
    await putCustomFiles([{ name: 'custom/valid-signature.md', text: VALID_TEXT }], getBundledIds());
    await open();
    await click(button('Delete FrobnicatorError: widget flux capacitor overheated'));
    await vi.waitFor(async () => expect((await customSignaturesItem.getValue()).files).toEqual([]));
    await vi.waitFor(() => expect(text()).toContain('No custom signatures yet.'));
  });
});

describe('options page: backup and reset', () => {
  it('refuses a broken settings file with a clear message and keeps the settings', async () => {
    await updateSettings((s) => ({ ...s, badgeStyle: 'dot' }));
    await open();
    await chooseFiles('import-backup', [new File(['{"format": "faultline-backup", '], 'faultline-settings.json')]);
    await vi.waitFor(() => expect(root.querySelector('[role=alert]')?.textContent).toContain('It is not valid JSON'));
    expect((await loadSettings()).badgeStyle).toBe('dot');
  });

  it('imports a settings file', async () => {
    await open();
    const backup = { format: 'faultline-backup', version: 1, settings: { ...DEFAULT_SETTINGS, highlight: false }, customSignatures: [{ name: 'custom/valid-signature.md', text: VALID_TEXT }] };
    await chooseFiles('import-backup', [new File([JSON.stringify(backup)], 'faultline-settings.json')]);
    await vi.waitFor(() => expect(text()).toContain('Settings and custom signatures imported.'));
    expect((await loadSettings()).highlight).toBe(false);
    expect(byId<HTMLInputElement>('highlight').checked).toBe(false);
    expect(text()).toContain('custom/valid-signature');
  });

  it('resets to defaults only after an in-page confirmation, keeping custom signatures', async () => {
    // happy-dom has no window.confirm; a spy proves the page never calls one.
    const confirm = vi.fn(() => true);
    Object.assign(window, { confirm });
    await updateSettings((s) => ({ ...s, highlight: false, badgeCap: 5 }));
    await putCustomFiles([{ name: 'custom/valid-signature.md', text: VALID_TEXT }], getBundledIds());
    await open();
    await click(button('Reset to defaults'));
    expect(text()).toContain('Reset every setting to its default?');
    await vi.waitFor(() => expect(document.activeElement?.textContent).toBe('Cancel'));
    await click(button('Cancel'));
    expect((await loadSettings()).highlight).toBe(false);

    await click(button('Reset to defaults'));
    await click(button('Reset'));
    await vi.waitFor(async () => expect(await settingsItem.getValue()).toEqual(DEFAULT_SETTINGS));
    await vi.waitFor(() => expect(byId<HTMLInputElement>('highlight').checked).toBe(true));
    expect((await customSignaturesItem.getValue()).files).toHaveLength(1);
    expect(confirm).not.toHaveBeenCalled();
    Reflect.deleteProperty(window, 'confirm');
  });
});
