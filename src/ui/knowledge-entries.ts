/**
 * The full knowledge base for the diagnosis page: the bundled entries plus the person's
 * own signatures, with one engine and one search over both, built on first use.
 */
import bundledEntries from '../knowledge/generated/entries.json';
import { createEngine, type Engine } from '../engine/diagnose';
import { createSearcher, toSearchDoc, type SearchHit } from '../engine/search';
import type { Entry } from '../engine/types';
import { toSignature } from '../knowledge/compile';
import { customSignaturesItem } from '../platform/custom-signatures';
import { getSearcher } from './knowledge-search';

export interface KnowledgeBase {
  entries: readonly Entry[];
  get(id: string): Entry | undefined;
  /** Whether the entry comes from the person's own signatures. */
  isCustom(id: string): boolean;
  readonly engine: Engine;
  search(query: string, limit?: number): SearchHit[];
}

/** A custom entry with a bundled entry's id replaces it: the person's file is the explicit choice. */
export function createKnowledgeBase(bundled: readonly Entry[], custom: readonly Entry[]): KnowledgeBase {
  const byId = new Map<string, Entry>();
  for (const entry of bundled) byId.set(entry.id, entry);
  for (const entry of custom) byId.set(entry.id, entry);
  const customIds = new Set(custom.map((e) => e.id));
  const entries = [...byId.values()];
  let engine: Engine | undefined;
  let customSearch: ReturnType<typeof createSearcher> | undefined;

  return {
    entries,
    get: (id) => byId.get(id),
    isCustom: (id) => customIds.has(id),
    get engine() {
      engine ??= createEngine(entries.map(toSignature));
      return engine;
    },
    search(query, limit = 10) {
      // The bundled index is prebuilt; the few custom entries are indexed here.
      customSearch ??= createSearcher(custom.map(toSearchDoc));
      // A bundled hit for an id that a custom entry replaced would show the wrong title.
      const bundledHits = getSearcher()
        .search(query, limit)
        .filter((hit) => !customIds.has(hit.doc.id));
      return [...bundledHits, ...customSearch.search(query, limit)]
        .sort((a, b) => a.score - b.score)
        .slice(0, limit);
    },
  };
}

let loading: Promise<KnowledgeBase> | undefined;

/** Loads the custom signatures once per page; a broken store falls back to the bundled entries. */
export function loadKnowledgeBase(): Promise<KnowledgeBase> {
  loading ??= customSignaturesItem
    .getValue()
    .then((stored) => (Array.isArray(stored?.entries) ? stored.entries : []))
    .catch(() => [] as Entry[])
    .then((custom) => createKnowledgeBase(bundledEntries as Entry[], custom));
  return loading;
}
