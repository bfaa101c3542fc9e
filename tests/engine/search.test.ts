import { describe, expect, it } from 'vitest';
import { buildSearchIndex, createSearcher, toSearchDoc } from '../../src/engine/search';
import { realKnowledge } from '../helpers/knowledge';

describe('fuzzy search over the real knowledge base', () => {
  const docs = realKnowledge().entries.map(toSearchDoc);
  const searcher = createSearcher(docs, JSON.parse(JSON.stringify(buildSearchIndex(docs))));

  it.each([
    ['the exact signature', 'MCP error -32000: Connection closed'],
    ['a misspelling', 'conection clsed'],
    ['a few words of it', 'mcp connection closed'],
  ])('finds the seed entry from %s', (_how, query) => {
    expect(searcher.search(query, 5).map((h) => h.doc.id)).toContain('mcp/connection-closed');
  });

  it.each([
    ['rate limit gemini', 'gemini/resource-exhausted'],
    ['npx enoent windows', 'node/spawn-enoent'],
    ['claude code exited code 1', 'claude-code/sdk-process-exited-with-code'],
  ])('finds an entry whose words are spread over title, tools and causes: %s', (query, id) => {
    expect(searcher.search(query, 3).map((h) => h.doc.id)).toContain(id);
  });

  it('ranks multi-word hits by how well every word matches, and keeps exact phrases first', () => {
    // The Gemini CLI's Flash fallback and its "exhausted your capacity" (both 429s) rank beside the quota entry.
    expect(searcher.search('rate limit gemini', 3).map((h) => h.doc.id)).toContain('gemini/resource-exhausted');
    expect(searcher.search('MCP error -32000: Connection closed', 1)[0].doc.id).toBe('mcp/connection-closed');
    expect(searcher.search('spawn npx ENOENT', 2).map((h) => h.doc.id).sort()).toEqual(['mcp/spawn-enoent', 'node/spawn-enoent']);
    // A word no entry has keeps its entries out, however well the others match.
    expect(searcher.search('gemini zqxjv', 5).map((h) => h.doc.id)).not.toContain('gemini/resource-exhausted');
  });

  it('returns matched ranges so the UI can highlight them', () => {
    const [hit] = searcher.search('Connection closed', 1);
    expect(hit.matches.length).toBeGreaterThan(0);
    expect(hit.matches[0].indices.length).toBeGreaterThan(0);
  });

  it('returns nothing for an empty query', () => {
    expect(searcher.search('   ')).toEqual([]);
  });
});

describe('Chinese search by words, not only exact titles (issue 13)', () => {
  const docs = realKnowledge().entries.map(toSearchDoc);
  const searcher = createSearcher(docs, JSON.parse(JSON.stringify(buildSearchIndex(docs))));
  const ids = (query: string, limit = 5) => searcher.search(query, limit).map((h) => h.doc.id);
  const chineseOf = (id: string) => {
    const doc = docs.find((d) => d.id === id)!;
    return [doc.title_zh, doc.causes_zh, doc.summary_zh].join('\n');
  };

  it.each([
    ['a word left out of the title (连接已关闭)', '连接关闭', 'mcp/connection-closed'],
    ['a homophone typed for one character (已 → 以)', '连接以关闭', 'mcp/connection-closed'],
    ['the whole Chinese title, punctuation included', 'MCP 错误 -32000：连接已关闭', 'mcp/connection-closed'],
    ['words of a title in another order', '模块找不到', 'python/module-not-found'],
    ['a Latin word and a Chinese word', 'gemini 配额', 'gemini/resource-exhausted'],
    ['a Latin word and a Chinese word without a space', 'gemini配额', 'gemini/resource-exhausted'],
    ['a term found only in cause titles', '按费用计算', 'gemini/resource-exhausted'],
  ])('finds an entry from %s: %s', (_how, query, id) => {
    expect(ids(query, 3)).toContain(id);
  });

  it('puts the entry whose title holds the words in order first', () => {
    expect(ids('连接关闭', 1)).toEqual(['mcp/connection-closed']);
    expect(ids('MCP 错误 -32000：连接已关闭', 1)).toEqual(['mcp/connection-closed']);
  });

  it.each([
    ['速率限制', 'docker/pull-rate-limit'],
    ['速率限制', 'llm-api/anthropic-rate-limit'],
    // These say 限流, the other translation of "rate limit".
    ['速率限制', 'copilot/rate-limited'],
    ['速率限制', 'codex-cli/retry-limit-429'],
    ['限流', 'llm-api/openai-rate-limit-reached'],
  ])('finds rate-limit entries under either translation: %s → %s', (query, id) => {
    expect(ids(query, 12)).toContain(id);
  });

  it('needs every word of a mixed query somewhere in the entry', () => {
    const hits = searcher.search('gemini 配额', 20);
    expect(hits.length).toBeGreaterThan(1);
    for (const { doc } of hits) {
      expect([doc.id, doc.title, doc.signature, doc.tools.join(' '), doc.causes, doc.summary].join(' ').toLowerCase()).toContain('gemini');
      expect(chineseOf(doc.id)).toContain('配额');
    }
    // A Gemini entry that never mentions a quota stays out, however well "gemini" matches.
    expect(ids('gemini 配额', 20)).not.toContain('gemini/cli-google-cloud-project-required');
    expect(ids('docker 配额', 20)).not.toContain('gemini/resource-exhausted');
  });

  it.each([
    ['a Chinese word no entry has', '量子纠缠'],
    ['a known Chinese word beside a Latin word no entry has', '配额 zqxjv'],
  ])('finds nothing for %s', (_how, query) => {
    expect(searcher.search(query)).toEqual([]);
  });

  it('does not take one shared pair for the word', () => {
    // 限制 ("limit") is one of the three pairs of 速率限制: alone it is not enough.
    const limitOnly = docs.find((d) => chineseOf(d.id).includes('限制') && !/速率限制|限流|限速|频率限制|速率/.test(chineseOf(d.id)));
    expect(limitOnly).toBeDefined();
    expect(ids('速率限制', 50)).not.toContain(limitOnly!.id);
    expect(ids('连接关闭', 50)).not.toContain('npm/eresolve');
  });

  it('marks the Chinese words in the Chinese title', () => {
    const [hit] = searcher.search('连接关闭', 1);
    const zh = hit.matches.find((m) => m.key === 'title_zh')!;
    expect(zh.indices.map(([start, end]) => zh.value!.slice(start, end + 1))).toEqual(['连接', '关闭']);
  });
});
