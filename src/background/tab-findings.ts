/**
 * What each tab's content script last reported. Kept in memory and mirrored to
 * `storage.session`, because an MV3 service worker is stopped when idle and must not
 * forget the counts it shows.
 */
import { storage } from 'wxt/utils/storage';
import type { FindingSummary } from '../platform/messages';

const item = storage.defineItem<Record<string, FindingSummary[]>>('session:tabFindings', { fallback: {} });

export interface TabFindings {
  get(tabId: number): Promise<FindingSummary[]>;
  set(tabId: number, findings: FindingSummary[]): Promise<void>;
  clear(tabId: number): Promise<void>;
}

export function createTabFindings(): TabFindings {
  let memory: Map<number, FindingSummary[]> | undefined;
  let writes = Promise.resolve();

  async function load(): Promise<Map<number, FindingSummary[]>> {
    if (!memory) {
      const stored = await item.getValue().catch(() => ({}));
      memory ??= new Map(Object.entries(stored ?? {}).map(([id, list]) => [Number(id), list]));
    }
    return memory;
  }
  function persist(map: Map<number, FindingSummary[]>) {
    // Writes are chained so a slow write cannot land after a newer one.
    writes = writes.then(() => item.setValue(Object.fromEntries(map))).catch(() => {});
    return writes;
  }

  return {
    async get(tabId) {
      return (await load()).get(tabId) ?? [];
    },
    async set(tabId, findings) {
      const map = await load();
      if (findings.length === 0) map.delete(tabId);
      else map.set(tabId, findings);
      await persist(map);
    },
    async clear(tabId) {
      const map = await load();
      if (map.delete(tabId)) await persist(map);
    },
  };
}
