/**
 * "Scan this page": asks the background to inject the content script into the tab
 * (activeTab + scripting), for sites that are not on by default.
 */
import { useState } from 'preact/hooks';
import { sendMessage } from '../platform/send';
import { t } from './i18n';

type ScanState = { kind: 'idle' } | { kind: 'scanning' } | { kind: 'done' } | { kind: 'failed'; error: string };

export function PopupScan(props: { tabId: number; onScanned: () => void }) {
  const [state, setState] = useState<ScanState>({ kind: 'idle' });
  const scan = async () => {
    setState({ kind: 'scanning' });
    try {
      const reply = await sendMessage({ type: 'ui:scan-tab', tabId: props.tabId });
      if (reply?.ok) {
        setState({ kind: 'done' });
        props.onScanned();
      } else {
        setState({ kind: 'failed', error: reply?.error ?? '' });
      }
    } catch (error) {
      setState({ kind: 'failed', error: error instanceof Error ? error.message : String(error) });
    }
  };
  return (
    <div class="popup-scan">
      <button type="button" class="popup-button" disabled={state.kind === 'scanning'} onClick={() => void scan()}>
        {t('popupScanPage')}
      </button>
      {/* Always present and one line high: the status appears without moving anything. */}
      <p class={state.kind === 'failed' ? 'popup-status popup-error' : 'popup-status'} role="status">
        {state.kind === 'scanning' && t('popupScanning')}
        {state.kind === 'done' && t('popupScanDone')}
        {state.kind === 'failed' && t('popupScanFailed', state.error)}
      </p>
    </div>
  );
}
