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

  it('returns matched ranges so the UI can highlight them', () => {
    const [hit] = searcher.search('Connection closed', 1);
    expect(hit.matches.length).toBeGreaterThan(0);
    expect(hit.matches[0].indices.length).toBeGreaterThan(0);
  });

  it('returns nothing for an empty query', () => {
    expect(searcher.search('   ')).toEqual([]);
  });
});
