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
    expect(searcher.search('rate limit gemini', 1)[0].doc.id).toBe('gemini/resource-exhausted');
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
