// @vitest-environment happy-dom
// Every page fixture through its adapter and the real engine: the known errors are found
// in the expected blocks and comments, editors and previews are never scanned.
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import signatures from '../../src/knowledge/generated/signatures.json';
import { createEngine } from '../../src/engine/diagnose';
import type { SignatureSpec } from '../../src/engine/types';
import { ON_DEMAND_ADAPTER, blocksIn, skipSelectorOf, textOf } from '../../src/sites';
import { discord } from '../../src/sites/discord';
import { docs } from '../../src/sites/docs';
import { github } from '../../src/sites/github';
import { gitlab } from '../../src/sites/gitlab';
import { slack } from '../../src/sites/slack';
import { stackexchange } from '../../src/sites/stackexchange';
import type { SiteAdapter } from '../../src/sites/types';
import { PAGES_DIR, loadPage } from './fixture-page';

const engine = createEngine(signatures as SignatureSpec[]);

interface Found {
  entry: string;
  /** The block the error is found in matches this selector. */
  block: string;
  /** The block's `closest(adapter.comment)` is (inside) the element this selects. */
  comment: string;
  /** How many blocks hold it (default 1). */
  count?: number;
}

export interface PageCase {
  fixture: string;
  url: string;
  adapter: SiteAdapter;
  found: Found[];
  /** Entries that appear on the page only in editors, previews or navigation. */
  absent: string[];
}

