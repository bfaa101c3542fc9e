/**
 * Toolbar popup: typo-tolerant search over the whole knowledge base, the known errors
 * found on the current tab, the on/off switch for its site, "Scan this page" and a way
 * to the options.
 */
import { render } from 'preact';
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { sendMessage } from '../platform/send';
import { loadSettings, type Settings } from '../platform/settings';
import { applyLanguageSetting, t } from './i18n';
import { getActiveTab, openOptions, openPasteBox, webHostOf, type PopupTab } from './popup-browser';
import { PopupFindings, type FindingsState } from './popup-findings';
import { PopupScan } from './popup-scan';
import { PopupSearch } from './popup-search';
import { PopupSiteSwitch } from './popup-site-switch';

/** The content script reports after it has scanned; ask again once it has had time. */
const RECHECK_AFTER_SCAN_MS = 1_000;

export function PopupApp({ settings, tab }: { settings: Settings; tab?: PopupTab }) {
  const [findings, setFindings] = useState<FindingsState>(tab ? undefined : []);
  const recheck = useRef<ReturnType<typeof setTimeout>>();
  const tabId = tab?.id;

  const refresh = useCallback(() => {
    if (tabId === undefined) return;
    // No answer (no background, a page we cannot see) reads as "nothing found".
    sendMessage({ type: 'ui:tab-findings', tabId }).then(
      (reply) => setFindings(Array.isArray(reply) ? reply : []),
      () => setFindings([]),
    );
  }, [tabId]);
  useEffect(refresh, [refresh]);
  useEffect(() => () => clearTimeout(recheck.current), []);

  const onScanned = () => {
    refresh();
    clearTimeout(recheck.current);
    recheck.current = setTimeout(refresh, RECHECK_AFTER_SCAN_MS);
  };

  const host = webHostOf(tab?.url);
  return (
    <main class="popup">
      <header class="popup-header">
        <img src="/icon/32.png" width={20} height={20} alt="" />
        <h1>{t('extName')}</h1>
      </header>
      <PopupSearch>
        <PopupFindings findings={findings} />
      </PopupSearch>
      <footer class="popup-footer">
        {host && <PopupSiteSwitch host={host} disabledHosts={settings.disabledHosts} />}
        <div class="popup-actions">
          {tabId !== undefined && <PopupScan tabId={tabId} onScanned={onScanned} />}
          <button type="button" class="popup-button popup-link" onClick={() => void openPasteBox()}>
            {t('popupPasteLog')}
          </button>
          <button type="button" class="popup-button popup-link" onClick={() => void openOptions()}>
            {t('popupOptions')}
          </button>
        </div>
      </footer>
    </main>
  );
}

/** Reads settings and the current tab, picks the language, then renders once. */
export async function startPopup(root: HTMLElement): Promise<void> {
  const [settings, tab] = await Promise.all([loadSettings(), getActiveTab().catch(() => undefined)]);
  applyLanguageSetting(settings.language);
  document.title = t('extName');
  render(<PopupApp settings={settings} tab={tab} />, root);
}
