// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { setLanguage } from '../../src/ui/i18n';
import { PopupSearch } from '../../src/ui/popup-search';

let root: HTMLElement;

beforeEach(() => {
  fakeBrowser.reset();
  setLanguage('en');
  root = document.createElement('div');
  document.body.append(root);
  act(() => render(<PopupSearch />, root));
});
afterEach(() => {
  act(() => render(null, root));
  root.remove();
  vi.restoreAllMocks();
});

const searchBox = () => root.querySelector<HTMLInputElement>('input[type=search]')!;
const options = () => [...root.querySelectorAll<HTMLElement>('[role=option]')];
const selected = () => options().findIndex((o) => o.getAttribute('aria-selected') === 'true');

function type(text: string) {
  act(() => {
    searchBox().value = text;
    searchBox().dispatchEvent(new Event('input', { bubbles: true }));
  });
}
function press(target: Element, key: string) {
  act(() => {
    target.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }));
  });
}

describe('popup search', () => {
  it('focuses the search box on open and shows a hint, not a list, before typing', () => {
    expect(document.activeElement).toBe(searchBox());
    expect(options()).toHaveLength(0);
    expect(root.textContent).toContain('Type an error message');
  });

  it.each([
    ['conection clsed', 'MCP error -32000: Connection closed'],
    ['ERESOLVE', 'npm ERR! code ERESOLVE: unable to resolve dependency tree'],
  ])('typing %j puts %j first, with the match marked', (query, title) => {
    type(query);
    const first = options()[0];
    expect(first.id).toBe('popup-result-0');
    expect(first.querySelector('.popup-row-title')!.textContent).toBe(title);
    expect(first.querySelector('mark')).not.toBeNull();
    // Filtered: a handful of results, not the whole knowledge base.
    expect(options().length).toBeLessThanOrEqual(12);
    expect(root.querySelector('[role=status]')!.textContent).toBe(`${options().length} results`);
  });

  it('says so when nothing matches', () => {
    type('zzqxjv wqpkz');
    expect(options()).toHaveLength(0);
    expect(root.textContent).toContain('No known error matches “zzqxjv wqpkz”.');
  });

  it('moves the active result with the arrow keys, from the box and from the list', () => {
    type('ENOENT');
    expect(options().length).toBeGreaterThan(2);
    expect(selected()).toBe(0);
    press(searchBox(), 'ArrowDown');
    press(searchBox(), 'ArrowDown');
    expect(selected()).toBe(2);
    expect(searchBox().getAttribute('aria-activedescendant')).toBe('popup-result-2');
    press(searchBox(), 'ArrowUp');
    expect(selected()).toBe(1);
    const list = root.querySelector('[role=listbox]')!;
    press(list, 'End');
    expect(selected()).toBe(options().length - 1);
    press(list, 'ArrowDown');
    expect(selected()).toBe(options().length - 1);
    press(list, 'Home');
    expect(selected()).toBe(0);
    press(list, 'ArrowUp');
    expect(selected()).toBe(0);
  });

  it('opens the diagnosis of the active result on Enter and closes the popup', async () => {
    const create = vi.spyOn(fakeBrowser.tabs, 'create');
    const close = vi.spyOn(window, 'close').mockImplementation(() => {});
    type('ERESOLVE');
    expect(options()[0].textContent).toContain('ERESOLVE');
    await act(async () => press(searchBox(), 'Enter'));
    expect(create).toHaveBeenCalledWith({ url: `chrome-extension://${fakeBrowser.runtime.id}/diagnosis.html?entry=npm%2Feresolve` });
    await vi.waitFor(() => expect(close).toHaveBeenCalled());
  });

  it('shows Chinese titles and highlights the Chinese match when the language is zh_CN', () => {
    act(() => setLanguage('zh_CN'));
    act(() => render(<PopupSearch key="zh" />, root));
    type('依赖树');
    const first = options()[0];
    expect(first.querySelector('.popup-row-title')!.textContent).toBe('npm ERR! code ERESOLVE：无法解析依赖树');
    expect(first.querySelector('mark')).not.toBeNull();
    expect(root.querySelector('label')!.textContent).toBe('搜索已知错误');
  });

  it('finds a Chinese title from its words and marks them (连接关闭 → 连接已关闭)', () => {
    act(() => setLanguage('zh_CN'));
    act(() => render(<PopupSearch key="zh" />, root));
    type('连接关闭');
    const first = options()[0];
    expect(first.querySelector('.popup-row-title')!.textContent).toBe('MCP 错误 -32000：连接已关闭（Connection closed）');
    expect([...first.querySelectorAll('mark')].map((m) => m.textContent)).toEqual(['连接', '关闭']);
  });
});
