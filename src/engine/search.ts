/**
 * Fuzzy search over the knowledge base (fuse.js). The index is built at build time and
 * shipped as JSON, so the popup only parses it.
 */
import Fuse, { type FuseIndex, type FuseResultMatch } from 'fuse.js';
import type { Entry } from './types';

export interface SearchDoc {
  id: string;
  title: string;
  title_zh?: string;
  summary: string;
  tools: string[];
  /** The match patterns, one per line. */
  signature: string;
  /** Cause titles, one per line. */
  causes: string;
  topCause?: string;
}

export const SEARCH_KEYS = [
  { name: 'title', weight: 3 },
  { name: 'signature', weight: 3 },
  { name: 'title_zh', weight: 2 },
  { name: 'id', weight: 1 },
  { name: 'tools', weight: 1 },
  { name: 'causes', weight: 1 },
  { name: 'summary', weight: 0.5 },
];

export const FUSE_OPTIONS = {
  keys: SEARCH_KEYS,
  includeMatches: true,
  includeScore: true,
  ignoreLocation: true,
  threshold: 0.4,
  minMatchCharLength: 2,
} as const;

export function toSearchDoc(entry: Entry): SearchDoc {
  return {
    id: entry.id,
    title: entry.title,
    ...(entry.title_zh ? { title_zh: entry.title_zh } : {}),
    summary: entry.summary,
    tools: entry.tools,
    signature: entry.patterns.map((p) => (p.kind === 'text' ? p.text : p.anchor)).join('\n'),
    causes: entry.causes.map((c) => c.title).join('\n'),
    ...(entry.causes[0] ? { topCause: entry.causes[0].title } : {}),
  };
}

export function buildSearchIndex(docs: SearchDoc[]): unknown {
  return Fuse.createIndex(SEARCH_KEYS, docs).toJSON();
}

export interface SearchHit {
  doc: SearchDoc;
  score: number;
  matches: readonly FuseResultMatch[];
}

export interface Searcher {
  search(query: string, limit?: number): SearchHit[];
}

/** Creates a searcher from docs and, when given, their prebuilt index. */
export function createSearcher(docs: SearchDoc[], index?: unknown): Searcher {
  const parsed = index ? Fuse.parseIndex<SearchDoc>(index as Parameters<typeof Fuse.parseIndex>[0]) : undefined;
  const fuse = new Fuse(docs, FUSE_OPTIONS, parsed as FuseIndex<SearchDoc> | undefined);
  return {
    search(query, limit = 20) {
      const q = query.trim().slice(0, 200);
      if (q.length === 0) return [];
      return fuse.search(q, { limit }).map((r) => ({ doc: r.item, score: r.score ?? 1, matches: r.matches ?? [] }));
    },
  };
}
