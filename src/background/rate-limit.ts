/**
 * Per-tab limits on what a page's messages can make the extension do. The badges act
 * only on trusted clicks, so a person never meets these; they stop a compromised or
 * hostile content context from opening tabs in a loop.
 */
export interface RateLimiter {
  /** True when `tabId` may act now (and counts the act); false when over its limit. */
  allow(tabId: number): boolean;
  forget(tabId: number): void;
}

export function createRateLimiter(limit: number, windowMs: number, now: () => number = Date.now): RateLimiter {
  const recent = new Map<number, number[]>();
  return {
    allow(tabId) {
      const t = now();
      const times = (recent.get(tabId) ?? []).filter((at) => t - at < windowMs);
      if (times.length >= limit) {
        recent.set(tabId, times);
        return false;
      }
      times.push(t);
      recent.set(tabId, times);
      return true;
    },
    forget(tabId) {
      recent.delete(tabId);
    },
  };
}
