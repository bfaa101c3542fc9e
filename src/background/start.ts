/** Background: message handlers, the context menu, toolbar counts per tab. */
import { browser } from 'wxt/browser';
import { repairCustom } from '../platform/custom-store';
import { syncRegisteredContentScripts } from '../platform/permissions';
import { loadSettings } from '../platform/settings';
import { applyLanguageSetting } from '../ui/i18n';
import { showCount } from './action-count';
import { createContentLifetimes } from './content-lifetimes';
import { createMenus, onMenuClicked } from './context-menu';
import { warmDiagnoser } from './diagnose-for-page';
import { handleMessage } from './handle-message';
import { createTabFindings } from './tab-findings';

export function startBackground(): void {
  const findings = createTabFindings();
  const extension = { id: browser.runtime.id, origin: browser.runtime.getURL('/').replace(/\/$/, '') };

  browser.runtime.onMessage.addListener((message, sender) => handleMessage(message, sender, { extension, findings }));
  browser.runtime.onConnect.addListener(createContentLifetimes());
  // A content script connects as it starts: it will ask for diagnoses soon.
  browser.runtime.onConnect.addListener(() => warmDiagnoser());

  // A full page load starts over; SPA navigations are reported by the content script.
  browser.tabs.onUpdated.addListener((tabId, change) => {
    if (change.status === 'loading' && change.url) void findings.clear(tabId).then(() => showCount(tabId, []));
  });
  browser.tabs.onRemoved.addListener((tabId) => void findings.clear(tabId));

  browser.contextMenus.onClicked.addListener((info, tab) => void onMenuClicked(info, tab));
  const setUp = async () => {
    const settings = await loadSettings();
    applyLanguageSetting(settings.language);
    createMenus();
    // Optional sites (docs, chat) run through a registered content script; keep the
    // registration in step with the granted permissions and the settings.
    await syncRegisteredContentScripts().catch(() => {});
    // Damaged custom signatures are rebuilt from their files (the options page shows what was wrong).
    const problems = await repairCustom().catch((error: unknown) => [String(error)]);
    if (problems.length > 0) console.warn('Faultline: stored custom signatures repaired:', problems);
  };
  browser.permissions.onRemoved.addListener(() => void syncRegisteredContentScripts().catch(() => {}));
  browser.runtime.onInstalled.addListener(() => void setUp());
  browser.runtime.onStartup.addListener(() => void setUp());

  // The e2e suite cannot right-click a native menu in headless Chromium; it calls the
  // same handler the menu calls, from the service worker's console scope.
  (globalThis as Record<string, unknown>).faultlineOnMenuClicked = onMenuClicked;
}
