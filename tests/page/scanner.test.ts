// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { runSteps } from '../../src/engine/automaton';
import { createPrefilterSteps } from '../../src/engine/prefilter';
import type { Diagnosis } from '../../src/engine/types';
import anchors from '../../src/knowledge/generated/anchors.json';
import entries from '../../src/knowledge/generated/entries.json';
import { createPageDiagnoser } from '../../src/background/page-diagnoser';
import { toSignature } from '../../src/knowledge/compile';
import type { Entry } from '../../src/engine/types';
import { extractText, rangeFor } from '../../src/page/extract';
import { createScanner, type Scanner } from '../../src/page/scanner';
import { HOST_TAG, shadowRootOf } from '../../src/page/badge-host';
import { DEFAULT_SETTINGS, type Settings } from '../../src/platform/settings';
import type { DiagnoseRequest, FindingSummary } from '../../src/platform/messages';
import { blocksOfCandidate, candidatesIn } from '../../src/sites/blocks-in';
import type { SiteAdapter } from '../../src/sites/types';

// As in the extension: the content script knows only the prefilter's anchors and the
// background diagnoses; here the diagnoser is called through a promise, as a message would be.
const prefilter = runSteps(createPrefilterSteps(anchors));
const diagnoser = createPageDiagnoser((entries as Entry[]).map(toSignature));
const diagnoseRequests: DiagnoseRequest[] = [];

const adapter: SiteAdapter = {
  id: 'test',
  name: 'Test',
  matches: [],
  defaultOn: true,
  isPage: () => true,
  blocks: '.comment-body, pre',
  comment: '.comment',
  thread: '#thread',
  skip: '.editor',
  theme: () => 'light',
};

const MCP = 'Error: MCP error -32000: Connection closed';
const ERESOLVE = 'npm ERR! code ERESOLVE';

let scanner: Scanner | undefined;
let abort: AbortController | undefined;
afterEach(() => {
  abort?.abort();
  document.body.innerHTML = '';
});

function start(html: string, settings: Partial<Settings> = {}) {
  document.body.innerHTML = `<div id="thread">${html}</div>`;
  abort = new AbortController();
  const reports: FindingSummary[][] = [];
  scanner = createScanner({
    doc: document,
    adapter,
    prefilter,
    settings: { ...DEFAULT_SETTINGS, ...settings },
    signal: abort.signal,
    candidatesIn,
    blocksOfCandidate,
    report: (f) => reports.push(f),
    loadDetails: async () => null,
    openDiagnosis: () => {},
    diagnose: async (request) => {
      diagnoseRequests.push(request);
      return diagnoser(request);
    },
  });
  return { reports };
}

// Closed roots: the page cannot reach them; this world (the content script's) can.
const allHosts = () => [...document.querySelectorAll(HOST_TAG)];
const isMore = (h: Element) => !!shadowRootOf(h)?.querySelector('button.more');
const hosts = () => allHosts().filter((h) => !isMore(h));
const badgeLabels = () => hosts().flatMap((h) => [...(shadowRootOf(h)?.querySelectorAll('button.badge') ?? [])].map((b) => b.getAttribute('aria-label')));

