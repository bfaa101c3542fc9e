// @vitest-environment happy-dom
import { act } from 'preact/test-utils';
import { storage } from 'wxt/utils/storage';
import { fakeBrowser } from 'wxt/testing';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Entry } from '../../src/engine/types';
import { contextStorageKey, parseDiagnosisRequest, type StoredContext } from '../../src/platform/diagnosis-link';
import { customSignaturesItem } from '../../src/platform/custom-signatures';
import { DiagnosisApp } from '../../src/ui/diagnosis-app';
import { loadKnowledgeBase } from '../../src/ui/knowledge-entries';
import { causeTitles, entry, show, unmountAll } from './diagnosis-render';

const CLOSED = entry('mcp/connection-closed');
const loadContext = (key: string) => storage.getItem<StoredContext>(contextStorageKey(key)).then((v) => v ?? undefined);

async function open(search: string) {
  const el = show(<DiagnosisApp request={parseDiagnosisRequest(search)} loadKnowledge={loadKnowledgeBase} loadContext={loadContext} />);
  await vi.waitFor(() => expect(el.querySelector('main')?.getAttribute('aria-busy')).toBe('false'));
  await act(() => Promise.resolve());
  return el;
}

beforeEach(() => fakeBrowser.reset());
afterEach(unmountAll);

