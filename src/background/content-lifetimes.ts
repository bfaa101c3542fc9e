/**
 * The background's side of the content scripts' lifetime ports (src/page/lifetime.ts):
 * one copy per frame. When a newer copy connects from the same frame (the popup's "Scan
 * this page" injects one), the older copy is told to stop.
 */
import type { Runtime } from 'webextension-polyfill';
import { LIFETIME_PORT_PREFIX, STOP_MESSAGE } from '../page/lifetime';

export function createContentLifetimes() {
  const byFrame = new Map<string, { port: Runtime.Port; startedAt: string }>();
  return function onConnect(port: Runtime.Port): void {
    if (!port.name.startsWith(LIFETIME_PORT_PREFIX)) return;
    const tabId = port.sender?.tab?.id;
    if (tabId === undefined) return;
    const key = `${tabId}:${port.sender?.frameId ?? 0}`;
    const startedAt = port.name.slice(LIFETIME_PORT_PREFIX.length);
    const current = byFrame.get(key);
    if (current && current.startedAt > startedAt) {
      // An older copy reconnecting after the service worker slept: it is the one to stop.
      port.postMessage(STOP_MESSAGE);
      return;
    }
    if (current && current.startedAt !== startedAt) current.port.postMessage(STOP_MESSAGE);
    byFrame.set(key, { port, startedAt });
    port.onDisconnect.addListener(() => {
      if (byFrame.get(key)?.port === port) byFrame.delete(key);
    });
  };
}
