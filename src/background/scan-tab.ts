/**
 * "Scan this page": injects the content script into the active tab (the popup's
 * activeTab grant allows it on any site), flagged so it scans even where no adapter is
 * on. A running copy on that page is replaced: the background tells the older copy to stop
 * over its lifetime port (src/page/lifetime.ts).
 */
import { browser } from 'wxt/browser';

export async function scanTab(tabId: number): Promise<{ ok: boolean; error?: string }> {
  try {
    await browser.scripting.executeScript({
      target: { tabId },
      func: () => {
        (globalThis as Record<string, unknown>).__faultlineScanRequest = true;
      },
    });
    await browser.scripting.executeScript({ target: { tabId }, files: ['/content-scripts/content.js'] });
    return { ok: true };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}