export const PAGE_CASES: PageCase[] = [
  {
    fixture: 'github-issue-react',
    url: 'https://github.com/modelcontextprotocol/python-sdk/issues/2610',
    adapter: github,
    found: [
      // first comment (the issue body), in a highlighted fenced block
      { entry: 'mcp/connection-closed', block: '.react-issue-body .highlight', comment: '.react-issue-body' },
      // a later comment (a reply quoting it is not scanned again: count 1)
      { entry: 'node/spawn-enoent', block: '.snippet-clipboard-content', comment: '[data-testid="comment-viewer-outer-box-IC_kwDOMaintainer1"]' },
      // inside <details>
      { entry: 'docker/daemon-not-running', block: 'details .snippet-clipboard-content', comment: '[data-testid="comment-viewer-outer-box-IC_kwDOReporter2"]' },
      // inline code in a comment without code blocks: the whole comment body is one block
      { entry: 'ollama/could-not-connect', block: '[data-testid="markdown-body"]', comment: '[data-testid="comment-viewer-outer-box-IC_kwDOHelper3"]' },
    ],
    absent: ['npm/eresolve', 'node/eaddrinuse'], // composer textarea and its preview
  },
  {
    fixture: 'github-issue-classic',
    url: 'https://github.com/example/bot/issues/77',
    adapter: github,
    found: [
      { entry: 'python/module-not-found', block: '.highlight-text-python-traceback', comment: '#issue-77' },
      { entry: 'node/heap-out-of-memory', block: '.snippet-clipboard-content', comment: '#issuecomment-4001' },
    ],
    absent: ['git/permission-denied-publickey', 'tls/self-signed-cert-in-chain'], // edit form, draft preview
  },
  {
    fixture: 'github-pull-request',
    url: 'https://github.com/example/api/pull/148',
    adapter: github,
    found: [
      { entry: 'git/push-rejected-non-fast-forward', block: '.highlight', comment: '#pullrequest-148' },
      { entry: 'node/eaddrinuse', block: '.snippet-clipboard-content', comment: '#discussion_r6001' },
    ],
    absent: [],
  },
  {
    fixture: 'github-discussion',
    url: 'https://github.com/orgs/community/discussions/11202',
    adapter: github,
    found: [
      { entry: 'python/externally-managed-environment', block: '.highlight', comment: '#discussion-11202' },
      { entry: 'llm-api/openai-rate-limit-reached', block: '.comment-body', comment: '#discussioncomment-7001' },
    ],
    absent: [],
  },
  {
    fixture: 'github-commit',
    url: 'https://github.com/example/tooling/commit/5b614b9035f2035b839f48b4db7bd5c3298d526f',
    adapter: github,
    found: [
      { entry: 'tls/self-signed-cert-in-chain', block: '.snippet-clipboard-content', comment: '#commitcomment-9001' },
      { entry: 'node/heap-out-of-memory', block: '.snippet-clipboard-content', comment: '[data-testid="review-thread"]' },
    ],
    absent: [],
  },
  {
    fixture: 'github-no-errors',
    url: 'https://github.com/example/lib/issues/12',
    adapter: github,
    found: [],
    absent: [],
  },
  {
    fixture: 'stackoverflow-question',
    url: 'https://stackoverflow.com/questions/64573177/npm-install-fails-with-eresolve',
    adapter: stackexchange,
    found: [
      { entry: 'npm/eresolve', block: 'pre.s-code-block', comment: '#question' },
      { entry: 'tls/self-signed-cert-in-chain', block: '.comment-copy', comment: '#comment-113987001' },
      // an answer mixing prose and a code block is split: the sentence with inline code is its own block
      { entry: 'node/heap-out-of-memory', block: 'p', comment: '#answer-64573178' },
    ],
    absent: ['mcp/connection-closed', 'node/eaddrinuse'], // comment form, answer editor and its preview
  },
  {
    fixture: 'superuser-question',
    url: 'https://superuser.com/questions/1135343/git-clone-over-ssh-permission-denied-publickey',
    adapter: stackexchange,
    found: [
      { entry: 'git/permission-denied-publickey', block: 'pre', comment: '#question' },
      { entry: 'ollama/could-not-connect', block: '.comment-copy', comment: '#comment-2000001' },
    ],
    absent: [],
  },
  {
    fixture: 'gitlab-issue',
    url: 'https://gitlab.com/gitlab-org/gitlab/-/issues/337880',
    adapter: gitlab,
    found: [
      { entry: 'docker/daemon-not-running', block: '.markdown-code-block', comment: '.work-item-description' },
      { entry: 'python/module-not-found', block: '.markdown-code-block', comment: '#note_1001' },
    ],
    absent: ['npm/eresolve'], // note being edited and its preview
  },
  {
    fixture: 'gitlab-merge-request',
    url: 'https://gitlab.com/gitlab-org/gitlab/-/merge_requests/123456',
    adapter: gitlab,
    found: [
      { entry: 'npm/eresolve', block: '.markdown-code-block', comment: '.detail-page-description' },
      { entry: 'git/push-rejected-non-fast-forward', block: '.markdown-code-block', comment: '#note_2001' },
    ],
    absent: ['docker/daemon-not-running'], // reply box preview
  },
  {
    fixture: 'docs-page',
    url: 'https://docs.ollama.com/faq',
    adapter: docs,
    found: [
      { entry: 'ollama/address-already-in-use', block: '.callout', comment: '#how-can-i-expose-ollama-on-my-network' },
      { entry: 'ollama/could-not-connect', block: 'pre', comment: '#why-does-the-cli-say-could-not-connect' },
    ],
    absent: ['node/eaddrinuse'], // search results in the header, footer
  },
  {
    // "Scan this page" on a docs host that is not turned on: the on-demand adapter
    fixture: 'docs-page',
    url: 'https://docs.ollama.com/faq',
    adapter: ON_DEMAND_ADAPTER,
    found: [
      { entry: 'ollama/address-already-in-use', block: 'code', comment: '#how-can-i-expose-ollama-on-my-network' },
      { entry: 'ollama/could-not-connect', block: 'pre', comment: '#why-does-the-cli-say-could-not-connect' },
    ],
    absent: ['node/eaddrinuse'], // header and footer
  },
  {
    fixture: 'discord-channel',
    url: 'https://discord.com/channels/1234567890123456789/1234567890123456790',
    adapter: discord,
    found: [
      // once: the reply's quote of it is skipped
      { entry: 'mcp/connection-closed', block: '#message-content-1300000000000000001', comment: '#chat-messages-1234567890123456790-1300000000000000001' },
      { entry: 'llm-api/openai-rate-limit-reached', block: 'article', comment: '#chat-messages-1234567890123456790-1300000000000000002' },
    ],
    absent: ['node/spawn-enoent'], // the composer
  },
  {
    fixture: 'slack-channel',
    url: 'https://app.slack.com/client/T0123ABCD/C0456EFGH',
    adapter: slack,
    found: [
      { entry: 'docker/daemon-not-running', block: 'pre.c-mrkdwn__pre', comment: '[data-item-key="1700000000.123456"]' },
      { entry: 'python/module-not-found', block: '.c-message_kit__blocks', comment: '[data-item-key="1700000100.000200"]' },
    ],
    absent: ['npm/eresolve'], // the composer
  },
];