describe('extracting text with a map back to the DOM', () => {
  it('maps a match across highlighting spans and a line break to the exact DOM text', () => {
    document.body.innerHTML = '<pre id="p"><span class="k">Error</span>: MCP error <span>-32000</span>:\nConnection closed</pre>';
    const pre = document.getElementById('p') as Element;
    const extracted = extractText(pre);
    expect(extracted.text).toBe('Error: MCP error -32000:\nConnection closed');
    const start = extracted.text.indexOf('MCP');
    const range = rangeFor(extracted, start, extracted.text.length) as Range;
    expect(range.toString()).toBe('MCP error -32000:\nConnection closed');
  });

  it('puts block elements on their own lines and leaves out skipped subtrees', () => {
    document.body.innerHTML = '<div id="d"><p>one</p><p>two</p><div class="editor">secret</div><br>three</div>';
    expect(extractText(document.getElementById('d') as Element, { skip: '.editor' }).text).toBe('one\ntwo\nthree');
  });

  it('keeps the tail of a cut text, mapped back to the right characters', () => {
    document.body.innerHTML = `<pre id="p">${'a'.repeat(100)}<span>xx ERROR</span></pre>`;
    const result = extractText(document.getElementById('p') as Element, { maxChars: 10, tailChars: 8 });
    expect(result.text).toBe(`${'a'.repeat(10)}\nxx ERROR`);
    expect(result.truncated).toBe(true);
    const at = result.text.indexOf('ERROR');
    expect(rangeFor(result, at, at + 5)?.toString()).toBe('ERROR');
    document.body.innerHTML = `<pre id="q">${'b'.repeat(50)}TAIL</pre>`;
    const one = extractText(document.getElementById('q') as Element, { maxChars: 10, tailChars: 6 });
    expect(one.text).toBe(`${'b'.repeat(10)}\nbbTAIL`);
    expect(rangeFor(one, one.text.length - 4, one.text.length)?.toString()).toBe('TAIL');
  });

  it('stops at maxChars and says so', () => {
    document.body.innerHTML = `<pre id="p">${'a'.repeat(100)}</pre>`;
    const result = extractText(document.getElementById('p') as Element, { maxChars: 10 });
    expect(result).toMatchObject({ text: 'a'.repeat(10), truncated: true });
  });
});