describe('diagnosis page', () => {
  it('opens an entry by id and titles the document after it', async () => {
    const el = await open('?entry=mcp/connection-closed');
    expect(el.querySelector('main h1')?.textContent).toBe('MCP error -32000: Connection closed');
    // The title is set in an effect, which Preact runs after the paint.
    await vi.waitFor(() => expect(document.title).toBe('MCP error -32000: Connection closed — Faultline'));
    expect(el.querySelector('.context-note, .notice')).toBeNull();
  });

  it('ranks the causes with the context a badge stored in session storage', async () => {
    const context: StoredContext = {
      block: 'MCP error -32000: Connection closed',
      comment: 'asyncio.exceptions.CancelledError in RequestResponder.__exit__',
      source: { kind: 'badge', url: 'https://github.com/modelcontextprotocol/python-sdk/issues/2610', title: 'python-sdk#2610' },
    };
    await storage.setItem(contextStorageKey('k1'), context);
    const el = await open('?entry=mcp/connection-closed&context=k1');
    expect(causeTitles(el)[0]).toBe(CLOSED.causes.find((c) => c.id === 'python-sdk-cancel-kills-receive-loop')!.title);
    const note = el.querySelector('.context-note')!;
    expect(note.textContent).toContain('python-sdk#2610');
    expect(note.querySelector('a')?.getAttribute('href')).toBe(context.source.url);
  });

  it('says so when the stored context is gone and falls back to the stated order', async () => {
    const el = await open('?entry=mcp/connection-closed&context=gone');
    expect(el.querySelector('.notice')?.textContent).toContain('context of this link is gone');
    expect(causeTitles(el)).toEqual(CLOSED.causes.map((c) => c.title));
  });

  it('diagnoses ?text= with the context of a selection', async () => {
    await storage.setItem(contextStorageKey('sel'), {
      block: 'ignored: the text is the block',
      page: 'Error: Cannot find module /app/dist/server.js',
      source: { kind: 'selection', url: 'javascript:alert(1)', title: 'A page' },
    } satisfies StoredContext);
    const el = await open(`?${new URLSearchParams({ text: 'MCP error -32000: Connection closed', context: 'sel' })}`);
    const crash = CLOSED.causes.find((c) => c.id === 'server-crashes-on-start')!;
    expect(causeTitles(el)[0]).toBe(crash.title);
    // A source address that is not https is shown as its title, never as a link.
    expect(el.querySelector('.context-note')?.textContent).toContain('A page');
    expect(el.querySelector('.context-note a')).toBeNull();
  });

  it('diagnoses a long selection that travelled only in the stored context', async () => {
    await storage.setItem(contextStorageKey('long'), {
      block: `${'x'.repeat(3000)}\nnpm ERR! code ERESOLVE\nnpm ERR! ERESOLVE unable to resolve dependency tree`,
      source: { kind: 'selection' },
    } satisfies StoredContext);
    const el = await open('?context=long');
    expect(el.querySelector('[role=status]')?.textContent).toMatch(/^Known errors in this text: [1-9]/);
  });

  it.each([
    ['an unknown entry', '?entry=nope/never', 'Unknown error entry', 'There is no known error with the id “nope/never”.'],
    ['an empty request (the paste box)', '', 'Diagnose a log or an error', 'nothing is sent anywhere'],
  ])('shows a clear message and the search box for %s', async (_name, search, title, text) => {
    const el = await open(search);
    expect(el.querySelector('main h1')?.textContent).toBe(title);
    expect(el.querySelector('main')?.textContent).toContain(text);
    expect(el.querySelector('input[type=search]')).not.toBeNull();
  });

  it('diagnoses a pasted multi-line log in the paste box, as the context menu does', async () => {
    const el = await open('');
    const area = el.querySelector('textarea#paste-text') as HTMLTextAreaElement;
    const button = el.querySelector('.paste-box button[type=submit]') as HTMLButtonElement;
    expect(button.disabled).toBe(true);
    const log = '2025-06-01T10:00:00.000Z [filesystem] [info] Initializing server...\nError: spawn npx ENOENT\n2025-06-01T10:00:00.120Z [filesystem] [error] MCP error -32000: Connection closed';
    await act(() => {
      area.value = log;
      area.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await act(() => {
      button.click();
    });
    const result = el.querySelector('.paste-result') as HTMLElement;
    expect(result.querySelector('h1')?.textContent).toBe('Diagnosis of your text');
    const articles = [...result.querySelectorAll('article.entry')] as HTMLElement[];
    expect(articles.map((a) => a.querySelector('.entry-title')?.textContent)).toEqual([
      'Error: spawn <command> ENOENT (child_process could not start the command)',
      'MCP error -32000: Connection closed',
    ]);
    // The spawn line in the same paste is the evidence for the MCP entry's first cause.
    expect(causeTitles(articles[1])[0]).toBe('The host cannot find or launch the server command');
    // A contents list for several errors; each entry leads with its first cause and its fix,
    // the other causes are collapsed under their titles, the signature comes last.
    expect([...result.querySelectorAll('.contents a')].map((a) => a.getAttribute('href'))).toEqual(['#e-node-spawn-enoent', '#e-mcp-connection-closed']);
    const causes = [...articles[1].querySelectorAll('li.cause')];
    expect(causes[0].querySelector('details')).toBeNull();
    expect(causes[0].querySelector('.fix-steps')).not.toBeNull();
    expect(causes.slice(1).every((c) => c.querySelector(':scope > details.cause-details:not([open])'))).toBe(true);
    const sections = [...articles[1].querySelectorAll(':scope > .entry-section h3')].map((h) => h.textContent);
    expect(sections.at(-1)).toBe('Signature');
  });

  it('refuses a paste longer than the limit with a clear message, keeping the text', async () => {
    const el = await open('');
    const area = el.querySelector('textarea#paste-text') as HTMLTextAreaElement;
    await act(() => {
      area.value = 'x'.repeat(1024 * 1024 + 1);
      area.dispatchEvent(new Event('input', { bubbles: true }));
    });
    expect(el.querySelector('#paste-too-long')?.textContent).toMatch(/longer than 1024 KB/);
    expect((el.querySelector('.paste-box button[type=submit]') as HTMLButtonElement).disabled).toBe(true);
    expect(area.value.length).toBe(1024 * 1024 + 1);
  });

  it('searches the knowledge base from the box at the top', async () => {
    const el = await open('');
    const input = el.querySelector('input[type=search]') as HTMLInputElement;
    expect(el.querySelector(`label[for="${input.id}"]`)?.textContent).toBe('Search known errors');
    act(() => {
      input.value = 'conection clsed';
      input.dispatchEvent(new Event('input', { bubbles: true }));
    });
    const links = [...el.querySelectorAll('.search-results a')].map((a) => a.getAttribute('href'));
    expect(links[0]).toBe('diagnosis.html?entry=mcp%2Fconnection-closed');
    act(() => {
      input.value = 'qqqqzzzz';
      input.dispatchEvent(new Event('input', { bubbles: true }));
    });
    expect(el.querySelector('.search-empty')?.textContent).toBe('No known error matches “qqqqzzzz”.');
  });
});

describe('custom signatures', () => {
  it('diagnoses and searches the person’s own entries with the bundled ones', async () => {
    const custom: Entry = {
      ...CLOSED,
      id: 'custom/frobnicator-jammed',
      title: 'Frobnicator jammed at gear 7',
      title_zh: undefined,
      patterns: [{ kind: 'text', text: 'Frobnicator jammed at gear {number}' }],
      related: [],
    };
    await customSignaturesItem.setValue({ files: [], entries: [custom] });
    vi.resetModules();
    const { loadKnowledgeBase: fresh } = await import('../../src/ui/knowledge-entries');
    const kb = await fresh();
    expect(kb.isCustom('custom/frobnicator-jammed')).toBe(true);
    expect(kb.engine.diagnoseText('oh no: Frobnicator jammed at gear 12').map((d) => d.entryId)).toEqual(['custom/frobnicator-jammed']);
    expect(kb.search('frobnicator')[0]?.doc.id).toBe('custom/frobnicator-jammed');
    expect(kb.get('mcp/connection-closed')).toBeDefined();
  });
});