function scan(c: PageCase) {
  const doc = loadPage(c.fixture, c.url);
  const skip = skipSelectorOf(c.adapter);
  const blocks = blocksIn(doc, c.adapter);
  const results = blocks.map((block) => ({ block, ids: engine.diagnoseText(textOf(block, skip)).map((d) => d.entryId) }));
  return { doc, skip, blocks, results };
}

describe('page fixtures', () => {
  it('has a case for every fixture file', () => {
    const files = readdirSync(PAGES_DIR).filter((f) => f.endsWith('.html')).map((f) => f.slice(0, -5));
    expect([...new Set(PAGE_CASES.map((c) => c.fixture))].sort()).toEqual(files.sort());
  });

  it.each(PAGE_CASES)('$fixture ($adapter.id): the adapter handles its URL', (c) => {
    expect(c.adapter.isPage(new URL(c.url))).toBe(true);
  });

  it.each(PAGE_CASES)('$fixture: the thread root exists', (c) => {
    const { doc } = scan(c);
    expect(doc.querySelector(c.adapter.thread)).not.toBeNull();
  });

  it.each(PAGE_CASES)('$fixture: no block is returned twice or nested in another', (c) => {
    const { blocks } = scan(c);
    expect(blocks.length).toBeGreaterThan(0);
    expect(new Set(blocks).size).toBe(blocks.length);
    for (const a of blocks) for (const b of blocks) if (a !== b) expect(a.contains(b)).toBe(false);
  });

  it.each(PAGE_CASES)('$fixture: no block is in a skipped subtree', (c) => {
    const { blocks, skip } = scan(c);
    expect(blocks.filter((b) => b.closest(skip))).toEqual([]);
  });

  const foundCases = PAGE_CASES.flatMap((c) => c.found.map((f) => ({ ...f, c, name: `${c.fixture}: ${f.entry}` })));
  it.each(foundCases)('$name is found in $block, in its comment', ({ c, entry, block, comment, count = 1 }) => {
    const { doc, results } = scan(c);
    const holding = results.filter((r) => r.ids.includes(entry)).map((r) => r.block);
    expect(holding.length).toBe(count);
    const [hit] = holding;
    expect(hit.matches(block)).toBe(true);
    const own = hit.closest(c.adapter.comment);
    expect(own).not.toBeNull();
    expect(own!.closest(comment)).not.toBeNull();
    expect(doc.querySelector(c.adapter.thread)).not.toBeNull();
  });

  it.each(PAGE_CASES)('$fixture: only the expected errors are found', (c) => {
    const { results } = scan(c);
    const found = new Set(results.flatMap((r) => r.ids));
    for (const id of c.found.map((f) => f.entry)) expect(found).toContain(id);
    for (const id of c.absent) expect(found).not.toContain(id);
  });

  const absentCases = PAGE_CASES.flatMap((c) => c.absent.map((entry) => ({ c, entry, name: `${c.fixture}: ${entry}` })));
  it.each(absentCases)('$name is on the page, but only where nothing is scanned', ({ c, entry }) => {
    // Guards the test itself: the skipped text really is a known error.
    const { doc } = scan(c);
    const all = engine.diagnoseText(doc.body.textContent + '\n' + [...doc.querySelectorAll('textarea')].map((t) => t.value).join('\n'));
    expect(all.map((d) => d.entryId)).toContain(entry);
  });
});
