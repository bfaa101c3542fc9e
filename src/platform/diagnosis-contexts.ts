/**
 * Contexts handed to the diagnosis page (a badge's block and thread, a long selection),
 * kept in `storage.session` under random keys. They are bounded: at most MAX_CONTEXTS are
 * kept (the oldest go first), and the page that reads one removes it, keeping its own copy
 * in the tab's sessionStorage so a reload still shows it. Without this, a page that clicks
 * badges in a loop would fill the session area until other writes (toolbar counts) fail.
 */
import { storage } from 'wxt/utils/storage';
import { contextStorageKey, type StoredContext } from './diagnosis-link';

/** A context holds up to about 1.3 MB (messages.ts LIMITS); five stay well inside the 10 MB session area. */
export const MAX_CONTEXTS = 5;

const indexItem = storage.defineItem<string[]>('session:contextKeys', { fallback: [] });

/** Serializes index updates: two badges clicked at once must not drop each other's key. */
let queue: Promise<unknown> = Promise.resolve();
function serialized<T>(task: () => Promise<T>): Promise<T> {
  const run = queue.then(task, task);
  queue = run.catch(() => undefined);
  return run;
}

const readIndex = async (): Promise<string[]> => {
  const value = await indexItem.getValue();
  return Array.isArray(value) ? value.filter((k): k is string => typeof k === 'string') : [];
};

/** Stores a context and returns its key; throws when storage refuses it (quota). */
export function storeContext(context: StoredContext): Promise<string> {
  return serialized(async () => {
    const key = crypto.randomUUID();
    const keys = [...(await readIndex()), key];
    const dropped = keys.splice(0, Math.max(0, keys.length - MAX_CONTEXTS));
    if (dropped.length > 0) await storage.removeItems(dropped.map(contextStorageKey));
    await storage.setItems([
      { key: contextStorageKey(key), value: context },
      { item: indexItem, value: keys },
    ]);
    return key;
  });
}

const pageCopyKey = (key: string) => `faultline-context:${key}`;

/**
 * The diagnosis page's read: takes the context out of session storage (once), keeping a
 * copy in this tab's sessionStorage for reloads.
 */
export async function takeContext(key: string, tabStore: Pick<Storage, 'getItem' | 'setItem'> = sessionStorage): Promise<StoredContext | undefined> {
  const copy = tabStore.getItem(pageCopyKey(key));
  if (copy) {
    try {
      return JSON.parse(copy) as StoredContext;
    } catch {
      // A damaged copy: fall through to session storage.
    }
  }
  const value = await storage.getItem<StoredContext>(contextStorageKey(key));
  if (!value) return undefined;
  try {
    tabStore.setItem(pageCopyKey(key), JSON.stringify(value));
  } catch {
    // The tab's store is full: the page still shows the context, a reload will not.
  }
  await serialized(async () => {
    await storage.removeItem(contextStorageKey(key));
    await indexItem.setValue((await readIndex()).filter((k) => k !== key));
  });
  return value;
}