describe('the page scanner', () => {
  it('puts one badge per signature per block, after the code block and outside it', async () => {
    const { reports } = start(`<div class="comment"><div class="comment-body"><p>My server:</p><pre>${MCP}\n${MCP}</pre></div></div>`);
    await vi.waitFor(() => expect(hosts()).toHaveLength(1));
    const host = hosts()[0];
    expect(host.previousElementSibling?.tagName).toBe('PRE');
    expect(document.querySelector('pre')?.textContent).toBe(`${MCP}\n${MCP}`);
    expect(badgeLabels()).toEqual(['Known error: MCP error -32000: Connection closed. 4 possible causes, no clue on this page']);
    await vi.waitFor(() => expect(reports.at(-1)).toEqual([expect.objectContaining({ entryId: 'mcp/connection-closed', count: 1 })]));
  });

  it('does not badge a mention under a negation in prose, but keeps every match in a code block', async () => {
    start(
      `<div class="comment"><div class="comment-body"><p>It is not <code>Error: spawn npx ENOENT</code>, npx is on my PATH.</p></div></div>` +
        `<div class="comment"><div class="comment-body"><pre>[error] could not start: Error: spawn npx ENOENT</pre></div></div>`,
    );
    await vi.waitFor(() => expect(hosts()).toHaveLength(1));
    expect(hosts()[0].previousElementSibling?.tagName).toBe('PRE');
  });

  it('marks a later block with the same diagnosis as a repeat that leads to the first badge, and keeps a different cause its own badge', async () => {
    start(
      `<div class="comment"><div class="comment-body"><pre>Error: spawn npx ENOENT\n${MCP}</pre></div></div>` +
        `<div class="comment"><div class="comment-body"><pre>Error: spawn npx ENOENT\n${MCP}</pre></div></div>` +
        `<div class="comment"><div class="comment-body"><pre>asyncio.exceptions.CancelledError\nnotifications/cancelled\n${MCP}</pre></div></div>`,
    );
    const buttons = () => hosts().flatMap((h) => [...(shadowRootOf(h)?.querySelectorAll('button.badge') ?? [])] as HTMLButtonElement[]);
    await vi.waitFor(() => expect(buttons().filter((b) => b.textContent?.includes('MCP') || b.getAttribute('aria-label')?.includes('MCP'))).toHaveLength(3));
    const mcp = buttons().filter((b) => b.getAttribute('aria-label')?.includes('MCP error -32000'));
    expect(mcp.map((b) => b.classList.contains('badge-repeat'))).toEqual([false, true, false]);
    expect(mcp[1].getAttribute('aria-label')).toBe('MCP error -32000: Connection closed: the same diagnosis as an earlier badge. Go to it');
    mcp[1].click();
    expect(shadowRootOf(hosts()[0])?.activeElement).toBe(mcp[0]);
  });

  it('badges a block the page re-renders with the same text at once, without asking the background again', async () => {
    start(`<div class="comment"><div class="comment-body" id="live"><pre>${MCP}</pre></div></div>`);
    await vi.waitFor(() => expect(hosts()).toHaveLength(1));
    const asked = diagnoseRequests.length;
    (document.getElementById('live') as HTMLElement).innerHTML = `<pre>${MCP}</pre>`;
    await vi.waitFor(() => expect(hosts().filter((h) => h.isConnected)).toHaveLength(1));
    await new Promise((r) => setTimeout(r, 50));
    expect(diagnoseRequests.length).toBe(asked);
  });

  it('badges inline code after its paragraph, not inside the sentence', async () => {
    start(`<div class="comment"><div class="comment-body"><p>I get <code>${ERESOLVE}</code> on install.</p></div></div>`);
    await vi.waitFor(() => expect(hosts()).toHaveLength(1));
    expect(hosts()[0].previousElementSibling?.tagName).toBe('P');
    expect(document.querySelector('p')?.textContent).toBe(`I get ${ERESOLVE} on install.`);
  });

  it('badges an error inside a closed <details> after the <details>, where it is visible', async () => {
    start(`<div class="comment"><div class="comment-body"><details><summary>Logs</summary><pre>${MCP}</pre></details></div></div>`);
    await vi.waitFor(() => expect(hosts()).toHaveLength(1));
    expect(hosts()[0].previousElementSibling?.tagName).toBe('DETAILS');
  });

  it('holds no knowledge but anchors: it asks the background with the block, its comment, the title and a bounded thread excerpt', async () => {
    // The content script's knowledge is short anchor prefixes; no title, pattern or cause text.
    expect(anchors.every((a) => typeof a === 'string' && Array.from(a).length <= 16)).toBe(true);
    expect(JSON.stringify(anchors)).not.toMatch(/mcp\/connection-closed|command-not-found|Connection closed/);
    document.title = 'MCP server fails on Windows · Issue #1 · o/r';
    diagnoseRequests.length = 0;
    start(`<div class="comment"><div class="comment-body"><pre>${MCP}</pre><p>The log also says spawn npx ENOENT</p></div></div><p>${'x'.repeat(100_000)}</p>`);
    await vi.waitFor(() => expect(badgeLabels().some((l) => l?.startsWith('Known error: MCP error -32000'))).toBe(true));
    // One batch for the blocks found together: the paste and the sentence, sharing their comment.
    const request = diagnoseRequests.at(-1) as DiagnoseRequest;
    expect(request.items).toEqual([
      { block: MCP, comment: 0 },
      { block: 'The log also says spawn npx ENOENT', comment: 0 },
    ]);
    expect(request.comments).toHaveLength(1);
    expect(request.title).toBe('MCP server fails on Windows · Issue #1 · o/r');
    expect(request.comments?.[0]).toContain('spawn npx ENOENT');
    expect(request.page!.length).toBeLessThanOrEqual(64 * 1024);
    expect(badgeLabels().find((l) => l?.startsWith('Known error: MCP'))).toMatch(/^Known error: MCP error -32000: Connection closed\. Likely cause: /);
    document.title = '';
  });

  it('ranks causes with cues from the same comment', async () => {
    start(`<div class="comment"><div class="comment-body"><pre>${MCP}</pre><p>The log also says spawn npx ENOENT</p></div></div>`);
    await vi.waitFor(() => expect(scanner?.diagnoses().some((x) => x.entryId === 'mcp/connection-closed')).toBe(true));
    const d = scanner?.diagnoses().find((x) => x.entryId === 'mcp/connection-closed') as Diagnosis;
    expect(d.causes[0].id).toBe('command-not-found');
    expect(d.causes[0].cues[0]).toMatchObject({ where: 'comment' });
  });

  it('scans a comment added after load', async () => {
    start('<div class="comment"><div class="comment-body"><p>Nothing wrong here.</p></div></div>');
    await new Promise((r) => setTimeout(r, 50));
    expect(hosts()).toHaveLength(0);
    const added = document.createElement('div');
    added.className = 'comment';
    added.innerHTML = `<div class="comment-body"><pre>${ERESOLVE}</pre></div>`;
    document.getElementById('thread')?.append(added);
    await vi.waitFor(() => expect(hosts()).toHaveLength(1));
  });

  it('follows an edited block: the badge goes when the error text goes', async () => {
    start(`<div class="comment"><div class="comment-body"><pre id="p">${MCP}</pre></div></div>`);
    await vi.waitFor(() => expect(hosts()).toHaveLength(1));
    (document.getElementById('p') as Element).textContent = 'all good now';
    await vi.waitFor(() => expect(hosts()).toHaveLength(0));
  });

  it('finds an error at the end of a 3 MB code block', async () => {
    const log = '2026-05-12 [info] request completed in 12 ms\n'.repeat(70_000);
    start(`<div class="comment"><div class="comment-body"><pre>${log}${MCP}</pre></div></div>`);
    await vi.waitFor(() => expect(hosts()).toHaveLength(1), { timeout: 10_000 });
  });

  it('never scans editors or text areas', async () => {
    start(`<div class="comment"><div class="comment-body"><div class="editor"><pre>${MCP}</pre></div><textarea>${ERESOLVE}</textarea><p>fine</p></div></div>`);
    await new Promise((r) => setTimeout(r, 80));
    expect(hosts()).toHaveLength(0);
  });

  it('caps the badges per page and summarises the rest as "+N more", which shows them', async () => {
    // Five different diagnoses (repeats of one would get markers, not badges).
    const errors = [
      MCP,
      ERESOLVE,
      'Error: spawn npx ENOENT',
      'Error: listen EADDRINUSE: address already in use :::3000',
      'Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?',
    ];
    const comments = errors.map((e) => `<div class="comment"><div class="comment-body"><pre>${e}</pre></div></div>`).join('');
    start(comments, { badgeCap: 2 });
    await vi.waitFor(() => expect(hosts()).toHaveLength(2));
    const moreEl = () => allHosts().find(isMore);
    await vi.waitFor(() => expect((moreEl() && shadowRootOf(moreEl() as Element))?.textContent).toContain('+3 more'));
    const more = moreEl();
    // In the page's flow right after the last badge shown, never a fixed layer over the text.
    expect(more?.getAttribute('style')).toBeNull();
    expect(more?.previousElementSibling).toBe(hosts().at(-1));
    ((more && shadowRootOf(more))?.querySelector('button') as HTMLButtonElement).click();
    await vi.waitFor(() => expect(hosts()).toHaveLength(5));
  });

  it('removes every badge and highlight when stopped', async () => {
    start(`<div class="comment"><div class="comment-body"><pre>${MCP}</pre></div></div>`);
    await vi.waitFor(() => expect(hosts()).toHaveLength(1));
    abort?.abort();
    expect(document.querySelectorAll(HOST_TAG)).toHaveLength(0);
  });

  it('reports nothing and mounts nothing on a page without known errors', async () => {
    const { reports } = start('<div class="comment"><div class="comment-body"><pre>const x = 1;\nconsole.log(x);</pre></div></div>');
    await new Promise((r) => setTimeout(r, 400));
    expect(hosts()).toHaveLength(0);
    expect(reports.flat()).toEqual([]);
  });
});
